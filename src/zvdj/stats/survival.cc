#include "zvdj/survival.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>
#include <utility>

#include "absl/strings/str_format.h"
#include "boost/math/special_functions/erf.hpp"
#include "zvdj/names.hpp"

namespace zvdj {
inline namespace v1 {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ZValue(double conf_level) {
  // qnorm(1 - q) = sqrt(2) erfc_inv(2 q) with q = (1 - level) / 2.
  return std::sqrt(2.0) * boost::math::erfc_inv(1.0 - conf_level);
}

}  // namespace

// The spellings live in the name table of names.hpp.
absl::StatusOr<CiTransform> ParseCiTransform(std::string_view name) {
  return ParseEnum<CiTransform>(name);
}

std::string_view CiTransformName(CiTransform t) noexcept { return EnumName(t); }

std::pair<double, double> ConfidenceInterval(double p, double se, const SurvivalOptions& options) {
  const double z = ZValue(options.conf_level);
  if (std::isnan(p) || std::isnan(se)) return {kNaN, kNaN};
  switch (options.ci) {
    case CiTransform::kPlain:
      return {std::max(p - z * se, 0.0), std::min(p + z * se, 1.0)};
    case CiTransform::kLog: {
      if (p <= 0) return {kNaN, kNaN};
      const double s = se == 0 ? 0 : se / p;  // standard error of log p
      return {std::exp(std::log(p) - z * s), std::min(std::exp(std::log(p) + z * s), 1.0)};
    }
    case CiTransform::kLogLog: {
      if (p <= 0 || p >= 1) return {kNaN, kNaN};
      const double s = se == 0 ? 0 : se / p;
      const double s2 = z * s / std::log(p);
      const double ll = std::log(-std::log(p));
      return {std::exp(-std::exp(ll - s2)), std::exp(-std::exp(ll + s2))};
    }
  }
  return {kNaN, kNaN};
}

absl::StatusOr<CompetingRisksFit> CompetingRisksFit::Fit(std::span<const double> time,
                                                         std::span<const int32_t> status) {
  if (time.size() != status.size()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "time and status differ in length (%d vs %d)", time.size(), status.size()));
  }
  CompetingRisksFit f;
  f.n_ = static_cast<int64_t>(time.size());
  int32_t max_status = 0;
  double max_time = 0;
  bool integral = true;
  for (size_t i = 0; i < time.size(); ++i) {
    const double t = time[i];
    if (!std::isfinite(t) || t < 0) {
      return absl::InvalidArgumentError(
          absl::StrFormat("subject %d: time must be finite and >= 0, got %g", i, t));
    }
    if (status[i] < 0) {
      return absl::InvalidArgumentError(
          absl::StrFormat("subject %d: status must be >= 0, got %d", i, status[i]));
    }
    max_status = std::max(max_status, status[i]);
    max_time = std::max(max_time, t);
    integral = integral && t == std::floor(t);
  }
  f.num_types_ = max_status;
  f.k1_ = static_cast<size_t>(max_status) + 1;
  const size_t k1 = f.k1_;

  // Integer times over a modest range (days): count per time, no sort needed.
  const double bucket_limit = 4.0 * static_cast<double>(time.size()) + 100000.0;
  if (integral && max_time <= bucket_limit) {
    const size_t nt = static_cast<size_t>(max_time) + 1;
    std::vector<int64_t> counts(nt * k1, 0);
    for (size_t i = 0; i < time.size(); ++i) {
      ++counts[static_cast<size_t>(time[i]) * k1 + static_cast<size_t>(status[i])];
    }
    for (size_t t = 0; t < nt; ++t) {
      const int64_t* row = &counts[t * k1];
      int64_t any = 0;
      for (size_t k = 0; k < k1; ++k) any += row[k];
      if (any == 0) continue;
      f.times_.push_back(static_cast<double>(t));
      f.d_.insert(f.d_.end(), row, row + k1);
    }
  } else {
    std::vector<std::pair<double, int32_t>> sorted(time.size());
    for (size_t i = 0; i < time.size(); ++i) sorted[i] = {time[i], status[i]};
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    size_t distinct = 0;
    for (size_t i = 0; i < sorted.size(); ++i) {
      distinct += i == 0 || sorted[i].first != sorted[i - 1].first;
    }
    f.times_.reserve(distinct);
    f.d_.assign(distinct * k1, 0);
    for (size_t i = 0; i < sorted.size(); ++i) {
      if (i == 0 || sorted[i].first != sorted[i - 1].first) f.times_.push_back(sorted[i].first);
      ++f.d_[(f.times_.size() - 1) * k1 + static_cast<size_t>(sorted[i].second)];
    }
  }
  const size_t nd = f.times_.size();
  f.n_risk_.resize(nd);
  f.d_all_.resize(nd);
  f.cum_censored_.resize(nd);
  int64_t at_risk = f.n_;
  int64_t censored = 0;
  for (size_t j = 0; j < nd; ++j) {
    const int64_t* row = &f.d_[j * k1];
    int64_t all = 0;
    for (size_t k = 1; k < k1; ++k) all += row[k];
    f.n_risk_[j] = at_risk;
    f.d_all_[j] = all;
    censored += row[0];
    f.cum_censored_[j] = censored;
    at_risk -= all + row[0];
  }
  return f;
}

ptrdiff_t CompetingRisksFit::IndexAtOrBefore(double t) const {
  auto it = std::upper_bound(times_.begin(), times_.end(), t);
  return (it - times_.begin()) - 1;
}

int64_t CompetingRisksFit::RiskSetAt(double t) const {
  auto it = std::lower_bound(times_.begin(), times_.end(), t);
  return it == times_.end() ? 0 : n_risk_[static_cast<size_t>(it - times_.begin())];
}

int64_t CompetingRisksFit::CensoredBefore(double t) const {
  auto it = std::lower_bound(times_.begin(), times_.end(), t);
  const ptrdiff_t j = (it - times_.begin()) - 1;
  return j < 0 ? 0 : cum_censored_[static_cast<size_t>(j)];
}

std::vector<SurvivalPoint> CompetingRisksFit::CumulativeIncidence(
    int type, std::span<const double> at, const SurvivalOptions& options) const {
  std::vector<SurvivalPoint> out(at.size());
  ptrdiff_t last = -1;
  std::vector<ptrdiff_t> tau(at.size());
  for (size_t h = 0; h < at.size(); ++h) {
    tau[h] = IndexAtOrBefore(at[h]);
    last = std::max(last, tau[h]);
  }
  const bool has_type = type >= 1 && type <= num_types_;
  const size_t m_count = static_cast<size_t>(last + 1);
  // Forward pass. For a subject at risk at t_j without an event (weight
  // derivative with dN = 0, Y = 1), V0/Vk are the influences on the
  // event-free probability and on CIF_k just after t_j; p0_before is the
  // event-free probability just before t_j.
  // Every element is written by the forward pass: no zero-filling.
  std::unique_ptr<double[]> p0_before(new double[m_count]), cif(new double[m_count]),
      v0(new double[m_count]), vk(new double[m_count]);
  std::unique_ptr<int64_t[]> cum_events(new int64_t[m_count]);
  {
    double p0 = 1, f = 0, a0 = 0, ak = 0;
    int64_t ev = 0;
    for (size_t j = 0; j < m_count; ++j) {
      const double n = static_cast<double>(n_risk_[j]);
      const double d = static_cast<double>(d_all_[j]);
      const double dk = has_type ? Event(j, type) : 0.0;
      p0_before[j] = p0;
      if (d > 0) {
        const double h = d / n, lk = dk / n;
        const double a0_new = a0 * (1 - h) + p0 * h / n;
        const double ak_new = ak + a0 * lk - p0 * lk / n;
        f += p0 * lk;
        p0 *= 1 - h;
        a0 = a0_new;
        ak = ak_new;
      }
      ev += has_type ? d_[j * k1_ + static_cast<size_t>(type)] : 0;
      cif[j] = f;
      v0[j] = a0;
      vk[j] = ak;
      cum_events[j] = ev;
    }
  }
  for (size_t h = 0; h < at.size(); ++h) {
    SurvivalPoint& p = out[h];
    p.time = at[h];
    p.n_at_risk = RiskSetAt(at[h]);
    p.n_censored_before = CensoredBefore(at[h]);
    const ptrdiff_t t = tau[h];
    if (t < 0) {
      p.estimate = 0;
      p.std_err = 0;
      p.n_events = 0;
    } else {
      const size_t ti = static_cast<size_t>(t);
      p.estimate = cif[ti];
      p.n_events = cum_events[ti];
      // Backward pass: subjects leaving at t_m (m <= tau) have influence
      // U(m) at t_m, carried to tau by U_k(tau) = U_k(m) + U_0(m) R_k(m, tau),
      // R_k(m-1, tau) = lambda_k(m) + (1 - h(m)) R_k(m, tau).
      double var = 0, r = 0;
      for (size_t m = ti + 1; m-- > 0;) {
        const double n = static_cast<double>(n_risk_[m]);
        const int64_t d_all = d_all_[m];
        const double dk = has_type ? Event(m, type) : 0.0;
        const int64_t stay = m == ti ? n_risk_[m] - d_all : d_[m * k1_];
        if (stay > 0) {
          const double u = vk[m] + v0[m] * r;
          var += static_cast<double>(stay) * u * u;
        }
        if (d_all > 0) {
          const double jump = p0_before[m] / n;
          const double u0 = v0[m] - jump;
          if (dk > 0) {
            const double u = vk[m] + jump + u0 * r;
            var += dk * u * u;
          }
          const double other = static_cast<double>(d_all) - dk;
          if (other > 0) {
            const double u = vk[m] + u0 * r;
            var += other * u * u;
          }
          r = dk / n + (1 - static_cast<double>(d_all) / n) * r;
        }
      }
      p.std_err = std::sqrt(var);
    }
    std::tie(p.ci_low, p.ci_high) = ConfidenceInterval(p.estimate, p.std_err, options);
  }
  return out;
}

namespace {

// Kaplan–Meier over an event table where `events(j)` are the events at t_j.
template <typename Events>
std::vector<SurvivalPoint> KmAt(const std::vector<double>& times,
                                const std::vector<int64_t>& n_risk, Events events,
                                std::span<const double> at, const SurvivalOptions& options,
                                auto risk_at, auto censored_before, bool ij_at_zero) {
  std::vector<SurvivalPoint> out(at.size());
  for (size_t h = 0; h < at.size(); ++h) {
    SurvivalPoint& p = out[h];
    p.time = at[h];
    p.n_at_risk = risk_at(at[h]);
    p.n_censored_before = censored_before(at[h]);
  }
  // Horizons in ascending order share one pass.
  std::vector<size_t> order(at.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return at[a] < at[b]; });
  double s = 1, gw = 0;
  int64_t ev = 0;
  size_t j = 0;
  for (size_t oi : order) {
    while (j < times.size() && times[j] <= at[oi]) {
      const int64_t d = events(j);
      if (d > 0) {
        const double n = static_cast<double>(n_risk[j]);
        const double dd = static_cast<double>(d);
        s *= 1 - dd / n;
        gw += n > dd ? dd / (n * (n - dd)) : std::numeric_limits<double>::infinity();
        ev += d;
      }
      ++j;
    }
    SurvivalPoint& p = out[oi];
    p.estimate = s;
    // Once S reaches 0 the Greenwood term is infinite: R's KM reports NaN
    // (0 * Inf), its multi-state (infinitesimal jackknife) fit reports 0.
    p.std_err = s == 0 && ij_at_zero ? 0.0 : s * std::sqrt(gw);
    p.n_events = ev;
    if (times.empty() || at[oi] < times.front()) {
      // Nothing observed yet: S = 1 exactly (R's summary reports [1, 1] here).
      p.ci_low = p.ci_high = 1.0;
    } else {
      std::tie(p.ci_low, p.ci_high) = ConfidenceInterval(p.estimate, p.std_err, options);
    }
  }
  return out;
}

}  // namespace

std::vector<SurvivalPoint> CompetingRisksFit::Survival(std::span<const double> at,
                                                       const SurvivalOptions& options) const {
  return KmAt(
      times_, n_risk_, [&](size_t j) { return d_all_[j]; }, at, options,
      [&](double t) { return RiskSetAt(t); }, [&](double t) { return CensoredBefore(t); },
      /*ij_at_zero=*/true);
}

std::vector<SurvivalPoint> CompetingRisksFit::TypeSurvival(int type, std::span<const double> at,
                                                           const SurvivalOptions& options) const {
  const bool has_type = type >= 1 && type <= num_types_;
  const size_t k = static_cast<size_t>(type);
  return KmAt(
      times_, n_risk_, [&](size_t j) { return has_type ? d_[j * k1_ + k] : int64_t{0}; }, at,
      options, [&](double t) { return RiskSetAt(t); },
      [&](double t) {
        // Other event types count as censorings here.
        auto it = std::lower_bound(times_.begin(), times_.end(), t);
        int64_t c = 0;
        for (auto jt = times_.begin(); jt != it; ++jt) {
          const size_t j = static_cast<size_t>(jt - times_.begin());
          c += d_[j * k1_] + d_all_[j] - (has_type ? d_[j * k1_ + k] : 0);
        }
        return c;
      },
      /*ij_at_zero=*/false);
}

absl::StatusOr<std::vector<SurvivalPoint>> KaplanMeier(std::span<const double> time,
                                                        std::span<const int32_t> status,
                                                        std::span<const double> at,
                                                        const SurvivalOptions& options) {
  auto fit = CompetingRisksFit::Fit(time, status);
  if (!fit.ok()) return fit.status();
  return fit->Survival(at, options);
}

}  // namespace v1
}  // namespace zvdj
