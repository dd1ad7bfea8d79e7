#include "zvdj/survival.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace zvdj {
namespace {

// 12 youths, days; ties of different types at day 10 and 91, censorings tied
// with events (0 censored, 1 wmo, 2 ggz, 3 wlz). Expected values from R
// survival 3.5 (survfit(Surv(time, factor(st, 0:3)) ~ 1), summary(times=)).
const std::vector<double> kTime = {10, 10, 10, 45, 45, 60, 91, 91, 120, 150, 183, 183};
const std::vector<int32_t> kStatus = {1, 2, 0, 1, 0, 3, 1, 2, 0, 1, 0, 0};
const std::vector<double> kAt = {30, 91, 183};

TEST(CompetingRisksFitTest, TwelveYouthsCumulativeIncidenceWmo) {
  auto fit = CompetingRisksFit::Fit(kTime, kStatus).value();
  EXPECT_EQ(fit.num_event_types(), 3);
  auto p = fit.CumulativeIncidence(1, kAt);
  ASSERT_EQ(p.size(), 3u);
  const double est[] = {0.08333333333, 0.28174603175, 0.42283950617};
  const double se[] = {0.07978559231, 0.13951085407, 0.16641908252};
  const double lo[] = {0.012760, 0.106751, 0.195508};
  const double hi[] = {0.544230, 0.743607, 0.914507};
  const int64_t risk[] = {9, 6, 2};
  const int64_t events[] = {1, 3, 4};
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(p[i].estimate, est[i], 1e-10) << i;
    EXPECT_NEAR(p[i].std_err, se[i], 1e-10) << i;
    EXPECT_NEAR(p[i].ci_low, lo[i], 1e-6) << i;
    EXPECT_NEAR(p[i].ci_high, hi[i], 1e-6) << i;
    EXPECT_EQ(p[i].n_at_risk, risk[i]) << i;
    EXPECT_EQ(p[i].n_events, events[i]) << i;
  }
  EXPECT_EQ(p[0].n_censored_before, 1);  // the censoring at day 10
  EXPECT_EQ(p[2].n_censored_before, 3);  // days 10, 45, 120 (183 is not before 183)
}

TEST(CompetingRisksFitTest, TwelveYouthsOtherTypesAndAllCause) {
  auto fit = CompetingRisksFit::Fit(kTime, kStatus).value();
  auto ggz = fit.CumulativeIncidence(2, kAt);
  auto wlz = fit.CumulativeIncidence(3, kAt);
  auto s = fit.Survival(kAt);
  EXPECT_NEAR(ggz[1].estimate, 0.18915343915, 1e-10);
  EXPECT_NEAR(ggz[1].std_err, 0.12180464065, 1e-10);
  EXPECT_NEAR(wlz[2].estimate, 0.1058201058, 1e-10);
  EXPECT_NEAR(wlz[2].std_err, 0.09970132113, 1e-10);
  EXPECT_EQ(wlz[0].estimate, 0.0);
  EXPECT_EQ(wlz[0].std_err, 0.0);
  EXPECT_TRUE(std::isnan(wlz[0].ci_low));  // log CI undefined at 0 (R: NA)
  const double s_est[] = {0.8333333333, 0.4232804233, 0.2821869489};
  const double s_se[] = {0.1075828707, 0.1570697852, 0.1556805422};
  const double s_lo[] = {0.64703698701, 0.20453449127, 0.09570509481};
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(s[i].estimate, s_est[i], 1e-10);
    EXPECT_NEAR(s[i].std_err, s_se[i], 1e-10);
    EXPECT_NEAR(s[i].ci_low, s_lo[i], 1e-10);
    // S + sum of CIFs = 1.
    auto w = fit.CumulativeIncidence(1, kAt);
    EXPECT_NEAR(s[i].estimate + w[i].estimate + ggz[i].estimate + wlz[i].estimate, 1.0, 1e-12);
  }
}

TEST(CompetingRisksFitTest, BiasedAlternativesDiffer) {
  auto fit = CompetingRisksFit::Fit(kTime, kStatus).value();
  // 1 - KM for wmo treating ggz/wlz as censored overestimates.
  auto km = fit.TypeSurvival(1, kAt);
  EXPECT_NEAR(1 - km[0].estimate, 0.0833, 5e-5);
  EXPECT_NEAR(1 - km[1].estimate, 0.3210, 5e-5);
  EXPECT_NEAR(1 - km[2].estimate, 0.5473, 5e-5);
  EXPECT_NEAR(km[1].std_err, 0.15894978491, 1e-10);  // Greenwood, as R
  EXPECT_NEAR(km[2].ci_low, 0.1799743883, 1e-10);
  auto aj = fit.CumulativeIncidence(1, kAt);
  EXPECT_GT(1 - km[1].estimate, aj[1].estimate + 0.03);
  EXPECT_GT(1 - km[2].estimate, aj[2].estimate + 0.1);
  // The naive share by day 91 ignores censoring and underestimates.
  const double naive = static_cast<double>(aj[1].n_events) / 12.0;
  EXPECT_DOUBLE_EQ(naive, 0.25);
  EXPECT_LT(naive, aj[1].estimate - 0.03);
  EXPECT_GT(aj[1].n_censored_before, 0);  // so a naive share must be refused
}

// lifelines/SAS LIFETEST fixture: CIF of type 2, variance 0.032 / 0.048 at t = 4, 5.
TEST(CompetingRisksFitTest, SasFixture) {
  const std::vector<double> t = {1, 2, 3, 4, 5, 6};
  const std::vector<int32_t> st = {0, 1, 1, 2, 2, 0};
  auto fit = CompetingRisksFit::Fit(t, st).value();
  const std::vector<double> at = {0, 1, 2, 3, 4, 5, 6};
  auto p = fit.CumulativeIncidence(2, at);
  const double est[] = {0, 0, 0, 0, 0.2, 0.4, 0.4};
  const double var[] = {0, 0, 0, 0, 0.032, 0.048, 0.048};
  for (size_t i = 0; i < at.size(); ++i) {
    EXPECT_NEAR(p[i].estimate, est[i], 1e-12) << i;
    EXPECT_NEAR(p[i].std_err * p[i].std_err, var[i], 1e-12) << i;
  }
  EXPECT_NEAR(p[4].std_err, std::sqrt(0.032), 1e-12);
  // The SAS interval is the log-log one.
  SurvivalOptions ll{.ci = CiTransform::kLogLog};
  auto q = fit.CumulativeIncidence(2, at, ll);
  // SAS/lifelines use log(-log F) with the derivative of that transform, which
  // is R's log-log applied to F.
  EXPECT_NEAR(q[4].ci_low, 0.00836904, 1e-6);
  EXPECT_NEAR(q[4].ci_high, 0.58185303, 1e-6);
  EXPECT_NEAR(q[5].ci_low, 0.05197575, 1e-6);
  EXPECT_NEAR(q[5].ci_high, 0.75281579, 1e-6);
}

TEST(CompetingRisksFitTest, NoCensoringEqualsPlainShare) {
  // 8 subjects, all followed past the horizon or with an event before it.
  const std::vector<double> t = {5, 5, 20, 40, 183, 100, 200, 300};
  const std::vector<int32_t> st = {1, 2, 1, 1, 1, 2, 0, 0};
  auto fit = CompetingRisksFit::Fit(t, st).value();
  const std::vector<double> at = {183};
  auto p = fit.CumulativeIncidence(1, at);
  EXPECT_NEAR(p[0].estimate, 4.0 / 8.0, 1e-15);
  EXPECT_EQ(p[0].n_events, 4);
  EXPECT_EQ(p[0].n_censored_before, 0);
  // With a binomial-like variance: p(1-p)/n for a complete sample.
  EXPECT_NEAR(p[0].std_err, std::sqrt(0.5 * 0.5 / 8), 1e-12);
}

TEST(CompetingRisksFitTest, NoCompetingEventsEqualsOneMinusKm) {
  const std::vector<double> t = {1, 2, 2, 3, 4, 4, 5, 7, 9, 9};
  const std::vector<int32_t> st = {1, 0, 1, 1, 0, 1, 1, 0, 1, 0};
  auto fit = CompetingRisksFit::Fit(t, st).value();
  const std::vector<double> at = {0.5, 2, 4, 8, 9, 100};
  auto aj = fit.CumulativeIncidence(1, at);
  auto km = fit.Survival(at);
  for (size_t i = 0; i < at.size(); ++i) {
    EXPECT_NEAR(aj[i].estimate, 1 - km[i].estimate, 1e-12);
    EXPECT_NEAR(aj[i].std_err, km[i].std_err, 1e-12) << i;  // IJ = Greenwood
  }
}

TEST(CompetingRisksFitTest, TiesEventsBeforeCensorings) {
  // The censoring at 2 is in the risk set at 2: S(2) = (1 - 1/3) (1 - 1/2).
  const std::vector<double> t = {1, 2, 2};
  const std::vector<int32_t> st = {1, 1, 0};
  const std::vector<double> at = {2};
  auto s = KaplanMeier(t, st, at).value();
  EXPECT_NEAR(s[0].estimate, 2.0 / 3.0 * 0.5, 1e-15);
  EXPECT_EQ(s[0].n_at_risk, 2);
  EXPECT_EQ(s[0].n_censored_before, 0);
  // Non-integer times take the sorting path and give the same answer.
  const std::vector<double> t2 = {0.5, 1.25, 1.25};
  const std::vector<double> at2 = {1.25};
  auto s2 = KaplanMeier(t2, st, at2).value();
  EXPECT_NEAR(s2[0].estimate, 1.0 / 3.0, 1e-15);
}

TEST(CompetingRisksFitTest, ConfidenceTransforms) {
  // log (R default): exp(log p -/+ z se/p), upper clipped to 1.
  auto [lo, hi] = ConfidenceInterval(0.5, 0.1, {});
  EXPECT_NEAR(lo, 0.5 * std::exp(-1.959963984540054 * 0.2), 1e-12);
  EXPECT_NEAR(hi, 0.5 * std::exp(1.959963984540054 * 0.2), 1e-12);
  auto [lo2, hi2] = ConfidenceInterval(0.9, 0.2, {});
  EXPECT_EQ(hi2, 1.0);
  EXPECT_GT(lo2, 0);
  auto [plo, phi] = ConfidenceInterval(0.05, 0.1, {.ci = CiTransform::kPlain});
  EXPECT_EQ(plo, 0.0);
  EXPECT_NEAR(phi, 0.05 + 1.959963984540054 * 0.1, 1e-12);
  auto [llo, lhi] = ConfidenceInterval(1.0, 0.1, {.ci = CiTransform::kLogLog});
  EXPECT_TRUE(std::isnan(llo));
  EXPECT_TRUE(std::isnan(lhi));
  auto [zlo, zhi] = ConfidenceInterval(0.5, 0.1, {.conf_level = 0.9});
  EXPECT_NEAR(zlo, 0.5 * std::exp(-1.6448536269514722 * 0.2), 1e-12);
  EXPECT_EQ(ParseCiTransform("log-log").value(), CiTransform::kLogLog);
  EXPECT_FALSE(ParseCiTransform("logit").ok());
}

TEST(CompetingRisksFitTest, RejectsBadInput) {
  const std::vector<double> t = {1, -2};
  const std::vector<int32_t> st = {1, 0};
  auto fit = CompetingRisksFit::Fit(t, st);
  ASSERT_FALSE(fit.ok());
  EXPECT_THAT(std::string(fit.status().message()), testing::HasSubstr("subject 1"));
  const std::vector<int32_t> short_st = {1};
  EXPECT_FALSE(CompetingRisksFit::Fit(t, short_st).ok());
  const std::vector<double> t3 = {1, NAN};
  EXPECT_FALSE(CompetingRisksFit::Fit(t3, st).ok());
}

TEST(CompetingRisksFitTest, EmptyAndBeforeFirstTime) {
  auto fit = CompetingRisksFit::Fit({}, {}).value();
  const std::vector<double> at = {0, 10};
  auto p = fit.CumulativeIncidence(1, at);
  EXPECT_EQ(p[1].estimate, 0);
  EXPECT_EQ(p[1].n_at_risk, 0);
  const std::vector<double> t = {5, 6};
  const std::vector<int32_t> st = {1, 0};
  auto fit2 = CompetingRisksFit::Fit(t, st).value();
  auto s = fit2.Survival(at);
  EXPECT_EQ(s[0].estimate, 1.0);
  EXPECT_EQ(s[0].n_at_risk, 2);
  EXPECT_EQ(s[0].ci_low, 1.0);
}

// ---- R reference files (tests/r/survival_reference.R) ----

std::vector<std::map<std::string, std::string>> ReadCsv(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::map<std::string, std::string>> rows;
  std::string line;
  std::vector<std::string> header;
  auto split = [](const std::string& s) {
    std::vector<std::string> f;
    std::stringstream ss(s);
    std::string x;
    while (std::getline(ss, x, ',')) f.push_back(x);
    if (!s.empty() && s.back() == ',') f.push_back("");
    return f;
  };
  while (std::getline(in, line)) {
    if (header.empty()) {
      header = split(line);
      continue;
    }
    auto f = split(line);
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.size() && i < f.size(); ++i) row[header[i]] = f[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

double Num(const std::string& s) {
  if (s.empty() || s == "NA") return std::nan("");
  return std::stod(s);
}

void ExpectClose(double got, double want, const std::string& what) {
  if (std::isnan(want)) {
    EXPECT_TRUE(std::isnan(got)) << what << " got " << got;
  } else {
    EXPECT_NEAR(got, want, 1e-9 * std::max(1.0, std::abs(want))) << what;
  }
}

TEST(RReferenceTest, MatchesSurvfitToOneInABillion) {
  const std::string dir = std::string(ZVDJ_SOURCE_DIR) + "/tests/data/survival_reference/";
  auto index = ReadCsv(dir + "cases.csv");
  ASSERT_GE(index.size(), 5u) << "missing " << dir << "cases.csv";
  size_t compared = 0;
  for (const auto& c : index) {
    const std::string name = c.at("case");
    auto input = ReadCsv(dir + name + "_input.csv");
    std::vector<double> t;
    std::vector<int32_t> st;
    for (const auto& r : input) {
      t.push_back(std::stod(r.at("time")));
      st.push_back(std::stoi(r.at("status")));
    }
    auto fit = CompetingRisksFit::Fit(t, st).value();
    const double first_time = *std::min_element(t.begin(), t.end());
    auto expected = ReadCsv(dir + name + "_expected.csv");
    for (const auto& e : expected) {
      const std::string method = e.at("method");
      const int state = std::stoi(e.at("state"));
      const std::vector<double> at = {std::stod(e.at("time"))};
      SurvivalOptions opt{.ci = ParseCiTransform(e.at("conf_type")).value()};
      SurvivalPoint p;
      if (method == "aj") {
        p = state == 0 ? fit.Survival(at, opt)[0] : fit.CumulativeIncidence(state, at, opt)[0];
      } else {
        p = fit.TypeSurvival(state, at, opt)[0];
      }
      const std::string what = name + " " + method + " state " + e.at("state") + " t=" +
                               e.at("time") + " ci=" + e.at("conf_type");
      ExpectClose(p.estimate, Num(e.at("estimate")), what + " estimate");
      ExpectClose(p.std_err, Num(e.at("std_err")), what + " std_err");
      // Before the first observed time R pads the multi-state intervals with
      // 0 (not an interval); compare intervals from the first time on.
      if (method == "km" || at[0] >= first_time) {
        ExpectClose(p.ci_low, Num(e.at("lower")), what + " lower");
        ExpectClose(p.ci_high, Num(e.at("upper")), what + " upper");
      }
      EXPECT_EQ(p.n_at_risk, std::stoll(e.at("n_risk"))) << what;
      ++compared;
    }
  }
  EXPECT_GT(compared, 500u);
}

}  // namespace
}  // namespace zvdj
