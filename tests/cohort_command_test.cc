// Runs the zvdj binary: `zvdj cohort` as scripts use it.
#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/dataset_io.hpp"

namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

struct Result {
  int status = -1;
  std::string output;
};

Result RunZvdj(const std::string& args, bool merge_stderr = true) {
  const std::string cmd = std::string("cd '") + ZVDJ_SOURCE_DIR + "' && '" + ZVDJ_CLI_PATH +
                          "' " + args + (merge_stderr ? " 2>&1" : " 2>/dev/null");
  Result r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

// Five members turn 18 in 2017 (P1 P2 P3 P4 P6); P5 turns 18 in 2018, P7's
// trajectory ends the day before the window, P8's starts on the birthday. P3
// dies, P4 emigrates before the end of the first month.
const std::string kFiles =
    "--jeugdhulp tests/data/cohort/jeugdhulp.csv --vervolgzorg tests/data/cohort/vervolgzorg.csv "
    "--persons tests/data/cohort/persons.csv --year-of-18 2017 --cutoff 2018-12-31 ";

std::vector<std::vector<std::string>> CsvRows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
    if (line.find('"') != absl::string_view::npos) continue;  // notes with commas
    rows.push_back(absl::StrSplit(line, ','));
  }
  return rows;
}

TEST(CohortCommand, CsvColumnsAndHandComputedValues) {
  Result r = RunZvdj("cohort " + kFiles, false);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_THAT(r.output, StartsWith("year_of_18,region,outcome,horizon,n_cohort,n_at_risk,"
                                   "n_events,estimate,std_err,ci_low,ci_high,method,"
                                   "denominator,note\n"));
  auto rows = CsvRows(r.output);
  ASSERT_EQ(rows.size(), 16u);  // header + 5 outcomes x 3 horizons
  auto find = [&](const std::string& outcome, const std::string& horizon) {
    for (const auto& row : rows) {
      if (row[2] == outcome && row[3] == horizon) return row;
    }
    return std::vector<std::string>{};
  };
  // P1's trajectory runs on the birthday: event time 0, 1 of 5.
  EXPECT_EQ(find("verlengde_jeugdhulp", "1m")[7], "0.2");
  EXPECT_EQ(find("verlengde_jeugdhulp", "1m")[4], "5");
  // P2 (born 31 Jan) starts Wmo on 28 Feb: the first day after "within 1m".
  EXPECT_EQ(find("wmo", "1m")[7], "0");
  // By 3m: P4 censored (emigration), P3 died (S = 3/4), then 1 of 3: 1/4.
  EXPECT_EQ(find("wmo", "3m")[7], "0.25");
  EXPECT_NEAR(std::stod(find("vervolgzorg_any", "6m")[7]), 7.0 / 15.0, 1e-15);
  EXPECT_EQ(find("wmo", "3m")[11], "aj");
  EXPECT_EQ(find("wmo", "3m")[12], "all");
}

TEST(CohortCommand, NaiveRefusedAndKm) {
  Result r = RunZvdj("cohort " + kFiles + "--method all --horizons 3m", false);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr(",naive,all,refused: follow-up incomplete at the horizon for 1 "
                                  "member(s)\n"));
  EXPECT_THAT(r.output, HasSubstr("2017,NL01,wmo,3m,5,2,1,0.33333333333333326,"));  // 1 - KM
}

TEST(CohortCommand, DatasetFormatReadsBackAsDataset) {
  Result r = RunZvdj("cohort " + kFiles + "--format dataset", false);
  ASSERT_EQ(r.status, 0) << r.output;
  auto ds = zvdj::ParseDatasetCsv(r.output, "stdout");
  ASSERT_TRUE(ds.ok()) << ds.status().message();
  ASSERT_EQ(ds->size(), 15u);
  EXPECT_THAT(ds->dimension_names(), testing::ElementsAre("outcome", "horizon"));
  auto row = ds->Find("vervolgzorg_pct", "NL01", zvdj::Period::Year(2017),
                      {{"outcome", "wmo"}, {"horizon", "3m"}});
  ASSERT_TRUE(row.has_value());
  EXPECT_DOUBLE_EQ(ds->value(*row), 25.0);
}

TEST(CohortCommand, ByMunicipalityAndDenominator) {
  Result r = RunZvdj("cohort " + kFiles + "--by-municipality --denominator zonder_verlengde "
                     "--horizons 30d --format dataset",
                     false);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("vervolgzorg_pct,2017JJ00,GM0363,wmo,30d,"));
  EXPECT_THAT(r.output, HasSubstr("vervolgzorg_pct,2017JJ00,GM0518,wmo,30d,"));
  Result c = RunZvdj("cohort " + kFiles + "--denominator zonder_verlengde --horizons 6m", false);
  ASSERT_EQ(c.status, 0) << c.output;
  EXPECT_THAT(c.output, HasSubstr("2017,NL01,verlengde_jeugdhulp,6m,4,"));
  EXPECT_THAT(c.output, HasSubstr(",aj,zonder_verlengde,"));
}

TEST(CohortCommand, HumanFormats) {
  Result md = RunZvdj("cohort " + kFiles + "--format md --horizons 1m", false);
  ASSERT_EQ(md.status, 0) << md.output;
  EXPECT_THAT(md.output, StartsWith("| 18 in |"));  // Dutch labels for readers
  EXPECT_THAT(md.output, HasSubstr("20,0%"));
  Result js = RunZvdj("cohort " + kFiles + "--format json --horizons 1m", false);
  ASSERT_EQ(js.status, 0) << js.output;
  EXPECT_THAT(js.output, HasSubstr("\"year_of_18\": 2017, \"region\": \"NL01\", \"outcome\": "
                                   "\"verlengde_jeugdhulp\""));
  EXPECT_THAT(js.output, HasSubstr("\"ci_low\": null"));  // log CI of a zero estimate
  Result t = RunZvdj("cohort " + kFiles + "--format table --horizons 1m --ci plain", false);
  ASSERT_EQ(t.status, 0) << t.output;
  EXPECT_THAT(t.output, HasSubstr("vervolgzorg any"));
}

TEST(CohortCommand, DefaultCutoffIsReported) {
  Result r = RunZvdj(
      "cohort --jeugdhulp tests/data/cohort/jeugdhulp.csv --year-of-18 2017 --horizons 1m");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("cut-off 2017-12-01 (the latest date in the data)"));
}

TEST(CohortCommand, BadInputExitsWithTwo) {
  Result missing = RunZvdj("cohort --jeugdhulp tests/data/cohort/jeugdhulp.csv");
  EXPECT_EQ(missing.status, 2);
  EXPECT_THAT(missing.output, HasSubstr("--year-of-18"));
  Result horizon = RunZvdj("cohort " + kFiles + "--horizons 1y");
  EXPECT_EQ(horizon.status, 2);
  EXPECT_THAT(horizon.output, HasSubstr("bad horizon '1y'"));
  Result method = RunZvdj("cohort " + kFiles + "--method cox");
  EXPECT_EQ(method.status, 2);
  Result cutoff = RunZvdj("cohort " + kFiles + "--cutoff 2018-02-30");
  EXPECT_EQ(cutoff.status, 2);
  Result file = RunZvdj("cohort --jeugdhulp tests/data/cohort/nope.csv --year-of-18 2017");
  EXPECT_EQ(file.status, 2);
  // A bad row names file, line and column.
  Result bad = RunZvdj(
      "cohort --jeugdhulp tests/data/cohort/bad_jeugdhulp.csv --year-of-18 2017 --cutoff "
      "2018-12-31");
  EXPECT_EQ(bad.status, 2);
  EXPECT_THAT(bad.output, HasSubstr("bad_jeugdhulp.csv:3:"));
  Result lenient = RunZvdj(
      "cohort --jeugdhulp tests/data/cohort/bad_jeugdhulp.csv --year-of-18 2017 --cutoff "
      "2018-12-31 --lenient");
  EXPECT_EQ(lenient.status, 0) << lenient.output;
  EXPECT_THAT(lenient.output, HasSubstr("skipped"));
  EXPECT_THAT(lenient.output, HasSubstr("bad_jeugdhulp.csv:3:"));
}

}  // namespace
