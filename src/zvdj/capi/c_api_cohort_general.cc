// C API: general cohorts (any entry day per person), user-defined outcomes,
// and the distribution of a state per group.
#include <algorithm>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/cohort.hpp"
#include "zvdj/survival.hpp"
#include "zvdj/zvdj.h"

// Members are kept by person id, not by the code of one record store, so that
// a cohort can be defined before (and estimated against) any store.
struct zvdj_cohort {
  struct OutcomeDef {
    std::string name;
    bool builtin = false;
    std::vector<std::string> person_ids;  // user outcomes: event persons ...
    std::vector<int32_t> days;            // ... and days
  };
  std::vector<zvdj::CohortGroup> groups;
  std::vector<std::string> person_ids;
  std::vector<int32_t> entry;
  std::vector<uint32_t> group;
  std::vector<OutcomeDef> outcomes;
};

namespace zvdj::capi {

absl::StatusOr<std::vector<CohortMethod>> ParseMethodList(std::string_view list) {
  std::vector<CohortMethod> methods;
  size_t start = 0;
  while (true) {
    const size_t comma = list.find(',', start);
    const std::string_view item =
        list.substr(start, comma == std::string_view::npos ? std::string_view::npos
                                                           : comma - start);
    ZVDJ_ASSIGN_OR_RETURN(const std::vector<CohortMethod> some, ParseCohortMethods(item));
    for (CohortMethod m : some) {
      if (std::find(methods.begin(), methods.end(), m) == methods.end()) methods.push_back(m);
    }
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return methods;
}

namespace {

constexpr const char* kBuiltinOutcomeNames[] = {"verlengde_jeugdhulp", "zvw_ggz", "wmo", "wlz",
                                                "vervolgzorg_any"};

absl::Status CheckNewOutcomeName(const zvdj_cohort& c, const char* name) {
  ZVDJ_CAPI_REQUIRE(name);
  if (name[0] == '\0') return absl::InvalidArgumentError("outcome name is empty");
  for (const auto& o : c.outcomes) {
    if (o.name == name) {
      return absl::AlreadyExistsError("outcome '" + std::string(name) + "' is already defined");
    }
  }
  return absl::OkStatus();
}

absl::Status EighteenthBirthday(zvdj_cohort** out, const zvdj_records* records,
                                const zvdj_cohort_options* opts) {
  ZVDJ_CAPI_REQUIRE(out);
  ZVDJ_CAPI_REQUIRE(records);
  ZVDJ_CAPI_REQUIRE(opts);
  ZVDJ_RETURN_IF_ERROR(CheckOptionsVersion("zvdj_cohort_options", opts->version,
                                           ZVDJ_COHORT_OPTIONS_VERSION));
  const int first = opts->year_of_18;
  const int last = opts->year_of_18_last == 0 ? first : opts->year_of_18_last;
  if (first < Date::kMinYear || last > Date::kMaxYear || last < first || last - first > 200) {
    return absl::InvalidArgumentError("year_of_18 " + std::to_string(first) + ".." +
                                      std::to_string(last) + " is not a range of years");
  }
  if (opts->window_months < 1 || opts->window_months > 120) {
    return absl::InvalidArgumentError("window_months must lie in 1..120");
  }
  const RecordStore& store = records->impl;
  EighteenCohortOptions copt;
  copt.by_municipality = opts->by_municipality != 0;
  copt.window_months = opts->window_months;
  ZVDJ_ASSIGN_OR_RETURN(copt.cutoff, CohortCutoff(opts->cutoff, store));
  std::vector<int> years;
  for (int y = first; y <= last; ++y) years.push_back(y);
  const Cohort cohort = EighteenthBirthdayCohort(store, years, copt);
  auto h = std::make_unique<zvdj_cohort>();
  h->groups = cohort.groups;
  h->entry = cohort.entry;
  h->group = cohort.group;
  h->person_ids.reserve(cohort.size());
  for (uint32_t p : cohort.person) h->person_ids.emplace_back(store.persons.ids.id(p));
  *out = h.release();
  return absl::OkStatus();
}

absl::Status AddMembers(zvdj_cohort* cohort, size_t rows, const char* const* person_ids,
                        const int32_t* entry_days, const size_t* groups) {
  ZVDJ_CAPI_REQUIRE(cohort);
  if (rows == 0) return absl::OkStatus();
  ZVDJ_CAPI_REQUIRE(person_ids);
  ZVDJ_CAPI_REQUIRE(entry_days);
  ZVDJ_CAPI_REQUIRE(groups);
  for (size_t i = 0; i < rows; ++i) {
    const std::string row = "row " + std::to_string(i) + ": ";
    if (person_ids[i] == nullptr || person_ids[i][0] == '\0') {
      return absl::InvalidArgumentError(row + "person id is empty");
    }
    if (groups[i] >= cohort->groups.size()) {
      return absl::OutOfRangeError(row + "group " + std::to_string(groups[i]) +
                                   " does not exist (" +
                                   std::to_string(cohort->groups.size()) + " groups)");
    }
    if (entry_days[i] == kNoDate || entry_days[i] == kOpenEnd) {
      return absl::InvalidArgumentError(row + "entry day is not a date");
    }
  }
  for (size_t i = 0; i < rows; ++i) {
    cohort->person_ids.emplace_back(person_ids[i]);
    cohort->entry.push_back(entry_days[i]);
    cohort->group.push_back(static_cast<uint32_t>(groups[i]));
  }
  return absl::OkStatus();
}

// Fills `result` with the outflow of the cohort `def`.
absl::Status Outflow(zvdj_table& result, const zvdj_records* records, const zvdj_cohort* def,
                     const zvdj_outflow_options* opts) {
  ZVDJ_CAPI_REQUIRE(records);
  ZVDJ_CAPI_REQUIRE(def);
  zvdj_outflow_options o;
  if (opts == nullptr) {
    zvdj_outflow_options_init(&o, ZVDJ_OUTFLOW_OPTIONS_VERSION);
  } else {
    ZVDJ_RETURN_IF_ERROR(CheckOptionsVersion("zvdj_outflow_options", opts->version,
                                             ZVDJ_OUTFLOW_OPTIONS_VERSION));
    o = *opts;
  }
  const RecordStore& store = records->impl;
  OutflowOptions opt;
  ZVDJ_ASSIGN_OR_RETURN(opt, ToOutflowOptions(o.horizons, o.methods, o.death_as_censoring,
                                              o.denominator));
  ZVDJ_ASSIGN_OR_RETURN(opt.survival, ToSurvivalOptions(o.ci, o.ci_level));
  ZVDJ_ASSIGN_OR_RETURN(opt.cutoff, CohortCutoff(o.cutoff, store));

  CohortRows rows;
  Cohort& cohort = rows.cohort;
  for (const CohortGroup& g : def->groups) {
    cohort.groups.push_back(g);
    cohort.excluded_exit_before_entry.push_back(0);
    cohort.excluded_entry_after_cutoff.push_back(0);
  }
  for (size_t i = 0; i < def->person_ids.size(); ++i) {
    const std::optional<uint32_t> p = store.persons.ids.Find(def->person_ids[i]);
    if (!p) {
      return absl::NotFoundError("member " + std::to_string(i) + ": person '" +
                                 def->person_ids[i] + "' is not in the records");
    }
    cohort.Add(*p, def->entry[i], def->group[i]);
  }
  std::vector<Outcome> outcomes;
  if (def->outcomes.empty()) {
    outcomes = BuiltinOutcomes(store);
  } else {
    for (const auto& d : def->outcomes) {
      if (d.builtin) {
        ZVDJ_ASSIGN_OR_RETURN(Outcome b, BuiltinOutcome(store, d.name));
        outcomes.push_back(std::move(b));
        continue;
      }
      std::vector<std::pair<uint32_t, int32_t>> events;
      events.reserve(d.person_ids.size());
      for (size_t i = 0; i < d.person_ids.size(); ++i) {
        // Persons unknown to the store cannot be members: their events do not matter.
        if (const auto p = store.persons.ids.Find(d.person_ids[i])) {
          events.emplace_back(*p, d.days[i]);
        }
      }
      outcomes.push_back(OutcomeFromEvents(d.name, std::move(events)));
    }
  }
  ZVDJ_ASSIGN_OR_RETURN(rows.estimates, CohortOutflow(store, cohort, outcomes, opt));
  FillCohortTable(&result, std::move(rows), CohortTableLayout::kGroups);
  return absl::OkStatus();
}

absl::Status States(zvdj_table** out, size_t rows, const char* const* groups,
                    const char* const* categories, const char* reference_group) {
  ZVDJ_CAPI_REQUIRE(out);
  ZVDJ_CAPI_REQUIRE(reference_group);
  if (rows > 0) {
    ZVDJ_CAPI_REQUIRE(groups);
    ZVDJ_CAPI_REQUIRE(categories);
  }
  std::vector<std::string> g(rows), c(rows);
  for (size_t i = 0; i < rows; ++i) {
    if (groups[i] == nullptr || categories[i] == nullptr) {
      return absl::InvalidArgumentError("row " + std::to_string(i) +
                                        ": group and category must not be NULL");
    }
    g[i] = groups[i];
    c[i] = categories[i];
  }
  ZVDJ_ASSIGN_OR_RETURN(std::vector<StateShare> shares,
                        StateDistribution(g, c, reference_group));
  auto result = std::make_unique<zvdj_table>();
  result->table = ToTable(shares);
  *out = result.release();
  return absl::OkStatus();
}

}  // namespace
}  // namespace zvdj::capi

using zvdj::capi::Guard;

extern "C" {

ZVDJ_API zvdj_status zvdj_cohort_create(zvdj_cohort** out) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    *out = new zvdj_cohort();
    return absl::OkStatus();
  });
}

ZVDJ_API void zvdj_cohort_destroy(zvdj_cohort* cohort) { delete cohort; }

ZVDJ_API zvdj_status zvdj_cohort_eighteenth_birthday(zvdj_cohort** out,
                                                     const zvdj_records* records,
                                                     const zvdj_cohort_options* opts) {
  return Guard([&] { return zvdj::capi::EighteenthBirthday(out, records, opts); });
}

ZVDJ_API zvdj_status zvdj_cohort_add_group(size_t* out_index, zvdj_cohort* cohort,
                                           const char* label, int32_t year,
                                           const char* region) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(cohort);
    ZVDJ_CAPI_REQUIRE(label);
    if (label[0] == '\0') return absl::InvalidArgumentError("group label is empty");
    const std::string_view wanted(label);
    size_t index = cohort->groups.size();
    for (size_t i = 0; i < cohort->groups.size(); ++i) {
      if (cohort->groups[i].label == wanted) index = i;
    }
    if (index == cohort->groups.size()) {
      zvdj::CohortGroup g;
      g.label = label;
      g.year = year;
      if (region != nullptr && region[0] != '\0') g.region = region;
      cohort->groups.push_back(std::move(g));
    }
    if (out_index != nullptr) *out_index = index;
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_cohort_add_members(zvdj_cohort* cohort, size_t rows,
                                             const char* const* person_ids,
                                             const int32_t* entry_days, const size_t* groups) {
  return Guard([&] {
    return zvdj::capi::AddMembers(cohort, rows, person_ids, entry_days, groups);
  });
}

ZVDJ_API zvdj_status zvdj_cohort_add_builtin_outcome(zvdj_cohort* cohort, const char* name) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(cohort);
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckNewOutcomeName(*cohort, name));
    bool known = false;
    std::string names;
    for (const char* n : zvdj::capi::kBuiltinOutcomeNames) {
      known |= std::string_view(n) == name;
      names += (names.empty() ? "" : ", ") + std::string(n);
    }
    if (!known) {
      return absl::InvalidArgumentError("unknown outcome '" + std::string(name) +
                                        "' (expected one of " + names + ")");
    }
    cohort->outcomes.push_back({.name = name, .builtin = true, .person_ids = {}, .days = {}});
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_cohort_add_event_outcome(zvdj_cohort* cohort, const char* name,
                                                   size_t count, const char* const* person_ids,
                                                   const int32_t* event_days) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(cohort);
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckNewOutcomeName(*cohort, name));
    if (count > 0) {
      ZVDJ_CAPI_REQUIRE(person_ids);
      ZVDJ_CAPI_REQUIRE(event_days);
    }
    zvdj_cohort::OutcomeDef d;
    d.name = name;
    for (size_t i = 0; i < count; ++i) {
      if (person_ids[i] == nullptr || person_ids[i][0] == '\0') {
        return absl::InvalidArgumentError("event " + std::to_string(i) + ": person id is empty");
      }
      if (event_days[i] == zvdj::kNoDate || event_days[i] == zvdj::kOpenEnd) {
        return absl::InvalidArgumentError("event " + std::to_string(i) +
                                          ": event day is not a date");
      }
      d.person_ids.emplace_back(person_ids[i]);
      d.days.push_back(event_days[i]);
    }
    cohort->outcomes.push_back(std::move(d));
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_cohort_info(size_t* out_members, size_t* out_groups,
                                      size_t* out_outcomes, const zvdj_cohort* cohort) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(cohort);
    if (out_members != nullptr) *out_members = cohort->person_ids.size();
    if (out_groups != nullptr) *out_groups = cohort->groups.size();
    if (out_outcomes != nullptr) *out_outcomes = cohort->outcomes.size();
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_outflow_options_init(zvdj_outflow_options* opts, uint32_t version) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(opts);
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckOptionsVersion("zvdj_outflow_options", version,
                                                         ZVDJ_OUTFLOW_OPTIONS_VERSION));
    *opts = zvdj_outflow_options{};
    opts->version = version;
    opts->ci = ZVDJ_CI_LOG;
    opts->ci_level = zvdj::SurvivalOptions{}.conf_level;
    opts->denominator = ZVDJ_DENOMINATOR_ALL;
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_cohort_outflow(zvdj_cohort_result** out, const zvdj_records* records,
                                         const zvdj_cohort* cohort,
                                         const zvdj_outflow_options* opts) {
  return Guard([&] {
    return zvdj::capi::NewResult(
        out, [&](zvdj_table& r) { return zvdj::capi::Outflow(r, records, cohort, opts); });
  });
}

ZVDJ_API zvdj_status zvdj_cohort_outflow_table(zvdj_table** out, const zvdj_records* records,
                                               const zvdj_cohort* cohort,
                                               const zvdj_outflow_options* opts) {
  return Guard([&] {
    return zvdj::capi::NewResult(
        out, [&](zvdj_table& r) { return zvdj::capi::Outflow(r, records, cohort, opts); });
  });
}

ZVDJ_API zvdj_status zvdj_state_distribution(zvdj_table** out, size_t rows,
                                             const char* const* groups,
                                             const char* const* categories,
                                             const char* reference_group) {
  return Guard([&] {
    return zvdj::capi::States(out, rows, groups, categories, reference_group);
  });
}

}  // extern "C"
