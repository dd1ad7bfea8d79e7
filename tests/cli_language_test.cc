// One language per audience: tables for readers in Dutch (notes and the break
// register's `reden` included), csv and json with English names and notes;
// flag values in English with the Dutch names as aliases.
#include <sstream>
#include <string>

#include "cli/run_cli.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/breaks.hpp"
#include "zvdj/internal/notes_nl.h"

namespace zvdj::cli_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(Language, ReaderTablesAreDutchAndCsvStaysEnglish) {
  const std::string kern = Src("data/kernindicatoren.csv");
  const RunResult md = Zvdj("trends " + kern + " --summary --format md");
  ASSERT_EQ(md.status, 0) << md.err;
  EXPECT_THAT(md.out, HasSubstr("maar één periode met een getal"));
  EXPECT_THAT(md.out, HasSubstr("trendbreuk tussen 2018 en 2019: Administratieve herclassificatie"));
  EXPECT_THAT(md.out, Not(HasSubstr("only one period")));
  EXPECT_THAT(md.out, Not(HasSubstr("series break")));
  const RunResult csv = Zvdj("trends " + kern + " --summary --format csv");
  EXPECT_THAT(csv.out, HasSubstr("only one period with a number"));
  EXPECT_THAT(csv.out, HasSubstr("series break between 2018JJ00 and 2019JJ00: Administrative"));
  EXPECT_THAT(csv.out, ::testing::StartsWith("indicator,region,"));
}

TEST(Language, BreakRegisterReadsAndWritesReden) {
  BreakRegister breaks;
  ASSERT_TRUE(breaks.ParseCsv("indicator,before,after,reason,source,reden\n"
                              "x,2018JJ00,2019JJ00,new source,CBS,nieuwe bron\n",
                              "b.csv")
                  .ok());
  ASSERT_EQ(breaks.breaks().size(), 1u);
  EXPECT_EQ(breaks.breaks()[0].reason_nl, "nieuwe bron");
  EXPECT_TRUE(breaks.breaks()[0].dims.empty()) << "reden is no dimension";
  EXPECT_EQ(internal::NoteNl("series break between 2018JJ00 and 2019JJ00: new source", &breaks),
            "trendbreuk tussen 2018 en 2019: nieuwe bron");
  std::ostringstream out;
  breaks.WriteCsv(out);
  EXPECT_THAT(out.str(), HasSubstr(",reden\n"));
  EXPECT_THAT(out.str(), HasSubstr(",nieuwe bron\n"));
}

TEST(Language, FlagValuesInEnglishWithDutchAliases) {
  const std::string engine = Src("tests/data/engine/");
  const std::string base = "compute --jeugdhulp " + engine + "jeugdhulp.csv --regions " + engine +
                           "regions.csv --from 2016 --to 2018 --suppress 0 --level ";
  const RunResult en = Zvdj(base + "municipality,youth_region,country");
  const RunResult nl = Zvdj(base + "gemeente,jeugdregio,land");
  ASSERT_EQ(en.status, 0) << en.err;
  EXPECT_EQ(en.out, nl.out);
  EXPECT_EQ(Zvdj(base + "planet").status, 2);
  const std::string cohort = "cohort --jeugdhulp " + Src("tests/data/cohort/jeugdhulp.csv") +
                             " --year-of-18 2017 --cutoff 2018-12-31 --denominator ";
  const RunResult a = Zvdj(cohort + "excluding_extended");
  const RunResult b = Zvdj(cohort + "zonder_verlengde");
  ASSERT_EQ(a.status, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
}

}  // namespace
}  // namespace zvdj::cli_test
