// libzvdj cohort outflow: who enters a cohort (the 18th-birthday cohort, or
// any entry date per person), which follow-up care they reach within 1, 3 or 6
// months, with censoring at the data cut-off and at emigration, and death as a
// competing event.
//
//   #include "zvdj/cohort.hpp"
//   zvdj::RecordStore store = ...;                      // jeugdhulp, vervolgzorg, persons
//   zvdj::EighteenCohortOptions copt{.cutoff = zvdj::Date::FromYmdUnchecked(2019, 12, 31).days()};
//   zvdj::Cohort cohort = zvdj::EighteenthBirthdayCohort(store, {2017}, copt);
//   zvdj::OutflowOptions opt;
//   opt.horizons = zvdj::ParseHorizons("1m,3m,6m").value();
//   opt.cutoff = *copt.cutoff;
//   auto rows = zvdj::CohortOutflow(store, cohort, zvdj::BuiltinOutcomes(store), opt).value();
//   // rows[i]: group, outcome, horizon, method, estimate (a proportion), std_err, CI, ...
//
//   // Any other cohort: an entry day per person and a group, e.g. trajectories
//   // that ended in 2018, followed from their end date.
//   zvdj::Cohort ended;
//   uint32_t g = ended.AddGroup({.label = "2018", .year = 2018});
//   for (size_t r = 0; r < store.jeugdhulp.size(); ++r) {
//     if (/* end in 2018 */ ...) ended.Add(store.jeugdhulp.person[r], store.jeugdhulp.end[r], g);
//   }
//
// Definitions (the defaults of the Zorg voor de Jeugd factsheets; see
// "4e voortgangsrapportage Zorg voor de Jeugd, mei 2020, factsheet actielijn 4"):
// - 18th-birthday cohort for year Y: persons whose 18th birthday b
//   (NthBirthday(birth, 18, feb29)) falls in Y and who had a jeugdhulp
//   trajectory active during [AddMonths(b, -3), b): start <= b - 1 and
//   (open or end >= AddMonths(b, -3)), the "active during a period" rule. So a
//   trajectory ending exactly on AddMonths(b, -3) qualifies, one starting on b
//   does not. Persons who died or emigrated before b, and persons whose b lies
//   after the cut-off (membership not observable), are left out (counted in
//   Cohort::excluded_*). Region (optional): the municipality of the qualifying
//   trajectory with the latest start (ties: latest end, then lowest code).
// - Time origin: the entry date b. Outcomes (each its own curve; outcomes may
//   overlap, so curves need not sum to 1):
//   verlengde_jeugdhulp  first day >= b on which a jeugdhulp trajectory is
//                        active (start <= d < end): a trajectory running on b
//                        (start <= b < end) gives event time 0, else the first
//                        start >= b;
//   zvw_ggz, wmo, wlz    first vervolgzorg start >= b of that kind (care that
//                        started before b and still runs does not count);
//   vervolgzorg_any      the first of the three;
//   user outcomes        a callback person -> first event day >= entry, or a
//                        list of (person, event day) (OutcomeFromEvents).
// - Follow-up ends at the cut-off date (inclusive: events on it count) and at
//   emigration (inclusive). Death is a competing event by default (or a
//   censoring). An outcome on the day of death counts as the outcome. Events
//   after the end of follow-up are ignored. Members of a general cohort who
//   enter after the cut-off or exit before their entry are left out of the
//   estimation (the rows' note says how many).
// - Horizons: "Nd" (N days) or "Nm" (N calendar months). "Within h" means
//   event day < end(b, h), with end = b + N days or AddMonths(b, N) (clamped:
//   b = 31 Jan, 1m -> 28/29 Feb). Each subject's time is measured on its own
//   calendar scale: for months, t = k + (d - AddMonths(b, k)) / (length of that
//   month), so d < AddMonths(b, N) <=> t < N exactly for every subject, and
//   all subjects are evaluated at their own horizon. The days scale is d - b.
//   A subject observed through day y is censored at the end of y (just before
//   the start of y + 1 on that scale): with a complete window it is still at
//   risk at the horizon. The estimators only need the order of the times, so
//   both scales are coded as small integers (exact ties, no rounding).
// - Estimates per group x outcome x horizon:
//   aj     Aalen–Johansen cumulative incidence of the outcome with death as
//          competing event (equals 1 - KM when nobody dies), IJ standard error
//          as R's survfit;
//   km     1 - Kaplan–Meier treating death as censoring (biased upwards when
//          deaths occur), Greenwood standard error, interval from S's interval;
//   naive  n_events / n_cohort, only when every member's follow-up is complete
//          at the horizon; otherwise the row has no estimate and a note.
//   n_at_risk counts members still followed and event-free at the start of
//   the last day of their window (R's n.risk on that day: an event on the
//   last day still counts as at risk); n_events counts events before the
//   horizon.
// - Denominator: all members (default) or only those without verlengde
//   jeugdhulp at b (no jeugdhulp trajectory active on the 18th birthday;
//   the reports do not say which one they use). Rows say which one was used.
#ifndef ZVDJ_COHORT_HPP_
#define ZVDJ_COHORT_HPP_

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "zvdj/dataset.hpp"
#include "zvdj/date.hpp"
#include "zvdj/records.hpp"
#include "zvdj/survival.hpp"
#include "zvdj/table.hpp"

namespace zvdj {
inline namespace v1 {

// ---- Horizons ----

struct Horizon {
  enum class Unit : uint8_t { kDays, kMonths };
  int count = 0;
  Unit unit = Unit::kMonths;
  std::string label;  // "1m", "30d"
};

// The longest horizons: 100 years.
inline constexpr int kMaxHorizonMonths = 1200;
inline constexpr int kMaxHorizonDays = 36525;

// "1m,3m,6m", "30d", "12m"; InvalidArgument naming the bad item otherwise
// ("too large" past kMaxHorizonMonths / kMaxHorizonDays).
absl::StatusOr<std::vector<Horizon>> ParseHorizons(std::string_view text);
// First day no longer "within" the horizon: b + N or AddMonths(b, N).
Date HorizonEnd(Date entry, const Horizon& horizon) noexcept;
// Calendar months since `entry` at the start of `day` (day >= entry):
// completed months + the elapsed fraction of the current month.
double MonthsSince(Date entry, Date day) noexcept;

// ---- Cohorts ----

struct CohortGroup {
  std::string label;            // "2017", "2017 GM0363", ...
  int year = 0;                 // period of the group (year of turning 18)
  std::string region = "NL01";  // region code of the group
};

// Members in the general form: (person, entry day, group).
struct Cohort {
  std::vector<CohortGroup> groups;
  std::vector<uint32_t> person;
  std::vector<int32_t> entry;
  std::vector<uint32_t> group;  // index into groups
  // Per group: left out because of exit before entry / entry after cut-off.
  std::vector<int64_t> excluded_exit_before_entry;
  std::vector<int64_t> excluded_entry_after_cutoff;

  size_t size() const { return person.size(); }
  // Adds a group (or returns the existing one with the same label).
  uint32_t AddGroup(const CohortGroup& g);
  void Add(uint32_t person_code, int32_t entry_day, uint32_t group_index);
};

struct EighteenCohortOptions {
  Feb29Rule feb29 = Feb29Rule::kMarch1;
  int window_months = 3;          // [AddMonths(b, -window), b)
  bool by_municipality = false;   // group by year x municipality
  std::optional<int32_t> cutoff;  // members with b after it are left out
};

Cohort EighteenthBirthdayCohort(const RecordStore& store, std::span<const int> years,
                                const EighteenCohortOptions& options = {});

// ---- Outcomes ----

// The first event day >= entry for `person`, or kNoDate when none.
using FirstEventFn = std::function<int32_t(uint32_t person, int32_t entry)>;

struct Outcome {
  std::string name;
  FirstEventFn first_event;
};

// verlengde_jeugdhulp, zvw_ggz, wmo, wlz, vervolgzorg_any over `store`
// (which must outlive the outcomes).
std::vector<Outcome> BuiltinOutcomes(const RecordStore& store);
// One built-in outcome by name; InvalidArgument listing the names otherwise.
absl::StatusOr<Outcome> BuiltinOutcome(const RecordStore& store, std::string_view name);
// A user outcome from (person, event day) pairs.
Outcome OutcomeFromEvents(std::string name, std::vector<std::pair<uint32_t, int32_t>> events);

// ---- Estimation ----

enum class CohortMethod : uint8_t { kAalenJohansen = 0, kKaplanMeier, kNaive };
enum class DeathHandling : uint8_t { kCompeting = 0, kCensor };
enum class Denominator : uint8_t { kAll = 0, kZonderVerlengde };

std::string_view CohortMethodName(CohortMethod m) noexcept;  // "aj", "km", "naive"
std::string_view DenominatorName(Denominator d) noexcept;    // "all", "zonder_verlengde"
absl::StatusOr<std::vector<CohortMethod>> ParseCohortMethods(std::string_view s);  // aj|km|naive|all
absl::StatusOr<DeathHandling> ParseDeathHandling(std::string_view s);  // competing|censor
absl::StatusOr<Denominator> ParseDenominator(std::string_view s);

struct OutflowOptions {
  std::vector<Horizon> horizons;  // empty: 1m, 3m, 6m
  int32_t cutoff = kNoDate;       // required: last observed day
  std::vector<CohortMethod> methods = {CohortMethod::kAalenJohansen};
  DeathHandling death = DeathHandling::kCompeting;
  Denominator denominator = Denominator::kAll;
  SurvivalOptions survival;       // CI transform and level
};

struct CohortEstimate {
  uint32_t group = 0;  // index into Cohort::groups
  std::string outcome;
  std::string horizon;
  CohortMethod method = CohortMethod::kAalenJohansen;
  Denominator denominator = Denominator::kAll;
  int64_t n_cohort = 0;  // members in the denominator
  int64_t n_at_risk = 0;
  int64_t n_events = 0;
  double estimate = 0;  // proportion in [0, 1]; NaN when refused
  double std_err = 0;
  double ci_low = 0;
  double ci_high = 0;
  std::string note;
};

// One row per group x outcome x horizon x method, in that order.
// InvalidArgument when the cut-off is missing.
absl::StatusOr<std::vector<CohortEstimate>> CohortOutflow(const RecordStore& store,
                                                          const Cohort& cohort,
                                                          std::span<const Outcome> outcomes,
                                                          const OutflowOptions& options);

// The estimates as dataset observations: indicator `vervolgzorg_pct`, period
// = the group's year, region = the group's region, dimensions outcome and
// horizon (and `method` when several methods are present), value = estimate
// x 100; a refused estimate has status "." and its reason as note.
absl::StatusOr<Dataset> CohortEstimatesToDataset(const Cohort& cohort,
                                                 std::span<const CohortEstimate> rows);

// ---- State at a reference date (cohort vs reference group) ----

struct StateShare {
  std::string group;
  std::string category;
  int64_t count = 0;
  int64_t group_total = 0;
  double share_pct = 0;  // count / group_total * 100
  double pp_diff = 0;    // share_pct - the reference group's share_pct
};

// Distribution of a categorical state per group, with percentage-point
// differences against `reference_group` (0 for the reference itself). Every
// (group, category) pair seen in any group is reported (count 0 when absent),
// groups and categories in order of first appearance. InvalidArgument for
// unequal lengths or an unknown reference group.
absl::StatusOr<std::vector<StateShare>> StateDistribution(
    std::span<const std::string> group, std::span<const std::string> category,
    std::string_view reference_group);

// The columns of a cohort result table, defined once for the command, the C
// API and the bindings: year_of_18 (kEighteen) or group, year (kGroups), then
// region, outcome, horizon, n_cohort, n_at_risk, n_events, estimate, std_err,
// ci_low, ci_high, method, denominator, note. Counts and years are integers.
enum class CohortTableLayout : uint8_t { kEighteen, kGroups };
Table ToTable(const Cohort& cohort, std::span<const CohortEstimate> rows,
              CohortTableLayout layout = CohortTableLayout::kEighteen);

// group, category, count, group_total, share_pct, pp_diff.
Table ToTable(std::span<const StateShare> shares);

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_COHORT_HPP_
