// The time tagger: recognition of temporal expressions over the tokens of
// the text layer, and their TIMEX3 normalisation.
//
// Design. Each token is looked up once in the static lexicon (one hash of
// its lowercase form); only tokens that can start an expression (numbers,
// months, weekdays, units, "the", "last", "early", ...) enter the matchers,
// so ordinary prose costs one lookup per token. The matchers are small
// hand-written recursive-descent rules over token roles, each producing a
// candidate with its span, type and value; the longest candidate at a token
// wins and scanning resumes after it. Normalisation happens in the rule
// that knows the semantics, with the help of the calendar functions of
// normalizer.cc: weekdays and bare months follow the tense of their clause
// (TenseAt), "the following day" follows the narrative's last full date.
//
// Span conventions follow TimeBank/TempEval-3: a leading "the" belongs to
// expressions headed by a time word ("the third quarter", "the past two
// months") but not to dates used as modifiers; approximators ("about",
// "nearly", "more than") stay outside the span and become the `mod`.
#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>

#include "time/lexicon.h"
#include "time/time.h"
#include "time/values.h"

namespace annals {

const char* TimexTypeName(Timex::Type t) {
  switch (t) {
    case Timex::kDate: return "DATE";
    case Timex::kTime: return "TIME";
    case Timex::kDuration: return "DURATION";
    case Timex::kSet: return "SET";
  }
  return "DATE";
}

namespace {

using namespace time_internal;  // NOLINT: internal vocabulary of this stage

// How much of a value came from the DCT (masked with X without one).
enum DctDep : uint8_t { kNoDct = 0, kDctYear = 1, kDctAll = 2 };

struct Cand {
  uint32_t first = 0, last = 0;  // tokens [first, last)
  uint32_t begin = 0, end = 0;   // bytes; 0/0 = token bounds
  Timex::Type type = Timex::kDate;
  std::string value;
  const char* mod = nullptr;
  DctDep dep = kNoDct;
  bool ok = false;
};

// A parsed count: "two", "24", "a few", "several".
struct Count {
  double n = 0;        // < 0: unknown ("several")
  uint32_t next = 0;   // token after the count
  bool article = false;  // "a"/"an"
  bool approx = false;   // "a couple of"
};

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
    if (v > 100000000) return -1;
  }
  return s.empty() ? -1 : v;
}

// "3rd", "21st", "4th" -> 3, 21, 4; else -1.
int NumericOrdinal(std::string_view s) {
  if (s.size() < 3) return -1;
  const std::string_view suf = s.substr(s.size() - 2);
  if (suf != "st" && suf != "nd" && suf != "rd" && suf != "th" && suf != "ST" && suf != "ND" &&
      suf != "RD" && suf != "TH")
    return -1;
  return ToInt(s.substr(0, s.size() - 2));
}

// Lowercase lookup of a word part (no dots, no hyphens).
const Lex* LookupPart(std::string_view w) {
  char buf[16];
  size_t n;
  if (!LowerInto(w, buf, sizeof buf, &n)) return nullptr;
  return LookupLex(std::string_view(buf, n));
}

// Splits `s` on '-' into at most 4 parts; returns the count (0 if more).
int SplitHyphen(std::string_view s, std::string_view* parts) {
  int n = 0;
  size_t a = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '-') {
      if (n == 4) return 0;
      parts[n++] = s.substr(a, i - a);
      a = i + 1;
    }
  }
  return n;
}

// Number value of hyphenated/compound number words: "twenty-five" -> 25.
int NumberWordValue(std::string_view w) {
  const Lex* l = LookupPart(w);
  if (l && (l->roles & kNumR) && w != "a" && w != "an" && w != "A" && w != "An") return l->num;
  if (AllDigits(w)) return ToInt(w);
  return -1;
}

class Tagger {
 public:
  Tagger(std::string_view text, const TextLayer& layer, std::optional<CivilDate> dct,
         const TimeOptions& options, std::vector<Timex>* out)
      : text_(text), layer_(layer), toks_(layer.tokens), options_(options), out_(out) {
    has_dct_ = dct.has_value();
    dct_ = dct.value_or(CivilDate{2000, 1, 1});
    anchor_ = dct_;
  }

  void Run() {
    Prepare();
    for (uint32_t s = 0; s < layer_.sentences.size(); ++s) {
      const Sentence& sen = layer_.sentences[s];
      sentence_ = s;
      lim_ = sen.last;
      first_ = sen.first;
      sentence_day_.reset();
      for (uint32_t i = sen.first; i < sen.last;) {
        if (!trig_[i]) { ++i; continue; }
        if (YearRange(i)) { ++i; continue; }
        Cand c = Match(i, 0);
        if (!c.ok) { ++i; continue; }
        const bool full_day = c.type == Timex::kDate && c.value.size() == 10 && c.begin == 0 &&
                              IsNum(c.last - 1) && Has(c.first, kMonthR);
        const std::string day_value = full_day ? c.value : std::string();
        const DctDep day_dep = c.dep;
        Emit(&c);
        i = std::max(c.last, i + 1);
        if (full_day) i = SecondDay(i, day_value, day_dep);
      }
    }
  }

 private:
  // ---- token access ---------------------------------------------------
  void Prepare() {
    static thread_local std::vector<const Lex*> lex_buf;
    static thread_local std::vector<uint8_t> trig_buf;
    const size_t n = toks_.size();
    lex_buf.assign(n, nullptr);
    trig_buf.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
      const Token& t = toks_[i];
      if (t.is(Token::kNumber)) { trig_buf[i] = 1; continue; }
      if (!t.is(Token::kWord)) {
        if (t.end - t.begin == 1 && text_[t.begin] == '\'') trig_buf[i] = 1;  // '90s
        continue;
      }
      std::string_view w = t.in(text_);
      if (w.size() > 15) continue;
      if (w.back() == '.') w.remove_suffix(1);
      char buf[16];
      size_t len;
      if (!LowerInto(w, buf, sizeof buf, &len)) continue;
      if (t.is(Token::kHyphenated)) {
        trig_buf[i] = 1;
        continue;
      }
      const Lex* l = LookupLex(std::string_view(buf, len));
      lex_buf[i] = l;
      if (l && (l->roles & (kTrigger | kHolidayR))) trig_buf[i] = 1;
      // "Tuesdays": a plural weekday is a set (marked with trigger 2).
      if (!l && len > 6 && buf[len - 1] == 's' && t.is(Token::kCapitalized)) {
        const Lex* stem = LookupLex(std::string_view(buf, len - 1));
        if (stem && (stem->roles & kWeekdayR)) {
          lex_buf[i] = stem;
          trig_buf[i] = 2;
        }
      }
    }
    lex_ = lex_buf.data();
    trig_ = trig_buf.data();
  }

  bool In(uint32_t i) const { return i < lim_; }
  const Lex* L(uint32_t i) const { return i < lim_ ? lex_[i] : nullptr; }
  bool Has(uint32_t i, uint32_t role) const {
    const Lex* l = L(i);
    return l && (l->roles & role);
  }
  Fn F(uint32_t i) const {
    const Lex* l = L(i);
    return l && (l->roles & kFnR) ? l->fn : Fn::kNone;
  }
  std::string_view T(uint32_t i) const { return toks_[i].in(text_); }
  bool IsNum(uint32_t i) const { return i < lim_ && toks_[i].is(Token::kNumber); }
  bool Is(uint32_t i, std::string_view s) const { return i < lim_ && T(i) == s; }
  bool Cap(uint32_t i) const { return i < lim_ && toks_[i].is(Token::kCapitalized); }
  bool Abbr(uint32_t i) const { return i < lim_ && toks_[i].is(Token::kAbbreviation); }
  // Previous token in the same sentence (UINT32_MAX if none).
  uint32_t Prev(uint32_t i) const { return i > first_ ? i - 1 : UINT32_MAX; }
  Fn PrevFn(uint32_t i) const {
    const uint32_t p = Prev(i);
    return p == UINT32_MAX ? Fn::kNone : F(p);
  }
  Tense TenseOf(uint32_t i) const { return TenseAt(text_, layer_, i); }

  Cand Make(uint32_t first, uint32_t last, Timex::Type type, std::string value,
            DctDep dep = kNoDct, const char* mod = nullptr) const {
    Cand c;
    c.first = first;
    c.last = last;
    c.type = type;
    c.value = std::move(value);
    c.dep = dep;
    c.mod = mod;
    c.ok = true;
    return c;
  }
  static void Better(Cand* best, Cand&& c) {
    if (!c.ok) return;
    if (!best->ok || c.last > best->last) *best = std::move(c);
  }

  // ---- dispatcher -----------------------------------------------------
  // Longest match starting at token i. `depth` guards recursion of
  // modifier rules ("early" + date).
  Cand Match(uint32_t i, int depth) {
    Cand best;
    if (!In(i)) return best;
    const Token& t = toks_[i];
    if (t.is(Token::kNumber)) {
      Better(&best, NumberToken(i));
      Better(&best, CountRule(i));
    } else if (t.is(Token::kHyphenated) && t.is(Token::kWord)) {
      Better(&best, HyphenWord(i));
      Better(&best, SpelledYear(i));
      Better(&best, CountRule(i));
    } else if (T(i) == "'") {
      Better(&best, ApostropheYear(i));
    }
    const Lex* l = L(i);
    if (!l) return best;
    if (trig_[i] == 2) {  // "on Tuesdays"
      return Make(i, i + 1, Timex::kSet, "XXXX-WXX-" + std::to_string(l->weekday));
    }
    const uint32_t r = l->roles;
    if (r & kMonthR) Better(&best, MonthRule(i));
    if (r & kWeekdayR) Better(&best, WeekdayRule(i));
    if (r & kDeicticR) Better(&best, DeicticRule(i));
    if (r & kRefR) Better(&best, RefRule(i));
    if (r & kRelR) Better(&best, RelRule(i, false));
    if ((r & kPosR) && depth < 2) Better(&best, PosRule(i, depth));
    if ((r & kSetR) && l->set_unit != Unit::kQuarter)  // "quarterly" is a report, not a set
      Better(&best, Make(i, i + 1, Timex::kSet, SetValue(1, l->set_unit)));
    if (r & (kNumR | kFnR)) Better(&best, CountRule(i));
    if (r & kNumR) Better(&best, SpelledYear(i));
    if ((r & kNumR) && (T(i) == "a" || T(i) == "A")) {
      Cand c = OrdinalDay(i + 1);
      if (c.ok) {
        c.first = i;
        Better(&best, std::move(c));
      }
    }
    if (r & (kOrdR | kRelR | kFnR)) Better(&best, QuarterRule(i));
    if (r & kSeasonR) Better(&best, SeasonRule(i, false));
    if ((r & kOrdR) && Prev(i) != UINT32_MAX) {
      const std::string_view pt = T(Prev(i));
      if (pt == "his" || pt == "her" || pt == "its" || pt == "their" || pt == "our" ||
          pt == "my" || pt == "your")
        Better(&best, OrdinalDay(i));
    }
    if (r & kPodR) Better(&best, NoonRule(i));
    if ((r & kUnitR) && l->plural) Better(&best, BareUnits(i));
    if ((r & kUnitR) && l->unit == Unit::kYear && !l->plural) {
      // "year end", "year's end"
      uint32_t k = i + 1;
      if (Is(k, "'s")) ++k;
      if (F(k) == Fn::kEnd) Better(&best, Make(i, k + 1, Timex::kDate, FmtYear(dct_.year), kDctAll, "END"));
    }
    if (r & kHolidayR) Better(&best, HolidayRule(i));
    if (r & kFnR) {
      switch (l->fn) {
        case Fn::kThe: if (depth < 2) Better(&best, TheRule(i, depth)); break;
        case Fn::kEvery: case Fn::kEach: Better(&best, EveryRule(i)); break;
        case Fn::kFiscal: Better(&best, FiscalRule(i)); break;
        case Fn::kThese:
          if (F(i + 1) == Fn::kNone && Has(i + 1, kUnitR) && L(i + 1)->unit == Unit::kDay &&
              L(i + 1)->plural)
            Better(&best, Make(i, i + 2, Timex::kDate, "PRESENT_REF"));
          break;
        case Fn::kThat:
          Better(&best, ThatUnit(i));
          break;
        default: break;
      }
    }
    return best;
  }

  // ---- numbers ----------------------------------------------------------
  // Parses a count at i: digits, number words, "a", "a few", "several".
  bool ParseCount(uint32_t i, Count* c) {
    if (!In(i)) return false;
    c->approx = false;
    c->article = false;
    if (IsNum(i)) {
      std::string_view s = T(i);
      if (toks_[i].is(Token::kHyphenated)) return false;
      // Allow "1,000" and "1.5".
      double v = 0, frac = 0;
      bool dot = false;
      for (char ch : s) {
        if (ch == ',') continue;
        if (ch == '.') { if (dot) return false; dot = true; frac = 0.1; continue; }
        if (ch < '0' || ch > '9') return false;
        if (dot) { v += (ch - '0') * frac; frac /= 10; } else v = v * 10 + (ch - '0');
      }
      const uint32_t p = Prev(i);
      if (p != UINT32_MAX && toks_[p].is(Token::kCurrency)) return false;
      c->n = v;
      c->next = i + 1;
      return true;
    }
    const Lex* l = L(i);
    if (toks_[i].is(Token::kHyphenated)) {
      std::string_view parts[4];
      const int n = SplitHyphen(T(i), parts);
      if (n != 2) return false;
      const int a = NumberWordValue(parts[0]), b = NumberWordValue(parts[1]);
      if (a >= 20 && a % 10 == 0 && b > 0 && b < 10) {
        c->n = a + b;
        c->next = i + 1;
        return true;
      }
      return false;
    }
    if (!l) return false;
    if (l->roles & kNumR) {
      const bool article = T(i).size() <= 2 && (T(i)[0] == 'a' || T(i)[0] == 'A');
      if (article) {
        c->article = true;
        const Fn nf = F(i + 1);
        if (nf == Fn::kFew) { c->n = -1; c->next = i + 2; return true; }
        if (nf == Fn::kCouple) {
          c->n = 2;
          c->approx = true;
          c->next = F(i + 2) == Fn::kOf ? i + 3 : i + 2;
          return true;
        }
        if (Has(i + 1, kNumR) && L(i + 1)->num == 12) { c->n = 12; c->next = i + 2; return true; }
        c->n = 1;
        c->next = i + 1;
        return true;
      }
      int v = l->num;
      uint32_t j = i + 1;
      // "twenty five", "one hundred"
      if (v >= 20 && v % 10 == 0 && v < 100 && Has(j, kNumR) && L(j)->num < 10 &&
          !(T(j)[0] == 'a' || T(j)[0] == 'A')) {
        v += L(j)->num;
        ++j;
      }
      if (Has(j, kNumR) && L(j)->num == 100 && v < 10) { v *= 100; ++j; }
      c->n = v;
      c->next = j;
      return true;
    }
    if (l->roles & kFnR) {
      switch (l->fn) {
        case Fn::kFew: case Fn::kSeveral: case Fn::kMany:
          c->n = -1;
          c->next = i + 1;
          return true;
        case Fn::kSome:
          c->n = -1;
          c->next = i + 1;
          return true;
        case Fn::kCouple:
          c->n = 2;
          c->approx = true;
          c->next = F(i + 1) == Fn::kOf ? i + 2 : i + 1;
          return true;
        default: break;
      }
    }
    return false;
  }

  // The unit at i, if any ("days" -> kDay).
  bool UnitAt(uint32_t i, Unit* u, bool* plural) const {
    const Lex* l = L(i);
    if (!l || !(l->roles & kUnitR)) return false;
    *u = l->unit;
    *plural = l->plural;
    return true;
  }

  // "two days", "14 months ago", "a year earlier", "several years".
  Cand CountRule(uint32_t i) {
    Cand none;
    Count c;
    if (!ParseCount(i, &c)) return none;
    Unit u;
    bool plural;
    uint32_t j = c.next;
    // "two more weeks", "an additional year", "another three days"
    if (F(j) == Fn::kMore || Is(j, "additional") || Is(j, "extra")) ++j;
    // "2 1/2 years": a half written as a fraction token.
    if (c.n > 0 && !c.article && (Is(j, "1/2") || Is(j, "\u00bd"))) {
      c.n += 0.5;
      ++j;
    }
    // A range of counts, "two to six days", "three or four weeks": TimeML
    // marks each end, so the first count stands alone with the unit of
    // the second and the second is matched after it.
    if (c.n > 0 && !c.article && (F(j) == Fn::kTo || F(j) == Fn::kOr || Is(j, "-"))) {
      Count c2;
      Unit u2;
      bool plural2;
      if (ParseCount(j + 1, &c2) && !c2.article && c2.n > c.n && UnitAt(c2.next, &u2, &plural2) &&
          plural2 && u2 != Unit::kHalf && u2 != Unit::kWeekend && F(c2.next + 1) != Fn::kOld &&
          !Cap(c2.next))
        return Make(i, c.next, Timex::kDuration, DurationValue(c.n, u2));
    }
    // "two and a half years"
    bool half_after = false;
    if (F(j) == Fn::kAnd && Has(j + 1, kNumR) && F(j + 2) == Fn::kHalfW && c.n > 0) {
      c.n += 0.5;
      j += 3;
    }
    if (!UnitAt(j, &u, &plural)) return none;
    if (u == Unit::kHalf) return none;
    // Table figures before a unit ("2,666,000 Year") are not counts of it.
    if (c.n > (u <= Unit::kDay ? 100000 : 10000)) return none;
    // Ages ("37 years old") are not expressions of time in TimeBank.
    if (F(j + 1) == Fn::kOld) return none;
    // A capitalised unit inside a sentence is a title: "60 Minutes".
    if (Cap(j) && !toks_[j].is(Token::kSentenceStart) && !toks_[j].is(Token::kAllCaps)) return none;
    // "a year and a half"
    if (F(j + 1) == Fn::kAnd && Has(j + 2, kNumR) && F(j + 3) == Fn::kHalfW && c.n > 0 &&
        !plural) {
      c.n += 0.5;
      half_after = true;
    }
    if (u == Unit::kWeekend && c.n != 1) return none;
    if (c.article && (u == Unit::kSecond || u == Unit::kQuarter || u == Unit::kNight)) return none;
    // "the year" style singular unit with a bare article is a duration:
    // "a year", "an hour".
    const Fn prev = PrevFn(i);
    uint32_t end = j + 1;
    // Quantified sets: "twice a year", "three times a week", "per day".
    if (c.article && c.n == 1 &&
        (prev == Fn::kOnce || prev == Fn::kTwice || prev == Fn::kTimes || prev == Fn::kPer)) {
      return Make(i, end, Timex::kSet, SetValue(1, u));
    }
    // A rate, "$1.76 a year", "24 hours a day", "$2 million a year": the
    // article is "per" and TimeBank marks no expression.
    const Fn after_unit = F(end);
    if (c.article && c.n == 1 && !plural && Prev(i) != UINT32_MAX && after_unit != Fn::kAgo &&
        after_unit != Fn::kEarlier && after_unit != Fn::kLater && after_unit != Fn::kBefore &&
        after_unit != Fn::kAfter) {
      const uint32_t p = Prev(i);
      const std::string_view pt = T(p);
      if (IsNum(p) || pt == "million" || pt == "billion" || pt == "thousand" || pt == "hundred" ||
          (Has(p, kUnitR) && L(p)->plural))
        return none;
    }
    if (half_after) end += 3;
    const Fn after = F(end);
    const int n = static_cast<int>(c.n);
    if ((after == Fn::kAgo || after == Fn::kEarlier) && u == Unit::kYear && c.n > 0 && c.n == n &&
        F(end + 1) != Fn::kThan) {
      // "a year earlier" after a quarter: the same quarter, years back.
      std::string q = QuarterBack(n);
      if (!q.empty()) return Make(i, end + 1, Timex::kDate, std::move(q), kDctAll);
    }
    if (after == Fn::kAgo && c.n > 0 && c.n != n && u == Unit::kYear) {
      Timex::Type type;  // "a year and a half ago": count in months
      std::string v = ShiftedValue(dct_, -static_cast<int>(c.n * 12), Unit::kMonth, &type);
      return Make(i, end + 1, type, std::move(v), kDctAll);
    }
    if (after == Fn::kAgo) {
      if (c.n < 0) return Make(i, end + 1, Timex::kDate, "PAST_REF");
      Timex::Type type;
      std::string v = ShiftedValue(dct_, -n, u, &type);
      return Make(i, end + 1, type, std::move(v), kDctAll);
    }
    if ((after == Fn::kEarlier || after == Fn::kLater) && c.n > 0 && c.n == n &&
        F(end + 1) != Fn::kThan && !Has(end + 1, kUnitR)) {
      Timex::Type type;
      const int sign = after == Fn::kEarlier ? -1 : 1;
      std::string v = ShiftedValue(anchor_, sign * n, u, &type);
      return Make(i, end + 1, type, std::move(v), kDctAll);
    }
    if (after == Fn::kFrom && F(end + 1) == Fn::kNow && c.n > 0) {
      Timex::Type type;
      std::string v = ShiftedValue(dct_, n, u, &type);
      return Make(i, end + 2, type, std::move(v), kDctAll);
    }
    if (u == Unit::kWeekend) return none;
    // A bare article and singular day/night/week with a non-temporal
    // reading is rare; but "a day" after "once" was handled above.
    const char* mod = c.approx ? "APPROX" : nullptr;
    if (F(end) == Fn::kOr && F(end + 1) == Fn::kSo) { end += 2; mod = "APPROX"; }
    return Make(i, end, Timex::kDuration, DurationValue(c.n, u), kNoDct, mod);
  }

  // Number tokens: ISO dates, slashed dates, clock times, decades, years,
  // "24-hour", "3 March".
  Cand NumberToken(uint32_t i) {
    Cand none;
    const std::string_view s = T(i);
    const Token& t = toks_[i];
    // ISO 8601 day: 2024-04-02
    if (s.size() == 10 && s[4] == '-' && s[7] == '-' && AllDigits(s.substr(0, 4)) &&
        AllDigits(s.substr(5, 2)) && AllDigits(s.substr(8, 2))) {
      CivilDate d{ToInt(s.substr(0, 4)), ToInt(s.substr(5, 2)), ToInt(s.substr(8, 2))};
      if (IsValidDate(d)) return Make(i, i + 1, Timex::kDate, FmtDay(d));
      return none;
    }
    // Slashed day: 04/02/2024 (month/day unless day_first), 4/2/24
    if (s.find('/') != std::string_view::npos) return SlashDate(i);
    if (s.find(':') != std::string_view::npos || EndsWithAmPm(s)) return ClockRule(i);
    if (t.is(Token::kHyphenated)) {
      // 24-hour, 30-year, 10-day, 5-year-old
      std::string_view parts[4];
      const int n = SplitHyphen(s, parts);
      // "6-year-old" is an age (TimeBank leaves it out); "24-hour-long" is not.
      if (n >= 2 && AllDigits(parts[0]) && (n == 2 || (n == 3 && parts[2] == "long"))) {
        const Lex* ul = LookupPart(parts[1]);
        if (ul && (ul->roles & kUnitR) && ul->unit != Unit::kHalf && ul->unit != Unit::kWeekend)
          return Make(i, i + 1, Timex::kDuration, DurationValue(ToInt(parts[0]), ul->unit));
      }
      return none;
    }
    // Decades: 1990s
    if (s.size() == 5 && (s[4] == 's') && AllDigits(s.substr(0, 4)) && s[3] == '0') {
      return Make(i, i + 1, Timex::kDate, std::string(s.substr(0, 3)));
    }
    if (AllDigits(s)) {
      const int v = ToInt(s);
      // Clock: "3 p.m.", "10 pm"
      const Fn nf = F(i + 1);
      if ((nf == Fn::kAm || nf == Fn::kPm) && v >= 0 && v <= 12) return ClockRule(i);
      if (nf == Fn::kIn && v >= 1 && v <= 12 && s.size() <= 2) {
        Cand c = ClockRule(i);  // "at 4 in the morning"
        if (c.ok) return c;
      }
      // Day + month: 3 March [2021]
      if (v >= 1 && v <= 31 && s.size() <= 2) {
        uint32_t j = i + 1;
        if (F(j) == Fn::kOf && Has(j + 1, kMonthR)) ++j;
        if (Has(j, kMonthR) && (Cap(j))) return DayMonth(i, j, v);
      }
      if (s.size() == 4 && v >= 1000 && v <= 2100) return YearRule(i, v);
      return none;
    }
    const int ord = NumericOrdinal(s);
    if (ord >= 1 && ord <= 31) {
      uint32_t j = i + 1;
      if (F(j) == Fn::kOf && Has(j + 1, kMonthR)) ++j;
      if (Has(j, kMonthR) && Cap(j)) return DayMonth(i, j, ord);
      // "the 20th century"
      if (Has(j, kUnitR) && L(j)->unit == Unit::kCentury && !L(j)->plural && ord <= 21)
        return Make(i, j + 1, Timex::kDate, FmtYear((ord - 1) * 100).substr(0, 2));
    }
    return none;
  }

  static bool EndsWithAmPm(std::string_view s) {
    if (s.size() < 3) return false;
    const char a = s[s.size() - 2], b = s[s.size() - 1];
    return (a == 'a' || a == 'p' || a == 'A' || a == 'P') && (b == 'm' || b == 'M') &&
           s[s.size() - 3] >= '0' && s[s.size() - 3] <= '9';
  }

  Cand SlashDate(uint32_t i) {
    Cand none;
    const std::string_view s = T(i);
    std::string_view p[3];
    int n = 0;
    size_t a = 0;
    for (size_t k = 0; k <= s.size(); ++k) {
      if (k == s.size() || s[k] == '/') {
        if (n == 3) return none;
        p[n++] = s.substr(a, k - a);
        a = k + 1;
      }
    }
    if (n != 3 || !AllDigits(p[0]) || !AllDigits(p[1]) || !AllDigits(p[2])) return none;
    if (p[0].size() > 2 || p[1].size() > 2 || (p[2].size() != 2 && p[2].size() != 4)) return none;
    int x = ToInt(p[0]), y = ToInt(p[1]), yr = ToInt(p[2]);
    if (p[2].size() == 2) yr += yr < 50 ? 2000 : 1900;
    int mo = options_.day_first ? y : x, da = options_.day_first ? x : y;
    if (mo > 12 && da <= 12) std::swap(mo, da);  // unambiguous the other way
    CivilDate d{yr, mo, da};
    if (!IsValidDate(d)) return none;
    return Make(i, i + 1, Timex::kDate, FmtDay(d));
  }

  // The day a clock time belongs to: a date right after it ("3 p.m.
  // Tuesday"), else the last full date of the sentence, else the DCT.
  Cand ClockRule(uint32_t i) {
    Cand none;
    std::string_view s = T(i);
    int h = -1, m = 0;
    bool pm = false, am = false;
    uint32_t j = i + 1;
    // Suffix inside the token: 10am, 3:30pm
    if (EndsWithAmPm(s)) {
      const char c = s[s.size() - 2];
      pm = c == 'p' || c == 'P';
      am = !pm;
      s.remove_suffix(2);
    } else if (F(j) == Fn::kAm || F(j) == Fn::kPm) {
      pm = F(j) == Fn::kPm;
      am = !pm;
      ++j;
    } else if (F(j) == Fn::kIn && F(j + 1) == Fn::kThe && Has(j + 2, kPodR) &&
               (PrevFn(i) == Fn::kAt || PrevFn(i) == Fn::kBy || PrevFn(i) == Fn::kUntil ||
                PrevFn(i) == Fn::kFrom || PrevFn(i) == Fn::kSince || PrevFn(i) == Fn::kAbout)) {
      // "at 4 in the morning", "until 10 in the evening"
      const Pod pod = L(j + 2)->pod;
      if (pod == Pod::kMorning) am = true;
      else if (pod == Pod::kAfternoon || pod == Pod::kEvening) pm = true;
      if (am || pm) j += 3;
    }
    const size_t colon = s.find(':');
    if (colon == std::string_view::npos) {
      if (!AllDigits(s) || s.size() > 2) return none;
      h = ToInt(s);
    } else {
      if (colon == 0 || colon > 2 || s.size() - colon != 3) return none;
      h = ToInt(s.substr(0, colon));
      m = ToInt(s.substr(colon + 1));
      if (h < 0 || m < 0 || m > 59) return none;
    }
    if (h < 0 || h > 24) return none;
    if ((am || pm) && (h > 12 || h == 0)) return none;
    if (pm && h < 12) h += 12;
    if (am && h == 12) h = 0;
    bool zone = false;
    if (F(j) == Fn::kLocal && F(j + 1) == Fn::kTime) { j += 2; zone = true; }
    else if (F(j) == Fn::kZone) { ++j; zone = true; }
    if (!am && !pm && !zone) {
      // A bare "15:30" only after "at"/"by"/"until"/"from".
      const Fn p = PrevFn(i);
      if (colon == std::string_view::npos || !(p == Fn::kAt || p == Fn::kBy || p == Fn::kUntil ||
                                               p == Fn::kFrom || p == Fn::kSince))
        return none;
    }
    CivilDate day = sentence_day_.value_or(anchor_);
    DctDep dep = kDctAll;
    // "3 p.m. Tuesday", "3 p.m. on Tuesday"
    uint32_t k = j;
    if (F(k) == Fn::kOn) ++k;
    uint32_t end = j;
    if (Is(k, ",") && Has(k + 1, kMonthR)) ++k;
    const bool adjacent = k == j || (k == j + 1 && Is(j, ","));
    if (Has(k, kWeekdayR | kDeicticR | kMonthR)) {
      Cand d = Match(k, 1);
      if (d.ok && d.type == Timex::kDate && d.value.size() == 10) {
        if (auto pd = ParseIsoDate(d.value)) {
          day = *pd;
          dep = d.dep;
          if (adjacent) end = d.last;  // adjacent: one expression
        }
      }
    }
    char b[32];
    std::snprintf(b, sizeof b, "T%02d:%02d", h, m);
    return Make(i, end, Timex::kTime, FmtDay(day) + b, dep);
  }

  // A bare plural unit after a preposition of extent: "for hours", "in
  // years", "over weeks", "within days".
  Cand BareUnits(uint32_t i) {
    Cand none;
    const Unit u = L(i)->unit;
    if (u == Unit::kHalf || u == Unit::kWeekend || u == Unit::kNight) return none;
    const Fn p = PrevFn(i);
    const Fn n = F(i + 1);
    // "years ago": some time back; "minutes later": an unknown extent.
    if (n == Fn::kAgo) return Make(i, i + 2, Timex::kDate, "PAST_REF");
    if ((n == Fn::kLater || n == Fn::kEarlier) && F(i + 2) != Fn::kThan)
      return Make(i, i + 1, Timex::kDuration, DurationValue(-1, u));
    if (!(p == Fn::kFor || p == Fn::kIn || p == Fn::kOver || p == Fn::kWithin || p == Fn::kAfter))
      return none;
    if (n == Fn::kOf || Is(i + 1, "old")) return none;
    return Make(i, i + 1, Timex::kDuration, DurationValue(-1, u));
  }

  // "noon", "midnight Friday", "noon on Thursday"
  Cand NoonRule(uint32_t i) {
    Cand none;
    const Pod p = L(i)->pod;
    if (p != Pod::kNoon && p != Pod::kMidnight) return none;
    const char* hm = p == Pod::kNoon ? "T12:00" : "T24:00";
    uint32_t k = i + 1;
    if (F(k) == Fn::kOn) ++k;
    if (Has(k, kWeekdayR | kDeicticR)) {
      Cand d = Match(k, 1);
      if (d.ok && d.type == Timex::kDate && d.value.size() == 10) {
        d.first = i;
        d.type = Timex::kTime;
        d.value += hm;
        if (k != i + 1) d.last = i + 1;  // "noon on Thursday": two expressions
        return d;
      }
    }
    return Make(i, i + 1, Timex::kTime, FmtDay(anchor_) + hm, kDctAll);
  }

  Cand DayMonth(uint32_t i, uint32_t mtok, int day) {
    Cand none;
    const int month = L(mtok)->month;
    uint32_t end = mtok + 1;
    int year = INT_MIN;
    uint32_t y = end;
    if (Is(y, ",")) ++y;
    if (IsNum(y) && T(y).size() == 4 && AllDigits(T(y))) {
      year = ToInt(T(y));
      end = y + 1;
    }
    return DayValue(i, end, year, month, day);
  }

  // "April last year", "June 23 next year": the year from a relative one.
  // Returns the year and moves *end past it, or INT_MIN.
  int RelYearAfter(uint32_t* end) const {
    const uint32_t k = *end;
    if (!Has(k, kRelR) || !Has(k + 1, kUnitR) || L(k + 1)->unit != Unit::kYear || L(k + 1)->plural)
      return INT_MIN;
    int d;
    switch (L(k)->rel) {
      case Rel::kLast: case Rel::kPrevious: d = -1; break;
      case Rel::kNext: case Rel::kComing: d = 1; break;
      case Rel::kThis: case Rel::kCurrent: d = 0; break;
      default: return INT_MIN;
    }
    *end = k + 2;
    return dct_.year + d;
  }

  Cand DayValue(uint32_t first, uint32_t end, int year, int month, int day) {
    Cand none;
    if (day < 1 || day > 31) return none;
    if (year == INT_MIN) {
      year = RelYearAfter(&end);
      if (year != INT_MIN) {
        CivilDate d{year, month, day};
        if (!IsValidDate(d)) return none;
        return Make(first, end, Timex::kDate, FmtDay(d), kDctYear);
      }
    }
    if (year != INT_MIN) {
      CivilDate d{year, month, day};
      if (!IsValidDate(d)) return none;
      return Make(first, end, Timex::kDate, FmtDay(d));
    }
    const int y = ResolveDayYear(dct_, month, day, TenseOf(first));
    CivilDate d{y, month, std::min(day, DaysInMonth(y, month))};
    if (day > DaysInMonth(2000, month)) return none;  // Feb 30
    return Make(first, end, Timex::kDate, FmtDay(d), kDctYear);
  }

  // A four-digit number as a year, unless it reads as a quantity.
  Cand YearRule(uint32_t i, int v) {
    Cand none;
    const uint32_t p = Prev(i);
    if (p != UINT32_MAX) {
      if (toks_[p].is(Token::kCurrency)) return none;
      const Fn pf = F(p);
      if (pf == Fn::kAbout || pf == Fn::kThan || pf == Fn::kSome) return none;
      const std::string_view pt = T(p);
      if (pt == "No" || pt == "no" || pt == "No." || pt == "#" || pt == "number" ||
          pt == "Number" || pt == "Flight" || pt == "flight" || pt == "Resolution" ||
          pt == "resolution" || pt == "Article")
        return none;
    }
    if (In(i + 1)) {
      const std::string_view nt = T(i + 1);
      if (nt == "%" || nt == "percent" || nt == "people" || nt == "troops" || nt == "soldiers" ||
          nt == "tons" || nt == "tonnes" || nt == "shares" || nt == "dollars" || nt == "barrels" ||
          nt == "points" || nt == "cars" || nt == "jobs" || nt == "members" || nt == "units" ||
          nt == "workers" || nt == "feet" || nt == "meters" || nt == "metres" || nt == "miles" ||
          nt == "km" || nt == "kilometers" || nt == "kilometres")
        return none;
      if (Has(i + 1, kUnitR) && L(i + 1)->plural) return none;  // "2000 years"
    }
    if (v < 1800 && !(PrevFn(i) == Fn::kIn || PrevFn(i) == Fn::kSince)) return none;
    return Make(i, i + 1, Timex::kDate, FmtYear(v));
  }

  // A year written at j: four digits ("1996") or spelled out the way
  // broadcast transcripts write them ("nineteen ninety-six", "nineteen
  // eighty", "nineteen hundred", "two thousand one"). Sets *next past it.
  int YearAt(uint32_t j, uint32_t* next) const {
    if (IsNum(j) && T(j).size() == 4 && AllDigits(T(j))) {
      const int v = ToInt(T(j));
      if (v < 1000 || v > 2100) return INT_MIN;
      *next = j + 1;
      return v;
    }
    return SpelledYearAt(j, next);
  }
  int SpelledYearAt(uint32_t j, uint32_t* next) const {
    if (In(j) && toks_[j].is(Token::kWord) && toks_[j].is(Token::kHyphenated)) {
      // "nineteen-ninety", "nineteen-eighty-nine"
      std::string_view parts[4];
      const int n = SplitHyphen(T(j), parts);
      if (n < 2 || n > 3) return INT_MIN;
      const int c = NumberWordValue(parts[0]), t = NumberWordValue(parts[1]);
      const int u = n == 3 ? NumberWordValue(parts[2]) : 0;
      if (c < 11 || c > 20 || AllDigits(parts[0]) || t < 10 || t > 90 || (t > 20 && t % 10) ||
          (n == 3 && (t < 20 || u < 1 || u > 9)))
        return INT_MIN;
      if (Has(j + 1, kUnitR)) return INT_MIN;
      *next = j + 1;
      return c * 100 + t + u;
    }
    if (!In(j) || IsNum(j) || !toks_[j].is(Token::kWord)) return INT_MIN;
    const Lex* a = L(j);
    if (!a || !(a->roles & kNumR)) return INT_MIN;
    int v = INT_MIN;
    uint32_t e = j + 1;
    if (a->num >= 11 && a->num <= 20) {
      // Century part, then the year of the century.
      if (!In(e)) return INT_MIN;
      if (toks_[e].is(Token::kHyphenated) && toks_[e].is(Token::kWord)) {
        std::string_view parts[4];
        if (SplitHyphen(T(e), parts) != 2) return INT_MIN;
        const int t = NumberWordValue(parts[0]), u = NumberWordValue(parts[1]);
        if (t < 20 || t % 10 != 0 || t > 90 || u < 1 || u > 9) return INT_MIN;
        v = a->num * 100 + t + u;
        ++e;
      } else if (Has(e, kNumR) && !IsNum(e)) {
        const int t = L(e)->num;
        const std::string_view tw = T(e);
        if (tw[0] == 'a' || tw[0] == 'A') return INT_MIN;
        if (t == 100) {
          v = a->num * 100;  // "nineteen hundred"
        } else if (t >= 10 && t <= 90 && (t < 20 || t % 10 == 0)) {
          v = a->num * 100 + t;
          // "nineteen eighty four" written without the hyphen
          if (t >= 20 && Has(e + 1, kNumR) && !IsNum(e + 1) && L(e + 1)->num >= 1 &&
              L(e + 1)->num <= 9 && T(e + 1)[0] != 'a' && T(e + 1)[0] != 'A') {
            v += L(e + 1)->num;
            ++e;
          }
        } else {
          return INT_MIN;
        }
        ++e;
      } else if (Is(e, "oh") && Has(e + 1, kNumR) && L(e + 1)->num >= 1 && L(e + 1)->num <= 9) {
        v = a->num * 100 + L(e + 1)->num;  // "nineteen oh five"
        e += 2;
      } else {
        return INT_MIN;
      }
    } else if (a->num == 2 && F(e) == Fn::kThousand) {
      v = 2000;  // "two thousand [and] one"
      ++e;
      uint32_t k = e;
      if (F(k) == Fn::kAnd) ++k;
      if (Has(k, kNumR) && !IsNum(k) && L(k)->num >= 1 && L(k)->num <= 99 && T(k)[0] != 'a' &&
          T(k)[0] != 'A') {
        v += L(k)->num;
        e = k + 1;
      }
    } else {
      return INT_MIN;
    }
    if (v < 1100 || v > 2100) return INT_MIN;
    // Not a count of things: "nineteen ninety-six dollars", "two thousand troops".
    if (In(e) && toks_[e].is(Token::kWord) && !toks_[e].is(Token::kCapitalized) && !L(e)) {
      const std::string_view nt = T(e);
      if (nt.size() > 3 && nt.back() == 's') return INT_MIN;
    }
    if (Has(e, kUnitR)) return INT_MIN;
    *next = e;
    return v;
  }
  // A spelled-out year standing alone. "two thousand" and "twelve
  // hundred" alone are counts unless a temporal preposition introduces them.
  Cand SpelledYear(uint32_t i) {
    Cand none;
    uint32_t e;
    const int v = SpelledYearAt(i, &e);
    if (v == INT_MIN) return none;
    const uint32_t p = Prev(i);
    if (p != UINT32_MAX && toks_[p].is(Token::kCurrency)) return none;
    if (!L(i)) return Make(i, e, Timex::kDate, FmtYear(v));  // hyphenated
    if (L(i)->num == 2 || (Has(i + 1, kNumR) && L(i + 1)->num == 100)) {
      const Fn pf = PrevFn(i);
      if (!(pf == Fn::kIn || pf == Fn::kSince || pf == Fn::kUntil || pf == Fn::kBy ||
            pf == Fn::kOf || pf == Fn::kDuring))
        return none;
    }
    return Make(i, e, Timex::kDate, FmtYear(v));
  }

  // "April 24 and 25", "May 3 or 4": the second day of the same month is an
  // expression of its own. `j` is the token after the first date; returns
  // where scanning resumes.
  uint32_t SecondDay(uint32_t j, const std::string& first, DctDep dep) {
    if (!(F(j) == Fn::kAnd || F(j) == Fn::kOr || F(j) == Fn::kTo || Is(j, "-") ||
          Is(j, "through")))
      return j;
    const uint32_t k = j + 1;
    if (!IsNum(k) || toks_[k].is(Token::kHyphenated)) return j;
    const std::string_view d = T(k);
    if (d.size() > 2 || !AllDigits(d)) return j;
    const int day = ToInt(d);
    const int first_day = ToInt(std::string_view(first).substr(8, 2));
    if (day <= first_day || day > 31) return j;
    // "May 3 and 25 people": a count, not a day.
    if (In(k + 1) && toks_[k + 1].is(Token::kWord) && !Cap(k + 1) && !Has(k + 1, kFnR)) return j;
    const int y = ToInt(std::string_view(first).substr(0, 4));
    const int m = ToInt(std::string_view(first).substr(5, 2));
    CivilDate cd{y, m, day};
    if (!IsValidDate(cd)) return j;
    Cand c = Make(k, k + 1, Timex::kDate, FmtDay(cd), dep);
    Emit(&c);
    return k + 1;
  }

  // "1998-99", "2009-2010": two years in one token.
  bool YearRange(uint32_t i) {
    if (!IsNum(i)) return false;
    const std::string_view s = T(i);
    if (s.size() != 7 && s.size() != 9) return false;
    if (s[4] != '-' || !AllDigits(s.substr(0, 4)) || !AllDigits(s.substr(5))) return false;
    const int a = ToInt(s.substr(0, 4));
    int b = ToInt(s.substr(5));
    if (s.size() == 7) b += (a / 100) * 100;
    if (a < 1800 || a > 2100 || b <= a || b - a > 20) return false;
    const uint32_t p = Prev(i);
    if (p != UINT32_MAX && toks_[p].is(Token::kCurrency)) return false;
    Cand c1 = Make(i, i + 1, Timex::kDate, FmtYear(a));
    c1.begin = toks_[i].begin;
    c1.end = c1.begin + 4;
    Emit(&c1);
    if (s.size() == 9) {
      Cand c2 = Make(i, i + 1, Timex::kDate, FmtYear(b));
      c2.begin = toks_[i].begin + 5;
      c2.end = toks_[i].end;
      Emit(&c2);
    }
    return true;
  }

  // "'90s", "'98"
  Cand ApostropheYear(uint32_t i) {
    Cand none;
    if (!IsNum(i + 1) || toks_[i + 1].begin != toks_[i].end) return none;
    const std::string_view s = T(i + 1);
    if (s.size() == 3 && s[2] == 's' && AllDigits(s.substr(0, 2)) && s[1] == '0')
      return Make(i, i + 2, Timex::kDate, (s[0] >= '3' ? "19" : "20") + std::string(1, s[0]));
    return none;
  }

  // ---- words --------------------------------------------------------------
  // Month names: "March 3", "Sept. 30, 1989", "December 2022", "in February".
  Cand MonthRule(uint32_t i) {
    Cand none;
    const Lex* l = L(i);
    const int month = l->month;
    if (!Cap(i)) return none;
    const std::string_view w = T(i);
    const bool abbrev = !Abbr(i) && w.size() <= 4 && month != 5 && month != 6 && month != 7;
    uint32_t j = i + 1;
    // Month Day[, Year]
    int day = -1;
    if (IsNum(j) && !toks_[j].is(Token::kHyphenated)) {
      const std::string_view d = T(j);
      if (AllDigits(d) && d.size() <= 2) day = ToInt(d);
      else day = NumericOrdinal(d);
      // "December 15-16": a range of days, dated by its first.
      const size_t dash = d.find('-');
      if (dash != std::string_view::npos && dash <= 2 && AllDigits(d.substr(0, dash)) &&
          AllDigits(d.substr(dash + 1)) && d.size() - dash - 1 <= 2) {
        day = ToInt(d.substr(0, dash));
        if (ToInt(d.substr(dash + 1)) <= day || ToInt(d.substr(dash + 1)) > 31) day = -1;
      }
    } else if (Has(j, kOrdR) && L(j)->ordinal <= 31) {
      day = L(j)->ordinal;
    }
    if (day >= 1 && day <= 31) {
      uint32_t end = j + 1;
      int year = INT_MIN;
      uint32_t y = end;
      if (Is(y, ",")) ++y;
      uint32_t ye;
      const int yv = YearAt(y, &ye);
      if (yv != INT_MIN) {
        year = yv;
        end = ye;
      }
      return DayValue(i, end, year, month, day);
    }
    // Month [,|of] Year
    uint32_t y = j;
    if (Is(y, ",") || F(y) == Fn::kOf) ++y;
    {
      uint32_t ye;
      const int year = YearAt(y, &ye);
      if (year != INT_MIN) return Make(i, ye, Timex::kDate, FmtMonth(year, month));
    }
    if (abbrev) return none;
    // A bare month: "may" and sentence-initial "March" need a temporal cue.
    const Fn p = PrevFn(i);
    const bool cue = p == Fn::kIn || p == Fn::kOf || p == Fn::kSince || p == Fn::kUntil ||
                     p == Fn::kBy || p == Fn::kFrom || p == Fn::kDuring || p == Fn::kTo ||
                     p == Fn::kBefore || p == Fn::kAfter || p == Fn::kEnd || p == Fn::kFor ||
                     (Prev(i) != UINT32_MAX && (Has(Prev(i), kPosR | kRelR) ||
                                                T(Prev(i)) == "through" || T(Prev(i)) == "Through" ||
                                                T(Prev(i)) == "till"));
    if ((month == 5 || (month == 3 && toks_[i].is(Token::kSentenceStart))) && !cue) return none;
    if (month == 5 && Is(i + 1, "be")) return none;
    // "the annual March for Life", "the March of the Mothers": a march.
    if (month == 3 && Prev(i) != UINT32_MAX &&
        (F(Prev(i)) == Fn::kThe || T(Prev(i)) == "annual" || T(Prev(i)) == "a") &&
        (F(i + 1) == Fn::kOf || F(i + 1) == Fn::kFor || F(i + 1) == Fn::kOn || Is(i + 1, "against")) &&
        !(F(i + 1) == Fn::kOf && (Has(i + 2, kRelR) || IsNum(i + 2))))  // "the March of last year"
      return none;
    return MonthValue(i, i + 1, month);
  }

  Cand MonthValue(uint32_t first, uint32_t end, int month) {
    uint32_t e = end;
    if (F(e) == Fn::kOf) ++e;  // "November of this year"
    const int ry = RelYearAfter(&e);
    if (ry != INT_MIN) return Make(first, e, Timex::kDate, FmtMonth(ry, month), kDctYear);
    const int y = ResolveMonthYear(dct_, month, TenseOf(first));
    return Make(first, end, Timex::kDate, FmtMonth(y, month), kDctYear);
  }

  // Weekdays: "Tuesday", "Tuesday, March 22", "Tuesday morning".
  Cand WeekdayRule(uint32_t i) {
    Cand none;
    const Lex* l = L(i);
    if (!Cap(i)) return none;
    const std::string_view w = T(i);
    const bool short_form = w.size() <= 5 && !Abbr(i) && w.size() < 6 &&
                            w != "Monday" && w != "Friday" && w != "Sunday";
    uint32_t j = i + 1;
    // "Tuesday, March 22[, 2013]"
    uint32_t k = j;
    if (Is(k, ",")) ++k;
    if (Has(k, kMonthR) && Cap(k)) {
      // "Thursday, Jan. 6": one expression (TBAQ marks it whole six times
      // in seven), dated by the month and day.
      Cand d = MonthRule(k);
      if (d.ok && d.value.size() == 10) return Make(i, d.last, Timex::kDate, d.value, d.dep);
    }
    if (short_form) return none;
    CivilDate d;
    if (!has_dct_) {
      Cand c = Make(i, j, Timex::kDate, "XXXX-WXX-" + std::to_string(l->weekday));
      return PodSuffix(std::move(c), j, std::nullopt);
    }
    d = ResolveWeekday(dct_, l->weekday, TenseOf(i), false);
    Cand c = Make(i, j, Timex::kDate, FmtDay(d), kDctAll);
    return PodSuffix(std::move(c), j, d);
  }

  // "<day> morning" -> TIME with a part of day.
  Cand PodSuffix(Cand c, uint32_t j, std::optional<CivilDate> d) {
    if (Has(j, kPodR)) {
      const Pod p = L(j)->pod;
      if (const char* code = PodCode(p)) {
        c.last = j + 1;
        c.type = Timex::kTime;
        c.value += "T";
        c.value += code;
      } else if (p == Pod::kNoon) {
        c.last = j + 1;
        c.type = Timex::kTime;
        c.value += "T12:00";
      }
    }
    return c;
  }

  Cand DeicticRule(uint32_t i) {
    Cand none;
    const Deictic d = L(i)->deictic;
    CivilDate day = dct_;
    switch (d) {
      case Deictic::kToday: break;
      case Deictic::kTomorrow: day = AddDays(dct_, 1); break;
      case Deictic::kYesterday: day = AddDays(dct_, -1); break;
      case Deictic::kTonight:
        return Make(i, i + 1, Timex::kTime, FmtDay(dct_) + "TNI", kDctAll);
      case Deictic::kOvernight: return none;
      case Deictic::kNone: return none;
    }
    Cand c = Make(i, i + 1, Timex::kDate, FmtDay(day), kDctAll);
    return PodSuffix(std::move(c), i + 1, day);
  }

  Cand RefRule(uint32_t i) {
    Cand none;
    const std::string_view w = T(i);
    char b[16];
    size_t n;
    if (!LowerInto(w, b, sizeof b, &n)) return none;
    const std::string_view lw(b, n);
    if (lw == "now") {
      // "right now": one expression (a rule starting at "right" would
      // cost a lookup for every "right").
      const uint32_t p = Prev(i);
      const bool right = p != UINT32_MAX && (T(p) == "right" || T(p) == "Right");
      return Make(right ? p : i, i + 1, Timex::kDate, "PRESENT_REF");
    }
    if (lw == "currently" || lw == "nowadays" || lw == "presently")
      return Make(i, i + 1, Timex::kDate, "PRESENT_REF");
    // "previously", "formerly", "soon" are left out: TimeBank rarely
    // marks them and they are mostly discourse adverbs.
    if (lw == "recently" || lw == "lately") return Make(i, i + 1, Timex::kDate, "PAST_REF");
    // "the current crisis", "its current owners": the present, as TimeML
    // marks it. A unit after it ("the current quarter") is the relative
    // rules' business; "current account" and electric current are not time.
    if (lw == "current" && w[0] == 'c' && In(i + 1) && toks_[i + 1].is(Token::kWord) &&
        !Cap(i + 1) && !Has(i + 1, kUnitR) && !Has(i + 1, kFnR) && T(i + 1) != "account" &&
        T(i + 1) != "accounts" && T(i + 1) != "events" && Prev(i) != UINT32_MAX) {
      const std::string_view pt = T(Prev(i));
      if (pt == "the" || pt == "its" || pt == "his" || pt == "her" || pt == "their" ||
          pt == "our" || pt == "The" || pt == "Its" || pt == "Their")
        return Make(i, i + 1, Timex::kDate, "PRESENT_REF");
    }
    if (lw == "recent" && Has(i + 1, kUnitR) && L(i + 1)->plural && L(i + 1)->unit != Unit::kHalf) {
      // TimeBank reads "in recent years" as a vague past, shorter spans as
      // durations ("recent weeks": PXW).
      if (L(i + 1)->unit >= Unit::kYear) return Make(i, i + 2, Timex::kDate, "PAST_REF");
      return Make(i, i + 2, Timex::kDuration, DurationValue(-1, L(i + 1)->unit));
    }
    return none;
  }

  // last/next/this/past/coming/previous/following + unit, month, weekday...
  // `the` says whether a "the" precedes (kept in the span by TheRule).
  Cand RelRule(uint32_t i, bool the) {
    Cand none;
    Rel rel = L(i)->rel;
    uint32_t j = i + 1;
    // "this past spring", "this coming Sunday"
    if (rel == Rel::kThis && Has(j, kRelR) && (L(j)->rel == Rel::kPast || L(j)->rel == Rel::kComing)) {
      rel = L(j)->rel;
      ++j;
    }
    // "next fiscal year", "the previous fiscal quarter"
    if (F(j) == Fn::kFiscal && Has(j + 1, kUnitR)) ++j;
    // the past two months, the next few days, the last 24 hours
    Count c;
    if (rel != Rel::kThis && rel != Rel::kCurrent && ParseCount(j, &c) && !c.article) {
      Unit u;
      bool plural;
      if (UnitAt(c.next, &u, &plural) && u != Unit::kHalf && u != Unit::kWeekend) {
        uint32_t end = c.next + 1;
        const char* mod = c.approx ? "APPROX" : nullptr;
        if (F(end) == Fn::kOr && F(end + 1) == Fn::kSo) { end += 2; mod = "APPROX"; }
        return Make(i, end, Timex::kDuration, DurationValue(c.n, u), kNoDct, mod);
      }
    }
    Unit u;
    bool plural;
    // "This Week With David Brinkley": a capitalised unit is a title.
    if (UnitAt(j, &u, &plural) && Cap(j) && !toks_[j].is(Token::kAllCaps) && !Cap(i)) return none;
    if (UnitAt(j, &u, &plural) && Cap(j) && Cap(i) && !toks_[i].is(Token::kSentenceStart) &&
        !toks_[j].is(Token::kAllCaps))
      return none;
    if (UnitAt(j, &u, &plural)) {
      if (plural) {  // the coming weeks, the past months
        if (rel == Rel::kThis || rel == Rel::kCurrent || u == Unit::kWeekend || u == Unit::kHalf)
          return none;
        if (!the && rel != Rel::kPast && rel != Rel::kComing) return none;
        return Make(i, j + 1, Timex::kDuration, DurationValue(-1, u));
      }
      int k = 0;
      bool anchored = false;
      switch (rel) {
        case Rel::kLast: case Rel::kPast: k = -1; break;
        case Rel::kPrevious: k = -1; anchored = the; break;
        case Rel::kNext: k = 1; anchored = the; break;
        case Rel::kComing: k = 1; break;
        case Rel::kFollowing: k = 1; anchored = true; break;
        case Rel::kThis: case Rel::kCurrent: k = 0; break;
        case Rel::kNone: return none;
      }
      // "the latest quarter": the last one reported, i.e. completed.
      if (T(i) == "latest" && u == Unit::kQuarter) k = -1;
      if (rel == Rel::kCurrent && !the && u != Unit::kQuarter && u != Unit::kYear) return none;
      const CivilDate base = anchored ? anchor_ : dct_;
      std::string v;
      Timex::Type type = Timex::kDate;
      switch (u) {
        case Unit::kDay:
          if (!anchored) return none;  // "this day", "last day" are not dates
          v = FmtDay(AddDays(base, k));
          break;
        case Unit::kNight:
          if (rel == Rel::kLast) { v = FmtDay(AddDays(dct_, -1)) + "TNI"; type = Timex::kTime; break; }
          if (rel == Rel::kThis) { v = FmtDay(dct_) + "TNI"; type = Timex::kTime; break; }
          return none;
        case Unit::kWeekend: {
          CivilDate w = base;
          if (k < 0) w = AddDays(base, -7);
          if (k > 0) w = IsoWeekday(base) >= 6 ? AddDays(base, 7) : base;
          if (k == 0 && IsoWeekday(base) == 1 && rel == Rel::kThis) w = base;
          v = FmtWeek(w) + "-WE";
          break;
        }
        case Unit::kWeek: v = FmtWeek(AddDays(base, 7 * k)); break;
        case Unit::kFortnight: return none;
        case Unit::kMonth: {
          CivilDate m = AddMonths(CivilDate{base.year, base.month, 1}, k);
          v = FmtMonth(m.year, m.month);
          break;
        }
        case Unit::kQuarter: {
          CivilDate m = AddMonths(CivilDate{base.year, base.month, 1}, 3 * k);
          v = FmtQuarter(m.year, (m.month - 1) / 3 + 1);
          break;
        }
        case Unit::kYear: v = FmtYear(base.year + k); break;
        case Unit::kDecade: v = FmtYear(base.year + 10 * k).substr(0, 3); break;
        case Unit::kCentury: v = FmtYear(base.year + 100 * k).substr(0, 2); break;
        default: return none;
      }
      uint32_t end = j + 1;
      if (F(end) == Fn::kOr && F(end + 1) == Fn::kSo) end += 2;
      // "this year's third quarter", "next year's first half"
      if (u == Unit::kYear && Is(end, "'s") && Has(end + 1, kOrdR) && Has(end + 2, kUnitR) &&
          (L(end + 2)->unit == Unit::kQuarter || L(end + 2)->unit == Unit::kHalf) &&
          !L(end + 2)->plural) {
        const bool half = L(end + 2)->unit == Unit::kHalf;
        const int q = L(end + 1)->ordinal;
        if (q <= (half ? 2 : 4)) {
          v += (half ? "-H" : "-Q") + std::to_string(q);
          end += 3;
        }
      }
      return Make(i, end, type, std::move(v), kDctAll);
    }
    // next Friday, last November, this summer, this morning
    if (Has(j, kWeekdayR) && Cap(j)) {
      if (!has_dct_) return Make(i, j + 1, Timex::kDate, "XXXX-WXX-" + std::to_string(L(j)->weekday));
      CivilDate d;
      const int wd = L(j)->weekday;
      switch (rel) {
        case Rel::kLast: case Rel::kPast: d = ResolveWeekday(dct_, wd, Tense::kPast, true); break;
        case Rel::kPrevious: d = ResolveWeekday(anchor_, wd, Tense::kPast, true); break;
        case Rel::kNext: case Rel::kComing:
          d = ResolveWeekday(dct_, wd, Tense::kFuture, true);
          break;
        case Rel::kFollowing: d = ResolveWeekday(anchor_, wd, Tense::kFuture, true); break;
        case Rel::kThis: d = ResolveWeekday(dct_, wd, TenseOf(i), false); break;
        default: return none;
      }
      Cand c = Make(i, j + 1, Timex::kDate, FmtDay(d), kDctAll);
      return PodSuffix(std::move(c), j + 1, d);
    }
    if (Has(j, kMonthR) && Cap(j) && rel != Rel::kPrevious && rel != Rel::kFollowing) {
      const int m = L(j)->month;
      if (IsNum(j + 1) || Has(j + 1, kOrdR)) return none;  // "last Oct. 23": the day decides
      int y = dct_.year;
      if (rel == Rel::kLast || rel == Rel::kPast) y = m < dct_.month ? dct_.year : dct_.year - 1;
      else if (rel == Rel::kNext || rel == Rel::kComing) y = m > dct_.month ? dct_.year : dct_.year + 1;
      else if (rel != Rel::kThis) return none;
      return Make(i, j + 1, Timex::kDate, FmtMonth(y, m), kDctAll);
    }
    if (Has(j, kSeasonR)) return SeasonAt(i, j, rel);
    // "the latest period" in an earnings report: the last reported quarter.
    if (T(i) == "latest" && (Is(j, "period") || Is(j, "reporting"))) {
      std::string q = QuarterBack(0);
      if (q.empty()) {
        CivilDate m = AddMonths(CivilDate{dct_.year, dct_.month, 1}, -3);
        q = FmtQuarter(m.year, (m.month - 1) / 3 + 1);
      }
      return Make(i, j + 1, Timex::kDate, std::move(q), kDctAll);
    }
    if (Has(j, kPodR) && the && (rel == Rel::kNext || rel == Rel::kFollowing)) {
      const char* code = PodCode(L(j)->pod);
      if (!code) return none;
      return Make(i, j + 1, Timex::kTime, FmtDay(AddDays(anchor_, 1)) + "T" + code, kDctAll);
    }
    if (Has(j, kPodR) && rel == Rel::kThis) {
      const char* code = PodCode(L(j)->pod);
      if (!code) return none;
      return Make(i, j + 1, Timex::kTime, FmtDay(dct_) + "T" + code, kDctAll);
    }
    if (rel == Rel::kPast && the) return Make(i, j, Timex::kDate, "PAST_REF");
    return none;
  }

  Cand SeasonAt(uint32_t first, uint32_t j, Rel rel) {
    Cand none;
    const Season s = L(j)->season;
    static const int kStart[] = {0, 3, 6, 9, 12};
    const int start = kStart[static_cast<int>(s)];
    // The season containing the DCT month (winter counted from December).
    int y = dct_.year;
    if (s == Season::kWinter && dct_.month <= 2) y -= 1;
    const bool current_or_past = dct_.month >= start || (s == Season::kWinter && dct_.month <= 2);
    switch (rel) {
      case Rel::kThis: case Rel::kCurrent: break;
      case Rel::kNone: {
        // "in the fall": the tense picks the last one or the coming one.
        if (s == Season::kWinter) break;
        const Tense t = TenseOf(first);
        if (t == Tense::kPast && start > dct_.month) y -= 1;
        if (t == Tense::kFuture && dct_.month >= start + 3) y += 1;
        break;
      }
      case Rel::kLast: case Rel::kPast: case Rel::kPrevious:
        if (current_or_past && dct_.month >= start + 3) break;  // finished this year
        y -= 1;
        break;
      case Rel::kNext: case Rel::kComing: case Rel::kFollowing:
        if (current_or_past) y += 1;
        break;
    }
    uint32_t end = j + 1;
    if (rel == Rel::kNone) {
      uint32_t ye;
      const uint32_t at = (F(end) == Fn::kOf || Is(end, ",")) ? end + 1 : end;
      const int yv = YearAt(at, &ye);
      if (yv != INT_MIN) return Make(first, ye, Timex::kDate, FmtSeason(yv, s));
    }
    return Make(first, end, Timex::kDate, FmtSeason(y, s), kDctAll);
  }

  Cand SeasonRule(uint32_t i, bool the) {
    Cand none;
    // "fall" and "spring" are verbs too: a bare season needs a cue.
    const Fn p = PrevFn(i);
    const bool year_next = IsNum(i + 1) && T(i + 1).size() == 4;
    const bool of_year = F(i + 1) == Fn::kOf && IsNum(i + 2) && T(i + 2).size() == 4;
    if (!the && !year_next && !of_year &&
        !(p == Fn::kIn || p == Fn::kSince || p == Fn::kUntil || p == Fn::kBy ||
          p == Fn::kDuring || (Prev(i) != UINT32_MAX && Has(Prev(i), kPosR | kRelR))))
      return none;
    return SeasonAt(i, i, Rel::kNone);
  }

  // "early 2023", "mid-January" (see HyphenWord), "late November",
  // "earlier this year", "early next year", "early on Thursday".
  Cand PosRule(uint32_t i, int depth) {
    Cand none;
    const Pos pos = L(i)->pos;
    uint32_t j = i + 1;
    if (pos == Pos::kEarlier || pos == Pos::kLater) {
      // "earlier this year"; "later that year" (the narrative's year)
      if (F(j) == Fn::kThat && Has(j + 1, kUnitR) && !L(j + 1)->plural) {
        Cand c = ThatUnit(j);
        if (!c.ok) return none;
        c.first = i;
        c.mod = pos == Pos::kEarlier ? "START" : "END";
        return c;
      }
      if (!Has(j, kRelR) || L(j)->rel != Rel::kThis) return none;
      // TimeBank marks "earlier [this week]" but "[earlier this year]".
      if (Has(j + 1, kUnitR) && L(j + 1)->unit == Unit::kWeek) return none;
    }
    if ((pos == Pos::kEarly || pos == Pos::kLate) && (F(j) == Fn::kOn || F(j) == Fn::kIn) &&
        Has(j + 1, kWeekdayR))
      ++j;  // "early on Thursday"; the weekday rule below keeps the modifier out
    if (!In(j)) return none;
    Cand inner = Match(j, depth + 1);
    if (!inner.ok || inner.type == Timex::kDuration || inner.type == Timex::kSet) return none;
    // "early Friday", "late Monday": TimeBank keeps the modifier out.
    if (Has(j, kWeekdayR) || Has(j, kDeicticR)) return none;
    if (inner.value.find("REF") != std::string::npos) return none;
    if (pos == Pos::kMid && !(Has(j, kMonthR) || IsNum(j))) return none;
    const char* mod = pos == Pos::kEarly || pos == Pos::kEarlier ? "START"
                      : pos == Pos::kMid                        ? "MID"
                                                                : "END";
    inner.first = i;
    inner.mod = mod;
    return inner;
  }

  // Holidays: Christmas, Christmas Eve, Thanksgiving (Day), Easter.
  Cand HolidayRule(uint32_t i) {
    Cand none;
    if (!Cap(i)) return none;
    Holiday h = L(i)->holiday;
    uint32_t end = i + 1;
    // Words that are holidays only in a name: "Labor Day", "Election Day",
    // "Veterans Day", "Good Friday", "Palm Sunday".
    switch (h) {
      case Holiday::kLabor: case Holiday::kMemorial: case Holiday::kIndependence:
      case Holiday::kElection: case Holiday::kVeterans:
        if (!Is(end, "Day")) return none;
        break;
      case Holiday::kGoodFriday:
        if (!Is(end, "Friday")) return none;
        break;
      case Holiday::kPalmSunday:
        if (!Is(end, "Sunday")) return none;
        break;
      default: break;
    }
    if (h == Holiday::kChristmas && Is(end, "Eve")) { h = Holiday::kChristmasEve; ++end; }
    else if (Is(end, "Day") || Is(end, "Sunday") || Is(end, "Friday")) ++end;
    int y = INT_MIN;
    if (IsNum(end) && T(end).size() == 4 && AllDigits(T(end))) { y = ToInt(T(end)); ++end; }
    DctDep dep = kNoDct;
    if (y == INT_MIN) {
      auto d0 = HolidayDate(h, dct_.year);
      if (!d0) return none;
      y = ResolveDayYear(dct_, d0->month, d0->day, TenseOf(i));
      dep = kDctYear;
    }
    auto d = HolidayDate(h, y);
    if (!d) return none;
    const bool movable = h == Holiday::kThanksgiving || h == Holiday::kEaster ||
                         h == Holiday::kLabor || h == Holiday::kMemorial ||
                         h == Holiday::kElection || h == Holiday::kGoodFriday ||
                         h == Holiday::kPalmSunday;
    return Make(i, end, Timex::kDate, FmtDay(*d), movable ? (dep == kNoDct ? kNoDct : kDctAll) : dep);
  }

  // "the third quarter [of 1990]", "third-quarter", "the fiscal first
  // quarter", "the first half", "the latest quarter", "the first nine months".
  Cand QuarterRule(uint32_t i) {
    Cand none;
    uint32_t j = i;
    bool fiscal = false;
    if (F(j) == Fn::kFiscal) { fiscal = true; ++j; }
    int q = 0;
    bool half = false;
    int rel_k = 99;  // relative quarter offset when no ordinal
    if (Is(j, "latter") && Has(j + 1, kUnitR) && L(j + 1)->unit == Unit::kHalf) {
      q = 2;  // "the latter half of 2012"
      ++j;
    } else if (Has(j, kOrdR)) {
      q = L(j)->ordinal;
      ++j;
      if (F(j) == Fn::kFiscal) { fiscal = true; ++j; }
      // the first nine months
      Count c;
      if (q == 1 && ParseCount(j, &c) && !c.article && c.n > 0) {
        Unit u;
        bool plural;
        if (UnitAt(c.next, &u, &plural) && plural && u != Unit::kHalf)
          return Make(i, c.next + 1, Timex::kDuration, DurationValue(c.n, u));
      }
    } else if (Has(j, kRelR)) {
      const Rel r = L(j)->rel;
      ++j;
      if (r == Rel::kCurrent || r == Rel::kThis) rel_k = 0;
      else if (r == Rel::kLast || r == Rel::kPast || r == Rel::kPrevious) rel_k = -1;
      else if (r == Rel::kNext || r == Rel::kComing) rel_k = 1;
      if (L(j - 1) && T(j - 1) == "latest") rel_k = -2;  // the latest reported quarter
      if (F(j) == Fn::kFiscal) { fiscal = true; ++j; }
    } else {
      return none;
    }
    if (!Has(j, kUnitR)) return none;
    const Unit u = L(j)->unit;
    if (L(j)->plural) return none;
    if (u == Unit::kHalf) half = true;
    else if (u != Unit::kQuarter) return none;
    if (q > (half ? 2 : 4)) return none;
    uint32_t end = j + 1;
    int year = INT_MIN;
    bool year_from_dct = false;
    uint32_t y = end;
    if (F(y) == Fn::kOf || Is(y, ",")) ++y;
    if (F(y) == Fn::kFiscal) ++y;
    uint32_t ye;
    if (const int yv = YearAt(y, &ye); yv != INT_MIN) {
      year = yv;
      end = ye;
    } else if (F(end) == Fn::kOf) {
      // "the first quarter of the year", "... of last year"
      uint32_t k = end + 1;
      if (F(k) == Fn::kThe && Has(k + 1, kUnitR) && L(k + 1)->unit == Unit::kYear && !L(k + 1)->plural) {
        year = dct_.year;
        end = k + 2;
        year_from_dct = true;
      } else {
        const int ry = RelYearAfter(&k);
        if (ry != INT_MIN) {
          year = ry;
          end = k;
          year_from_dct = true;
        }
      }
    }
    (void)fiscal;
    if (year_from_dct && q > 0) {
      return Make(i, end, Timex::kDate, FmtYear(year) + (half ? "-H" : "-Q") + std::to_string(q),
                  kDctYear);
    }
    // "the last half of 1989", "the last quarter of the year": the final one.
    if (q == 0 && rel_k == -1 && year != INT_MIN && T(j - 1) != "past" && T(j - 1) != "previous" &&
        T(j - 1) != "Past" && T(j - 1) != "Previous")
      return Make(i, end, Timex::kDate, FmtYear(year) + (half ? "-H2" : "-Q4"),
                  year_from_dct ? kDctYear : kNoDct);
    const int cur_q = (dct_.month - 1) / 3 + 1;
    if (q == 0) {
      if (half || rel_k == 99) return none;
      // "the latest quarter": the last reported (completed) one.
      int k = rel_k;
      if (k == -2) k = -1;
      CivilDate m = AddMonths(CivilDate{dct_.year, dct_.month, 1}, 3 * k);
      return Make(i, end, Timex::kDate, FmtQuarter(m.year, (m.month - 1) / 3 + 1), kDctAll);
    }
    DctDep dep = kNoDct;
    if (year == INT_MIN) {
      year = dct_.year;
      dep = kDctYear;
      const int cur = half ? (dct_.month <= 6 ? 1 : 2) : cur_q;
      if (q > cur && TenseOf(i) != Tense::kFuture) year -= 1;
    }
    std::string v = FmtYear(year) + (half ? "-H" : "-Q") + std::to_string(q);
    return Make(i, end, Timex::kDate, std::move(v), dep);
  }

  // "fiscal 1989"
  Cand FiscalRule(uint32_t i) {
    Cand none;
    if (IsNum(i + 1) && T(i + 1).size() == 4 && AllDigits(T(i + 1)))
      return Make(i, i + 2, Timex::kDate, std::string(T(i + 1)));
    return QuarterRule(i);
  }

  // every/each + [count] unit | weekday | part of day | month | season
  Cand EveryRule(uint32_t i) {
    Cand none;
    uint32_t j = i + 1;
    Count c;
    int n = 1;
    if (ParseCount(j, &c) && !c.article && c.n > 0) {
      n = static_cast<int>(c.n);
      j = c.next;
    }
    Unit u;
    bool plural;
    if (UnitAt(j, &u, &plural)) {
      if (u == Unit::kHalf) return none;
      if (u == Unit::kWeekend) return Make(i, j + 1, Timex::kSet, "XXXX-WXX-WE");
      return Make(i, j + 1, Timex::kSet, SetValue(n, u));
    }
    if (Has(j, kWeekdayR) && Cap(j))
      return Make(i, j + 1, Timex::kSet, "XXXX-WXX-" + std::to_string(L(j)->weekday));
    if (Has(j, kPodR)) {
      const char* code = PodCode(L(j)->pod);
      if (code) return Make(i, j + 1, Timex::kSet, std::string("XXXX-XX-XXT") + code);
    }
    if (Has(j, kMonthR) && Cap(j)) return Make(i, j + 1, Timex::kSet, FmtMonth(0, L(j)->month).replace(0, 4, "XXXX"));
    if (Has(j, kSeasonR)) return Make(i, j + 1, Timex::kSet, FmtSeason(0, L(j)->season).replace(0, 4, "XXXX"));
    return none;
  }

  // "the ..." : expressions headed by a time word keep the article.
  // "the second day (of the offensive)", "his first day in office": a day
  // counted within some event. News counts the day it reports ("today is
  // the eighth day of ...", "stocks fell for a second straight day"), so it
  // is the DCT's day; in a future clause the event's date is unknown.
  Cand OrdinalDay(uint32_t j) {
    Cand none;
    // "a second straight day", "the third consecutive day"
    const uint32_t u = (Is(j + 1, "straight") || Is(j + 1, "consecutive") ||
                        Is(j + 1, "successive") || Is(j + 1, "full")) ? j + 2 : j + 1;
    if (!Has(j, kOrdR) || Cap(j) || !Has(u, kUnitR) || L(u)->unit != Unit::kDay ||
        L(u)->plural || L(j)->ordinal > 31)
      return none;
    // "the first day of March" is a calendar date the month rules own.
    if (F(u + 1) == Fn::kOf && Has(u + 2, kMonthR)) return none;
    Tense t = has_dct_ ? TenseOf(j) : Tense::kUnknown;
    // "It's the second day", "today is the eighth day": the copula before
    // the expression is its own verb, whatever the clause around says.
    const uint32_t d = Prev(j);
    const uint32_t cop = d == UINT32_MAX ? d : Prev(d);
    if (cop != UINT32_MAX && (T(cop) == "is" || T(cop) == "'s" || T(cop) == "It's" ||
                              T(cop) == "it's"))
      t = Tense::kPresent;
    // "his first day in office": a personal milestone, rarely the reported day.
    const bool personal = d != UINT32_MAX && !(F(d) == Fn::kThe) && !Is(d, "a") && !Is(d, "A");
    if (!has_dct_ || t == Tense::kFuture || (personal && t != Tense::kPresent))
      return Make(j, u + 1, Timex::kDate, "XXXX-XX-XX");
    return Make(j, u + 1, Timex::kDate, FmtDay(dct_), kDctAll);
  }

  Cand TheRule(uint32_t i, int depth) {
    Cand best;
    const uint32_t j = i + 1;
    if (!In(j)) return best;
    const Lex* l = L(j);
    auto take = [&](Cand c) {
      if (!c.ok) return;
      c.first = i;
      Better(&best, std::move(c));
    };
    // the 1990s, the '90s, the nineties, the 20th century
    if (IsNum(j)) {
      const std::string_view s = T(j);
      Cand d = CountRule(j);
      if (d.ok && d.type == Timex::kDuration) take(std::move(d));
      if (s.size() == 4 && AllDigits(s)) {
        // "the 1988 period", "the 1988 third quarter"
        const int y = ToInt(s);
        if (Has(j + 1, kOrdR) && Has(j + 2, kUnitR) && L(j + 2)->unit == Unit::kQuarter &&
            L(j + 1)->ordinal <= 4)
          take(Make(j, j + 3, Timex::kDate, FmtQuarter(y, L(j + 1)->ordinal)));
        else if (Is(j + 1, "period"))
          take(Make(j, j + 2, Timex::kDate,
                    last_quarter_year_ && sentence_ <= last_quarter_sentence_ + 2
                        ? FmtQuarter(y, last_quarter_) : FmtYear(y)));
      }
      if (s.size() == 5 && s[4] == 's' && AllDigits(s.substr(0, 4))) take(NumberToken(j));
      else if (NumericOrdinal(s) > 0 && Has(j + 1, kUnitR) && L(j + 1)->unit == Unit::kCentury)
        take(NumberToken(j));
    }
    if (T(j) == "'") take(ApostropheYear(j));
    take(OrdinalDay(j));
    if (Is(j, "latter")) take(QuarterRule(j));
    {
      // "the comparable year-ago quarter", "the year-earlier period"
      uint32_t k = j;
      if (Is(k, "comparable") || Is(k, "corresponding") || Is(k, "same")) ++k;
      if (In(k) && toks_[k].is(Token::kHyphenated) && T(k).size() > 5 &&
          (T(k).substr(0, 5) == "year-" || T(k).substr(0, 5) == "Year-")) {
        Cand h = HyphenWord(k);
        if (h.ok && h.last > k + 1) {
          h.first = j;
          take(std::move(h));
        }
      }
    }
    if (toks_[j].is(Token::kHyphenated)) {
      Cand h = HyphenWord(j);
      // "the mid-1990s" yes; "the third-quarter results" no.
      if (h.ok && (h.mod != nullptr && h.value.size() == 3)) take(std::move(h));
    }
    {
      // "the fiscal year", "the full year", "the current fiscal year"
      uint32_t k = j;
      if (Is(k, "current") || Is(k, "latest") || Is(k, "full") || Is(k, "calendar")) ++k;
      if (F(k) == Fn::kFiscal) ++k;
      if (k > j && Has(k, kUnitR) && L(k)->unit == Unit::kYear && !L(k)->plural && F(k + 1) != Fn::kOf)
        take(Make(j, k + 1, Timex::kDate, FmtYear(dct_.year), kDctAll));
    }
    if (!l) return best;
    if (l->roles & kDecadeWordR) {
      const int d = l->decade;
      take(Make(j, j + 1, Timex::kDate, "19" + std::to_string(d)));
    }
    if (l->roles & kRelR) take(RelRule(j, true));
    if ((l->roles & kNumR) || IsNum(j)) {
      // "the nine months", "the four days" (not "the 1990 budget")
      Cand d = CountRule(j);
      if (d.ok && d.type == Timex::kDuration) take(std::move(d));
    }
    if (l->roles & (kOrdR | kRelR | kFnR)) {
      Cand q = QuarterRule(j);
      if (q.ok) take(std::move(q));
    }
    if ((l->roles & kPosR) && depth < 2) {
      Cand p = PosRule(j, depth);
      // "the early 1990s", "the late 1980s"
      if (p.ok && p.value.size() == 3) take(std::move(p));
    }
    if (l->roles & kSeasonR) {
      // "the fall in prices", "the spring of the revolt": nouns, not seasons.
      const bool verbal_noun = l->season == Season::kFall || l->season == Season::kSpring;
      const bool year_after = (F(j + 1) == Fn::kOf && IsNum(j + 2)) || IsNum(j + 1);
      if (!verbal_noun || year_after || !(F(j + 1) == Fn::kIn || F(j + 1) == Fn::kOf || F(j + 1) == Fn::kFrom))
        take(SeasonAt(j, j, Rel::kNone));
    }
    if (l->roles & kOrdR) {
      // the twentieth century
      if (Has(j + 1, kUnitR) && L(j + 1)->unit == Unit::kCentury && !L(j + 1)->plural)
        take(Make(j, j + 2, Timex::kDate, FmtYear((l->ordinal - 1) * 100).substr(0, 2)));
    }
    if (l->roles & kUnitR) {
      // the year, the quarter, the weekend, the week
      const Unit u = l->unit;
      const Fn next = F(j + 1);
      // "the week of March 6"
      if (u == Unit::kWeek && !l->plural && next == Fn::kOf && Has(j + 2, kMonthR)) {
        Cand d = MonthRule(j + 2);
        if (d.ok && d.value.size() == 10)
          if (auto pd = ParseIsoDate(d.value)) take(Make(j, d.last, Timex::kDate, FmtWeek(*pd), d.dep));
      }
      const bool blocked = next == Fn::kOf || next == Fn::kBefore || next == Fn::kAfter ||
                           next == Fn::kEarlier || next == Fn::kLater || next == Fn::kAgo ||
                           Is(j + 1, "'s") || (In(j + 1) && toks_[j + 1].is(Token::kHyphenated));
      // "the weeks ahead"; "in the days before the vote" (the unit alone)
      if (l->plural && u != Unit::kHalf && u != Unit::kWeekend && u != Unit::kNight) {
        if (F(j + 1) == Fn::kAhead)
          take(Make(j, j + 2, Timex::kDuration, DurationValue(-1, u)));
        else if (next == Fn::kBefore || next == Fn::kAfter || next == Fn::kThat ||
                 Is(j + 1, "following") || Is(j + 1, "since"))
          Better(&best, Make(j, j + 1, Timex::kDuration, DurationValue(-1, u)));
      }
      if (!l->plural && !blocked) {
        if (u == Unit::kYear) {
          // "income for the year" is a period's length; "the year" alone the DCT's.
          const Fn p = PrevFn(i);
          if (p == Fn::kFor || p == Fn::kIn || p == Fn::kDuring || p == Fn::kOver)
            take(Make(j, j + 1, Timex::kDuration, "P1Y"));
          else
            take(Make(j, j + 1, Timex::kDate, FmtYear(dct_.year), kDctAll));
        }
        if (u == Unit::kYear && IsNum(j + 1) && T(j + 1).size() == 4 && AllDigits(T(j + 1)))
          take(Make(j, j + 2, Timex::kDate, std::string(T(j + 1))));  // "the year 2000"
        if (u == Unit::kMonth) take(Make(j, j + 1, Timex::kDate, FmtMonth(dct_.year, dct_.month), kDctAll));
        if (u == Unit::kWeek) take(Make(j, j + 1, Timex::kDate, FmtWeek(dct_), kDctAll));
        if (u == Unit::kWeekend) {
          // The weekend just past for a past clause, the coming one for a
          // future clause; without a tense, the nearer of the two.
          const int wd = IsoWeekday(dct_);
          const Tense t = TenseOf(j);
          bool past;
          if (t == Tense::kPast) past = wd <= 5;
          else if (t == Tense::kFuture) past = false;
          else past = wd <= 3;
          const CivilDate w = past ? AddDays(dct_, -7) : dct_;
          take(Make(j, j + 1, Timex::kDate, FmtWeek(w) + "-WE", kDctAll));
        }
        if (u == Unit::kQuarter) {
          const Tense t = TenseOf(j);
          CivilDate m = AddMonths(CivilDate{dct_.year, dct_.month, 1}, t == Tense::kPast ? -3 : 0);
          take(Make(j, j + 1, Timex::kDate, FmtQuarter(m.year, (m.month - 1) / 3 + 1), kDctAll));
        }
      }
    }
    if (l->roles & kFnR) {
      switch (l->fn) {
        case Fn::kFuture: take(Make(j, j + 1, Timex::kDate, "FUTURE_REF")); break;
        case Fn::kPresentW:
          if (!Has(j + 1, kUnitR)) take(Make(j, j + 1, Timex::kDate, "PRESENT_REF"));
          break;
        case Fn::kNear:
          if (F(j + 1) == Fn::kFuture || F(j + 1) == Fn::kTerm)
            take(Make(j, j + 2, Timex::kDate, "FUTURE_REF"));
          break;
        case Fn::kShort: case Fn::kLong:
          if (F(j + 1) == Fn::kTerm) take(Make(j, j + 2, Timex::kDate, "FUTURE_REF"));
          break;
        case Fn::kEnd: case Fn::kBeginning: case Fn::kStart: case Fn::kMiddle:
          if (F(j + 1) == Fn::kOf && depth < 2) {
            uint32_t k = j + 2;
            Cand inner = Match(k, depth + 1);
            if (!inner.ok && F(k) == Fn::kThe) inner = Match(k, depth + 1);
            if (inner.ok && (inner.type == Timex::kDate || inner.type == Timex::kTime) &&
                inner.value.find("REF") == std::string::npos) {
              inner.first = j;
              inner.mod = l->fn == Fn::kEnd ? "END" : l->fn == Fn::kMiddle ? "MID" : "START";
              take(std::move(inner));
            }
          }
          break;
        case Fn::kSame:
          if (Has(j + 1, kUnitR) && L(j + 1)->unit == Unit::kDay && !L(j + 1)->plural)
            take(Anchored(j, j + 2, 0));
          break;
        case Fn::kDay:
          // the day before / after
          if (F(j + 1) == Fn::kBefore && !In(j + 2)) take(Anchored(j, j + 2, -1));
          break;
        default: break;
      }
    }
    if ((l->roles & kFnR) && l->fn == Fn::kPastW && !best.ok) {
      // "the past" alone
      take(Make(j, j + 1, Timex::kDate, "PAST_REF"));
    }
    return best;
  }

  // The quarter mentioned in this or the two previous sentences, n years
  // back ("third-quarter profit ... from a year earlier" -> last year's
  // third quarter); empty if there is none.
  std::string QuarterBack(int n) const {
    if (last_quarter_year_ == 0 || sentence_ > last_quarter_sentence_ + 2) return {};
    return FmtQuarter(last_quarter_year_ - n, last_quarter_);
  }

  // "that day", "that year", "that month": the narrative's anchor.
  Cand ThatUnit(uint32_t i) {
    Cand none;
    // "that same day", "that very year"
    const uint32_t u = (F(i + 1) == Fn::kSame || Is(i + 1, "very")) ? i + 2 : i + 1;
    if (!Has(u, kUnitR) || L(u)->plural) return none;
    switch (L(u)->unit) {
      case Unit::kDay: return Anchored(i, u + 1, 0);
      case Unit::kMonth: return Make(i, u + 1, Timex::kDate, FmtMonth(anchor_.year, anchor_.month), kDctAll);
      case Unit::kYear: return Make(i, u + 1, Timex::kDate, FmtYear(anchor_.year), kDctAll);
      case Unit::kQuarter: {
        const std::string q = QuarterBack(0);
        if (q.empty()) return none;
        return Make(i, u + 1, Timex::kDate, q, kDctAll);
      }
      default: return none;
    }
  }

  // A day relative to the narrative's anchor ("the following day").
  Cand Anchored(uint32_t first, uint32_t end, int k) {
    return Make(first, end, Timex::kDate, FmtDay(AddDays(anchor_, k)), kDctAll);
  }

  // Hyphenated words: "four-hour", "mid-January", "third-quarter",
  // "year-earlier", "two-year-old", "month-long".
  Cand HyphenWord(uint32_t i) {
    Cand none;
    std::string_view parts[4];
    const int n = SplitHyphen(T(i), parts);
    if (n < 2) return none;
    const Lex* a = LookupPart(parts[0]);
    const Lex* b = LookupPart(parts[1]);
    // mid-January, late-November, mid-1990s, mid-2023, early-1990s
    if (a && (a->roles & kPosR) && n == 2) {
      const char* mod = a->pos == Pos::kMid ? "MID" : a->pos == Pos::kEarly ? "START" : "END";
      if (b && (b->roles & kMonthR)) {
        uint32_t end = i + 1;
        if (IsNum(end) && T(end).size() == 4 && AllDigits(T(end))) {
          Cand c = Make(i, end + 1, Timex::kDate, FmtMonth(ToInt(T(end)), b->month), kNoDct, mod);
          return c;
        }
        Cand c = MonthValue(i, end, b->month);
        c.mod = mod;
        return c;
      }
      const std::string_view p = parts[1];
      if (p.size() == 4 && AllDigits(p)) return Make(i, i + 1, Timex::kDate, std::string(p), kNoDct, mod);
      if (p.size() == 5 && p[4] == 's' && AllDigits(p.substr(0, 4)))
        return Make(i, i + 1, Timex::kDate, std::string(p.substr(0, 3)), kNoDct, mod);
      if (b && (b->roles & kUnitR) && b->unit == Unit::kYear && !b->plural)
        return Make(i, i + 1, Timex::kDate, FmtYear(dct_.year), kDctAll, mod);
      // "by mid-afternoon": a part of the reported day (the DCT's).
      // "mid-afternoon yesterday", "mid-morning Friday": that day's.
      if (b && (b->roles & kPodR) && a->pos == Pos::kMid && PodCode(b->pod) != nullptr) {
        Cand day;
        if (Has(i + 1, kDeicticR)) day = DeicticRule(i + 1);
        else if (Has(i + 1, kWeekdayR)) day = WeekdayRule(i + 1);
        if (day.ok && day.value.size() == 10)
          return Make(i, day.last, Timex::kTime, day.value + "T" + PodCode(b->pod), day.dep);
        return Make(i, i + 1, Timex::kTime, FmtDay(dct_) + "T" + PodCode(b->pod), kDctAll);
      }
      return none;
    }
    // third-quarter, first-half
    if (a && (a->roles & kOrdR) && b && (b->roles & kUnitR) && n == 2 &&
        (b->unit == Unit::kQuarter || b->unit == Unit::kHalf)) {
      const bool half = b->unit == Unit::kHalf;
      const int q = a->ordinal;
      if (q > (half ? 2 : 4)) return none;
      int year = dct_.year;
      const int cur = half ? (dct_.month <= 6 ? 1 : 2) : (dct_.month - 1) / 3 + 1;
      if (q > cur && TenseOf(i) != Tense::kFuture) year -= 1;
      return Make(i, i + 1, Timex::kDate, FmtYear(year) + (half ? "-H" : "-Q") + std::to_string(q),
                  kDctYear);
    }
    // year-earlier, year-ago, year-end
    if (a && (a->roles & kUnitR) && a->unit == Unit::kYear && !a->plural && n == 2) {
      if (parts[1] == "earlier" || parts[1] == "ago") {
        // "year-earlier", "the year-ago third quarter", "the year-earlier period"
        uint32_t end = i + 1;
        int q = 0;
        if (Has(end, kOrdR) && Has(end + 1, kUnitR) && L(end + 1)->unit == Unit::kQuarter &&
            L(end)->ordinal <= 4) {
          q = L(end)->ordinal;
          end += 2;
        } else if (Is(end, "quarter") || Is(end, "period")) {
          ++end;
        }
        if (q > 0) {
          const int y = last_quarter_year_ && sentence_ <= last_quarter_sentence_ + 2
                            ? last_quarter_year_ - 1 : dct_.year - 1;
          return Make(i, end, Timex::kDate, FmtQuarter(y, q), kDctAll);
        }
        std::string qb = QuarterBack(1);
        if (!qb.empty()) return Make(i, end, Timex::kDate, std::move(qb), kDctAll);
        return Make(i, end, Timex::kDate, FmtYear(dct_.year - 1), kDctAll);
      }
      if (parts[1] == "end") return Make(i, i + 1, Timex::kDate, FmtYear(dct_.year), kDctAll, "END");
    }
    // week-long, month-long, year-long; decades-long, months-long: an
    // unknown count of the unit
    if (a && (a->roles & kUnitR) && n == 2 && parts[1] == "long" && a->unit != Unit::kHalf &&
        a->unit != Unit::kWeekend)
      return Make(i, i + 1, Timex::kDuration, DurationValue(a->plural ? -1 : 1, a->unit));
    // several-year, multi-year, many-month: a vague count as an adjective
    if (n == 2 && b && (b->roles & kUnitR) && !b->plural && b->unit != Unit::kHalf &&
        b->unit != Unit::kWeekend && b->unit != Unit::kSecond &&
        (parts[0] == "several" || parts[0] == "multi" || parts[0] == "many" ||
         parts[0] == "Several" || parts[0] == "Multi"))
      return Make(i, i + 1, Timex::kDuration, DurationValue(-1, b->unit));
    // four-hour, two-year, twenty-five-year, two-year-old
    int v = -1;
    int k = 0;
    if (n >= 2) {
      const int x = NumberWordValue(parts[0]);
      if (x > 0) {
        v = x;
        k = 1;
        if (n >= 3 && x >= 20 && x % 10 == 0) {
          const int y = NumberWordValue(parts[1]);
          if (y > 0 && y < 10) { v += y; k = 2; }
        }
      }
    }
    if (v > 0 && k < n) {
      const Lex* u = LookupPart(parts[k]);
      if (u && (u->roles & kUnitR) && u->unit != Unit::kHalf && u->unit != Unit::kWeekend &&
          u->unit != Unit::kNight && !u->plural) {
        // "two-year-old" is an age, not an expression of time (TimeBank).
        const bool tail_ok = k + 1 == n || (k + 2 == n && parts[k + 1] == "long");
        if (tail_ok) return Make(i, i + 1, Timex::kDuration, DurationValue(v, u->unit));
      }
    }
    return none;
  }

  // ---- output -----------------------------------------------------------
  // Quantifiers before an expression become its mod. TimeBank keeps the
  // comparative ones ("more than", "at least", "up to", "nearly") inside
  // the span and the loose ones ("about", "within", "over") outside.
  void AddApprox(Cand* c) {
    if (c->mod) return;
    const uint32_t p = Prev(c->first);
    if (p == UINT32_MAX) return;
    const Lex* l = L(p);
    const Fn f = F(p);
    const uint32_t pp = Prev(p);
    const Fn ff = pp == UINT32_MAX ? Fn::kNone : F(pp);
    const bool duration = c->type == Timex::kDuration;
    uint32_t first = c->first;
    if (f == Fn::kThan && ff == Fn::kMore) { c->mod = "MORE_THAN"; first = pp; }
    else if (f == Fn::kThan && ff == Fn::kLess) { c->mod = "LESS_THAN"; first = pp; }
    else if (f == Fn::kTo && ff == Fn::kUp) { c->mod = "EQUAL_OR_LESS"; first = pp; }
    else if (pp != UINT32_MAX && T(p) == "least" && (T(pp) == "at" || T(pp) == "At")) {
      c->mod = "EQUAL_OR_MORE";
      first = pp;
    } else if (l && (l->roles & kApproxR)) {
      if (duration || std::strcmp(l->approx, "APPROX") == 0) c->mod = l->approx;
      const std::string_view w = T(p);
      if (w == "nearly" || w == "Nearly") first = p;
    }
    if (!duration) return;  // dates keep their span
    // "no more than sixty days"
    if (first != c->first && c->mod && std::strcmp(c->mod, "MORE_THAN") == 0 && Prev(first) != UINT32_MAX &&
        (T(Prev(first)) == "no" || T(Prev(first)) == "No")) {
      c->mod = "EQUAL_OR_LESS";
      first = Prev(first);
    }
    c->first = first;
  }

  void Emit(Cand* c) {
    if (c->last > lim_) c->last = lim_;
    if (c->begin == 0 && c->end == 0) {
      AddApprox(c);
      c->begin = toks_[c->first].begin;
      c->end = toks_[c->last - 1].end;
    }
    Timex t;
    t.begin = c->begin;
    t.end = c->end;
    t.first_token = c->first;
    t.last_token = c->last;
    t.sentence = sentence_;
    t.type = c->type;
    t.value = std::move(c->value);
    if (!has_dct_ && c->dep != kNoDct) Mask(&t.value, c->dep);
    if (c->mod) t.mod = c->mod;
    // The discourse quarter, for "a year earlier".
    // Only a quarter of the reporting season counts (from nine months
    // before the DCT to three after): a year-ago quarter is itself the
    // comparison, and "year-earlier" after it still means the year before
    // the report's quarter.
    if (t.type == Timex::kDate && t.value.size() == 7 && t.value[4] == '-' && t.value[5] == 'Q' &&
        t.value[0] != 'X') {
      const int qy = std::atoi(t.value.substr(0, 4).c_str());
      const int qn = t.value[6] - '0';
      const int months = (dct_.year - qy) * 12 + dct_.month - (qn - 1) * 3;
      if (!has_dct_ || (months <= 12 && months >= -3)) {
        last_quarter_year_ = qy;
        last_quarter_ = qn;
        last_quarter_sentence_ = sentence_;
      }
    }
    // The narrative anchor: the last full date mentioned.
    if (t.type == Timex::kDate && t.value.size() == 10 && t.value[4] == '-' && t.value[7] == '-') {
      if (auto d = ParseIsoDate(t.value)) {
        anchor_ = *d;
        sentence_day_ = *d;
        sentence_day_of_ = sentence_;
      }
    }
    if (sentence_day_ && sentence_day_of_ != sentence_) sentence_day_.reset();
    out_->push_back(std::move(t));
  }

  // Without a DCT, digits that came from it become X.
  static void Mask(std::string* v, DctDep dep) {
    if (dep == kDctYear) {
      for (size_t k = 0; k < 4 && k < v->size(); ++k)
        if ((*v)[k] >= '0' && (*v)[k] <= '9') (*v)[k] = 'X';
      return;
    }
    for (char& ch : *v)
      if (ch >= '0' && ch <= '9') ch = 'X';
  }

  std::string_view text_;
  const TextLayer& layer_;
  const std::vector<Token>& toks_;
  const TimeOptions& options_;
  std::vector<Timex>* out_;
  bool has_dct_ = false;
  CivilDate dct_;
  CivilDate anchor_;
  std::optional<CivilDate> sentence_day_;
  uint32_t sentence_day_of_ = 0;
  int last_quarter_year_ = 0;
  int last_quarter_ = 0;
  uint32_t last_quarter_sentence_ = 0;
  const Lex* const* lex_ = nullptr;
  const uint8_t* trig_ = nullptr;
  uint32_t sentence_ = 0;
  uint32_t lim_ = 0;
  uint32_t first_ = 0;
};

}  // namespace

void TagTimes(std::string_view text, const TextLayer& layer, std::optional<CivilDate> dct,
              const TimeOptions& options, std::vector<Timex>* out) {
  Tagger tagger(text, layer, dct, options, out);
  tagger.Run();
}

}  // namespace annals
