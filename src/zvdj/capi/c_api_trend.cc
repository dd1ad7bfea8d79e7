// C API: trend rows, summaries and assessments.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "zvdj/assessment.hpp"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/trend.hpp"
#include "zvdj/trend_report.hpp"
#include "zvdj/zvdj.h"

// The older trend handle: a zvdj_table under its own name.
struct zvdj_trend_result : zvdj_table {};

namespace zvdj::capi {
namespace {

struct TrendInputs {
  TrendOptions options;
  std::unique_ptr<AssessmentRule> rule;  // null: no assessment
};

absl::StatusOr<TrendInputs> ToTrendInputs(const zvdj_trend_options* opts) {
  zvdj_trend_options o;
  if (opts == nullptr) {
    zvdj_trend_options_init(&o, ZVDJ_TREND_OPTIONS_VERSION);
  } else {
    ZVDJ_RETURN_IF_ERROR(CheckOptionsVersion("zvdj_trend_options", opts->version,
                                             ZVDJ_TREND_OPTIONS_VERSION));
    o = *opts;
  }
  TrendInputs in;
  if (o.from != nullptr) {
    ZVDJ_ASSIGN_OR_RETURN(in.options.from, ParsePeriodArg(o.from, "from"));
  }
  if (o.to != nullptr) {
    ZVDJ_ASSIGN_OR_RETURN(in.options.to, ParsePeriodArg(o.to, "to"));
  }
  if (o.base != nullptr) {
    ZVDJ_ASSIGN_OR_RETURN(in.options.base, ParsePeriodArg(o.base, "base"));
  }
  switch (o.rule) {
    case ZVDJ_ASSESSMENT_CAGR: {
      if (!(o.cagr_scale > 0 && o.cagr_scale <= 1)) {
        return absl::InvalidArgumentError("cagr_scale must be in (0, 1]");
      }
      if (!(o.cagr_acceleration_pct >= 0 && o.cagr_on_track_pct >= o.cagr_acceleration_pct)) {
        return absl::InvalidArgumentError(
            "need 0 <= cagr_acceleration_pct <= cagr_on_track_pct");
      }
      CagrThresholds t;
      t.on_track_pct = o.cagr_on_track_pct;
      t.acceleration_pct = o.cagr_acceleration_pct;
      t.scale = o.cagr_scale;
      in.rule = std::make_unique<CagrRule>(t);
      break;
    }
    case ZVDJ_ASSESSMENT_TOLERANCE:
      if (!(o.tolerance >= 0)) return absl::InvalidArgumentError("tolerance must be >= 0");
      in.rule = std::make_unique<ToleranceRule>(ToleranceOptions{.tolerance = o.tolerance});
      break;
    case ZVDJ_ASSESSMENT_NONE:
      break;
    default:
      return absl::InvalidArgumentError("unknown assessment rule " + std::to_string(o.rule));
  }
  return in;
}

// The trend rows or summaries as a new handle of type Handle (zvdj_table or
// the older zvdj_trend_result).
template <class Handle>
absl::Status Trends(Handle** out, const zvdj_dataset* dataset, const zvdj_catalogue* catalogue,
                    const zvdj_breaks* breaks, const zvdj_trend_options* opts, bool summary) {
  ZVDJ_CAPI_REQUIRE(out);
  ZVDJ_CAPI_REQUIRE(dataset);
  ZVDJ_ASSIGN_OR_RETURN(TrendInputs in, ToTrendInputs(opts));
  const Catalogue& cat = catalogue != nullptr ? catalogue->impl : Catalogue::BuiltIn();
  static const BreakRegister kNoBreaks;
  const BreakRegister& br = breaks != nullptr ? breaks->impl : kNoBreaks;
  auto result = std::make_unique<Handle>();
  if (!summary) {
    result->table = ToTable(ComputeTrendRows(dataset->impl, cat, br, in.options));
  } else {
    SummaryTable table = ComputeTrendSummaries(dataset->impl, cat, br, in.options);
    if (in.rule != nullptr) AssessSummaries(table, *in.rule);
    result->table = ToTable(table);
  }
  *out = result.release();
  return absl::OkStatus();
}

}  // namespace
}  // namespace zvdj::capi

using zvdj::capi::Guard;

extern "C" {

ZVDJ_API zvdj_status zvdj_trend_options_init(zvdj_trend_options* opts, uint32_t version) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(opts);
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckOptionsVersion("zvdj_trend_options", version,
                                                         ZVDJ_TREND_OPTIONS_VERSION));
    const zvdj::CagrThresholds cagr;
    *opts = zvdj_trend_options{};
    opts->version = version;
    opts->rule = ZVDJ_ASSESSMENT_CAGR;
    opts->cagr_on_track_pct = cagr.on_track_pct;
    opts->cagr_acceleration_pct = cagr.acceleration_pct;
    opts->cagr_scale = cagr.scale;
    opts->tolerance = zvdj::ToleranceOptions{}.tolerance;
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_trends_compute(zvdj_trend_result** out, const zvdj_dataset* dataset,
                                         const zvdj_catalogue* catalogue,
                                         const zvdj_breaks* breaks,
                                         const zvdj_trend_options* opts) {
  return Guard([&] { return zvdj::capi::Trends(out, dataset, catalogue, breaks, opts, false); });
}

ZVDJ_API zvdj_status zvdj_trends_summarize(zvdj_trend_result** out,
                                           const zvdj_dataset* dataset,
                                           const zvdj_catalogue* catalogue,
                                           const zvdj_breaks* breaks,
                                           const zvdj_trend_options* opts) {
  return Guard([&] { return zvdj::capi::Trends(out, dataset, catalogue, breaks, opts, true); });
}

ZVDJ_API zvdj_status zvdj_trends_compute_table(zvdj_table** out, const zvdj_dataset* dataset,
                                               const zvdj_catalogue* catalogue,
                                               const zvdj_breaks* breaks,
                                               const zvdj_trend_options* opts) {
  return Guard([&] { return zvdj::capi::Trends(out, dataset, catalogue, breaks, opts, false); });
}

ZVDJ_API zvdj_status zvdj_trends_summarize_table(zvdj_table** out, const zvdj_dataset* dataset,
                                                 const zvdj_catalogue* catalogue,
                                                 const zvdj_breaks* breaks,
                                                 const zvdj_trend_options* opts) {
  return Guard([&] { return zvdj::capi::Trends(out, dataset, catalogue, breaks, opts, true); });
}

ZVDJ_CAPI_TABLE_API(zvdj_trend_result, zvdj_trend_result, h->table.ToCsv())

}  // extern "C"
