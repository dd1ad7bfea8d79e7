// Jeugdhulp indicators per calendar year: jongeren met jeugdhulp, jeugdhulp met
// verblijf by age group and form, the two shares, and ended trajectories by
// reason. One pass over the trajectories grouped by person, in person ranges
// on ComputeOptions::threads threads.
#include <algorithm>
#include <system_error>
#include <thread>

#include "zvdj/engine/indicators_internal.h"
#include "zvdj/core/parallel.h"
#include "zvdj/core/status_macros.h"

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

// The trajectories of one person that are active in the counted years, and
// their span.
struct PersonTrajectories {
  std::vector<Trajectory> raw;
  int32_t min_start = kOpenEnd, max_end = kNoDate;
  bool several_municipalities = false;
};

// Counts the trajectories of a range of persons into cells: what all ranges
// share (the tables, the years, the grouping by person), and the steps for
// one person and one year. The steps are defined in the class, so inline:
// this is the hot path of the engine.
class JeugdhulpCounter {
 public:
  JeugdhulpCounter(const EngineContext& ctx, const MunicipalitySlots& slots, size_t person_count,
                   std::vector<uint64_t>* jmv_on_dec31)
      : ctx_(ctx),
        t_(ctx.store->jeugdhulp),
        persons_(ctx.store->persons),
        opt_(*ctx.options),
        slots_(slots),
        jmv_on_dec31_(jmv_on_dec31),
        years_(ctx.years()),
        cbs_(opt_.attribution == Attribution::kCbs),
        groups_(GroupByPerson(t_.person, person_count)) {
    jan1_.resize(static_cast<size_t>(years_));
    dec31_.resize(static_cast<size_t>(years_));
    for (int i = 0; i < years_; ++i) {
      jan1_[static_cast<size_t>(i)] = EngineContext::Jan1(ctx.from + i);
      dec31_[static_cast<size_t>(i)] = EngineContext::Dec31(ctx.from + i);
    }
    range_first_ = jan1_.front();
    range_last_ = dec31_.back();
  }

  // Persons [lo, hi) into `counts`; a row that ends before it starts is an error.
  absl::Status CountPersons(size_t lo, size_t hi, CellCounts* counts) const {
    PersonTrajectories pt;
    std::vector<Trajectory> merged;
    SlotCells cells;
    for (size_t p = lo; p < hi; ++p) {
      ZVDJ_RETURN_IF_ERROR(Collect(p, &pt));
      if (pt.raw.empty()) continue;
      // Most persons have one trajectory in the range: nothing to merge or copy.
      const Trajectory* mt = pt.raw.data();
      size_t merged_n = pt.raw.size();
      if (opt_.merge_trajectories && pt.raw.size() > 1) {
        merged.assign(pt.raw.begin(), pt.raw.end());
        merged_n = MergeTrajectories(merged.data(), merged.size());
        mt = merged.data();
      }
      CountPersonYears(p, pt, mt, merged_n, &cells, counts);
    }
    return absl::OkStatus();
  }

 private:
  // Index of the year of `day` in [range_first_, range_last_]: a year has at
  // least 365 days, so the estimate is at most one year short per 365 years.
  int YearIndex(int32_t day) const {
    int yi = (day - range_first_) / 366;
    while (yi + 1 < years_ && jan1_[static_cast<size_t>(yi + 1)] <= day) ++yi;
    return yi;
  }

  // The trajectories of person `p` active in the range into `pt` (empty when
  // none); a row that ends before it starts is an error.
  absl::Status Collect(size_t p, PersonTrajectories* pt) const {
    pt->raw.clear();
    const uint32_t b = groups_.offsets[p], e = groups_.offsets[p + 1];
    if (b == e) return absl::OkStatus();
    pt->min_start = kOpenEnd;
    pt->max_end = kNoDate;
    pt->several_municipalities = false;
    for (uint32_t pos = b; pos < e; ++pos) {
      const uint32_t row = groups_.row(pos);
      const int32_t s = t_.start[row], en = t_.end[row];
      if (en < s) {
        return RowEndsBeforeStart("jeugdhulp", row,
                                  p < persons_.size() ? persons_.ids.id(static_cast<uint32_t>(p))
                                                      : std::string_view(),
                                  s, en);
      }
      if (s > range_last_ || en < range_first_) continue;  // never active in the range
      const uint16_t m = ctx_.classify[t_.municipality[row]];
      if (!pt->raw.empty() && m != pt->raw.front().municipality) pt->several_municipalities = true;
      pt->raw.push_back({s, en, t_.provider[row], m, t_.form[row], t_.end_reason[row]});
      pt->min_start = std::min(pt->min_start, s);
      pt->max_end = std::max(pt->max_end, en);
    }
    return absl::OkStatus();
  }

  // The most recent trajectory active during [first, last]: the person's
  // municipality under kLatest, and the age basis kRecordStart; null if none.
  static const Trajectory* MostRecentActive(const std::vector<Trajectory>& raw, int32_t first,
                                            int32_t last) {
    const Trajectory* best = nullptr;
    for (const Trajectory& r : raw) {
      if (r.start <= last && r.end >= first &&
          (best == nullptr || MoreRecent(r.start, r.end, r.municipality, best->start, best->end,
                                         best->municipality))) {
        best = &r;
      }
    }
    return best;
  }

  // Whether a trajectory in another municipality than `municipality` is
  // active during [first, last].
  static bool ActiveElsewhere(const std::vector<Trajectory>& raw, int32_t first, int32_t last,
                              uint16_t municipality) {
    for (const Trajectory& r : raw) {
      if (r.start <= last && r.end >= first && r.municipality != municipality) return true;
    }
    return false;
  }

  // The age (-1 unknown) of a person born on `birth` (yyyymmdd `birth_ymd`)
  // in year `yi` on the day of the age basis.
  int AgeInYear(int32_t birth, int32_t birth_ymd, int yi, const Trajectory& best) const {
    if (birth == kNoDate) return -1;
    int32_t on_ymd;
    switch (opt_.age_basis) {
      case AgeBasis::kPeriodStart: on_ymd = (ctx_.from + yi) * 10000 + 101; break;
      case AgeBasis::kRecordStart: on_ymd = Date::FromDays(best.start).yyyymmdd(); break;
      case AgeBasis::kPeriodEnd:
      default: on_ymd = (ctx_.from + yi) * 10000 + 1231; break;
    }
    return AgeYmd(birth_ymd, on_ymd, opt_.feb29_rule);
  }

  // The years of person `p` (merged trajectories `mt`) into `counts`.
  void CountPersonYears(size_t p, const PersonTrajectories& pt, const Trajectory* mt,
                        size_t merged_n, SlotCells* cells, CellCounts* counts) const {
    // Only a person with trajectories in more than one municipality can
    // count in more than one; everyone else takes the single-slot path.
    const bool mover = cbs_ && pt.several_municipalities;
    const int32_t birth = p < persons_.size() ? persons_.birth[p] : kNoDate;
    const int32_t birth_ymd = birth == kNoDate ? 0 : Date::FromDays(birth).yyyymmdd();
    const int y_lo = YearIndex(std::max(pt.min_start, range_first_));
    const int y_hi = YearIndex(std::min(pt.max_end, range_last_));
    for (int yi = y_lo; yi <= y_hi; ++yi) {
      const int32_t first = jan1_[static_cast<size_t>(yi)], last = dec31_[static_cast<size_t>(yi)];
      const Trajectory* best = MostRecentActive(pt.raw, first, last);
      if (best == nullptr) continue;
      const int age = AgeInYear(birth, birth_ymd, yi, *best);
      // Trajectories in more than one municipality during this year?
      if (mover && ActiveElsewhere(pt.raw, first, last, best->municipality)) {
        if (CountMoverYear(pt.raw.data(), pt.raw.size(), mt, merged_n, first, last, yi, age,
                           slots_, cells, counts) &&
            jmv_on_dec31_ != nullptr) {
          (*jmv_on_dec31_)[p] |= uint64_t{1} << yi;
        }
        continue;
      }
      uint32_t* c = counts->at(yi, slots_.slot_of[best->municipality]);
      unsigned forms = kAnyForm;
      for (size_t i = 0; i < merged_n; ++i) {
        const Trajectory& m = mt[i];
        if (m.start > last || m.end < first) continue;
        forms |= 1u << static_cast<unsigned>(m.form);
        if (m.end <= last) CountEnded(c, m.end_reason);  // ended in the year
        if (jmv_on_dec31_ != nullptr && IsMetVerblijf(m.form) && m.end > last) {
          (*jmv_on_dec31_)[p] |= uint64_t{1} << yi;
        }
      }
      AddPersonCells(c, forms, age);
    }
  }

  const EngineContext& ctx_;
  const JeugdhulpTable& t_;
  const PersonTable& persons_;
  const ComputeOptions& opt_;
  const MunicipalitySlots& slots_;
  std::vector<uint64_t>* jmv_on_dec31_;
  const int years_;
  const bool cbs_;
  const PersonGroups groups_;
  std::vector<int32_t> jan1_, dec31_;
  int32_t range_first_ = 0, range_last_ = 0;
};

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
  const JeugdhulpCounter counter(ctx, f.slots, person_count, jmv_on_dec31);

  // Persons are split into ranges counted on their own threads and added up;
  // small tables are not worth a thread.
  const int64_t wanted = ThreadCount(opt.threads);
  const auto parts = static_cast<size_t>(
      std::clamp<int64_t>(std::min(wanted, static_cast<int64_t>(t.size() / 100000)), 1, 64));
  std::vector<CellCounts> counts(
      parts - 1, CellCounts(years, static_cast<int>(f.slots.codes.size()), kJhCells));
  std::vector<absl::Status> status(parts);
  const auto run = [&](size_t k) {
    status[k] = counter.CountPersons(person_count * k / parts, person_count * (k + 1) / parts,
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
