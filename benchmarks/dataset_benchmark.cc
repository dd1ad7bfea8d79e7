// Reading a dataset CSV from memory: N series x 10 periods, the size of a
// national per-municipality pipeline. Rows/s and bytes/s.
#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <sstream>
#include <string>

#include "absl/strings/str_format.h"
#include "benchmark/benchmark.h"
#include "zvdj/dataset.hpp"
#include "zvdj/dataset_io.hpp"

namespace zvdj {
namespace {

constexpr int kPeriods = 10;

// indicator,period,region,age_group,value,status with 4 indicators x regions x
// 5 age groups; 1% secret cells, last period provisional.
std::string MakeCsv(int64_t series, size_t* rows) {
  static const char* const kIndicators[] = {"jeugdhulp_met_verblijf", "jeugdhulp_met_verblijf_pct",
                                            "thuiszitters", "uithuisplaatsing_ots_pct"};
  static const char* const kAges[] = {"0-4", "4-12", "12-18", "0-18", "18-23"};
  const int64_t regions = std::max<int64_t>(1, series / 20);
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> level(100, 5000);
  std::uniform_int_distribution<int> pct(0, 99);
  std::string out = "indicator,period,region,age_group,value,status\n";
  out.reserve(static_cast<size_t>(series * kPeriods * 48));
  *rows = 0;
  for (int64_t r = 0; r < regions; ++r) {
    for (int i = 0; i < 4; ++i) {
      for (const char* age : kAges) {
        for (int y = 0; y < kPeriods; ++y) {
          const int year = 2010 + y;
          std::string period;
          switch (i) {
            case 2: period = Period::SchoolYear(year).ToString(); break;
            case 3: period = absl::StrFormat("%d-12-31", year); break;
            default: period = absl::StrFormat("%dJJ00", year);
          }
          const bool secret = pct(rng) == 0;
          const double v = level(rng);
          const std::string value =
              secret ? "" : (i == 1 || i == 3) ? absl::StrFormat("%.1f", v / 100)
                                               : absl::StrFormat("%d", static_cast<int>(v));
          const char* status = secret ? "x" : y == kPeriods - 1 ? "*" : "";
          absl::StrAppendFormat(&out, "%s,%s,GM%06d,%s,%s,%s\n", kIndicators[i], period, r,
                                age, value, status);
          ++*rows;
        }
      }
    }
  }
  return out;
}

struct Csv {
  std::string text;
  size_t rows = 0;
};

const Csv& CachedCsv(int64_t series) {
  static auto* cache = new std::map<int64_t, Csv>();
  Csv& c = (*cache)[series];
  if (c.text.empty()) c.text = MakeCsv(series, &c.rows);
  return c;
}

void BM_ParseDatasetCsv(benchmark::State& state) {
  const Csv& csv = CachedCsv(state.range(0));
  for (auto _ : state) {
    auto ds = ParseDatasetCsv(csv.text, "bench.csv");
    if (!ds.ok()) {
      state.SkipWithError(std::string(ds.status().message()).c_str());
      break;
    }
    benchmark::DoNotOptimize(ds->size());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(csv.rows));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(csv.text.size()));
  state.counters["rows"] = static_cast<double>(csv.rows);
}
BENCHMARK(BM_ParseDatasetCsv)->Arg(10'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace zvdj
