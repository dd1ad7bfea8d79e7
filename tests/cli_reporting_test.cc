// What the command says about its results: no silent emptiness or
// extrapolation (declared reporting years, warnings with reasons), lenient
// mode as a summary with a rejects file, and tables a person can read.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/run_cli.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/table.hpp"

namespace zvdj::cli_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string Engine(const std::string& f) { return Src("tests/data/engine/" + f); }

TEST(ReportingYears, ComputeRequiresThemUnlessTheInputDeclaresThem) {
  const RunResult none = Zvdj("compute --jeugdhulp " + Engine("jeugdhulp.csv"));
  EXPECT_EQ(none.status, 2);
  EXPECT_THAT(none.err, HasSubstr("--from and --to are required"));
  EXPECT_EQ(none.out, "");

  const std::string dir = TempDir();
  ASSERT_EQ(Zvdj("generate --out " + dir + " --persons 300 --from 2017 --to 2018").status, 0);
  EXPECT_EQ(Slurp(dir + "/coverage.csv"), "from_year,to_year\n2017,2018\n");
  const RunResult declared = Zvdj("compute --jeugdhulp " + dir + "/jeugdhulp.csv --level land");
  EXPECT_EQ(declared.status, 0) << declared.err;
  EXPECT_THAT(declared.err, HasSubstr("years 2017-2018"));
  EXPECT_THAT(declared.out, HasSubstr(",2017JJ00,NL01,"));
  EXPECT_THAT(declared.out, Not(HasSubstr(",2016JJ00,")));

  // --coverage names the file when it is elsewhere.
  const std::string cov = dir + "/window.csv";
  { std::ofstream(cov) << "from_year,to_year\n2016,2017\n"; }
  const RunResult flag = Zvdj("compute --jeugdhulp " + Engine("jeugdhulp.csv") +
                              " --suppress 0 --coverage " + cov);
  EXPECT_EQ(flag.status, 0) << flag.err;
  EXPECT_THAT(flag.out, HasSubstr(",2016JJ00,NL01,"));
  { std::ofstream(cov) << "from,to\n2016\n"; }
  EXPECT_EQ(Zvdj("compute --jeugdhulp " + Engine("jeugdhulp.csv") + " --coverage " + cov).status,
            2);
}

TEST(ReportingYears, WarnsForEveryYearAfterTheData) {
  const RunResult r = Zvdj("compute --jeugdhulp " + Engine("jeugdhulp.csv") +
                           " --from 2030 --to 2031 --suppress 0");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("warning: 2030 is after the latest date in the records (2018-01-01)"));
  EXPECT_THAT(r.err, HasSubstr("warning: 2031 is after"));
  const RunResult in = Zvdj("compute --jeugdhulp " + Engine("jeugdhulp.csv") +
                            " --from 2016 --to 2017 --suppress 0");
  EXPECT_THAT(in.err, Not(HasSubstr("warning")));
}

TEST(NoSilentEmptiness, EmptyResultsSayWhy) {
  const std::string kern = Src("data/kernindicatoren.csv");
  const RunResult trends = Zvdj("trends " + kern + " --from 2030JJ00");
  EXPECT_THAT(trends.err, HasSubstr("warning: no output although the dataset has"));
  const std::string dir = TempDir();
  const RunResult sheet = Zvdj("factsheet " + kern + " --out " + dir + " --region GM9999");
  EXPECT_EQ(sheet.status, 2);
  EXPECT_THAT(sheet.err, HasSubstr("region 'GM9999' does not occur in the dataset"));
  EXPECT_FALSE(std::filesystem::exists(dir + "/index.html"));
  const RunResult cohort = Zvdj("cohort --jeugdhulp " + Engine("jeugdhulp.csv") +
                                " --year-of-18 2030");
  EXPECT_THAT(cohort.err, HasSubstr("warning: nobody in the records turns 18 in 2030"));
}

// 20 impossible dates and 5 unknown forms among good rows.
std::string BadRecords(const std::string& dir) {
  const std::string path = dir + "/jeugdhulp.csv";
  std::ofstream f(path);
  f << "person_id,birth_date,municipality,provider,form,start_date,end_date,end_reason\n";
  for (int i = 0; i < 40; ++i) {
    f << "P" << i << ",2005-06-01,GM0363,A01,";
    if (i % 2 == 0) {
      f << "pleegzorg,2017-02-30,,\n";
    } else if (i % 8 == 1) {
      f << "kamp,2017-03-01,,\n";
    } else {
      f << "ambulant,2017-03-01,,\n";
    }
  }
  return path;
}

TEST(Lenient, CountsPerReasonWithExamplesAndARejectsFile) {
  const std::string dir = TempDir();
  const std::string records = BadRecords(dir);
  const std::string rejects = dir + "/rejects.csv";
  const RunResult r = Zvdj("compute --jeugdhulp " + records +
                           " --from 2017 --to 2017 --lenient --suppress 0 --rejects " + rejects);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("skipped 25 of 40 rows (loaded 15)"));
  EXPECT_THAT(r.err, HasSubstr("  20 x "));
  EXPECT_THAT(r.err, HasSubstr("  5 x unknown form"));
  EXPECT_THAT(r.err, HasSubstr("jeugdhulp.csv:2:6: "));  // examples name line and column
  EXPECT_LE(std::count(r.err.begin(), r.err.end(), '\n'), 12) << r.err;
  const std::string text = Slurp(rejects);
  EXPECT_THAT(text, StartsWith("file,line,column,reason\n"));
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 26);
  EXPECT_THAT(text, HasSubstr(",40,6,"));  // the last bad date: line 40, start_date
  EXPECT_EQ(Zvdj("compute --jeugdhulp " + records + " --from 2017 --to 2017 --rejects " + rejects)
                .status,
            2);  // --rejects goes with --lenient
}

// Widest line in display columns.
size_t Widest(const std::string& text) {
  size_t widest = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) widest = std::max(widest, DisplayWidth(line));
  return widest;
}

TEST(ReadableTables, TheMainJobFitsIn160ColumnsWithABreakdownColumn) {
  const RunResult r = Zvdj("trends " + Src("data/kernindicatoren.csv") + " --summary --format table");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_LE(Widest(r.out), 160u);
  EXPECT_THAT(r.out, HasSubstr("Uitsplitsing"));
  EXPECT_THAT(r.out, HasSubstr("leeftijd 18-23"));
}

TEST(ReadableTables, ComputeAndCohortTablesAreDutchAndRounded) {
  const std::string dir = TempDir();
  ASSERT_EQ(Zvdj("generate --out " + dir + " --persons 500").status, 0);
  const RunResult c = Zvdj("compute --jeugdhulp " + dir + "/jeugdhulp.csv --level land --format table");
  ASSERT_EQ(c.status, 0) << c.err;
  EXPECT_LE(Widest(c.out), 160u);
  EXPECT_THAT(c.out, StartsWith("Indicator"));
  EXPECT_THAT(c.out, HasSubstr("Uitsplitsing"));
  EXPECT_THAT(c.out, HasSubstr("Jongeren met jeugdhulp"));
  EXPECT_THAT(c.out, Not(HasSubstr("jeugdhulp_jongeren")));
  EXPECT_THAT(c.out, Not(::testing::ContainsRegex("[0-9][.,][0-9]{4}")));
  const RunResult k = Zvdj("cohort --jeugdhulp " + dir + "/jeugdhulp.csv --year-of-18 2017 --format table");
  ASSERT_EQ(k.status, 0) << k.err;
  EXPECT_LE(Widest(k.out), 160u);
  EXPECT_THAT(k.out, HasSubstr("Schatting"));
  EXPECT_THAT(k.out, Not(::testing::ContainsRegex("[0-9][.,][0-9]{4}")));
}

}  // namespace
}  // namespace zvdj::cli_test

namespace zvdj::cli_test {
namespace {

TEST(Progress, OnlyOnATerminal) {
  const std::string dir = TempDir();
  const RunResult quiet = Zvdj("generate --out " + dir + " --persons 2000");
  ASSERT_EQ(quiet.status, 0) << quiet.err;
  EXPECT_EQ(quiet.err.find('\r'), std::string::npos) << "no progress line into a file";
  if (std::system("command -v script > /dev/null 2>&1") != 0) GTEST_SKIP() << "no script(1)";
  // Under a pseudo-terminal (script), the progress line appears on stderr.
  const RunResult tty = Zvdj("help > /dev/null; script -qec 'ZVDJ generate --out " + dir +
                             " --persons 2000 > /dev/null' /dev/null");
  EXPECT_THAT(tty.out, HasSubstr("\rzvdj generate: "));
  EXPECT_THAT(tty.out, ::testing::ContainsRegex("[0-9]+% \\([0-9.]+ s\\)"));
}

}  // namespace
}  // namespace zvdj::cli_test
