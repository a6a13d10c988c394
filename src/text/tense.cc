// Clause tense: the tense of the verb group that governs a token, for
// resolving weekdays and months ("will ... on Tuesday" looks ahead, "was
// ... on Saturday" looks back) and for event modes.
//
// The nearest verb signal on the left within the clause wins, then the
// nearest on the right. A participle defers to its auxiliary ("are
// expected to join" is future, "has been" is past); intention verbs
// followed by "to"/"for" and modals mark the future; a deadline
// preposition right before the token ("by", "until", "as soon as") points
// forward; a reporting verb dates the report, not what is reported. No
// allocation: words are lowered into stack buffers.
#include <algorithm>
#include <cstring>
#include <initializer_list>

#include "text/text.h"

namespace annals {
namespace {

constexpr int kWindow = 16;  // tokens scanned on each side

std::string_view Lower(std::string_view w, char* buf, size_t cap) {
  if (w.size() >= cap) return {};
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return std::string_view(buf, w.size());
}

bool OneOf(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (w == s) return true;
  return false;
}

class Reader {
 public:
  Reader(std::string_view text, const TextLayer& layer, const Sentence& s)
      : text_(text), layer_(layer), s_(s) {}

  std::string_view W(uint32_t i, char* buf) const {
    if (i < s_.first || i >= s_.last) return {};
    return Lower(layer_.tokens[i].in(text_), buf, 24);
  }

  bool IsReporting(uint32_t i) const {
    char b0[24];
    return OneOf(W(i, b0), {"said", "says", "told", "added", "stated", "announced", "reported",
                           "declared", "noted", "explained", "confirmed"});
  }

  // The tense signalled by token i, or kUnknown.
  Tense Signal(uint32_t i) const {
    char b0[24], b1[24], b2[24];
    const Token& t = layer_.tokens[i];
    if (!t.is(Token::kWord)) return Tense::kUnknown;
    if (t.is(Token::kCapitalized) && i != s_.first) return Tense::kUnknown;  // names
    const std::string_view w = W(i, b0);
    const std::string_view next = W(i + 1, b1);
    const std::string_view prev = i > s_.first ? W(i - 1, b2) : std::string_view();
    if (OneOf(w, {"will", "shall", "'ll", "wo", "won't", "would", "must", "should"}))
      return Tense::kFuture;
    if (OneOf(w, {"expected", "due", "slated", "intends", "intend", "aims", "hopes", "hope",
                  "wants", "want", "likely", "set", "going", "ready", "prepared", "preparing",
                  "poised"}) &&
        (next == "to" || next == "for"))
      return Tense::kFuture;
    // Plans look ahead whatever their own tense ("planned a rally on
    // Saturday"), unless called off ("scheduled for Saturday was
    // canceled") or governing nothing ("On Friday, the government planned.").
    if (OneOf(w, {"planned", "planning", "plans", "plan", "scheduled", "schedules", "schedule"})) {
      for (uint32_t k = i + 1; k < s_.last && k < i + 12; ++k) {
        char bk[24];
        const std::string_view x = W(k, bk);
        if (OneOf(x, {"canceled", "cancelled", "postponed", "scrapped", "off", "abandoned"}))
          return Tense::kPast;
        if (x == ";" || x == ".") break;
      }
      if (next.empty() || next == "." || next == ",") return Tense::kUnknown;
      return Tense::kFuture;
    }
    if (OneOf(w, {"is", "are", "am"})) {
      // "is to go", "are expected to meet", "is due to arrive"
      char b3[24];
      const std::string_view after = W(i + 2, b3);
      if (next == "to" || (OneOf(next, {"expected", "due", "set", "scheduled", "slated", "going",
                                        "likely", "poised"}) && after == "to"))
        return Tense::kFuture;
      return Tense::kPresent;
    }
    if (OneOf(w, {"was", "were", "had", "did", "has", "have"})) return Tense::kPast;
    if (OneOf(w, {"says", "say"})) return Tense::kPresent;
    if (IsPastForm(w)) {
      // A participle after an auxiliary: the auxiliary decides.
      if (OneOf(prev, {"be", "been", "being", "is", "are", "was", "were", "has", "have", "had",
                       "will", "to", "would", "must", "not", "get", "got"}))
        return Tense::kUnknown;
      return Tense::kPast;
    }
    return Tense::kUnknown;
  }

 private:
  std::string_view text_;
  const TextLayer& layer_;
  const Sentence& s_;
};

}  // namespace

Tense TenseAt(std::string_view text, const TextLayer& layer, uint32_t tok) {
  if (tok >= layer.tokens.size()) return Tense::kUnknown;
  const Sentence& s = layer.sentences[layer.sentence_of[tok]];
  Reader r(text, layer, s);
  char b1[24], b2[24];
  // The past perfect ("had filed ... by Wednesday", "had been due to expire
  // Friday") sets the clause in the past whatever deadline or plan follows.
  const uint32_t lo = tok > s.first + kWindow ? tok - kWindow : s.first;
  for (uint32_t i = tok; i-- > lo;) {
    if (layer.tokens[i].in(text) == ";") break;
    if (r.W(i, b1) == "had") return Tense::kPast;
  }
  // A weekday or date owned by a noun ("Wednesday's ruling") is dated by
  // will/shall only, not by a conditional elsewhere in the clause.
  const bool possessive = tok + 1 < s.last && (r.W(tok + 1, b1) == "'s" || r.W(tok + 1, b1) == "\xE2\x80\x99s");
  // Deadline cues right before the expression: "by Friday", "until March",
  // "as soon as Tuesday", "as early as next week".
  {
    uint32_t p = tok;
    // Skip what sits between the cue and the day: "until 9 a.m. on Tuesday".
    for (int k = 0; k < 5 && p > s.first; ++k) {
      const Token& t = layer.tokens[p - 1];
      const std::string_view w = r.W(p - 1, b1);
      if (t.is(Token::kNumber) || OneOf(w, {"on", ",", "a.m.", "p.m.", "am", "pm", "est", "edt",
                                           "gmt", "et", "utc", "local", "time", "noon", "midnight"}))
        --p;
      else
        break;
    }
    const std::string_view w1 = p > s.first ? r.W(p - 1, b1) : std::string_view();
    const std::string_view w2 = p > s.first + 1 ? r.W(p - 2, b2) : std::string_view();
    if (w1 == "until" || w1 == "till" || w1 == "by") return Tense::kFuture;
    if (w1 == "as" && (w2 == "soon" || w2 == "early" || w2 == "late")) return Tense::kFuture;
  }
  for (uint32_t i = tok; i-- > lo;) {
    if (layer.tokens[i].in(text) == ";") break;
    if (possessive && r.W(i, b1) == "would") continue;
    // A reporting verb dates the report, not what is reported, unless the
    // expression modifies it ("said Friday", "said on Friday").
    if (i + 3 < tok && r.IsReporting(i)) continue;
    const Tense t = r.Signal(i);
    if (t != Tense::kUnknown) return t;
  }
  const uint32_t hi = std::min<uint32_t>(s.last, tok + 1 + kWindow);
  for (uint32_t i = tok + 1; i < hi; ++i) {
    if (layer.tokens[i].in(text) == ";") break;
    const Tense t = r.Signal(i);
    if (t != Tense::kUnknown) return t;
  }
  return Tense::kUnknown;
}

}  // namespace annals
