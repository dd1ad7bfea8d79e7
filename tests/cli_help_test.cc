// Every subcommand explains itself: --help and -h print its usage with one line
// per flag and the exit statuses, exit 0; `zvdj help X` prints only X's help.
#include <regex>
#include <string>
#include <vector>

#include "cli/run_cli.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace zvdj::cli_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const std::vector<std::string> kCommands = {"trends",   "compute",  "cohort",
                                            "generate", "statline", "factsheet"};

class HelpTest : public ::testing::TestWithParam<std::string> {};

TEST_P(HelpTest, HelpAndDashHPrintTheUsageAndExitZero) {
  const std::string name = GetParam();
  const RunResult help = Zvdj(name + " --help");
  EXPECT_EQ(help.status, 0) << help.err;
  EXPECT_THAT(help.out, StartsWith("usage: zvdj " + name));
  if (name != "generate" && name != "factsheet") {  // these write files, not a table
    EXPECT_THAT(help.out, HasSubstr("--format FMT  ")) << "a table's format is --format";
  }
  EXPECT_THAT(help.out, HasSubstr("exit status: 0 done, 1 could not write"));
  EXPECT_EQ(help.err, "");
  const RunResult h = Zvdj(name + " -h");
  EXPECT_EQ(h.status, 0);
  EXPECT_EQ(h.out, help.out);
  const RunResult via_help = Zvdj("help " + name);
  EXPECT_EQ(via_help.status, 0);
  EXPECT_EQ(via_help.out, help.out);
  for (const std::string& other : kCommands) {
    if (other != name) {
      EXPECT_THAT(help.out, Not(HasSubstr("usage: zvdj " + other)));
    }
  }
}

// Each flag the help lists is one the command accepts (and vice versa by
// construction: both come from the same table).
TEST_P(HelpTest, EveryListedFlagIsAccepted) {
  const std::string name = GetParam();
  const RunResult help = Zvdj(name + " --help");
  const std::regex line(R"(\n  --([a-z0-9-]+)( [A-Za-z.0-9]+)?  +\S)");
  int flags = 0;
  for (std::sregex_iterator it(help.out.begin(), help.out.end(), line), end; it != end; ++it) {
    const std::string flag = (*it)[1];
    ++flags;
    if (flag == "help") continue;
    const bool takes_value = (*it)[2].matched;
    const RunResult r = Zvdj(name + " --" + flag + (takes_value ? " x" : "") + " </dev/null");
    EXPECT_THAT(r.err, Not(HasSubstr("unknown option"))) << name << " --" << flag;
  }
  EXPECT_GE(flags, 4) << help.out;
}

INSTANTIATE_TEST_SUITE_P(AllSubcommands, HelpTest, ::testing::ValuesIn(kCommands));

TEST(Help, VersionAndOverview) {
  const RunResult v = Zvdj("--version");
  EXPECT_EQ(v.status, 0);
  EXPECT_TRUE(std::regex_match(v.out, std::regex("zvdj [0-9]+\\.[0-9]+\\.[0-9]+\n"))) << v.out;
  const RunResult all = Zvdj("help");
  EXPECT_EQ(all.status, 0);
  for (const std::string& name : kCommands) EXPECT_THAT(all.out, HasSubstr("zvdj " + name));
  EXPECT_THAT(all.out, HasSubstr("exit status 0 done"));
}

TEST(Help, UnknownCommandOrOptionIsAUsageError) {
  EXPECT_EQ(Zvdj("help nosuch").status, 2);
  EXPECT_EQ(Zvdj("nosuch").status, 2);
  const RunResult r = Zvdj("trends --nosuch x.csv");
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown option --nosuch"));
  EXPECT_THAT(r.err, HasSubstr("zvdj trends --help"));
}

}  // namespace
}  // namespace zvdj::cli_test
