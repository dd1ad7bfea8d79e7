// C API: survival fits on plain arrays (zvdj_survival_*) and the general table
// result (zvdj_table_*): R-checked values, agreement with the C++ API,
// ownership, NULL handles, buffers and error messages.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "c_api_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/survival.hpp"
#include "zvdj/zvdj.h"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using namespace zvdj_test;

// 12 youths (0 censored, 1 wmo, 2 ggz, 3 wlz); expected values from R survival
// 3.5, survfit(Surv(time, factor(st, 0:3)) ~ 1), summary(times = c(30, 91, 183)).
const std::vector<double> kTime = {10, 10, 10, 45, 45, 60, 91, 91, 120, 150, 183, 183};
const std::vector<int32_t> kStatus = {1, 2, 0, 1, 0, 3, 1, 2, 0, 1, 0, 0};
const std::vector<double> kAt = {30, 91, 183};

struct FitPtr {
  zvdj_survival_fit* p = nullptr;
  ~FitPtr() { zvdj_survival_fit_destroy(p); }
};

TEST(CApiSurvival, CumulativeIncidenceMatchesR) {
  FitPtr fit;
  ASSERT_EQ(zvdj_survival_fit_create(&fit.p, kTime.size(), kTime.data(), kStatus.data()),
            ZVDJ_OK)
      << LastError();
  int32_t types = 0;
  int64_t subjects = 0;
  size_t distinct = 0;
  ASSERT_EQ(zvdj_survival_fit_info(&types, &subjects, &distinct, fit.p), ZVDJ_OK);
  EXPECT_EQ(types, 3);
  EXPECT_EQ(subjects, 12);
  EXPECT_EQ(distinct, 7u);
  EXPECT_EQ(zvdj_survival_fit_info(nullptr, nullptr, nullptr, fit.p), ZVDJ_OK);

  TablePtr t;
  ASSERT_EQ(zvdj_survival_evaluate(&t.p, fit.p, ZVDJ_SURVIVAL_CUMULATIVE_INCIDENCE, 1,
                                   kAt.size(), kAt.data(), nullptr),
            ZVDJ_OK)
      << LastError();
  ASSERT_EQ(Rows(t.p), 3u);
  EXPECT_THAT(ColumnNames(t.p), ElementsAre("time", "estimate", "std_err", "ci_low", "ci_high",
                                            "n_at_risk", "n_events", "n_censored_before"));
  const std::vector<double> est = Numbers(t.p, "estimate");
  const std::vector<double> se = Numbers(t.p, "std_err");
  const std::vector<double> lo = Numbers(t.p, "ci_low");
  const std::vector<double> hi = Numbers(t.p, "ci_high");
  const double r_est[] = {0.08333333333, 0.28174603175, 0.42283950617};
  const double r_se[] = {0.07978559231, 0.13951085407, 0.16641908252};
  const double r_lo[] = {0.012760, 0.106751, 0.195508};
  const double r_hi[] = {0.544230, 0.743607, 0.914507};
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(est[i], r_est[i], 1e-10) << i;
    EXPECT_NEAR(se[i], r_se[i], 1e-10) << i;
    EXPECT_NEAR(lo[i], r_lo[i], 1e-6) << i;
    EXPECT_NEAR(hi[i], r_hi[i], 1e-6) << i;
  }
  EXPECT_THAT(Numbers(t.p, "n_at_risk"), ElementsAre(9, 6, 2));
  EXPECT_THAT(Numbers(t.p, "n_events"), ElementsAre(1, 3, 4));
  EXPECT_THAT(Numbers(t.p, "n_censored_before"), ElementsAre(1, 2, 3));
  EXPECT_THAT(Numbers(t.p, "time"), ElementsAre(30, 91, 183));
}

TEST(CApiSurvival, EveryEstimateAndTransformAgreesWithCpp) {
  FitPtr fit;
  ASSERT_EQ(zvdj_survival_fit_create(&fit.p, kTime.size(), kTime.data(), kStatus.data()),
            ZVDJ_OK);
  const zvdj::CompetingRisksFit cpp = zvdj::CompetingRisksFit::Fit(kTime, kStatus).value();
  zvdj_survival_options opts;
  ASSERT_EQ(zvdj_survival_options_init(&opts, ZVDJ_SURVIVAL_OPTIONS_VERSION), ZVDJ_OK);
  EXPECT_EQ(opts.ci, ZVDJ_CI_LOG);
  EXPECT_EQ(opts.ci_level, 0.95);
  const std::vector<double> at = {0, 10, 44.5, 91, 200};
  for (int32_t ci : {ZVDJ_CI_LOG, ZVDJ_CI_LOG_LOG, ZVDJ_CI_PLAIN}) {
    opts.ci = ci;
    opts.ci_level = 0.9;
    zvdj::SurvivalOptions so{.ci = static_cast<zvdj::CiTransform>(ci), .conf_level = 0.9};
    for (int32_t kind : {ZVDJ_SURVIVAL_ALL_CAUSE, ZVDJ_SURVIVAL_CUMULATIVE_INCIDENCE,
                         ZVDJ_SURVIVAL_TYPE_KAPLAN_MEIER}) {
      TablePtr t;
      ASSERT_EQ(zvdj_survival_evaluate(&t.p, fit.p, kind, 2, at.size(), at.data(), &opts),
                ZVDJ_OK)
          << LastError();
      const std::vector<zvdj::SurvivalPoint> want =
          kind == ZVDJ_SURVIVAL_ALL_CAUSE        ? cpp.Survival(at, so)
          : kind == ZVDJ_SURVIVAL_TYPE_KAPLAN_MEIER ? cpp.TypeSurvival(2, at, so)
                                                     : cpp.CumulativeIncidence(2, at, so);
      const std::vector<double> est = Numbers(t.p, "estimate");
      const std::vector<double> lo = Numbers(t.p, "ci_low");
      const std::vector<double> hi = Numbers(t.p, "ci_high");
      ASSERT_EQ(est.size(), want.size());
      for (size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(est[i], want[i].estimate) << ci << " " << kind << " " << i;
        if (std::isnan(want[i].ci_low)) {
          EXPECT_TRUE(std::isnan(lo[i]));
        } else {
          EXPECT_EQ(lo[i], want[i].ci_low);
        }
        if (std::isnan(want[i].ci_high)) {
          EXPECT_TRUE(std::isnan(hi[i]));
        } else {
          EXPECT_EQ(hi[i], want[i].ci_high);
        }
      }
    }
  }
  // Kaplan–Meier on the arrays (all event types together) is the all-cause curve.
  auto km = zvdj::KaplanMeier(kTime, kStatus, at).value();
  TablePtr all;
  ASSERT_EQ(zvdj_survival_evaluate(&all.p, fit.p, ZVDJ_SURVIVAL_ALL_CAUSE, 0, at.size(),
                                   at.data(), nullptr),
            ZVDJ_OK);
  const std::vector<double> s = Numbers(all.p, "estimate");
  for (size_t i = 0; i < at.size(); ++i) EXPECT_EQ(s[i], km[i].estimate);
}

TEST(CApiSurvival, WholeCurveAtTheDistinctTimes) {
  FitPtr fit;
  ASSERT_EQ(zvdj_survival_fit_create(&fit.p, kTime.size(), kTime.data(), kStatus.data()),
            ZVDJ_OK);
  size_t n = 0;
  ASSERT_EQ(zvdj_survival_fit_times(nullptr, 0, &n, fit.p), ZVDJ_OK);
  ASSERT_EQ(n, 7u);
  std::vector<double> times(n + 2, -1);
  size_t written = 0;
  EXPECT_EQ(zvdj_survival_fit_times(times.data(), n - 1, &written, fit.p), ZVDJ_OUT_OF_RANGE);
  EXPECT_EQ(written, n);
  for (double v : times) EXPECT_EQ(v, -1);
  ASSERT_EQ(zvdj_survival_fit_times(times.data(), n, &written, fit.p), ZVDJ_OK);
  EXPECT_THAT(times, ElementsAre(10, 45, 60, 91, 120, 150, 183, -1, -1));

  TablePtr curve;
  ASSERT_EQ(zvdj_survival_evaluate(&curve.p, fit.p, ZVDJ_SURVIVAL_ALL_CAUSE, 0, 0, nullptr,
                                   nullptr),
            ZVDJ_OK);
  EXPECT_EQ(Rows(curve.p), 7u);
  EXPECT_NEAR(Numbers(curve.p, "estimate")[0], 10.0 / 12.0, 1e-12);
  EXPECT_THAT(Csv(curve.p), StartsWith("time,estimate,std_err,ci_low,ci_high,n_at_risk,"
                                       "n_events,n_censored_before\n10,0.8333333333333334,"));
}

TEST(CApiSurvival, EmptyInputGivesAnEmptyCurve) {
  FitPtr fit;
  ASSERT_EQ(zvdj_survival_fit_create(&fit.p, 0, nullptr, nullptr), ZVDJ_OK) << LastError();
  TablePtr t;
  ASSERT_EQ(zvdj_survival_evaluate(&t.p, fit.p, ZVDJ_SURVIVAL_ALL_CAUSE, 0, 0, nullptr,
                                   nullptr),
            ZVDJ_OK);
  EXPECT_EQ(Rows(t.p), 0u);
  EXPECT_EQ(Csv(t.p), "time,estimate,std_err,ci_low,ci_high,n_at_risk,n_events,"
                      "n_censored_before\n");
}

TEST(CApiSurvival, ErrorsAndMessages) {
  zvdj_survival_fit* fit = nullptr;
  const std::vector<double> bad_time = {1, -2};
  const std::vector<int32_t> st = {0, 1};
  EXPECT_EQ(zvdj_survival_fit_create(&fit, 2, bad_time.data(), st.data()),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "subject 1: time must be finite and >= 0");
  const std::vector<double> nan_time = {NAN};
  EXPECT_EQ(zvdj_survival_fit_create(&fit, 1, nan_time.data(), st.data()),
            ZVDJ_INVALID_ARGUMENT);
  const std::vector<double> ok_time = {1, 2};
  const std::vector<int32_t> bad_st = {0, -1};
  EXPECT_EQ(zvdj_survival_fit_create(&fit, 2, ok_time.data(), bad_st.data()),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "subject 1: status must be >= 0 (0 = censored)");
  EXPECT_EQ(zvdj_survival_fit_create(&fit, 2, nullptr, st.data()), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "argument 'times' must not be NULL");
  EXPECT_EQ(zvdj_survival_fit_create(nullptr, 2, ok_time.data(), st.data()),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(fit, nullptr);  // *out untouched on failure

  FitPtr good;
  ASSERT_EQ(zvdj_survival_fit_create(&good.p, 2, ok_time.data(), st.data()), ZVDJ_OK);
  zvdj_table* t = nullptr;
  EXPECT_EQ(zvdj_survival_evaluate(&t, good.p, 7, 1, 0, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "unknown estimate 7 (ZVDJ_SURVIVAL_*)");
  EXPECT_EQ(zvdj_survival_evaluate(&t, good.p, ZVDJ_SURVIVAL_CUMULATIVE_INCIDENCE, 0, 0,
                                   nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "event_type must be >= 1");
  const double nan_at[] = {NAN};
  EXPECT_EQ(zvdj_survival_evaluate(&t, good.p, ZVDJ_SURVIVAL_ALL_CAUSE, 0, 1, nan_at, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "at[0] is NaN");
  zvdj_survival_options opts;
  EXPECT_EQ(zvdj_survival_options_init(&opts, 0), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_survival_options_init(&opts, ZVDJ_SURVIVAL_OPTIONS_VERSION + 1),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("is not supported"));
  EXPECT_EQ(zvdj_survival_options_init(nullptr, 1), ZVDJ_INVALID_ARGUMENT);
  ASSERT_EQ(zvdj_survival_options_init(&opts, 1), ZVDJ_OK);
  opts.ci = 9;
  EXPECT_EQ(zvdj_survival_evaluate(&t, good.p, ZVDJ_SURVIVAL_ALL_CAUSE, 0, 0, nullptr, &opts),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("unknown ci transform 9"));
  opts.ci = ZVDJ_CI_PLAIN;
  opts.ci_level = 1.0;
  EXPECT_EQ(zvdj_survival_evaluate(&t, good.p, ZVDJ_SURVIVAL_ALL_CAUSE, 0, 0, nullptr, &opts),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "ci_level must lie in (0, 1)");
  opts.version = 99;
  EXPECT_EQ(zvdj_survival_evaluate(&t, good.p, ZVDJ_SURVIVAL_ALL_CAUSE, 0, 0, nullptr, &opts),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(t, nullptr);
}

TEST(CApiSurvival, NullHandles) {
  zvdj_survival_fit_destroy(nullptr);
  zvdj_table_destroy(nullptr);
  zvdj_table* t = nullptr;
  size_t n = 0;
  EXPECT_EQ(zvdj_survival_fit_info(nullptr, nullptr, nullptr, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "argument 'fit' must not be NULL");
  EXPECT_EQ(zvdj_survival_fit_times(nullptr, 0, &n, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_survival_evaluate(&t, nullptr, 0, 0, 0, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "argument 'fit' must not be NULL");
}

// ---- zvdj_table: the eight table functions on a survival table ----

TEST(CApiTable, AccessorsBuffersAndErrors) {
  FitPtr fit;
  ASSERT_EQ(zvdj_survival_fit_create(&fit.p, kTime.size(), kTime.data(), kStatus.data()),
            ZVDJ_OK);
  TablePtr t;
  ASSERT_EQ(zvdj_survival_evaluate(&t.p, fit.p, ZVDJ_SURVIVAL_CUMULATIVE_INCIDENCE, 3,
                                   kAt.size(), kAt.data(), nullptr),
            ZVDJ_OK);
  size_t cols = 0;
  ASSERT_EQ(zvdj_table_column_count(&cols, t.p), ZVDJ_OK);
  EXPECT_EQ(cols, 8u);
  int32_t numeric = -1;
  ASSERT_EQ(zvdj_table_column_is_numeric(&numeric, t.p, "estimate"), ZVDJ_OK);
  EXPECT_EQ(numeric, 1);
  EXPECT_EQ(zvdj_table_column_is_numeric(&numeric, t.p, "nope"), ZVDJ_NOT_FOUND);
  EXPECT_THAT(LastError(), StartsWith("no column 'nope' (columns: time, estimate,"));
  char name[16];
  size_t written = 0;
  EXPECT_EQ(zvdj_table_column_name(name, sizeof name, &written, t.p, 8), ZVDJ_OUT_OF_RANGE);
  EXPECT_EQ(LastError(), "column 8 past the end (8 columns)");
  // wlz at day 30: 0 with an undefined log interval (NaN, "" as text, valid 0).
  EXPECT_EQ(Cell(t.p, 0, "estimate"), "0");
  EXPECT_EQ(Cell(t.p, 0, "ci_low"), "");
  std::vector<double> v(5, -1);
  std::vector<uint8_t> valid(5, 7);
  ASSERT_EQ(zvdj_table_get_numbers(v.data(), valid.data(), 3, &written, t.p, "ci_low"), ZVDJ_OK);
  EXPECT_EQ(written, 3u);
  EXPECT_TRUE(std::isnan(v[0]));
  EXPECT_EQ(valid[0], 0);
  EXPECT_EQ(valid[2], 1);
  EXPECT_EQ(v[3], -1);
  EXPECT_EQ(valid[3], 7);
  std::vector<double> small(4, -1);
  EXPECT_EQ(zvdj_table_get_numbers(small.data(), nullptr, 2, &written, t.p, "time"),
            ZVDJ_OUT_OF_RANGE);
  EXPECT_EQ(written, 3u);
  EXPECT_THAT(small, ElementsAre(-1, -1, -1, -1));
  EXPECT_EQ(zvdj_table_get_string(name, sizeof name, &written, t.p, 3, "time"),
            ZVDJ_OUT_OF_RANGE);
  EXPECT_EQ(LastError(), "row 3 past the end (3 rows)");
  ExpectTooSmallLeavesBuffer([&](char* b, size_t c, size_t* w) {
    return zvdj_table_to_csv(b, c, w, t.p);
  });
  ExpectTooSmallLeavesBuffer([&](char* b, size_t c, size_t* w) {
    return zvdj_table_column_name(b, c, w, t.p, 1);
  });
  ExpectTooSmallLeavesBuffer([&](char* b, size_t c, size_t* w) {
    return zvdj_table_get_string(b, c, w, t.p, 1, "estimate");
  });

  // NULL table handles.
  EXPECT_EQ(zvdj_table_rows(&written, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "argument 'result' must not be NULL");
  EXPECT_EQ(zvdj_table_column_count(&written, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_table_column_name(nullptr, 0, &written, nullptr, 0), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_table_column_is_numeric(&numeric, nullptr, "time"), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_table_get_numbers(nullptr, nullptr, 0, &written, nullptr, "time"),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_table_get_string(nullptr, 0, &written, nullptr, 0, "time"),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_table_to_csv(nullptr, 0, &written, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_table_rows(nullptr, t.p), ZVDJ_INVALID_ARGUMENT);
}

}  // namespace
