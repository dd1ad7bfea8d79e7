#include "zvdj/cohort.hpp"

#include <cmath>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/generator.hpp"
#include "zvdj/records_io.hpp"

namespace zvdj {
namespace {

Date D(int y, int m, int d) { return Date::FromYmdUnchecked(y, m, d); }

// Builds stores person by person.
struct StoreBuilder {
  RecordStore store;
  uint32_t Person(const std::string& id, Date birth) {
    const uint32_t p = store.persons.Intern(id);
    store.persons.SetBirth(p, birth);
    return p;
  }
  void Exit(uint32_t p, Date when, ExitReason why) {
    store.persons.exit[p] = when.days();
    store.persons.exit_reason[p] = why;
  }
  void Jeugdhulp(uint32_t p, Date start, std::optional<Date> end, uint16_t muni = 363) {
    store.jeugdhulp.Append({.person = p, .municipality = muni, .provider = 0,
                            .form = JeugdhulpForm::kAmbulant, .start = start.days(),
                            .end = end ? end->days() : kOpenEnd});
  }
  void Vervolg(uint32_t p, VervolgzorgKind kind, Date start) {
    store.vervolgzorg.Append({.person = p, .kind = kind, .start = start.days(), .end = kOpenEnd});
  }
};

const CohortEstimate* Find(const std::vector<CohortEstimate>& rows, std::string_view outcome,
                           std::string_view horizon, CohortMethod method, uint32_t group = 0) {
  for (const auto& r : rows) {
    if (r.outcome == outcome && r.horizon == horizon && r.method == method && r.group == group) {
      return &r;
    }
  }
  return nullptr;
}

// ---- Horizons and the month scale ----

TEST(HorizonTest, Parse) {
  auto h = ParseHorizons("1m, 3m,6m,30d").value();
  ASSERT_EQ(h.size(), 4u);
  EXPECT_EQ(h[1].count, 3);
  EXPECT_EQ(h[1].unit, Horizon::Unit::kMonths);
  EXPECT_EQ(h[3].unit, Horizon::Unit::kDays);
  EXPECT_EQ(h[3].label, "30d");
  EXPECT_FALSE(ParseHorizons("1y").ok());
  EXPECT_FALSE(ParseHorizons("0m").ok());
  EXPECT_FALSE(ParseHorizons("m").ok());
  EXPECT_FALSE(ParseHorizons("").ok());
  EXPECT_THAT(std::string(ParseHorizons("1m,x3m").status().message()),
              testing::HasSubstr("'x3m'"));
}

TEST(HorizonTest, MonthEndsClampNeverSnap) {
  const Horizon m1{1, Horizon::Unit::kMonths, "1m"};
  const Horizon m3{3, Horizon::Unit::kMonths, "3m"};
  EXPECT_EQ(HorizonEnd(D(2017, 1, 31), m1), D(2017, 2, 28));
  EXPECT_EQ(HorizonEnd(D(2016, 1, 31), m1), D(2016, 2, 29));
  EXPECT_EQ(HorizonEnd(D(2017, 1, 29), m1), D(2017, 2, 28));
  EXPECT_EQ(HorizonEnd(D(2017, 1, 30), m1), D(2017, 2, 28));
  // Not snapped: 30 April + 1 month is 30 May, not 31 May.
  EXPECT_EQ(HorizonEnd(D(2017, 4, 30), m1), D(2017, 5, 30));
  EXPECT_EQ(HorizonEnd(D(2016, 2, 29), m1), D(2016, 3, 29));
  EXPECT_EQ(HorizonEnd(D(2017, 11, 30), m3), D(2018, 2, 28));
  EXPECT_EQ(HorizonEnd(D(2017, 1, 1), Horizon{30, Horizon::Unit::kDays, "30d"}), D(2017, 1, 31));
}

TEST(HorizonTest, MonthsSinceIsExactAtEveryHorizon) {
  for (Date b : {D(2017, 1, 29), D(2017, 1, 30), D(2017, 1, 31), D(2016, 2, 29),
                 D(2017, 3, 1), D(2017, 8, 31), D(2017, 12, 31)}) {
    for (int n = 0; n <= 14; ++n) {
      const Date end = AddMonths(b, n);
      EXPECT_EQ(MonthsSince(b, end), n) << b.ToString() << " + " << n;
      EXPECT_LT(MonthsSince(b, end - 1), n) << b.ToString() << " + " << n;
    }
  }
  EXPECT_DOUBLE_EQ(MonthsSince(D(2017, 1, 31), D(2017, 2, 14)), 14.0 / 28.0);
}

// ---- Cohort membership ----

TEST(EighteenCohortTest, WindowEdges) {
  StoreBuilder s;
  // Birthday 2017-05-31: window [2017-02-28, 2017-05-31).
  const Date birth = D(1999, 5, 31);
  const Date b = D(2017, 5, 31);
  const Date w = AddMonths(b, -3);
  ASSERT_EQ(w, D(2017, 2, 28));
  const uint32_t ends_on_window_start = s.Person("A", birth);
  s.Jeugdhulp(ends_on_window_start, D(2016, 1, 1), w);
  const uint32_t ends_day_before = s.Person("B", birth);
  s.Jeugdhulp(ends_day_before, D(2016, 1, 1), w - 1);
  const uint32_t starts_on_b = s.Person("C", birth);
  s.Jeugdhulp(starts_on_b, b, std::nullopt);
  const uint32_t starts_day_before = s.Person("D", birth);
  s.Jeugdhulp(starts_day_before, b - 1, b);
  const uint32_t open = s.Person("E", D(1999, 12, 31));  // b = 2017-12-31
  s.Jeugdhulp(open, D(2010, 1, 1), std::nullopt);
  const uint32_t other_year = s.Person("F", D(2000, 1, 1));
  s.Jeugdhulp(other_year, D(2017, 12, 1), std::nullopt);
  const std::vector<int> years = {2017};
  Cohort c = EighteenthBirthdayCohort(s.store, years);
  EXPECT_THAT(c.person, testing::ElementsAre(ends_on_window_start, starts_day_before, open));
  ASSERT_EQ(c.groups.size(), 1u);
  EXPECT_EQ(c.groups[0].label, "2017");
  EXPECT_EQ(c.groups[0].year, 2017);
  EXPECT_EQ(c.groups[0].region, "NL01");
  EXPECT_EQ(c.entry[0], b.days());
}

TEST(EighteenCohortTest, LeapDayBirthdays) {
  StoreBuilder s;
  const uint32_t p = s.Person("L", D(2000, 2, 29));
  s.Jeugdhulp(p, D(2017, 12, 1), D(2018, 2, 28));  // ends on 28 Feb 2018
  const std::vector<int> years = {2018};
  // March 1 rule: b = 2018-03-01, window [2017-12-01, 2018-03-01): member.
  Cohort c = EighteenthBirthdayCohort(s.store, years);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c.entry[0], D(2018, 3, 1).days());
  // Feb 28 rule: b = 2018-02-28, window [2017-11-28, 2018-02-28): member too.
  EighteenCohortOptions feb28;
  feb28.feb29 = Feb29Rule::kFeb28;
  Cohort c2 = EighteenthBirthdayCohort(s.store, years, feb28);
  ASSERT_EQ(c2.size(), 1u);
  EXPECT_EQ(c2.entry[0], D(2018, 2, 28).days());
  // Horizon 1m from 2018-03-01 ends 2018-04-01; from 2018-02-28 ends 2018-03-28.
  EXPECT_EQ(HorizonEnd(D(2018, 3, 1), {1, Horizon::Unit::kMonths, "1m"}), D(2018, 4, 1));
  EXPECT_EQ(HorizonEnd(D(2018, 2, 28), {1, Horizon::Unit::kMonths, "1m"}), D(2018, 3, 28));
}

TEST(EighteenCohortTest, RegionExitAndCutoff) {
  StoreBuilder s;
  const uint32_t a = s.Person("A", D(1999, 6, 1));
  s.Jeugdhulp(a, D(2015, 1, 1), std::nullopt, 363);
  s.Jeugdhulp(a, D(2017, 4, 1), D(2017, 5, 1), 518);  // latest qualifying start
  const uint32_t b = s.Person("B", D(1999, 7, 1));
  s.Jeugdhulp(b, D(2017, 5, 1), std::nullopt, 363);
  const uint32_t dead = s.Person("C", D(1999, 7, 1));
  s.Jeugdhulp(dead, D(2017, 5, 1), std::nullopt, 363);
  s.Exit(dead, D(2017, 6, 30), ExitReason::kOverlijden);
  const uint32_t late = s.Person("D", D(1999, 12, 15));
  s.Jeugdhulp(late, D(2017, 11, 1), std::nullopt, 363);
  const std::vector<int> years = {2017};
  EighteenCohortOptions copt;
  copt.by_municipality = true;
  copt.cutoff = D(2017, 12, 1).days();
  Cohort c = EighteenthBirthdayCohort(s.store, years, copt);
  ASSERT_EQ(c.groups.size(), 2u);
  EXPECT_EQ(c.groups[0].label, "2017 GM0363");
  EXPECT_EQ(c.groups[1].region, "GM0518");
  EXPECT_THAT(c.person, testing::ElementsAre(b, a));
  EXPECT_EQ(c.excluded_exit_before_entry[0], 1);
  EXPECT_EQ(c.excluded_entry_after_cutoff[0], 1);
}

// ---- Outcomes ----

TEST(OutcomeTest, VerlengdeJeugdhulpAndVervolgzorg) {
  StoreBuilder s;
  const Date b = D(2017, 3, 10);
  const uint32_t p = s.Person("P", D(1999, 3, 10));
  s.Jeugdhulp(p, D(2016, 1, 1), b);              // ends on b: not active on b
  s.Jeugdhulp(p, D(2017, 5, 1), std::nullopt);   // restarts later
  s.Vervolg(p, VervolgzorgKind::kWmo, D(2017, 1, 1));  // before b: ignored
  s.Vervolg(p, VervolgzorgKind::kWmo, D(2017, 4, 1));
  s.Vervolg(p, VervolgzorgKind::kZvwGgz, D(2017, 3, 20));
  const uint32_t q = s.Person("Q", D(1999, 3, 10));
  s.Jeugdhulp(q, D(2016, 1, 1), b + 1);          // active on b: event time 0
  const uint32_t r = s.Person("R", D(1999, 3, 10));
  s.Jeugdhulp(r, b, b);                          // empty trajectory: never active
  auto outcomes = BuiltinOutcomes(s.store);
  ASSERT_EQ(outcomes.size(), 5u);
  EXPECT_EQ(outcomes[0].name, "verlengde_jeugdhulp");
  EXPECT_EQ(outcomes[0].first_event(p, b.days()), D(2017, 5, 1).days());
  EXPECT_EQ(outcomes[0].first_event(q, b.days()), b.days());
  EXPECT_EQ(outcomes[0].first_event(r, b.days()), kNoDate);
  EXPECT_EQ(outcomes[1].first_event(p, b.days()), D(2017, 3, 20).days());  // zvw_ggz
  EXPECT_EQ(outcomes[2].first_event(p, b.days()), D(2017, 4, 1).days());   // wmo
  EXPECT_EQ(outcomes[3].first_event(p, b.days()), kNoDate);                // wlz
  EXPECT_EQ(outcomes[4].first_event(p, b.days()), D(2017, 3, 20).days());  // any
  EXPECT_FALSE(BuiltinOutcome(s.store, "jeugdzorg").ok());
  Outcome user = OutcomeFromEvents("eigen", {{p, D(2017, 1, 1).days()}, {p, D(2017, 6, 1).days()}});
  EXPECT_EQ(user.first_event(p, b.days()), D(2017, 6, 1).days());
  EXPECT_EQ(user.first_event(q, b.days()), kNoDate);
}

// ---- Estimation ----

// The 12-youth competing-risks fixture as a cohort: wmo events are the
// outcome, the other event types become deaths (competing), censorings become
// emigrations (observed through that day). Horizons 31d/92d/184d evaluate at
// days 30/91/183.
struct TwelveYouths {
  StoreBuilder s;
  Cohort cohort;
  Outcome wmo;
  TwelveYouths() {
    const int time[] = {10, 10, 10, 45, 45, 60, 91, 91, 120, 150, 183, 183};
    const int st[] = {1, 2, 0, 1, 0, 3, 1, 2, 0, 1, 0, 0};
    const uint32_t g = cohort.AddGroup({"2017", 2017, "NL01"});
    std::vector<std::pair<uint32_t, int32_t>> events;
    for (int i = 0; i < 12; ++i) {
      // Birthdays on different days of the year: the scale is per subject.
      const Date b = D(2017, 1 + i, i % 2 ? 31 - (i % 3) : 1);
      const Date b_clamped = D(2017, 1 + i, std::min(b.day(), DaysInMonth(2017, 1 + i)));
      const uint32_t p = s.Person(absl::StrCat("Y", i), D(1999, 1 + i, b_clamped.day()));
      cohort.Add(p, b_clamped.days(), g);
      const Date when = b_clamped + time[i];
      if (st[i] == 1) events.emplace_back(p, when.days());
      if (st[i] >= 2) s.Exit(p, when, ExitReason::kOverlijden);
      if (st[i] == 0) s.Exit(p, when, ExitReason::kEmigratie);
    }
    wmo = OutcomeFromEvents("wmo", events);
  }
};

TEST(CohortOutflowTest, TwelveYouthsMatchesAalenJohansen) {
  TwelveYouths t;
  OutflowOptions opt;
  opt.horizons = ParseHorizons("31d,92d,184d").value();
  opt.cutoff = D(2020, 1, 1).days();
  opt.methods = ParseCohortMethods("all").value();
  const std::vector<Outcome> outcomes = {t.wmo};
  auto rows = CohortOutflow(t.s.store, t.cohort, outcomes, opt).value();
  ASSERT_EQ(rows.size(), 9u);
  const char* h[] = {"31d", "92d", "184d"};
  const double est[] = {0.083333333333, 0.281746031746, 0.422839506173};
  const double se[] = {0.07978559231, 0.13951085407, 0.16641908252};
  const double lo[] = {0.012760, 0.106751, 0.195508};
  const double hi[] = {0.544230, 0.743607, 0.914507};
  const int64_t risk[] = {9, 6, 2};
  const double km[] = {0.0833, 0.3210, 0.5473};
  for (int i = 0; i < 3; ++i) {
    const CohortEstimate* aj = Find(rows, "wmo", h[i], CohortMethod::kAalenJohansen);
    ASSERT_NE(aj, nullptr);
    EXPECT_NEAR(aj->estimate, est[i], 1e-10) << h[i];
    EXPECT_NEAR(aj->std_err, se[i], 1e-10) << h[i];
    EXPECT_NEAR(aj->ci_low, lo[i], 1e-6) << h[i];
    EXPECT_NEAR(aj->ci_high, hi[i], 1e-6) << h[i];
    EXPECT_EQ(aj->n_at_risk, risk[i]) << h[i];
    EXPECT_EQ(aj->n_cohort, 12);
    EXPECT_EQ(aj->denominator, Denominator::kAll);
    const CohortEstimate* k = Find(rows, "wmo", h[i], CohortMethod::kKaplanMeier);
    EXPECT_NEAR(k->estimate, km[i], 5e-5) << h[i];
    EXPECT_LE(k->ci_low, k->estimate);
    EXPECT_GE(k->ci_high, k->estimate);
    const CohortEstimate* naive = Find(rows, "wmo", h[i], CohortMethod::kNaive);
    EXPECT_TRUE(std::isnan(naive->estimate)) << h[i];  // censored before the horizon
    EXPECT_THAT(naive->note, testing::HasSubstr("refused"));
  }
  // With death as censoring the AJ estimate is the (biased) 1 - KM.
  opt.death = DeathHandling::kCensor;
  opt.methods = {CohortMethod::kAalenJohansen};
  auto censored = CohortOutflow(t.s.store, t.cohort, outcomes, opt).value();
  EXPECT_NEAR(Find(censored, "wmo", "184d", CohortMethod::kAalenJohansen)->estimate, 0.5473,
              5e-5);
}

TEST(CohortOutflowTest, NaiveShareWithoutCensoringEqualsAalenJohansen) {
  StoreBuilder s;
  Cohort c;
  const uint32_t g = c.AddGroup({"2017", 2017, "NL01"});
  std::vector<std::pair<uint32_t, int32_t>> events;
  // 10 members with birthdays on month ends; events on the last day within 1m
  // and on the first day outside it.
  for (int i = 0; i < 10; ++i) {
    const Date b = D(2017, 1 + i, DaysInMonth(2017, 1 + i));
    const uint32_t p = s.Person(absl::StrCat("P", i), D(1999, 1 + i, b.day()));
    c.Add(p, b.days(), g);
    const Date end1 = AddMonths(b, 1);
    if (i < 3) events.emplace_back(p, (end1 - 1).days());  // within 1m
    if (i >= 3 && i < 5) events.emplace_back(p, end1.days());  // within 3m only
    if (i == 5) {
      s.Exit(p, b + 5, ExitReason::kOverlijden);           // dies, no event
      events.emplace_back(p, (b + 10).days());             // after death: ignored
    }
  }
  OutflowOptions opt;
  opt.horizons = ParseHorizons("1m,3m").value();
  opt.cutoff = D(2018, 12, 31).days();
  opt.methods = ParseCohortMethods("all").value();
  const std::vector<Outcome> outcomes = {OutcomeFromEvents("x", events)};
  auto rows = CohortOutflow(s.store, c, outcomes, opt).value();
  const CohortEstimate* aj1 = Find(rows, "x", "1m", CohortMethod::kAalenJohansen);
  const CohortEstimate* nv1 = Find(rows, "x", "1m", CohortMethod::kNaive);
  EXPECT_EQ(aj1->n_events, 3);
  EXPECT_NEAR(aj1->estimate, 0.3, 1e-15);
  EXPECT_NEAR(nv1->estimate, 0.3, 1e-15);
  EXPECT_NEAR(nv1->std_err, aj1->std_err, 1e-12);
  const CohortEstimate* aj3 = Find(rows, "x", "3m", CohortMethod::kAalenJohansen);
  EXPECT_NEAR(aj3->estimate, 0.5, 1e-15);
  EXPECT_NEAR(Find(rows, "x", "3m", CohortMethod::kNaive)->estimate, 0.5, 1e-15);
  EXPECT_EQ(aj3->n_at_risk, 4);  // 10 - 5 events - 1 death
  // 1 - KM treats the death as censoring and overestimates.
  EXPECT_GT(Find(rows, "x", "3m", CohortMethod::kKaplanMeier)->estimate, 0.5);
}

TEST(CohortOutflowTest, CutoffMakesNaiveRefuseAndCompleteWindowIsAtRisk) {
  StoreBuilder s;
  Cohort c;
  const uint32_t g = c.AddGroup({"2017", 2017, "NL01"});
  const Date b1 = D(2017, 1, 31), b2 = D(2017, 2, 10);
  const uint32_t p1 = s.Person("A", D(1999, 1, 31));
  const uint32_t p2 = s.Person("B", D(1999, 2, 10));
  c.Add(p1, b1.days(), g);
  c.Add(p2, b2.days(), g);
  OutflowOptions opt;
  opt.horizons = ParseHorizons("1m").value();
  opt.methods = {CohortMethod::kNaive, CohortMethod::kAalenJohansen};
  const std::vector<Outcome> outcomes = {OutcomeFromEvents("x", {})};
  // Cut-off on A's last window day (2017-02-27): A is complete, B is not.
  opt.cutoff = D(2017, 2, 27).days();
  auto rows = CohortOutflow(s.store, c, outcomes, opt).value();
  EXPECT_TRUE(std::isnan(Find(rows, "x", "1m", CohortMethod::kNaive)->estimate));
  EXPECT_EQ(Find(rows, "x", "1m", CohortMethod::kAalenJohansen)->n_at_risk, 1);
  // Cut-off on B's last window day (2017-03-09): both complete.
  opt.cutoff = D(2017, 3, 9).days();
  rows = CohortOutflow(s.store, c, outcomes, opt).value();
  EXPECT_EQ(Find(rows, "x", "1m", CohortMethod::kNaive)->estimate, 0.0);
  EXPECT_EQ(Find(rows, "x", "1m", CohortMethod::kAalenJohansen)->n_at_risk, 2);
  opt.cutoff = kNoDate;
  EXPECT_FALSE(CohortOutflow(s.store, c, outcomes, opt).ok());
  // A member entering after the cut-off is left out, and the note says so.
  opt.cutoff = D(2017, 2, 5).days();
  rows = CohortOutflow(s.store, c, outcomes, opt).value();
  const CohortEstimate* aj = Find(rows, "x", "1m", CohortMethod::kAalenJohansen);
  EXPECT_EQ(aj->n_cohort, 1);
  EXPECT_THAT(aj->note, testing::HasSubstr("1 member(s) left out"));
}

TEST(CohortOutflowTest, DenominatorWithoutVerlengdeJeugdhulp) {
  StoreBuilder s;
  const std::vector<int> years = {2017};
  for (int i = 0; i < 4; ++i) {
    const uint32_t p = s.Person(absl::StrCat("P", i), D(1999, 6, 1));
    // Half continue their jeugdhulp past the 18th birthday.
    s.Jeugdhulp(p, D(2017, 1, 1), i < 2 ? std::nullopt : std::optional<Date>(D(2017, 5, 1)));
    if (i == 0 || i == 2) s.Vervolg(p, VervolgzorgKind::kZvwGgz, D(2017, 6, 15));
  }
  Cohort c = EighteenthBirthdayCohort(s.store, years);
  ASSERT_EQ(c.size(), 4u);
  OutflowOptions opt;
  opt.horizons = ParseHorizons("1m").value();
  opt.cutoff = D(2018, 12, 31).days();
  auto outcomes = BuiltinOutcomes(s.store);
  auto all = CohortOutflow(s.store, c, outcomes, opt).value();
  EXPECT_EQ(all.size(), 5u);
  EXPECT_NEAR(Find(all, "verlengde_jeugdhulp", "1m", CohortMethod::kAalenJohansen)->estimate, 0.5,
              1e-15);
  EXPECT_NEAR(Find(all, "zvw_ggz", "1m", CohortMethod::kAalenJohansen)->estimate, 0.5, 1e-15);
  opt.denominator = Denominator::kZonderVerlengde;
  auto without = CohortOutflow(s.store, c, outcomes, opt).value();
  const CohortEstimate* ggz = Find(without, "zvw_ggz", "1m", CohortMethod::kAalenJohansen);
  EXPECT_EQ(ggz->n_cohort, 2);
  EXPECT_EQ(ggz->denominator, Denominator::kZonderVerlengde);
  EXPECT_NEAR(ggz->estimate, 0.5, 1e-15);
  EXPECT_EQ(Find(without, "verlengde_jeugdhulp", "1m", CohortMethod::kAalenJohansen)->estimate,
            0.0);
}

TEST(CohortOutflowTest, DatasetRoundTrip) {
  TwelveYouths t;
  OutflowOptions opt;
  opt.horizons = ParseHorizons("1m,6m").value();
  opt.cutoff = D(2020, 1, 1).days();
  opt.methods = {CohortMethod::kNaive};
  const std::vector<Outcome> outcomes = {t.wmo};
  auto rows = CohortOutflow(t.s.store, t.cohort, outcomes, opt).value();
  Dataset ds = CohortEstimatesToDataset(t.cohort, rows).value();
  std::ostringstream csv;
  WriteDatasetCsv(ds, csv);
  Dataset back = ParseDatasetCsv(csv.str(), "cohort.csv").value();
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back.indicator(0), "vervolgzorg_pct");
  EXPECT_EQ(back.period(0), Period::Year(2017));
  EXPECT_EQ(back.region(0), "NL01");
  EXPECT_THAT(back.dimension_names(), testing::ElementsAre("outcome", "horizon"));
  EXPECT_EQ(back.status(1), ValueStatus::kUnknown);  // refused naive share at 6m
}

// The integer month codes give exactly what the estimator gives on the
// continuous per-subject month scale: events at MonthsSince(b, day), a member
// observed through day y censored just before MonthsSince(b, y + 1),
// evaluated just before N months.
TEST(CohortOutflowTest, MonthCodesEqualContinuousMonthScale) {
  std::mt19937 rng(5);
  StoreBuilder s;
  Cohort c;
  const uint32_t g = c.AddGroup({"2016", 2016, "NL01"});
  std::vector<std::pair<uint32_t, int32_t>> events;
  std::vector<double> time;
  std::vector<int32_t> status;
  const int32_t cutoff = D(2016, 9, 30).days();
  for (int i = 0; i < 400; ++i) {
    // Birthdays clustered on month ends and 29 February, events on the days
    // around the month boundaries.
    const int month = 1 + static_cast<int>(rng() % 8);
    const int day = std::max(1, DaysInMonth(2016, month) - static_cast<int>(rng() % 4));
    const Date b = D(2016, month, day);
    const uint32_t p = s.Person(absl::StrCat("M", i), D(1998, month, std::min(day, 28)));
    c.Add(p, b.days(), g);
    const int kind = static_cast<int>(rng() % 4);
    const Date when = AddMonths(b, static_cast<int>(rng() % 4)) + (static_cast<int>(rng() % 5) - 2);
    if (kind <= 1 && when >= b && when.days() <= cutoff) {
      events.emplace_back(p, when.days());
      time.push_back(MonthsSince(b, when));
      status.push_back(1);
    } else if (kind == 2 && when >= b && when.days() <= cutoff) {
      s.Exit(p, when, ExitReason::kOverlijden);
      time.push_back(MonthsSince(b, when));
      status.push_back(2);
    } else {
      time.push_back(std::nextafter(MonthsSince(b, Date::FromDays(cutoff + 1)), -1.0));
      status.push_back(0);
    }
  }
  OutflowOptions opt;
  opt.horizons = ParseHorizons("1m,2m,3m").value();
  opt.cutoff = cutoff;
  const std::vector<Outcome> outcomes = {OutcomeFromEvents("x", events)};
  auto rows = CohortOutflow(s.store, c, outcomes, opt).value();
  auto fit = CompetingRisksFit::Fit(time, status).value();
  for (int n = 1; n <= 3; ++n) {
    const std::vector<double> at = {std::nextafter(static_cast<double>(n), 0.0)};
    const SurvivalPoint want = fit.CumulativeIncidence(1, at)[0];
    const CohortEstimate* got =
        Find(rows, "x", absl::StrCat(n, "m"), CohortMethod::kAalenJohansen);
    ASSERT_NE(got, nullptr);
    EXPECT_GT(got->estimate, 0.05);
    EXPECT_NEAR(got->estimate, want.estimate, 1e-14) << n;
    EXPECT_NEAR(got->std_err, want.std_err, 1e-14) << n;
    EXPECT_EQ(got->n_events, want.n_events) << n;
  }
}

// On generated national-like data (1/45 of national scale): the cohort turning
// 18 in 2017 is about 19 455 / 45 youths, about half continue jeugdhulp, and
// Zvw-GGZ within 6 months is about a quarter. Orders of magnitude only.
TEST(CohortOutflowTest, GeneratedDataOrderOfMagnitude) {
  GenerateOptions g;
  g.seed = 7;
  g.persons = 10000;
  g.from_year = 2016;
  g.to_year = 2018;
  std::ostringstream jh, vz, ps;
  GenerateStreams streams;
  streams.jeugdhulp = &jh;
  streams.vervolgzorg = &vz;
  streams.persons = &ps;
  ASSERT_TRUE(GenerateRecords(g, streams).ok());
  RecordStore store;
  ASSERT_TRUE(ParsePersonsCsv(ps.str(), "persons.csv", &store, {}, nullptr).ok());
  ASSERT_TRUE(ParseJeugdhulpCsv(jh.str(), "jeugdhulp.csv", &store, {}, nullptr).ok());
  ASSERT_TRUE(ParseVervolgzorgCsv(vz.str(), "vervolgzorg.csv", &store, {}, nullptr).ok());
  const std::vector<int> years = {2017};
  EighteenCohortOptions copt;
  copt.cutoff = D(2018, 12, 31).days();
  Cohort c = EighteenthBirthdayCohort(store, years, copt);
  EXPECT_GT(c.size(), 19455u / 45 / 2);
  EXPECT_LT(c.size(), 19455u / 45 * 2);
  OutflowOptions opt;
  opt.cutoff = *copt.cutoff;
  auto rows = CohortOutflow(store, c, BuiltinOutcomes(store), opt).value();
  const double verlengde =
      Find(rows, "verlengde_jeugdhulp", "6m", CohortMethod::kAalenJohansen)->estimate;
  EXPECT_GT(verlengde, 0.35);
  EXPECT_LT(verlengde, 0.75);
  const double ggz = Find(rows, "zvw_ggz", "6m", CohortMethod::kAalenJohansen)->estimate;
  EXPECT_GT(ggz, 0.1);
  EXPECT_LT(ggz, 0.45);
}

TEST(StateDistributionTest, SharesAndPercentagePoints) {
  const std::vector<std::string> group = {"cohort", "cohort", "cohort", "cohort",
                                          "ref",    "ref",    "ref",    "ref", "ref"};
  const std::vector<std::string> cat = {"thuis", "thuis", "zelfstandig", "instelling",
                                        "thuis", "thuis", "thuis", "thuis", "zelfstandig"};
  auto s = StateDistribution(group, cat, "ref").value();
  ASSERT_EQ(s.size(), 6u);
  EXPECT_EQ(s[0].group, "cohort");
  EXPECT_EQ(s[0].category, "thuis");
  EXPECT_DOUBLE_EQ(s[0].share_pct, 50.0);
  EXPECT_DOUBLE_EQ(s[0].pp_diff, 50.0 - 80.0);
  EXPECT_EQ(s[5].group, "ref");
  EXPECT_EQ(s[5].category, "instelling");
  EXPECT_EQ(s[5].count, 0);
  EXPECT_DOUBLE_EQ(s[5].pp_diff, 0.0);
  EXPECT_DOUBLE_EQ(s[2].pp_diff, 25.0);  // cohort instelling 25% vs 0%
  EXPECT_FALSE(StateDistribution(group, cat, "nobody").ok());
  const std::vector<std::string> short_cat = {"x"};
  EXPECT_FALSE(StateDistribution(group, short_cat, "ref").ok());
}

}  // namespace
}  // namespace zvdj
