// C API: the outflow of the 18th-birthday cohort.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/cohort.hpp"
#include "zvdj/survival.hpp"
#include "zvdj/zvdj.h"

namespace zvdj::capi {

int32_t LatestDate(const RecordStore& s) {
  int32_t latest = kNoDate;
  const auto see = [&](int32_t d) {
    if (d != kOpenEnd && d != kNoDate) latest = std::max(latest, d);
  };
  for (size_t i = 0; i < s.jeugdhulp.size(); ++i) {
    see(s.jeugdhulp.start[i]);
    see(s.jeugdhulp.end[i]);
  }
  for (size_t i = 0; i < s.vervolgzorg.size(); ++i) {
    see(s.vervolgzorg.start[i]);
    see(s.vervolgzorg.end[i]);
  }
  for (int32_t d : s.persons.exit) see(d);
  return latest;
}

absl::StatusOr<int32_t> CohortCutoff(const char* cutoff, const RecordStore& s) {
  if (cutoff != nullptr) {
    ZVDJ_ASSIGN_OR_RETURN(const Date d, ParseDateArg(cutoff, "cutoff"));
    return d.days();
  }
  const int32_t latest = LatestDate(s);
  if (latest == kNoDate) return absl::InvalidArgumentError("no dates in the records; set cutoff");
  return latest;
}

namespace {

// Fills `result` with the outflow of the 18th-birthday cohort.
absl::Status EstimateCohort(zvdj_table& result, const zvdj_records* records,
                            const zvdj_cohort_options* opts) {
  ZVDJ_CAPI_REQUIRE(records);
  ZVDJ_CAPI_REQUIRE(opts);
  ZVDJ_RETURN_IF_ERROR(CheckOptionsVersion("zvdj_cohort_options", opts->version,
                                           ZVDJ_COHORT_OPTIONS_VERSION));
  const zvdj_cohort_options& o = *opts;
  const int first = o.year_of_18;
  const int last = o.year_of_18_last == 0 ? first : o.year_of_18_last;
  if (first < Date::kMinYear || last > Date::kMaxYear || last < first || last - first > 200) {
    return absl::InvalidArgumentError("year_of_18 " + std::to_string(first) + ".." +
                                      std::to_string(last) + " is not a range of years");
  }
  std::vector<int> years;
  for (int y = first; y <= last; ++y) years.push_back(y);

  OutflowOptions opt;
  ZVDJ_ASSIGN_OR_RETURN(opt, ToOutflowOptions(o.horizons, o.methods, o.death_as_censoring,
                                              o.denominator));
  ZVDJ_ASSIGN_OR_RETURN(opt.survival.ci, ParseCiTransform(o.ci == nullptr ? "log" : o.ci));
  if (!(o.ci_level > 0 && o.ci_level < 1)) {
    return absl::InvalidArgumentError("ci_level must lie in (0, 1)");
  }
  opt.survival.conf_level = o.ci_level;
  const RecordStore& store = records->impl;
  ZVDJ_ASSIGN_OR_RETURN(opt.cutoff, CohortCutoff(o.cutoff, store));
  if (o.window_months < 1 || o.window_months > 120) {
    return absl::InvalidArgumentError("window_months must lie in 1..120");
  }
  EighteenCohortOptions copt;
  copt.by_municipality = o.by_municipality != 0;
  copt.window_months = o.window_months;
  copt.cutoff = opt.cutoff;

  CohortRows rows;
  rows.cohort = EighteenthBirthdayCohort(store, years, copt);
  const std::vector<Outcome> outcomes = BuiltinOutcomes(store);
  ZVDJ_ASSIGN_OR_RETURN(rows.estimates, CohortOutflow(store, rows.cohort, outcomes, opt));
  FillCohortTable(&result, std::move(rows), CohortTableLayout::kEighteen);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<OutflowOptions> ToOutflowOptions(const char* horizons, const char* methods,
                                                int32_t death_as_censoring, int32_t denominator) {
  OutflowOptions opt;
  ZVDJ_ASSIGN_OR_RETURN(opt.horizons, ParseHorizons(horizons == nullptr ? "1m,3m,6m" : horizons));
  ZVDJ_ASSIGN_OR_RETURN(opt.methods, ParseMethodList(methods == nullptr ? "aj" : methods));
  opt.death = death_as_censoring != 0 ? DeathHandling::kCensor : DeathHandling::kCompeting;
  switch (denominator) {
    case ZVDJ_DENOMINATOR_ALL:
      opt.denominator = Denominator::kAll;
      break;
    case ZVDJ_DENOMINATOR_ZONDER_VERLENGDE:
      opt.denominator = Denominator::kZonderVerlengde;
      break;
    default:
      return absl::InvalidArgumentError("unknown denominator " + std::to_string(denominator));
  }
  return opt;
}

void FillCohortTable(zvdj_table* result, CohortRows rows, CohortTableLayout layout) {
  result->table = ToTable(rows.cohort, rows.estimates, layout);
  result->cohort = std::make_shared<const CohortRows>(std::move(rows));
}

}  // namespace zvdj::capi

using zvdj::capi::Guard;

extern "C" {

ZVDJ_API zvdj_status zvdj_cohort_options_init(zvdj_cohort_options* opts, uint32_t version) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(opts);
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckOptionsVersion("zvdj_cohort_options", version,
                                                         ZVDJ_COHORT_OPTIONS_VERSION));
    *opts = zvdj_cohort_options{};
    opts->version = version;
    opts->ci_level = zvdj::SurvivalOptions{}.conf_level;
    opts->denominator = ZVDJ_DENOMINATOR_ALL;
    opts->window_months = zvdj::EighteenCohortOptions{}.window_months;
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_cohort_estimate(zvdj_cohort_result** out,
                                          const zvdj_records* records,
                                          const zvdj_cohort_options* opts) {
  return Guard([&] {
    return zvdj::capi::NewResult(out, [&](zvdj_table& r) {
      return zvdj::capi::EstimateCohort(r, records, opts);
    });
  });
}

ZVDJ_API zvdj_status zvdj_cohort_estimate_table(zvdj_table** out, const zvdj_records* records,
                                                const zvdj_cohort_options* opts) {
  return Guard([&] {
    return zvdj::capi::NewResult(out, [&](zvdj_table& r) {
      return zvdj::capi::EstimateCohort(r, records, opts);
    });
  });
}

ZVDJ_API zvdj_status zvdj_cohort_result_to_dataset(zvdj_dataset** out,
                                                   const zvdj_cohort_result* result) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    ZVDJ_CAPI_REQUIRE(result);
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Dataset ds, zvdj::CohortEstimatesToDataset(
                                                result->cohort->cohort, result->cohort->estimates));
    *out = new zvdj_dataset{std::move(ds)};
    return absl::OkStatus();
  });
}

ZVDJ_CAPI_TABLE_API(zvdj_cohort_result, zvdj_cohort_result, h->table.ToCsv())

}  // extern "C"
