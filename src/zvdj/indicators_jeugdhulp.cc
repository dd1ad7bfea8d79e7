// Jeugdhulp indicators per calendar year: jongeren met jeugdhulp, jeugdhulp met
// verblijf by age group and form, the two shares, and ended trajectories by
// reason. One pass over the trajectories grouped by person, in person ranges
// on ComputeOptions::threads threads.
#include <algorithm>
#include <system_error>
#include <thread>

#include "zvdj/internal/indicators_internal.h"
#include "zvdj/internal/parallel.h"

namespace zvdj::internal {
namespace {

constexpr const char* kAgeGroups[] = {"0-4", "4-12", "12-18", "18-23"};

int AgeGroup(int age) {
  if (age < 0) return -1;
  if (age < 4) return 0;
  if (age < 12) return 1;
  if (age < 18) return 2;
  if (age < 23) return 3;
  return -1;
}

enum JhCell : int {
  kJongeren = 0,
  kJmv = 1,
  kJmvAge = 2,  // + age group 0..3 (0-4, 4-12, 12-18, 18-23)
  kJmv0to18 = 6,
  kJmv0to23 = 7,
  kJmvForm = 8,  // + form - kPleegzorg (4 met-verblijf forms)
  kJongeren0to23 = 12,
  kPleegGezins0to23 = 13,
  kEndedTotal = 14,  // + end reason 1..6 for each reason
  kEndedPlanOrSamen = 21,
  kJongerenAge = 22,  // + age group 0..3
  kJongeren0to18 = 26,
  kJhCells = 27,
};

// Bit of JeugdhulpForm f in a forms set; kAnyForm marks a person with any
// trajectory in a municipality.
constexpr unsigned kAnyForm = 1u << 8;

// The person cells (bit c = cell c) of a person with the trajectory forms
// `forms` (bits by JeugdhulpForm, kAnyForm set) and age `age` (-1 unknown).
uint64_t PersonCells(unsigned forms, int age) {
  const auto bit = [](int cell) { return uint64_t{1} << cell; };
  const bool youth = age >= 0 && age < 23;
  const int g = AgeGroup(age);
  uint64_t c = bit(kJongeren);
  if (youth) c |= bit(kJongeren0to23);
  if (g >= 0) c |= bit(kJongerenAge + g);
  if (age >= 0 && age < 18) c |= bit(kJongeren0to18);
  const unsigned jmv_forms = (forms >> static_cast<unsigned>(JeugdhulpForm::kPleegzorg)) & 15u;
  if (jmv_forms != 0) {
    c |= bit(kJmv);
    for (int k = 0; k < 4; ++k) {
      if (jmv_forms & (1u << k)) c |= bit(kJmvForm + k);
    }
    if (g >= 0) c |= bit(kJmvAge + g);
    if (age >= 0 && age < 18) c |= bit(kJmv0to18);
    if (youth) {
      c |= bit(kJmv0to23);
      if (jmv_forms & 3u) c |= bit(kPleegGezins0to23);  // pleegzorg or gezinsgericht
    }
  }
  return c;
}

// PersonCells(forms, age) added to `c` directly: the path of a person in one
// municipality, the hot path of the engine.
void AddPersonCells(uint32_t* c, unsigned forms, int age) {
  const bool youth = age >= 0 && age < 23;
  const int g = AgeGroup(age);
  const bool minor = age >= 0 && age < 18;
  ++c[kJongeren];
  if (youth) ++c[kJongeren0to23];
  if (g >= 0) ++c[kJongerenAge + g];
  if (minor) ++c[kJongeren0to18];
  const unsigned jmv_forms = (forms >> static_cast<unsigned>(JeugdhulpForm::kPleegzorg)) & 15u;
  if (jmv_forms != 0) {
    ++c[kJmv];
    for (int k = 0; k < 4; ++k) {
      if (jmv_forms & (1u << k)) ++c[kJmvForm + k];
    }
    if (g >= 0) ++c[kJmvAge + g];
    if (minor) ++c[kJmv0to18];
    if (youth) {
      ++c[kJmv0to23];
      if (jmv_forms & 3u) ++c[kPleegGezins0to23];  // pleegzorg or gezinsgericht
    }
  }
}

void CountEnded(uint32_t* c, EndReason reason) {
  ++c[kEndedTotal];
  ++c[kEndedTotal + static_cast<int>(reason)];
  if (reason == EndReason::kVolgensPlan || reason == EndReason::kSamen) ++c[kEndedPlanOrSamen];
}

std::vector<OutputSpec> Specs() {
  std::vector<OutputSpec> s;
  s.push_back({"jeugdhulp_jongeren", {}, kJongeren});
  for (int g = 0; g < 4; ++g) {
    s.push_back({"jeugdhulp_jongeren", {{"age_group", kAgeGroups[g]}}, kJongerenAge + g});
  }
  s.push_back({"jeugdhulp_jongeren", {{"age_group", "0-18"}}, kJongeren0to18});
  s.push_back({"jeugdhulp_jongeren", {{"age_group", "0-23"}}, kJongeren0to23});
  s.push_back({"jeugdhulp_met_verblijf", {}, kJmv});
  for (int g = 0; g < 4; ++g) {
    s.push_back({"jeugdhulp_met_verblijf", {{"age_group", kAgeGroups[g]}}, kJmvAge + g});
  }
  s.push_back({"jeugdhulp_met_verblijf", {{"age_group", "0-18"}}, kJmv0to18});
  s.push_back({"jeugdhulp_met_verblijf", {{"age_group", "0-23"}}, kJmv0to23});
  for (int f = 0; f < 4; ++f) {
    const auto form =
        static_cast<JeugdhulpForm>(static_cast<int>(JeugdhulpForm::kPleegzorg) + f);
    s.push_back({"jeugdhulp_met_verblijf", {{"form", std::string(JeugdhulpFormName(form))}},
                 kJmvForm + f});
  }
  s.push_back({"jeugdhulp_met_verblijf_pct", {}, kJmv0to23, kJongeren0to23});
  s.push_back({"pleegzorg_gezinsgericht_pct_verblijf", {}, kPleegGezins0to23, kJmv0to23});
  for (int r = 1; r < kEndReasonCount; ++r) {
    s.push_back({"jeugdhulp_beeindigd_pct",
                 {{"end_reason", std::string(EndReasonName(static_cast<EndReason>(r)))}},
                 kEndedTotal + r, kEndedTotal});
  }
  s.push_back({"jeugdhulp_beeindigd_pct", {{"end_reason", "volgens_plan_of_samen"}},
               kEndedPlanOrSamen, kEndedTotal});
  return s;
}

// One year of a person with trajectories in more than one municipality under
// the CBS rule: person cells in every municipality with a trajectory active
// during the year (forms taken per municipality), ended trajectories in their
// own municipality. Returns whether a met-verblijf trajectory is active on 31
// December.
bool CountMoverYear(const Trajectory* raw, size_t raw_n, const Trajectory* mt, size_t merged_n,
                    int32_t first, int32_t last, int yi, int age, const MunicipalitySlots& slots,
                    SlotCells* cells, CellCounts* counts) {
  unsigned forms_in[2] = {0, 0};  // the first two municipalities, without a lookup
  int32_t slot_in[2] = {-1, -1};
  std::vector<std::pair<int32_t, unsigned>> more;
  for (size_t i = 0; i < raw_n; ++i) {
    const Trajectory& r = raw[i];
    if (r.start > last || r.end < first) continue;
    const int32_t slot = slots.slot_of[r.municipality];
    const unsigned bit = kAnyForm | (1u << static_cast<unsigned>(r.form));
    if (slot_in[0] < 0 || slot_in[0] == slot) {
      slot_in[0] = slot;
      forms_in[0] |= bit;
    } else if (slot_in[1] < 0 || slot_in[1] == slot) {
      slot_in[1] = slot;
      forms_in[1] |= bit;
    } else {
      auto it = std::find_if(more.begin(), more.end(),
                             [slot](const auto& m) { return m.first == slot; });
      if (it == more.end()) {
        more.emplace_back(slot, bit);
      } else {
        it->second |= bit;
      }
    }
  }
  cells->Clear();
  for (int k = 0; k < 2; ++k) {
    if (slot_in[k] >= 0) (*cells)[slot_in[k]] |= PersonCells(forms_in[k], age);
  }
  for (const auto& [slot, forms] : more) (*cells)[slot] |= PersonCells(forms, age);
  cells->Flush(yi, counts);
  bool jmv_dec31 = false;
  for (size_t i = 0; i < merged_n; ++i) {
    const Trajectory& m = mt[i];
    if (m.start > last || m.end < first) continue;
    if (m.end <= last) CountEnded(counts->at(yi, slots.slot_of[m.municipality]), m.end_reason);
    if (IsMetVerblijf(m.form) && m.end > last) jmv_dec31 = true;
  }
  return jmv_dec31;
}

}  // namespace

absl::StatusOr<Family> ComputeJeugdhulp(const EngineContext& ctx,
                                        std::vector<uint64_t>* jmv_on_dec31) {
  const JeugdhulpTable& t = ctx.store->jeugdhulp;
  const PersonTable& persons = ctx.store->persons;
  const ComputeOptions& opt = *ctx.options;
  const int years = ctx.years();
  const size_t person_count =
      std::max<size_t>(persons.size(), t.person.empty()
                                           ? 0
                                           : *std::max_element(t.person.begin(), t.person.end()) + 1);

  Family f;
  for (int y = ctx.from; y <= ctx.to; ++y) f.periods.push_back(Period::Year(y));
  f.slots = BuildSlots(t.municipality, ctx.classify);
  f.counts = CellCounts(years, static_cast<int>(f.slots.codes.size()), kJhCells);
  f.specs = Specs();
  if (jmv_on_dec31 != nullptr) jmv_on_dec31->assign(person_count, 0);

  std::vector<int32_t> jan1(static_cast<size_t>(years)), dec31(static_cast<size_t>(years));
  for (int i = 0; i < years; ++i) {
    jan1[static_cast<size_t>(i)] = EngineContext::Jan1(ctx.from + i);
    dec31[static_cast<size_t>(i)] = EngineContext::Dec31(ctx.from + i);
  }
  const int32_t range_first = jan1.front(), range_last = dec31.back();

  // Index of the year of `day` in [range_first, range_last]: a year has at
  // least 365 days, so the estimate is at most one year short per 365 years.
  const auto year_index = [&](int32_t day) {
    int yi = (day - range_first) / 366;
    while (yi + 1 < years && jan1[static_cast<size_t>(yi + 1)] <= day) ++yi;
    return yi;
  };
  const PersonGroups groups = GroupByPerson(t.person, person_count);
  // Persons [lo, hi) into `counts`; a row that ends before it starts is an error.
  const bool cbs = opt.attribution == Attribution::kCbs;
  // Persons [lo, hi) into `counts`; a row that ends before it starts is an error.
  const auto count_persons = [&](size_t lo, size_t hi, CellCounts* counts) -> absl::Status {
    std::vector<Trajectory> raw, merged;
    SlotCells cells;
    for (size_t p = lo; p < hi; ++p) {
      const uint32_t b = groups.offsets[p], e = groups.offsets[p + 1];
      if (b == e) continue;
      raw.clear();
      int32_t min_start = kOpenEnd, max_end = kNoDate;
      bool several_municipalities = false;
      for (uint32_t pos = b; pos < e; ++pos) {
        const uint32_t row = groups.row(pos);
        const int32_t s = t.start[row], en = t.end[row];
        if (en < s) {
          return RowEndsBeforeStart("jeugdhulp", row,
                                    p < persons.size() ? persons.ids.id(static_cast<uint32_t>(p))
                                                       : std::string_view(),
                                    s, en);
        }
        if (s > range_last || en < range_first) continue;  // never active in the range
        const uint16_t m = ctx.classify[t.municipality[row]];
        if (!raw.empty() && m != raw.front().municipality) several_municipalities = true;
        raw.push_back({s, en, t.provider[row], m, t.form[row], t.end_reason[row]});
        min_start = std::min(min_start, s);
        max_end = std::max(max_end, en);
      }
      if (raw.empty()) continue;
      // Most persons have one trajectory in the range: nothing to merge or copy.
      const Trajectory* mt = raw.data();
      size_t merged_n = raw.size();
      if (opt.merge_trajectories && raw.size() > 1) {
        merged.assign(raw.begin(), raw.end());
        merged_n = MergeTrajectories(merged.data(), merged.size());
        mt = merged.data();
      }
      // Only a person with trajectories in more than one municipality can
      // count in more than one; everyone else takes the single-slot path.
      const bool mover = cbs && several_municipalities;

      const int32_t birth = p < persons.size() ? persons.birth[p] : kNoDate;
      const int32_t birth_ymd = birth == kNoDate ? 0 : Date::FromDays(birth).yyyymmdd();
      const int y_lo = year_index(std::max(min_start, range_first));
      const int y_hi = year_index(std::min(max_end, range_last));
      for (int yi = y_lo; yi <= y_hi; ++yi) {
        const int32_t first = jan1[static_cast<size_t>(yi)], last = dec31[static_cast<size_t>(yi)];
        // The most recent trajectory active during the year: the person's
        // municipality under kLatest, and the age basis kRecordStart.
        const Trajectory* best = nullptr;
        for (const Trajectory& r : raw) {
          if (r.start <= last && r.end >= first &&
              (best == nullptr || MoreRecent(r.start, r.end, r.municipality, best->start,
                                             best->end, best->municipality))) {
            best = &r;
          }
        }
        if (best == nullptr) continue;
        int age = -1;
        if (birth != kNoDate) {
          int32_t on_ymd;
          switch (opt.age_basis) {
            case AgeBasis::kPeriodStart: on_ymd = (ctx.from + yi) * 10000 + 101; break;
            case AgeBasis::kRecordStart: on_ymd = Date::FromDays(best->start).yyyymmdd(); break;
            case AgeBasis::kPeriodEnd:
            default: on_ymd = (ctx.from + yi) * 10000 + 1231; break;
          }
          age = AgeYmd(birth_ymd, on_ymd, opt.feb29_rule);
        }
        bool moved_this_year = false;
        if (mover) {  // trajectories in more than one municipality during this year?
          for (const Trajectory& r : raw) {
            if (r.start <= last && r.end >= first && r.municipality != best->municipality) {
              moved_this_year = true;
              break;
            }
          }
        }
        if (moved_this_year) {
          if (CountMoverYear(raw.data(), raw.size(), mt, merged_n, first, last, yi, age, f.slots,
                             &cells, counts) &&
              jmv_on_dec31 != nullptr) {
            (*jmv_on_dec31)[p] |= uint64_t{1} << yi;
          }
          continue;
        }
        uint32_t* c = counts->at(yi, f.slots.slot_of[best->municipality]);
        unsigned forms = kAnyForm;
        for (size_t i = 0; i < merged_n; ++i) {
          const Trajectory& m = mt[i];
          if (m.start > last || m.end < first) continue;
          forms |= 1u << static_cast<unsigned>(m.form);
          if (m.end <= last) CountEnded(c, m.end_reason);  // ended in the year
          if (jmv_on_dec31 != nullptr && IsMetVerblijf(m.form) && m.end > last) {
            (*jmv_on_dec31)[p] |= uint64_t{1} << yi;
          }
        }
        AddPersonCells(c, forms, age);
      }
    }
    return absl::OkStatus();
  };

  // Persons are split into ranges counted on their own threads and added up;
  // small tables are not worth a thread.
  const int64_t wanted = ThreadCount(opt.threads);
  const auto parts = static_cast<size_t>(
      std::clamp<int64_t>(std::min(wanted, static_cast<int64_t>(t.size() / 100000)), 1, 64));
  std::vector<CellCounts> counts(
      parts - 1, CellCounts(years, static_cast<int>(f.slots.codes.size()), kJhCells));
  std::vector<absl::Status> status(parts);
  const auto run = [&](size_t k) {
    status[k] = count_persons(person_count * k / parts, person_count * (k + 1) / parts,
                              k == 0 ? &f.counts : &counts[k - 1]);
  };
  ParallelFor(parts, run);
  for (size_t k = 0; k < parts; ++k) {
    if (!status[k].ok()) return status[k];  // the first in person order
    if (k > 0) f.counts.Add(counts[k - 1]);
  }
  return f;
}

}  // namespace zvdj::internal
