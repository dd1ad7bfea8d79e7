// Loading jeugdhulp.csv (and all person-level files) into the columnar store,
// and generating it.
//
//   records_io_benchmark --benchmark_filter=BM_LoadJeugdhulpCsv
//   (arguments: rows, reading threads; wall time is the figure to read)
//   ZVDJ_BENCH_10M=1 records_io_benchmark   # also the 10 million row case
//
// Counters: items_per_second = rows/s; bytes_per_second = CSV bytes/s;
// bytes_per_trajectory = bytes held by the trajectory columns per row;
// store_bytes_per_trajectory = the whole store (zvdj::MemoryBytes: columns,
// person and provider dictionaries) per row; persons_per_row.
// BM_LoadRecordFiles: persons.csv, jeugdhulp.csv, jeugdbescherming.csv and
// verzuim.csv of one generated data set; items = rows of all four files.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "benchmark/benchmark.h"
#include "zvdj/generator.hpp"
#include "zvdj/records_io.hpp"

namespace {

// The first `rows` data rows of a generated national-scale jeugdhulp.csv
// (2016-2019), made once per size.
const std::string& JeugdhulpText(int64_t rows) {
  static std::map<int64_t, std::string> cache;
  auto it = cache.find(rows);
  if (it != cache.end()) return it->second;
  std::ostringstream out;
  zvdj::GenerateStreams streams;
  streams.jeugdhulp = &out;
  // About 6.3 rows per youth-year unit for 2016-2019; ask for a little more.
  const int64_t persons = rows / 6 + 1000;
  auto summary = zvdj::GenerateRecords({.seed = 1, .persons = persons}, streams);
  if (!summary.ok()) std::abort();
  std::string text = std::move(out).str();
  size_t pos = 0;
  for (int64_t i = 0; i <= rows && pos != std::string::npos; ++i) {
    pos = text.find('\n', pos);
    if (pos != std::string::npos) ++pos;
  }
  if (pos != std::string::npos) text.resize(pos);
  return cache.emplace(rows, std::move(text)).first->second;
}

template <typename T>
size_t Bytes(const std::vector<T>& v) {
  return v.size() * sizeof(T);
}

void BM_LoadJeugdhulpCsv(benchmark::State& state) {
  const int64_t rows = state.range(0);
  const std::string& text = JeugdhulpText(rows);
  zvdj::LoadOptions options;
  options.threads = static_cast<int>(state.range(1));
  size_t loaded = 0;
  double bytes_per_row = 0, persons_per_row = 0, store_per_row = 0;
  for (auto _ : state) {
    zvdj::RecordStore store;
    zvdj::LoadReport report;
    const absl::Status s = zvdj::ParseJeugdhulpCsv(text, "jeugdhulp.csv", &store, options, &report);
    if (!s.ok()) {
      state.SkipWithError(std::string(s.message()).c_str());
      return;
    }
    loaded = store.jeugdhulp.size();
    const zvdj::JeugdhulpTable& t = store.jeugdhulp;
    const size_t bytes = Bytes(t.person) + Bytes(t.municipality) + Bytes(t.provider) +
                         Bytes(t.form) + Bytes(t.start) + Bytes(t.end) + Bytes(t.end_reason);
    bytes_per_row = static_cast<double>(bytes) / static_cast<double>(loaded);
    persons_per_row = static_cast<double>(store.persons.size()) / static_cast<double>(loaded);
    store_per_row = static_cast<double>(zvdj::MemoryBytes(store)) / static_cast<double>(loaded);
    state.PauseTiming();
    {
      zvdj::RecordStore drop = std::move(store);  // free outside the timed region
    }
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(loaded));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["rows"] = static_cast<double>(loaded);
  state.counters["bytes_per_trajectory"] = bytes_per_row;
  state.counters["csv_bytes_per_row"] =
      static_cast<double>(text.size()) / static_cast<double>(loaded);
  state.counters["persons_per_row"] = persons_per_row;
  state.counters["store_bytes_per_trajectory"] = store_per_row;
}

void LoadSizes(benchmark::internal::Benchmark* b) {
  b->ArgNames({"rows", "threads"});
  for (const int64_t threads : {1, 2}) b->Args({1'000'000, threads});
  const char* big = std::getenv("ZVDJ_BENCH_10M");
  if (big != nullptr && std::string(big) == "1") {
    for (const int64_t threads : {1, 2}) b->Args({10'000'000, threads});
  }
  b->Unit(benchmark::kMillisecond)->UseRealTime();
}
BENCHMARK(BM_LoadJeugdhulpCsv)->Apply(LoadSizes);

// The same rows read from a file (the file source: reading the file in blocks,
// as `zvdj compute` does), the file written once per size.
void BM_LoadJeugdhulpFile(benchmark::State& state) {
  const int64_t rows = state.range(0);
  const std::string& text = JeugdhulpText(rows);
  char dir[] = "/tmp/zvdj_bench_XXXXXX";
  if (::mkdtemp(dir) == nullptr) std::abort();
  const std::string path = std::string(dir) + "/jeugdhulp.csv";
  std::ofstream(path, std::ios::binary) << text;
  zvdj::LoadOptions options;
  options.threads = static_cast<int>(state.range(1));
  size_t loaded = 0;
  for (auto _ : state) {
    zvdj::RecordStore store;
    const absl::Status s = zvdj::LoadJeugdhulpCsv(path, &store, options, nullptr);
    if (!s.ok()) {
      state.SkipWithError(std::string(s.message()).c_str());
      break;
    }
    loaded = store.jeugdhulp.size();
    state.PauseTiming();
    {
      zvdj::RecordStore drop = std::move(store);  // free outside the timed region
    }
    state.ResumeTiming();
  }
  std::remove(path.c_str());
  ::rmdir(dir);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(loaded));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_LoadJeugdhulpFile)->Apply(LoadSizes);

// All generated person-level files of about `rows` jeugdhulp rows (2016-2019):
// persons.csv, jeugdhulp.csv and the proportional jeugdbescherming.csv and
// verzuim.csv, made once per size.
struct RecordTexts {
  std::string persons, jeugdhulp, jeugdbescherming, verzuim;
};
const RecordTexts& AllTexts(int64_t rows) {
  static std::map<int64_t, RecordTexts> cache;
  auto it = cache.find(rows);
  if (it != cache.end()) return it->second;
  std::ostringstream p, j, b, v;
  zvdj::GenerateStreams streams;
  streams.persons = &p;
  streams.jeugdhulp = &j;
  streams.jeugdbescherming = &b;
  streams.verzuim = &v;
  auto summary = zvdj::GenerateRecords({.seed = 1, .persons = rows * 10 / 63}, streams);
  if (!summary.ok()) std::abort();
  return cache.emplace(rows, RecordTexts{p.str(), j.str(), b.str(), v.str()}).first->second;
}

// Loads the four files as `zvdj compute` does (persons first).
void BM_LoadRecordFiles(benchmark::State& state) {
  const RecordTexts& t = AllTexts(state.range(0));
  zvdj::LoadOptions options;
  options.threads = static_cast<int>(state.range(1));
  size_t rows = 0, trajectories = 0;
  double store_per_trajectory = 0;
  for (auto _ : state) {
    zvdj::RecordStore store;
    absl::Status s = zvdj::ParsePersonsCsv(t.persons, "persons.csv", &store, options, nullptr);
    if (s.ok()) s = zvdj::ParseJeugdhulpCsv(t.jeugdhulp, "jeugdhulp.csv", &store, options, nullptr);
    if (s.ok()) {
      s = zvdj::ParseJeugdbeschermingCsv(t.jeugdbescherming, "jeugdbescherming.csv", &store,
                                         options, nullptr);
    }
    if (s.ok()) s = zvdj::ParseVerzuimCsv(t.verzuim, "verzuim.csv", &store, options, nullptr);
    if (!s.ok()) {
      state.SkipWithError(std::string(s.message()).c_str());
      return;
    }
    trajectories = store.jeugdhulp.size();
    rows = store.persons.size() + trajectories + store.jeugdbescherming.size() +
           store.verzuim.size();
    store_per_trajectory =
        static_cast<double>(zvdj::MemoryBytes(store)) / static_cast<double>(trajectories);
    state.counters["jeugdbescherming_rows"] = static_cast<double>(store.jeugdbescherming.size());
    state.counters["verzuim_rows"] = static_cast<double>(store.verzuim.size());
    state.counters["persons"] = static_cast<double>(store.persons.size());
    state.PauseTiming();
    {
      zvdj::RecordStore drop = std::move(store);  // free outside the timed region
    }
    state.ResumeTiming();
  }
  const size_t bytes =
      t.persons.size() + t.jeugdhulp.size() + t.jeugdbescherming.size() + t.verzuim.size();
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(rows));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
  state.counters["trajectories"] = static_cast<double>(trajectories);
  state.counters["csv_bytes_per_row"] = static_cast<double>(bytes) / static_cast<double>(rows);
  state.counters["store_bytes_per_trajectory"] = store_per_trajectory;
}
BENCHMARK(BM_LoadRecordFiles)->Apply(LoadSizes);

void BM_GenerateJeugdhulpCsv(benchmark::State& state) {
  int64_t rows = 0, bytes = 0;
  for (auto _ : state) {
    std::ostringstream out;
    zvdj::GenerateStreams streams;
    streams.jeugdhulp = &out;
    auto summary = zvdj::GenerateRecords({.seed = 1, .persons = state.range(0)}, streams);
    rows = summary->jeugdhulp;
    bytes = static_cast<int64_t>(out.tellp());
    benchmark::DoNotOptimize(bytes);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * rows);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * bytes);
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_GenerateJeugdhulpCsv)->Arg(160'000)->Unit(benchmark::kMillisecond);

}  // namespace
