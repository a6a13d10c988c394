// Phrase matching over tokens. Every token is reduced to a 64-bit hash of
// its folded form (ASCII lowercase, Latin-1 accents dropped, curly
// apostrophes straightened), and a phrase of n tokens to a chain of those
// hashes; a phrase table is an open-addressing hash map from chain hashes
// to entries, with every proper prefix of a phrase marked so that a
// longest-match scan stops as soon as no phrase can continue. The place
// gazetteer compiler hashes names with the same functions, so that its
// binary index and the matcher agree token for token.
#ifndef ANNALS_ACTORS_MATCHER_H_
#define ANNALS_ACTORS_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/text.h"

namespace annals::actors {

// Hash of one token's folded form.
uint64_t TokenHash(std::string_view token);
// Folded form itself (for slugs and comparisons).
void FoldToken(std::string_view token, std::string* out);
inline constexpr uint64_t kChainSeed = 0x6a09e667f3bcc908ULL;
inline uint64_t ChainHash(uint64_t chain, uint64_t token) {
  uint64_t h = (chain ^ token) * 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 31);
}
// Token hashes of a phrase tokenized by the text layer; `caps` gets bit k
// set when token k of the phrase starts with an uppercase letter.
void PhraseHashes(std::string_view phrase, std::vector<uint64_t>* hashes, uint32_t* caps);
uint64_t ChainOf(const std::vector<uint64_t>& hashes);

enum class EntryKind : uint8_t {
  kCountry,     // name or alias of a state
  kCountryAdj,  // adjective of a state: "French"
  kCapital,     // capital city from countries.tsv
  kRegion,      // lexicon/regions.tsv
  kBody,        // bodies.tsv
  kPerson,      // offices.tsv name or alias
  kSurname,     // last word of a known person's name (weak)
  kMetonym,     // metonyms.tsv
  kTitle,       // roles.tsv / lexicon/titles.tsv
  kDictActor,   // AddDictionary actors
  kDictAgent,   // AddDictionary agents
};

struct PhraseEntry {
  EntryKind kind;
  uint8_t ntok = 0;
  bool descriptive = false;  // all lowercase: only refers back to an actor already mentioned
  uint32_t caps = 0;         // tokens that must be capitalised in the text
  uint32_t ref = 0;          // index into the knowledge-base vector of `kind`
};

class PhraseTable {
 public:
  PhraseTable();
  void Add(std::string_view phrase, EntryKind kind, uint32_t ref);
  // Entries of the phrase whose token-hash chain is `chain`, or null.
  const std::vector<PhraseEntry>* Find(uint64_t chain) const;
  // True if some phrase starts with the chain (or equals it).
  bool HasPrefix(uint64_t chain) const;
  // Both in one probe: false if no phrase starts with the chain; else true,
  // with *entries the phrase's entries or null when the chain is only a
  // prefix.
  bool FindPrefix(uint64_t chain, const std::vector<PhraseEntry>** entries) const;
  size_t max_tokens() const { return max_tokens_; }
  size_t size() const { return groups_.size(); }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t group = kEmpty;  // index into groups_, kPrefixOnly, or kEmpty
  };
  static constexpr uint32_t kEmpty = 0xFFFFFFFF;
  static constexpr uint32_t kPrefixOnly = 0xFFFFFFFE;
  Slot* Probe(uint64_t key);
  const Slot* Lookup(uint64_t key) const;
  void Grow();
  std::vector<Slot> slots_;
  size_t used_ = 0;
  std::vector<std::vector<PhraseEntry>> groups_;
  size_t max_tokens_ = 0;
};

}  // namespace annals::actors

#endif  // ANNALS_ACTORS_MATCHER_H_
