// libzvdj trends: change measures between periods, per-series trend rows and
// summaries, and the Mann-Kendall / Theil-Sen statistics for short series.
//
//   #include "zvdj/trend.hpp"
//   zvdj::RelativeChangePct(1665, 2955);        // 77.477...
//   zvdj::PercentagePointChange(10.4, 10.1);    // -0.3
//   zvdj::Cagr(42125, 40020, 3.0).value;        // -0.0169...
//   zvdj::MannKendallTest({10.2, 10.8, 11.1, 11.0, 11.9, 12.3}).p_value;  // 0.01667 (exact)
//
//   zvdj::TrendTable rows = zvdj::ComputeTrendRows(dataset, zvdj::Catalogue::BuiltIn(), breaks);
//   for (const zvdj::TrendRow& r : rows.rows) { ... r.rel_change_pct ... r.note ... }
//   zvdj::SummaryTable sums = zvdj::ComputeTrendSummaries(dataset, catalogue, breaks);
//
// A series is one indicator, region, set of dimension values and period kind.
// Each observation is compared with its CALENDAR predecessor (Period::Predecessor),
// never with the previous row: when that period is absent, has no number, or a
// registered break separates the two, no change is computed and `note` says why.
// A change between a provisional (* or **) and a definitive value is computed
// but flagged. The percentage-point change exists for percentage units only.
//
// Indicator ids missing from the catalogue are treated as counts without a
// desired direction, except ids ending in "_pct", which are percentages (the
// naming convention of every built-in percentage indicator).
//
// This header does no I/O; see trend_report.hpp for csv/json/md/table output.
#ifndef ZVDJ_TREND_HPP_
#define ZVDJ_TREND_HPP_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zvdj/breaks.hpp"
#include "zvdj/catalogue.hpp"
#include "zvdj/dataset.hpp"
#include "zvdj/period.hpp"

namespace zvdj {
inline namespace v1 {

// ---- Change primitives ----------------------------------------------------

// to - from.
double AbsoluteChange(double from, double to) noexcept;
// 100 * (to - from) / from; nullopt when `from` is 0.
std::optional<double> RelativeChangePct(double from, double to) noexcept;
// to - from, for values that are percentages (never call it for counts).
double PercentagePointChange(double from, double to) noexcept;
// The pp change when `unit` is a percentage, nullopt for counts.
std::optional<double> PercentagePointChangeFor(Unit unit, double from, double to) noexcept;
// 100 * value / base; nullopt when `base` is 0.
std::optional<double> IndexNumber(double base, double value) noexcept;

// A rate that may be undefined; `reason` says why when it is.
struct Rate {
  std::optional<double> value;
  std::string reason;
};

// Compound annual growth rate (x_t / x_0)^(1 / years) - 1, as a fraction.
// Undefined for a zero first value, a sign change, or years <= 0.
Rate Cagr(double first, double last, double years);
// The same with years = Period::YearsBetween(from, to).
Rate CagrBetween(Period from, Period to, double first, double last);

// Theil-Sen slope: the median of the pairwise slopes (x_j - x_i) / (t_j - t_i)
// over pairs with t_j != t_i. `t` in years. Nullopt for fewer than 2 points.
std::optional<double> TheilSenSlope(const std::vector<double>& t, const std::vector<double>& x);

enum class MannKendallMethod : uint8_t {
  kExact,            // n <= 10, no ties: exact distribution of S
  kExactPermutation, // n <= 10 with ties: exact permutation distribution of the observed
                     // values (every distinct arrangement equally likely)
  kNormalApprox,     // n > 10: normal, tie-corrected variance, continuity correction
};
std::string_view MannKendallMethodName(MannKendallMethod m) noexcept;
// "exact", "exact_permutation", "normal_cc".

struct MannKendall {
  int n = 0;
  int64_t s = 0;       // sum over i<j of sgn(x_j - x_i)
  int64_t concordant = 0;  // Kendall's T: pairs with x_j > x_i
  double tau = 0;      // tau-b against time: S / sqrt(n0 (n0 - n_ties))
  double var_s = 0;    // tie-corrected variance of S
  double p_value = 1;  // two-sided
  MannKendallMethod method = MannKendallMethod::kExact;
};

// Mann-Kendall test of x (in time order; equal spacing not required). Exact
// two-sided p-value P(|S'| >= |S|) for n <= 10. Nullopt for n < 3.
std::optional<MannKendall> MannKendallTest(const std::vector<double>& x);

// Change over a span between two periods of one kind: every measure at once.
struct SpanChange {
  double abs_change = 0;
  std::optional<double> rel_change_pct;  // nullopt when `first` is 0
  std::optional<double> pp_change;       // percentage units only
  double years = 0;                      // Period::YearsBetween(from, to)
  Rate cagr;                             // fraction per year
};
SpanChange ChangeOverSpan(Unit unit, Period from, Period to, double first, double last);

// ---- Trend rows ----------------------------------------------------------------

// Flags on a trend row or summary (bit set).
enum TrendFlag : uint32_t {
  kFlagNone = 0,
  kFlagProvisionalMix = 1u << 0,  // change between a provisional and a definitive value
  kFlagProvisional = 1u << 1,     // both values provisional
  kFlagNoPredecessor = 1u << 2,   // calendar predecessor absent
  kFlagNoValue = 1u << 3,         // this or the previous value has no number
  kFlagBreak = 1u << 4,           // a registered break separates the values
  kFlagZeroBase = 1u << 5,        // relative change undefined (previous value 0)
  kFlagSegment = 1u << 6,         // summary covers the segment after a break only
  kFlagProvisionalFirst = 1u << 7,  // summary: first value provisional
  kFlagProvisionalLast = 1u << 8,   // summary: last value provisional
};
// "provisional_mix;break" etc., in bit order; "" for none.
std::string TrendFlagsString(uint32_t flags);

// One series: the key shared by its rows.
struct TrendSeries {
  std::string indicator;
  std::string region;
  std::vector<std::string> dims;  // aligned with TrendTable::dimension_names; "" = total
  PeriodKind period_kind = PeriodKind::kYear;
  Unit unit = Unit::kCount;
  Direction direction = Direction::kNone;
};

struct TrendRow {
  uint32_t series = 0;     // index into TrendTable::series
  Period period;
  std::optional<double> value;
  ValueStatus status = ValueStatus::kDefinitive;
  std::optional<Period> prev_period;  // the calendar predecessor (always set)
  std::optional<double> prev_value;
  std::optional<ValueStatus> prev_status;  // when the predecessor is in the data
  std::optional<double> abs_change;
  std::optional<double> rel_change_pct;
  std::optional<double> pp_change;  // percentage units only
  std::optional<double> index;      // 100 * value / value at the base period
  uint32_t flags = kFlagNone;
  std::string note;
};

struct TrendTable {
  std::vector<std::string> dimension_names;  // the dataset's dimension columns
  std::vector<TrendSeries> series;
  std::vector<TrendRow> rows;  // grouped by series, chronological within each
};

struct TrendOptions {
  // Only periods that start on or after from.first_day() and end on or before
  // to.last_day() (for the same kind: from <= p <= to). Predecessors outside
  // the range are still used for the changes of the first row.
  std::optional<Period> from;
  std::optional<Period> to;
  // Base period of the index (value = 100); default the first period of each
  // series in range. Series of another kind, or without a value at the base,
  // get no index.
  std::optional<Period> base;
};

TrendTable ComputeTrendRows(const Dataset& dataset, const Catalogue& catalogue,
                            const BreakRegister& breaks, const TrendOptions& options = {});

// The same rows without materialising the whole table: `sink` is called once
// per series (in the order of ComputeTrendRows) with that series' rows, whose
// `series` field is 0. The vector is reused between calls.
void ForEachSeriesTrend(const Dataset& dataset, const Catalogue& catalogue,
                        const BreakRegister& breaks, const TrendOptions& options,
                        const std::function<void(const TrendSeries&,
                                                 const std::vector<TrendRow>&)>& sink);

// ---- Summaries ----------------------------------------------------------------

struct TrendSummary {
  uint32_t series = 0;  // index into SummaryTable::series
  std::optional<Period> first_period;  // first/last period with a number in the segment
  std::optional<Period> last_period;
  std::optional<double> first_value;
  std::optional<double> last_value;
  int n_periods = 0;  // observations with a number in the segment
  std::optional<double> years;  // Period::YearsBetween(first, last)
  std::optional<double> abs_change;
  std::optional<double> rel_change_pct;
  std::optional<double> pp_change;  // percentage units only
  std::optional<double> cagr_pct;   // 100 * CAGR
  std::optional<double> theil_sen_slope;  // per year
  std::optional<int64_t> mk_s;
  std::optional<double> mk_tau;
  std::optional<double> mk_p;
  std::optional<MannKendallMethod> mk_method;
  std::string assessment;       // category, filled by an AssessmentRule (assessment.hpp)
  std::string assessment_text;  // Dutch explanation
  uint32_t flags = kFlagNone;
  std::string note;
};

struct SummaryTable {
  std::vector<std::string> dimension_names;
  std::vector<TrendSeries> series;
  std::vector<TrendSummary> summaries;  // one per series
};

// Summaries without assessment (see AssessSummaries in assessment.hpp). When a
// registered break falls inside the span, the summary covers the latest
// unbroken segment and the note says so.
SummaryTable ComputeTrendSummaries(const Dataset& dataset, const Catalogue& catalogue,
                                   const BreakRegister& breaks,
                                   const TrendOptions& options = {});

// The unit used for an indicator id (catalogue, else the "_pct" convention).
Unit UnitFor(const Catalogue& catalogue, std::string_view indicator);

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_TREND_HPP_
