// Internals of the actor resolver shared by resolver.cc (loading, the
// scan), titles.cc (people learned from titles) and coref.cc (surnames,
// pronouns, descriptions). Not a public header.
//
// One Resolve() call runs one left-to-right scan over the sentences: at
// each token the longest knowledge-base phrase, the longest gazetteer name
// and the run of capitalised words starting there compete; what wins
// becomes a mention whose actor is created (or found) in the per-document
// state. Titles, pronouns and descriptions read that state, so that what
// the article said earlier decides what they refer to.
#ifndef ANNALS_ACTORS_RESOLVER_IMPL_H_
#define ANNALS_ACTORS_RESOLVER_IMPL_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "actors/actors.h"
#include "actors/gazetteer.h"
#include "actors/kb.h"
#include "actors/matcher.h"

namespace annals::actors {

// Per-document working state (reused across documents by one thread).
struct DocState {
  std::string_view text;
  const TextLayer* layer = nullptr;
  std::optional<CivilDate> dct;
  ActorResult* out = nullptr;
  std::vector<uint64_t> hash;        // per token: TokenHash
  std::vector<uint16_t> cue;         // per token: CueClass bits
  std::vector<int32_t> tok_country;  // per token: country index named or qualified here, or -1
  std::vector<int32_t> tok_mention;  // per token: index of the mention covering it, or -1
  std::unordered_map<std::string, int32_t> actor_index;  // actor id -> index in out->actors
  std::unordered_map<uint64_t, int32_t> by_name;  // chain hash of a name -> actor (learned names)
  std::unordered_map<uint64_t, int32_t> by_surname;  // last-token hash of a person's name -> actor
  std::vector<int32_t> country_mentions;             // per KB country: mentions so far
  std::string scratch;
  bool all_caps_sentence = false;

  void Reset(std::string_view t, const TextLayer& l, std::optional<CivilDate> d, ActorResult* o,
             size_t n_countries);
};

struct Match {
  uint32_t len = 0;
  const PhraseEntry* entry = nullptr;
};

class ResolverImpl : public ActorResolver {
 public:
  Status Init(const std::string& data_dir);
  void Resolve(std::string_view text, const TextLayer& layer, std::optional<CivilDate> dct,
               ActorResult* out) const override;
  void AddDictionary(std::vector<DictionaryActor> actors, std::vector<DictionaryAgent> agents,
                     bool replace_builtin) override;

  const KnowledgeBase& kb() const { return kb_; }
  const Gazetteer* gazetteer() const { return gaz_.get(); }

 private:
  friend struct Scan;
  KnowledgeBase kb_;
  PhraseTable table_;
  std::unique_ptr<Gazetteer> gaz_;
  std::unordered_map<uint64_t, uint16_t> cue_by_hash_;
  std::unordered_map<uint64_t, uint8_t> given_by_hash_;
  std::vector<DictionaryActor> dict_actors_;
  std::vector<DictionaryAgent> dict_agents_;
  bool replace_builtin_ = false;
};

// The scan of one document (resolver.cc, titles.cc, coref.cc).
struct Scan {
  const ResolverImpl& r;
  DocState& st;

  const Token& tok(uint32_t i) const { return st.layer->tokens[i]; }
  std::string_view word(uint32_t i) const { return tok(i).in(st.text); }
  bool Cap(uint32_t i) const {
    return tok(i).is(Token::kWord) &&
           (tok(i).is(Token::kCapitalized) || tok(i).is(Token::kAllCaps));
  }

  void Run();
  void RunSentence(const Sentence& s);

  // Longest acceptable knowledge-base phrase at token i (ending before `end`).
  Match LongestPhrase(uint32_t i, uint32_t end) const;
  bool Accept(const PhraseEntry& e, uint32_t i) const;
  // Handles a phrase match at i; returns the number of tokens consumed.
  uint32_t OnPhrase(const Match& m, uint32_t i, uint32_t end);
  // End of the run of capitalised words starting at i.
  uint32_t ChunkEnd(uint32_t i, uint32_t end) const;
  // Tries the gazetteer on [i, chunk_end); returns tokens consumed.
  uint32_t TryGazetteer(uint32_t i, uint32_t chunk_end);
  // Classifies an unknown capitalised run [i, j); returns tokens consumed.
  uint32_t OnUnknownChunk(uint32_t i, uint32_t j);
  void SplitHyphenated(uint32_t i);
  // Sports results lines: names followed by scores are teams (ORG).
  void ResultsLine(const Sentence& s, size_t first_mention);

  // titles.cc
  uint32_t OnTitle(const Match& m, uint32_t i, uint32_t end);
  // coref.cc
  bool OnPronoun(uint32_t i);
  int32_t PronounAntecedent(uint32_t i) const;
  int32_t DescribedPerson(const KbRole& role, int32_t country, uint32_t from_tok) const;

  // Actors (each once per document) and mentions.
  int32_t CountryActor(int ci);
  int32_t GovActor(int ci, std::string_view sector, std::string_view surface);
  int32_t BodyActor(uint32_t bi);
  int32_t PersonActor(uint32_t pi);
  int32_t PlaceActor(std::string_view name, std::string_view iso3, std::optional<double> lat,
                     std::optional<double> lon, std::string_view id_hint);
  int32_t NamedActor(std::string_view name, ActorKind kind, std::string_view country,
                     std::string_view role, std::string_view cameo);
  int32_t AddActor(Actor a);
  void Emit(uint32_t first, uint32_t last, ActorKind type, int32_t actor, bool coref = false);
  void EmitBytes(uint32_t begin, uint32_t end, uint32_t tok, ActorKind type, int32_t actor);
  void RememberName(uint32_t first, uint32_t last, int32_t actor);
  uint64_t Chain(uint32_t first, uint32_t last) const;
  // Country named by the tokens just before `i` ("France 's", "French"), or -1.
  int32_t CountryBefore(uint32_t i) const;
  int32_t CountryFromContext(uint32_t i) const;
  // Word facts: a given name (lexicon or the compiled first-name lists),
  // a common English word that is not also a given name.
  bool IsGiven(uint32_t i) const;
  bool IsCommon(uint32_t i) const;
  // 'm' or 'f' when a person's first name says so, else 0.
  char GenderOf(int32_t actor) const;
};

std::string Slug(std::string_view name);
// "Zairean", "Kurdish", "Italians": adjectives and plurals of
// peoples (by suffix), which alone are not actors.
bool IsDemonym(std::string_view word);
// The office a person holds at `dct` (the last term that covers it), or null.
const KbTerm* TermAt(const KbPerson& p, std::optional<CivilDate> dct);

}  // namespace annals::actors

#endif  // ANNALS_ACTORS_RESOLVER_IMPL_H_
