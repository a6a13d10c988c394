#include "annals/date.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

TEST(Date, RoundTripsEveryDayOverFourCenturies) {
  for (int64_t z = DaysFromCivil({1800, 1, 1}); z < DaysFromCivil({2200, 1, 1}); ++z) {
    const CivilDate d = CivilFromDays(z);
    ASSERT_TRUE(IsValidDate(d)) << z;
    ASSERT_EQ(DaysFromCivil(d), z);
  }
}

TEST(Date, KnownWeekdays) {
  EXPECT_EQ(IsoWeekday({1970, 1, 1}), 4);   // Thursday
  EXPECT_EQ(IsoWeekday({2024, 4, 2}), 2);   // the seed's Tuesday
  EXPECT_EQ(IsoWeekday({2000, 2, 29}), 2);
  EXPECT_EQ(IsoWeekday({1987, 2, 26}), 4);  // Reuters' first day
}

TEST(Date, LeapYears) {
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2023));
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_FALSE(IsValidDate({2023, 2, 29}));
}

struct WeekCase {
  CivilDate date;
  int iso_year, week;
};

TEST(Date, IsoWeeksAcrossYearBoundaries) {
  const WeekCase cases[] = {
      {{2024, 4, 2}, 2024, 14},  {{2020, 12, 31}, 2020, 53}, {{2021, 1, 3}, 2020, 53},
      {{2021, 1, 4}, 2021, 1},   {{2019, 12, 30}, 2020, 1},  {{2026, 12, 31}, 2026, 53},
      {{2027, 1, 1}, 2026, 53},  {{2023, 1, 1}, 2022, 52},   {{2015, 12, 31}, 2015, 53},
  };
  for (const auto& c : cases) {
    int y = 0, w = 0;
    IsoWeek(c.date, &y, &w);
    EXPECT_EQ(y, c.iso_year) << FormatDate(c.date);
    EXPECT_EQ(w, c.week) << FormatDate(c.date);
  }
  EXPECT_EQ(IsoWeeksInYear(2020), 53);
  EXPECT_EQ(IsoWeeksInYear(2026), 53);
  EXPECT_EQ(IsoWeeksInYear(2024), 52);
}

TEST(Date, AddMonthsClampsToMonthEnd) {
  EXPECT_EQ(AddMonths({2024, 1, 31}, 1), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(AddMonths({2023, 1, 31}, 1), (CivilDate{2023, 2, 28}));
  EXPECT_EQ(AddMonths({2024, 1, 15}, -1), (CivilDate{2023, 12, 15}));
  EXPECT_EQ(AddMonths({2024, 12, 1}, 1), (CivilDate{2025, 1, 1}));
  EXPECT_EQ(AddDays({2024, 2, 28}, 1), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(AddDays({2024, 12, 31}, 1), (CivilDate{2025, 1, 1}));
}

TEST(Date, ParsesIsoDatesAndDateTimes) {
  EXPECT_EQ(ParseIsoDate("2024-04-02"), (CivilDate{2024, 4, 2}));
  EXPECT_EQ(ParseIsoDate("2024-04-02T09:30:00Z"), (CivilDate{2024, 4, 2}));
  EXPECT_EQ(ParseIsoDate("2024-04-02 09:30"), (CivilDate{2024, 4, 2}));
  EXPECT_FALSE(ParseIsoDate("2024-02-30"));
  EXPECT_FALSE(ParseIsoDate("2024-4-2"));
  EXPECT_FALSE(ParseIsoDate("20240402"));
  EXPECT_FALSE(ParseIsoDate("2024-04-02x"));
  EXPECT_FALSE(ParseIsoDate(""));
  EXPECT_EQ(FormatDate({987, 1, 2}), "0987-01-02");
}

}  // namespace
}  // namespace annals
