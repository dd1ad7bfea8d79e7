// The jeugdhulp pass on several threads (persons split into ranges, counts
// added up) gives exactly the one-thread dataset, closure and first error.
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/generator.hpp"
#include "zvdj/indicators.hpp"
#include "zvdj/records_io.hpp"

namespace zvdj {
namespace {

using ::testing::HasSubstr;

// About 250,000 jeugdhulp rows: enough for several ranges of 100,000 rows.
const RecordStore& Store() {
  static const RecordStore* store = [] {
    std::ostringstream j, b, p;
    GenerateStreams streams;
    streams.jeugdhulp = &j;
    streams.jeugdbescherming = &b;
    streams.persons = &p;
    EXPECT_TRUE(GenerateRecords({.seed = 5, .persons = 45000, .from_year = 2017, .to_year = 2019},
                                streams)
                    .ok());
    auto* s = new RecordStore;
    EXPECT_TRUE(ParsePersonsCsv(p.str(), "persons.csv", s, {}, nullptr).ok());
    EXPECT_TRUE(ParseJeugdhulpCsv(j.str(), "jeugdhulp.csv", s, {}, nullptr).ok());
    EXPECT_TRUE(ParseJeugdbeschermingCsv(b.str(), "jeugdbescherming.csv", s, {}, nullptr).ok());
    return s;
  }();
  return *store;
}

std::string Compute(const RecordStore& store, int threads) {
  ComputeOptions opt;
  opt.threads = threads;
  opt.publication.suppress_below = 0;
  auto r = ComputeIndicators(store, opt, nullptr, nullptr);
  EXPECT_TRUE(r.ok()) << r.status();
  if (!r.ok()) return "";
  std::ostringstream out;
  WriteDatasetCsv(r->dataset, out);
  WriteClosureCsv(r->closure, out);
  return out.str();
}

TEST(IndicatorsParallelTest, AnyThreadCountGivesTheOneThreadResult) {
  ASSERT_GT(Store().jeugdhulp.size(), 200000u);
  const std::string one = Compute(Store(), 1);
  ASSERT_THAT(one, HasSubstr("jeugdhulp_met_verblijf"));
  for (const int threads : {2, 3, 7, 0}) {
    EXPECT_EQ(Compute(Store(), threads), one) << threads << " threads";
  }
}

TEST(IndicatorsParallelTest, TheFirstBadRowInPersonOrderIsTheError) {
  // Rows that end before they start (possible only through the columns) in
  // the first and the last person range: the first person's row is the error
  // on any thread count.
  RecordStore store = Store();
  JeugdhulpTable& t = store.jeugdhulp;
  size_t first = 0, last = 0;
  for (size_t row = 0; row < t.size(); ++row) {
    if (t.person[row] < t.person[first]) first = row;
    if (t.person[row] > t.person[last]) last = row;
  }
  for (const size_t row : {last, first}) t.end[row] = t.start[row] - 1;
  ComputeOptions opt;
  std::string message;
  for (const int threads : {1, 2, 4}) {
    opt.threads = threads;
    auto r = ComputeIndicators(store, opt, nullptr, nullptr);
    ASSERT_FALSE(r.ok());
    const std::string m(r.status().message());
    EXPECT_THAT(m, HasSubstr(std::string(store.persons.ids.id(t.person[first]))));
    if (threads == 1) message = m;
    EXPECT_EQ(m, message) << threads << " threads";
  }
}

}  // namespace
}  // namespace zvdj
