// TIMEX3 value arithmetic: formatting of calendar values and the
// resolution of underspecified references (a weekday, a month without a
// year) against the document creation time and the tense of the clause.
//
// Resolution rule: past tense looks back, future tense looks forward, and
// without a tense the nearest candidate wins, which is what a reader of a
// news story does.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <string_view>

#include "time/values.h"

namespace annals::time_internal {
namespace {
// Concatenates without the temporaries of operator+ (which also trips a
// GCC 12 -Wrestrict false positive).
std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out.append(p);
  return out;
}
}  // namespace

std::string FmtYear(int y) {
  char b[32];
  std::snprintf(b, sizeof b, "%04d", y);
  return b;
}
std::string FmtMonth(int y, int m) {
  char b[32];
  std::snprintf(b, sizeof b, "%04d-%02d", y, m);
  return b;
}
std::string FmtDay(CivilDate d) { return FormatDate(d); }
std::string FmtWeek(CivilDate d) {
  int y, w;
  IsoWeek(d, &y, &w);
  char b[32];
  std::snprintf(b, sizeof b, "%04d-W%02d", y, w);
  return b;
}
std::string FmtQuarter(int y, int q) {
  char b[32];
  std::snprintf(b, sizeof b, "%04d-Q%d", y, q);
  return b;
}
std::string FmtSeason(int y, Season s) {
  static const char* kCodes[] = {"", "SP", "SU", "FA", "WI"};
  return Cat({FmtYear(y), "-", kCodes[static_cast<int>(s)]});
}
const char* PodCode(Pod p) {
  switch (p) {
    case Pod::kMorning: return "MO";
    case Pod::kAfternoon: return "AF";
    case Pod::kEvening: return "EV";
    case Pod::kNight: return "NI";
    default: return nullptr;
  }
}

namespace {
std::string Num(double n) {
  char b[32];
  if (n == std::floor(n)) std::snprintf(b, sizeof b, "%lld", static_cast<long long>(n));
  else std::snprintf(b, sizeof b, "%g", n);
  return b;
}
}  // namespace

std::string DurationValue(double n, Unit u) {
  const bool x = n < 0;
  // Halves in the next smaller unit: P2Y6M, PT1H30M, P1DT12H.
  if (!x && n != std::floor(n) && n - std::floor(n) == 0.5) {
    const std::string whole = n >= 1 ? Num(std::floor(n)) : std::string();
    const bool w = !whole.empty();
    switch (u) {
      case Unit::kYear: return Cat({"P", whole, w ? "Y" : "", "6M"});
      case Unit::kMonth: return w ? Cat({"P", whole, "M15D"}) : std::string("P15D");
      case Unit::kDay: return Cat({"P", whole, w ? "D" : "", "T12H"});
      case Unit::kHour: return Cat({"PT", whole, w ? "H" : "", "30M"});
      case Unit::kMinute: return Cat({"PT", whole, w ? "M" : "", "30S"});
      default: break;
    }
  }
  const std::string c = x ? std::string("X") : Num(n);
  switch (u) {
    case Unit::kSecond: return Cat({"PT", c, "S"});
    case Unit::kMinute: return Cat({"PT", c, "M"});
    case Unit::kHour: return Cat({"PT", c, "H"});
    case Unit::kDay: case Unit::kNight: return Cat({"P", c, "D"});
    case Unit::kWeekend: return x ? std::string("PXWE") : Cat({"P", Num(n * 2), "D"});
    case Unit::kWeek: return Cat({"P", c, "W"});
    case Unit::kFortnight: return x ? std::string("PXW") : Cat({"P", Num(n * 2), "W"});
    case Unit::kMonth: return Cat({"P", c, "M"});
    case Unit::kQuarter: return Cat({"P", c, "Q"});
    case Unit::kHalf: return x ? std::string("PXM") : Cat({"P", Num(n * 6), "M"});
    case Unit::kYear: return Cat({"P", c, "Y"});
    case Unit::kDecade: return x ? std::string("PXDE") : Cat({"P", Num(n * 10), "Y"});
    case Unit::kCentury: return x ? std::string("PXCE") : Cat({"P", Num(n * 100), "Y"});
    case Unit::kNone: break;
  }
  return "PX";
}

std::string SetValue(int n, Unit u) { return DurationValue(n, u); }

CivilDate ResolveWeekday(CivilDate anchor, int weekday, Tense tense, bool strict) {
  const int w0 = IsoWeekday(anchor);
  // News reports mostly what happened: only a future clause looks ahead.
  if (tense == Tense::kFuture) {
    int fwd = (weekday - w0 + 7) % 7;
    if (fwd == 0 && strict) fwd = 7;
    return AddDays(anchor, fwd);
  }
  int back = (w0 - weekday + 7) % 7;
  if (back == 0 && strict) back = 7;
  return AddDays(anchor, -back);
}

int ResolveMonthYear(CivilDate dct, int month, Tense tense) {
  if (tense == Tense::kFuture) return month >= dct.month ? dct.year : dct.year + 1;
  if (tense == Tense::kPast) return month <= dct.month ? dct.year : dct.year - 1;
  // No tense: the nearest, ties to the current year.
  const int d = month - dct.month;
  if (d > 4) return dct.year - 1;
  if (d < -8) return dct.year + 1;
  return dct.year;
}

int ResolveDayYear(CivilDate dct, int month, int day, Tense tense) {
  auto make = [&](int y) {
    CivilDate c{y, month, std::min(day, DaysInMonth(y, month))};
    return DaysFromCivil(c);
  };
  const int64_t now = DaysFromCivil(dct);
  // The tense only decides when the day of the DCT's year is far on the
  // wrong side; otherwise the nearest year wins.
  if (tense == Tense::kPast && make(dct.year) > now + 60) return dct.year - 1;
  if (tense == Tense::kFuture && make(dct.year) < now - 60) return dct.year + 1;
  int best = dct.year;
  int64_t best_d = std::llabs(make(best) - now);
  for (int y : {dct.year - 1, dct.year + 1}) {
    // A past clause never moves a day into the next year, nor a future
    // clause into the last ("the year ended March 31" said in October).
    if (tense == Tense::kPast && y > dct.year) continue;
    if (tense == Tense::kFuture && y < dct.year) continue;
    const int64_t dd = std::llabs(make(y) - now);
    if (dd + 30 < best_d) { best = y; best_d = dd; }
  }
  return best;
}

std::string ShiftedValue(CivilDate d, int n, Unit u, Timex::Type* type) {
  *type = Timex::kDate;
  switch (u) {
    case Unit::kDay: case Unit::kNight: return FmtDay(AddDays(d, n));
    case Unit::kWeek: return FmtDay(AddDays(d, 7 * n));
    case Unit::kFortnight: return FmtDay(AddDays(d, 14 * n));
    case Unit::kWeekend: return FmtWeek(AddDays(d, 7 * n)) + "-WE";
    case Unit::kMonth: { CivilDate m = AddMonths(d, n); return FmtMonth(m.year, m.month); }
    case Unit::kQuarter: {
      CivilDate m = AddMonths(d, 3 * n);
      return FmtQuarter(m.year, (m.month - 1) / 3 + 1);
    }
    case Unit::kHalf: {
      CivilDate m = AddMonths(d, 6 * n);
      return FmtYear(m.year) + ((m.month <= 6) ? "-H1" : "-H2");
    }
    case Unit::kYear: return FmtYear(d.year + n);
    case Unit::kDecade: return FmtYear(d.year + 10 * n).substr(0, 3);
    case Unit::kCentury: return FmtYear(d.year + 100 * n).substr(0, 2);
    case Unit::kHour: case Unit::kMinute: case Unit::kSecond:
      // Without a clock time in the DCT, the day is the best we can say.
      *type = Timex::kTime;
      return FmtDay(d);
    case Unit::kNone: break;
  }
  return FmtDay(d);
}

std::optional<CivilDate> HolidayDate(Holiday h, int y) {
  switch (h) {
    case Holiday::kChristmas: return CivilDate{y, 12, 25};
    case Holiday::kChristmasEve: return CivilDate{y, 12, 24};
    case Holiday::kNewYearsDay: return CivilDate{y, 1, 1};
    case Holiday::kNewYearsEve: return CivilDate{y, 12, 31};
    case Holiday::kHalloween: return CivilDate{y, 10, 31};
    case Holiday::kValentines: return CivilDate{y, 2, 14};
    case Holiday::kIndependence: return CivilDate{y, 7, 4};
    case Holiday::kThanksgiving: {  // fourth Thursday of November
      CivilDate first{y, 11, 1};
      const int off = (4 - IsoWeekday(first) + 7) % 7;
      return AddDays(first, off + 21);
    }
    case Holiday::kLabor: {  // first Monday of September (US)
      CivilDate first{y, 9, 1};
      return AddDays(first, (1 - IsoWeekday(first) + 7) % 7);
    }
    case Holiday::kMemorial: {  // last Monday of May
      CivilDate last{y, 5, 31};
      return AddDays(last, -((IsoWeekday(last) - 1 + 7) % 7));
    }
    case Holiday::kElection: {  // US: the Tuesday after the first Monday of November
      CivilDate first{y, 11, 1};
      return AddDays(first, (1 - IsoWeekday(first) + 7) % 7 + 1);
    }
    case Holiday::kVeterans: return CivilDate{y, 11, 11};
    case Holiday::kGoodFriday: case Holiday::kPalmSunday: {
      auto e = HolidayDate(Holiday::kEaster, y);
      return AddDays(*e, h == Holiday::kGoodFriday ? -2 : -7);
    }
    case Holiday::kEaster: {  // anonymous Gregorian algorithm
      const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
      const int f = (b + 8) / 25, g = (b - f + 1) / 3, hh = (19 * a + b - d - g + 15) % 30;
      const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - hh - k) % 7;
      const int m = (a + 11 * hh + 22 * l) / 451;
      const int month = (hh + l - 7 * m + 114) / 31, day = (hh + l - 7 * m + 114) % 31 + 1;
      return CivilDate{y, month, day};
    }
    case Holiday::kNone: break;
  }
  return std::nullopt;
}

}  // namespace annals::time_internal
