#include "zvdj/period.hpp"

#include <algorithm>
#include <vector>

#include "gtest/gtest.h"

namespace zvdj {
namespace {

Date D(int y, int m, int d) { return Date::FromYmdUnchecked(y, m, d); }

TEST(Period, CbsCodesRoundTrip) {
  for (const char* code : {"2019JJ00", "2019HJ01", "2019HJ02", "2019KW01", "2019KW03",
                           "2019KW04", "2019MM01", "2019MM05", "2019MM12", "2018/'19",
                           "1999/'00", "2019-12-31", "2020-02-29"}) {
    auto p = Period::Parse(code);
    ASSERT_TRUE(p.ok()) << code << ": " << p.status();
    EXPECT_EQ(p->ToString(), code);
    EXPECT_EQ(Period::Parse(p->ToString()).value(), *p);
  }
}

TEST(Period, SchoolYearSpellings) {
  for (const char* code : {"2018/'19", "2018/2019", "2018/19", "2018-2019", "2018-'19",
                           "2018/\xE2\x80\x99" "19"}) {
    auto p = Period::Parse(code);
    ASSERT_TRUE(p.ok()) << code << ": " << p.status();
    EXPECT_EQ(p->kind(), PeriodKind::kSchoolYear);
    EXPECT_EQ(p->ToString(), "2018/'19") << code;
  }
  EXPECT_EQ(Period::Parse("1999/2000")->ToString(), "1999/'00");
  EXPECT_FALSE(Period::Parse("2018/2020").ok());
  EXPECT_FALSE(Period::Parse("2018/20").ok());
  EXPECT_FALSE(Period::Parse("2018/'9").ok());
}

TEST(Period, BareYearIsACalendarYear) {
  EXPECT_EQ(Period::Parse("2019").value(), Period::Year(2019));
  EXPECT_EQ(Period::Parse(" 2019JJ00 ").value(), Period::Year(2019));
}

TEST(Period, RejectsMalformedCodes) {
  for (const char* bad : {"", "2019JJ01", "2019HJ03", "2019HJ00", "2019KW05", "2019KW00",
                          "2019MM13", "2019MM00", "2019XX01", "19JJ00", "2019-02-29",
                          "2019-13-01", "abc", "2019JJ0", "2019KW3"}) {
    auto p = Period::Parse(bad);
    EXPECT_FALSE(p.ok()) << bad;
    EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

TEST(Period, FirstAndLastDays) {
  EXPECT_EQ(Period::Year(2019).first_day(), D(2019, 1, 1));
  EXPECT_EQ(Period::Year(2019).last_day(), D(2019, 12, 31));
  EXPECT_EQ(Period::HalfYear(2019, 1).last_day(), D(2019, 6, 30));
  EXPECT_EQ(Period::HalfYear(2019, 2).first_day(), D(2019, 7, 1));
  EXPECT_EQ(Period::Quarter(2019, 3).first_day(), D(2019, 7, 1));
  EXPECT_EQ(Period::Quarter(2019, 3).last_day(), D(2019, 9, 30));
  EXPECT_EQ(Period::Quarter(2019, 4).last_day(), D(2019, 12, 31));
  EXPECT_EQ(Period::Month(2020, 2).last_day(), D(2020, 2, 29));
  EXPECT_EQ(Period::Month(2019, 2).last_day(), D(2019, 2, 28));
  EXPECT_EQ(Period::SchoolYear(2018).first_day(), D(2018, 8, 1));
  EXPECT_EQ(Period::SchoolYear(2018).last_day(), D(2019, 7, 31));
  const Period peil = Period::Peildatum(D(2019, 12, 31));
  EXPECT_EQ(peil.first_day(), D(2019, 12, 31));
  EXPECT_EQ(peil.last_day(), D(2019, 12, 31));
  EXPECT_EQ(peil.year(), 2019);
}

TEST(Period, SchoolYearBoundaries) {
  EXPECT_EQ(Period::SchoolYearOf(D(2019, 7, 31)), Period::SchoolYear(2018));
  EXPECT_EQ(Period::SchoolYearOf(D(2019, 8, 1)), Period::SchoolYear(2019));
  EXPECT_EQ(Period::SchoolYearOf(D(2020, 1, 1)), Period::SchoolYear(2019));
  EXPECT_TRUE(Period::SchoolYear(2018).Contains(D(2019, 7, 31)));
  EXPECT_FALSE(Period::SchoolYear(2018).Contains(D(2019, 8, 1)));
  EXPECT_FALSE(Period::SchoolYear(2018).Contains(D(2018, 7, 31)));
}

TEST(Period, CalendarPredecessorAndSuccessor) {
  EXPECT_EQ(Period::Year(2019).Predecessor(), Period::Year(2018));
  EXPECT_EQ(Period::HalfYear(2019, 1).Predecessor(), Period::HalfYear(2018, 2));
  EXPECT_EQ(Period::HalfYear(2019, 2).Predecessor(), Period::HalfYear(2019, 1));
  EXPECT_EQ(Period::Quarter(2019, 1).Predecessor(), Period::Quarter(2018, 4));
  EXPECT_EQ(Period::Month(2019, 1).Predecessor(), Period::Month(2018, 12));
  EXPECT_EQ(Period::Month(2019, 12).Successor(), Period::Month(2020, 1));
  EXPECT_EQ(Period::SchoolYear(2018).Predecessor(), Period::SchoolYear(2017));
  EXPECT_EQ(Period::Peildatum(D(2019, 12, 31)).Predecessor(), Period::Peildatum(D(2018, 12, 31)));
  // A 29 February peildatum has 28 February a year earlier.
  EXPECT_EQ(Period::Peildatum(D(2020, 2, 29)).Predecessor(), Period::Peildatum(D(2019, 2, 28)));
  for (const char* code : {"2019JJ00", "2019HJ01", "2019KW01", "2019MM01", "2018/'19"}) {
    const Period p = Period::Parse(code).value();
    EXPECT_EQ(p.Predecessor().Successor(), p) << code;
    EXPECT_EQ(p.Predecessor().last_day() + 1, p.first_day()) << code;
  }
}

TEST(Period, OrderingIsChronologicalWithinAKind) {
  std::vector<Period> v = {Period::Year(2019), Period::Year(2016), Period::Year(2018)};
  std::sort(v.begin(), v.end());
  EXPECT_EQ(v.front(), Period::Year(2016));
  EXPECT_LT(Period::Quarter(2018, 4), Period::Quarter(2019, 1));
  EXPECT_LT(Period::Month(2019, 2), Period::Month(2019, 10));
  EXPECT_LT(Period::Quarter(2018, 4).key(), Period::Quarter(2019, 1).key());
  EXPECT_LT(Period::Peildatum(D(2018, 12, 31)).key(), Period::Peildatum(D(2019, 12, 31)).key());
  // Different kinds never interleave.
  EXPECT_LT(Period::Year(2030), Period::HalfYear(1990, 1));
}

TEST(Period, YearsBetween) {
  EXPECT_DOUBLE_EQ(Period::YearsBetween(Period::Year(2016), Period::Year(2019)), 3.0);
  EXPECT_DOUBLE_EQ(Period::YearsBetween(Period::Quarter(2019, 1), Period::Quarter(2019, 3)), 0.5);
  EXPECT_DOUBLE_EQ(Period::YearsBetween(Period::Month(2019, 1), Period::Month(2020, 1)), 1.0);
  EXPECT_DOUBLE_EQ(Period::YearsBetween(Period::HalfYear(2019, 2), Period::HalfYear(2020, 1)), 0.5);
  EXPECT_DOUBLE_EQ(Period::YearsBetween(Period::SchoolYear(2015), Period::SchoolYear(2018)), 3.0);
  EXPECT_DOUBLE_EQ(Period::YearsBetween(Period::Peildatum(D(2016, 12, 31)),
                                        Period::Peildatum(D(2019, 12, 31))),
                   3.0);
}

TEST(Period, KindNames) {
  EXPECT_EQ(PeriodKindName(PeriodKind::kSchoolYear), "school_year");
  EXPECT_EQ(ParsePeriodKind("peildatum").value(), PeriodKind::kPeildatum);
  EXPECT_FALSE(ParsePeriodKind("week").ok());
}

}  // namespace
}  // namespace zvdj
