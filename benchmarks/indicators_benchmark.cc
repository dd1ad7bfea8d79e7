// Speed of the person-level engine: every indicator by year x municipality x
// age group (and form, reason, measure, school year) from an in-memory store of
// 1M and 10M jeugdhulp trajectories, with proportional jeugdbescherming (3%)
// and verzuim (2%) rows, with the jeugdhulp pass on 1 or 2 threads
// (arguments: rows, threads). Reports trajectories per second; with 2 threads
// wall time is the figure to read.
#include <algorithm>
#include <map>
#include <memory>

#include "benchmark/benchmark.h"
#include "zvdj/indicators.hpp"
#include "zvdj/records.hpp"

namespace zvdj {
namespace {

// A deterministic store: ~3 trajectories per person over 2012-2019 in 350
// municipalities; rows in person order (as the loaders read a file written per
// person) unless `shuffled`.
std::unique_ptr<RecordStore> MakeStore(int64_t rows, bool shuffled) {
  auto s = std::make_unique<RecordStore>();
  uint64_t x = 0x9E3779B97F4A7C15ull;
  const auto next = [&x] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  const int32_t base = Date::FromYmdUnchecked(2012, 1, 1).days();
  const int64_t persons = rows / 3;
  s->persons.birth.resize(static_cast<size_t>(persons));
  s->persons.exit.assign(static_cast<size_t>(persons), kNoDate);
  s->persons.exit_reason.assign(static_cast<size_t>(persons), ExitReason::kNone);
  s->jeugdhulp.Reserve(static_cast<size_t>(rows));
  int64_t row = 0;
  for (int64_t p = 0; p < persons; ++p) {
    const auto person = static_cast<uint32_t>(p);
    s->persons.birth[static_cast<size_t>(p)] = base - 365 * 2 + static_cast<int32_t>(next() % 8000);
    const auto home = static_cast<uint16_t>(1 + next() % 350);
    const int n = p + 1 == persons ? static_cast<int>(rows - row) : 1 + static_cast<int>(next() % 5);
    int32_t start = base + static_cast<int32_t>(next() % 2600);
    for (int k = 0; k < n && row < rows; ++k, ++row) {
      const int32_t len = 20 + static_cast<int32_t>(next() % 500);
      const bool open = next() % 6 == 0;
      const auto form = static_cast<JeugdhulpForm>(next() % 10 < 8 ? next() % 4 : 4 + next() % 4);
      s->jeugdhulp.Append({.person = person,
                           .municipality = next() % 20 == 0 ? static_cast<uint16_t>(1 + next() % 350) : home,
                           .provider = static_cast<uint32_t>(next() % 2000),
                           .form = form,
                           .start = start,
                           .end = open ? kOpenEnd : start + len,
                           .end_reason = open ? EndReason::kNone
                                              : static_cast<EndReason>(1 + next() % 6)});
      start += static_cast<int32_t>(next() % 400);
    }
    if (next() % 100 < 9) {  // ~3% of rows
      const int32_t ms = base + static_cast<int32_t>(next() % 2600);
      s->jeugdbescherming.Append({.person = person, .municipality = home,
                                  .measure = static_cast<Measure>(next() % kMeasureCount),
                                  .start = ms,
                                  .end = next() % 4 == 0 ? kOpenEnd
                                                         : ms + static_cast<int32_t>(next() % 900)});
    }
    if (next() % 100 < 6) {  // ~2% of rows
      const int32_t vs = base + static_cast<int32_t>(next() % 2600);
      s->verzuim.Append({.person = person, .municipality = home,
                         .kind = static_cast<VerzuimKind>(next() % 3),
                         .start = vs, .end = vs + static_cast<int32_t>(next() % 200)});
    }
  }
  if (shuffled) {
    // Reverse blocks so that rows of one person are far apart.
    auto& t = s->jeugdhulp;
    const size_t n = t.size();
    for (size_t i = 0; i < n; ++i) {
      const size_t j = static_cast<size_t>(next() % n);
      std::swap(t.person[i], t.person[j]);
      std::swap(t.municipality[i], t.municipality[j]);
      std::swap(t.provider[i], t.provider[j]);
      std::swap(t.form[i], t.form[j]);
      std::swap(t.start[i], t.start[j]);
      std::swap(t.end[i], t.end[j]);
      std::swap(t.end_reason[i], t.end_reason[j]);
    }
  }
  return s;
}

const RecordStore& CachedStore(int64_t rows, bool shuffled) {
  static std::map<std::pair<int64_t, bool>, std::unique_ptr<RecordStore>> cache;
  auto& slot = cache[{rows, shuffled}];
  if (!slot) {
    cache.clear();  // keep one store at a time in memory
    auto& fresh = cache[{rows, shuffled}];
    fresh = MakeStore(rows, shuffled);
    return *fresh;
  }
  return *slot;
}

void Run(benchmark::State& state, bool shuffled,
         Attribution attribution = Attribution::kCbs) {
  const RecordStore& s = CachedStore(state.range(0), shuffled);
  ComputeOptions opt;
  opt.attribution = attribution;
  opt.from_year = 2016;
  opt.to_year = 2019;
  opt.publication.suppress_below = 0;
  opt.threads = static_cast<int>(state.range(1));
  size_t cells = 0;
  for (auto _ : state) {
    auto r = ComputeIndicators(s, opt);
    if (!r.ok()) {
      state.SkipWithError("compute failed");
      return;
    }
    cells = r->dataset.size();
    benchmark::DoNotOptimize(cells);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(s.jeugdhulp.size()));
  // Bytes of the columnar input read per iteration (all three tables).
  const int64_t bytes = static_cast<int64_t>(s.jeugdhulp.size()) * 20 +
                        static_cast<int64_t>(s.jeugdbescherming.size() + s.verzuim.size()) * 15;
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["cells"] = static_cast<double>(cells);
  state.counters["jb_rows"] = static_cast<double>(s.jeugdbescherming.size());
  state.counters["verzuim_rows"] = static_cast<double>(s.verzuim.size());
}

void BM_ComputeIndicators(benchmark::State& state) { Run(state, false); }
void BM_ComputeIndicatorsShuffled(benchmark::State& state) { Run(state, true); }
// The latest-record attribution (one municipality per person), for comparison.
void BM_ComputeIndicatorsLatest(benchmark::State& state) {
  Run(state, false, Attribution::kLatest);
}

BENCHMARK(BM_ComputeIndicators)
    ->ArgNames({"rows", "threads"})
    ->ArgsProduct({{1'000'000, 10'000'000}, {1, 2}})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ComputeIndicatorsShuffled)
    ->ArgNames({"rows", "threads"})
    ->Args({1'000'000, 1})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ComputeIndicatorsLatest)
    ->ArgNames({"rows", "threads"})
    ->Args({1'000'000, 1})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace zvdj
