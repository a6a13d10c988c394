// CivilDate: a proleptic Gregorian calendar day, with the arithmetic that
// temporal normalisation needs (day counts, weekdays, ISO weeks).
//
// Dates are always relative to a document's creation time, never the clock.
// All functions are pure and thread-safe.
#ifndef ANNALS_DATE_H_
#define ANNALS_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace annals {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 (negative before it).
int64_t DaysFromCivil(CivilDate d);
CivilDate CivilFromDays(int64_t days);
bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
bool IsValidDate(CivilDate d);
// ISO weekday: 1 = Monday ... 7 = Sunday.
int IsoWeekday(CivilDate d);
// ISO 8601 week-numbering year and week (1..53).
void IsoWeek(CivilDate d, int* iso_year, int* week);
// Number of ISO weeks (52 or 53) in an ISO week-numbering year.
int IsoWeeksInYear(int iso_year);
CivilDate AddDays(CivilDate d, int64_t n);
// Adds months, clamping the day to the end of the target month.
CivilDate AddMonths(CivilDate d, int n);

// "YYYY-MM-DD"
std::string FormatDate(CivilDate d);
// Parses "YYYY-MM-DD", also accepting an ISO 8601 date-time that starts with
// it ("2024-04-02T09:30:00Z"). Returns nullopt for anything else or an
// impossible date.
std::optional<CivilDate> ParseIsoDate(std::string_view s);

}  // namespace annals

#endif  // ANNALS_DATE_H_
