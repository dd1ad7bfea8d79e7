// Trend rows and summaries at national-pipeline scale: N series x 10 periods.
// The dataset is built once per size outside the timed loop; items/s counts
// observations.
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <random>
#include <sstream>

#include "absl/strings/str_format.h"
#include "benchmark/benchmark.h"
#include "zvdj/assessment.hpp"
#include "zvdj/dataset.hpp"
#include "zvdj/trend.hpp"
#include "zvdj/trend_report.hpp"

namespace zvdj {
namespace {

constexpr int kPeriods = 10;

// series = 4 indicators x regions x 5 age groups; each of its own period kind
// (years, a percentage, school years, peildatum). About 1% of observations are
// absent (gaps), 1% secret, the last period provisional.
std::unique_ptr<Dataset> MakeDataset(int64_t series) {
  static const char* const kIndicators[] = {"jeugdhulp_met_verblijf", "jeugdhulp_met_verblijf_pct",
                                            "thuiszitters", "uithuisplaatsing_ots_pct"};
  static const char* const kAges[] = {"0-4", "4-12", "12-18", "0-18", "18-23"};
  const int64_t regions = std::max<int64_t>(1, series / 20);
  auto ds = std::make_unique<Dataset>();
  ds->Reserve(static_cast<size_t>(series * kPeriods));
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> level(100, 5000), step(-0.05, 0.05);
  std::uniform_int_distribution<int> pct(0, 99);
  Observation o;
  for (int64_t r = 0; r < regions; ++r) {
    o.region = absl::StrFormat("GM%06d", r);
    for (int i = 0; i < 4; ++i) {
      o.indicator = kIndicators[i];
      for (const char* age : kAges) {
        o.dims = {{"age_group", age}};
        double v = level(rng);
        for (int y = 0; y < kPeriods; ++y) {
          const int year = 2010 + y;
          v *= 1 + step(rng);
          const int roll = pct(rng);
          if (roll == 0) continue;  // gap
          switch (i) {
            case 0: o.period = Period::Year(year); break;
            case 1: o.period = Period::Year(year); break;
            case 2: o.period = Period::SchoolYear(year); break;
            default: o.period = Period::Peildatum(Date::FromYmdUnchecked(year, 12, 31));
          }
          if (roll == 1) {
            o.status = ValueStatus::kSecret;
            o.value.reset();
          } else {
            o.status = y == kPeriods - 1 ? ValueStatus::kProvisional : ValueStatus::kDefinitive;
            o.value = (i == 1 || i == 3) ? v / 100.0 : std::round(v);
          }
          (void)ds->Add(o);
        }
      }
    }
  }
  return ds;
}

const Dataset& CachedDataset(int64_t series) {
  static auto* cache = new std::map<int64_t, std::unique_ptr<Dataset>>();
  auto& slot = (*cache)[series];
  if (!slot) slot = MakeDataset(series);
  return *slot;
}

BreakRegister SomeBreaks() {
  BreakRegister b;
  SeriesBreak sb;
  sb.indicator = "thuiszitters";
  sb.before = Period::SchoolYear(2014);
  sb.after = Period::SchoolYear(2015);
  sb.reason = "registratie verbeterd";
  (void)b.Add(sb);
  return b;
}

void BM_TrendRows(benchmark::State& state) {
  const Dataset& ds = CachedDataset(state.range(0));
  const BreakRegister breaks = SomeBreaks();
  for (auto _ : state) {
    TrendTable t = ComputeTrendRows(ds, Catalogue::BuiltIn(), breaks);
    benchmark::DoNotOptimize(t.rows.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(ds.size()));
  state.counters["observations"] = static_cast<double>(ds.size());
}
BENCHMARK(BM_TrendRows)->Arg(10'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// The same computation without materialising the table (no 184-byte row per
// observation kept in memory): the cost of the trend logic itself.
void BM_TrendRowsStreaming(benchmark::State& state) {
  const Dataset& ds = CachedDataset(state.range(0));
  const BreakRegister breaks = SomeBreaks();
  for (auto _ : state) {
    size_t changes = 0;
    ForEachSeriesTrend(ds, Catalogue::BuiltIn(), breaks, {},
                       [&changes](const TrendSeries&, const std::vector<TrendRow>& rows) {
                         for (const TrendRow& r : rows) changes += r.abs_change.has_value();
                       });
    benchmark::DoNotOptimize(changes);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(ds.size()));
  state.counters["observations"] = static_cast<double>(ds.size());
}
BENCHMARK(BM_TrendRowsStreaming)->Arg(10'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

void BM_TrendSummaries(benchmark::State& state) {
  const Dataset& ds = CachedDataset(state.range(0));
  const BreakRegister breaks = SomeBreaks();
  const CagrRule rule;
  for (auto _ : state) {
    SummaryTable t = ComputeTrendSummaries(ds, Catalogue::BuiltIn(), breaks);
    AssessSummaries(t, rule);
    benchmark::DoNotOptimize(t.summaries.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(ds.size()));
  state.counters["observations"] = static_cast<double>(ds.size());
}
BENCHMARK(BM_TrendSummaries)->Arg(10'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

void BM_WriteTrendRowsCsv(benchmark::State& state) {
  const Dataset& ds = CachedDataset(state.range(0));
  const TrendTable t = ComputeTrendRows(ds, Catalogue::BuiltIn(), {});
  size_t bytes = 0;
  for (auto _ : state) {
    std::ostringstream out;
    WriteTrendRows(t, ReportFormat::kCsv, out);
    bytes = out.str().size();
    benchmark::DoNotOptimize(bytes);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(t.rows.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
}
BENCHMARK(BM_WriteTrendRowsCsv)->Arg(10'000)->Unit(benchmark::kMillisecond);

void BM_MannKendallExact(benchmark::State& state) {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> noise;
  std::vector<double> x(static_cast<size_t>(state.range(0)));
  for (size_t i = 0; i < x.size(); ++i) x[i] = static_cast<double>(i) * 0.1 + noise(rng);
  for (auto _ : state) benchmark::DoNotOptimize(MannKendallTest(x));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_MannKendallExact)->Arg(6)->Arg(10);

}  // namespace
}  // namespace zvdj
