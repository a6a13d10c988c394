// Civil-date arithmetic after the days-from-civil algorithm of H. Hinnant
// (public domain description of the era/day-of-era decomposition), written
// here from its description.
#include "annals/date.h"

#include <cstdio>

namespace annals {

int64_t DaysFromCivil(CivilDate d) {
  int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.month + 9) % 12;  // March = 0
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return CivilDate{y, m, d};
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

bool IsValidDate(CivilDate d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= DaysInMonth(d.year, d.month);
}

int IsoWeekday(CivilDate d) {
  const int64_t z = DaysFromCivil(d);  // 1970-01-01 was a Thursday (4)
  int64_t w = (z + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

void IsoWeek(CivilDate d, int* iso_year, int* week) {
  // The ISO week belongs to the year of its Thursday.
  const int64_t days = DaysFromCivil(d);
  const int64_t thursday = days - IsoWeekday(d) + 4;
  const CivilDate t = CivilFromDays(thursday);
  const int64_t jan1 = DaysFromCivil(CivilDate{t.year, 1, 1});
  *iso_year = t.year;
  *week = static_cast<int>((thursday - jan1) / 7 + 1);
}

int IsoWeeksInYear(int iso_year) {
  int y = 0, w = 0;
  IsoWeek(CivilDate{iso_year, 12, 28}, &y, &w);  // Dec 28 is always in the last week
  return w;
}

CivilDate AddDays(CivilDate d, int64_t n) { return CivilFromDays(DaysFromCivil(d) + n); }

CivilDate AddMonths(CivilDate d, int n) {
  int64_t total = static_cast<int64_t>(d.year) * 12 + (d.month - 1) + n;
  int y = static_cast<int>(total >= 0 ? total / 12 : (total - 11) / 12);
  int m = static_cast<int>(total - static_cast<int64_t>(y) * 12) + 1;
  int dd = d.day;
  if (dd > DaysInMonth(y, m)) dd = DaysInMonth(y, m);
  return CivilDate{y, m, dd};
}

std::string FormatDate(CivilDate d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::optional<CivilDate> ParseIsoDate(std::string_view s) {
  auto digits = [&](size_t pos, size_t n, int* out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  CivilDate d;
  if (!digits(0, 4, &d.year) || s.size() < 10 || s[4] != '-' || !digits(5, 2, &d.month) ||
      s[7] != '-' || !digits(8, 2, &d.day))
    return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ' && s[10] != 't') return std::nullopt;
  if (!IsValidDate(d)) return std::nullopt;
  return d;
}

}  // namespace annals
