// The time stage's vocabulary as one static open-addressing hash table.
//
// Keys are lowercase ASCII words of at most 15 bytes, stored inline so a
// lookup is one FNV-1a hash and, on average, about one 16-byte compare. The
// table is filled once from the lists below (facts of English, no data
// file needed) and is read-only afterwards, so lookups are thread-safe.
#include "time/lexicon.h"

#include <array>
#include <cstring>

namespace annals::time_internal {
namespace {

constexpr size_t kSlots = 2048;  // power of two, load well under 50%
constexpr size_t kKeyCap = 16;

struct Slot {
  char key[kKeyCap];
  uint8_t len = 0;
  Lex lex;
};

uint32_t Hash(std::string_view w) {
  uint32_t h = 2166136261u;
  for (char c : w) h = (h ^ static_cast<uint8_t>(c)) * 16777619u;
  return h;
}

class Table {
 public:
  Table() { Fill(); }

  const Lex* Find(std::string_view w) const {
    if (w.empty() || w.size() >= kKeyCap) return nullptr;
    for (size_t i = Hash(w) & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
      const Slot& s = slots_[i];
      if (s.len == 0) return nullptr;
      if (s.len == w.size() && std::memcmp(s.key, w.data(), w.size()) == 0) return &s.lex;
    }
  }

 private:
  // Returns the entry for `w`, creating it if needed.
  Lex& At(std::string_view w) {
    size_t i = Hash(w) & (kSlots - 1);
    for (;; i = (i + 1) & (kSlots - 1)) {
      Slot& s = slots_[i];
      if (s.len == 0) {
        std::memcpy(s.key, w.data(), w.size());
        s.len = static_cast<uint8_t>(w.size());
        return s.lex;
      }
      if (s.len == w.size() && std::memcmp(s.key, w.data(), w.size()) == 0) return s.lex;
    }
  }

  void Fill() {
    static constexpr const char* kMonths[12][3] = {
        {"january", "jan", nullptr}, {"february", "feb", nullptr}, {"march", "mar", nullptr},
        {"april", "apr", nullptr},   {"may", nullptr, nullptr},    {"june", "jun", nullptr},
        {"july", "jul", nullptr},    {"august", "aug", nullptr},   {"september", "sept", "sep"},
        {"october", "oct", nullptr}, {"november", "nov", nullptr}, {"december", "dec", nullptr}};
    for (int m = 0; m < 12; ++m)
      for (const char* w : kMonths[m])
        if (w) {
          Lex& l = At(w);
          l.roles |= kMonthR | kTrigger;
          l.month = static_cast<int8_t>(m + 1);
        }
    static constexpr const char* kDays[7][4] = {
        {"monday", "mon", nullptr, nullptr},   {"tuesday", "tue", "tues", nullptr},
        {"wednesday", "wed", nullptr, nullptr}, {"thursday", "thu", "thur", "thurs"},
        {"friday", "fri", nullptr, nullptr},   {"saturday", "sat", nullptr, nullptr},
        {"sunday", "sun", nullptr, nullptr}};
    for (int d = 0; d < 7; ++d)
      for (const char* w : kDays[d])
        if (w) {
          Lex& l = At(w);
          l.roles |= kWeekdayR | kTrigger;
          l.weekday = static_cast<int8_t>(d + 1);
        }
    struct U { const char* s; const char* p; Unit u; };
    static constexpr U kUnits[] = {
        {"second", "seconds", Unit::kSecond}, {"minute", "minutes", Unit::kMinute},
        {"hour", "hours", Unit::kHour},       {"day", "days", Unit::kDay},
        {"week", "weeks", Unit::kWeek},       {"weekend", "weekends", Unit::kWeekend},
        {"fortnight", "fortnights", Unit::kFortnight}, {"month", "months", Unit::kMonth},
        {"quarter", "quarters", Unit::kQuarter}, {"year", "years", Unit::kYear},
        {"decade", "decades", Unit::kDecade}, {"century", "centuries", Unit::kCentury},
        {"night", "nights", Unit::kNight},    {"half", "halves", Unit::kHalf},
        {"sec", "secs", Unit::kSecond},       {"min", "mins", Unit::kMinute},
        {"hr", "hrs", Unit::kHour},           {"yr", "yrs", Unit::kYear},
    };
    for (const U& u : kUnits) {
      Lex& s = At(u.s);
      s.roles |= kUnitR | kTrigger;
      s.unit = u.u;
      Lex& p = At(u.p);
      p.roles |= kUnitR | kTrigger;
      p.unit = u.u;
      p.plural = true;
    }
    struct N { const char* w; int n; };
    static constexpr N kNums[] = {
        {"one", 1},      {"two", 2},       {"three", 3},     {"four", 4},       {"five", 5},
        {"six", 6},      {"seven", 7},     {"eight", 8},     {"nine", 9},       {"ten", 10},
        {"eleven", 11},  {"twelve", 12},   {"thirteen", 13}, {"fourteen", 14},  {"fifteen", 15},
        {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
        {"thirty", 30},  {"forty", 40},    {"fifty", 50},    {"sixty", 60},     {"seventy", 70},
        {"eighty", 80},  {"ninety", 90},   {"hundred", 100}, {"dozen", 12},     {"a", 1},
        {"an", 1},
    };
    for (const N& n : kNums) {
      Lex& l = At(n.w);
      l.roles |= kNumR | kTrigger;
      l.num = n.n;
    }
    static constexpr N kOrds[] = {
        {"first", 1},   {"second", 2},   {"third", 3},     {"fourth", 4},     {"fifth", 5},
        {"sixth", 6},   {"seventh", 7},  {"eighth", 8},    {"ninth", 9},      {"tenth", 10},
        {"eleventh", 11}, {"twelfth", 12}, {"thirteenth", 13}, {"fourteenth", 14},
        {"fifteenth", 15}, {"sixteenth", 16}, {"seventeenth", 17}, {"eighteenth", 18},
        {"nineteenth", 19}, {"twentieth", 20}, {"thirtieth", 30},
    };
    for (const N& n : kOrds) {
      Lex& l = At(n.w);
      l.roles |= kOrdR | kTrigger;
      l.ordinal = static_cast<int8_t>(n.n);
    }
    struct P { const char* w; Pod p; };
    static constexpr P kPods[] = {
        {"morning", Pod::kMorning}, {"mornings", Pod::kMorning}, {"afternoon", Pod::kAfternoon},
        {"evening", Pod::kEvening}, {"night", Pod::kNight},      {"noon", Pod::kNoon},
        {"midday", Pod::kNoon},     {"midnight", Pod::kMidnight}, {"dawn", Pod::kMorning},
        {"daybreak", Pod::kMorning},
    };
    for (const P& p : kPods) {
      Lex& l = At(p.w);
      l.roles |= kPodR | kTrigger;
      l.pod = p.p;
    }
    struct S { const char* w; Season s; };
    static constexpr S kSeasons[] = {
        {"spring", Season::kSpring}, {"summer", Season::kSummer}, {"fall", Season::kFall},
        {"autumn", Season::kFall},   {"winter", Season::kWinter},
    };
    for (const S& s : kSeasons) {
      Lex& l = At(s.w);
      l.roles |= kSeasonR | kTrigger;
      l.season = s.s;
    }
    struct D { const char* w; Deictic d; };
    static constexpr D kDeictics[] = {
        {"today", Deictic::kToday},         {"tomorrow", Deictic::kTomorrow},
        {"yesterday", Deictic::kYesterday}, {"tonight", Deictic::kTonight},
        {"overnight", Deictic::kOvernight},
    };
    for (const D& d : kDeictics) {
      Lex& l = At(d.w);
      l.roles |= kDeicticR | kTrigger;
      l.deictic = d.d;
    }
    struct R { const char* w; Ref r; };
    static constexpr R kRefs[] = {
        {"now", Ref::kPresent},      {"currently", Ref::kPresent}, {"nowadays", Ref::kPresent},
        {"presently", Ref::kPresent}, {"recently", Ref::kPast},   {"lately", Ref::kPast},
        {"previously", Ref::kPast},  {"formerly", Ref::kPast},    {"soon", Ref::kFuture},
        {"shortly", Ref::kFuture},   {"recent", Ref::kPast},      {"current", Ref::kPresent},
        {"future", Ref::kFuture},    {"present", Ref::kPresent},  {"past", Ref::kPast},
        {"once", Ref::kPast},
    };
    for (const R& r : kRefs) {
      Lex& l = At(r.w);
      l.roles |= kRefR | kTrigger;
      l.ref = r.r;
    }
    struct RL { const char* w; Rel r; };
    static constexpr RL kRels[] = {
        {"last", Rel::kLast},         {"next", Rel::kNext},           {"this", Rel::kThis},
        {"past", Rel::kPast},         {"coming", Rel::kComing},       {"previous", Rel::kPrevious},
        {"following", Rel::kFollowing}, {"current", Rel::kCurrent},   {"upcoming", Rel::kComing},
        {"prior", Rel::kPrevious},    {"latest", Rel::kCurrent},
    };
    for (const RL& r : kRels) {
      Lex& l = At(r.w);
      l.roles |= kRelR | kTrigger;
      l.rel = r.r;
    }
    struct PS { const char* w; Pos p; };
    static constexpr PS kPos[] = {
        {"early", Pos::kEarly}, {"mid", Pos::kMid},         {"late", Pos::kLate},
        {"earlier", Pos::kEarlier}, {"later", Pos::kLater}, {"middle", Pos::kMid},
    };
    for (const PS& p : kPos) {
      Lex& l = At(p.w);
      l.roles |= kPosR | kTrigger;
      l.pos = p.p;
    }
    struct ST { const char* w; Unit u; };
    static constexpr ST kSets[] = {
        {"hourly", Unit::kHour},    {"daily", Unit::kDay},       {"nightly", Unit::kNight},
        {"weekly", Unit::kWeek},    {"monthly", Unit::kMonth},   {"quarterly", Unit::kQuarter},
        {"annually", Unit::kYear},  {"yearly", Unit::kYear},     {"annual", Unit::kNone},
        {"biweekly", Unit::kFortnight}, {"fortnightly", Unit::kFortnight},
    };
    for (const ST& s : kSets) {
      if (s.u == Unit::kNone) continue;
      Lex& l = At(s.w);
      l.roles |= kSetR | kTrigger;
      l.set_unit = s.u;
    }
    struct A { const char* w; const char* mod; };
    static constexpr A kApprox[] = {
        {"about", "APPROX"},     {"around", "APPROX"},   {"roughly", "APPROX"},
        {"approximately", "APPROX"}, {"some", "APPROX"}, {"nearly", "APPROX"},
        {"almost", "APPROX"},    {"over", "MORE_THAN"},   {"within", "EQUAL_OR_LESS"},
        {"under", "LESS_THAN"},  {"barely", "EQUAL_OR_LESS"}, {"just", "APPROX"},
    };
    for (const A& a : kApprox) {
      Lex& l = At(a.w);
      l.roles |= kApproxR;
      l.approx = a.mod;
    }
    struct H { const char* w; Holiday h; };
    static constexpr H kHolidays[] = {
        {"christmas", Holiday::kChristmas}, {"xmas", Holiday::kChristmas},
        {"thanksgiving", Holiday::kThanksgiving}, {"easter", Holiday::kEaster},
        {"halloween", Holiday::kHalloween},
        // These name a holiday only before "Day" / the weekday (HolidayRule).
        {"labor", Holiday::kLabor}, {"memorial", Holiday::kMemorial},
        {"independence", Holiday::kIndependence}, {"election", Holiday::kElection},
        {"veterans", Holiday::kVeterans}, {"good", Holiday::kGoodFriday},
        {"palm", Holiday::kPalmSunday},
    };
    for (const H& h : kHolidays) {
      Lex& l = At(h.w);
      l.roles |= kHolidayR | kTrigger;
      l.holiday = h.h;
    }
    static constexpr N kDecadeWords[] = {{"twenties", 2}, {"thirties", 3}, {"forties", 4},
                                         {"fifties", 5},  {"sixties", 6},  {"seventies", 7},
                                         {"eighties", 8}, {"nineties", 9}};
    for (const N& n : kDecadeWords) {
      Lex& l = At(n.w);
      l.roles |= kDecadeWordR;
      l.decade = static_cast<int8_t>(n.n);
    }
    struct F { const char* w; Fn f; bool trigger; };
    static constexpr F kFns[] = {
        {"the", Fn::kThe, true},       {"a", Fn::kA, false},          {"an", Fn::kA, false},
        {"of", Fn::kOf, false},        {"and", Fn::kAnd, false},      {"or", Fn::kOr, false},
        {"to", Fn::kTo, false},        {"at", Fn::kAt, false},        {"on", Fn::kOn, false},
        {"in", Fn::kIn, false},        {"ago", Fn::kAgo, false},      {"earlier", Fn::kEarlier, false},
        {"later", Fn::kLater, false},  {"before", Fn::kBefore, false}, {"after", Fn::kAfter, false},
        {"from", Fn::kFrom, false},    {"now", Fn::kNow, false},      {"fiscal", Fn::kFiscal, true},
        {"end", Fn::kEnd, false},      {"beginning", Fn::kBeginning, false},
        {"start", Fn::kStart, false},  {"middle", Fn::kMiddle, false}, {"local", Fn::kLocal, false},
        {"time", Fn::kTime, false},    {"gmt", Fn::kZone, false},     {"utc", Fn::kZone, false},
        {"est", Fn::kZone, false},     {"edt", Fn::kZone, false},     {"et", Fn::kZone, false},
        {"pst", Fn::kZone, false},     {"pdt", Fn::kZone, false},     {"cet", Fn::kZone, false},
        {"bst", Fn::kZone, false},     {"every", Fn::kEvery, true},   {"each", Fn::kEach, true},
        {"few", Fn::kFew, true},       {"several", Fn::kSeveral, true}, {"couple", Fn::kCouple, false},
        {"many", Fn::kMany, true},     {"some", Fn::kSome, false},    {"recent", Fn::kRecent, true},
        {"that", Fn::kThat, true},     {"same", Fn::kSame, false},    {"day", Fn::kDay, false},
        {"old", Fn::kOld, false},      {"per", Fn::kPer, false},      {"once", Fn::kOnce, false},
        {"twice", Fn::kTwice, false},  {"times", Fn::kTimes, false},  {"than", Fn::kThan, false},
        {"more", Fn::kMore, false},    {"less", Fn::kLess, false},    {"fewer", Fn::kLess, false},
        {"about", Fn::kAbout, false},  {"until", Fn::kUntil, false},  {"since", Fn::kSince, false},
        {"for", Fn::kFor, false},      {"within", Fn::kWithin, false}, {"during", Fn::kDuring, false},
        {"by", Fn::kBy, false},        {"half", Fn::kHalfW, true},    {"over", Fn::kOver, false},
        {"up", Fn::kUp, false},        {"am", Fn::kAm, false},        {"a.m", Fn::kAm, false},
        {"pm", Fn::kPm, false},        {"p.m", Fn::kPm, false},       {"year", Fn::kYear, false},
        {"hundred", Fn::kHundred, false}, {"thousand", Fn::kThousand, false},
        {"quarter", Fn::kQuarterW, false}, {"latest", Fn::kLatest, false},
        {"these", Fn::kThese, true},   {"present", Fn::kPresentW, false},
        {"moment", Fn::kMoment, false}, {"future", Fn::kFuture, false}, {"past", Fn::kPastW, false},
        {"near", Fn::kNear, false},    {"term", Fn::kTerm, false},    {"short", Fn::kShort, false},
        {"long", Fn::kLong, false},    {"while", Fn::kWhile, false},  {"so", Fn::kSo, false},
        {"ahead", Fn::kAhead, false},  {"first", Fn::kFirst, false},  {"last", Fn::kLast, false},
        {"weeks", Fn::kWeeks, false},  {"till", Fn::kUntil, false},
    };
    for (const F& f : kFns) {
      Lex& l = At(f.w);
      l.roles |= kFnR | (f.trigger ? kTrigger : 0u);
      l.fn = f.f;
    }
  }

  std::array<Slot, kSlots> slots_{};
};

const Table& GetTable() {
  static const Table* t = new Table();  // never destroyed: safe at exit
  return *t;
}

}  // namespace

const Lex* LookupLex(std::string_view lower) { return GetTable().Find(lower); }

bool LowerInto(std::string_view w, char* buf, size_t cap, size_t* len) {
  if (w.empty() || w.size() > cap) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  *len = w.size();
  return true;
}

}  // namespace annals::time_internal
