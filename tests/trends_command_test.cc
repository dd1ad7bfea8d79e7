// Runs the zvdj binary: `zvdj trends` as scripts use it.
#include <sys/wait.h>

#include <cstdio>
#include <set>
#include <string>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

struct Result {
  int status = -1;
  std::string output;  // stdout and stderr
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

const std::string kData = "tests/data/trends/";

TEST(TrendsCommand, DefaultIsCsvRows) {
  Result r = RunZvdj("trends " + kData + "kernindicatoren.csv", false);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_THAT(r.output, StartsWith("indicator,region,age_group,period,value,status,prev_period,"
                                   "abs_change,rel_change_pct,pp_change,"));
  EXPECT_THAT(r.output,
              HasSubstr("jeugdhulp_met_verblijf_pct,NL01,,2019JJ00,10.1,,2018JJ00,"
                        "-0.3,"));
}

TEST(TrendsCommand, SummaryTable) {
  Result r = RunZvdj("trends " + kData + "kernindicatoren.csv --summary --format table", false);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("−7 procentpunt"));
  EXPECT_THAT(r.output, HasSubstr("+77,5%"));
  // The label may wrap in the terminal table; its first word is on one line.
  EXPECT_THAT(r.output, HasSubstr("Langdurige"));
}

// Terminal columns of a line (every character here is one column wide).
size_t Columns(const std::string& line) {
  size_t n = 0;
  for (unsigned char c : line) n += (c & 0xC0) != 0x80;
  return n;
}

// The main job: the summary of the shipped data as a terminal user sees it.
// One line per series under a heading per indicator, the notes as footnotes
// listed once below the table, nothing wider than 160 columns.
TEST(TrendsCommand, MainJobTableIsOneLinePerSeries) {
  // As scripts/run-main.sh runs it, from the repository's root.
  Result table = RunZvdj("trends data/kernindicatoren.csv --summary --format table", false);
  Result csv = RunZvdj("trends data/kernindicatoren.csv --summary --format csv", false);
  ASSERT_EQ(table.status, 0) << table.output;
  ASSERT_EQ(csv.status, 0) << csv.output;
  std::vector<std::string> rows = absl::StrSplit(csv.output, '\n', absl::SkipEmpty());
  rows.erase(rows.begin());  // header
  const size_t series = rows.size();
  std::set<std::string> indicators;
  for (const std::string& r : rows) indicators.insert(r.substr(0, r.find(',')));
  std::vector<std::string> lines = absl::StrSplit(table.output, '\n');
  ASSERT_EQ(lines.back(), "");
  lines.pop_back();
  size_t series_lines = 0, footnote_lines = 0;
  bool in_notes = false;
  for (const std::string& line : lines) {
    EXPECT_LE(Columns(line), 160u) << line;
    if (line.empty()) in_notes = true;
    if (in_notes) ++footnote_lines;
    if (!in_notes && line.rfind("Nederland ", 0) == 0) ++series_lines;  // NL01 by its name
  }
  EXPECT_EQ(series_lines, series);  // each series starts a line of its own
  EXPECT_GT(footnote_lines, 1u);
  EXPECT_THAT(table.output, HasSubstr("\n[1] "));
  // Header (up to 3 lines) and rule, a heading per indicator, one line per
  // series and the footnotes; some long breakdowns and assessments wrap.
  const size_t bound = 4 + indicators.size() + series + footnote_lines + 25;
  EXPECT_LE(lines.size(), bound) << table.output;
  // It was 399 lines when every note was wrapped into a narrow column.
  EXPECT_LT(lines.size(), 180u);
}

// Readers see region names (built in, or from --regions); csv keeps codes.
TEST(TrendsCommand, TablesShowRegionNames) {
  const std::string dir = ::testing::TempDir();
  const std::string data = dir + "/names.csv", regions = dir + "/names.regions.csv";
  {
    FILE* f = fopen(data.c_str(), "w");
    ASSERT_NE(f, nullptr);
    fputs("indicator,period,region,value,status\n"
          "thuiszitters,2018/'19,GM0363,10,\nthuiszitters,2019/'20,GM0363,12,\n"
          "thuiszitters,2018/'19,JZ13,20,\nthuiszitters,2019/'20,JZ13,22,\n"
          "thuiszitters,2018/'19,GM0014,20,\nthuiszitters,2019/'20,GM0014,22,\n",
          f);
    fclose(f);
    f = fopen(regions.c_str(), "w");
    ASSERT_NE(f, nullptr);
    fputs("municipality,region,from_year,to_year,municipality_name,region_name\n"
          "GM0363,JZ13,2015,,,Amsterdam-Amstelland (JZ)\n"
          "GM0014,JZ01,2015,,\"Groningen \x1b[31m\",\n",
          f);
    fclose(f);
  }
  Result t = RunZvdj("trends " + data + " --summary --format table", false);
  ASSERT_EQ(t.status, 0) << t.output;
  EXPECT_THAT(t.output, HasSubstr("Amsterdam "));  // built in
  EXPECT_THAT(t.output, HasSubstr("JZ13 "));       // no name: the code
  t = RunZvdj("trends " + data + " --summary --format table --regions " + regions, false);
  ASSERT_EQ(t.status, 0) << t.output;
  EXPECT_THAT(t.output, HasSubstr("Amsterdam-Amstelland (JZ)"));
  EXPECT_THAT(t.output, HasSubstr("Groningen \\x1b[31m"));  // escaped, never raw
  EXPECT_EQ(t.output.find('\x1b'), std::string::npos);
  Result csv = RunZvdj("trends " + data + " --summary --format csv --regions " + regions, false);
  ASSERT_EQ(csv.status, 0) << csv.output;
  EXPECT_THAT(csv.output, HasSubstr("\nthuiszitters,GM0363,"));
  EXPECT_THAT(csv.output, Not(HasSubstr("Amsterdam")));
  // A bad regions file is bad input.
  Result bad = RunZvdj("trends " + data + " --summary --regions " + data);
  EXPECT_EQ(bad.status, 2) << bad.output;
}

TEST(TrendsCommand, FromToAndJson) {
  Result r = RunZvdj("trends " + kData + "kernindicatoren.csv --from 2018 --to 2019 --format json",
                 false);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_THAT(r.output, StartsWith("["));
  EXPECT_THAT(r.output, Not(HasSubstr("\"2016JJ00\"")));
  EXPECT_THAT(r.output, HasSubstr("\"period\": \"2019JJ00\""));
}

TEST(TrendsCommand, ReadsStandardInput) {
  Result r = RunZvdj("trends - --summary < " + kData + "kernindicatoren.csv", false);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("thuiszitters_langer_3m,NL01,,2015/'16,2018/'19,4194,4790,596,"));
}

TEST(TrendsCommand, LoadsBreaksNextToTheDataset) {
  Result r = RunZvdj("trends " + kData + "with_break.csv", false);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("series break between 2016JJ00 and 2017JJ00: CBS switched "
                                  "source file for GGZ"));
  Result s = RunZvdj("trends " + kData + "with_break.csv --summary", false);
  EXPECT_THAT(s.output, HasSubstr("vervolgzorg_pct,NL01,2017JJ00,2018JJ00,30,31,1,"));
  // Explicit --breaks wins; an empty register means no break.
  Result none = RunZvdj("trends " + kData + "with_break.csv --summary --breaks " + kData +
                        "empty.breaks.csv",
                    false);
  EXPECT_THAT(none.output, HasSubstr("vervolgzorg_pct,NL01,2015JJ00,2018JJ00,20,31,11,"));
}

TEST(TrendsCommand, ToleranceRule) {
  Result r = RunZvdj("trends " + kData + "kernindicatoren.csv --summary --rule tolerance "
                 "--tolerance 5",
                 false);
  ASSERT_EQ(r.status, 0) << r.output;
  // OTS -7 pp beyond 5 pp: improvement; JmV share -1.5 pp within: no_change.
  EXPECT_THAT(r.output, HasSubstr("uithuisplaatsing_ots_pct,NL01,,2016-12-31,2019-12-31,34,27,"
                                  "-7,"));
  EXPECT_THAT(r.output, HasSubstr(",improvement,"));
  EXPECT_THAT(r.output, HasSubstr(",no_change,"));
}

TEST(TrendsCommand, ToleranceAloneImpliesTheRule) {
  Result r = RunZvdj("trends " + kData + "kernindicatoren.csv --summary --tolerance 5", false);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr(",improvement,"));
  EXPECT_EQ(RunZvdj("trends " + kData + "kernindicatoren.csv --rule cagr --tolerance 1").status,
            2);
  Result scaled = RunZvdj("trends " + kData + "kernindicatoren.csv --summary --cagr-scale 0.5",
                          false);
  ASSERT_EQ(scaled.status, 0) << scaled.output;
  EXPECT_THAT(scaled.output, HasSubstr(",on_track,"));
  EXPECT_EQ(RunZvdj("trends " + kData + "kernindicatoren.csv --cagr-scale 2").status, 2);
}

TEST(TrendsCommand, DutchNumbers) {
  Result r = RunZvdj("trends " + kData + "dutch.csv --dutch-numbers", false);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("thuiszitters,NL01,2018/'19,4790,,2017/'18,311,"));
}

TEST(TrendsCommand, MalformedDatasetExitsTwoWithFileLineColumn) {
  Result r = RunZvdj("trends " + kData + "malformed.csv");
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.output, HasSubstr("zvdj trends: " + kData + "malformed.csv:3:4:"));
  EXPECT_THAT(r.output, HasSubstr("column 'value'"));
}

TEST(TrendsCommand, BadUsageExitsTwo) {
  EXPECT_EQ(RunZvdj("trends").status, 2);
  EXPECT_EQ(RunZvdj("trends " + kData + "kernindicatoren.csv --format xlsx").status, 2);
  EXPECT_EQ(RunZvdj("trends " + kData + "kernindicatoren.csv --from 20x9").status, 2);
  EXPECT_EQ(RunZvdj("trends " + kData + "kernindicatoren.csv --rule magic").status, 2);
  EXPECT_EQ(RunZvdj("trends " + kData + "kernindicatoren.csv --bogus").status, 2);
  Result missing = RunZvdj("trends " + kData + "no_such_file.csv");
  EXPECT_EQ(missing.status, 2);
  EXPECT_THAT(missing.output, HasSubstr("no_such_file.csv"));
  Result bad_breaks = RunZvdj("trends " + kData + "kernindicatoren.csv --breaks " + kData +
                          "malformed.csv");
  EXPECT_EQ(bad_breaks.status, 2);
  EXPECT_THAT(bad_breaks.output, HasSubstr("malformed.csv:1"));
}

}  // namespace
