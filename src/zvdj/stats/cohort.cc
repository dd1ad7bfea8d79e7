#include "zvdj/cohort.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "zvdj/core/strings.h"
#include "zvdj/names.hpp"

namespace zvdj {
inline namespace v1 {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ---- Calendar month scale as small integers ----
//
// A day d >= b sits in month k after b (AddMonths(b, k) <= d < AddMonths(b,
// k + 1)) at offset j of a month of length len in [28, 31]. Its scale value is
// k + j / len. The fractions j / len take at most 118 distinct values, so
// k * |F| + rank(j / len) is an exact, order-preserving integer code.
struct FractionRanks {
  int count = 0;
  std::array<std::array<int, 31>, 4> rank{};  // [len - 28][j]
};

const FractionRanks& Fractions() {
  static const FractionRanks* f = [] {
    auto* out = new FractionRanks;
    std::vector<std::pair<int, int>> all;  // (j, len)
    for (int len = 28; len <= 31; ++len) {
      for (int j = 0; j < len; ++j) all.emplace_back(j, len);
    }
    auto less = [](std::pair<int, int> a, std::pair<int, int> b) {
      return a.first * b.second < b.first * a.second;
    };
    std::vector<std::pair<int, int>> sorted = all;
    std::sort(sorted.begin(), sorted.end(), less);
    std::vector<std::pair<int, int>> distinct;
    for (auto p : sorted) {
      if (distinct.empty() || less(distinct.back(), p)) distinct.push_back(p);
    }
    out->count = static_cast<int>(distinct.size());
    for (auto [j, len] : all) {
      auto it = std::lower_bound(distinct.begin(), distinct.end(), std::make_pair(j, len), less);
      out->rank[static_cast<size_t>(len - 28)][static_cast<size_t>(j)] =
          static_cast<int>(it - distinct.begin());
    }
    return out;
  }();
  return *f;
}

using Ymd = Date::Ymd;
Ymd ToYmd(Date x) { return x.ToYmd(); }

// AddMonths(b, k) for b given as y/m/d (clamped, never snapped).
Date AddMonthsYmd(const Ymd& b, int k) {
  const int total = b.year * 12 + (b.month - 1) + k;
  const int y = total >= 0 ? total / 12 : -((-total + 11) / 12);
  const int m = total - y * 12 + 1;
  return Date::FromYmdUnchecked(y, m, std::min(b.day, DaysInMonth(y, m)));
}

// Months completed from b to d (d >= b) and the bounds of the current month.
void MonthPosition(const Ymd& b, Date d, int* k, Date* lo, Date* hi) {
  const Ymd dy = ToYmd(d);
  int kk = (dy.year - b.year) * 12 + (dy.month - b.month);
  Date a = AddMonthsYmd(b, kk);
  if (a > d) {
    --kk;
    a = AddMonthsYmd(b, kk);
  }
  *k = kk;
  *lo = a;
  *hi = AddMonthsYmd(b, kk + 1);
}

int64_t MonthKey(const Ymd& b, Date d) {
  int k;
  Date lo, hi;
  MonthPosition(b, d, &k, &lo, &hi);
  const FractionRanks& f = Fractions();
  const int len = hi - lo;
  const int j = d - lo;
  return static_cast<int64_t>(k) * f.count +
         f.rank[static_cast<size_t>(len - 28)][static_cast<size_t>(j)];
}

// ---- Per-person row index (CSR) ----

struct PersonIndex {
  std::vector<uint32_t> offsets;  // size persons + 1
  std::vector<uint32_t> rows;

  static PersonIndex Build(const std::vector<uint32_t>& person, size_t persons) {
    PersonIndex ix;
    size_t n = persons;
    for (uint32_t p : person) n = std::max(n, static_cast<size_t>(p) + 1);
    ix.offsets.assign(n + 1, 0);
    for (uint32_t p : person) ++ix.offsets[p + 1];
    for (size_t i = 0; i < n; ++i) ix.offsets[i + 1] += ix.offsets[i];
    ix.rows.resize(person.size());
    std::vector<uint32_t> next(ix.offsets.begin(), ix.offsets.end() - 1);
    for (size_t r = 0; r < person.size(); ++r) ix.rows[next[person[r]]++] = static_cast<uint32_t>(r);
    return ix;
  }
  std::span<const uint32_t> Of(uint32_t p) const {
    if (static_cast<size_t>(p) + 1 >= offsets.size()) return {};
    return {rows.data() + offsets[p], rows.data() + offsets[p + 1]};
  }
};

struct StoreIndex {
  const RecordStore* store;
  PersonIndex jeugdhulp;
  PersonIndex vervolgzorg;
};

std::shared_ptr<const StoreIndex> IndexStore(const RecordStore& store) {
  auto ix = std::make_shared<StoreIndex>();
  ix->store = &store;
  ix->jeugdhulp = PersonIndex::Build(store.jeugdhulp.person, store.persons.size());
  ix->vervolgzorg = PersonIndex::Build(store.vervolgzorg.person, store.persons.size());
  return ix;
}

int32_t FirstJeugdhulpActive(const StoreIndex& ix, uint32_t p, int32_t entry) {
  const JeugdhulpTable& t = ix.store->jeugdhulp;
  int32_t best = kNoDate;
  for (uint32_t r : ix.jeugdhulp.Of(p)) {
    const int32_t day = std::max(t.start[r], entry);
    if (t.end[r] > day && (best == kNoDate || day < best)) best = day;
  }
  return best;
}

// First vervolgzorg start >= entry among kinds in `mask` (bit per kind).
int32_t FirstVervolgzorgStart(const StoreIndex& ix, uint32_t p, int32_t entry, unsigned mask) {
  const VervolgzorgTable& t = ix.store->vervolgzorg;
  int32_t best = kNoDate;
  for (uint32_t r : ix.vervolgzorg.Of(p)) {
    if (!(mask & (1u << static_cast<unsigned>(t.kind[r])))) continue;
    const int32_t s = t.start[r];
    if (s >= entry && (best == kNoDate || s < best)) best = s;
  }
  return best;
}

constexpr std::array<std::string_view, 5> kBuiltinNames = {
    "verlengde_jeugdhulp", "zvw_ggz", "wmo", "wlz", "vervolgzorg_any"};

Outcome MakeBuiltin(std::shared_ptr<const StoreIndex> ix, size_t which) {
  Outcome o;
  o.name = std::string(kBuiltinNames[which]);
  if (which == 0) {
    o.first_event = [ix](uint32_t p, int32_t e) { return FirstJeugdhulpActive(*ix, p, e); };
  } else {
    const unsigned mask =
        which == 4 ? 0x7u : 1u << static_cast<unsigned>(which - 1);  // zvw_ggz=0, wmo=1, wlz=2
    o.first_event = [ix, mask](uint32_t p, int32_t e) {
      return FirstVervolgzorgStart(*ix, p, e, mask);
    };
  }
  return o;
}

}  // namespace

// ---- Horizons ----

absl::StatusOr<std::vector<Horizon>> ParseHorizons(std::string_view text) {
  std::vector<Horizon> out;
  for (absl::string_view piece : absl::StrSplit(internal::ToAbsl(text), ',')) {
    const std::string item(internal::Trim(internal::ToStd(piece)));
    bool ok = item.size() >= 2 && (item.back() == 'm' || item.back() == 'd');
    // Digits only; the count saturates so that a long number is "too large",
    // not "not a number".
    int64_t n = 0;
    for (size_t i = 0; ok && i + 1 < item.size(); ++i) {
      ok = item[i] >= '0' && item[i] <= '9';
      n = std::min<int64_t>(n * 10 + (item[i] - '0'), int64_t{1} << 40);
    }
    if (!ok || n < 1) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "bad horizon '%s' (expected a positive number of months or days, e.g. 1m, 6m, 30d)",
          internal::EscapeControl(item)));
    }
    // A horizon beyond a lifetime only runs dates past the calendar's range.
    const int64_t limit = item.back() == 'm' ? kMaxHorizonMonths : kMaxHorizonDays;
    if (n > limit) {
      return absl::InvalidArgumentError(
          absl::StrFormat("horizon '%s' is too large (at most %d%c)",
                          internal::EscapeControl(item), limit, item.back()));
    }
    out.push_back({static_cast<int>(n),
                   item.back() == 'm' ? Horizon::Unit::kMonths : Horizon::Unit::kDays,
                   absl::StrCat(n, item.substr(item.size() - 1))});
  }
  if (out.empty()) return absl::InvalidArgumentError("no horizons given");
  return out;
}

Date HorizonEnd(Date entry, const Horizon& horizon) noexcept {
  return horizon.unit == Horizon::Unit::kDays ? entry + horizon.count
                                              : AddMonths(entry, horizon.count);
}

double MonthsSince(Date entry, Date day) noexcept {
  int k;
  Date lo, hi;
  MonthPosition(ToYmd(entry), day, &k, &lo, &hi);
  return k + static_cast<double>(day - lo) / static_cast<double>(hi - lo);
}

// ---- Cohorts ----

uint32_t Cohort::AddGroup(const CohortGroup& g) {
  for (size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].label == g.label) return static_cast<uint32_t>(i);
  }
  groups.push_back(g);
  excluded_exit_before_entry.push_back(0);
  excluded_entry_after_cutoff.push_back(0);
  return static_cast<uint32_t>(groups.size() - 1);
}

void Cohort::Add(uint32_t person_code, int32_t entry_day, uint32_t group_index) {
  person.push_back(person_code);
  entry.push_back(entry_day);
  group.push_back(group_index);
}

Cohort EighteenthBirthdayCohort(const RecordStore& store, std::span<const int> years,
                                const EighteenCohortOptions& options) {
  const PersonTable& persons = store.persons;
  const JeugdhulpTable& jh = store.jeugdhulp;
  const size_t np = persons.size();
  // Birthday and window start for persons turning 18 in one of `years`.
  std::vector<int32_t> b18(np, kNoDate), window(np, kNoDate);
  for (size_t p = 0; p < np; ++p) {
    if (persons.birth[p] == kNoDate) continue;
    const Date b = NthBirthday(Date::FromDays(persons.birth[p]), 18, options.feb29);
    if (std::find(years.begin(), years.end(), b.year()) == years.end()) continue;
    b18[p] = b.days();
    window[p] = AddMonths(b, -options.window_months).days();
  }
  // The qualifying trajectory with the latest start per person.
  constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> best(np, kNone);
  for (size_t r = 0; r < jh.size(); ++r) {
    const uint32_t p = jh.person[r];
    if (p >= np || b18[p] == kNoDate) continue;
    if (!(jh.start[r] <= b18[p] - 1 && (jh.end[r] == kOpenEnd || jh.end[r] >= window[p]))) {
      continue;
    }
    const uint32_t cur = best[p];
    if (cur == kNone ||
        std::make_tuple(jh.start[r], jh.end[r], -static_cast<int>(jh.municipality[r])) >
            std::make_tuple(jh.start[cur], jh.end[cur], -static_cast<int>(jh.municipality[cur]))) {
      best[p] = static_cast<uint32_t>(r);
    }
  }
  // Groups in (year, region) order.
  std::map<std::pair<int, std::string>, std::vector<uint32_t>> by_group;
  std::map<std::pair<int, std::string>, std::pair<int64_t, int64_t>> excluded;
  for (size_t p = 0; p < np; ++p) {
    if (best[p] == kNone) continue;
    const int year = Date::FromDays(b18[p]).year();
    const std::string region = options.by_municipality
                                   ? MunicipalityCodeString(jh.municipality[best[p]])
                                   : std::string("NL01");
    const auto key = std::make_pair(year, region);
    auto& ex = excluded[key];
    by_group[key];  // the group exists even if every member is left out
    if (persons.exit[p] != kNoDate && persons.exit[p] < b18[p]) {
      ++ex.first;
    } else if (options.cutoff && b18[p] > *options.cutoff) {
      ++ex.second;
    } else {
      by_group[key].push_back(static_cast<uint32_t>(p));
    }
  }
  Cohort c;
  for (const auto& [key, members] : by_group) {
    const std::string label =
        options.by_municipality ? absl::StrCat(key.first, " ", key.second) : absl::StrCat(key.first);
    const uint32_t g = c.AddGroup({label, key.first, key.second});
    c.excluded_exit_before_entry[g] = excluded[key].first;
    c.excluded_entry_after_cutoff[g] = excluded[key].second;
    for (uint32_t p : members) c.Add(p, b18[p], g);
  }
  return c;
}

// ---- Outcomes ----

std::vector<Outcome> BuiltinOutcomes(const RecordStore& store) {
  auto ix = IndexStore(store);
  std::vector<Outcome> out;
  for (size_t i = 0; i < kBuiltinNames.size(); ++i) out.push_back(MakeBuiltin(ix, i));
  return out;
}

absl::StatusOr<Outcome> BuiltinOutcome(const RecordStore& store, std::string_view name) {
  for (size_t i = 0; i < kBuiltinNames.size(); ++i) {
    if (kBuiltinNames[i] == name) return MakeBuiltin(IndexStore(store), i);
  }
  return absl::InvalidArgumentError(absl::StrFormat(
      "unknown outcome '%s' (expected one of %s)", std::string(name),
      absl::StrJoin(kBuiltinNames, ", ",
                    [](std::string* o, std::string_view s) { o->append(s); })));
}

Outcome OutcomeFromEvents(std::string name, std::vector<std::pair<uint32_t, int32_t>> events) {
  std::sort(events.begin(), events.end());
  auto shared = std::make_shared<const std::vector<std::pair<uint32_t, int32_t>>>(std::move(events));
  Outcome o;
  o.name = std::move(name);
  o.first_event = [shared](uint32_t p, int32_t entry) {
    auto it = std::lower_bound(shared->begin(), shared->end(), std::make_pair(p, entry));
    return it != shared->end() && it->first == p ? it->second : kNoDate;
  };
  return o;
}

// ---- Estimation ----

// The spellings live in the name tables of names.hpp.
std::string_view CohortMethodName(CohortMethod m) noexcept { return EnumName(m); }

std::string_view DenominatorName(Denominator d) noexcept { return EnumName(d); }

absl::StatusOr<std::vector<CohortMethod>> ParseCohortMethods(std::string_view s) {
  if (s == "all") {
    return std::vector<CohortMethod>{CohortMethod::kAalenJohansen, CohortMethod::kKaplanMeier,
                                     CohortMethod::kNaive};
  }
  if (absl::StatusOr<CohortMethod> m = ParseEnum<CohortMethod>(s); m.ok()) {
    return std::vector<CohortMethod>{*m};
  }
  return absl::InvalidArgumentError(absl::StrFormat(
      "unknown method '%s' (expected aj, km, naive or all)", std::string(s)));
}

absl::StatusOr<DeathHandling> ParseDeathHandling(std::string_view s) {
  return ParseEnum<DeathHandling>(s);
}

absl::StatusOr<Denominator> ParseDenominator(std::string_view s) {
  return ParseEnum<Denominator>(s);
}

namespace {

// The members of each group in the denominator (indices into the cohort, in
// cohort order) and, per group, the members left out as not observable.
struct OutflowMembers {
  std::vector<std::vector<uint32_t>> members;
  std::vector<int64_t> left_out;
};

absl::StatusOr<OutflowMembers> SelectOutflowMembers(const RecordStore& store,
                                                    const Cohort& cohort,
                                                    const OutflowOptions& options) {
  const PersonTable& persons = store.persons;
  std::vector<uint8_t> keep(cohort.size(), 1);
  if (options.denominator == Denominator::kZonderVerlengde) {
    auto verlengde = BuiltinOutcome(store, "verlengde_jeugdhulp").value();
    for (size_t i = 0; i < cohort.size(); ++i) {
      keep[i] = verlengde.first_event(cohort.person[i], cohort.entry[i]) != cohort.entry[i];
    }
  }
  const size_t ng = cohort.groups.size();
  OutflowMembers m;
  m.members.resize(ng);
  m.left_out.assign(ng, 0);
  for (size_t i = 0; i < cohort.size(); ++i) {
    if (cohort.group[i] >= ng) {
      return absl::InvalidArgumentError(absl::StrFormat("cohort member %d: unknown group %d", i,
                                                        cohort.group[i]));
    }
    // Not observable: entry after the cut-off, or exit (death, emigration)
    // before entry.
    const uint32_t p = cohort.person[i];
    if (cohort.entry[i] > options.cutoff ||
        (p < persons.size() && persons.exit[p] != kNoDate && persons.exit[p] < cohort.entry[i])) {
      ++m.left_out[cohort.group[i]];
      continue;
    }
    if (keep[i]) m.members[cohort.group[i]].push_back(static_cast<uint32_t>(i));
  }
  return m;
}

// The evaluation points of the horizons on the two integer scales (see the
// header): the key of each horizon, the largest key per scale, and the days
// past which the month code is beyond every evaluation point.
struct OutflowScales {
  bool need_days = false, need_months = false;
  std::vector<int64_t> at_key;
  int64_t max_day_at = 0, max_month_at = 0;
  int32_t month_span = 0;
};

OutflowScales MakeOutflowScales(const std::vector<Horizon>& horizons) {
  const int64_t fcount = Fractions().count;
  OutflowScales s;
  s.at_key.resize(horizons.size());
  for (size_t h = 0; h < horizons.size(); ++h) {
    if (horizons[h].unit == Horizon::Unit::kDays) {
      s.need_days = true;
      s.at_key[h] = 2 * static_cast<int64_t>(horizons[h].count) - 1;
      s.max_day_at = std::max(s.max_day_at, s.at_key[h]);
    } else {
      s.need_months = true;
      s.at_key[h] = 2 * horizons[h].count * fcount - 1;
      s.max_month_at = std::max(s.max_month_at, s.at_key[h]);
    }
  }
  for (const auto& h : horizons) {
    if (h.unit == Horizon::Unit::kMonths) s.month_span = std::max(s.month_span, 31 * (h.count + 1));
  }
  return s;
}

// Per member (in group order), once for all outcomes: the entry date as
// y/m/d and the last day of each horizon's window (member k, horizon h at
// k * horizons + h).
struct MemberWindows {
  std::vector<std::vector<Ymd>> entry_ymd;
  std::vector<std::vector<int32_t>> last_day;
};

MemberWindows MakeMemberWindows(const Cohort& cohort,
                                const std::vector<std::vector<uint32_t>>& members,
                                const std::vector<Horizon>& horizons) {
  const size_t ng = members.size(), nh = horizons.size();
  MemberWindows w;
  w.entry_ymd.resize(ng);
  w.last_day.resize(ng);
  for (size_t g = 0; g < ng; ++g) {
    w.entry_ymd[g].resize(members[g].size());
    w.last_day[g].resize(members[g].size() * nh);
    for (size_t k = 0; k < members[g].size(); ++k) {
      const int32_t entry = cohort.entry[members[g][k]];
      const Ymd by = ToYmd(Date::FromDays(entry));
      w.entry_ymd[g][k] = by;
      for (size_t h = 0; h < nh; ++h) {
        w.last_day[g][k * nh + h] =
            (horizons[h].unit == Horizon::Unit::kDays ? Date::FromDays(entry) + horizons[h].count
                                                      : AddMonthsYmd(by, horizons[h].count))
                .days() - 1;
      }
    }
  }
  return w;
}

// The end of one member's follow-up: the day (never before entry) and the
// status on it (1 the outcome, 2 death as a competing event, 0 censored).
struct FollowUpEnd {
  int32_t day;
  int32_t status;
};

FollowUpEnd MemberFollowUp(const PersonTable& persons, uint32_t p, int32_t entry, int32_t event,
                           int32_t cutoff, DeathHandling death_handling) {
  int32_t follow_end = cutoff;  // last observed day
  int32_t death = kNoDate;
  if (p < persons.size() && persons.exit[p] != kNoDate) {
    if (persons.exit_reason[p] == ExitReason::kOverlijden) {
      death = persons.exit[p];
    } else {
      follow_end = std::min(follow_end, persons.exit[p]);
    }
  }
  int32_t day;
  int32_t st;
  if (event != kNoDate && event >= entry && event <= follow_end &&
      (death == kNoDate || event <= death)) {
    day = event;
    st = 1;
  } else if (death != kNoDate && death <= follow_end) {
    day = death;
    st = death_handling == DeathHandling::kCompeting ? 2 : 0;
  } else {
    day = follow_end;
    st = 0;
  }
  return {std::max(day, entry), st};  // follow-up never runs backwards
}

// The follow-up of one group for one outcome: times on the scales in use,
// the status per member and the number at risk per horizon.
struct GroupFollowUp {
  std::vector<double> time_days, time_months;
  std::vector<int32_t> status;
  std::vector<int64_t> at_risk;
};

void FollowGroup(const PersonTable& persons, const Cohort& cohort, const Outcome& outcome,
                 const std::vector<uint32_t>& mem, const std::vector<Ymd>& entry_ymd,
                 const std::vector<int32_t>& last_day, const OutflowScales& sc, size_t nh,
                 const OutflowOptions& options, GroupFollowUp* f) {
  const size_t n = mem.size();
  f->time_days.assign(sc.need_days ? n : 0, 0);
  f->time_months.assign(sc.need_months ? n : 0, 0);
  f->status.assign(n, 0);
  f->at_risk.assign(nh, 0);
  for (size_t k = 0; k < n; ++k) {
    const size_t i = mem[k];
    const uint32_t p = cohort.person[i];
    const int32_t entry = cohort.entry[i];
    const auto [day, st] = MemberFollowUp(persons, p, entry, outcome.first_event(p, entry),
                                          options.cutoff, options.death);
    f->status[k] = st;
    // At risk at the horizon: still followed and event-free at the start
    // of the last day of the window (R's n.risk on that day).
    const int32_t* last = &last_day[k * nh];
    for (size_t h = 0; h < nh; ++h) f->at_risk[h] += day >= last[h];
    if (sc.need_days) {
      int64_t key = st > 0 ? 2 * static_cast<int64_t>(day - entry)
                           : 2 * static_cast<int64_t>(day - entry) + 1;
      f->time_days[k] = static_cast<double>(std::min(key, sc.max_day_at + 1));
    }
    if (sc.need_months) {
      int64_t key = sc.max_month_at + 1;
      if (day - entry < sc.month_span) {
        const Ymd& by = entry_ymd[k];
        key = std::min(key, st > 0 ? 2 * MonthKey(by, Date::FromDays(day))
                                   : 2 * MonthKey(by, Date::FromDays(day + 1)) - 1);
      }
      f->time_months[k] = static_cast<double>(key);
    }
  }
}

// The fit on one scale. Subjects beyond the last evaluation point are
// censored there; their status must say so for the capped scale.
absl::StatusOr<CompetingRisksFit> FitCapped(const std::vector<double>& time,
                                            const std::vector<int32_t>& status, int64_t max_at) {
  std::vector<int32_t> capped = status;
  for (size_t k = 0; k < capped.size(); ++k) {
    if (time[k] > static_cast<double>(max_at)) capped[k] = 0;
  }
  return CompetingRisksFit::Fit(time, capped);
}

// The estimate, its interval and note by `method` at the evaluation point
// `at` (e.n_cohort > 0).
void FillEstimate(CohortMethod method, const CompetingRisksFit& fit, const SurvivalPoint& aj,
                  const std::array<double, 1>& at, const OutflowOptions& options,
                  CohortEstimate* e) {
  switch (method) {
    case CohortMethod::kAalenJohansen:
      e->estimate = aj.estimate;
      e->std_err = aj.std_err;
      e->ci_low = aj.ci_low;
      e->ci_high = aj.ci_high;
      if (options.death == DeathHandling::kCensor) e->note = "death treated as censoring";
      break;
    case CohortMethod::kKaplanMeier: {
      const SurvivalPoint s = fit.TypeSurvival(1, at, options.survival)[0];
      e->estimate = 1 - s.estimate;
      e->std_err = s.std_err;
      e->ci_low = std::isnan(s.ci_high) ? kNaN : 1 - s.ci_high;
      e->ci_high = std::isnan(s.ci_low) ? kNaN : 1 - s.ci_low;
      e->note = "1 - Kaplan-Meier, death treated as censoring";
      break;
    }
    case CohortMethod::kNaive:
      if (aj.n_censored_before > 0) {
        e->estimate = e->std_err = e->ci_low = e->ci_high = kNaN;
        e->note = absl::StrFormat(
            "refused: follow-up incomplete at the horizon for %d member(s)", aj.n_censored_before);
      } else {
        const double nn = static_cast<double>(e->n_cohort);
        e->estimate = static_cast<double>(aj.n_events) / nn;
        e->std_err = std::sqrt(e->estimate * (1 - e->estimate) / nn);
        std::tie(e->ci_low, e->ci_high) =
            ConfidenceInterval(e->estimate, e->std_err, options.survival);
        e->note = "share of the cohort, complete follow-up";
      }
      break;
  }
}

}  // namespace

absl::StatusOr<std::vector<CohortEstimate>> CohortOutflow(const RecordStore& store,
                                                          const Cohort& cohort,
                                                          std::span<const Outcome> outcomes,
                                                          const OutflowOptions& options) {
  if (options.cutoff == kNoDate) {
    return absl::InvalidArgumentError("cohort outflow needs a cut-off date");
  }
  if (cohort.group.size() != cohort.size() || cohort.entry.size() != cohort.size()) {
    return absl::InvalidArgumentError("cohort columns differ in length");
  }
  std::vector<Horizon> horizons = options.horizons;
  if (horizons.empty()) horizons = ParseHorizons("1m,3m,6m").value();

  absl::StatusOr<OutflowMembers> selected = SelectOutflowMembers(store, cohort, options);
  if (!selected.ok()) return selected.status();
  const std::vector<std::vector<uint32_t>>& members = selected->members;
  const std::vector<int64_t>& left_out = selected->left_out;
  const size_t ng = cohort.groups.size(), nh = horizons.size();
  const OutflowScales sc = MakeOutflowScales(horizons);
  const MemberWindows windows = MakeMemberWindows(cohort, members, horizons);

  std::vector<CohortEstimate> out;
  GroupFollowUp follow;
  for (const Outcome& outcome : outcomes) {
    for (size_t g = 0; g < ng; ++g) {
      const size_t n = members[g].size();
      FollowGroup(store.persons, cohort, outcome, members[g], windows.entry_ymd[g],
                  windows.last_day[g], sc, nh, options, &follow);
      std::optional<CompetingRisksFit> fit_days, fit_months;
      if (sc.need_days) {
        auto f = FitCapped(follow.time_days, follow.status, sc.max_day_at);
        if (!f.ok()) return f.status();
        fit_days = std::move(*f);
      }
      if (sc.need_months) {
        auto f = FitCapped(follow.time_months, follow.status, sc.max_month_at);
        if (!f.ok()) return f.status();
        fit_months = std::move(*f);
      }
      for (size_t h = 0; h < nh; ++h) {
        const CompetingRisksFit& fit =
            horizons[h].unit == Horizon::Unit::kDays ? *fit_days : *fit_months;
        const std::array<double, 1> at = {static_cast<double>(sc.at_key[h])};
        const SurvivalPoint aj = fit.CumulativeIncidence(1, at, options.survival)[0];
        for (CohortMethod method : options.methods) {
          CohortEstimate e;
          e.group = static_cast<uint32_t>(g);
          e.outcome = outcome.name;
          e.horizon = horizons[h].label;
          e.method = method;
          e.denominator = options.denominator;
          e.n_cohort = static_cast<int64_t>(n);
          e.n_at_risk = follow.at_risk[h];
          e.n_events = aj.n_events;
          if (n == 0) {
            e.estimate = e.std_err = e.ci_low = e.ci_high = kNaN;
            e.note = "no members";
            out.push_back(std::move(e));
            continue;
          }
          FillEstimate(method, fit, aj, at, options, &e);
          if (left_out[g] > 0) {
            absl::StrAppend(&e.note, e.note.empty() ? "" : "; ", left_out[g],
                            " member(s) left out: entry after the cut-off or exit before entry");
          }
          out.push_back(std::move(e));
        }
      }
    }
  }
  // Group-major order: group, outcome, horizon, method.
  std::stable_sort(out.begin(), out.end(),
                   [](const CohortEstimate& a, const CohortEstimate& b) { return a.group < b.group; });
  return out;
}

absl::StatusOr<Dataset> CohortEstimatesToDataset(const Cohort& cohort,
                                                 std::span<const CohortEstimate> rows) {
  bool several_methods = false;
  for (const auto& r : rows) several_methods |= r.method != rows.front().method;
  Dataset ds;
  ds.Reserve(rows.size());
  for (const auto& r : rows) {
    if (r.group >= cohort.groups.size()) {
      return absl::InvalidArgumentError(absl::StrFormat("estimate with unknown group %d", r.group));
    }
    const CohortGroup& g = cohort.groups[r.group];
    Observation o;
    o.indicator = "vervolgzorg_pct";
    o.period = Period::Year(g.year);
    o.region = g.region;
    o.dims = {{"outcome", r.outcome}, {"horizon", r.horizon}};
    if (several_methods) o.dims.emplace_back("method", std::string(CohortMethodName(r.method)));
    if (std::isnan(r.estimate)) {
      o.status = ValueStatus::kUnknown;
      o.note = r.note;
    } else {
      o.value = r.estimate * 100.0;
    }
    if (auto st = ds.Add(o); !st.ok()) return st;
  }
  return ds;
}

}  // namespace v1
}  // namespace zvdj
