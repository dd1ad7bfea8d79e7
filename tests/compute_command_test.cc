// End-to-end tests of `zvdj compute` on the fixtures in tests/data/engine.
//
// Fixture (classification 2018; GM0844 merged into GM1948 on 2017-01-01):
//   P1 pleegzorg GM0844 2016-03-01..2016-12-31 -> counts in GM1948 / JZ01 in 2016
//   P2 pleegzorg GM1948 2017-03-01..2018-01-01, ots since 2016-06-01
//      -> placed out of home on 31 Dec 2017 (uithuisplaatsing_ots_pct 100)
//   P3 ambulant GM0363 then GM0599 from 2017-07-01 -> 2017 in GM0599 only
//   P4 gesloten GM0363 2017
//   Verzuim: P3 absoluut Sep 2017 (thuiszitter 2017/'18 in GM0599), P5 vrijstelling.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct RunResult {
  int status;
  std::string out;
  std::string err;
};

RunResult RunCli(std::string args) {
  // The fixture's reporting years; compute requires them (tests/cli_compute_test.cc
  // covers their absence).
  if (args.find("--from") == std::string::npos) args += " --from 2016 --to 2018";
  // One file per process: CTest runs the tests of this file in parallel.
  const std::string err_path =
      ::testing::TempDir() + "/compute_err_" + std::to_string(::getpid()) + ".txt";
  const std::string cmd = std::string(ZVDJ_CLI_PATH) + " compute " + args + " 2>" + err_path;
  RunResult r{};
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  std::ifstream e(err_path);
  std::stringstream ss;
  ss << e.rdbuf();
  r.err = ss.str();
  return r;
}

std::string Data(const char* name) {
  return std::string(ZVDJ_SOURCE_DIR) + "/tests/data/engine/" + name;
}

std::string AllFiles() {
  return " --jeugdhulp " + Data("jeugdhulp.csv") + " --jeugdbescherming " +
         Data("jeugdbescherming.csv") + " --verzuim " + Data("verzuim.csv") + " --regions " +
         Data("regions.csv") + " --herindeling " + Data("herindeling.csv");
}

TEST(ComputeCommand, WritesTheDatasetCsv) {
  const RunResult r = RunCli(AllFiles() + " --suppress 0 --from 2016 --to 2018");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, ::testing::StartsWith(
                         "indicator,period,region,age_group,form,end_reason,measure,value,status\n"));
  EXPECT_THAT(r.out, HasSubstr("\njeugdhulp_jongeren,2016JJ00,GM1948,,,,,1,\n"));
  EXPECT_THAT(r.out, Not(HasSubstr("GM0844")));
  // P3 moved from GM0363 to GM0599 in July 2017: counted in both (CBS rule).
  EXPECT_THAT(r.out, HasSubstr("\njeugdhulp_jongeren,2017JJ00,GM0363,,,,,2,\n"));  // P3, P4
  EXPECT_THAT(r.out, HasSubstr("\njeugdhulp_jongeren,2017JJ00,GM0599,,,,,1,\n"));  // P3
  const RunResult latest =
      RunCli(AllFiles() + " --suppress 0 --from 2016 --to 2018 --attribution latest");
  ASSERT_EQ(latest.status, 0) << latest.err;
  EXPECT_THAT(latest.out, HasSubstr("\njeugdhulp_jongeren,2017JJ00,GM0363,,,,,1,\n"));  // P4
  EXPECT_THAT(r.out, HasSubstr("\njeugdhulp_jongeren,2017JJ00,JZ02,,,,,2,\n"));
  EXPECT_THAT(r.out, HasSubstr("\njeugdhulp_jongeren,2017JJ00,NL01,,,,,3,\n"));
  EXPECT_THAT(r.out, HasSubstr("\nuithuisplaatsing_ots_pct,2017-12-31,NL01,,,,,100,\n"));
  EXPECT_THAT(r.out, HasSubstr("\nthuiszitters,2017/'18,GM0599,,,,,1,\n"));
  EXPECT_THAT(r.out, HasSubstr("\nvrijstellingen_5a,2017/'18,NL01,,,,,1,\n"));
  EXPECT_THAT(r.out, HasSubstr("\njeugdbescherming_instroom,2017JJ00,NL01,,,,voogdij,1,\n"));
  EXPECT_EQ(r.err, "");
}

TEST(ComputeCommand, SuppressesByDefaultAndRoundsOnRequest) {
  RunResult r = RunCli(AllFiles() + " --level land");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\njeugdhulp_jongeren,2017JJ00,NL01,,,,,,.\n"));
  EXPECT_THAT(r.out, HasSubstr("\nuithuisplaatsing_ots_pct,2017-12-31,NL01,,,,,,.\n"));
  EXPECT_THAT(r.out, Not(HasSubstr(",GM")));
  r = RunCli(AllFiles() + " --level land --suppress 0 --round5");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\njeugdhulp_jongeren,2017JJ00,NL01,,,,,5,\n"));  // 3 -> 5
  EXPECT_THAT(r.out, HasSubstr("\nuithuisplaatsing_ots_pct,2017-12-31,NL01,,,,,100,\n"));
}

TEST(ComputeCommand, ClosureFileAndOtherFormats) {
  const std::string closure =
      ::testing::TempDir() + "/closure_" + std::to_string(::getpid()) + ".csv";
  RunResult r = RunCli(AllFiles() + " --suppress 0 --format json --closure " + closure);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("{\"indicator\": \"jeugdhulp_jongeren\", \"period\": \"2016JJ00\""));
  std::ifstream f(closure);
  std::stringstream ss;
  ss << f.rdbuf();
  EXPECT_THAT(ss.str(), ::testing::StartsWith(
                            "period,region,measure,begin,inflow,outflow,end,difference\n"));
  EXPECT_THAT(ss.str(), HasSubstr("\n2017JJ00,NL01,voogdij,0,1,1,0,0\n"));
  r = RunCli(AllFiles() + " --suppress 0 --format md --level land");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, ::testing::StartsWith("| Indicator "));
}

TEST(ComputeCommand, BadInputExitsWithFileLineAndColumn) {
  RunResult r = RunCli("--jeugdhulp " + Data("bad_jeugdhulp.csv"));
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr("bad_jeugdhulp.csv:3:5: unknown form 'kamp'"));
  EXPECT_EQ(r.out, "");
  r = RunCli("--jeugdhulp " + Data("jeugdhulp.csv") + " --regions " + Data("bad_regions.csv"));
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr("bad_regions.csv:3:2: 'XX02' is not a jeugdregio"));
  r = RunCli("--jeugdhulp " + Data("missing.csv"));
  EXPECT_EQ(r.status, 2);
  r = RunCli("--verzuim " + Data("verzuim.csv"));
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr("--jeugdhulp is required"));
  r = RunCli("--jeugdhulp " + Data("jeugdhulp.csv") + " --level jeugdregio");
  EXPECT_EQ(r.status, 2);
  r = RunCli("--jeugdhulp " + Data("jeugdhulp.csv") + " --from 2019 --to 2018");
  EXPECT_EQ(r.status, 2);
  r = RunCli("--jeugdhulp " + Data("jeugdhulp.csv") + " --suppress -1");
  EXPECT_EQ(r.status, 2);
}

TEST(ComputeCommand, LenientSkipsAndReportsBadRows) {
  const RunResult r =
      RunCli("--jeugdhulp " + Data("bad_jeugdhulp.csv") + " --lenient --suppress 0 --level land");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("skipped "));
  EXPECT_THAT(r.err, HasSubstr("bad_jeugdhulp.csv:3:5: unknown form 'kamp'"));
  EXPECT_THAT(r.err, HasSubstr("skipped 1 of 3 rows (loaded 2)"));
  EXPECT_THAT(r.out, HasSubstr("\njeugdhulp_jongeren,2017JJ00,NL01,,,,1,\n"));  // P3 only
  EXPECT_THAT(r.out, Not(HasSubstr("skipped")));
}

TEST(ComputeCommand, ThreadsOptionGivesTheSameDataset) {
  const RunResult one = RunCli(AllFiles() + " --threads 1");
  ASSERT_EQ(one.status, 0) << one.err;
  for (const char* n : {"2", "4", "0"}) {
    const RunResult many = RunCli(AllFiles() + " --threads " + n);
    ASSERT_EQ(many.status, 0) << many.err;
    EXPECT_EQ(many.out, one.out) << n;
  }
  const RunResult bad = RunCli(AllFiles() + " --threads two");
  EXPECT_EQ(bad.status, 2);
  EXPECT_THAT(bad.err, HasSubstr("--threads: 'two' is not a whole number from 0 to 256"));
}

}  // namespace
