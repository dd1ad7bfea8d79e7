// Driver of the person-level engine: options, years, municipality slots,
// region aggregation and the dataset. The families live in
// indicators_jeugdhulp.cc, indicators_jeugdbescherming.cc and
// indicators_verzuim.cc.
#include "zvdj/indicators.hpp"

#include <algorithm>
#include <map>
#include <ostream>
#include <set>

#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "zvdj/number_format.hpp"
#include "zvdj/internal/indicators_internal.h"
#include "zvdj/internal/status_macros.h"
#include "zvdj/internal/strings.h"

namespace zvdj::internal {

PersonGroups GroupByPerson(const std::vector<uint32_t>& person, size_t person_count) {
  PersonGroups g;
  g.offsets.assign(person_count + 1, 0);
  bool sorted = true;
  for (size_t i = 0; i < person.size(); ++i) {
    ++g.offsets[person[i] + 1];
    if (i > 0 && person[i] < person[i - 1]) sorted = false;
  }
  for (size_t p = 0; p < person_count; ++p) g.offsets[p + 1] += g.offsets[p];
  if (sorted) return g;
  // Counting sort: stable, O(rows).
  g.order.resize(person.size());
  std::vector<uint32_t> next(g.offsets.begin(), g.offsets.end() - 1);
  for (size_t i = 0; i < person.size(); ++i) {
    g.order[next[person[i]]++] = static_cast<uint32_t>(i);
  }
  return g;
}

MunicipalitySlots BuildSlots(const std::vector<uint16_t>& municipality,
                             const std::vector<uint16_t>& classify) {
  MunicipalitySlots s;
  s.classify = &classify;
  std::vector<uint8_t> seen(kMunicipalityCodeLimit, 0);
  for (uint16_t m : municipality) seen[classify[m]] = 1;
  s.slot_of.assign(kMunicipalityCodeLimit, -1);
  for (int c = 0; c < kMunicipalityCodeLimit; ++c) {
    if (seen[static_cast<size_t>(c)]) {
      s.slot_of[static_cast<size_t>(c)] = static_cast<int32_t>(s.codes.size());
      s.codes.push_back(static_cast<uint16_t>(c));
    }
  }
  return s;
}

absl::Status RowEndsBeforeStart(std::string_view table, size_t row, std::string_view person,
                                int32_t start, int32_t end) {
  return absl::InvalidArgumentError(absl::StrFormat(
      "%s row %d (person '%s'): end date %s is before start date %s", table, row + 1, person,
      Date::FromDays(end).ToString(), Date::FromDays(start).ToString()));
}

}  // namespace zvdj::internal

namespace zvdj {
inline namespace v1 {

absl::StatusOr<uint8_t> ParseRegionLevels(std::string_view list) {
  uint8_t levels = 0;
  for (absl::string_view part : absl::StrSplit(internal::ToAbsl(list), ',')) {
    const std::string_view p = internal::Trim(internal::ToStd(part));
    if (p == "gemeente") {
      levels |= kLevelGemeente;
    } else if (p == "jeugdregio") {
      levels |= kLevelJeugdregio;
    } else if (p == "provincie") {
      levels |= kLevelProvincie;
    } else if (p == "land" || p == "nl" || p == "NL01") {
      levels |= kLevelLand;
    } else {
      return absl::InvalidArgumentError(absl::StrFormat(
          "unknown region level '%s' (expected gemeente, jeugdregio, provincie, land)", p));
    }
  }
  if (levels == 0) return absl::InvalidArgumentError("no region level given");
  return levels;
}

void WriteClosureCsv(const std::vector<ClosureRow>& rows, std::ostream& out) {
  out << "period,region,measure,begin,inflow,outflow,end,difference\n";
  for (const ClosureRow& r : rows) {
    out << r.period.ToString() << ',' << r.region << ',' << r.measure << ',' << r.begin << ','
        << r.inflow << ',' << r.outflow << ',' << r.end << ',' << r.difference << '\n';
  }
}


namespace {

using internal::Family;

struct RegionGroup {
  std::string code;
  std::vector<int> slots;
};

std::vector<RegionGroup> BuildRegionGroups(const internal::MunicipalitySlots& slots,
                                           uint8_t levels, const RegionMap* regions, int year,
                                           std::set<uint16_t>* unmapped) {
  std::vector<RegionGroup> groups;
  const int n = static_cast<int>(slots.codes.size());
  if (levels & kLevelLand) {
    RegionGroup g{"NL01", {}};
    for (int s = 0; s < n; ++s) g.slots.push_back(s);
    groups.push_back(std::move(g));
  }
  for (RegionKind kind : {RegionKind::kProvincie, RegionKind::kJeugdregio}) {
    const uint8_t bit = kind == RegionKind::kProvincie ? kLevelProvincie : kLevelJeugdregio;
    if (!(levels & bit) || regions == nullptr) continue;
    std::map<std::string, std::vector<int>> by_region;
    for (int s = 0; s < n; ++s) {
      const uint16_t code = slots.codes[static_cast<size_t>(s)];
      const std::string_view r = regions->RegionOf(code, year, kind);
      if (r.empty()) {
        unmapped->insert(code);
      } else {
        by_region[std::string(r)].push_back(s);
      }
    }
    for (auto& [code, members] : by_region) groups.push_back({code, std::move(members)});
  }
  if (levels & kLevelGemeente) {
    for (int s = 0; s < n; ++s) {
      groups.push_back({MunicipalityCodeString(slots.codes[static_cast<size_t>(s)]), {s}});
    }
  }
  return groups;
}

// Cell values of the region groups: the sum of their municipality cells,
// less the persons counted in more than one of those municipalities (CBS
// rule), so that every region counts unique persons.
class GroupCells {
 public:
  GroupCells(const Family& f, const std::vector<RegionGroup>& groups)
      : f_(f), groups_(groups), periods_(static_cast<int>(f.periods.size())),
        cells_(f.counts.cells()) {
    if (f.counts.movers().empty()) return;
    // Groups of more than one municipality, per slot (a singleton needs nothing).
    std::vector<std::vector<int>> of_slot;
    for (size_t g = 0; g < groups.size(); ++g) {
      if (groups[g].slots.size() < 2) continue;
      for (int s : groups[g].slots) {
        if (static_cast<size_t>(s) >= of_slot.size()) of_slot.resize(static_cast<size_t>(s) + 1);
        of_slot[static_cast<size_t>(s)].push_back(static_cast<int>(g));
      }
    }
    over_.assign(groups.size() * static_cast<size_t>(periods_) * static_cast<size_t>(cells_), 0);
    // A cell of a mover is counted once too often in a group for every slot
    // of the group after the first that has it: the bits an entry shares with
    // the group's earlier entries.
    std::vector<std::pair<int, uint64_t>> seen;  // group -> cells of its earlier entries
    const auto& mc = f.counts.mover_cells();
    for (const internal::Mover& m : f.counts.movers()) {
      seen.clear();
      for (uint32_t i = m.begin; i < m.begin + m.count; ++i) {
        const auto s = static_cast<size_t>(mc[i].slot);
        if (s >= of_slot.size()) continue;
        for (int g : of_slot[s]) {
          auto it = std::find_if(seen.begin(), seen.end(),
                                 [g](const auto& a) { return a.first == g; });
          if (it == seen.end()) {
            seen.emplace_back(g, mc[i].cells);
          } else {
            Adjust(g, m.period, it->second & mc[i].cells);
            it->second |= mc[i].cells;
          }
        }
      }
    }
  }

  uint64_t Get(size_t group, int period, int cell) const {
    uint64_t v = 0;
    for (int s : groups_[group].slots) v += f_.counts.get(period, s, cell);
    if (!over_.empty()) v -= static_cast<uint64_t>(over_[Index(group, period, cell)]);
    return v;
  }

 private:
  size_t Index(size_t group, int period, int cell) const {
    return (group * static_cast<size_t>(periods_) + static_cast<size_t>(period)) *
               static_cast<size_t>(cells_) +
           static_cast<size_t>(cell);
  }
  void Adjust(int group, int period, uint64_t cells) {
    const size_t base = Index(static_cast<size_t>(group), period, 0);
    for (uint64_t c = cells; c != 0; c &= c - 1) {
      ++over_[base + static_cast<size_t>(__builtin_ctzll(c))];
    }
  }

  const Family& f_;
  const std::vector<RegionGroup>& groups_;
  int periods_, cells_;
  std::vector<uint32_t> over_;  // [group][period][cell]
};

// Appends the family's cells with the publication rules applied directly (the
// same rules as Publish(), without a second copy of the dataset).
void Emit(const Family& f, const std::vector<RegionGroup>& groups,
          const PublicationOptions& pub, Dataset* ds) {
  const GroupCells cells(f, groups);
  for (const internal::OutputSpec& spec : f.specs) {
    for (size_t gi = 0; gi < groups.size(); ++gi) {
      const RegionGroup& g = groups[gi];
      for (size_t p = 0; p < f.periods.size(); ++p) {
        const int pi = static_cast<int>(p);
        Observation obs;
        obs.indicator = spec.indicator;
        obs.period = f.periods[p];
        obs.region = g.code;
        obs.dims = spec.dims;
        const double num = static_cast<double>(cells.Get(gi, pi, spec.num));
        if (spec.den < 0) {
          if (IsSuppressed(num, pub)) {
            obs.status = ValueStatus::kUnknown;
          } else {
            obs.value = pub.round5 ? static_cast<double>(RoundToMultipleOf5(
                                         static_cast<int64_t>(num)))
                                   : num;
          }
        } else {
          // From unrounded counts; suppressed with its numerator or denominator.
          const double den = static_cast<double>(cells.Get(gi, pi, spec.den));
          if (IsSuppressed(num, pub) || IsSuppressed(den, pub)) {
            obs.status = ValueStatus::kUnknown;
          } else if (den > 0) {
            obs.value = 100.0 * num / den;
          } else {
            obs.status = ValueStatus::kImpossible;
          }
        }
        (void)ds->Add(obs);
      }
    }
  }
}

void AppendClosure(const Family& f, const std::vector<RegionGroup>& groups,
                   std::vector<ClosureRow>* out) {
  using internal::JbCell;
  const GroupCells cells(f, groups);
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    const RegionGroup& g = groups[gi];
    for (size_t p = 0; p < f.periods.size(); ++p) {
      for (int m = 0; m <= kMeasureCount; ++m) {
        ClosureRow r;
        r.period = f.periods[p];
        r.region = g.code;
        r.measure = m == internal::kJbPersons
                        ? std::string()
                        : std::string(MeasureName(static_cast<Measure>(m)));
        const int pi = static_cast<int>(p);
        r.begin = static_cast<int64_t>(cells.Get(gi, pi, JbCell(0, m)));
        r.inflow = static_cast<int64_t>(cells.Get(gi, pi, JbCell(1, m)));
        r.outflow = static_cast<int64_t>(cells.Get(gi, pi, JbCell(2, m)));
        r.end = static_cast<int64_t>(cells.Get(gi, pi, JbCell(3, m)));
        r.difference = r.end - (r.begin + r.inflow - r.outflow);
        out->push_back(std::move(r));
      }
    }
  }
}

// Earliest start year and latest start-or-end year in the records.
void DataYears(const RecordStore& s, int* lo, int* hi) {
  int32_t min_day = kOpenEnd, max_day = kNoDate;
  const auto scan = [&](const std::vector<int32_t>& start, const std::vector<int32_t>& end) {
    for (size_t i = 0; i < start.size(); ++i) {
      min_day = std::min(min_day, start[i]);
      max_day = std::max(max_day, start[i]);
      if (end[i] != kOpenEnd) max_day = std::max(max_day, end[i]);
    }
  };
  scan(s.jeugdhulp.start, s.jeugdhulp.end);
  scan(s.jeugdbescherming.start, s.jeugdbescherming.end);
  scan(s.verzuim.start, s.verzuim.end);
  if (min_day == kOpenEnd) {
    *lo = *hi = 0;
    return;
  }
  *lo = internal::YearOfDay(min_day);
  *hi = internal::YearOfDay(max_day);
}

}  // namespace

absl::StatusOr<ComputeResult> ComputeIndicators(const RecordStore& store,
                                                const ComputeOptions& options,
                                                const RegionMap* regions,
                                                const Herindeling* herindeling) {
  if ((options.levels & (kLevelJeugdregio | kLevelProvincie)) && regions == nullptr &&
      options.levels != kAllRegionLevels) {
    return absl::InvalidArgumentError(
        "jeugdregio and provincie output need a regions file (municipality,region,from_year,"
        "to_year)");
  }
  if (options.thuiszitter_min_relatief_days < 0 || options.thuiszitter_long_months < 0) {
    return absl::InvalidArgumentError("thuiszitter durations must not be negative");
  }
  internal::EngineContext ctx;
  ctx.store = &store;
  ctx.options = &options;
  int lo = 0, hi = 0;
  DataYears(store, &lo, &hi);
  ctx.from = options.from_year.value_or(lo);
  ctx.to = options.to_year.value_or(hi);
  if (!options.from_year && !options.to_year && lo == 0) {
    return absl::InvalidArgumentError("no records to compute from");
  }
  if (ctx.from > ctx.to) {
    return absl::InvalidArgumentError(
        absl::StrFormat("from year %d is after to year %d", ctx.from, ctx.to));
  }
  if (ctx.from < Date::kMinYear + 1 || ctx.to > Date::kMaxYear - 1) {
    return absl::InvalidArgumentError(absl::StrFormat("years must lie in %d..%d",
                                                      Date::kMinYear + 1, Date::kMaxYear - 1));
  }
  if (ctx.years() > 64) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%d..%d spans more than 64 years; narrow it with from/to", ctx.from,
                        ctx.to));
  }
  ComputeResult result;
  result.from_year = ctx.from;
  result.to_year = ctx.to;
  result.classification_year = options.classification_year.value_or(ctx.to);
  if (herindeling != nullptr) {
    ctx.classify = herindeling->ClassificationTable(result.classification_year);
  } else {
    ctx.classify.resize(kMunicipalityCodeLimit);
    for (int m = 0; m < kMunicipalityCodeLimit; ++m) {
      ctx.classify[static_cast<size_t>(m)] = static_cast<uint16_t>(m);
    }
  }
  for (const auto* col : {&store.jeugdhulp.municipality, &store.jeugdbescherming.municipality,
                          &store.verzuim.municipality}) {
    for (uint16_t m : *col) {
      if (m >= kMunicipalityCodeLimit) {
        return absl::InvalidArgumentError(absl::StrFormat("municipality code %d >= 10000", m));
      }
    }
  }

  std::vector<Family> families;
  std::vector<uint64_t> jmv_on_dec31;
  const bool with_jb = store.jeugdbescherming.size() > 0;
  const bool with_jh = store.jeugdhulp.size() > 0;
  if (with_jh) {
    ZVDJ_ASSIGN_OR_RETURN(Family f,
                          internal::ComputeJeugdhulp(ctx, with_jb ? &jmv_on_dec31 : nullptr));
    families.push_back(std::move(f));
  }
  int jb_family = -1;
  if (with_jb) {
    ZVDJ_ASSIGN_OR_RETURN(Family f, internal::ComputeJeugdbescherming(ctx));
    jb_family = static_cast<int>(families.size());
    families.push_back(std::move(f));
    if (with_jh) {
      ZVDJ_ASSIGN_OR_RETURN(Family u, internal::ComputeUithuisplaatsing(ctx, jmv_on_dec31));
      families.push_back(std::move(u));
    }
  }
  if (store.verzuim.size() > 0) {
    ZVDJ_ASSIGN_OR_RETURN(Family f, internal::ComputeVerzuim(ctx));
    families.push_back(std::move(f));
  }

  std::set<uint16_t> unmapped;
  for (size_t i = 0; i < families.size(); ++i) {
    const auto groups = BuildRegionGroups(families[i].slots, options.levels, regions,
                                          result.classification_year, &unmapped);
    Emit(families[i], groups, options.publication, &result.dataset);
    if (static_cast<int>(i) == jb_family) AppendClosure(families[i], groups, &result.closure);
  }
  result.unmapped_municipalities.assign(unmapped.begin(), unmapped.end());
  return result;
}

}  // namespace v1
}  // namespace zvdj
