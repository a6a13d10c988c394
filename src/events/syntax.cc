// Shallow syntax for event coding: no parser, but enough structure over a
// news sentence to find who did it and to whom.
//
// Method: every word gets closed-class tags (determiner, preposition,
// auxiliary, relative pronoun, reporting verb, ...) from a small lexicon,
// and the actor mentions of the actors stage become the only noun chunks
// that matter. A chunk is a run of mentions glued by titles and
// capitalised words ("French President Emmanuel Macron"), its head the last
// mention; "and" joins conjuncts. Clauses are cut at hard punctuation,
// relative pronouns, subordinators, reporting verbs and "and"/"but" before
// a verb. The subject of a verb is the first chunk of its clause that is
// not inside a prepositional phrase; an infinitive ("to urge") takes the
// object of a control verb ("urge Beijing to press") or else its matrix
// subject; a relative pronoun takes its antecedent.
#include <algorithm>
#include <array>
#include <vector>

#include "events/internal.h"

namespace annals::events {
namespace {

struct LexEntry {
  std::string_view word;
  uint16_t tags;
};

// Sorted by word for binary search.
constexpr LexEntry kLexicon[] = {
    {"'s", 0},
    {"a", kDet},
    {"about", kPrep},
    {"after", kPrep | kSubord},
    {"against", kPrep},
    {"ahead", kPrep},
    {"all", kDet},
    {"allegedly", kAdverb},
    {"along", kPrep},
    {"already", kAdverb},
    {"also", kAdverb},
    {"although", kSubord},
    {"am", kAux | kBe},
    {"amid", kPrep},
    {"among", kPrep},
    {"an", kDet},
    {"and", kConj},
    {"announced", kReport},
    {"are", kAux | kBe},
    {"around", kPrep},
    {"as", kPrep | kSubord},
    {"at", kPrep},
    {"be", kAux | kBe},
    {"because", kSubord},
    {"been", kAux | kBe},
    {"before", kPrep | kSubord},
    {"being", kAux | kBe},
    {"between", kPrep},
    {"both", kDet},
    {"but", kConj},
    {"by", kPrep | kBy},
    {"ca", kAux | kModal},
    {"can", kAux | kModal},
    {"cannot", kAux | kModal | kNeg},
    {"could", kAux | kModal},
    {"did", kAux},
    {"do", kAux},
    {"does", kAux},
    {"during", kPrep},
    {"each", kDet},
    {"either", kDet},
    {"even", kAdverb},
    {"every", kDet},
    {"finally", kAdverb},
    {"first", kAdverb},
    {"for", kPrep},
    {"formally", kAdverb},
    {"from", kPrep},
    {"further", kAdverb},
    {"had", kAux},
    {"has", kAux},
    {"have", kAux},
    {"having", kAux},
    {"he", kPronoun},
    {"her", kDet},
    {"his", kDet},
    {"however", kAdverb},
    {"i", kPronoun},
    {"if", kSubord},
    {"in", kPrep},
    {"including", kPrep},
    {"into", kPrep},
    {"is", kAux | kBe},
    {"it", kPronoun},
    {"its", kDet},
    {"jointly", kAdverb},
    {"just", kAdverb},
    {"later", kAdverb},
    {"like", kPrep},
    {"may", kAux | kModal},
    {"might", kAux | kModal},
    {"must", kAux | kModal},
    {"n't", kNeg},
    {"near", kPrep},
    {"never", kNeg},
    {"no", kNeg | kDet},
    {"nor", kConj},
    {"not", kNeg},
    {"now", kAdverb},
    {"of", kPrep},
    {"officially", kAdverb},
    {"on", kPrep},
    {"once", kSubord},
    {"or", kConj},
    {"our", kDet},
    {"over", kPrep},
    {"publicly", kAdverb},
    {"quickly", kAdverb},
    {"recently", kAdverb},
    {"reportedly", kAdverb},
    {"reiterated", 0},
    {"said", kReport},
    {"says", kReport},
    {"separately", kAdverb},
    {"shall", kAux | kModal},
    {"she", kPronoun},
    {"should", kAux | kModal},
    {"since", kPrep | kSubord},
    {"some", kDet},
    {"soon", kAdverb},
    {"stated", kReport},
    {"still", kAdverb},
    {"strongly", kAdverb},
    {"than", kPrep},
    {"that", kRelPron},
    {"the", kDet},
    {"their", kDet},
    {"them", kPronoun},
    {"then", kAdverb},
    {"these", kDet},
    {"they", kPronoun},
    {"this", kDet},
    {"those", kDet},
    {"though", kSubord},
    {"through", kPrep},
    {"to", kPrep | kTo},
    {"told", kReport},
    {"toward", kPrep},
    {"towards", kPrep},
    {"under", kPrep},
    {"unless", kSubord},
    {"until", kPrep | kSubord},
    {"upon", kPrep},
    {"via", kPrep},
    {"was", kAux | kBe},
    {"we", kPronoun},
    {"were", kAux | kBe},
    {"when", kSubord},
    {"whereas", kSubord},
    {"which", kRelPron},
    {"while", kSubord},
    {"who", kRelPron},
    {"whom", kRelPron},
    {"whose", kRelPron},
    {"will", kAux | kModal},
    {"with", kPrep},
    {"within", kPrep},
    {"without", kPrep},
    {"wo", kAux | kModal},
    {"would", kAux | kModal},
    {"yet", kAdverb},
};

// Open-addressing table over the lexicon, keyed by a cheap hash of the
// word (first, last letters and length): one probe for most words.
class LexTable {
 public:
  LexTable() {
    for (const LexEntry& e : kLexicon) Put(e.word, e.tags);
    for (std::string_view r : {"say", "tell", "announce", "add", "report", "claim", "insist"})
      Put(r, kReportLemma);
  }
  uint16_t Get(std::string_view w) const {
    if (w.empty() || w.size() > 12) return 0;
    for (uint32_t h = Hash(w);; h = (h + 1) & (kSize - 1)) {
      const Slot& s = slots_[h];
      if (s.word.empty()) return 0;
      if (s.word == w) return s.tags;
    }
  }
  static constexpr uint16_t kReportLemma = 1u << 15 | 1u << 14;  // marker, stripped by callers

 private:
  static constexpr uint32_t kSize = 1024;
  struct Slot {
    std::string_view word;
    uint16_t tags = 0;
  };
  static uint32_t Hash(std::string_view w) {
    uint32_t h = static_cast<uint32_t>(w.size()) * 131u;
    for (char c : w) h = h * 31u + static_cast<unsigned char>(c);
    return h & (kSize - 1);
  }
  void Put(std::string_view w, uint16_t tags) {
    for (uint32_t h = Hash(w);; h = (h + 1) & (kSize - 1)) {
      if (slots_[h].word.empty() || slots_[h].word == w) {
        slots_[h].word = w;
        slots_[h].tags = tags;
        return;
      }
    }
  }
  Slot slots_[kSize];
};

const LexTable& Lex() {
  static const LexTable t;
  return t;
}

uint16_t LexTags(std::string_view w) {
  const uint16_t t = Lex().Get(w);
  return t == LexTable::kReportLemma ? 0 : t;
}

bool IsQuoteOrParen(std::string_view t) {
  return t == ";" || t == ":" || t == "(" || t == ")" || t == "--" || t == "\"" ||
         t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D" || t == "\xE2\x80\x94" || t == "[" || t == "]";
}

bool IsTitleWord(std::string_view lower) {
  // Lowercase nouns that sit between parts of a named chunk: "UNESCO leader
  // Audrey Azoulay", "Israeli prime minister Benjamin Netanyahu".
  static constexpr std::string_view kTitles[] = {
      "leader",     "leaders",     "president",  "minister",        "ministers",    "secretary",
      "chief",      "head",        "spokesman",  "spokeswoman",     "spokesperson", "official",
      "officials",  "envoy",       "ambassador", "foreign",         "prime",        "defence",
      "defense",    "counterpart", "general",    "commander",       "king",         "queen",
      "chancellor", "premier",     "director",   "deputy",          "vice",         "state",
      "interior",   "finance",     "top",        "senior",          "former",       "new",
      "then",       "opposition",  "army",       "military",        "government",   "troops",
      "forces",     "police",      "rebels",     "militants",       "soldiers",     "first",
      "acting",     "interim",     "chief",      "foreign-minister"};
  for (auto t : kTitles)
    if (lower == t) return true;
  return false;
}

}  // namespace

void Words::Build(std::string_view text, const TextLayer& layer, const Sentence& s,
                  const std::vector<Mention>& mentions, size_t* mention_cursor) {
  w.clear();
  arena.clear();
  const uint32_t n = s.last - s.first;
  w.resize(n);
  // Capacity for lowercase + lemma of every token, so views stay valid.
  arena.reserve(2 * (s.end - s.begin) + 16 * n + 16);
  std::string buf, lbuf;
  for (uint32_t i = 0; i < n; ++i) {
    const Token& t = layer.tokens[s.first + i];
    Word& x = w[i];
    x.token = s.first + i;
    x.text = t.in(text);
    x.capitalized = t.is(Token::kCapitalized);
    x.punct = t.is(Token::kPunct) || t.is(Token::kQuote);
    x.mention = -1;
    const size_t at = arena.size();
    LowerAscii(x.text, &buf);
    arena.append(buf);
    x.lower = std::string_view(arena).substr(at, buf.size());
    x.tags = 0;
    x.past = false;
    x.ing = false;
    if (x.punct) {
      x.lemma = x.lower;
      const bool apostrophe = x.text == "'" || x.text == "\xE2\x80\x99";
      if (x.text == ",")
        x.tags |= kComma;
      else if (apostrophe && i > 0 && !w[i - 1].punct)
        x.lower = "'";  // possessive "ministers'"
      else if (IsQuoteOrParen(x.text) || t.is(Token::kQuote))
        x.tags |= kPunctClause;
      continue;
    }
    x.tags = LexTags(x.lower);
    // -ly adverbs ("fiercely", "strongly") sit inside verb groups.
    if (x.tags == 0 && x.lower.size() > 5 && x.lower.ends_with("ly") && !x.capitalized) {
      static constexpr std::string_view kNotAdverbs[] = {"supply",   "rally",   "reply",
                                                         "apply",    "family",  "assembly",
                                                         "monopoly", "anomaly", "multiply"};
      bool adv = true;
      for (auto n : kNotAdverbs) adv &= x.lower != n;
      if (adv) x.tags |= kAdverb;
    }
    // Contracted negation: "didn't" may come as one token.
    if (x.lower.size() > 3 && x.lower.ends_with("n't")) x.tags |= kNeg | kAux;
    std::string_view lemma = VerbLemma(x.lower, &lbuf);
    if (lemma.data() == x.lower.data() && lemma.size() == x.lower.size()) {
      x.lemma = x.lower;
    } else {
      const size_t at2 = arena.size();
      arena.append(lemma);
      x.lemma = std::string_view(arena).substr(at2, lemma.size());
    }
    x.past = IsPastForm(x.lower);
    x.ing = x.lower.size() > 4 && x.lower.ends_with("ing");
    // Reporting verbs by lemma: said, tells, announced, added...
    if (Lex().Get(x.lemma) == LexTable::kReportLemma) x.tags |= kReport;
  }
  // Mentions: advance the cursor to this sentence.
  size_t& m = *mention_cursor;
  while (m < mentions.size() && mentions[m].last_token <= s.first) ++m;
  for (size_t k = m; k < mentions.size() && mentions[k].first_token < s.last; ++k) {
    const Mention& mm = mentions[k];
    for (uint32_t t = std::max(mm.first_token, s.first); t < std::min(mm.last_token, s.last); ++t)
      w[t - s.first].mention = static_cast<int32_t>(k);
  }
}

bool CanBeVerb(const Words& ws, uint32_t i) {
  const Word& x = ws.w[i];
  if (x.punct || x.mention >= 0) return false;
  if (x.has(kDet | kPrep | kConj | kPronoun | kRelPron | kSubord)) return false;
  if (x.capitalized && i > 0) return false;
  if (i > 0 && ws.w[i - 1].has(kDet) && !ws.w[i - 1].has(kNeg)) return false;  // "the talks"
  // A base or -s form is a finite verb only after its subject or an
  // auxiliary ("will visit", "to visit", "leaders visit"); after adjectives
  // it is a noun ("a brief private visit").
  if (!x.past && !x.ing && i > 0) {
    uint32_t k = i;
    while (k > 0 && ws.w[k - 1].has(kAdverb)) --k;
    if (k > 0) {
      const Word& p = ws.w[k - 1];
      const bool ok = p.mention >= 0 || p.capitalized ||
                      p.has(kAux | kModal | kTo | kNeg | kPronoun | kRelPron | kConj) ||
                      p.has(kComma) || (p.lower.size() > 3 && p.lower.ends_with("s"));
      if (!ok) return false;
    }
  }
  // A gerund after a preposition is a complement, not a predicate: "talks
  // on supporting Ukraine".
  if (x.ing && i > 0 && ws.w[i - 1].has(kPrep) && !ws.w[i - 1].has(kTo | kSubord)) return false;
  return true;
}

uint32_t VerbGroupStart(const Words& ws, uint32_t v) {
  uint32_t g = v;
  // Aspectual verbs before a gerund belong to its group: "stop arming",
  // "continue shelling", "resume talking".
  if (ws.w[v].ing && v > 0) {
    const std::string_view l = ws.w[v - 1].lemma;
    if (l == "stop" || l == "cease" || l == "quit" || l == "keep" || l == "continue" ||
        l == "start" || l == "begin" || l == "resume" || l == "halt" || l == "end")
      g = v - 1;
  }
  while (g > 0) {
    const Word& p = ws.w[g - 1];
    if (p.has(kAux | kModal | kNeg | kAdverb | kTo)) {
      --g;
      continue;
    }
    // "is due to", "is expected to", "is set to", "plans to": the frame
    // words between an auxiliary and "to".
    static constexpr std::string_view kFrame[] = {
        "due",     "expected", "set",        "scheduled", "going",    "about",
        "likely",  "slated",   "poised",     "said",      "believed", "reported",
        "thought", "alleged",  "understood", "known",     "supposed", "ready",
        "able",    "unable",   "planning",   "preparing", "willing",  "unlikely"};
    bool is_frame = false;
    for (auto f : kFrame) is_frame |= p.lower == f;
    if (is_frame && !p.punct && p.mention < 0 && g >= 2 && g < ws.w.size() && ws.w[g].has(kTo) &&
        ws.w[g - 2].has(kAux | kAdverb)) {
      --g;
      continue;
    }
    break;
  }
  return g;
}

bool IsPassive(const Words& ws, uint32_t v) {
  if (!ws.w[v].past) return false;
  for (uint32_t g = v; g > 0;) {
    --g;
    const Word& p = ws.w[g];
    if (p.has(kBe)) return true;
    if (p.lower == "get" || p.lower == "got" || p.lower == "gets") return true;
    if (p.has(kAdverb | kNeg | kModal)) continue;
    if (p.lower == "have" || p.lower == "has" || p.lower == "had") return false;
    break;
  }
  return false;
}

// Is the word at i a clause boundary, given we scan leftwards from a verb?
static bool IsBoundary(const Words& ws, uint32_t i) {
  const Word& x = ws.w[i];
  if (x.has(kPunctClause | kRelPron | kSubord | kReport)) {
    // "as" and "after" as prepositions before a noun are not boundaries
    // ("as a symbol", "after talks"); as subordinators they are.
    if (x.has(kPrep) && i + 1 < ws.w.size()) {
      const Word& n = ws.w[i + 1];
      if (n.has(kDet) || (n.mention < 0 && !n.has(kPronoun) && !n.capitalized)) return false;
      if (n.mention >= 0) {
        // after X met ... is a clause; after X is a phrase: look for a verb.
        for (uint32_t k = i + 1; k < ws.w.size() && k < i + 8; ++k) {
          if (ws.w[k].has(kAux) || (ws.w[k].past && CanBeVerb(ws, k))) return true;
          if (ws.w[k].punct) break;
        }
        return false;
      }
    }
    return true;
  }
  if (x.has(kConj) && x.lower != "or" && i + 1 < ws.w.size()) {
    // VP coordination: "and met", "and will meet", "and in China ... to urge"
    uint32_t k = i + 1;
    while (k < ws.w.size() && ws.w[k].has(kAdverb)) ++k;
    if (k < ws.w.size()) {
      const Word& n = ws.w[k];
      if (n.has(kAux | kModal | kTo)) return true;
      if (n.has(kPrep)) return true;
      if (CanBeVerb(ws, k) && !n.has(kDet) && (n.past || n.lower.ends_with("s")) &&
          !(k + 1 < ws.w.size() && ws.w[k + 1].mention >= 0 && ws.w[k + 1].capitalized && false))
        return n.past;
    }
  }
  return false;
}

uint32_t ClauseStart(const Words& ws, uint32_t v) {
  for (uint32_t i = v; i > 0; --i)
    if (IsBoundary(ws, i - 1)) return i;
  return 0;
}

uint32_t ClauseEnd(const Words& ws, uint32_t from) {
  const uint32_t n = static_cast<uint32_t>(ws.w.size());
  for (uint32_t i = from + 1; i < n; ++i) {
    const Word& x = ws.w[i];
    if (x.has(kPunctClause | kRelPron)) return i;
    if (x.has(kSubord) && !x.has(kPrep)) return i;
    if (x.has(kReport) && i > from + 1) return i;
    if (x.lower == "." || x.lower == "?" || x.lower == "!") return i;
  }
  return n;
}

// Extends a chunk that starts at the mention word `i` to the right.
static uint32_t ExtendChunk(const Words& ws, uint32_t i, uint32_t limit, int32_t* head) {
  uint32_t p = i;
  *head = ws.w[i].mention;
  while (p < limit) {
    const Word& x = ws.w[p];
    if (x.mention >= 0) {
      *head = x.mention;
      ++p;
      continue;
    }
    if (x.lower == "'s" || x.lower == "'") {
      // possessive: "France's Armed Forces Minister Sebastien Lecornu"
      if (p + 1 < limit && (ws.w[p + 1].mention >= 0 || ws.w[p + 1].capitalized)) {
        ++p;
        continue;
      }
      // "Russia's foreign minister Sergei Lavrov", "Ithilen's awful and
      // evil minister Calimehtar": modifiers, then the owner's person.
      uint32_t k = p + 1;
      while (k < limit && k < p + 6 && ws.w[k].mention < 0 && !ws.w[k].punct &&
             !ws.w[k].has(kDet | kPrep | kAux | kRelPron | kSubord | kReport | kModal) &&
             (ws.w[k].lower == "and" || !ws.w[k].has(kConj)))
        ++k;
      if (k < limit && k > p + 1 && ws.w[k].mention >= 0) {
        p = k;
        continue;
      }
      break;
    }
    if (x.capitalized && !x.punct && !x.has(kDet | kPrep | kConj | kRelPron | kPronoun)) {
      // A capitalised word continues the chunk only if a mention follows
      // soon ("President Emmanuel Macron"), else it is part of a name the
      // actors stage did not know and we stop at the last mention.
      uint32_t k = p;
      while (k < limit && k < p + 4 && ws.w[k].mention < 0 && ws.w[k].capitalized && !ws.w[k].punct)
        ++k;
      if (k < limit && ws.w[k].mention >= 0) {
        p = k;
        continue;
      }
      break;
    }
    if (IsTitleWord(x.lower)) {
      uint32_t k = p;
      while (k < limit && k < p + 4 && ws.w[k].mention < 0 &&
             (IsTitleWord(ws.w[k].lower) || ws.w[k].capitalized))
        ++k;
      if (k < limit && ws.w[k].mention >= 0) {
        p = k;
        continue;
      }
      // trailing titles ("EU leaders") belong to the chunk but add no mention.
      p = k;
      break;
    }
    if (x.lower == "of" && p + 1 < limit) {
      uint32_t k = p + 1;
      if (k < limit && ws.w[k].has(kDet)) ++k;
      if (k < limit && ws.w[k].mention >= 0 && ws.w[k].capitalized) {
        // "Secretary of State Antony Blinken" / "President of France"
        p = k;
        continue;
      }
    }
    break;
  }
  return p;
}

ActorChunk ChunkAt(const Words& ws, uint32_t i, uint32_t limit, int max_skip) {
  ActorChunk c;
  limit = std::min<uint32_t>(limit, static_cast<uint32_t>(ws.w.size()));
  uint32_t p = i;
  int skipped = 0;
  while (p < limit && ws.w[p].mention < 0) {
    const Word& x = ws.w[p];
    if (x.has(kDet) || x.has(kAdverb)) {
      ++p;
      continue;
    }
    if (x.lower == "of" && skipped > 0 && skipped <= max_skip) {
      ++p;
      continue;
    }  // "demands of the EU"
    if (x.punct || x.has(kPrep | kConj | kRelPron | kSubord | kAux | kReport)) return c;
    if (skipped >= max_skip) return c;
    ++skipped;
    ++p;
  }
  if (p >= limit) return c;
  c.first = p;
  while (true) {
    int32_t head = -1;
    uint32_t end = ExtendChunk(ws, p, limit, &head);
    c.mentions.push_back(head);
    c.ends.push_back(end);
    c.last = end;
    // Coordination: "X and Y", "X, Y and Z".
    uint32_t k = end;
    if (k < limit && (ws.w[k].lower == "and" || ws.w[k].lower == "," || ws.w[k].lower == "or")) {
      uint32_t j = k + 1;
      if (j < limit && (ws.w[j].lower == "and")) ++j;
      while (j < limit && ws.w[j].has(kDet)) ++j;
      // allow a modifier or two before the next mention ("and French leaders")
      uint32_t j2 = j;
      while (j2 < limit && j2 < j + 4 && ws.w[j2].mention < 0 && !ws.w[j2].punct &&
             !ws.w[j2].has(kPrep | kConj | kAux | kRelPron) &&
             (j2 < j + 2 || ws.w[j2].capitalized || IsTitleWord(ws.w[j2].lower)))
        ++j2;
      if (j2 < limit && ws.w[j2].mention >= 0) {
        // A comma-joined item must be followed by a later "and" to be a list.
        if (ws.w[k].lower == "," && ws.w[k + 1].lower != "and") {
          bool list = false;
          for (uint32_t q = j2; q < limit && q < j2 + 8; ++q)
            if (ws.w[q].lower == "and") {
              list = true;
              break;
            }
          if (!list) break;
        }
        p = j2;
        continue;
      }
    }
    break;
  }
  return c;
}

// The first actor chunk in [from, to) that is not the object of a
// preposition; skips parentheticals between commas after it.
static ActorChunk FirstSubjectChunk(const Words& ws, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to; ++i) {
    const Word& x = ws.w[i];
    if (x.mention < 0) continue;
    // Inside a PP? look back over modifiers to the previous function word.
    uint32_t b = i;
    while (b > from && ws.w[b - 1].mention < 0 && !ws.w[b - 1].punct &&
           !ws.w[b - 1].has(kPrep | kConj | kAux | kRelPron | kSubord) && b + 4 > i)
      --b;
    bool in_pp = b > from && ws.w[b - 1].has(kPrep);
    // "Secretary of State Antony Blinken": "of" inside a capitalised title.
    if (in_pp && ws.w[b - 1].lower == "of" && b >= 2 && ws.w[b - 2].capitalized &&
        !ws.w[b - 2].punct)
      in_pp = false;
    if (b == from && from > 0 && ws.w[from - 1].has(kPrep) && !ws.w[from - 1].has(kSubord))
      in_pp = true;
    ActorChunk c = ChunkAt(ws, i, to, 0);
    if (!c.found()) continue;
    if (in_pp) {
      i = c.last - 1;
      continue;
    }
    // "Blinken, a fluent French speaker," : the chunk stands.
    return c;
  }
  return ActorChunk{};
}

ActorChunk SubjectOf(const Words& ws, uint32_t v, bool* controlled) {
  if (controlled) *controlled = false;
  const uint32_t g = VerbGroupStart(ws, v);
  // Infinitive: "to urge", "is to go", "will head ... to discuss".
  uint32_t to_at = UINT32_MAX;
  for (uint32_t k = g; k < v; ++k)
    if (ws.w[k].has(kTo)) to_at = k;
  if (to_at != UINT32_MAX) {
    // Object control: "urge Beijing to press", "asked X to".
    if (to_at > 0 && ws.w[to_at - 1].mention >= 0) {
      uint32_t cstart = to_at - 1;
      while (cstart > 0 && (ws.w[cstart - 1].mention >= 0 || ws.w[cstart - 1].capitalized))
        --cstart;
      // the word before the chunk: a verb (not a preposition) means control.
      if (cstart > 0) {
        const Word& before = ws.w[cstart - 1];
        if (!before.punct && !before.has(kPrep | kConj | kDet | kRelPron | kSubord) &&
            before.mention < 0 && !before.has(kAux)) {
          if (controlled) *controlled = true;
          return ChunkAt(ws, cstart, to_at, 0);
        }
      }
    }
    // Is there an auxiliary frame in the group ("is to go", "was due to")?
    bool frame = false;
    for (uint32_t k = g; k < to_at; ++k) frame |= ws.w[k].has(kAux);
    if (!frame && g > 0) {
      // Purpose clause: find the governing verb to the left and use its subject.
      for (uint32_t k = g; k > 0; --k) {
        const uint32_t j = k - 1;
        if (ws.w[j].has(kPunctClause)) break;
        if (ws.w[j].has(kAux) || ((ws.w[j].past || ws.w[j].ing) && CanBeVerb(ws, j)) ||
            (ws.w[j].has(kReport))) {
          if (ws.w[j].has(kReport)) break;
          return SubjectOf(ws, j);
        }
      }
    }
  }
  uint32_t cs = ClauseStart(ws, g);
  if (cs > 0 && ws.w[cs - 1].has(kRelPron) && ws.w[cs - 1].lower != "that") {
    // "Pashinyan, who has been seeking": the antecedent.
    uint32_t k = cs - 1;
    while (k > 0 && (ws.w[k - 1].lower == ",")) --k;
    if (k > 0 && ws.w[k - 1].mention >= 0) {
      uint32_t b = k - 1;
      while (b > 0 && (ws.w[b - 1].mention >= 0 || ws.w[b - 1].capitalized)) --b;
      return ChunkAt(ws, b, k, 0);
    }
  }
  // "X and Y welcomed ..., the official news agency said": the reporting
  // verb's subject is the phrase after the last comma, even when it is no
  // known actor.
  if (ws.w[v].has(kReport) && g > cs) {
    for (uint32_t k = g; k > cs; --k) {
      if (!ws.w[k - 1].has(kComma)) continue;
      bool plain_np = k < g;
      for (uint32_t j = k; j < g && plain_np; ++j)
        plain_np = ws.w[j].mention < 0 && !ws.w[j].punct &&
                   !ws.w[j].has(kAux | kRelPron | kSubord | kReport);
      if (plain_np) return ActorChunk{};
      break;
    }
  }
  ActorChunk c = FirstSubjectChunk(ws, cs, g);
  // "..., the official news agency WFNA said": a chunk between the last
  // comma and the verb is its subject (unless it ends a list that the
  // clause's first chunk already spans).
  if (c.found() && c.last != g) {
    for (uint32_t k = g; k > cs; --k) {
      if (!ws.w[k - 1].has(kComma)) continue;
      ActorChunk after = FirstSubjectChunk(ws, k, g);
      bool tail_plain = after.found();
      for (uint32_t j = after.last; j < g && tail_plain; ++j)
        tail_plain = !ws.w[j].punct && !ws.w[j].has(kAux | kRelPron | kSubord | kReport | kPrep) &&
                     !ws.w[j].past;
      if (tail_plain && after.first > c.last) return after;
      break;
    }
  }
  if (c.found()) return c;
  // Nothing in this segment: VP coordination ("and met") or a clause after
  // a comma; borrow the subject of the previous clause.
  if (cs > 0) {
    const Word& b = ws.w[cs - 1];
    if (b.has(kConj) || b.has(kComma)) {
      for (uint32_t k = cs - 1; k > 0; --k) {
        const uint32_t j = k - 1;
        if (ws.w[j].has(kPunctClause)) break;
        if (ws.w[j].has(kAux) || ((ws.w[j].past) && CanBeVerb(ws, j))) return SubjectOf(ws, j);
      }
      return FirstSubjectChunk(ws, ClauseStart(ws, cs - 1), cs - 1);
    }
  }
  return c;
}

}  // namespace annals::events
