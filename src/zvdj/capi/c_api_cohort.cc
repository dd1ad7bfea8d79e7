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

namespace {

absl::Status EstimateCohort(zvdj_cohort_result** out, const zvdj_records* records,
                    const zvdj_cohort_options* opts) {
  ZVDJ_CAPI_REQUIRE(out);
  ZVDJ_CAPI_REQUIRE(records);
  ZVDJ_CAPI_REQUIRE(opts);
  if (opts->version < 1 || opts->version > ZVDJ_COHORT_OPTIONS_VERSION) {
    return absl::InvalidArgumentError("zvdj_cohort_options version " +
                                      std::to_string(opts->version) + " is not supported");
  }
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
  if (o.cutoff != nullptr) {
    ZVDJ_ASSIGN_OR_RETURN(const Date d, ParseDateArg(o.cutoff, "cutoff"));
    opt.cutoff = d.days();
  } else {
    opt.cutoff = LatestDate(store);
    if (opt.cutoff == kNoDate) {
      return absl::InvalidArgumentError("no dates in the records; set cutoff");
    }
  }
  if (o.window_months < 1 || o.window_months > 120) {
    return absl::InvalidArgumentError("window_months must lie in 1..120");
  }
  EighteenCohortOptions copt;
  copt.by_municipality = o.by_municipality != 0;
  copt.window_months = o.window_months;
  copt.cutoff = opt.cutoff;

  auto result = std::make_unique<zvdj_cohort_result>();
  result->cohort = EighteenthBirthdayCohort(store, years, copt);
  const std::vector<Outcome> outcomes = BuiltinOutcomes(store);
  ZVDJ_ASSIGN_OR_RETURN(result->estimates,
                        CohortOutflow(store, result->cohort, outcomes, opt));

  FillCohortTable(result.get(), /*group_label=*/false);
  *out = result.release();
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

void FillCohortTable(zvdj_cohort_result* result, bool group_label) {
  ResultTable& t = result->table;
  const size_t group = group_label ? t.AddText("group") : 0;
  const size_t year = t.AddNumber(group_label ? "year" : "year_of_18");
  const size_t region = t.AddText("region");
  const size_t outcome = t.AddText("outcome");
  const size_t horizon = t.AddText("horizon");
  const size_t n_cohort = t.AddNumber("n_cohort");
  const size_t n_at_risk = t.AddNumber("n_at_risk");
  const size_t n_events = t.AddNumber("n_events");
  const size_t estimate = t.AddNumber("estimate");
  const size_t std_err = t.AddNumber("std_err");
  const size_t ci_low = t.AddNumber("ci_low");
  const size_t ci_high = t.AddNumber("ci_high");
  const size_t method = t.AddText("method");
  const size_t denominator = t.AddText("denominator");
  const size_t note = t.AddText("note");
  for (const CohortEstimate& e : result->estimates) {
    const CohortGroup& g = result->cohort.groups[e.group];
    if (group_label) t.Text(group, g.label);
    t.Number(year, g.year);
    t.Text(region, g.region);
    t.Text(outcome, e.outcome);
    t.Text(horizon, e.horizon);
    t.Number(n_cohort, static_cast<double>(e.n_cohort));
    t.Number(n_at_risk, static_cast<double>(e.n_at_risk));
    t.Number(n_events, static_cast<double>(e.n_events));
    t.Number(estimate, e.estimate);
    t.Number(std_err, e.std_err);
    t.Number(ci_low, e.ci_low);
    t.Number(ci_high, e.ci_high);
    t.Text(method, std::string(CohortMethodName(e.method)));
    t.Text(denominator, std::string(DenominatorName(e.denominator)));
    t.Text(note, e.note);
    t.EndRow();
  }
}

}  // namespace zvdj::capi

using zvdj::capi::Guard;

extern "C" {

ZVDJ_API zvdj_status zvdj_cohort_options_init(zvdj_cohort_options* opts, uint32_t version) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(opts);
    if (version < 1 || version > ZVDJ_COHORT_OPTIONS_VERSION) {
      return absl::InvalidArgumentError("zvdj_cohort_options version " +
                                        std::to_string(version) + " is not supported");
    }
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
  return Guard([&] { return zvdj::capi::EstimateCohort(out, records, opts); });
}

ZVDJ_API zvdj_status zvdj_cohort_result_to_dataset(zvdj_dataset** out,
                                                   const zvdj_cohort_result* result) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    ZVDJ_CAPI_REQUIRE(result);
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Dataset ds,
                          zvdj::CohortEstimatesToDataset(result->cohort, result->estimates));
    *out = new zvdj_dataset{std::move(ds)};
    return absl::OkStatus();
  });
}

ZVDJ_CAPI_TABLE_API(zvdj_cohort_result, zvdj_cohort_result, h->table.ToCsv())

}  // extern "C"
