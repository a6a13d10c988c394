// Internals of the events stage, shared by its files (not a public API):
// the compiled pattern rules, the per-sentence word view the matcher and
// the shallow syntax work on, and the helpers each file provides.
//
// Data flow for one sentence: Words (lowercase + lemma + closed-class tags
// + mention index per token) -> trigger lookup by lemma -> rule literal
// match (patterns.cc) -> source/target/clause from shallow syntax
// (syntax.cc) -> mode (mode.cc) -> date, place, fusion (coder.cc).
#ifndef ANNALS_EVENTS_INTERNAL_H_
#define ANNALS_EVENTS_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "events/events.h"

namespace annals::events {

// --- compiled patterns ------------------------------------------------

// One element of a pattern.
struct Elem {
  enum Kind : uint8_t {
    kWord,    // one of `words` (compared by lemma)
    kSource,  // the source slot
    kTarget,  // the target slot
    kGap,     // up to `max_gap` tokens of anything inside the clause
  };
  Kind kind = kWord;
  bool optional = false;
  bool place_only = false;         // slot filled only by a PLACE or STATE ("T:place")
  bool adjacent = false;           // must directly follow the previous element (PETRARCH '_')
  std::vector<std::string> words;  // lemmas (lowercase) of every form of each alternative
  std::vector<std::string> shown;  // the alternatives as written (for writing rules back out)
};

struct Rule {
  std::string id;                // "verb:MEET_WITH", "petrarch:MEET#5442"
  std::string code;              // CAMEO code
  std::string planned_code;      // code used when the event is planned ("036" for meetings)
  std::string reverse_code;      // PETRARCH "[a:b]": b is coded from target to source
  bool implicit_target = false;  // no T slot: the first actor after the verb is the target
  bool symmetric = false;        // "A and B met" gives A->B and B->A
  bool target_optional = false;
  bool verbal = true;  // anchored on a verb whose subject is the source
  bool loose = false;  // gaps of a few tokens allowed between elements (imported)
  // Verbal rules: the verb lemma(s) anchoring the rule (first element after S).
  std::vector<std::string> verbs;
  // Elements before the verb (PETRARCH "pre-verb" words) and after it.
  std::vector<Elem> pre;
  std::vector<Elem> post;
  int priority = 0;  // more specific rules (more literal words) win
  std::string file;  // for error messages and explanation
  uint32_t line = 0;
};

class RuleSet {
 public:
  // Parses the annals pattern format (docs/PATTERNS.md). `name` is used in
  // error messages ("patterns/consult.txt:12: ...").
  Status AddText(std::string_view text, const std::string& name);
  Status AddFile(const std::string& path);
  void Add(Rule r);
  void Clear();
  // Rules anchored at the lemma (verbal) or first word (nominal).
  const std::vector<uint32_t>* Lookup(std::string_view lemma) const;
  const Rule& rule(uint32_t i) const { return rules_[i]; }
  size_t size() const { return rules_.size(); }

 private:
  // Heterogeneous lookup: a string_view finds without allocating.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<Rule> rules_;
  std::unordered_map<std::string, std::vector<uint32_t>, Hash, std::equal_to<>> index_;
};

// Writes a rule in the pattern format (one line, no newline).
std::string FormatRule(const Rule& r);

// Parses a PETRARCH verb dictionary (CAMEO.2.0.txt style) into rules.
Status ImportPetrarchVerbs(std::string_view text, const std::string& name, RuleSet* out,
                           size_t* patterns_read);

// --- per-sentence word view ---------------------------------------------

enum WordTag : uint16_t {
  kDet = 1 << 0,           // a, an, the, this, his, their, its ...
  kPrep = 1 << 1,          // in, at, on, with, to, for, of, by ...
  kConj = 1 << 2,          // and, or, but, as well as
  kAux = 1 << 3,           // be/have/do forms, modals
  kModal = 1 << 4,         // will, would, could, may, might, should, shall, can, must
  kNeg = 1 << 5,           // not, n't, never, no
  kRelPron = 1 << 6,       // who, which, that, whom, whose
  kSubord = 1 << 7,        // after, before, while, because, if, although, when, as
  kPronoun = 1 << 8,       // he, she, they, it, we
  kReport = 1 << 9,        // said, told, announced, added, stated (reporting verbs)
  kPunctClause = 1 << 10,  // ; : ( ) -- and sentence-internal quotes
  kComma = 1 << 11,
  kAdverb = 1 << 12,  // also, recently, reportedly, ... (skippable inside verb groups)
  kTo = 1 << 13,
  kBe = 1 << 14,
  kBy = 1 << 15,
};

struct Word {
  std::string_view text;   // as written
  std::string_view lower;  // lowercase (points into Words::arena_)
  std::string_view lemma;  // verb lemma of lower (or lower)
  uint16_t tags = 0;
  int32_t mention = -1;  // index into ActorResult::mentions, -1 if none
  uint32_t token = 0;    // index into TextLayer::tokens
  bool capitalized = false;
  bool punct = false;
  bool past = false;  // past form / participle
  bool ing = false;
  bool has(uint16_t t) const { return (tags & t) != 0; }
};

// The words of one sentence, built once and reused (buffers kept).
struct Words {
  std::vector<Word> w;
  std::string arena;  // lowercase + lemma storage
  void Build(std::string_view text, const TextLayer& layer, const Sentence& s,
             const std::vector<Mention>& mentions, size_t* mention_cursor);
};

// --- shallow syntax (syntax.cc) ----------------------------------------

// A noun chunk holding one or more actor mentions, as found at a slot.
struct ActorChunk {
  std::vector<int32_t> mentions;  // head mention of each conjunct
  std::vector<uint32_t> ends;     // end word of each conjunct
  uint32_t first = 0, last = 0;   // word range [first, last)
  bool found() const { return !mentions.empty(); }
};

// Start of the clause that word `v` (a verb) belongs to.
uint32_t ClauseStart(const Words& ws, uint32_t v);
// End (exclusive) of the clause that starts after word `from`.
uint32_t ClauseEnd(const Words& ws, uint32_t from);
// The actor chunk starting at or shortly after word `i` (skipping
// determiners and a few modifiers), ending before `limit`.
ActorChunk ChunkAt(const Words& ws, uint32_t i, uint32_t limit, int max_skip);
// The grammatical subject of the verb group that ends just before `v`
// (the verb itself at `v`), following infinitival purpose clauses and
// relative pronouns back to their antecedent.
// `controlled` (optional) is set when the subject is the object of a
// control verb ("urge Beijing to press"): the event is wanted, not done.
ActorChunk SubjectOf(const Words& ws, uint32_t v, bool* controlled = nullptr);
// First word of the verb group of the verb at `v` (auxiliaries, adverbs,
// negation and infinitival "to" before it).
uint32_t VerbGroupStart(const Words& ws, uint32_t v);
// True if the verb at `v` is passive (be + participle).
bool IsPassive(const Words& ws, uint32_t v);
// True if word i may be a verb (not a determiner-preceded noun, etc.).
bool CanBeVerb(const Words& ws, uint32_t i);

// --- matcher (patterns.cc) ----------------------------------------------
struct Match {
  uint32_t rule = 0;
  uint32_t anchor = 0;     // word of the trigger (verb or anchoring noun)
  uint32_t first = 0;      // first word of the literal match
  uint32_t last_word = 0;  // one past the last literal word matched
  uint32_t last = 0;       // one past everything matched (slots included)
  ActorChunk source, target;
  bool source_slot = false;           // source came from an S slot, not the subject
  uint32_t target_prep = UINT32_MAX;  // word of the preposition before T, if any
  int score = 0;
};
// Matches rule `r` anchored at word `anchor` (clause from `clause_start`
// to `clause_end`); fills `m` and returns true on success.
bool MatchRule(const Rule& r, const Words& ws, uint32_t anchor, uint32_t clause_start,
               uint32_t clause_end, const std::vector<Mention>& mentions, Match* m);

// --- mode (mode.cc) -----------------------------------------------------
EventMode ModeOf(const Words& ws, uint32_t v, uint32_t group_start, uint32_t clause_start);

// The lemma of a word as the text side would give it (lowercased, then
// VerbLemma), for rules and imported dictionaries alike.
std::string LemmaOfWord(std::string_view w);

}  // namespace annals::events

#endif  // ANNALS_EVENTS_INTERNAL_H_
