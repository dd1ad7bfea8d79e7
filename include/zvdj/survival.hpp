// libzvdj survival estimators on plain arrays: Kaplan–Meier with Greenwood
// variance, and the Aalen–Johansen cumulative incidence of competing events
// with the infinitesimal-jackknife variance that R's survival package reports.
//
//   #include "zvdj/survival.hpp"
#include "zvdj/table.hpp"
//   std::vector<double> time = {10, 10, 10, 45, 45, 60, 91, 91, 120, 150, 183, 183};
//   std::vector<int32_t> status = {1, 2, 0, 1, 0, 3, 1, 2, 0, 1, 0, 0};  // 0 = censored
//   auto fit = zvdj::CompetingRisksFit::Fit(time, status).value();
//   std::vector<double> at = {30, 91, 183};
//   for (const zvdj::SurvivalPoint& p : fit.CumulativeIncidence(1, at)) {
//     // p.estimate 0.083333 / 0.281746 / 0.422840, p.std_err 0.079786 / ...
//   }
//
// Conventions (those of R's survival::survfit and summary(fit, times = ...)):
// - status 0 is censored, k >= 1 is an event of type k. Times are finite and
//   >= 0 (integer days or any other unit).
// - Ties: at the same time, events happen before censorings (a subject censored
//   at t is in the risk set at t). Event types tied at t are handled jointly.
// - Evaluation at t is right-continuous: everything at times <= t counts.
//   n_at_risk at t is the number of subjects with time >= t (R's n.risk);
//   n_events counts events of the type at times <= t (cumulative);
//   n_censored_before counts censorings at times < t, i.e. subjects whose
//   follow-up is incomplete at t.
// - Kaplan–Meier: S(t) = prod (1 - d_i/n_i), Greenwood variance
//   S(t)^2 sum d_i / (n_i (n_i - d_i)). `std_err` is the standard error of S.
// - Aalen–Johansen: CIF_k(t) = sum S(t_{i-1}) d_{k,i}/n_i with S the all-cause
//   KM. Its variance is the infinitesimal-jackknife variance sum_j U_j(t)^2
//   (U_j the derivative of CIF_k(t) with respect to subject j's weight), which
//   is what survfit(Surv(time, factor(status)) ~ 1) reports in std.err. It is
//   computed in O(distinct times) per horizon by grouping subjects with the same
//   exit time and status (they have the same influence).
// - Confidence intervals (z = qnorm(1 - (1 - level)/2)), clipped to [0, 1]:
//   kLog      exp(log p -/+ z se/p)            (R's default; NaN when p = 0)
//   kLogLog   exp(-exp(log(-log p) -/+ z se/(p log p)))  (NaN when p is 0 or 1)
//   kPlain    p -/+ z se
//   applied to the estimate being reported (S for Kaplan–Meier, CIF_k for
//   Aalen–Johansen), exactly as R's survfit_confint does.
#ifndef ZVDJ_SURVIVAL_HPP_
#define ZVDJ_SURVIVAL_HPP_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace zvdj {
inline namespace v1 {

enum class CiTransform : uint8_t { kLog = 0, kLogLog, kPlain };

// "log", "log-log" (also "loglog"), "plain".
absl::StatusOr<CiTransform> ParseCiTransform(std::string_view name);
std::string_view CiTransformName(CiTransform t) noexcept;

struct SurvivalOptions {
  CiTransform ci = CiTransform::kLog;
  double conf_level = 0.95;
};

// One estimate at one evaluation time.
struct SurvivalPoint {
  double time = 0;
  double estimate = 0;
  double std_err = 0;
  double ci_low = 0;   // NaN where the transform is undefined (as R's NA)
  double ci_high = 0;
  int64_t n_at_risk = 0;
  int64_t n_events = 0;          // events of the estimated type at times <= t
  int64_t n_censored_before = 0; // censored at times < t: incomplete follow-up
};

// (lower, upper) for an estimate p with standard error se of p.
std::pair<double, double> ConfidenceInterval(double p, double se, const SurvivalOptions& options);

// A fitted competing-risks (or single-event) data set: the event table over
// distinct times, with the all-cause survival, cumulative incidences and the
// per-time influence terms needed for the variances.
class CompetingRisksFit {
 public:
  // InvalidArgument for mismatched lengths, negative or non-finite times,
  // negative status.
  static absl::StatusOr<CompetingRisksFit> Fit(std::span<const double> time,
                                               std::span<const int32_t> status);

  int num_event_types() const { return num_types_; }
  int64_t num_subjects() const { return n_; }
  size_t num_distinct_times() const { return times_.size(); }

  // Aalen–Johansen cumulative incidence of `type` (1..num_event_types()).
  // A type above num_event_types() gives a zero curve.
  std::vector<SurvivalPoint> CumulativeIncidence(int type, std::span<const double> at,
                                                 const SurvivalOptions& options = {}) const;
  // All-cause Kaplan–Meier survival (any event type ends survival).
  std::vector<SurvivalPoint> Survival(std::span<const double> at,
                                      const SurvivalOptions& options = {}) const;
  // Kaplan–Meier survival for `type` alone, other event types treated as
  // censored (R: survfit(Surv(time, status == type) ~ 1)).
  std::vector<SurvivalPoint> TypeSurvival(int type, std::span<const double> at,
                                          const SurvivalOptions& options = {}) const;

 private:
  // Index of the last distinct time <= t, or -1.
  ptrdiff_t IndexAtOrBefore(double t) const;
  int64_t RiskSetAt(double t) const;
  int64_t CensoredBefore(double t) const;
  double Event(size_t j, int type) const { return static_cast<double>(d_[j * k1_ + type]); }

  int num_types_ = 0;
  size_t k1_ = 1;  // num_types_ + 1: row width of d_ (column 0 = censored)
  int64_t n_ = 0;
  std::vector<double> times_;      // distinct times, ascending
  std::vector<int64_t> n_risk_;    // #{time >= times_[j]}
  std::vector<int64_t> d_;         // [j*k1 + k]: censored (k = 0) or events of type k at times_[j]
  std::vector<int64_t> d_all_;     // all events at times_[j]
  std::vector<int64_t> cum_censored_;  // censorings at times <= times_[j]
};

// Kaplan–Meier for status > 0 on plain arrays (all event types together).
absl::StatusOr<std::vector<SurvivalPoint>> KaplanMeier(std::span<const double> time,
                                                        std::span<const int32_t> status,
                                                        std::span<const double> at,
                                                        const SurvivalOptions& options = {});

// time, estimate, std_err, ci_low, ci_high, n_at_risk, n_events,
// n_censored_before (the last three integers).
Table ToTable(std::span<const SurvivalPoint> curve);

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_SURVIVAL_HPP_
