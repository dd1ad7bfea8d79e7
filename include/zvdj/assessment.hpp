// libzvdj trend assessment: pluggable rules that judge a series' change
// against its desired direction.
//
//   #include "zvdj/assessment.hpp"
//   zvdj::CagrRule rule;  // Eurostat/Open SDG thresholds 1.5% / 0.5% / 0 (no target)
//   zvdj::AssessmentInput in{.unit = zvdj::Unit::kCount, .first_value = 42125,
//                            .last_value = 40020, .years = 3};
//   zvdj::Assessment a = rule.Assess(in, zvdj::Direction::kDown);
//   a.category;  // "on_track" (CAGR -1.7% a year, in the desired direction)
//
//   zvdj::ToleranceRule tol({.tolerance = 1.0});  // +-1% (counts) or +-1 pp (percentages)
//   zvdj::AssessSummaries(summaries, tol);        // fills assessment/assessment_text
//
// Categories:
//   CagrRule without target: on_track, acceleration_needed, limited_progress,
//     deterioration (Open SDG / Statistics Canada, inspired by Eurostat). The
//     CAGR is signed by the desired direction (a fall counts as progress for a
//     "down" indicator); thresholds above 0 are multiplied by `scale` (C).
//   CagrRule with target: target_achieved, on_track (R >= 95%),
//     acceleration_needed (60% <= R < 95%), limited_progress (0 <= R < 60%),
//     deterioration (R < 0), where R = observed CAGR / CAGR needed from the
//     first value to reach the target by the target year.
//   ToleranceRule: improvement, no_change, worsening (relative change for
//     counts, percentage-point change for percentages, beyond +-tolerance).
//   Every rule: no_direction when the indicator has no desired direction,
//     not_assessed when the data do not allow it (fewer than 2 values,
//     undefined CAGR).
#ifndef ZVDJ_ASSESSMENT_HPP_
#define ZVDJ_ASSESSMENT_HPP_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "zvdj/catalogue.hpp"
#include "zvdj/trend.hpp"

namespace zvdj {
inline namespace v1 {

// What a rule sees of a series; MakeAssessmentInput builds it from a summary.
struct AssessmentInput {
  Unit unit = Unit::kCount;
  std::optional<double> first_value;
  std::optional<double> last_value;
  std::optional<double> years;  // between the first and last value
  // Optional target: the value to reach in `target_years` after the first value.
  std::optional<double> target;
  std::optional<double> target_years;
};

AssessmentInput MakeAssessmentInput(const TrendSummary& summary, Unit unit);

struct Assessment {
  std::string category;  // machine-readable, e.g. "on_track"
  std::string text;      // short Dutch explanation
};

class AssessmentRule {
 public:
  virtual ~AssessmentRule() = default;
  virtual std::string_view name() const = 0;
  virtual Assessment Assess(const AssessmentInput& input, Direction desired) const = 0;
};

struct CagrThresholds {
  double on_track_pct = 1.5;      // CAGR >= 1.5% * scale
  double acceleration_pct = 0.5;  // 0.5% * scale <= CAGR < 1.5% * scale
  double scale = 1.0;             // C in (0, 1], for indicators near a natural limit
  // With a target: R >= 95% on track, 60% acceleration needed, 0 limited.
  double ratio_on_track = 0.95;
  double ratio_acceleration = 0.60;
};

class CagrRule : public AssessmentRule {
 public:
  explicit CagrRule(CagrThresholds thresholds = {}) : t_(thresholds) {}
  std::string_view name() const override { return "cagr"; }
  Assessment Assess(const AssessmentInput& input, Direction desired) const override;
  const CagrThresholds& thresholds() const { return t_; }

 private:
  CagrThresholds t_;
};

struct ToleranceOptions {
  // Relative change in % for counts, pp change for percentages.
  double tolerance = 1.0;
};

class ToleranceRule : public AssessmentRule {
 public:
  explicit ToleranceRule(ToleranceOptions options = {}) : o_(options) {}
  std::string_view name() const override { return "tolerance"; }
  Assessment Assess(const AssessmentInput& input, Direction desired) const override;

 private:
  ToleranceOptions o_;
};

// Sets assessment and assessment_text of every summary (direction and unit
// from the summary's series).
void AssessSummaries(SummaryTable& table, const AssessmentRule& rule);

// +1 when the category means movement in the desired direction, -1 against
// it, 0 for none / not assessed / no change (for arrows and colours).
int AssessmentSign(std::string_view category) noexcept;

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_ASSESSMENT_HPP_
