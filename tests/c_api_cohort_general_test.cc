// C API: general cohorts, user-defined outcomes (zvdj_cohort_*,
// zvdj_cohort_outflow) and state distributions (zvdj_state_distribution):
// hand-worked estimates, agreement with the C++ API and with
// zvdj_cohort_estimate, ownership, NULL handles and error messages.
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "c_api_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/cohort.hpp"
#include "zvdj/zvdj.h"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using namespace zvdj_test;

const std::string kCohortDir = Source("tests/data/cohort/");

int32_t Day(const char* iso) {
  int32_t d = 0;
  EXPECT_EQ(zvdj_date_parse(&d, iso), ZVDJ_OK);
  return d;
}

// The records of tests/data/cohort: eight youths around their 18th birthday.
struct Fixture {
  zvdj_records* rec = nullptr;
  Fixture() {
    EXPECT_EQ(zvdj_records_create(&rec), ZVDJ_OK);
    EXPECT_EQ(zvdj_records_load_files(nullptr, rec, (kCohortDir + "jeugdhulp.csv").c_str(),
                                      nullptr, nullptr, (kCohortDir + "vervolgzorg.csv").c_str(),
                                      (kCohortDir + "persons.csv").c_str(), nullptr),
              ZVDJ_OK)
        << LastError();
  }
  ~Fixture() { zvdj_records_destroy(rec); }
};

struct CohortPtr {
  zvdj_cohort* p = nullptr;
  ~CohortPtr() { zvdj_cohort_destroy(p); }
};
struct ResultPtr {
  zvdj_cohort_result* p = nullptr;
  ~ResultPtr() { zvdj_cohort_result_destroy(p); }
};

std::vector<double> ResultNumbers(const zvdj_cohort_result* r, const char* column) {
  size_t n = 0;
  EXPECT_EQ(zvdj_cohort_result_get_numbers(nullptr, nullptr, 0, &n, r, column), ZVDJ_OK);
  std::vector<double> v(n);
  EXPECT_EQ(zvdj_cohort_result_get_numbers(v.data(), nullptr, n, &n, r, column), ZVDJ_OK);
  return v;
}
std::string ResultCell(const zvdj_cohort_result* r, size_t row, const char* column) {
  return GetString([&](char* b, size_t c, size_t* w) {
    return zvdj_cohort_result_get_string(b, c, w, r, row, column);
  });
}

// Trajectories that ended early in 2017, followed from their end date.
void DefineEnded(zvdj_cohort* c) {
  size_t g = 99;
  ASSERT_EQ(zvdj_cohort_add_group(&g, c, "ended 2017", 2017, nullptr), ZVDJ_OK) << LastError();
  EXPECT_EQ(g, 0u);
  const char* ids[] = {"P2", "P6", "P7"};
  const int32_t entry[] = {Day("2017-01-01"), Day("2017-02-01"), Day("2017-01-31")};
  const size_t groups[] = {0, 0, 0};
  ASSERT_EQ(zvdj_cohort_add_members(c, 3, ids, entry, groups), ZVDJ_OK) << LastError();
}

TEST(CApiCohortGeneral, UserOutcomeHandWorkedAndSameAsCpp) {
  Fixture f;
  CohortPtr c;
  ASSERT_EQ(zvdj_cohort_create(&c.p), ZVDJ_OK);
  DefineEnded(c.p);
  // New care: P2 45 days after entry (within 3m, not 30d); P7 on 2017-05-02,
  // after AddMonths(2017-01-31, 3) = 2017-04-30; P6 none; P9 is no member.
  const char* ev_ids[] = {"P2", "P7", "P9"};
  const int32_t ev_days[] = {Day("2017-02-15"), Day("2017-05-02"), Day("2017-03-01")};
  ASSERT_EQ(zvdj_cohort_add_event_outcome(c.p, "new_care", 3, ev_ids, ev_days), ZVDJ_OK)
      << LastError();
  ASSERT_EQ(zvdj_cohort_add_builtin_outcome(c.p, "wmo"), ZVDJ_OK);
  size_t members = 0, groups = 0, outcomes = 0;
  ASSERT_EQ(zvdj_cohort_info(&members, &groups, &outcomes, c.p), ZVDJ_OK);
  EXPECT_EQ(members, 3u);
  EXPECT_EQ(groups, 1u);
  EXPECT_EQ(outcomes, 2u);

  zvdj_outflow_options opts;
  ASSERT_EQ(zvdj_outflow_options_init(&opts, ZVDJ_OUTFLOW_OPTIONS_VERSION), ZVDJ_OK);
  EXPECT_EQ(opts.ci, ZVDJ_CI_LOG);
  EXPECT_EQ(opts.ci_level, 0.95);
  opts.horizons = "30d,3m";
  opts.cutoff = "2018-12-31";
  ResultPtr r;
  ASSERT_EQ(zvdj_cohort_outflow(&r.p, f.rec, c.p, &opts), ZVDJ_OK) << LastError();
  size_t n = 0;
  ASSERT_EQ(zvdj_cohort_result_rows(&n, r.p), ZVDJ_OK);
  ASSERT_EQ(n, 4u);  // 2 outcomes x 2 horizons
  const std::vector<double> est = ResultNumbers(r.p, "estimate");
  const std::vector<double> events = ResultNumbers(r.p, "n_events");
  EXPECT_EQ(ResultCell(r.p, 0, "group"), "ended 2017");
  EXPECT_EQ(ResultCell(r.p, 0, "region"), "NL01");
  EXPECT_EQ(ResultCell(r.p, 0, "year"), "2017");
  EXPECT_EQ(ResultCell(r.p, 0, "outcome"), "new_care");
  EXPECT_EQ(ResultCell(r.p, 0, "horizon"), "30d");
  EXPECT_EQ(est[0], 0.0);
  EXPECT_EQ(ResultCell(r.p, 1, "horizon"), "3m");
  EXPECT_NEAR(est[1], 1.0 / 3.0, 1e-15);
  EXPECT_EQ(events[1], 1.0);
  // wmo: P2's Wmo starts 2017-02-28, 58 days after entry.
  EXPECT_EQ(ResultCell(r.p, 2, "outcome"), "wmo");
  EXPECT_EQ(est[2], 0.0);
  EXPECT_NEAR(est[3], 1.0 / 3.0, 1e-15);
  EXPECT_THAT(ResultNumbers(r.p, "n_cohort"), ElementsAre(3, 3, 3, 3));
  EXPECT_THAT(GetString([&](char* b, size_t cap, size_t* w) {
                return zvdj_cohort_result_to_csv(b, cap, w, r.p);
              }),
              StartsWith("group,year,region,outcome,horizon,n_cohort,n_at_risk,n_events,"
                         "estimate,std_err,ci_low,ci_high,method,denominator,note\n"
                         "ended 2017,2017,NL01,new_care,30d,3,"));

  // The same through the C++ API.
  const zvdj::RecordStore& s = f.rec->impl;
  zvdj::Cohort cohort;
  const uint32_t g = cohort.AddGroup({.label = "ended 2017", .year = 2017});
  cohort.Add(*s.persons.ids.Find("P2"), Day("2017-01-01"), g);
  cohort.Add(*s.persons.ids.Find("P6"), Day("2017-02-01"), g);
  cohort.Add(*s.persons.ids.Find("P7"), Day("2017-01-31"), g);
  std::vector<zvdj::Outcome> outs;
  outs.push_back(zvdj::OutcomeFromEvents(
      "new_care", {{*s.persons.ids.Find("P2"), Day("2017-02-15")},
                   {*s.persons.ids.Find("P7"), Day("2017-05-02")}}));
  outs.push_back(zvdj::BuiltinOutcome(s, "wmo").value());
  zvdj::OutflowOptions oo;
  oo.horizons = zvdj::ParseHorizons("30d,3m").value();
  oo.cutoff = Day("2018-12-31");
  auto cpp = zvdj::CohortOutflow(s, cohort, outs, oo).value();
  ASSERT_EQ(cpp.size(), n);
  const std::vector<double> se = ResultNumbers(r.p, "std_err");
  for (size_t i = 0; i < n; ++i) {
    EXPECT_EQ(est[i], cpp[i].estimate) << i;
    EXPECT_EQ(se[i], cpp[i].std_err) << i;
  }

  // The result converts to a dataset like any cohort result.
  zvdj_dataset* ds = nullptr;
  ASSERT_EQ(zvdj_cohort_result_to_dataset(&ds, r.p), ZVDJ_OK) << LastError();
  size_t rows = 0;
  ASSERT_EQ(zvdj_dataset_size(&rows, ds), ZVDJ_OK);
  EXPECT_EQ(rows, n);
  zvdj_dataset_destroy(ds);
}

TEST(CApiCohortGeneral, EighteenthBirthdayCohortEqualsCohortEstimate) {
  Fixture f;
  zvdj_cohort_options copts;
  ASSERT_EQ(zvdj_cohort_options_init(&copts, ZVDJ_COHORT_OPTIONS_VERSION), ZVDJ_OK);
  copts.year_of_18 = 2017;
  copts.cutoff = "2018-12-31";
  ResultPtr want;
  ASSERT_EQ(zvdj_cohort_estimate(&want.p, f.rec, &copts), ZVDJ_OK) << LastError();

  CohortPtr c;
  ASSERT_EQ(zvdj_cohort_eighteenth_birthday(&c.p, f.rec, &copts), ZVDJ_OK) << LastError();
  size_t members = 0, outcomes = 9;
  ASSERT_EQ(zvdj_cohort_info(&members, nullptr, &outcomes, c.p), ZVDJ_OK);
  EXPECT_EQ(members, 5u);
  EXPECT_EQ(outcomes, 0u);  // none added: all five built-in outcomes
  zvdj_outflow_options opts;
  ASSERT_EQ(zvdj_outflow_options_init(&opts, ZVDJ_OUTFLOW_OPTIONS_VERSION), ZVDJ_OK);
  opts.cutoff = "2018-12-31";
  ResultPtr got;
  ASSERT_EQ(zvdj_cohort_outflow(&got.p, f.rec, c.p, &opts), ZVDJ_OK) << LastError();
  size_t n1 = 0, n2 = 0;
  ASSERT_EQ(zvdj_cohort_result_rows(&n1, want.p), ZVDJ_OK);
  ASSERT_EQ(zvdj_cohort_result_rows(&n2, got.p), ZVDJ_OK);
  ASSERT_EQ(n1, 15u);
  ASSERT_EQ(n2, n1);
  for (const char* col : {"estimate", "std_err", "ci_low", "ci_high", "n_cohort", "n_at_risk",
                          "n_events"}) {
    const std::vector<double> a = ResultNumbers(want.p, col);
    const std::vector<double> b = ResultNumbers(got.p, col);
    for (size_t i = 0; i < n1; ++i) {
      if (std::isnan(a[i])) {
        EXPECT_TRUE(std::isnan(b[i])) << col << i;
      } else {
        EXPECT_EQ(a[i], b[i]) << col << " " << i;
      }
    }
  }
  for (size_t i = 0; i < n1; ++i) {
    EXPECT_EQ(ResultCell(want.p, i, "outcome"), ResultCell(got.p, i, "outcome"));
    EXPECT_EQ(ResultCell(got.p, i, "group"), "2017");
  }
  // Options of the 18th-birthday cohort are checked.
  zvdj_cohort* bad = nullptr;
  copts.year_of_18 = 0;
  EXPECT_EQ(zvdj_cohort_eighteenth_birthday(&bad, f.rec, &copts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "year_of_18 0..0 is not a range of years");
  copts.year_of_18 = 2017;
  copts.window_months = 0;
  EXPECT_EQ(zvdj_cohort_eighteenth_birthday(&bad, f.rec, &copts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "window_months must lie in 1..120");
  copts.window_months = 3;
  copts.cutoff = "2018-13-01";
  EXPECT_EQ(zvdj_cohort_eighteenth_birthday(&bad, f.rec, &copts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("cutoff: "));
  copts.version = 0;
  EXPECT_EQ(zvdj_cohort_eighteenth_birthday(&bad, f.rec, &copts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(bad, nullptr);
}

TEST(CApiCohortGeneral, DefinitionErrorsChangeNothing) {
  CohortPtr c;
  ASSERT_EQ(zvdj_cohort_create(&c.p), ZVDJ_OK);
  size_t g0 = 9, g1 = 9, again = 9;
  ASSERT_EQ(zvdj_cohort_add_group(&g0, c.p, "a", 2018, "GM0363"), ZVDJ_OK);
  ASSERT_EQ(zvdj_cohort_add_group(&g1, c.p, "b", 2019, ""), ZVDJ_OK);
  ASSERT_EQ(zvdj_cohort_add_group(&again, c.p, "a", 1999, "NL01"), ZVDJ_OK);
  EXPECT_EQ(g0, 0u);
  EXPECT_EQ(g1, 1u);
  EXPECT_EQ(again, 0u);
  EXPECT_EQ(zvdj_cohort_add_group(nullptr, c.p, "c", 2019, nullptr), ZVDJ_OK);
  EXPECT_EQ(zvdj_cohort_add_group(nullptr, c.p, "", 2019, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "group label is empty");

  const char* ids[] = {"P1", "P2"};
  const int32_t entry[] = {Day("2018-01-01"), Day("2018-02-01")};
  const size_t bad_group[] = {0, 5};
  EXPECT_EQ(zvdj_cohort_add_members(c.p, 2, ids, entry, bad_group), ZVDJ_OUT_OF_RANGE);
  EXPECT_EQ(LastError(), "row 1: group 5 does not exist (3 groups)");
  const char* empty_id[] = {"P1", ""};
  const size_t ok_group[] = {0, 1};
  EXPECT_EQ(zvdj_cohort_add_members(c.p, 2, empty_id, entry, ok_group), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "row 1: person id is empty");
  const int32_t no_date[] = {Day("2018-01-01"), zvdj::kNoDate};
  EXPECT_EQ(zvdj_cohort_add_members(c.p, 2, ids, no_date, ok_group), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "row 1: entry day is not a date");
  EXPECT_EQ(zvdj_cohort_add_members(c.p, 2, ids, nullptr, ok_group), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "argument 'entry_days' must not be NULL");
  EXPECT_EQ(zvdj_cohort_add_members(c.p, 0, nullptr, nullptr, nullptr), ZVDJ_OK);
  size_t members = 9;
  ASSERT_EQ(zvdj_cohort_info(&members, nullptr, nullptr, c.p), ZVDJ_OK);
  EXPECT_EQ(members, 0u);  // all or nothing

  EXPECT_EQ(zvdj_cohort_add_builtin_outcome(c.p, "ggz"), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "unknown outcome 'ggz' (expected one of verlengde_jeugdhulp, zvw_ggz, "
                         "wmo, wlz, vervolgzorg_any)");
  ASSERT_EQ(zvdj_cohort_add_builtin_outcome(c.p, "zvw_ggz"), ZVDJ_OK);
  EXPECT_EQ(zvdj_cohort_add_builtin_outcome(c.p, "zvw_ggz"), ZVDJ_ALREADY_EXISTS);
  EXPECT_EQ(LastError(), "outcome 'zvw_ggz' is already defined");
  EXPECT_EQ(zvdj_cohort_add_event_outcome(c.p, "zvw_ggz", 0, nullptr, nullptr),
            ZVDJ_ALREADY_EXISTS);
  EXPECT_EQ(zvdj_cohort_add_event_outcome(c.p, "", 0, nullptr, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "outcome name is empty");
  const char* ev_ids[] = {""};
  const int32_t ev_days[] = {0};
  EXPECT_EQ(zvdj_cohort_add_event_outcome(c.p, "x", 1, ev_ids, ev_days), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "event 0: person id is empty");
  EXPECT_EQ(zvdj_cohort_add_event_outcome(c.p, "x", 1, nullptr, ev_days), ZVDJ_INVALID_ARGUMENT);
  size_t outcomes = 9;
  ASSERT_EQ(zvdj_cohort_info(nullptr, nullptr, &outcomes, c.p), ZVDJ_OK);
  EXPECT_EQ(outcomes, 1u);
}

TEST(CApiCohortGeneral, OutflowErrors) {
  Fixture f;
  CohortPtr c;
  ASSERT_EQ(zvdj_cohort_create(&c.p), ZVDJ_OK);
  ASSERT_EQ(zvdj_cohort_add_group(nullptr, c.p, "g", 2017, nullptr), ZVDJ_OK);
  const char* ids[] = {"P1", "NOBODY"};
  const int32_t entry[] = {Day("2017-03-15"), Day("2017-03-15")};
  const size_t groups[] = {0, 0};
  ASSERT_EQ(zvdj_cohort_add_members(c.p, 2, ids, entry, groups), ZVDJ_OK);
  zvdj_cohort_result* r = nullptr;
  EXPECT_EQ(zvdj_cohort_outflow(&r, f.rec, c.p, nullptr), ZVDJ_NOT_FOUND);
  EXPECT_EQ(LastError(), "member 1: person 'NOBODY' is not in the records");

  CohortPtr ok;
  ASSERT_EQ(zvdj_cohort_create(&ok.p), ZVDJ_OK);
  ASSERT_EQ(zvdj_cohort_add_group(nullptr, ok.p, "g", 2017, nullptr), ZVDJ_OK);
  ASSERT_EQ(zvdj_cohort_add_members(ok.p, 1, ids, entry, groups), ZVDJ_OK);
  // NULL options: defaults, cut-off = the latest date in the records.
  ASSERT_EQ(zvdj_cohort_outflow(&r, f.rec, ok.p, nullptr), ZVDJ_OK) << LastError();
  zvdj_cohort_result_destroy(r);
  r = nullptr;
  zvdj_outflow_options opts;
  ASSERT_EQ(zvdj_outflow_options_init(&opts, 1), ZVDJ_OK);
  opts.horizons = "1y";
  EXPECT_EQ(zvdj_cohort_outflow(&r, f.rec, ok.p, &opts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("1y"));
  opts.horizons = nullptr;
  opts.methods = "magic";
  EXPECT_EQ(zvdj_cohort_outflow(&r, f.rec, ok.p, &opts), ZVDJ_INVALID_ARGUMENT);
  opts.methods = "aj,km,naive";
  opts.ci = 5;
  EXPECT_EQ(zvdj_cohort_outflow(&r, f.rec, ok.p, &opts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("unknown ci transform 5"));
  opts.ci = ZVDJ_CI_LOG_LOG;
  opts.denominator = 7;
  EXPECT_EQ(zvdj_cohort_outflow(&r, f.rec, ok.p, &opts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "unknown denominator 7");
  opts.denominator = ZVDJ_DENOMINATOR_ZONDER_VERLENGDE;
  opts.cutoff = "31-12-2018";
  EXPECT_EQ(zvdj_cohort_outflow(&r, f.rec, ok.p, &opts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("cutoff: "));
  opts.cutoff = "2018-12-31";
  opts.death_as_censoring = 1;
  ASSERT_EQ(zvdj_cohort_outflow(&r, f.rec, ok.p, &opts), ZVDJ_OK) << LastError();
  size_t n = 0;
  ASSERT_EQ(zvdj_cohort_result_rows(&n, r), ZVDJ_OK);
  EXPECT_EQ(n, 5u * 3u * 3u);  // outcomes x horizons x methods
  EXPECT_EQ(ResultCell(r, 0, "denominator"), "zonder_verlengde");
  zvdj_cohort_result_destroy(r);
  r = nullptr;
  opts.version = 2;
  EXPECT_EQ(zvdj_cohort_outflow(&r, f.rec, ok.p, &opts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "zvdj_outflow_options version 2 is not supported");
  EXPECT_EQ(zvdj_outflow_options_init(&opts, 0), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(r, nullptr);

  // An empty store has no dates for a default cut-off.
  zvdj_records* empty = nullptr;
  ASSERT_EQ(zvdj_records_create(&empty), ZVDJ_OK);
  CohortPtr none;
  ASSERT_EQ(zvdj_cohort_create(&none.p), ZVDJ_OK);
  EXPECT_EQ(zvdj_cohort_outflow(&r, empty, none.p, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "no dates in the records; set cutoff");
  zvdj_records_destroy(empty);
}

TEST(CApiCohortGeneral, NullHandles) {
  zvdj_cohort_destroy(nullptr);
  Fixture f;
  CohortPtr c;
  ASSERT_EQ(zvdj_cohort_create(&c.p), ZVDJ_OK);
  zvdj_cohort* out = nullptr;
  zvdj_cohort_result* r = nullptr;
  zvdj_cohort_options copts;
  ASSERT_EQ(zvdj_cohort_options_init(&copts, 1), ZVDJ_OK);
  copts.year_of_18 = 2017;
  const char* ids[] = {"P1"};
  const int32_t days[] = {0};
  const size_t groups[] = {0};
  EXPECT_EQ(zvdj_cohort_create(nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_cohort_eighteenth_birthday(&out, nullptr, &copts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "argument 'records' must not be NULL");
  EXPECT_EQ(zvdj_cohort_eighteenth_birthday(&out, f.rec, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_cohort_add_group(nullptr, nullptr, "g", 1, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "argument 'cohort' must not be NULL");
  EXPECT_EQ(zvdj_cohort_add_group(nullptr, c.p, nullptr, 1, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_cohort_add_members(nullptr, 1, ids, days, groups), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_cohort_add_builtin_outcome(nullptr, "wmo"), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_cohort_add_builtin_outcome(c.p, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_cohort_add_event_outcome(nullptr, "x", 1, ids, days), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_cohort_info(nullptr, nullptr, nullptr, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_outflow_options_init(nullptr, 1), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_cohort_outflow(&r, nullptr, c.p, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_cohort_outflow(&r, f.rec, nullptr, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "argument 'def' must not be NULL");
  EXPECT_EQ(zvdj_cohort_outflow(nullptr, f.rec, c.p, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(out, nullptr);
  EXPECT_EQ(r, nullptr);
}

// ---- State distribution ----

TEST(CApiStateDistribution, SharesAndDifferencesSameAsCpp) {
  const std::vector<std::string> g = {"cohort", "cohort", "cohort", "ref", "ref"};
  const std::vector<std::string> cat = {"thuis", "pleegzorg", "thuis", "thuis", "zelfstandig"};
  const char* gp[] = {"cohort", "cohort", "cohort", "ref", "ref"};
  const char* cp[] = {"thuis", "pleegzorg", "thuis", "thuis", "zelfstandig"};
  TablePtr t;
  ASSERT_EQ(zvdj_state_distribution(&t.p, 5, gp, cp, "ref"), ZVDJ_OK) << LastError();
  EXPECT_THAT(ColumnNames(t.p),
              ElementsAre("group", "category", "count", "group_total", "share_pct", "pp_diff"));
  const auto want = zvdj::StateDistribution(g, cat, "ref").value();
  ASSERT_EQ(Rows(t.p), want.size());
  ASSERT_EQ(want.size(), 6u);
  const std::vector<double> count = Numbers(t.p, "count");
  const std::vector<double> share = Numbers(t.p, "share_pct");
  const std::vector<double> pp = Numbers(t.p, "pp_diff");
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(Cell(t.p, i, "group"), want[i].group);
    EXPECT_EQ(Cell(t.p, i, "category"), want[i].category);
    EXPECT_EQ(count[i], static_cast<double>(want[i].count));
    EXPECT_EQ(share[i], want[i].share_pct);
    EXPECT_EQ(pp[i], want[i].pp_diff);
  }
  // Hand-worked: cohort thuis 2 of 3 = 66,7% against 1 of 2 = 50% in ref.
  EXPECT_EQ(Cell(t.p, 0, "group"), "cohort");
  EXPECT_EQ(Cell(t.p, 0, "category"), "thuis");
  EXPECT_NEAR(share[0], 200.0 / 3.0, 1e-12);
  EXPECT_NEAR(pp[0], 200.0 / 3.0 - 50.0, 1e-12);
}

TEST(CApiStateDistribution, Errors) {
  const char* gp[] = {"a", "b"};
  const char* cp[] = {"x", nullptr};
  zvdj_table* t = nullptr;
  EXPECT_EQ(zvdj_state_distribution(&t, 2, gp, cp, "a"), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "row 1: group and category must not be NULL");
  const char* cp2[] = {"x", "y"};
  EXPECT_EQ(zvdj_state_distribution(&t, 2, gp, cp2, "z"), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "reference group 'z' has no members");
  EXPECT_EQ(zvdj_state_distribution(&t, 2, nullptr, cp2, "a"), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_state_distribution(&t, 2, gp, cp2, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_state_distribution(nullptr, 2, gp, cp2, "a"), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(t, nullptr);
}

}  // namespace
