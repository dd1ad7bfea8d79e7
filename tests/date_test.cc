#include "zvdj/date.hpp"

#include "gtest/gtest.h"
#include "zvdj/core/boost_dates.h"

namespace zvdj {
namespace {

Date D(int y, int m, int d) { return Date::FromYmdUnchecked(y, m, d); }

TEST(Date, EpochAndRoundTrip) {
  EXPECT_EQ(D(1970, 1, 1).days(), 0);
  EXPECT_EQ(D(2000, 3, 1).days(), 11017);
  const Date d = D(2019, 12, 31);
  EXPECT_EQ(d.year(), 2019);
  EXPECT_EQ(d.month(), 12);
  EXPECT_EQ(d.day(), 31);
  EXPECT_EQ(d.yyyymmdd(), 20191231);
  EXPECT_EQ(d.ToString(), "2019-12-31");
  EXPECT_EQ((d + 1).ToString(), "2020-01-01");
}

TEST(Date, AgreesWithBoostOnEveryDayFrom1900To2100) {
  // Boost.Date_Time is the reference calendar; our arithmetic must match it.
  for (int y = 1900; y <= 2100; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= 31; ++d) {
        auto ours = Date::FromYmd(y, m, d);
        auto boost = internal::BoostValidatedDate(y, m, d);
        ASSERT_EQ(ours.ok(), boost.ok()) << y << "-" << m << "-" << d;
        if (ours.ok()) {
          ASSERT_EQ(ours->days(), boost->days());
          ASSERT_EQ(ours->year(), y);
          ASSERT_EQ(ours->month(), m);
          ASSERT_EQ(ours->day(), d);
        }
      }
    }
  }
  // Weekday: 2019-12-31 was a Tuesday (2).
  EXPECT_EQ(internal::BoostDayOfWeek(D(2019, 12, 31)), 2);
}

TEST(Date, ParseRejectsImpossibleAndMalformedDates) {
  EXPECT_TRUE(Date::Parse("2020-02-29").ok());
  for (const char* bad : {"2019-02-29", "2019-13-01", "2019-00-10", "2019-04-31",
                          "2019-4-01", "20190401", "2019/04/01", "", "abcd-ef-gh",
                          "1399-12-31", "2019-12-31 "}) {
    auto d = Date::Parse(bad);
    EXPECT_FALSE(d.ok()) << bad;
    EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_NE(Date::Parse("2019-02-29").status().message().find("does not exist"),
            absl::string_view::npos);
}

TEST(Date, IntegerAgeRule) {
  const Date leap = D(2004, 2, 29);
  EXPECT_EQ(AgeOn(leap, D(2022, 2, 28)), 17);
  EXPECT_EQ(AgeOn(leap, D(2022, 3, 1)), 18);
  EXPECT_EQ(AgeOn(leap, D(2024, 2, 28)), 19);
  EXPECT_EQ(AgeOn(leap, D(2024, 2, 29)), 20);
  EXPECT_EQ(AgeOn(D(2006, 2, 28), D(2024, 2, 28)), 18);
  EXPECT_EQ(AgeOn(D(2006, 2, 28), D(2024, 2, 27)), 17);
  EXPECT_EQ(AgeOn(D(2001, 12, 31), D(2019, 12, 31)), 18);
  EXPECT_EQ(AgeOn(D(2001, 12, 31), D(2019, 12, 30)), 17);
  EXPECT_EQ(AgeOn(D(2019, 5, 1), D(2019, 5, 1)), 0);
  EXPECT_LT(AgeOn(D(2019, 5, 1), D(2019, 4, 30)), 0);
}

TEST(Date, Feb28RuleForLeapDayBirthdays) {
  const Date leap = D(2004, 2, 29);
  EXPECT_EQ(AgeOn(leap, D(2022, 2, 28), Feb29Rule::kFeb28), 18);
  EXPECT_EQ(AgeOn(leap, D(2022, 2, 27), Feb29Rule::kFeb28), 17);
  EXPECT_EQ(AgeOn(leap, D(2024, 2, 28), Feb29Rule::kFeb28), 19);  // leap year: 29 Feb
  EXPECT_EQ(NthBirthday(leap, 18).ToString(), "2022-03-01");
  EXPECT_EQ(NthBirthday(leap, 18, Feb29Rule::kFeb28).ToString(), "2022-02-28");
  EXPECT_EQ(NthBirthday(leap, 20).ToString(), "2024-02-29");
  // Not Boost's years(18) snap: 28 Feb 2006 + 18 years is 28 Feb 2024, not 29 Feb.
  EXPECT_EQ(NthBirthday(D(2006, 2, 28), 18).ToString(), "2024-02-28");
}

TEST(Date, ClampedMonthArithmeticNeverSnaps) {
  EXPECT_EQ(AddMonths(D(2024, 1, 31), 1).ToString(), "2024-02-29");
  EXPECT_EQ(AddMonths(D(2023, 1, 31), 1).ToString(), "2023-02-28");
  EXPECT_EQ(AddMonths(D(2024, 2, 29), 12).ToString(), "2025-02-28");
  // Boost snaps 28 Feb 2005 + 1 month to 31 March; the clamp rule keeps the 28th.
  EXPECT_EQ(AddMonths(D(2005, 2, 28), 1).ToString(), "2005-03-28");
  // The uneven windows of Boost's snap (methods note) do not occur.
  EXPECT_EQ(AddMonths(D(2024, 4, 30), -3).ToString(), "2024-01-30");
  EXPECT_EQ(AddMonths(D(2024, 5, 31), -3).ToString(), "2024-02-29");
  EXPECT_EQ(AddMonths(D(2023, 6, 30), -3).ToString(), "2023-03-30");
  EXPECT_EQ(AddMonths(D(2019, 11, 29), 4).ToString(), "2020-03-29");
  EXPECT_EQ(AddMonths(D(2020, 3, 29), -4).ToString(), "2019-11-29");
  EXPECT_EQ(AddMonths(D(2019, 12, 15), 1).ToString(), "2020-01-15");
  EXPECT_EQ(AddMonths(D(2020, 1, 15), -1).ToString(), "2019-12-15");
  EXPECT_EQ(AddMonths(D(2019, 12, 15), 0).ToString(), "2019-12-15");
  EXPECT_EQ(AddMonths(D(2019, 3, 31), -13).ToString(), "2018-02-28");
}

TEST(Date, DaysInMonthAndLeapYears) {
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_FALSE(IsLeapYear(2019));
  EXPECT_EQ(DaysInMonth(2019, 2), 28);
  EXPECT_EQ(DaysInMonth(2020, 2), 29);
  EXPECT_EQ(DaysInMonth(2019, 4), 30);
  EXPECT_EQ(DaysInMonth(2019, 12), 31);
}

}  // namespace
}  // namespace zvdj
