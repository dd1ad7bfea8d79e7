#include "zvdj/breaks.hpp"

#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace zvdj {
namespace {

TEST(BreakRegister, BlocksComparisonsAcrossTheBreakOnly) {
  BreakRegister reg;
  ASSERT_TRUE(reg.Add({.indicator = "jmv", .dims = {{"form", "pleegzorg"}},
                       .before = Period::Year(2018), .after = Period::Year(2019),
                       .reason = "reclassification"})
                  .ok());
  const Dimensions pleeg = {{"form", "pleegzorg"}};
  const SeriesBreak* b = reg.Blocking("jmv", "NL01", pleeg, Period::Year(2018), Period::Year(2019));
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->reason, "reclassification");
  EXPECT_NE(reg.Blocking("jmv", "NL01", pleeg, Period::Year(2016), Period::Year(2019)), nullptr);
  EXPECT_EQ(reg.Blocking("jmv", "NL01", pleeg, Period::Year(2016), Period::Year(2018)), nullptr);
  EXPECT_EQ(reg.Blocking("jmv", "NL01", pleeg, Period::Year(2019), Period::Year(2020)), nullptr);
  EXPECT_EQ(reg.Blocking("jmv", "NL01", {{"form", "gesloten"}}, Period::Year(2018),
                         Period::Year(2019)),
            nullptr);
  EXPECT_EQ(reg.Blocking("jmv", "NL01", {}, Period::Year(2018), Period::Year(2019)), nullptr);
  EXPECT_EQ(reg.Blocking("other", "NL01", pleeg, Period::Year(2018), Period::Year(2019)), nullptr);
}

TEST(BreakRegister, BreakWithoutDimsCoversEveryBreakdownAndRegion) {
  BreakRegister reg;
  ASSERT_TRUE(reg.Add({.indicator = "vervolgzorg_pct", .before = Period::Year(2016),
                       .after = Period::Year(2017), .reason = "GGZ source change"})
                  .ok());
  EXPECT_NE(reg.Blocking("vervolgzorg_pct", "GM0363", {{"outcome", "zvw_ggz"}},
                         Period::Year(2016), Period::Year(2017)),
            nullptr);
}

TEST(BreakRegister, ValidatesPeriods) {
  BreakRegister reg;
  EXPECT_FALSE(reg.Add({.indicator = "a", .before = Period::Year(2019), .after = Period::Year(2019)}).ok());
  EXPECT_FALSE(reg.Add({.indicator = "a", .before = Period::Year(2018),
                        .after = Period::SchoolYear(2019)}).ok());
  EXPECT_FALSE(reg.Add({.before = Period::Year(2018), .after = Period::Year(2019)}).ok());
}

TEST(BreakRegister, CsvRoundTripAndErrors) {
  const std::string text =
      "indicator,region,form,before,after,reason,source\n"
      "jeugdhulp_met_verblijf,,pleegzorg,2018JJ00,2019JJ00,\"gezinsgericht, pleegzorg\",CBS\n"
      "thuiszitters,,,2017/'18,2018/'19,registration,DUO\n";
  BreakRegister reg;
  ASSERT_TRUE(reg.ParseCsv(text, "breaks.csv").ok());
  ASSERT_EQ(reg.breaks().size(), 2u);
  EXPECT_EQ(reg.breaks()[1].before, Period::SchoolYear(2017));
  std::ostringstream out;
  reg.WriteCsv(out);
  EXPECT_EQ(out.str(), text);

  BreakRegister bad;
  absl::Status s = bad.ParseCsv(
      "indicator,before,after,reason,source\na,2019JJ00,2018JJ00,r,s\n", "b.csv");
  EXPECT_THAT(std::string(s.message()), ::testing::HasSubstr("b.csv:2:"));
  s = bad.ParseCsv("indicator,before,after,reason,source\na,2019XX00,2020JJ00,r,s\n", "b.csv");
  EXPECT_THAT(std::string(s.message()), ::testing::HasSubstr("b.csv:2:2:"));
  s = bad.ParseCsv("indicator,before,reason,source\n", "b.csv");
  EXPECT_THAT(std::string(s.message()), ::testing::HasSubstr("missing required column 'after'"));
}

}  // namespace
}  // namespace zvdj
