// Cohort outflow at national scale: a 1,000,000-person 18th-birthday cohort,
// 4 outcomes x 3 horizons; and the estimators alone on 1,000,000 subjects.
//
// BM_AalenJohansenFromFile reads `time,status` rows from the file named by
// ZVDJ_SURVIVAL_INPUT (written by benchmarks/compare_r_survival.sh) so that the
// same data can be timed in R.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "zvdj/cohort.hpp"
#include "zvdj/survival.hpp"

namespace {

using zvdj::Date;

constexpr int kPersons = 1'000'000;

const zvdj::RecordStore& NationalStore() {
  static const zvdj::RecordStore* store = [] {
    auto* s = new zvdj::RecordStore;
    std::mt19937_64 rng(2017);
    std::uniform_int_distribution<int> day_of_year(0, 364);
    std::uniform_real_distribution<double> u(0, 1);
    const Date jan1 = Date::FromYmdUnchecked(1999, 1, 1);
    s->persons.ids.Reserve(kPersons);
    s->jeugdhulp.Reserve(kPersons + kPersons / 4);
    s->vervolgzorg.Reserve(kPersons / 2);
    for (int i = 0; i < kPersons; ++i) {
      const uint32_t p = s->persons.Intern(absl::StrCat("P", i));
      const Date birth = jan1 + day_of_year(rng);
      s->persons.SetBirth(p, birth);
      const Date b = zvdj::NthBirthday(birth, 18);
      const auto muni = static_cast<uint16_t>(1 + i % 342);
      const bool continues = u(rng) < 0.5;
      s->jeugdhulp.Append({.person = p, .municipality = muni, .provider = 0,
                           .form = zvdj::JeugdhulpForm::kAmbulant,
                           .start = (b - 400).days(),
                           .end = continues ? zvdj::kOpenEnd : (b - 10).days()});
      if (!continues && u(rng) < 0.25) {  // restarts within half a year
        s->jeugdhulp.Append({.person = p, .municipality = muni, .provider = 0,
                             .form = zvdj::JeugdhulpForm::kAmbulant,
                             .start = (b + static_cast<int>(u(rng) * 180)).days(),
                             .end = zvdj::kOpenEnd});
      }
      if (u(rng) < 0.4) {
        const auto kind = static_cast<zvdj::VervolgzorgKind>(static_cast<int>(u(rng) * 3));
        s->vervolgzorg.Append({.person = p, .kind = kind,
                               .start = (b + static_cast<int>(u(rng) * 360) - 60).days(),
                               .end = zvdj::kOpenEnd});
      }
      const double x = u(rng);
      if (x < 0.001) {
        s->persons.exit[p] = (b + static_cast<int>(u(rng) * 365)).days();
        s->persons.exit_reason[p] = zvdj::ExitReason::kOverlijden;
      } else if (x < 0.011) {
        s->persons.exit[p] = (b + static_cast<int>(u(rng) * 365)).days();
        s->persons.exit_reason[p] = zvdj::ExitReason::kEmigratie;
      }
    }
    return s;
  }();
  return *store;
}

void BM_EighteenthBirthdayCohort(benchmark::State& state) {
  const auto& store = NationalStore();
  const std::vector<int> years = {2017};
  for (auto _ : state) {
    zvdj::Cohort c = zvdj::EighteenthBirthdayCohort(store, years);
    benchmark::DoNotOptimize(c.person.data());
  }
  state.SetItemsProcessed(state.iterations() * kPersons);
}
BENCHMARK(BM_EighteenthBirthdayCohort)->Unit(benchmark::kMillisecond);

// 4 outcomes (verlengde_jeugdhulp, zvw_ggz, wmo, vervolgzorg_any) x 1m, 3m,
// 6m, Aalen–Johansen with IJ standard errors; the cohort is built in setup.
void BM_CohortOutflow(benchmark::State& state) {
  const auto& store = NationalStore();
  const std::vector<int> years = {2017};
  const zvdj::Cohort cohort = zvdj::EighteenthBirthdayCohort(store, years);
  std::vector<zvdj::Outcome> outcomes;
  for (const char* name : {"verlengde_jeugdhulp", "zvw_ggz", "wmo", "vervolgzorg_any"}) {
    outcomes.push_back(zvdj::BuiltinOutcome(store, name).value());
  }
  zvdj::OutflowOptions opt;
  opt.horizons = zvdj::ParseHorizons("1m,3m,6m").value();
  opt.cutoff = Date::FromYmdUnchecked(2018, 12, 31).days();
  if (state.range(0) == 1) opt.methods = zvdj::ParseCohortMethods("all").value();
  for (auto _ : state) {
    auto rows = zvdj::CohortOutflow(store, cohort, outcomes, opt);
    benchmark::DoNotOptimize(rows->data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(cohort.size()));
  state.counters["members"] = static_cast<double>(cohort.size());
}
BENCHMARK(BM_CohortOutflow)->Arg(0)->Arg(1)->ArgName("all_methods")->Unit(benchmark::kMillisecond);

struct Subjects {
  std::vector<double> time;
  std::vector<int32_t> status;
};

Subjects RandomSubjects(bool integer_days) {
  Subjects s;
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> u(0, 1);
  s.time.resize(kPersons);
  s.status.resize(kPersons);
  for (int i = 0; i < kPersons; ++i) {
    const double t = u(rng) * 400;
    s.time[static_cast<size_t>(i)] = integer_days ? static_cast<double>(static_cast<int>(t)) : t;
    s.status[static_cast<size_t>(i)] = static_cast<int32_t>(u(rng) * 4);  // 0..3
  }
  return s;
}

void Estimate(const Subjects& s, benchmark::State& state) {
  const std::vector<double> at = {30, 91, 183};
  for (auto _ : state) {
    auto fit = zvdj::CompetingRisksFit::Fit(s.time, s.status).value();
    benchmark::DoNotOptimize(fit.Survival(at));
    for (int k = 1; k <= fit.num_event_types(); ++k) {
      benchmark::DoNotOptimize(fit.CumulativeIncidence(k, at));
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(s.time.size()));
}

// Fit + all-cause survival + 3 cumulative incidences with standard errors at 3
// horizons: what summary(survfit(Surv(time, factor(status)) ~ 1), times=) gives.
void BM_AalenJohansen(benchmark::State& state) {
  static const Subjects days = RandomSubjects(true);
  static const Subjects continuous = RandomSubjects(false);
  Estimate(state.range(0) ? continuous : days, state);
}
BENCHMARK(BM_AalenJohansen)->Arg(0)->Arg(1)->ArgName("continuous")->Unit(benchmark::kMillisecond);

void BM_AalenJohansenFromFile(benchmark::State& state) {
  const char* path = std::getenv("ZVDJ_SURVIVAL_INPUT");
  if (path == nullptr) {
    state.SkipWithError("set ZVDJ_SURVIVAL_INPUT to a time,status CSV file");
    return;
  }
  static Subjects s;
  if (s.time.empty()) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      const size_t comma = line.find(',');
      if (comma == std::string::npos) continue;
      s.time.push_back(std::stod(line.substr(0, comma)));
      s.status.push_back(std::stoi(line.substr(comma + 1)));
    }
  }
  Estimate(s, state);
  // The values, to check against R's output for the same file.
  const std::vector<double> at = {183};
  const auto p = zvdj::CompetingRisksFit::Fit(s.time, s.status)->CumulativeIncidence(1, at)[0];
  state.counters["cif1_183"] = p.estimate;
  state.counters["se1_183"] = p.std_err;
}
BENCHMARK(BM_AalenJohansenFromFile)->Unit(benchmark::kMillisecond);

}  // namespace
