// Hand-worked fixtures for the person-level engine. Each test states the
// records and derives the expected cells in comments.
#include "zvdj/indicators.hpp"

#include <cmath>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "zvdj/internal/indicators_internal.h"
#include "zvdj/records_io.hpp"

namespace zvdj {
namespace {

using ::testing::HasSubstr;

constexpr char kJhHeader[] =
    "person_id,birth_date,municipality,provider,form,start_date,end_date,end_reason\n";
constexpr char kJbHeader[] = "person_id,birth_date,municipality,measure,start_date,end_date\n";
constexpr char kVzHeader[] = "person_id,birth_date,municipality,kind,start_date,end_date\n";

RecordStore Store(const std::string& jh, const std::string& jb = "",
                  const std::string& vz = "") {
  RecordStore s;
  LoadOptions strict;
  if (!jh.empty()) {
    absl::Status st = ParseJeugdhulpCsv(kJhHeader + jh, "jh.csv", &s, strict, nullptr);
    EXPECT_TRUE(st.ok()) << st;
  }
  if (!jb.empty()) {
    absl::Status st = ParseJeugdbeschermingCsv(kJbHeader + jb, "jb.csv", &s, strict, nullptr);
    EXPECT_TRUE(st.ok()) << st;
  }
  if (!vz.empty()) {
    absl::Status st = ParseVerzuimCsv(kVzHeader + vz, "vz.csv", &s, strict, nullptr);
    EXPECT_TRUE(st.ok()) << st;
  }
  return s;
}

ComputeOptions Opt(int from, int to) {
  ComputeOptions o;
  o.from_year = from;
  o.to_year = to;
  o.publication.suppress_below = 0;
  return o;
}

ComputeResult Compute(const RecordStore& s, const ComputeOptions& o,
                  const RegionMap* regions = nullptr, const Herindeling* her = nullptr) {
  auto r = ComputeIndicators(s, o, regions, her);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? std::move(*r) : ComputeResult{};
}

// The value of one cell; NaN when it has none, -1 when the row is missing.
double V(const ComputeResult& r, std::string_view indicator, Period period,
         std::string_view region = "NL01", const Dimensions& dims = {}) {
  auto row = r.dataset.Find(indicator, region, period, dims);
  if (!row) return -1;
  return r.dataset.value(*row);
}

Period Y(int y) { return Period::Year(y); }
Period Dec31(int y) { return Period::Peildatum(Date::FromYmdUnchecked(y, 12, 31)); }
Period Sy(int y) { return Period::SchoolYear(y); }

TEST(Indicators, TrajectoryEndingOn31DecemberIsActiveInTheYearButNotInTheStock) {
  // P1: pleegzorg ending 2019-12-31 -> active during 2019, not on 31 Dec.
  // P2: pleegzorg ending 2020-01-01 -> active on 31 Dec 2019.
  // Both have an OTS running over 31 Dec 2019.
  const RecordStore s = Store(
      "P1,2005-06-01,GM0363,A,pleegzorg,2019-03-01,2019-12-31,volgens_plan\n"
      "P2,2006-01-01,GM0363,A,pleegzorg,2019-03-01,2020-01-01,volgens_plan\n",
      "P1,2005-06-01,GM0363,ots,2019-01-01,\n"
      "P2,2006-01-01,GM0363,ots,2019-01-01,\n");
  const ComputeResult r = Compute(s, Opt(2019, 2019));
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf", Y(2019)), 2);
  EXPECT_EQ(V(r, "uithuisplaatsingen", Dec31(2019)), 1);  // P2 only
  EXPECT_EQ(V(r, "uithuisplaatsingen", Dec31(2019), "NL01", {{"measure", "ots"}}), 1);
  EXPECT_EQ(V(r, "uithuisplaatsing_ots_pct", Dec31(2019)), 50.0);  // 1 of 2
  EXPECT_EQ(V(r, "uithuisplaatsing_ots_pct", Dec31(2019), "GM0363"), 50.0);
  // The ended trajectory (2019-12-31) counts as ended in 2019, the other not.
  EXPECT_EQ(V(r, "jeugdhulp_beeindigd_pct", Y(2019), "NL01", {{"end_reason", "volgens_plan"}}),
            100.0);
}

TEST(Indicators, VotsIsSeparateByDefaultAndCanCountAsOts) {
  // P1 has a voorlopige OTS and a met-verblijf trajectory on 31 Dec 2019.
  const RecordStore s = Store("P1,2010-01-01,GM0363,A,gesloten,2019-06-01,,\n",
                              "P1,2010-01-01,GM0363,vots,2019-11-01,\n");
  ComputeOptions o = Opt(2019, 2019);
  ComputeResult r = Compute(s, o);
  // No OTS at all: the share is impossible (0 / 0), the vots row appears.
  const auto row = r.dataset.Find("uithuisplaatsing_ots_pct", "NL01", Dec31(2019));
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(r.dataset.status(*row), ValueStatus::kImpossible);
  EXPECT_EQ(V(r, "uithuisplaatsingen", Dec31(2019), "NL01", {{"measure", "vots"}}), 1);
  EXPECT_EQ(V(r, "uithuisplaatsingen", Dec31(2019), "NL01", {{"measure", "ots"}}), 0);
  o.vots_counts_as_ots = true;
  r = Compute(s, o);
  EXPECT_EQ(V(r, "uithuisplaatsing_ots_pct", Dec31(2019)), 100.0);
  EXPECT_EQ(V(r, "uithuisplaatsingen", Dec31(2019), "NL01", {{"measure", "ots"}}), 1);
  EXPECT_EQ(V(r, "uithuisplaatsingen", Dec31(2019), "NL01", {{"measure", "vots"}}), -1);
}

TEST(Indicators, OverlappingAndTouchingTrajectoriesAreMerged) {
  // Provider A, ambulant: 01-01..06-30 (volgens_plan) overlaps 05-01..09-30
  // (eenzijdig_client), which touches 09-30..11-30 (volgens_plan): one
  // trajectory 01-01..11-30 ending volgens_plan. Provider B, ambulant,
  // 02-01..03-31 (samen) stays separate. Ended in 2019: 2 trajectories.
  const RecordStore s = Store(
      "P1,2008-01-01,GM0363,A,ambulant,2019-01-01,2019-06-30,volgens_plan\n"
      "P1,2008-01-01,GM0363,A,ambulant,2019-05-01,2019-09-30,eenzijdig_client\n"
      "P1,2008-01-01,GM0363,A,ambulant,2019-09-30,2019-11-30,volgens_plan\n"
      "P1,2008-01-01,GM0363,B,ambulant,2019-02-01,2019-03-31,samen\n");
  ComputeOptions o = Opt(2019, 2019);
  ComputeResult r = Compute(s, o);
  const auto pct = [&](const char* reason) {
    return V(r, "jeugdhulp_beeindigd_pct", Y(2019), "NL01", {{"end_reason", reason}});
  };
  EXPECT_EQ(pct("volgens_plan"), 50.0);
  EXPECT_EQ(pct("samen"), 50.0);
  EXPECT_EQ(pct("eenzijdig_client"), 0.0);
  EXPECT_EQ(pct("volgens_plan_of_samen"), 100.0);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2019)), 1);
  // Without the merge: 4 ended, 2 volgens_plan, 1 eenzijdig_client, 1 samen.
  o.merge_trajectories = false;
  r = Compute(s, o);
  EXPECT_EQ(pct("volgens_plan"), 50.0);
  EXPECT_EQ(pct("eenzijdig_client"), 25.0);
  EXPECT_EQ(pct("samen"), 25.0);
}

TEST(Indicators, MergeUnitKeepsDifferentFormsAndGaps) {
  using internal::Trajectory;
  const int32_t d1 = Date::FromYmdUnchecked(2019, 1, 1).days();
  std::vector<Trajectory> t = {
      {d1 + 10, d1 + 20, 1, 363, JeugdhulpForm::kAmbulant, EndReason::kSamen},
      {d1, d1 + 10, 1, 363, JeugdhulpForm::kAmbulant, EndReason::kVolgensPlan},   // touches
      {d1 + 21, d1 + 30, 1, 363, JeugdhulpForm::kAmbulant, EndReason::kOverig},  // 1-day gap
      {d1, d1 + 5, 1, 363, JeugdhulpForm::kPleegzorg, EndReason::kOverig},       // other form
      {d1 + 2, kOpenEnd, 1, 599, JeugdhulpForm::kPleegzorg, EndReason::kNone},   // open
  };
  const size_t n = internal::MergeTrajectories(t.data(), t.size());
  ASSERT_EQ(n, 3u);
  EXPECT_EQ(t[0].start, d1);
  EXPECT_EQ(t[0].end, d1 + 20);
  EXPECT_EQ(t[0].end_reason, EndReason::kSamen);
  EXPECT_EQ(t[1].start, d1 + 21);
  EXPECT_EQ(t[2].form, JeugdhulpForm::kPleegzorg);
  EXPECT_EQ(t[2].end, kOpenEnd);
  EXPECT_EQ(t[2].end_reason, EndReason::kNone);
  EXPECT_EQ(t[2].municipality, 599);
}

TEST(Indicators, PersonMovesBetweenAgeGroupsAcrossYearsAndTotalsAreUnique) {
  // P1 born 2003-07-01, pleegzorg from 2020: 17 on 31 Dec 2020 (12-18), 18 on
  // 31 Dec 2021 (18-23). P2 born 2017-03-01 (3 on 31 Dec 2020, 0-4), in
  // pleegzorg and gesloten at once: one person in two forms.
  const RecordStore s = Store(
      "P1,2003-07-01,GM0363,A,pleegzorg,2020-01-01,,\n"
      "P2,2017-03-01,GM0363,A,pleegzorg,2020-02-01,2020-12-31,overig\n"
      "P2,2017-03-01,GM0363,B,gesloten,2020-05-01,2020-08-01,overig\n");
  const ComputeResult r = Compute(s, Opt(2020, 2021));
  const auto age = [&](int y, const char* g) {
    return V(r, "jeugdhulp_met_verblijf", Y(y), "NL01", {{"age_group", g}});
  };
  EXPECT_EQ(age(2020, "12-18"), 1);
  EXPECT_EQ(age(2020, "0-4"), 1);
  EXPECT_EQ(age(2020, "18-23"), 0);
  EXPECT_EQ(age(2020, "0-18"), 2);
  EXPECT_EQ(age(2020, "0-23"), 2);
  EXPECT_EQ(age(2021, "12-18"), 0);
  EXPECT_EQ(age(2021, "18-23"), 1);
  EXPECT_EQ(age(2021, "0-18"), 0);
  EXPECT_EQ(age(2021, "0-23"), 1);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf", Y(2020)), 2);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf", Y(2020), "NL01", {{"form", "pleegzorg"}}), 2);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf", Y(2020), "NL01", {{"form", "gesloten"}}), 1);
  EXPECT_EQ(V(r, "pleegzorg_gezinsgericht_pct_verblijf", Y(2020)), 100.0);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf_pct", Y(2020)), 100.0);
}

TEST(Indicators, AgeBasisPeriodStart) {
  // Born 2003-07-01: 16 on 1 Jan 2020 but 17 on 31 Dec 2020 - both 12-18;
  // born 2002-07-01: 17 on 1 Jan 2020, 18 on 31 Dec 2020.
  const RecordStore s = Store("P1,2002-07-01,GM0363,A,pleegzorg,2020-01-01,,\n");
  ComputeOptions o = Opt(2020, 2020);
  EXPECT_EQ(V(Compute(s, o), "jeugdhulp_met_verblijf", Y(2020), "NL01", {{"age_group", "18-23"}}),
            1);
  o.age_basis = AgeBasis::kPeriodStart;
  EXPECT_EQ(V(Compute(s, o), "jeugdhulp_met_verblijf", Y(2020), "NL01", {{"age_group", "12-18"}}),
            1);
}

TEST(Indicators, TwentyNinthFebruaryBirthdayTurns18OnFirstMarch) {
  EXPECT_EQ(internal::AgeYmd(20040229, 20220228, Feb29Rule::kMarch1), 17);
  EXPECT_EQ(internal::AgeYmd(20040229, 20220301, Feb29Rule::kMarch1), 18);
  EXPECT_EQ(internal::AgeYmd(20040229, 20220228, Feb29Rule::kFeb28), 18);
  EXPECT_EQ(internal::AgeYmd(20040229, 20240228, Feb29Rule::kFeb28), 19);  // leap year
  EXPECT_EQ(internal::AgeYmd(20200315, 20191231, Feb29Rule::kMarch1), -1);
  // Age on the start of the trajectory: P1 starts on 28 Feb 2022 (17), P2 on
  // 1 March 2022 (18); both born 29 Feb 2004.
  const RecordStore s = Store(
      "P1,2004-02-29,GM0363,A,pleegzorg,2022-02-28,,\n"
      "P2,2004-02-29,GM0363,A,pleegzorg,2022-03-01,,\n");
  ComputeOptions o = Opt(2022, 2022);
  o.age_basis = AgeBasis::kRecordStart;
  ComputeResult r = Compute(s, o);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf", Y(2022), "NL01", {{"age_group", "12-18"}}), 1);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf", Y(2022), "NL01", {{"age_group", "18-23"}}), 1);
  o.feb29_rule = Feb29Rule::kFeb28;
  r = Compute(s, o);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf", Y(2022), "NL01", {{"age_group", "12-18"}}), 0);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf", Y(2022), "NL01", {{"age_group", "18-23"}}), 2);
}

TEST(Indicators, SharesUseTheZeroTo23Population) {
  // P1 (10) ambulant, P2 (15) pleegzorg, P3 (30, outside 0-23) gesloten,
  // P4 (12) gezinsgericht and ambulant.
  // jeugdhulp_jongeren = 4 (all ages); met verblijf = 3 (all ages).
  // 0-23: jeugdhulp 3 (P1, P2, P4), met verblijf 2 (P2, P4) -> 66.67%.
  // Pleegzorg or gezinsgericht among met verblijf 0-23: 2 of 2 -> 100%.
  const RecordStore s = Store(
      "P1,2009-06-01,GM0363,A,ambulant,2019-01-01,,\n"
      "P2,2004-06-01,GM0363,A,pleegzorg,2019-01-01,,\n"
      "P3,1989-06-01,GM0363,A,gesloten,2019-01-01,,\n"
      "P4,2007-06-01,GM0363,A,gezinsgericht,2019-01-01,,\n"
      "P4,2007-06-01,GM0363,A,ambulant,2019-01-01,,\n");
  const ComputeResult r = Compute(s, Opt(2019, 2019));
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2019)), 4);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf", Y(2019)), 3);
  EXPECT_NEAR(V(r, "jeugdhulp_met_verblijf_pct", Y(2019)), 200.0 / 3, 1e-12);
  EXPECT_EQ(V(r, "pleegzorg_gezinsgericht_pct_verblijf", Y(2019)), 100.0);
}

// Measures in 2019 (begin = active on 2018-12-31, end = active on 2019-12-31):
//   P1 ots 2018-06-01..open           begin, end
//   P1 voogdij 2019-03-01..2019-10-01 in, out (start and end in the same year)
//   P2 vots 2018-01-01..2019-02-01    begin, out
//   P2 ots 2019-02-01..open           in, end
//   P3 ots 2017-01-01..2019-12-31     begin, out (ends on the peildatum)
//   P4 ots 2019-03-01..2019-05-01     in, out
//   P4 ots 2019-06-01..open           in, end
// ots: begin 2 + in 3 - out 2 = end 3; vots: 1 + 0 - 1 = 0; voogdij 0 + 1 - 1 = 0.
// Persons: begin {P1,P2,P3} 3, in {P1,P2,P4} 3, out {P1,P2,P3,P4} 4,
// end {P1,P2,P4} 3: 3 + 3 - 4 = 2, so the persons' closure difference is +1.
constexpr char kJbClosure[] =
    "P1,2008-01-01,GM0363,ots,2018-06-01,\n"
    "P1,2008-01-01,GM0363,voogdij,2019-03-01,2019-10-01\n"
    "P2,2009-01-01,GM0363,vots,2018-01-01,2019-02-01\n"
    "P2,2009-01-01,GM0363,ots,2019-02-01,\n"
    "P3,2010-01-01,GM0363,ots,2017-01-01,2019-12-31\n"
    "P4,2011-01-01,GM0363,ots,2019-03-01,2019-05-01\n"
    "P4,2011-01-01,GM0363,ots,2019-06-01,\n";

TEST(Indicators, JeugdbeschermingStockAndFlowCloseForMeasures) {
  const RecordStore s = Store("P9,2008-01-01,GM0363,A,ambulant,2019-01-01,,\n", kJbClosure);
  const ComputeResult r = Compute(s, Opt(2019, 2019));
  const auto jb = [&](const char* what, const char* measure) {
    Dimensions d;
    if (*measure) d = {{"measure", measure}};
    return V(r, absl::StrCat("jeugdbescherming_", what), Y(2019), "NL01", d);
  };
  EXPECT_EQ(jb("beginstand", "ots"), 2);
  EXPECT_EQ(jb("instroom", "ots"), 3);
  EXPECT_EQ(jb("uitstroom", "ots"), 2);
  EXPECT_EQ(jb("eindstand", "ots"), 3);
  EXPECT_EQ(jb("beginstand", "vots"), 1);
  EXPECT_EQ(jb("uitstroom", "vots"), 1);
  EXPECT_EQ(jb("instroom", "voogdij"), 1);
  EXPECT_EQ(jb("uitstroom", "voogdij"), 1);
  EXPECT_EQ(jb("beginstand", ""), 3);
  EXPECT_EQ(jb("instroom", ""), 3);
  EXPECT_EQ(jb("uitstroom", ""), 4);
  EXPECT_EQ(jb("eindstand", ""), 3);
  int checked = 0;
  for (const ClosureRow& c : r.closure) {
    EXPECT_EQ(c.difference, c.end - (c.begin + c.inflow - c.outflow));
    if (!c.measure.empty()) {
      EXPECT_EQ(c.difference, 0) << c.region << " " << c.measure;
    } else {
      EXPECT_EQ(c.difference, 1) << c.region;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 2);  // NL01 and GM0363
}

TEST(Indicators, MeasureClosureHoldsOnRandomRecords) {
  // A deterministic pseudo-random mix of measures over 2015-2021.
  RecordStore s;
  uint64_t x = 88172645463325252ull;
  const auto next = [&x] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  const int32_t base = Date::FromYmdUnchecked(2014, 1, 1).days();
  for (int p = 0; p < 300; ++p) {
    const uint32_t code = s.persons.Intern(absl::StrCat("P", p));
    s.persons.SetBirth(code, Date::FromYmdUnchecked(2005, 1, 1));
    for (int k = 0; k < 1 + static_cast<int>(next() % 4); ++k) {
      const int32_t start = base + static_cast<int32_t>(next() % 2900);
      const int32_t end = next() % 5 == 0 ? kOpenEnd : start + static_cast<int32_t>(next() % 900);
      s.jeugdbescherming.Append({.person = code,
                                 .municipality = static_cast<uint16_t>(1 + next() % 3),
                                 .measure = static_cast<Measure>(next() % kMeasureCount),
                                 .start = start,
                                 .end = end});
    }
  }
  const ComputeResult r = Compute(s, Opt(2015, 2021));
  ASSERT_FALSE(r.closure.empty());
  for (const ClosureRow& c : r.closure) {
    if (!c.measure.empty()) {
      EXPECT_EQ(c.difference, 0) << c.period.ToString() << c.region << c.measure;
    }
  }
}

TEST(Indicators, ThuiszittersPerSchoolYear) {
  // School year 2018/'19 = 2018-08-01 .. 2019-07-31.
  //  A relatief 2018-09-01..2018-09-29: 28 days            -> thuiszitter
  //  B relatief 2018-09-01..2018-09-28: 27 days            -> no
  //  C absoluut 2019-07-20..open (crosses 1 Aug 2019)      -> thuiszitter (any
  //    duration); in 2019/'20 it runs past 2019-10-20      -> also langer
  //  D relatief 2018-06-01..2018-10-15 (crosses 1 Aug 2018): 136 days, past
  //    2018-09-01 (start + 3 months)                       -> thuiszitter, langer;
  //    in 2017/'18 it runs to 2018-08-01 (61 days), not past 2018-09-01
  //  E relatief 2018-10-01..2019-03-01, vrijstelling 2018-09-01..2019-08-31
  //    covers it                                           -> no; vrijstelling
  //  F absoluut 2018-09-01..2018-12-01, vrijstelling 2019-05-01..2019-07-31
  //    does not overlap the episode                        -> thuiszitter; exactly
  //    3 months, not more                                  -> not langer; vrijstelling
  const RecordStore s = Store(
      "X,2008-01-01,GM0363,A,ambulant,2018-01-01,,\n", "",
      "A,2008-01-01,GM0363,relatief,2018-09-01,2018-09-29\n"
      "B,2008-01-01,GM0363,relatief,2018-09-01,2018-09-28\n"
      "C,2008-01-01,GM0363,absoluut,2019-07-20,\n"
      "D,2008-01-01,GM0363,relatief,2018-06-01,2018-10-15\n"
      "E,2008-01-01,GM0363,relatief,2018-10-01,2019-03-01\n"
      "E,2008-01-01,GM0363,vrijstelling_5a,2018-09-01,2019-08-31\n"
      "F,2008-01-01,GM0363,absoluut,2018-09-01,2018-12-01\n"
      "F,2008-01-01,GM0363,vrijstelling_5a,2019-05-01,2019-07-31\n");
  const ComputeResult r = Compute(s, Opt(2018, 2020));  // 2017/'18 .. 2019/'20
  EXPECT_EQ(V(r, "thuiszitters", Sy(2018)), 4);  // A, C, D, F
  EXPECT_EQ(V(r, "thuiszitters_langer_3m", Sy(2018)), 1);  // D
  EXPECT_EQ(V(r, "vrijstellingen_5a", Sy(2018)), 2);  // E, F
  EXPECT_EQ(V(r, "thuiszitters", Sy(2019)), 1);  // C
  EXPECT_EQ(V(r, "thuiszitters_langer_3m", Sy(2019)), 1);
  EXPECT_EQ(V(r, "vrijstellingen_5a", Sy(2019)), 1);  // E (ends 2019-08-31)
  EXPECT_EQ(V(r, "thuiszitters", Sy(2017)), 1);  // D
  EXPECT_EQ(V(r, "thuiszitters_langer_3m", Sy(2017)), 0);
  EXPECT_EQ(r.dataset.period(*r.dataset.Find("thuiszitters", "NL01", Sy(2018))).ToString(),
            "2018/'19");
}

constexpr char kRegions[] =
    "municipality,region,from_year,to_year\n"
    "GM0844,JZ01,2010,2016\n"
    "GM0844,PV30,2010,2016\n"
    "GM1948,JZ01,2017,\n"
    "GM1948,PV30,2017,\n"
    "GM0363,JZ02,2010,\n"
    "GM0363,PV27,2010,\n"
    "GM0599,JZ02,2010,\n"
    "GM0599,PV28,2010,\n";

TEST(Indicators, HerindelingMapsOldCodesToTheClassificationYear) {
  // GM0844 (Schijndel) became part of GM1948 (Meierijstad) on 2017-01-01.
  const RecordStore s = Store(
      "P1,2008-01-01,GM0844,A,ambulant,2016-01-01,2016-06-30,volgens_plan\n"
      "P2,2008-01-01,GM1948,A,ambulant,2017-01-01,,\n");
  const auto regions = RegionMap::Parse(kRegions, "regions.csv");
  ASSERT_TRUE(regions.ok()) << regions.status();
  const auto her = Herindeling::Parse("old_code,new_code,date\nGM0844,GM1948,2017-01-01\n",
                                      "herindeling.csv");
  ASSERT_TRUE(her.ok()) << her.status();
  ComputeResult r = Compute(s, Opt(2016, 2017), &*regions, &*her);
  EXPECT_EQ(r.classification_year, 2017);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2016), "GM1948"), 1);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2017), "GM1948"), 1);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2016), "GM0844"), -1);  // no such row
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2016), "JZ01"), 1);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2016), "PV30"), 1);
  // Classified as on 1 January 2016, GM0844 still exists.
  ComputeOptions o = Opt(2016, 2017);
  o.classification_year = 2016;
  r = Compute(s, o, &*regions, &*her);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2016), "GM0844"), 1);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2017), "GM1948"), 1);
  // GM1948 has no region in 2016: reported, and only in gemeente and NL01.
  EXPECT_THAT(r.unmapped_municipalities, ::testing::ElementsAre(1948));
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2017), "JZ01"), 0);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2017), "NL01"), 1);
}

TEST(Indicators, UnderLatestAttributionAMoverCountsOnceInTheLatestMunicipality) {
  // P1: GM0363 until 2019-05-31, then GM0599 from 2019-06-01 (both JZ02).
  // P2: two trajectories with the same start: the later end (GM0599) wins.
  // P3: same start and end: the higher code (GM0599) wins.
  const RecordStore s = Store(
      "P1,2008-01-01,GM0363,A,pleegzorg,2019-01-01,2019-05-31,volgens_plan\n"
      "P1,2008-01-01,GM0599,A,ambulant,2019-06-01,,\n"
      "P2,2008-01-01,GM0599,A,ambulant,2019-03-01,2019-09-01,samen\n"
      "P2,2008-01-01,GM0363,B,ambulant,2019-03-01,2019-08-01,samen\n"
      "P3,2008-01-01,GM0363,A,ambulant,2019-03-01,2019-08-01,samen\n"
      "P3,2008-01-01,GM0599,B,ambulant,2019-03-01,2019-08-01,samen\n");
  const auto regions = RegionMap::Parse(kRegions, "regions.csv");
  ASSERT_TRUE(regions.ok());
  ComputeOptions o = Opt(2019, 2019);
  o.attribution = Attribution::kLatest;
  const ComputeResult r = Compute(s, o, &*regions);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2019), "GM0363"), 0);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2019), "GM0599"), 3);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2019), "JZ02"), 3);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2019), "NL01"), 3);
  // The met-verblijf trajectory was in GM0363, but the person counts in GM0599.
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf", Y(2019), "GM0599"), 1);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf", Y(2019), "GM0363"), 0);
  // Provincies differ: PV27 has no one, PV28 all three.
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2019), "PV27"), 0);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2019), "PV28"), 3);
}

TEST(Indicators, SuppressionPropagatesAndRound5RoundsCountsOnly) {
  // GM0001: 12 persons with jeugdhulp, 3 of them met verblijf (all 0-23).
  std::string jh;
  for (int i = 0; i < 12; ++i) {
    jh += absl::StrFormat("P%d,2008-01-01,GM0001,A,%s,2019-01-01,,\n", i,
                          i < 3 ? "pleegzorg" : "ambulant");
  }
  const RecordStore s = Store(jh);
  ComputeOptions o = Opt(2019, 2019);
  o.levels = kLevelGemeente;
  o.publication = {.suppress_below = 10, .round5 = true};
  const ComputeResult r = Compute(s, o);
  const Dataset& d = r.dataset;
  auto row = d.Find("jeugdhulp_jongeren", "GM0001", Y(2019));
  ASSERT_TRUE(row);
  EXPECT_EQ(d.value(*row), 10);  // 12 rounded to a multiple of 5
  row = d.Find("jeugdhulp_met_verblijf", "GM0001", Y(2019));
  ASSERT_TRUE(row);
  EXPECT_EQ(d.status(*row), ValueStatus::kUnknown);  // 3 < 10
  EXPECT_TRUE(std::isnan(d.value(*row)));
  row = d.Find("jeugdhulp_met_verblijf_pct", "GM0001", Y(2019));
  ASSERT_TRUE(row);
  EXPECT_EQ(d.status(*row), ValueStatus::kUnknown);  // numerator suppressed
  row = d.Find("jeugdhulp_met_verblijf", "GM0001", Y(2019), {{"age_group", "0-4"}});
  ASSERT_TRUE(row);
  EXPECT_EQ(d.value(*row), 0);  // zero is not suppressed
  EXPECT_FALSE(d.Find("jeugdhulp_jongeren", "NL01", Y(2019)).has_value());  // level off
  // Without suppression the share is 3/12 from unrounded counts.
  o.publication = {.suppress_below = 0, .round5 = true};
  const ComputeResult r2 = Compute(s, o);
  EXPECT_EQ(V(r2, "jeugdhulp_met_verblijf_pct", Y(2019), "GM0001"), 25.0);
  EXPECT_EQ(V(r2, "jeugdhulp_met_verblijf", Y(2019), "GM0001"), 5);  // 3 -> 5
}

TEST(Indicators, ErrorsAndDefaults) {
  RecordStore s;
  const uint32_t p = s.persons.Intern("P1");
  const int32_t d = Date::FromYmdUnchecked(2019, 5, 1).days();
  s.jeugdhulp.Append({.person = p, .municipality = 363, .provider = 0,
                      .form = JeugdhulpForm::kAmbulant, .start = d, .end = d - 1});
  auto r = ComputeIndicators(s, Opt(2019, 2019));
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(std::string(r.status().message()),
              HasSubstr("jeugdhulp row 1 (person 'P1'): end date 2019-04-30 is before start "
                        "date 2019-05-01"));
  RecordStore empty;
  EXPECT_FALSE(ComputeIndicators(empty, ComputeOptions{}).ok());
  ComputeOptions o = Opt(2019, 2018);
  EXPECT_FALSE(ComputeIndicators(s, o).ok());
  o = Opt(2019, 2019);
  o.levels = kLevelJeugdregio;
  EXPECT_THAT(std::string(ComputeIndicators(s, o).status().message()),
              HasSubstr("regions file"));
  EXPECT_EQ(*ParseRegionLevels("gemeente, land"), kLevelGemeente | kLevelLand);
  EXPECT_FALSE(ParseRegionLevels("wijk").ok());
}

TEST(Indicators, YearsDefaultToTheDataRange) {
  const RecordStore s = Store("P1,2008-01-01,GM0363,A,ambulant,2016-03-01,2018-02-01,samen\n");
  ComputeOptions o;
  o.publication.suppress_below = 0;
  const ComputeResult r = Compute(s, o);
  EXPECT_EQ(r.from_year, 2016);
  EXPECT_EQ(r.to_year, 2018);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2017)), 1);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", Y(2018)), 1);
}

}  // namespace
}  // namespace zvdj
