#include "zvdj/catalogue.hpp"

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace zvdj {
namespace {

using ::testing::HasSubstr;

std::string Message(const absl::Status& s) { return std::string(s.message()); }

// The built-in ids of the interface contract, with their units.
TEST(BuiltInCatalogue, HasEveryContractIdWithItsUnit) {
  const std::vector<std::pair<const char*, Unit>> contract = {
      {"jeugdhulp_jongeren", Unit::kCount},
      {"jeugdhulp_met_verblijf", Unit::kCount},
      {"jeugdhulp_met_verblijf_pct", Unit::kPercentage},
      {"pleegzorg_gezinsgericht_pct_verblijf", Unit::kPercentage},
      {"uithuisplaatsing_ots_pct", Unit::kPercentage},
      {"uithuisplaatsingen", Unit::kCount},
      {"jeugdbescherming_instroom", Unit::kCount},
      {"jeugdbescherming_uitstroom", Unit::kCount},
      {"jeugdbescherming_beginstand", Unit::kCount},
      {"jeugdbescherming_eindstand", Unit::kCount},
      {"thuiszitters", Unit::kCount},
      {"thuiszitters_langer_3m", Unit::kCount},
      {"vrijstellingen_5a", Unit::kCount},
      {"jeugdhulp_beeindigd_pct", Unit::kPercentage},
      {"client_snel_geholpen_pct", Unit::kPercentage},
      {"client_weet_waar_terecht_pct", Unit::kPercentage},
      {"client_samen_beslissen_pct", Unit::kPercentage},
      {"client_goed_geholpen_pct", Unit::kPercentage},
      {"professionals_uitstroom_pct", Unit::kPercentage},
      {"professionals_invloed_pct", Unit::kPercentage},
      {"professionals_tevreden_pct", Unit::kPercentage},
      {"professionals_ontplooien_pct", Unit::kPercentage},
      {"professionals_werkdruk_te_hoog_pct", Unit::kPercentage},
      {"vervolgzorg_pct", Unit::kPercentage},
  };
  const Catalogue& cat = Catalogue::BuiltIn();
  for (const auto& [id, unit] : contract) {
    const IndicatorDef* d = cat.Find(id);
    ASSERT_NE(d, nullptr) << id;
    EXPECT_EQ(d->unit, unit) << id;
  }
}

TEST(BuiltInCatalogue, DefinitionsAreWellFormed) {
  const Catalogue& cat = Catalogue::BuiltIn();
  ASSERT_GE(cat.indicators().size(), 24u);
  std::vector<std::string> seen;
  for (const IndicatorDef& d : cat.indicators()) {
    SCOPED_TRACE(d.id);
    EXPECT_THAT(d.id, ::testing::MatchesRegex("[a-z0-9_]+"));
    EXPECT_THAT(seen, ::testing::Not(::testing::Contains(d.id)));
    seen.push_back(d.id);
    EXPECT_FALSE(d.name_nl.empty());
    EXPECT_FALSE(d.name_en.empty());
    EXPECT_FALSE(d.source.empty());
    // Percentages end in _pct (or _pct_<denominator>), counts do not.
    const bool pct_name = d.id.find("_pct") != std::string::npos;
    EXPECT_EQ(pct_name, d.unit == Unit::kPercentage);
  }
}

TEST(BuiltInCatalogue, PeriodKindsAndCountingUnits) {
  const Catalogue& cat = Catalogue::BuiltIn();
  EXPECT_EQ(cat.Find("thuiszitters")->period_kind, PeriodKind::kSchoolYear);
  EXPECT_EQ(cat.Find("vrijstellingen_5a")->period_kind, PeriodKind::kSchoolYear);
  EXPECT_EQ(cat.Find("uithuisplaatsing_ots_pct")->period_kind, PeriodKind::kPeildatum);
  EXPECT_EQ(cat.Find("professionals_uitstroom_pct")->period_kind, PeriodKind::kQuarter);
  EXPECT_EQ(cat.Find("jeugdhulp_met_verblijf")->period_kind, PeriodKind::kYear);
  EXPECT_EQ(cat.Find("jeugdhulp_beeindigd_pct")->counting_unit, CountingUnit::kTrajectories);
  EXPECT_EQ(cat.Find("ots_opgelegd")->counting_unit, CountingUnit::kMeasures);
  EXPECT_EQ(cat.Find("client_snel_geholpen_pct")->counting_unit, CountingUnit::kClients);
  EXPECT_EQ(cat.Find("professionals_invloed_pct")->counting_unit, CountingUnit::kEmployees);
}

TEST(BuiltInCatalogue, DesiredDirections) {
  const Catalogue& cat = Catalogue::BuiltIn();
  // Verlengde jeugdhulp is intended: more 18-23 year olds in care is good.
  EXPECT_EQ(cat.DirectionFor("jeugdhulp_met_verblijf", {{"age_group", "18-23"}}), Direction::kUp);
  EXPECT_EQ(cat.DirectionFor("jeugdhulp_met_verblijf", {{"age_group", "0-18"}}), Direction::kDown);
  EXPECT_EQ(cat.DirectionFor("jeugdhulp_met_verblijf", {{"age_group", "4-12"}}), Direction::kDown);
  EXPECT_EQ(cat.DirectionFor("jeugdhulp_met_verblijf", {}), Direction::kDown);
  EXPECT_EQ(cat.DirectionFor("jeugdhulp_met_verblijf", {{"form", "gezinsgericht"}}),
            Direction::kUp);
  EXPECT_EQ(cat.DirectionFor("jeugdhulp_met_verblijf_pct", {}), Direction::kDown);
  EXPECT_EQ(cat.DirectionFor("pleegzorg_gezinsgericht_pct_verblijf", {}), Direction::kUp);
  EXPECT_EQ(cat.DirectionFor("jeugdhulp_beeindigd_pct", {{"end_reason", "eenzijdig_client"}}),
            Direction::kDown);
  EXPECT_EQ(cat.DirectionFor("jeugdhulp_beeindigd_pct", {{"end_reason", "volgens_plan_of_samen"}}),
            Direction::kUp);
  EXPECT_EQ(cat.DirectionFor("jeugdhulp_beeindigd_pct", {{"end_reason", "overig"}}),
            Direction::kNone);
  EXPECT_EQ(cat.DirectionFor("vsv_aanwas", {{"group", "met_jeugdhulp"}}), Direction::kNone);
  EXPECT_EQ(cat.DirectionFor("herhaald_beroep_pct", {}), Direction::kNone);
  EXPECT_EQ(cat.DirectionFor("op_afstroom_pct", {{"niveau", "lager"}}), Direction::kDown);
  EXPECT_EQ(cat.DirectionFor("professionals_werkdruk_te_hoog_pct", {{"sector", "jeugdzorg"}}),
            Direction::kDown);
  EXPECT_EQ(cat.DirectionFor("professionals_werkdruk_goed_pct", {}), Direction::kUp);
  EXPECT_EQ(cat.DirectionFor("professionals_uitstroom_pct", {}), Direction::kDown);
  EXPECT_EQ(cat.DirectionFor("vervolgzorg_pct", {{"outcome", "zvw_ggz"}}), Direction::kUp);
  EXPECT_EQ(cat.DirectionFor("thuiszitters", {}), Direction::kDown);
  EXPECT_EQ(cat.DirectionFor("no_such_indicator", {}), Direction::kNone);
}

TEST(Catalogue, CsvRoundTrip) {
  std::ostringstream out;
  Catalogue::BuiltIn().WriteCsv(out);
  Catalogue copy;
  ASSERT_TRUE(copy.ParseCsv(out.str(), "builtin.csv").ok());
  const auto& want = Catalogue::BuiltIn().indicators();
  ASSERT_EQ(copy.indicators().size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const IndicatorDef& a = want[i];
    const IndicatorDef& b = copy.indicators()[i];
    SCOPED_TRACE(a.id);
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.name_nl, b.name_nl);
    EXPECT_EQ(a.name_en, b.name_en);
    EXPECT_EQ(a.unit, b.unit);
    EXPECT_EQ(a.counting_unit, b.counting_unit);
    EXPECT_EQ(a.period_kind, b.period_kind);
    EXPECT_EQ(a.direction, b.direction);
    EXPECT_EQ(a.source, b.source);
    ASSERT_EQ(a.overrides.size(), b.overrides.size());
    for (size_t j = 0; j < a.overrides.size(); ++j) {
      EXPECT_EQ(a.overrides[j].dimension, b.overrides[j].dimension);
      EXPECT_EQ(a.overrides[j].value, b.overrides[j].value);
      EXPECT_EQ(a.overrides[j].direction, b.overrides[j].direction);
    }
  }
  EXPECT_EQ(copy.DirectionFor("jeugdhulp_met_verblijf", {{"age_group", "18-23"}}), Direction::kUp);
}

constexpr const char* kHeader =
    "id,name_nl,name_en,unit,counting_unit,period_kind,direction,source,overrides\n";

TEST(Catalogue, ParsesAUserDefinition) {
  Catalogue cat;
  const std::string text =
      std::string(kHeader) +
      "wachttijd_weken,Wachttijd,\"Waiting time, weeks\",count,persons,half_year,down,"
      "Regio X,group=spoed:none\n";
  ASSERT_TRUE(cat.ParseCsv(text, "mine.csv").ok());
  const IndicatorDef* d = cat.Find("wachttijd_weken");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->name_en, "Waiting time, weeks");
  EXPECT_EQ(d->period_kind, PeriodKind::kHalfYear);
  EXPECT_EQ(cat.DirectionFor("wachttijd_weken", {{"group", "spoed"}}), Direction::kNone);
  EXPECT_EQ(cat.DirectionFor("wachttijd_weken", {{"group", "regulier"}}), Direction::kDown);
}

TEST(Catalogue, OverridesColumnIsOptional) {
  Catalogue cat;
  ASSERT_TRUE(cat.ParseCsv("id,name_nl,name_en,unit,counting_unit,period_kind,direction,source\n"
                           "x_pct,X,X,percentage,clients,year,up,S\n",
                           "mine.csv")
                  .ok());
  EXPECT_EQ(cat.Find("x_pct")->unit, Unit::kPercentage);
}

TEST(Catalogue, BadUnitNamesFileLineAndColumn) {
  Catalogue cat;
  const std::string text = std::string(kHeader) +
                           "a,A,A,count,persons,year,up,S,\n"
                           "b,B,B,procent,persons,year,up,S,\n";
  absl::Status s = cat.ParseCsv(text, "mine.csv");
  ASSERT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(s), HasSubstr("mine.csv:3:4"));
  EXPECT_THAT(Message(s), HasSubstr("unknown unit 'procent'"));
  EXPECT_THAT(Message(s), HasSubstr("unit"));
  // Nothing is added when a row is bad.
  EXPECT_EQ(cat.Find("a"), nullptr);
}

TEST(Catalogue, BadDirectionNamesFileLineAndColumn) {
  Catalogue cat;
  const std::string text = std::string(kHeader) + "a,A,A,count,persons,year,omhoog,S,\n";
  absl::Status s = cat.ParseCsv(text, "mine.csv");
  ASSERT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(s), HasSubstr("mine.csv:2:7"));
  EXPECT_THAT(Message(s), HasSubstr("unknown direction 'omhoog'"));
}

TEST(Catalogue, BadOverrideAndIdAndPeriodKind) {
  {
    Catalogue cat;
    absl::Status s =
        cat.ParseCsv(std::string(kHeader) + "a,A,A,count,persons,year,up,S,age\n", "mine.csv");
    EXPECT_THAT(Message(s), HasSubstr("mine.csv:2:9"));
    EXPECT_THAT(Message(s), HasSubstr("dimension=value:direction"));
  }
  {
    Catalogue cat;
    absl::Status s = cat.ParseCsv(
        std::string(kHeader) + "a,A,A,count,persons,year,up,S,age_group=18-23:sideways\n",
        "mine.csv");
    EXPECT_THAT(Message(s), HasSubstr("mine.csv:2:9"));
    EXPECT_THAT(Message(s), HasSubstr("unknown direction 'sideways'"));
  }
  {
    Catalogue cat;
    absl::Status s =
        cat.ParseCsv(std::string(kHeader) + "Bad-Id,A,A,count,persons,year,up,S,\n", "mine.csv");
    EXPECT_THAT(Message(s), HasSubstr("mine.csv:2:1"));
  }
  {
    Catalogue cat;
    absl::Status s =
        cat.ParseCsv(std::string(kHeader) + "a,A,A,count,persons,decade,up,S,\n", "mine.csv");
    EXPECT_THAT(Message(s), HasSubstr("mine.csv:2:6"));
  }
}

TEST(Catalogue, MissingAndUnknownColumns) {
  Catalogue cat;
  absl::Status s = cat.ParseCsv("id,name_nl\n", "mine.csv");
  EXPECT_THAT(Message(s), HasSubstr("mine.csv:1: missing required column 'name_en'"));
  s = cat.ParseCsv(std::string("id,name_nl,name_en,unit,counting_unit,period_kind,direction,"
                               "source,overrides,colour\n"),
                   "mine.csv");
  EXPECT_THAT(Message(s), HasSubstr("mine.csv:1:10: unknown column 'colour'"));
}

TEST(Catalogue, UserDefinitionReplacesBuiltIn) {
  Catalogue cat = Catalogue::BuiltIn();
  const size_t n = cat.indicators().size();
  const std::string text =
      std::string(kHeader) +
      "thuiszitters,Thuiszitters (regio),Home-sitters (region),count,persons,year,none,"
      "Regio X,\n";
  ASSERT_TRUE(cat.ParseCsv(text, "mine.csv").ok());
  EXPECT_EQ(cat.indicators().size(), n);
  EXPECT_EQ(cat.Find("thuiszitters")->name_nl, "Thuiszitters (regio)");
  EXPECT_EQ(cat.Find("thuiszitters")->period_kind, PeriodKind::kYear);
  EXPECT_EQ(cat.DirectionFor("thuiszitters", {}), Direction::kNone);
  // The built-in catalogue itself is unchanged.
  EXPECT_EQ(Catalogue::BuiltIn().Find("thuiszitters")->name_nl, "Thuiszitters (4 weken of langer)");
}

TEST(Catalogue, AddRejectsMalformedIds) {
  Catalogue cat;
  IndicatorDef d;
  d.id = "";
  EXPECT_EQ(cat.Add(d).code(), absl::StatusCode::kInvalidArgument);
  d.id = "Jeugd";
  EXPECT_EQ(cat.Add(d).code(), absl::StatusCode::kInvalidArgument);
  d.id = "jeugd hulp";
  EXPECT_EQ(cat.Add(d).code(), absl::StatusCode::kInvalidArgument);
  d.id = "jeugd_2";
  EXPECT_TRUE(cat.Add(d).ok());
}

TEST(Catalogue, LoadCsvMissingFile) {
  Catalogue cat;
  EXPECT_FALSE(cat.LoadCsv("/nonexistent/catalogue.csv").ok());
}

}  // namespace
}  // namespace zvdj
