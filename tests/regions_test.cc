#include "zvdj/regions.hpp"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace zvdj {
namespace {

using ::testing::HasSubstr;

std::string Msg(const absl::Status& s) { return std::string(s.message()); }

TEST(RegionMap, LooksUpByYearAndPrefix) {
  const auto m = RegionMap::Parse(
      "region,municipality,to_year,from_year\n"  // columns in any order
      "JZ01,GM0363,2018,2015\n"
      "JZ02,GM0363,,2019\n"
      "PV27,GM0363,,2015\n",
      "regions.csv");
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->RegionOf(363, 2018, RegionKind::kJeugdregio), "JZ01");
  EXPECT_EQ(m->RegionOf(363, 2019, RegionKind::kJeugdregio), "JZ02");
  EXPECT_EQ(m->RegionOf(363, 2040, RegionKind::kJeugdregio), "JZ02");
  EXPECT_EQ(m->RegionOf(363, 2014, RegionKind::kJeugdregio), "");
  EXPECT_EQ(m->RegionOf(363, 2016, RegionKind::kProvincie), "PV27");
  EXPECT_EQ(m->RegionOf(599, 2016, RegionKind::kProvincie), "");
}

TEST(RegionMap, NameColumnsAreOptional) {
  // Without name columns (the format before names): valid, no names.
  auto m = RegionMap::Parse("municipality,region,from_year,to_year\nGM0363,JZ13,2015,\n", "r.csv");
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->names().size(), 0u);
  // With names; an empty name leaves the code (or the name of another row);
  // names are trimmed; one column without the other is fine.
  m = RegionMap::Parse(
      "municipality,municipality_name,region,region_name,from_year,to_year\n"
      "GM0363, Amsterdam ,JZ13,Amsterdam-Amstelland (JZ),2015,\n"
      "GM0363,Amsterdam,PV27,,2015,\n"
      "GM0599,,PV28,Zuid-Holland (PV),2015,\n"
      "GM0599,,JZ20,,2015,\n",
      "r.csv");
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->names().Find("GM0363"), "Amsterdam");
  EXPECT_EQ(m->names().Find("JZ13"), "Amsterdam-Amstelland (JZ)");
  EXPECT_EQ(m->names().Find("PV28"), "Zuid-Holland (PV)");
  EXPECT_EQ(m->names().Find("GM0599"), "");
  EXPECT_EQ(m->names().Label("GM0599"), "GM0599");  // the code as fallback
  EXPECT_EQ(m->names().Label("JZ20"), "JZ20");
  m = RegionMap::Parse("municipality,region,from_year,to_year,region_name\nGM0363,JZ13,2015,,X\n",
                       "r.csv");
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->names().Label("JZ13"), "X");
}

TEST(RegionMap, NamesKeepTheirTextAndOneNamePerCode) {
  // Hostile text is kept as text; the writers escape it (HTML, terminal).
  auto m = RegionMap::Parse(
      "municipality,region,from_year,to_year,municipality_name\n"
      "GM0363,JZ13,2015,,\"<script>x</script>, \x1b[2J\"\n",
      "r.csv");
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->names().Find("GM0363"), "<script>x</script>, \x1b[2J");
  // Two names for one code: an error naming file, line and column.
  m = RegionMap::Parse(
      "municipality,region,from_year,to_year,municipality_name\n"
      "GM0363,JZ13,2015,,Amsterdam\nGM0363,PV27,2015,,Mokum\n",
      "r.csv");
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(Msg(m.status()), HasSubstr("r.csv:3:5: GM0363 is named 'Amsterdam' and 'Mokum'"));
  // A misspelt name column is still an unknown column.
  m = RegionMap::Parse("municipality,region,from_year,to_year,name\nGM0363,JZ13,2015,,A\n", "r.csv");
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(Msg(m.status()), HasSubstr("unknown column 'name'"));
}

TEST(RegionNames, BuiltInNamesWithCodesAsFallback) {
  const RegionNames& n = RegionNames::BuiltIn();
  EXPECT_EQ(n.Label("NL01"), "Nederland");
  EXPECT_EQ(n.Label("GM0363"), "Amsterdam");
  EXPECT_EQ(n.Label("GM0599"), "Rotterdam");
  EXPECT_EQ(n.Label("GM0518"), "'s-Gravenhage");
  EXPECT_EQ(n.Label("GM0344"), "Utrecht");
  EXPECT_EQ(n.Label("PV26"), "Utrecht (PV)");  // the provincie differs from the gemeente
  EXPECT_EQ(n.Label("PV27"), "Noord-Holland (PV)");
  EXPECT_EQ(n.Label("GM1948"), "Meierijstad");
  EXPECT_EQ(n.Label("JZ13"), "JZ13");    // no built-in jeugdregio names
  EXPECT_EQ(n.Label("GM9999"), "GM9999");
  // A file's names go over the built-in ones.
  RegionNames mine = n;
  ASSERT_TRUE(mine.Add("JZ13", "Amsterdam-Amstelland (JZ)").ok());
  RegionNames merged = RegionNames::BuiltIn();
  merged.Merge(mine);
  EXPECT_EQ(merged.Label("JZ13"), "Amsterdam-Amstelland (JZ)");
  EXPECT_EQ(merged.Label("NL01"), "Nederland");
}

TEST(RegionMap, ErrorsNameFileLineAndColumn) {
  const std::string head = "municipality,region,from_year,to_year\n";
  auto m = RegionMap::Parse(head + "GM0363,JZ01,2015,\nGM0363,JZ02,2018,2019\n", "r.csv");
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(Msg(m.status()), HasSubstr("r.csv:3:1: GM0363 is already in JZ01 in 2015..9999"));
  m = RegionMap::Parse(head + "GM0363,CR01,2015,\n", "r.csv");
  EXPECT_THAT(Msg(m.status()), HasSubstr("r.csv:2:2: 'CR01' is not a jeugdregio"));
  m = RegionMap::Parse(head + "G0363,JZ01,2015,\n", "r.csv");
  EXPECT_THAT(Msg(m.status()), HasSubstr("r.csv:2:1:"));
  m = RegionMap::Parse(head + "GM0363,JZ01,2015,2014\n", "r.csv");
  EXPECT_THAT(Msg(m.status()), HasSubstr("r.csv:2:4: to_year must be empty or a year"));
  m = RegionMap::Parse(head + "GM0363,JZ01,twenty,\n", "r.csv");
  EXPECT_THAT(Msg(m.status()), HasSubstr("r.csv:2:3:"));
  m = RegionMap::Parse("municipality,region,from_year,to_year,name\n", "r.csv");
  EXPECT_THAT(Msg(m.status()), HasSubstr("r.csv:1:5: unknown column 'name'"));
  m = RegionMap::Parse("municipality,from_year\n", "r.csv");
  EXPECT_THAT(Msg(m.status()), HasSubstr("missing column 'region'"));
  EXPECT_EQ(RegionMap::Load("/nonexistent/regions.csv").status().code(),
            absl::StatusCode::kNotFound);
}

TEST(Herindeling, FollowsChainsUpToTheClassificationYear) {
  // Schijndel (0844) -> Meierijstad (1948) on 2017-01-01; an invented second
  // step 1948 -> 1999 on 2021-01-01.
  const auto h = Herindeling::Parse(
      "old_code,new_code,date\n"
      "GM0844,GM1948,2017-01-01\n"
      "GM0846,GM1948,2017-01-01\n"
      "GM1948,GM1999,2021-01-01\n",
      "h.csv");
  ASSERT_TRUE(h.ok()) << h.status();
  EXPECT_EQ(h->Classify(844, 2016), 844);
  EXPECT_EQ(h->Classify(844, 2017), 1948);
  EXPECT_EQ(h->Classify(844, 2020), 1948);
  EXPECT_EQ(h->Classify(844, 2021), 1999);
  EXPECT_EQ(h->Classify(1948, 2021), 1999);
  EXPECT_EQ(h->Classify(363, 2021), 363);
  const auto table = h->ClassificationTable(2021);
  EXPECT_EQ(table[846], 1999);
  EXPECT_EQ(table[363], 363);
  // A change dated mid-year applies from the next year's classification.
  const auto mid = Herindeling::Parse("old_code,new_code,date\nGM0001,GM0002,2018-07-01\n", "m");
  ASSERT_TRUE(mid.ok());
  EXPECT_EQ(mid->Classify(1, 2018), 1);
  EXPECT_EQ(mid->Classify(1, 2019), 2);
}

TEST(Herindeling, RejectsSplitsCyclesAndBadFields) {
  const std::string head = "old_code,new_code,date\n";
  auto h = Herindeling::Parse(head + "GM0001,GM0002,2018-01-01\nGM0001,GM0003,2018-01-01\n",
                              "h.csv");
  EXPECT_THAT(Msg(h.status()), HasSubstr("h.csv:3:2: GM0001 already goes to GM0002"));
  h = Herindeling::Parse(head + "GM0001,GM0002,2018-01-01\nGM0002,GM0001,2019-01-01\n", "h.csv");
  EXPECT_THAT(Msg(h.status()), HasSubstr("h.csv:3:2: GM0002 -> GM0001 closes a cycle"));
  h = Herindeling::Parse(head + "GM0001,GM0001,2018-01-01\n", "h.csv");
  EXPECT_THAT(Msg(h.status()), HasSubstr("h.csv:2:2:"));
  h = Herindeling::Parse(head + "GM0001,GM0002,2018-02-30\n", "h.csv");
  EXPECT_THAT(Msg(h.status()), HasSubstr("h.csv:2:3:"));
  h = Herindeling::Parse(head + "GM0001,XX0002,2018-01-01\n", "h.csv");
  EXPECT_THAT(Msg(h.status()), HasSubstr("h.csv:2:2:"));
  // A repeated identical line is harmless.
  h = Herindeling::Parse(head + "GM0001,GM0002,2018-01-01\nGM0001,GM0002,2018-01-01\n", "h.csv");
  EXPECT_TRUE(h.ok());
}

}  // namespace
}  // namespace zvdj
