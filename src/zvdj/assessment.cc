#include "zvdj/assessment.hpp"

#include <cmath>

#include "zvdj/number_format.hpp"

namespace zvdj {
inline namespace v1 {
namespace {

Assessment NoDirection() {
  return {"no_direction", "geen gewenste richting; niet beoordeeld"};
}

Assessment NotAssessed(std::string why) { return {"not_assessed", "niet beoordeeld: " + why}; }

// A change that cannot be computed (an overflow to infinity, a value that is
// not a number) is not assessed: it says nothing about the direction.
bool Finite(const std::optional<double>& v) { return !v || std::isfinite(*v); }

}  // namespace

AssessmentInput MakeAssessmentInput(const TrendSummary& s, Unit unit) {
  AssessmentInput in;
  in.unit = unit;
  if (s.n_periods >= 2) {
    in.first_value = s.first_value;
    in.last_value = s.last_value;
    in.years = s.years;
  }
  return in;
}

Assessment CagrRule::Assess(const AssessmentInput& in, Direction desired) const {
  if (desired == Direction::kNone) return NoDirection();
  if (!in.first_value || !in.last_value || !in.years) {
    return NotAssessed("minder dan twee waarden");
  }
  if (!Finite(in.first_value) || !Finite(in.last_value) || !Finite(in.years) ||
      !Finite(in.target) || !Finite(in.target_years)) {
    return NotAssessed("waarde niet te verwerken");
  }
  const double d = desired == Direction::kUp ? 1.0 : -1.0;
  const Rate observed = Cagr(*in.first_value, *in.last_value, *in.years);
  if (!observed.value || !std::isfinite(100.0 * *observed.value)) {
    return NotAssessed("groeivoet niet te berekenen");
  }
  const double cagr_pct = 100.0 * *observed.value;
  const std::string shown = FormatDutchSigned(cagr_pct, 1) + "% per jaar";

  if (in.target && in.target_years) {
    if (d * (*in.last_value - *in.target) >= 0) {
      return {"target_achieved", "doel bereikt (" + shown + ")"};
    }
    const Rate needed = Cagr(*in.first_value, *in.target, *in.target_years);
    if (!needed.value || *needed.value == 0) return NotAssessed("benodigde groeivoet onbekend");
    const double r = *observed.value / *needed.value;
    if (!std::isfinite(r)) return NotAssessed("benodigde groeivoet onbekend");
    const std::string ratio = ", " + FormatDutch(100.0 * r, 0) + "% van het benodigde tempo";
    if (r >= t_.ratio_on_track) return {"on_track", "op koers (" + shown + ratio + ")"};
    if (r >= t_.ratio_acceleration) {
      return {"acceleration_needed", "vooruitgang, versnelling nodig (" + shown + ratio + ")"};
    }
    if (r >= 0) return {"limited_progress", "beperkte vooruitgang (" + shown + ratio + ")"};
    return {"deterioration", "verkeerde richting (" + shown + ")"};
  }

  const double signed_pct = d * cagr_pct;
  const double on_track = t_.on_track_pct * t_.scale;
  const double accel = t_.acceleration_pct * t_.scale;
  if (signed_pct >= on_track) return {"on_track", "goede richting, op koers (" + shown + ")"};
  if (signed_pct >= accel) {
    return {"acceleration_needed", "goede richting, versnelling nodig (" + shown + ")"};
  }
  if (signed_pct >= 0) return {"limited_progress", "beperkte vooruitgang (" + shown + ")"};
  return {"deterioration", "verkeerde richting (" + shown + ")"};
}

Assessment ToleranceRule::Assess(const AssessmentInput& in, Direction desired) const {
  if (desired == Direction::kNone) return NoDirection();
  if (!in.first_value || !in.last_value) return NotAssessed("minder dan twee waarden");
  double change;
  std::string shown;
  if (in.unit == Unit::kPercentage) {
    change = PercentagePointChange(*in.first_value, *in.last_value);
    shown = FormatDutchSigned(change, 1) + " procentpunt";
  } else {
    const auto rel = RelativeChangePct(*in.first_value, *in.last_value);
    if (!rel) return NotAssessed("beginwaarde is 0");
    change = *rel;
    shown = FormatDutchSigned(change, 1) + "%";
  }
  if (!std::isfinite(change)) return NotAssessed("verandering niet te berekenen");
  const double signed_change = desired == Direction::kUp ? change : -change;
  const std::string tol =
      FormatDutch(o_.tolerance, 1) + (in.unit == Unit::kPercentage ? " procentpunt" : "%");
  if (signed_change > o_.tolerance) return {"improvement", "verbetering (" + shown + ")"};
  if (signed_change < -o_.tolerance) return {"worsening", "verslechtering (" + shown + ")"};
  return {"no_change", "geen verandering van betekenis (" + shown + ", binnen " + tol + ")"};
}

void AssessSummaries(SummaryTable& table, const AssessmentRule& rule) {
  for (TrendSummary& s : table.summaries) {
    const TrendSeries& series = table.series[s.series];
    const Assessment a = rule.Assess(MakeAssessmentInput(s, series.unit), series.direction);
    s.assessment = a.category;
    s.assessment_text = a.text;
  }
}

int AssessmentSign(std::string_view c) noexcept {
  if (c == "on_track" || c == "acceleration_needed" || c == "limited_progress" ||
      c == "target_achieved" || c == "improvement") {
    return 1;
  }
  if (c == "deterioration" || c == "worsening") return -1;
  return 0;
}

}  // namespace v1
}  // namespace zvdj
