// Token hashing and the phrase table (see matcher.h). The table is a
// linear-probing map kept at most half full, so a lookup is one or two
// cache lines; each hashed token costs one pass over its bytes.
#include "actors/matcher.h"

namespace annals::actors {
namespace {

// Base letter of U+00C0..U+00FF (second byte 0x80..0xBF after 0xC3), or 0.
char FoldLatin1(unsigned char second) {
  static const char kMap[64 + 1] =
      "aaaaaaaceeeeiiii"   // C0-CF
      "dnooooo*ouuuuyts"   // D0-DF (D7 multiply, DE thorn, DF sharp s)
      "aaaaaaaceeeeiiii"   // E0-EF
      "dnooooo/ouuuuyty";  // F0-FF
  if (second < 0x80 || second > 0xBF) return 0;
  return kMap[second - 0x80];
}

}  // namespace

void FoldToken(std::string_view t, std::string* out) {
  out->clear();
  for (size_t i = 0; i < t.size(); ++i) {
    const unsigned char c = t[i];
    if (c < 0x80) {
      out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
    } else if (c == 0xC3 && i + 1 < t.size() && FoldLatin1(t[i + 1])) {
      out->push_back(FoldLatin1(t[i + 1]));
      ++i;
    } else if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(t[i + 2]) == 0x98 ||
                static_cast<unsigned char>(t[i + 2]) == 0x99)) {
      out->push_back('\'');
      i += 2;
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
}

uint64_t TokenHash(std::string_view t) {
  // FNV-1a over the folded bytes, computed without materialising them.
  uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 0x100000001b3ULL;
  };
  for (size_t i = 0; i < t.size(); ++i) {
    const unsigned char c = t[i];
    if (c < 0x80) {
      mix(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else if (c == 0xC3 && i + 1 < t.size() && FoldLatin1(t[i + 1])) {
      mix(FoldLatin1(t[i + 1]));
      ++i;
    } else if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(t[i + 2]) == 0x98 ||
                static_cast<unsigned char>(t[i + 2]) == 0x99)) {
      mix('\'');
      i += 2;
    } else {
      mix(c);
    }
  }
  return h;
}

void PhraseHashes(std::string_view phrase, std::vector<uint64_t>* hashes, uint32_t* caps) {
  thread_local TextLayer layer;
  Tokenize(phrase, {}, &layer);
  hashes->clear();
  *caps = 0;
  for (size_t i = 0; i < layer.tokens.size(); ++i) {
    const Token& t = layer.tokens[i];
    hashes->push_back(TokenHash(t.in(phrase)));
    if (t.is(Token::kCapitalized) && i < 32) *caps |= 1u << i;
  }
}

uint64_t ChainOf(const std::vector<uint64_t>& hashes) {
  uint64_t h = kChainSeed;
  for (uint64_t t : hashes) h = ChainHash(h, t);
  return h;
}

PhraseTable::PhraseTable() : slots_(1024) {}

PhraseTable::Slot* PhraseTable::Probe(uint64_t key) {
  const size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (slots_[i].group == kEmpty || slots_[i].key == key) return &slots_[i];
  }
}

const PhraseTable::Slot* PhraseTable::Lookup(uint64_t key) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (slots_[i].group == kEmpty) return nullptr;
    if (slots_[i].key == key) return &slots_[i];
  }
}

void PhraseTable::Grow() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(old.size() * 2, Slot{});
  for (const Slot& s : old)
    if (s.group != kEmpty) *Probe(s.key) = s;
}

void PhraseTable::Add(std::string_view phrase, EntryKind kind, uint32_t ref) {
  std::vector<uint64_t> hashes;
  uint32_t caps = 0;
  PhraseHashes(phrase, &hashes, &caps);
  if (hashes.empty() || hashes.size() > 255) return;
  bool lower = true;
  for (char c : phrase)
    if (c >= 'A' && c <= 'Z') lower = false;
  uint64_t h = kChainSeed;
  for (size_t i = 0; i < hashes.size(); ++i) {
    if ((used_ + 1) * 2 > slots_.size()) Grow();
    h = ChainHash(h, hashes[i]);
    Slot* s = Probe(h);
    if (s->group == kEmpty) {
      s->key = h;
      s->group = kPrefixOnly;
      ++used_;
    }
    if (i + 1 == hashes.size()) {
      if (s->group == kPrefixOnly) {
        s->group = static_cast<uint32_t>(groups_.size());
        groups_.emplace_back();
      }
      std::vector<PhraseEntry>& g = groups_[s->group];
      for (const PhraseEntry& e : g)
        if (e.kind == kind && e.ref == ref) return;  // same phrase twice
      PhraseEntry e;
      e.kind = kind;
      e.ntok = static_cast<uint8_t>(hashes.size());
      e.descriptive = lower;
      e.caps = caps;
      e.ref = ref;
      g.push_back(e);
    }
  }
  if (hashes.size() > max_tokens_) max_tokens_ = hashes.size();
}

const std::vector<PhraseEntry>* PhraseTable::Find(uint64_t chain) const {
  const Slot* s = Lookup(chain);
  if (s == nullptr || s->group == kPrefixOnly) return nullptr;
  return &groups_[s->group];
}

bool PhraseTable::HasPrefix(uint64_t chain) const { return Lookup(chain) != nullptr; }

bool PhraseTable::FindPrefix(uint64_t chain, const std::vector<PhraseEntry>** entries) const {
  const Slot* s = Lookup(chain);
  if (s == nullptr) return false;
  *entries = s->group == kPrefixOnly ? nullptr : &groups_[s->group];
  return true;
}

}  // namespace annals::actors
