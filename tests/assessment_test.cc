#include "zvdj/assessment.hpp"

#include <cmath>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace zvdj {
namespace {

using ::testing::HasSubstr;

// A series growing at `rate_pct` a year for 5 years.
AssessmentInput Growing(double rate_pct, Unit unit = Unit::kCount) {
  AssessmentInput in;
  in.unit = unit;
  in.first_value = 100;
  in.last_value = 100 * std::pow(1 + rate_pct / 100, 5);
  in.years = 5;
  return in;
}

TEST(CagrRule, CategoriesWithoutTargetForUp) {
  CagrRule rule;
  EXPECT_EQ(rule.name(), "cagr");
  EXPECT_EQ(rule.Assess(Growing(2.0), Direction::kUp).category, "on_track");
  EXPECT_EQ(rule.Assess(Growing(1.51), Direction::kUp).category, "on_track");
  EXPECT_EQ(rule.Assess(Growing(1.0), Direction::kUp).category, "acceleration_needed");
  EXPECT_EQ(rule.Assess(Growing(0.51), Direction::kUp).category, "acceleration_needed");
  EXPECT_EQ(rule.Assess(Growing(0.2), Direction::kUp).category, "limited_progress");
  EXPECT_EQ(rule.Assess(Growing(0.0), Direction::kUp).category, "limited_progress");
  EXPECT_EQ(rule.Assess(Growing(-0.1), Direction::kUp).category, "deterioration");
}

TEST(CagrRule, SignedByDesiredDirection) {
  CagrRule rule;
  EXPECT_EQ(rule.Assess(Growing(-2.0), Direction::kDown).category, "on_track");
  EXPECT_EQ(rule.Assess(Growing(-1.0), Direction::kDown).category, "acceleration_needed");
  EXPECT_EQ(rule.Assess(Growing(-0.2), Direction::kDown).category, "limited_progress");
  Assessment worse = rule.Assess(Growing(2.0), Direction::kDown);
  EXPECT_EQ(worse.category, "deterioration");
  EXPECT_THAT(worse.text, HasSubstr("+2,0% per jaar"));
}

TEST(CagrRule, ScaleFactorOnlyScalesPositiveThresholds) {
  CagrThresholds t;
  t.scale = 0.5;  // near a natural limit: 0.75% / 0.25%
  CagrRule rule(t);
  EXPECT_EQ(rule.Assess(Growing(1.0), Direction::kUp).category, "on_track");
  EXPECT_EQ(rule.Assess(Growing(0.3), Direction::kUp).category, "acceleration_needed");
  EXPECT_EQ(rule.Assess(Growing(0.1), Direction::kUp).category, "limited_progress");
  EXPECT_EQ(rule.Assess(Growing(-0.1), Direction::kUp).category, "deterioration");
  // Configurable thresholds (e.g. Eurostat's +-1%).
  CagrThresholds eu;
  eu.on_track_pct = 1.0;
  eu.acceleration_pct = 0.0;
  EXPECT_EQ(CagrRule(eu).Assess(Growing(1.2), Direction::kUp).category, "on_track");
  EXPECT_EQ(CagrRule(eu).Assess(Growing(0.2), Direction::kUp).category, "acceleration_needed");
}

TEST(CagrRule, WithTarget) {
  CagrRule rule;
  // Target 200 in 10 years from 100 needs 7.177% a year.
  auto with_target = [](double rate_pct) {
    AssessmentInput in = Growing(rate_pct);
    in.target = 200;
    in.target_years = 10;
    return in;
  };
  const double needed = 100 * (std::pow(2.0, 0.1) - 1);
  EXPECT_EQ(rule.Assess(with_target(needed * 0.96), Direction::kUp).category, "on_track");
  EXPECT_EQ(rule.Assess(with_target(needed * 0.70), Direction::kUp).category,
            "acceleration_needed");
  EXPECT_EQ(rule.Assess(with_target(needed * 0.30), Direction::kUp).category, "limited_progress");
  EXPECT_EQ(rule.Assess(with_target(-1.0), Direction::kUp).category, "deterioration");
  AssessmentInput reached = with_target(20);  // 100 * 1.2^5 = 249 >= 200
  EXPECT_EQ(rule.Assess(reached, Direction::kUp).category, "target_achieved");
  // Down with target 50.
  AssessmentInput down = Growing(-15);
  down.target = 50;
  down.target_years = 10;
  EXPECT_EQ(rule.Assess(down, Direction::kDown).category, "target_achieved");  // 44.4 <= 50
}

TEST(CagrRule, NoDirectionAndNotAssessed) {
  CagrRule rule;
  EXPECT_EQ(rule.Assess(Growing(3), Direction::kNone).category, "no_direction");
  AssessmentInput one;
  one.first_value = 5;
  EXPECT_EQ(rule.Assess(one, Direction::kUp).category, "not_assessed");
  AssessmentInput zero = Growing(0);
  zero.first_value = 0;
  Assessment a = rule.Assess(zero, Direction::kUp);
  EXPECT_EQ(a.category, "not_assessed");
  EXPECT_THAT(a.text, HasSubstr("groeivoet"));
}

TEST(ToleranceRule, CountsUseRelativeChange) {
  ToleranceOptions o;
  o.tolerance = 2.0;
  ToleranceRule rule(o);
  EXPECT_EQ(rule.name(), "tolerance");
  AssessmentInput in;
  in.unit = Unit::kCount;
  in.first_value = 100;
  in.last_value = 103;  // +3% > 2%
  EXPECT_EQ(rule.Assess(in, Direction::kUp).category, "improvement");
  EXPECT_EQ(rule.Assess(in, Direction::kDown).category, "worsening");
  in.last_value = 101.5;  // +1.5% within 2%
  EXPECT_EQ(rule.Assess(in, Direction::kDown).category, "no_change");
  EXPECT_EQ(rule.Assess(in, Direction::kNone).category, "no_direction");
}

TEST(ToleranceRule, PercentagesUsePercentagePoints) {
  ToleranceRule rule;  // 1 pp
  AssessmentInput in;
  in.unit = Unit::kPercentage;
  in.first_value = 34;
  in.last_value = 27;  // -7 pp, although -20.6% relative
  Assessment a = rule.Assess(in, Direction::kDown);
  EXPECT_EQ(a.category, "improvement");
  EXPECT_THAT(a.text, HasSubstr("−7,0 procentpunt"));
  in.first_value = 10.4;
  in.last_value = 10.1;  // -0.3 pp (-2.9% relative): within 1 pp
  EXPECT_EQ(rule.Assess(in, Direction::kDown).category, "no_change");
  in.last_value = 12.0;
  EXPECT_EQ(rule.Assess(in, Direction::kDown).category, "worsening");
}

TEST(AssessSummaries, UsesSeriesDirectionIncludingOverrides) {
  Dataset ds;
  auto add = [&ds](const char* age, int year, double v) {
    Observation o;
    o.indicator = "jeugdhulp_met_verblijf";
    o.period = Period::Year(year);
    o.dims = {{"age_group", age}};
    o.value = v;
    ASSERT_TRUE(ds.Add(o).ok());
  };
  add("0-18", 2016, 42125);
  add("0-18", 2019, 40020);
  add("18-23", 2016, 1665);
  add("18-23", 2019, 2955);
  SummaryTable s = ComputeTrendSummaries(ds, Catalogue::BuiltIn(), {});
  AssessSummaries(s, CagrRule());
  ASSERT_EQ(s.summaries.size(), 2u);
  EXPECT_EQ(s.summaries[0].assessment, "on_track");  // -1.7%/yr, down is good
  EXPECT_EQ(s.summaries[1].assessment, "on_track");  // +21%/yr, 18-23 up is good
  EXPECT_THAT(s.summaries[1].assessment_text, HasSubstr("goede richting"));
  AssessSummaries(s, ToleranceRule());
  EXPECT_EQ(s.summaries[0].assessment, "improvement");
  EXPECT_EQ(s.summaries[1].assessment, "improvement");
}

TEST(AssessmentSign, Categories) {
  EXPECT_EQ(AssessmentSign("on_track"), 1);
  EXPECT_EQ(AssessmentSign("improvement"), 1);
  EXPECT_EQ(AssessmentSign("deterioration"), -1);
  EXPECT_EQ(AssessmentSign("worsening"), -1);
  EXPECT_EQ(AssessmentSign("no_change"), 0);
  EXPECT_EQ(AssessmentSign("no_direction"), 0);
}

}  // namespace
}  // namespace zvdj
