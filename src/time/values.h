// Internal to the time stage: TIMEX3 value arithmetic and formatting
// relative to a document creation time (normalizer.cc). Every function
// degrades to an unresolved "XXXX" value when there is no DCT.
#ifndef ANNALS_TIME_VALUES_H_
#define ANNALS_TIME_VALUES_H_

#include <optional>
#include <string>

#include "annals/date.h"
#include "text/text.h"
#include "time/lexicon.h"
#include "time/time.h"

namespace annals::time_internal {

std::string FmtYear(int y);                 // "2024", "0999"
std::string FmtMonth(int y, int m);         // "2024-04"
std::string FmtDay(CivilDate d);            // "2024-04-02"
std::string FmtWeek(CivilDate d);           // ISO week of d: "2020-W53"
std::string FmtQuarter(int y, int q);       // "2024-Q2"
std::string FmtSeason(int y, Season s);     // "2024-SU"
const char* PodCode(Pod p);                 // "MO", "AF", "EV", "NI"; noon/midnight: nullptr

// "P3D", "PT4H", "P10Y", "PXY" (n < 0 = unknown count; fractional n allowed).
std::string DurationValue(double n, Unit u);
// The SET value for one unit: daily -> "P1D".
std::string SetValue(int n, Unit u);

// Resolves a weekday (1..7) against `anchor`: for past the most recent
// one on or before, for future the next one on or after. `strict` skips
// the anchor day itself ("last Friday" said on a Friday).
CivilDate ResolveWeekday(CivilDate anchor, int weekday, Tense tense, bool strict);
// The year of a month (1..12) mentioned without one, given the tense.
int ResolveMonthYear(CivilDate dct, int month, Tense tense);
// The year of month/day mentioned without one.
int ResolveDayYear(CivilDate dct, int month, int day, Tense tense);
// Shifts `d` by n units at that unit's granularity and formats it
// ("two weeks ago" -> a day, "two months ago" -> a month).
std::string ShiftedValue(CivilDate d, int n, Unit u, Timex::Type* type);
// Movable feasts and fixed holidays of year y.
std::optional<CivilDate> HolidayDate(Holiday h, int y);

}  // namespace annals::time_internal

#endif  // ANNALS_TIME_VALUES_H_
