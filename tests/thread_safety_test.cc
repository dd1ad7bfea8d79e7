// Read-only sharing across threads: a const Dataset, Catalogue::BuiltIn(), a
// BreakRegister and the parsers are used from 8 threads at once, and every
// thread must get exactly the single-threaded result. Run under ThreadSanitizer
// by scripts/run-tests.sh (tsan preset, tests whose name contains "Thread").
#include <atomic>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "zvdj/assessment.hpp"
#include "zvdj/breaks.hpp"
#include "zvdj/catalogue.hpp"
#include "zvdj/cohort.hpp"
#include "zvdj/generator.hpp"
#include "zvdj/indicators.hpp"
#include "zvdj/records.hpp"
#include "zvdj/records_io.hpp"
#include "zvdj/regions.hpp"
#include "zvdj/dataset.hpp"
#include "zvdj/dataset_io.hpp"
#include "zvdj/number_format.hpp"
#include "zvdj/period.hpp"
#include "zvdj/trend.hpp"
#include "zvdj/trend_report.hpp"

namespace zvdj {
namespace {

constexpr int kThreads = 8;
constexpr int kRounds = 3;

std::string DataPath(const std::string& name) {
  return std::string(ZVDJ_SOURCE_DIR) + "/data/" + name;
}

// Starts all threads together (so that they really overlap) and runs `fn(t)`.
void RunInThreads(const std::function<void(int)>& fn) {
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ready.fetch_add(1);
      while (ready.load() < kThreads) std::this_thread::yield();
      fn(t);
    });
  }
  for (auto& th : threads) th.join();
}

std::string TrendCsv(const Dataset& ds, const Catalogue& cat, const BreakRegister& breaks) {
  std::ostringstream out;
  WriteTrendRows(ComputeTrendRows(ds, cat, breaks), ReportFormat::kCsv, out);
  return out.str();
}

std::string SummaryCsv(const Dataset& ds, const Catalogue& cat, const BreakRegister& breaks) {
  SummaryTable table = ComputeTrendSummaries(ds, cat, breaks);
  AssessSummaries(table, CagrRule());
  std::ostringstream out;
  WriteTrendSummaries(table, ReportFormat::kCsv, out);
  return out.str();
}

// Must run first in this binary: the first calls of Catalogue::BuiltIn() race.
TEST(ThreadSafety, BuiltInCatalogueFirstUseFromManyThreads) {
  std::vector<const Catalogue*> seen(kThreads, nullptr);
  std::vector<size_t> sizes(kThreads, 0);
  RunInThreads([&](int t) {
    seen[t] = &Catalogue::BuiltIn();
    sizes[t] = seen[t]->indicators().size();
  });
  for (int t = 1; t < kThreads; ++t) {
    EXPECT_EQ(seen[t], seen[0]);
    EXPECT_EQ(sizes[t], sizes[0]);
  }
  EXPECT_GT(sizes[0], 0u);
}

TEST(ThreadSafety, TrendsOnSharedDatasetAreIdentical) {
  auto ds = ReadDatasetCsv(DataPath("kernindicatoren.csv"));
  ASSERT_TRUE(ds.ok()) << ds.status();
  BreakRegister breaks;
  ASSERT_TRUE(breaks.LoadCsv(DataPath("kernindicatoren.breaks.csv")).ok());
  const Dataset& shared = *ds;
  const Catalogue& cat = Catalogue::BuiltIn();
  const std::string rows = TrendCsv(shared, cat, breaks);
  const std::string sums = SummaryCsv(shared, cat, breaks);
  ASSERT_GT(rows.size(), 1000u);
  std::vector<int> mismatches(kThreads, 0);
  RunInThreads([&](int t) {
    for (int r = 0; r < kRounds; ++r) {
      mismatches[t] += TrendCsv(shared, cat, breaks) != rows;
      mismatches[t] += SummaryCsv(shared, cat, breaks) != sums;
    }
  });
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

TEST(ThreadSafety, DatasetQueriesOnSharedDatasetAreIdentical) {
  auto ds = ReadDatasetCsv(DataPath("kernindicatoren.csv"));
  ASSERT_TRUE(ds.ok()) << ds.status();
  const Dataset& shared = *ds;
  uint32_t series = 0;
  const std::vector<uint32_t> ids = shared.SeriesIds(&series);
  const std::vector<size_t> sel = shared.Select({.indicator = "jeugdhulp_met_verblijf"});
  ASSERT_FALSE(sel.empty());
  std::vector<int> mismatches(kThreads, 0);
  RunInThreads([&](int t) {
    for (int r = 0; r < kRounds; ++r) {
      uint32_t n = 0;
      mismatches[t] += shared.SeriesIds(&n) != ids || n != series;
      mismatches[t] += shared.Select({.indicator = "jeugdhulp_met_verblijf"}) != sel;
      for (size_t row = 0; row < shared.size(); ++row) {
        auto found = shared.Find(shared.indicator(row), shared.region(row), shared.period(row),
                                 shared.dimensions(row));
        mismatches[t] += !found || *found != row;
      }
    }
  });
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

// Generated person-level records (small), loaded once and shared read-only.
struct SharedRecords {
  RecordStore store;
  std::optional<RegionMap> regions;
  std::optional<Herindeling> herindeling;
};

const SharedRecords& Records() {
  static const SharedRecords* const kRecords = [] {
    auto* r = new SharedRecords;
    std::ostringstream jh, jb, vz, vv, pe, rg, hi;
    GenerateOptions g;
    g.persons = 800;
    g.seed = 7;
    auto sum = GenerateRecords(g, {.jeugdhulp = &jh, .jeugdbescherming = &jb, .verzuim = &vz,
                                   .vervolgzorg = &vv, .persons = &pe, .regions = &rg,
                                   .herindeling = &hi});
    EXPECT_TRUE(sum.ok()) << sum.status();
    const LoadOptions strict;
    EXPECT_TRUE(ParsePersonsCsv(pe.str(), "persons.csv", &r->store, strict, nullptr).ok());
    EXPECT_TRUE(ParseJeugdhulpCsv(jh.str(), "jeugdhulp.csv", &r->store, strict, nullptr).ok());
    EXPECT_TRUE(ParseJeugdbeschermingCsv(jb.str(), "jeugdbescherming.csv", &r->store, strict,
                                         nullptr).ok());
    EXPECT_TRUE(ParseVerzuimCsv(vz.str(), "verzuim.csv", &r->store, strict, nullptr).ok());
    EXPECT_TRUE(ParseVervolgzorgCsv(vv.str(), "vervolgzorg.csv", &r->store, strict, nullptr).ok());
    auto regions = RegionMap::Parse(rg.str(), "regions.csv");
    EXPECT_TRUE(regions.ok()) << regions.status();
    if (regions.ok()) r->regions = std::move(*regions);
    auto her = Herindeling::Parse(hi.str(), "herindeling.csv");
    EXPECT_TRUE(her.ok()) << her.status();
    if (her.ok()) r->herindeling = std::move(*her);
    return r;
  }();
  return *kRecords;
}

std::string IndicatorsCsv(const SharedRecords& r) {
  ComputeOptions opt;
  auto result = ComputeIndicators(r.store, opt, r.regions ? &*r.regions : nullptr,
                                  r.herindeling ? &*r.herindeling : nullptr);
  if (!result.ok()) return std::string(result.status().message());
  std::ostringstream out;
  WriteDatasetCsv(result->dataset, out);
  return out.str();
}

std::string CohortCsv(const SharedRecords& r) {
  const std::vector<int> years = {2017, 2018};
  const Cohort cohort = EighteenthBirthdayCohort(r.store, years);
  OutflowOptions opt;
  opt.cutoff = Date::FromYmdUnchecked(2019, 12, 31).days();
  opt.methods = {CohortMethod::kAalenJohansen, CohortMethod::kKaplanMeier};
  const std::vector<Outcome> outcomes = BuiltinOutcomes(r.store);
  auto rows = CohortOutflow(r.store, cohort, outcomes, opt);
  if (!rows.ok()) return std::string(rows.status().message());
  std::ostringstream out;
  for (const CohortEstimate& e : *rows) {
    out << e.group << ',' << e.outcome << ',' << e.horizon << ',' << e.n_cohort << ','
        << e.n_at_risk << ',' << e.n_events << ',' << FormatPlain(e.estimate) << ','
        << FormatPlain(e.std_err) << ',' << FormatPlain(e.ci_low) << ','
        << FormatPlain(e.ci_high) << ',' << e.note << '\n';
  }
  return out.str();
}

TEST(ThreadSafety, IndicatorsOnSharedRecordsAreIdentical) {
  const SharedRecords& r = Records();
  ASSERT_GT(r.store.persons.size(), 500u);
  const std::string expected = IndicatorsCsv(r);
  ASSERT_GT(expected.size(), 1000u) << expected;
  std::vector<int> mismatches(kThreads, 0);
  RunInThreads([&](int t) {
    mismatches[t] += IndicatorsCsv(r) != expected;
  });
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

TEST(ThreadSafety, CohortsOnSharedRecordsAreIdentical) {
  const SharedRecords& r = Records();
  const std::string expected = CohortCsv(r);
  ASSERT_GT(expected.size(), 100u) << expected;
  std::vector<int> mismatches(kThreads, 0);
  RunInThreads([&](int t) {
    for (int round = 0; round < 2; ++round) mismatches[t] += CohortCsv(r) != expected;
  });
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

TEST(ThreadSafety, ParsersHaveNoSharedState) {
  const std::string text =
      "indicator;period;region;value;status\n"
      "thuiszitters;2018/'19;NL01;4.790;\n"
      "jeugdhulp_met_verblijf_pct;2019JJ00;NL01;10,1;*\n";
  std::vector<int> failures(kThreads, 0);
  RunInThreads([&](int t) {
    for (int r = 0; r < 50; ++r) {
      auto ds = ParseDatasetCsv(text, "t.csv");
      failures[t] += !ds.ok() || ds->size() != 2 || ds->value(0) != 4790;
      auto bad = ParseDatasetCsv("indicator,period,region,value,status\na,2019XX00,NL01,1,\n",
                                 "bad.csv");
      failures[t] += bad.ok() || std::string(bad.status().message()).rfind("bad.csv:2:2:", 0) != 0;
      auto p = Period::Parse("2019KW03");
      failures[t] += !p.ok() || p->ToString() != "2019KW03";
      auto n = ParseNumber("1.234,5", NumberFormat::kDutch);
      failures[t] += !n.ok() || *n != 1234.5;
      failures[t] += FormatDutch(-1234.5, 1) != "\xE2\x88\x92" "1.234,5";
    }
  });
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(failures[t], 0) << "thread " << t;
}

}  // namespace
}  // namespace zvdj
