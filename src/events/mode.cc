// Mode of an event: asserted, planned, reported, negated or hypothetical,
// read off the verb group and the frame around it.
//
// The verb group (auxiliaries, adverbs, negation, infinitival "to") and up
// to three words before it are scanned for markers: negation ("did not",
// "refused to", "failed to"), hypothesis ("could", "would", "might", a
// clause opened by "if"/"unless"), plans ("will", "is to", "is due to",
// "expected to", "plans to") and report ("reportedly", "said to have").
// A purpose infinitive ("will meet X to discuss") inherits the mode of
// the verb it depends on. Negation wins over hypothesis, hypothesis over
// plan, plan over report.
#include "events/internal.h"

namespace annals::events {
namespace {

bool OneOf(std::string_view w, std::initializer_list<std::string_view> xs) {
  for (auto x : xs)
    if (w == x) return true;
  return false;
}

}  // namespace

EventMode ModeOf(const Words& ws, uint32_t v, uint32_t g, uint32_t clause_start) {
  bool neg = false, hyp = false, plan = false, rep = false;
  bool has_to = false, frame = false;
  // The frame words just before the group: "refused to", "plans to".
  uint32_t from = g >= 3 ? g - 3 : 0;
  if (from < clause_start) from = clause_start;
  for (uint32_t k = from; k < v; ++k) {
    const Word& x = ws.w[k];
    const std::string_view w = x.lower;
    if (x.has(kNeg)) neg = true;
    if (k >= g && x.has(kTo)) has_to = true;
    if (x.has(kAux)) frame = true;
    if (OneOf(w, {"will", "shall", "'ll", "wo"})) plan = true;
    if (OneOf(w, {"would", "could", "might", "may", "should", "must", "can", "ca"})) hyp = true;
    if (OneOf(w, {"reportedly", "allegedly", "purportedly", "apparently"})) rep = true;
    uint32_t next = k + 1;
    while (next < v && ws.w[next].has(kAdverb)) ++next;  // "is also to go"
    if (next < v && ws.w[next].has(kTo)) {
      const std::string_view l = x.lemma;
      if (OneOf(l, {"refuse", "fail", "decline", "reject", "cancel", "deny"})) neg = true;
      if (OneOf(l, {"plan", "expect", "due", "schedule", "set", "intend", "prepare", "aim", "slate",
                    "poise", "go", "about", "agree", "promise", "pledge", "vow", "decide"}))
        plan = true;
      if (OneOf(l, {"want", "hope", "seek", "try", "threaten", "offer", "propose", "consider",
                    "ready", "willing", "able", "eager", "keen", "prepared"}))
        hyp = true;
      if (OneOf(w, {"said", "believed", "reported", "thought", "alleged"})) rep = true;
      // "is to", "was to": a scheduled plan.
      if (x.has(kBe)) plan = true;
    }
  }
  // "stop arming", "cease shelling": the event is ended or refused.
  if (ws.w[v].ing && v > 0) {
    const std::string_view l = ws.w[v - 1].lemma;
    if (l == "stop" || l == "cease" || l == "quit" || l == "halt" || l == "end") neg = true;
  }
  // "said to have met"
  for (uint32_t k = g; k + 1 < v; ++k)
    if (ws.w[k].has(kTo) && ws.w[k + 1].lower == "have" && k > 0 && ws.w[k - 1].has(kReport))
      rep = true;
  if (clause_start > 0) {
    const std::string_view b = ws.w[clause_start - 1].lower;
    if (b == "if" || b == "unless" || b == "whether") hyp = true;
  }
  // Purpose infinitive without its own frame: inherit.
  if (has_to && !frame && !neg && !hyp && !plan && !rep && g > 0) {
    for (uint32_t k = g; k > clause_start && k > 0; --k) {
      const uint32_t j = k - 1;
      if (ws.w[j].has(kPunctClause | kReport)) break;
      if (ws.w[j].has(kAux) || ((ws.w[j].past || ws.w[j].ing) && CanBeVerb(ws, j))) {
        uint32_t v2 = j;
        while (v2 + 1 < g && ws.w[v2].has(kAux | kAdverb | kNeg | kModal)) ++v2;
        if (v2 == j && ws.w[j].has(kAux)) v2 = j + 1;
        const uint32_t gj = VerbGroupStart(ws, v2);
        return ModeOf(ws, v2, gj, ClauseStart(ws, gj));
      }
    }
    // The clause may begin before the boundary that ClauseStart drew at a
    // conjunction: "was in Cairo ... and in China on Monday to urge".
    for (uint32_t j = clause_start; j-- > 0;) {
      if (ws.w[j].has(kPunctClause | kReport)) break;
      if (ws.w[j].has(kAux)) {
        const uint32_t v2 = j + 1;
        const uint32_t gj = VerbGroupStart(ws, v2);
        return ModeOf(ws, v2, gj, ClauseStart(ws, gj));
      }
    }
  }
  if (neg) return EventMode::kNegated;
  if (hyp) return EventMode::kHypothetical;
  if (plan) return EventMode::kPlanned;
  if (rep) return EventMode::kReported;
  return EventMode::kAsserted;
}

}  // namespace annals::events
