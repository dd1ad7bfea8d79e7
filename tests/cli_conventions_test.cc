// The shared conventions of every subcommand: output formats, standard input,
// results on stdout and messages on stderr, comma lists, checked writes,
// escaped control characters, no silent emptiness.
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/run_cli.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace zvdj::cli_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string Engine(const std::string& f) { return Src("tests/data/engine/" + f); }
std::string Kern() { return Src("data/kernindicatoren.csv"); }
std::string Statline(const std::string& f) { return Src("tests/data/statline/" + f); }
std::string V3() {
  return Statline("82972NED_DataProperties.json") + " " + Statline("82972NED_TypedDataSet.json");
}

TEST(Conventions, FormatIsTheOutputFormatEverywhere) {
  const std::string years = " --from 2016 --to 2018 --suppress 0 --level land";
  for (const std::string f : {"csv", "json", "md", "table"}) {
    const RunResult c = Zvdj("compute --jeugdhulp " + Engine("jeugdhulp.csv") + years +
                             " --format " + f);
    EXPECT_EQ(c.status, 0) << f << c.err;
    EXPECT_FALSE(c.out.empty());
    const RunResult s = Zvdj("statline --quiet --mapping " + Statline("mapping.csv") + " " +
                             V3() + " --format " + f);
    EXPECT_EQ(s.status, 0) << f << s.err;
  }
  // Not a terminal: csv.
  EXPECT_THAT(Zvdj("compute --jeugdhulp " + Engine("jeugdhulp.csv") + years).out,
              StartsWith("indicator,period,region,"));
  EXPECT_EQ(Zvdj("compute --jeugdhulp " + Engine("jeugdhulp.csv") + years + " --format xml")
                .status,
            2);
}

TEST(Conventions, StatlineInputFormatIsDetectedOrNamed) {
  const std::string m = " --mapping " + Statline("mapping.csv") + " ";
  const RunResult v3 = Zvdj("statline" + m + V3());
  EXPECT_EQ(v3.status, 0) << v3.err;
  EXPECT_THAT(v3.out, StartsWith("indicator,"));
  const RunResult v4 = Zvdj("statline" + m + Statline("85098NED_Observations.json"));
  EXPECT_THAT(v4.err, Not(HasSubstr("odata3")));
  // The wrong input format gives no observations: an error, not an empty exit 0.
  const RunResult wrong =
      Zvdj("statline --input odata4" + m + V3());
  EXPECT_NE(wrong.status, 0);
  EXPECT_THAT(wrong.err, HasSubstr("no observations"));
  const RunResult old = Zvdj("statline --format odata3" + m + V3());
  EXPECT_EQ(old.status, 2);
  EXPECT_THAT(old.err, HasSubstr("--input odata3"));
}

TEST(Conventions, DashReadsStandardInput) {
  const RunResult c = Zvdj("compute --jeugdhulp - --from 2016 --to 2018 --suppress 0 < " +
                           Engine("jeugdhulp.csv"));
  EXPECT_EQ(c.status, 0) << c.err;
  EXPECT_THAT(c.out, HasSubstr("jeugdhulp_jongeren,2017JJ00,NL01,"));
  const std::string dir = TempDir();
  const RunResult f = Zvdj("factsheet - --out " + dir + " < " + Kern());
  EXPECT_EQ(f.status, 0) << f.err;
  EXPECT_TRUE(std::filesystem::exists(dir + "/index.html"));
  // Results on stdout, messages on stderr.
  EXPECT_THAT(f.out, HasSubstr("index.html"));
  const RunResult chain = Zvdj("compute --jeugdhulp " + Engine("jeugdhulp.csv") +
                               " --from 2016 --to 2018 --suppress 0 | ZVDJ trends - --format csv");
  EXPECT_EQ(chain.status, 0) << chain.err;
  EXPECT_THAT(chain.out, StartsWith("indicator,"));
}

TEST(Conventions, GenerateSummaryGoesToStderr) {
  const std::string dir = TempDir();
  const RunResult g = Zvdj("generate --out " + dir + " --persons 200 --seed 3");
  EXPECT_EQ(g.status, 0) << g.err;
  EXPECT_EQ(g.out, "");
  EXPECT_THAT(g.err, HasSubstr("wrote"));
}

TEST(Conventions, CommaListsForMultiValuedFlags) {
  const RunResult r = Zvdj("cohort --jeugdhulp " + Src("tests/data/cohort/jeugdhulp.csv") +
                           " --year-of-18 2017 --method aj,km --format csv");
  if (r.status != 0 && r.err.find("No such file") != std::string::npos) GTEST_SKIP();
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(",aj,"));
  EXPECT_THAT(r.out, HasSubstr(",km,"));
  EXPECT_EQ(Zvdj("cohort --jeugdhulp x --year-of-18 2017 --method aj,zz").status, 2);
}

class FullDevice : public ::testing::TestWithParam<std::string> {};

// A failed write is exit status 1 with "cannot write ...: reason".
TEST_P(FullDevice, FailedWriteExitsOneWithAMessage) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  const RunResult r = Zvdj(GetParam() + " > /dev/full");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr("cannot write standard output: No space left on device"));
}

INSTANTIATE_TEST_SUITE_P(
    Commands, FullDevice,
    ::testing::Values(
        "compute --jeugdhulp " + Engine("jeugdhulp.csv") + " --from 2016 --to 2018",
        "trends " + Kern(), "trends --summary " + Kern(),
        "statline --quiet --mapping " + Statline("mapping.csv") + " " +
            V3(),
        "cohort --jeugdhulp " + Engine("jeugdhulp.csv") + " --year-of-18 2017",
        "--version", "trends --help"));

TEST(Conventions, FilesAreReplacedOnlyWhenComplete) {
  const std::string dir = TempDir();
  const std::string closure = dir + "/closure.csv";
  { std::ofstream(closure) << "earlier\n"; }
  // A directory where the closure should go: the run fails, nothing is left half-written.
  const RunResult bad = Zvdj("compute --jeugdhulp " + Engine("jeugdhulp.csv") +
                             " --from 2016 --to 2018 --closure " + dir + " > /dev/null");
  EXPECT_EQ(bad.status, 1);
  EXPECT_THAT(bad.err, HasSubstr("cannot write " + dir));
  const RunResult ok = Zvdj("compute --jeugdhulp " + Engine("jeugdhulp.csv") +
                            " --jeugdbescherming " + Engine("jeugdbescherming.csv") +
                            " --from 2016 --to 2018 --closure " + closure + " > /dev/null");
  EXPECT_EQ(ok.status, 0) << ok.err;
  EXPECT_THAT(Slurp(closure), Not(HasSubstr("earlier")));
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files += e.is_regular_file();
  EXPECT_EQ(files, 1) << "no temporary file left behind";
}

TEST(Conventions, ControlCharactersAreEscaped) {
  const std::string dir = TempDir();
  const std::string ds = dir + "/ctl.csv";
  {
    std::ofstream(ds) << "indicator,period,region,value,status\n"
                         "jeugdhulp_jongeren,2016JJ00,\x1b[2Jevil,5,\n"
                         "jeugdhulp_jongeren,2017JJ00,\x1b[2Jevil,6,\n";
  }
  const RunResult t = Zvdj("trends " + ds + " --format table");
  EXPECT_EQ(t.status, 0) << t.err;
  EXPECT_THAT(t.out, Not(HasSubstr("\x1b")));
  const RunResult c = Zvdj("compute --jeugdhulp " + ds + " --from 2016 --to 2017");
  EXPECT_EQ(c.status, 2);
  EXPECT_THAT(c.err, Not(HasSubstr("\x1b")));
}

TEST(Conventions, ClearMessagesForDirectoriesAndDash) {
  const std::string dir = TempDir();
  const RunResult t = Zvdj("trends " + dir);
  EXPECT_EQ(t.status, 2);
  EXPECT_THAT(t.err, HasSubstr("directory"));
  const RunResult c = Zvdj("compute --jeugdhulp - --verzuim - --from 2016 --to 2017 </dev/null");
  EXPECT_EQ(c.status, 2);
  EXPECT_THAT(c.err, HasSubstr("standard input"));
}

}  // namespace
}  // namespace zvdj::cli_test
