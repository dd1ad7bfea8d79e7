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
  kJhCells = 22,
};

constexpr const char* kAgeGroups[] = {"0-4", "4-12", "12-18", "18-23"};

int AgeGroup(int age) {
  if (age < 0) return -1;
  if (age < 4) return 0;
  if (age < 12) return 1;
  if (age < 18) return 2;
  if (age < 23) return 3;
  return -1;
}

std::vector<OutputSpec> Specs() {
  std::vector<OutputSpec> s;
  s.push_back({"jeugdhulp_jongeren", {}, kJongeren});
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
  const auto count_persons = [&](size_t lo, size_t hi, CellCounts* counts) -> absl::Status {
    std::vector<Trajectory> raw, merged;
    for (size_t p = lo; p < hi; ++p) {
      const uint32_t b = groups.offsets[p], e = groups.offsets[p + 1];
      if (b == e) continue;
      raw.clear();
      int32_t min_start = kOpenEnd, max_end = kNoDate;
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
        raw.push_back({s, en, t.provider[row], ctx.classify[t.municipality[row]], t.form[row],
                       t.end_reason[row]});
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

      const int32_t birth = p < persons.size() ? persons.birth[p] : kNoDate;
      const int32_t birth_ymd = birth == kNoDate ? 0 : Date::FromDays(birth).yyyymmdd();
      const int y_lo = year_index(std::max(min_start, range_first));
      const int y_hi = year_index(std::min(max_end, range_last));
      for (int yi = y_lo; yi <= y_hi; ++yi) {
        const int32_t first = jan1[static_cast<size_t>(yi)], last = dec31[static_cast<size_t>(yi)];
        // Attribution: the most recent trajectory active during the year.
        const Trajectory* best = nullptr;
        for (const Trajectory& r : raw) {
          if (r.start <= last && r.end >= first &&
              (best == nullptr || MoreRecent(r.start, r.end, r.municipality, best->start,
                                             best->end, best->municipality))) {
            best = &r;
          }
        }
        if (best == nullptr) continue;
        uint32_t* c = counts->at(yi, f.slots.slot_of[best->municipality]);
        unsigned forms = 0;
        for (size_t i = 0; i < merged_n; ++i) {
          const Trajectory& m = mt[i];
          if (m.start > last || m.end < first) continue;
          forms |= 1u << static_cast<unsigned>(m.form);
          if (m.end <= last) {  // ended in the year
            ++c[kEndedTotal];
            ++c[kEndedTotal + static_cast<int>(m.end_reason)];
            if (m.end_reason == EndReason::kVolgensPlan || m.end_reason == EndReason::kSamen) {
              ++c[kEndedPlanOrSamen];
            }
          }
          if (jmv_on_dec31 != nullptr && IsMetVerblijf(m.form) && m.start <= last &&
              m.end > last) {
            (*jmv_on_dec31)[p] |= uint64_t{1} << yi;
          }
        }
        const unsigned jmv_forms = forms >> static_cast<unsigned>(JeugdhulpForm::kPleegzorg);
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
        const bool youth = age >= 0 && age < 23;
        ++c[kJongeren];
        if (youth) ++c[kJongeren0to23];
        if (jmv_forms != 0) {
          ++c[kJmv];
          for (int k = 0; k < 4; ++k) {
            if (jmv_forms & (1u << k)) ++c[kJmvForm + k];
          }
          const int g = AgeGroup(age);
          if (g >= 0) ++c[kJmvAge + g];
          if (age >= 0 && age < 18) ++c[kJmv0to18];
          if (youth) {
            ++c[kJmv0to23];
            if (jmv_forms & 3u) ++c[kPleegGezins0to23];  // pleegzorg or gezinsgericht
          }
        }
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
