// The synthetic data generator. Every career (one youth) draws from its own
// random stream seeded from (seed, index), so the output is the same for the
// same options, and rows are written as they are made (no store in between).
#include "zvdj/generator.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <vector>

#include "absl/strings/str_format.h"
#include "zvdj/date.hpp"
#include "zvdj/core/atomic_file.h"
#include "zvdj/io/csv_out.h"
#include "zvdj/records.hpp"

namespace zvdj {
inline namespace v1 {
namespace {

// ---- Randomness (SplitMix64: tiny state, good enough, same on every platform) ----

class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Uniform() < p; }
  // Uniform integer in [lo, hi].
  int32_t Int(int32_t lo, int32_t hi) {
    if (hi <= lo) return lo;
    return lo + static_cast<int32_t>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }
  int32_t Exp(double mean) { return static_cast<int32_t>(-std::log1p(-Uniform()) * mean); }
  template <size_t N>
  int Pick(const double (&weights)[N]) {
    double total = 0;
    for (double w : weights) total += w;
    double u = Uniform() * total;
    for (size_t i = 0; i < N; ++i) {
      u -= weights[i];
      if (u < 0) return static_cast<int>(i);
    }
    return static_cast<int>(N - 1);
  }

 private:
  uint64_t s_;
};

uint64_t StreamSeed(uint64_t seed, uint64_t stream, uint64_t index) {
  Rng r(seed * 0xD1B54A32D192ED03ull ^ (stream << 56) ^ index);
  r.Next();
  return r.Next();
}

int32_t Day(int y, int m, int d) { return Date::FromYmdUnchecked(y, m, d).days(); }
int YearOf(int32_t day) { return Date::FromDays(day).year(); }
int32_t AddMonthsDays(int32_t day, int months) {
  return AddMonths(Date::FromDays(day), months).days();
}
int32_t Birthday(int32_t birth, int years) {
  return NthBirthday(Date::FromDays(birth), years).days();
}

// ---- Geography: 342 municipalities, 42 jeugdregio's, 12 provincies ----

struct Merger {
  uint16_t new_code;
  std::vector<uint16_t> old_codes;
  int year;  // merged on 1 January of this year
};

struct Municipality {
  uint16_t code;
  double weight;
  int jz;  // 1..42
  int pv;  // 20..31
  const Merger* merger = nullptr;
};

class Geography {
 public:
  Geography() {
    mergers_ = {
        {1948, {844, 846, 860}, 2017},       // Meierijstad
        {1969, {15, 22, 25, 56}, 2019},      // Westerkwartier
        {1961, {545, 620, 707}, 2019},       // Vijfheerenlanden
    };
    // Large municipalities with their real codes, then merger results, then
    // synthetic codes that avoid all of those.
    const std::pair<uint16_t, double> big[] = {
        {363, 40}, {599, 30}, {518, 24}, {344, 16}, {772, 10}, {14, 10}, {855, 10},
        {34, 10},  {758, 8},  {268, 8},  {1948, 4}, {1969, 3}, {1961, 3}};
    std::vector<uint16_t> used;
    for (const auto& [code, w] : big) {
      munis_.push_back({code, w, 0, 0});
      used.push_back(code);
    }
    for (const Merger& m : mergers_) used.insert(used.end(), m.old_codes.begin(), m.old_codes.end());
    for (uint16_t c = 3; munis_.size() < 342; c = static_cast<uint16_t>(c + 5)) {
      if (std::find(used.begin(), used.end(), c) != used.end()) continue;
      // Sizes fall off slowly, like the real long tail of small gemeenten.
      const double w = 6.0 / std::pow(1.0 + static_cast<double>(munis_.size()) / 20.0, 0.8);
      munis_.push_back({c, w, 0, 0});
    }
    // Regions are contiguous blocks of the code-sorted list; a jeugdregio lies
    // within one provincie.
    std::vector<size_t> order(munis_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return munis_[a].code < munis_[b].code; });
    for (size_t k = 0; k < order.size(); ++k) {
      Municipality& m = munis_[order[k]];
      m.jz = static_cast<int>(k * 42 / order.size()) + 1;
      m.pv = 20 + (m.jz - 1) * 12 / 42;
    }
    for (Municipality& m : munis_) {
      for (const Merger& g : mergers_) {
        if (g.new_code == m.code) m.merger = &g;
      }
    }
    double total = 0;
    for (const Municipality& m : munis_) cum_.push_back(total += m.weight);
    sorted_ = order;
  }

  size_t Pick(Rng& rng) const {
    const double u = rng.Uniform() * cum_.back();
    return static_cast<size_t>(std::upper_bound(cum_.begin(), cum_.end(), u) - cum_.begin());
  }
  const Municipality& at(size_t i) const { return munis_[i]; }
  const std::vector<Merger>& mergers() const { return mergers_; }
  const std::vector<size_t>& sorted() const { return sorted_; }

 private:
  std::vector<Merger> mergers_;
  std::vector<Municipality> munis_;
  std::vector<double> cum_;
  std::vector<size_t> sorted_;
};

// Where a youth lives: a municipality (and which old code it had before a
// merger), possibly moving once.
struct Residence {
  size_t muni = 0;
  uint16_t old_code = 0;
  size_t muni2 = 0;
  uint16_t old_code2 = 0;
  int32_t move_day = kOpenEnd;

  uint16_t At(const Geography& g, int32_t day) const {
    const bool moved = day >= move_day;
    const Municipality& m = g.at(moved ? muni2 : muni);
    if (m.merger != nullptr && day < Day(m.merger->year, 1, 1)) return moved ? old_code2 : old_code;
    return m.code;
  }
};

uint16_t PickOldCode(const Geography& g, size_t muni, Rng& rng) {
  const Municipality& m = g.at(muni);
  if (m.merger == nullptr) return m.code;
  const auto& olds = m.merger->old_codes;
  return olds[static_cast<size_t>(rng.Int(0, static_cast<int32_t>(olds.size()) - 1))];
}

Residence PickResidence(const Geography& g, Rng& rng) {
  Residence r;
  r.muni = g.Pick(rng);
  r.old_code = PickOldCode(g, r.muni, rng);
  r.muni2 = r.muni;
  r.old_code2 = r.old_code;
  return r;
}

// ---- Output with the extraction window applied ----

constexpr std::string_view kJeugdhulpHeader[] = {"person_id", "birth_date", "municipality",
                                                 "provider",  "form",       "start_date",
                                                 "end_date",  "end_reason"};
constexpr std::string_view kJeugdbeschermingHeader[] = {
    "person_id", "birth_date", "municipality", "measure", "start_date", "end_date"};
constexpr std::string_view kVerzuimHeader[] = {"person_id", "birth_date", "municipality",
                                               "kind",      "start_date", "end_date"};
constexpr std::string_view kVervolgzorgHeader[] = {"person_id", "kind", "start_date",
                                                   "end_date"};
constexpr std::string_view kPersonsHeader[] = {"person_id", "birth_date", "exit_date",
                                               "exit_reason"};

class Output {
 public:
  Output(const GenerateStreams& s, int32_t window_start, int32_t cutoff)
      : window_start_(window_start), cutoff_(cutoff) {
    auto open = [](std::ostream* os) {
      return os != nullptr ? std::make_unique<internal::CsvOut>(os) : nullptr;
    };
    jh_ = open(s.jeugdhulp);
    jb_ = open(s.jeugdbescherming);
    vz_ = open(s.verzuim);
    vv_ = open(s.vervolgzorg);
    pe_ = open(s.persons);
    if (jh_) jh_->Header(kJeugdhulpHeader);
    if (jb_) jb_->Header(kJeugdbeschermingHeader);
    if (vz_) vz_->Header(kVerzuimHeader);
    if (vv_) vv_->Header(kVervolgzorgHeader);
    if (pe_) pe_->Header(kPersonsHeader);
  }

  void BeginPerson(uint64_t index, int32_t birth) {
    const int n = std::snprintf(id_, sizeof id_, "P%09llu", static_cast<unsigned long long>(index));
    id_len_ = static_cast<size_t>(n);
    birth_ = birth;
    written_ = false;
  }
  // Writes the persons.csv row if the person appeared anywhere.
  void EndPerson(int32_t exit_day, ExitReason reason) {
    if (!written_) return;
    ++summary.persons;
    if (!pe_) return;
    pe_->Text(id());
    pe_->Day(birth_);
    const bool known = reason != ExitReason::kNone && exit_day <= cutoff_;
    pe_->Day(known ? exit_day : kNoDate);
    pe_->Text(known ? ExitReasonName(reason) : std::string_view());
    pe_->EndRow();
  }

  // Applies the window: nothing that ended before it or starts after the
  // cut-off; an end after the cut-off is not yet known.
  bool Clip(int32_t start, int32_t* end) const {
    if (start > cutoff_) return false;
    if (*end != kOpenEnd && *end < window_start_) return false;
    if (*end > cutoff_) *end = kOpenEnd;
    return true;
  }

  void Jeugdhulp(uint16_t muni, std::string_view provider, JeugdhulpForm form, int32_t start,
                 int32_t end, EndReason reason) {
    if (!Clip(start, &end)) return;
    written_ = true;
    ++summary.jeugdhulp;
    if (!jh_) return;
    jh_->Text(id());
    jh_->Day(birth_);
    jh_->Municipality(muni);
    jh_->Text(provider);
    jh_->Text(JeugdhulpFormName(form));
    jh_->Day(start);
    jh_->Day(end);
    jh_->Text(end == kOpenEnd ? std::string_view() : EndReasonName(reason));
    jh_->EndRow();
  }
  void Jeugdbescherming(uint16_t muni, Measure m, int32_t start, int32_t end) {
    if (!Clip(start, &end)) return;
    written_ = true;
    ++summary.jeugdbescherming;
    if (!jb_) return;
    jb_->Text(id());
    jb_->Day(birth_);
    jb_->Municipality(muni);
    jb_->Text(MeasureName(m));
    jb_->Day(start);
    jb_->Day(end);
    jb_->EndRow();
  }
  void Verzuim(uint16_t muni, VerzuimKind k, int32_t start, int32_t end) {
    if (!Clip(start, &end)) return;
    written_ = true;
    ++summary.verzuim;
    if (!vz_) return;
    vz_->Text(id());
    vz_->Day(birth_);
    vz_->Municipality(muni);
    vz_->Text(VerzuimKindName(k));
    vz_->Day(start);
    vz_->Day(end);
    vz_->EndRow();
  }
  void Vervolgzorg(VervolgzorgKind k, int32_t start, int32_t end) {
    if (!Clip(start, &end)) return;
    written_ = true;
    ++summary.vervolgzorg;
    if (!vv_) return;
    vv_->Text(id());
    vv_->Text(VervolgzorgKindName(k));
    vv_->Day(start);
    vv_->Day(end);
    vv_->EndRow();
  }

  void Flush() {
    for (auto* o : {jh_.get(), jb_.get(), vz_.get(), vv_.get(), pe_.get()}) {
      if (o) o->Flush();
    }
  }

  GenerateSummary summary;

 private:
  std::string_view id() const { return {id_, id_len_}; }

  int32_t window_start_, cutoff_;
  std::unique_ptr<internal::CsvOut> jh_, jb_, vz_, vv_, pe_;
  char id_[24] = {};
  size_t id_len_ = 0;
  int32_t birth_ = kNoDate;
  bool written_ = false;
};

// ---- The model ----

// Relative frequency of each age (0..22) at the start of a care career.
constexpr double kStartAge[] = {2.0, 1.5, 1.8, 2.0, 2.4, 2.8, 3.2, 3.4, 3.6, 3.8, 4.0, 4.2,
                                4.6, 5.0, 5.4, 5.6, 5.4, 4.6, 0.8, 0.4, 0.3, 0.2, 0.1};
constexpr double kZonderForm[] = {0.30, 0.55, 0.08, 0.07};      // wijkteam .. netwerk
constexpr double kVerblijfForm[] = {0.45, 0.15, 0.05, 0.35};    // pleegzorg .. overig
constexpr double kEndReason[] = {0.0, 0.55, 0.15, 0.07, 0.03, 0.12, 0.05};  // by EndReason

constexpr int kProvidersAtNationalScale = 3000;

class Model {
 public:
  Model(const GenerateOptions& o, const Geography& g, Output* out)
      : opt_(o), geo_(g), out_(out), scale_(static_cast<double>(o.persons) / 450000.0) {
    window_start_ = Day(o.from_year, 1, 1);
    cutoff_ = Day(o.to_year, 12, 31);
    careers_start_ = Day(o.from_year - 4, 1, 1);
    providers_ = std::max(20, static_cast<int>(kProvidersAtNationalScale * std::sqrt(scale_)));
  }

  int64_t CareerCount() const {
    const double years = static_cast<double>(cutoff_ - careers_start_ + 1) / 365.25;
    return static_cast<int64_t>(std::llround(kCareersPerYouthYear * static_cast<double>(opt_.persons) * years));
  }

  void Career(uint64_t index);
  void VerzuimOnly(uint64_t index, int school_year, bool vrijstelling);

  int64_t VrijstellingStartsPerYear() const { return std::llround(5500.0 * 0.40 * scale_); }
  int64_t ThuiszitterOnlyPerYear() const { return std::llround(4500.0 * 0.45 * scale_); }

 private:
  // New careers per year per youth counted in a year (calibrated so that the
  // number of distinct youths with jeugdhulp in a year is about `persons`).
  static constexpr double kCareersPerYouthYear = 0.48;

  // One care career as drawn before any record is written: the start and end
  // of care, the birth and the days of the 18th and 23rd birthday, the kind
  // of care, the exit from the population and the residence.
  struct CareerPlan {
    int32_t cs, ce, birth, b18, b23;
    bool jb, verblijf, cohort;
    ExitReason exit_reason;
    int32_t exit_day;
    Residence res;
  };
  CareerPlan PlanCareer(Rng& rng) const;
  void ChainWithoutVerblijf(const CareerPlan& c, Rng& rng);
  void ChainWithVerblijf(const CareerPlan& c, Rng& rng);
  void JeugdbeschermingMeasures(const CareerPlan& c, Rng& rng);
  void ThuiszitterInCare(const CareerPlan& c, Rng& rng);
  void FollowUpCare(const CareerPlan& c, Rng& rng);

  std::string_view Provider(size_t muni, Rng& rng) {
    // Mostly regional providers, sometimes a national one.
    const int k = rng.Chance(0.2) ? rng.Int(0, providers_ - 1)
                                  : static_cast<int>((muni * 37 + static_cast<size_t>(rng.Int(0, 11))) %
                                                     static_cast<size_t>(providers_));
    provider_len_ = static_cast<size_t>(std::snprintf(provider_, sizeof provider_, "A%05d", k));
    return {provider_, provider_len_};
  }
  EndReason PickEnd(Rng& rng) {
    // 3% of ended trajectories come without a reason (read back as onbekend).
    if (rng.Chance(0.03)) return EndReason::kNone;
    return static_cast<EndReason>(rng.Pick(kEndReason));
  }
  void Trajectory(const Residence& res, std::string_view provider, JeugdhulpForm form,
                  int32_t start, int32_t end, Rng& rng, bool allow_duplicate = true) {
    // Some registrations end on 31 December (administrative year ends).
    if (rng.Chance(0.03)) {
      const int32_t dec31 = Day(YearOf(end), 12, 31);
      if (dec31 > start) end = dec31;
    }
    if (end <= start) end = start + 1;
    const std::string provider_copy(provider);
    out_->Jeugdhulp(res.At(geo_, start), provider_copy, form, start, end, PickEnd(rng));
    if (allow_duplicate && rng.Chance(0.04)) {
      // A second registration of the same help that overlaps the first.
      const int32_t s2 = start + rng.Int(0, (end - start) / 2);
      const int32_t e2 = end + rng.Int(0, 60);
      out_->Jeugdhulp(res.At(geo_, s2), provider_copy, form, s2, e2, PickEnd(rng));
    }
  }

  const GenerateOptions& opt_;
  const Geography& geo_;
  Output* out_;
  double scale_;
  int32_t window_start_, cutoff_, careers_start_;
  int providers_;
  char provider_[16] = {};
  size_t provider_len_ = 0;
};

// Share of verblijf careers continuing past 18 that continue without verblijf.
constexpr double kAmbulantAfter18 = 0.9;

Model::CareerPlan Model::PlanCareer(Rng& rng) const {
  CareerPlan c;
  c.cs = rng.Int(careers_start_, cutoff_);
  const int32_t cs = c.cs;
  const int age = rng.Pick(kStartAge);
  c.birth = cs - age * 365 - age / 4 - rng.Int(0, 364);
  c.b18 = Birthday(c.birth, 18);
  c.b23 = Birthday(c.birth, 23);
  const int32_t b18 = c.b18;
  const bool teen = age >= 12 && age < 18;
  c.jb = age < 17 && rng.Chance(0.048);
  bool verblijf = rng.Chance(age >= 18 ? 0.01 : teen ? 0.078 : age < 4 ? 0.08 : 0.05);
  if (c.jb && rng.Chance(0.55)) verblijf = true;
  c.verblijf = verblijf;

  int32_t ce = cs + (verblijf ? 60 + rng.Exp(800) : 30 + rng.Exp(330));
  // Around 18: some stop just before the birthday, others continue (verlengde
  // jeugdhulp; pleegzorg more often).
  c.cohort = false;
  if (cs < b18 && ce > AddMonthsDays(b18, -3)) {
    c.cohort = true;
    if (rng.Chance(verblijf ? 0.45 : 0.54)) {
      ce = std::max(ce, b18 + 30 + rng.Exp(verblijf ? 250 : 200));
    } else if (ce > b18) {
      ce = std::max(cs + 1, b18 - rng.Int(0, 20));
    }
  }
  ce = std::min(ce, c.b23);
  if (ce <= cs) ce = cs + 1;

  c.exit_reason = ExitReason::kNone;
  c.exit_day = kOpenEnd;
  const double u = rng.Uniform();
  if (u < 0.0135) {
    c.exit_reason = u < 0.012 ? ExitReason::kEmigratie : ExitReason::kOverlijden;
    c.exit_day = cs + rng.Int(0, ce - cs + 730);
    ce = std::min(ce, c.exit_day);
    if (ce <= cs) ce = cs + 1;
  }
  c.ce = ce;

  c.res = PickResidence(geo_, rng);
  if (rng.Chance(0.04)) {
    c.res.move_day = cs + rng.Int(0, ce - cs);
    c.res.muni2 = geo_.Pick(rng);
    c.res.old_code2 = PickOldCode(geo_, c.res.muni2, rng);
  }
  return c;
}

// The trajectory chain of a career without verblijf.
void Model::ChainWithoutVerblijf(const CareerPlan& c, Rng& rng) {
  const Residence& res = c.res;
  auto form = rng.Chance(0.35) ? JeugdhulpForm::kWijkteam
                               : static_cast<JeugdhulpForm>(rng.Pick(kZonderForm));
  std::string provider(Provider(res.muni, rng));
  for (int32_t t = c.cs; t < c.ce;) {
    const int32_t e = std::min(t + 14 + rng.Exp(170), c.ce);
    Trajectory(res, provider, form, t, e, rng);
    form = static_cast<JeugdhulpForm>(rng.Pick(kZonderForm));
    if (rng.Chance(0.3)) provider = std::string(Provider(res.muni, rng));
    t = e + (rng.Chance(0.5) ? 0 : rng.Int(1, 60));
  }
  if (rng.Chance(0.25)) {
    const int32_t s = c.cs + rng.Int(0, 60);
    Trajectory(res, Provider(res.muni, rng),
               rng.Chance(0.7) ? JeugdhulpForm::kWijkteam : JeugdhulpForm::kNetwerk, s,
               s + 30 + rng.Exp(150), rng, false);
  }
}

// The trajectory chain of a career with verblijf.
void Model::ChainWithVerblijf(const CareerPlan& c, Rng& rng) {
  const Residence& res = c.res;
  const int32_t cs = c.cs, ce = c.ce, b18 = c.b18;
  // Care continued after 18 is mostly without verblijf: CBS counts about 3,000
  // youths of 18-23 met verblijf against 40,000 under 18 (2019).
  const int32_t verblijf_end =
      cs < b18 && ce > b18 && rng.Chance(kAmbulantAfter18) ? b18 : ce;
  int32_t t = cs;
  if (rng.Chance(0.5)) {
    const int32_t e = std::min(t + 30 + rng.Exp(120), verblijf_end);
    Trajectory(res, Provider(res.muni, rng), JeugdhulpForm::kAmbulant, t, e, rng);
    t = e;
  }
  auto form = static_cast<JeugdhulpForm>(4 + rng.Pick(kVerblijfForm));
  std::string provider(Provider(res.muni, rng));
  while (t < verblijf_end) {
    const int32_t len = form == JeugdhulpForm::kGesloten ? 30 + rng.Exp(150) : 60 + rng.Exp(500);
    const int32_t e = std::min(t + len, verblijf_end);
    Trajectory(res, provider, form, t, e, rng);
    if (!rng.Chance(0.7)) form = static_cast<JeugdhulpForm>(4 + rng.Pick(kVerblijfForm));
    if (rng.Chance(0.2)) provider = std::string(Provider(res.muni, rng));
    t = e;
  }
  if (verblijf_end < ce) {
    Trajectory(res, Provider(res.muni, rng), JeugdhulpForm::kAmbulant, verblijf_end, ce, rng);
  }
  if (rng.Chance(0.5)) {
    const int32_t s = cs + rng.Int(0, 90);
    Trajectory(res, Provider(res.muni, rng), JeugdhulpForm::kAmbulant, s,
               std::min(s + 60 + rng.Exp(300), std::max(ce, s + 1)), rng, false);
  }
}

// Jeugdbescherming measures of a career with one, before 18 and the exit.
void Model::JeugdbeschermingMeasures(const CareerPlan& c, Rng& rng) {
  const int32_t b18 = c.b18, exit_day = c.exit_day;
  int32_t ms = c.cs + rng.Int(0, std::min(180, c.ce - c.cs));
  const double kind = rng.Uniform();
  auto measure = [&](Measure m, int32_t s, int32_t e) {
    if (s >= b18 || s >= exit_day) return;
    e = std::min({e, b18, exit_day});
    if (e < s) e = s;
    out_->Jeugdbescherming(c.res.At(geo_, s), m, s, e);
  };
  auto ots_from = [&](int32_t s) {
    // OTS is given for a year and extended year by year.
    int years = 1;
    while (years < 8 && rng.Chance(0.6)) ++years;
    measure(Measure::kOts, s, s + years * 365 + rng.Int(-30, 30));
  };
  if (kind < 0.15) {
    const int32_t e = ms + rng.Int(14, 90);
    measure(Measure::kVots, ms, e);
    if (rng.Chance(0.85)) ots_from(e);
  } else if (kind < 0.80) {
    ots_from(ms);
  } else if (kind < 0.90) {
    measure(Measure::kVoogdij, ms, rng.Chance(0.85) ? b18 : ms + 365 * rng.Int(1, 4));
  } else if (kind < 0.97) {
    const int32_t e = ms + rng.Int(30, 180);
    measure(Measure::kVoorlopigeVoogdij, ms, e);
    if (rng.Chance(0.4)) measure(Measure::kVoogdij, e, b18);
  } else {
    measure(Measure::kTijdelijkeVoogdij, ms, ms + rng.Int(60, 365));
  }
}

// Thuiszitters among youths in care.
void Model::ThuiszitterInCare(const CareerPlan& c, Rng& rng) {
  if (!rng.Chance(0.012)) return;
  const int32_t s = c.cs + rng.Int(0, c.ce - c.cs);
  const int a = AgeOn(Date::FromDays(c.birth), Date::FromDays(s));
  if (a >= 5 && a <= 17) {
    if (rng.Chance(0.65)) {
      out_->Verzuim(c.res.At(geo_, s), VerzuimKind::kRelatief, s, s + 28 + rng.Exp(90));
    } else {
      out_->Verzuim(c.res.At(geo_, s), VerzuimKind::kAbsoluut, s, s + 10 + rng.Exp(120));
    }
  }
}

// Follow-up care after 18 for a member of the cohort still in the population.
void Model::FollowUpCare(const CareerPlan& c, Rng& rng) {
  const int32_t b18 = c.b18, exit_day = c.exit_day;
  auto after = [&](VervolgzorgKind k, double p1, double p3, double p6, double p12) {
    const double v = rng.Uniform();
    int32_t s;
    if (v < p1) {
      s = b18 + rng.Int(0, AddMonthsDays(b18, 1) - b18 - 1);
    } else if (v < p3) {
      s = rng.Int(AddMonthsDays(b18, 1), AddMonthsDays(b18, 3) - 1);
    } else if (v < p6) {
      s = rng.Int(AddMonthsDays(b18, 3), AddMonthsDays(b18, 6) - 1);
    } else if (v < p12) {
      s = rng.Int(AddMonthsDays(b18, 6), AddMonthsDays(b18, 12) - 1);
    } else {
      return;
    }
    if (s >= exit_day) return;
    out_->Vervolgzorg(k, s, rng.Chance(0.3) ? kOpenEnd : s + 30 + rng.Exp(300));
  };
  // Some already had follow-up care before 18 (not an event at 18).
  if (rng.Chance(0.04)) {
    const int32_t s = b18 - rng.Int(30, 300);
    out_->Vervolgzorg(VervolgzorgKind::kZvwGgz, s, rng.Chance(0.5) ? s + rng.Int(10, 200) : kOpenEnd);
  }
  after(VervolgzorgKind::kZvwGgz, 0.23, 0.26, 0.27, 0.29);
  after(VervolgzorgKind::kWmo, 0.06, 0.07, 0.08, 0.10);
  after(VervolgzorgKind::kWlz, 0.02, 0.02, 0.021, 0.025);
}

void Model::Career(uint64_t index) {
  Rng rng(StreamSeed(opt_.seed, 1, index));
  const CareerPlan c = PlanCareer(rng);
  out_->BeginPerson(index, c.birth);
  if (!c.verblijf) {
    ChainWithoutVerblijf(c, rng);
  } else {
    ChainWithVerblijf(c, rng);
  }
  // Back in care within half a year after stopping before 18.
  if (c.cohort && c.ce <= c.b18 && rng.Chance(0.05)) {
    const int32_t s = c.b18 + rng.Int(30, 180);
    if (s < c.b23 && s < c.exit_day) {
      Trajectory(c.res, Provider(c.res.muni, rng), JeugdhulpForm::kAmbulant, s,
                 s + 30 + rng.Exp(150), rng, false);
    }
  }
  if (c.jb) JeugdbeschermingMeasures(c, rng);
  ThuiszitterInCare(c, rng);
  if (c.cohort && c.exit_day > c.b18) FollowUpCare(c, rng);
  out_->EndPerson(c.exit_day, c.exit_reason);
}

// A youth known only to the leerplicht administration: a vrijstelling renewed
// year by year, or a thuiszitter episode (some of them also with a vrijstelling).
void Model::VerzuimOnly(uint64_t index, int school_year, bool vrijstelling) {
  Rng rng(StreamSeed(opt_.seed, 2, index));
  const int32_t sy_start = Day(school_year, 8, 1);
  const int age = vrijstelling ? rng.Int(5, 15) : rng.Int(6, 16);
  const int32_t birth = Day(school_year - age, 1, 1) - rng.Int(0, 364);
  Residence res = PickResidence(geo_, rng);
  out_->BeginPerson(index, birth);
  if (vrijstelling) {
    // Holds for one school year; about 65% is renewed.
    for (int y = school_year; y < school_year + 12; ++y) {
      if (AgeOn(Date::FromDays(birth), Date::FromDays(Day(y, 8, 1))) > 16) break;
      out_->Verzuim(res.At(geo_, Day(y, 8, 1)), VerzuimKind::kVrijstelling5a, Day(y, 8, 1),
                    Day(y + 1, 7, 31));
      if (!rng.Chance(0.65)) break;
    }
  } else {
    const int32_t s = sy_start + rng.Int(0, 330);
    const double k = rng.Uniform();
    if (k < 0.55) {
      out_->Verzuim(res.At(geo_, s), VerzuimKind::kRelatief, s, s + 28 + rng.Exp(90));
    } else if (k < 0.85) {
      out_->Verzuim(res.At(geo_, s), VerzuimKind::kAbsoluut, s, s + 10 + rng.Exp(120));
    } else {
      // Short relatief verzuim: below the four-week line, not a thuiszitter.
      out_->Verzuim(res.At(geo_, s), VerzuimKind::kRelatief, s, s + rng.Int(3, 26));
    }
    if (rng.Chance(0.03)) {
      // Covered by a vrijstelling: not a thuiszitter either.
      out_->Verzuim(res.At(geo_, s), VerzuimKind::kVrijstelling5a, sy_start,
                    Day(school_year + 1, 7, 31));
    }
  }
  out_->EndPerson(kOpenEnd, ExitReason::kNone);
}

void WriteRegions(const Geography& g, int first_year, std::ostream* os, GenerateSummary* s) {
  internal::CsvOut out(os);
  static constexpr std::string_view kHeader[] = {"municipality", "region", "from_year",
                                                 "to_year"};
  out.Header(kHeader);
  auto row = [&](uint16_t code, std::string_view region, int from, int to) {
    out.Municipality(code);
    out.Text(region);
    out.Int(from);
    if (to > 0) {
      out.Int(to);
    } else {
      out.Empty();
    }
    out.EndRow();
    ++s->regions;
  };
  char jz[8], pv[8];
  for (size_t i : g.sorted()) {
    const Municipality& m = g.at(i);
    std::snprintf(jz, sizeof jz, "JZ%02d", m.jz);
    std::snprintf(pv, sizeof pv, "PV%02d", m.pv);
    const int from = m.merger != nullptr ? m.merger->year : first_year;
    row(m.code, jz, from, 0);
    row(m.code, pv, from, 0);
    if (m.merger != nullptr) {
      for (uint16_t old : m.merger->old_codes) {
        row(old, jz, first_year, m.merger->year - 1);
        row(old, pv, first_year, m.merger->year - 1);
      }
    }
  }
}

void WriteHerindeling(const Geography& g, std::ostream* os, GenerateSummary* s) {
  internal::CsvOut out(os);
  static constexpr std::string_view kHeader[] = {"old_code", "new_code", "date"};
  out.Header(kHeader);
  for (const Merger& m : g.mergers()) {
    for (uint16_t old : m.old_codes) {
      out.Municipality(old);
      out.Municipality(m.new_code);
      out.Day(Day(m.year, 1, 1));
      out.EndRow();
      ++s->herindeling;
    }
  }
}

absl::Status CheckOptions(const GenerateOptions& options) {
  if (options.persons < 1 || options.persons > 100'000'000) {
    return absl::InvalidArgumentError(
        absl::StrFormat("persons must be in [1, 100000000], got %d", options.persons));
  }
  if (options.from_year < 1990 || options.to_year > 2100 || options.from_year > options.to_year) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "years must satisfy 1990 <= from <= to <= 2100, got %d..%d", options.from_year,
        options.to_year));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<GenerateSummary> GenerateRecords(const GenerateOptions& options,
                                                const GenerateStreams& streams,
                                                const GenerateProgress& progress) {
  if (absl::Status s = CheckOptions(options); !s.ok()) return s;
  const Geography geo;
  Output out(streams, Day(options.from_year, 1, 1), Day(options.to_year, 12, 31));
  Model model(options, geo, &out);

  const int64_t careers = model.CareerCount();
  const int first_sy = options.from_year - 1;  // school years overlapping the window
  const int warmup_sy = first_sy - 4;          // vrijstellingen renewed from earlier years
  const int64_t extra =
      (options.to_year - warmup_sy + 1) * model.VrijstellingStartsPerYear() +
      (options.to_year - first_sy + 1) * model.ThuiszitterOnlyPerYear();
  const int64_t total = careers + extra;
  const int64_t step = std::max<int64_t>(1, total / 100);
  int64_t done = 0;
  // A failed write (a full disk) stops the run at the next step instead of
  // generating the rest for nothing; the check below reports it.
  bool failed = false;
  auto tick = [&] {
    if (++done % step != 0) return;
    if (progress) progress(static_cast<double>(done) / static_cast<double>(total));
    for (std::ostream* os : {streams.jeugdhulp, streams.jeugdbescherming, streams.verzuim,
                             streams.vervolgzorg, streams.persons}) {
      failed |= os != nullptr && !*os;
    }
  };

  uint64_t index = 0;
  for (int64_t i = 0; i < careers && !failed; ++i) {
    model.Career(index++);
    tick();
  }
  for (int sy = warmup_sy; sy <= options.to_year && !failed; ++sy) {
    for (int64_t k = 0; k < model.VrijstellingStartsPerYear(); ++k) {
      model.VerzuimOnly(index++, sy, true);
      tick();
    }
    if (sy < first_sy) continue;
    for (int64_t k = 0; k < model.ThuiszitterOnlyPerYear(); ++k) {
      model.VerzuimOnly(index++, sy, false);
      tick();
    }
  }
  out.Flush();
  GenerateSummary summary = out.summary;
  if (streams.regions != nullptr) WriteRegions(geo, 2015, streams.regions, &summary);
  if (streams.herindeling != nullptr) WriteHerindeling(geo, streams.herindeling, &summary);
  const std::pair<std::ostream*, const char*> outputs[] = {
      {streams.jeugdhulp, "jeugdhulp.csv"},     {streams.jeugdbescherming, "jeugdbescherming.csv"},
      {streams.verzuim, "verzuim.csv"},         {streams.vervolgzorg, "vervolgzorg.csv"},
      {streams.persons, "persons.csv"},         {streams.regions, "regions.csv"},
      {streams.herindeling, "herindeling.csv"}};
  for (const auto& [os, name] : outputs) {
    if (os != nullptr) {
      os->flush();
      if (!*os) return absl::DataLossError(absl::StrFormat("cannot write %s", name));
    }
  }
  if (progress) progress(1.0);
  return summary;
}

absl::StatusOr<GenerateSummary> GenerateRecordFiles(const GenerateOptions& options,
                                                    const std::string& dir,
                                                    const GenerateProgress& progress) {
  // Nothing is created for options that cannot be generated.
  if (absl::Status s = CheckOptions(options); !s.ok()) return s;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return absl::PermissionDeniedError(
        absl::StrFormat("%s: cannot create directory: %s", dir, ec.message()));
  }
  const char* names[] = {"jeugdhulp.csv", "jeugdbescherming.csv", "verzuim.csv",
                         "vervolgzorg.csv", "persons.csv", "regions.csv", "herindeling.csv"};
  // Each file is written as a temporary file beside its final name; all seven
  // are renamed into place only when every one is complete, so a failed run
  // (a full disk) leaves a previous data set as it was.
  std::vector<std::unique_ptr<internal::AtomicFile>> files;
  for (const char* name : names) {
    auto f = internal::AtomicFile::Create((std::filesystem::path(dir) / name).string());
    if (!f.ok()) return f.status();
    files.push_back(*std::move(f));
  }
  GenerateStreams s{&files[0]->stream(), &files[1]->stream(), &files[2]->stream(),
                    &files[3]->stream(), &files[4]->stream(), &files[5]->stream(),
                    &files[6]->stream()};
  absl::StatusOr<GenerateSummary> summary = GenerateRecords(options, s, progress);
  // The file's own error (with the path and strerror) explains a failed stream.
  for (auto& f : files) {
    if (absl::Status st = f->Finish(); !st.ok()) return st;
  }
  if (!summary.ok()) return summary.status();
  for (auto& f : files) {
    if (absl::Status st = f->Publish(); !st.ok()) return st;
  }
  return summary;
}

}  // namespace v1
}  // namespace zvdj
