// C API: Kaplan–Meier and Aalen–Johansen estimates on plain arrays.
#include <algorithm>
#include <cmath>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/survival.hpp"
#include "zvdj/zvdj.h"

static_assert(ZVDJ_CI_LOG == static_cast<int>(zvdj::CiTransform::kLog));
static_assert(ZVDJ_CI_LOG_LOG == static_cast<int>(zvdj::CiTransform::kLogLog));
static_assert(ZVDJ_CI_PLAIN == static_cast<int>(zvdj::CiTransform::kPlain));

struct zvdj_survival_fit {
  zvdj::CompetingRisksFit impl;
  std::vector<double> distinct_times;
};

namespace zvdj::capi {

absl::StatusOr<SurvivalOptions> ToSurvivalOptions(int32_t ci, double ci_level) {
  SurvivalOptions o;
  if (ci < ZVDJ_CI_LOG || ci > ZVDJ_CI_PLAIN) {
    return absl::InvalidArgumentError("unknown ci transform " + std::to_string(ci) +
                                      " (ZVDJ_CI_LOG, ZVDJ_CI_LOG_LOG or ZVDJ_CI_PLAIN)");
  }
  o.ci = static_cast<CiTransform>(ci);
  if (!(ci_level > 0 && ci_level < 1)) {
    return absl::InvalidArgumentError("ci_level must lie in (0, 1)");
  }
  o.conf_level = ci_level;
  return o;
}

namespace {

absl::Status FitCreate(zvdj_survival_fit** out, size_t n, const double* times,
                       const int32_t* statuses) {
  ZVDJ_CAPI_REQUIRE(out);
  if (n > 0) {
    ZVDJ_CAPI_REQUIRE(times);
    ZVDJ_CAPI_REQUIRE(statuses);
  }
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(times[i]) || times[i] < 0) {
      return absl::InvalidArgumentError("subject " + std::to_string(i) +
                                        ": time must be finite and >= 0");
    }
    if (statuses[i] < 0) {
      return absl::InvalidArgumentError("subject " + std::to_string(i) +
                                        ": status must be >= 0 (0 = censored)");
    }
  }
  ZVDJ_ASSIGN_OR_RETURN(CompetingRisksFit fit,
                        CompetingRisksFit::Fit(std::span<const double>(times, n),
                                               std::span<const int32_t>(statuses, n)));
  auto h = std::make_unique<zvdj_survival_fit>(zvdj_survival_fit{std::move(fit), {}});
  // The distinct times, ascending: the points where the curves step.
  std::vector<double> t(times, times + n);
  std::sort(t.begin(), t.end());
  t.erase(std::unique(t.begin(), t.end()), t.end());
  h->distinct_times = std::move(t);
  *out = h.release();
  return absl::OkStatus();
}

absl::Status Evaluate(zvdj_table** out, const zvdj_survival_fit* fit, int32_t estimate,
                      int32_t event_type, size_t count, const double* at,
                      const zvdj_survival_options* opts) {
  ZVDJ_CAPI_REQUIRE(out);
  ZVDJ_CAPI_REQUIRE(fit);
  SurvivalOptions so;
  if (opts != nullptr) {
    ZVDJ_RETURN_IF_ERROR(CheckOptionsVersion("zvdj_survival_options", opts->version,
                                             ZVDJ_SURVIVAL_OPTIONS_VERSION));
    ZVDJ_ASSIGN_OR_RETURN(so, ToSurvivalOptions(opts->ci, opts->ci_level));
  }
  std::vector<double> points;
  if (count == 0 || at == nullptr) {
    if (count > 0) ZVDJ_CAPI_REQUIRE(at);
    points = fit->distinct_times;
  } else {
    points.assign(at, at + count);
    for (size_t i = 0; i < count; ++i) {
      if (std::isnan(points[i])) {
        return absl::InvalidArgumentError("at[" + std::to_string(i) + "] is NaN");
      }
    }
  }
  const bool needs_type = estimate == ZVDJ_SURVIVAL_CUMULATIVE_INCIDENCE ||
                          estimate == ZVDJ_SURVIVAL_TYPE_KAPLAN_MEIER;
  if (needs_type && event_type < 1) {
    return absl::InvalidArgumentError("event_type must be >= 1");
  }
  std::vector<SurvivalPoint> rows;
  switch (estimate) {
    case ZVDJ_SURVIVAL_ALL_CAUSE:
      rows = fit->impl.Survival(points, so);
      break;
    case ZVDJ_SURVIVAL_CUMULATIVE_INCIDENCE:
      rows = fit->impl.CumulativeIncidence(event_type, points, so);
      break;
    case ZVDJ_SURVIVAL_TYPE_KAPLAN_MEIER:
      rows = fit->impl.TypeSurvival(event_type, points, so);
      break;
    default:
      return absl::InvalidArgumentError("unknown estimate " + std::to_string(estimate) +
                                        " (ZVDJ_SURVIVAL_*)");
  }
  auto result = std::make_unique<zvdj_table>();
  result->table = ToTable(rows);
  *out = result.release();
  return absl::OkStatus();
}

}  // namespace
}  // namespace zvdj::capi

using zvdj::capi::Guard;

extern "C" {

ZVDJ_API zvdj_status zvdj_survival_options_init(zvdj_survival_options* opts,
                                                uint32_t version) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(opts);
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckOptionsVersion("zvdj_survival_options", version,
                                                         ZVDJ_SURVIVAL_OPTIONS_VERSION));
    *opts = zvdj_survival_options{};
    opts->version = version;
    opts->ci = ZVDJ_CI_LOG;
    opts->ci_level = zvdj::SurvivalOptions{}.conf_level;
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_survival_fit_create(zvdj_survival_fit** out, size_t n,
                                              const double* times,
                                              const int32_t* statuses) {
  return Guard([&] { return zvdj::capi::FitCreate(out, n, times, statuses); });
}

ZVDJ_API void zvdj_survival_fit_destroy(zvdj_survival_fit* fit) { delete fit; }

ZVDJ_API zvdj_status zvdj_survival_fit_info(int32_t* out_event_types, int64_t* out_subjects,
                                            size_t* out_distinct_times,
                                            const zvdj_survival_fit* fit) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(fit);
    if (out_event_types != nullptr) *out_event_types = fit->impl.num_event_types();
    if (out_subjects != nullptr) *out_subjects = fit->impl.num_subjects();
    if (out_distinct_times != nullptr) *out_distinct_times = fit->distinct_times.size();
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_survival_fit_times(double* times, size_t capacity, size_t* written,
                                             const zvdj_survival_fit* fit) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(fit);
    return zvdj::capi::CopyOut(fit->distinct_times.data(), fit->distinct_times.size(), times,
                               capacity, written);
  });
}

ZVDJ_API zvdj_status zvdj_survival_evaluate(zvdj_table** out, const zvdj_survival_fit* fit,
                                            int32_t estimate, int32_t event_type,
                                            size_t count, const double* at,
                                            const zvdj_survival_options* opts) {
  return Guard([&] {
    return zvdj::capi::Evaluate(out, fit, estimate, event_type, count, at, opts);
  });
}

}  // extern "C"
