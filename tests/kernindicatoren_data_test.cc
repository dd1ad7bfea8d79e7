// Checks data/kernindicatoren.csv, the published figures of the programme Zorg
// voor de Jeugd (4e voortgangsrapportage, mei 2020), against the printed values,
// the arithmetic that holds between them, and the built-in catalogue.
#include <cmath>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/breaks.hpp"
#include "zvdj/catalogue.hpp"
#include "zvdj/dataset.hpp"
#include "zvdj/dataset_io.hpp"

namespace zvdj {
namespace {

std::string DataPath(const char* name) { return std::string(ZVDJ_SOURCE_DIR) + "/data/" + name; }

const Dataset& Data() {
  static const Dataset* const kData = [] {
    auto ds = ReadDatasetCsv(DataPath("kernindicatoren.csv"));
    if (!ds.ok()) {
      ADD_FAILURE() << ds.status();
      return new Dataset();
    }
    return new Dataset(*std::move(ds));
  }();
  return *kData;
}

Period P(const char* code) {
  auto p = Period::Parse(code);
  EXPECT_TRUE(p.ok()) << code;
  return p.value_or(Period());
}

// The value of one published cell; nullopt when the file has no such row.
std::optional<double> Cell(const char* indicator, const char* period, const Dimensions& dims = {}) {
  const Dataset& ds = Data();
  auto row = ds.Find(indicator, "NL01", P(period), dims);
  if (!row) return std::nullopt;
  return ds.value(*row);
}

// Rows of one indicator, optionally restricted by dimensions and period kind.
std::vector<size_t> Rows(const char* indicator, const Dimensions& dims = {},
                         std::optional<PeriodKind> kind = std::nullopt) {
  Query q;
  q.indicator = indicator;
  q.dims = dims;
  q.period_kind = kind;
  return Data().Select(q);
}

double V(const char* indicator, const char* period, const Dimensions& dims = {}) {
  auto v = Cell(indicator, period, dims);
  EXPECT_TRUE(v.has_value()) << indicator << " " << period;
  return v.value_or(std::nan(""));
}

TEST(KernindicatorenData, LoadsWithoutErrors) {
  auto ds = ReadDatasetCsv(DataPath("kernindicatoren.csv"));
  ASSERT_TRUE(ds.ok()) << ds.status();  // a repeated key would be an error
  EXPECT_EQ(ds->size(), 214u);
  EXPECT_THAT(ds->dimension_names(),
              ::testing::UnorderedElementsAre("age_group", "form", "end_reason", "group", "niveau",
                                              "woonsituatie", "sector", "outcome", "horizon"));
}

// The duplicate check must see a repeated key even when dimension columns are
// first used between the two rows (as in this file, where each table brings
// its own breakdown).
TEST(KernindicatorenData, DuplicateFoundAcrossLaterDimensions) {
  auto ds = ParseDatasetCsv(
      "indicator,period,region,form,sector,value,status\n"
      "a,2019JJ00,NL01,,,1,\n"
      "b,2019JJ00,NL01,x,,2,\n"
      "c,2019JJ00,NL01,,y,3,\n"
      "a,2019JJ00,NL01,,,4,\n",
      "dup.csv");
  ASSERT_FALSE(ds.ok());
  EXPECT_THAT(std::string(ds.status().message()), ::testing::HasSubstr("dup.csv:5"));
  EXPECT_THAT(std::string(ds.status().message()), ::testing::HasSubstr("duplicate"));

  auto obs = [](Dimensions dims, double value) {
    Observation o;
    o.indicator = "a";
    o.period = Period::Year(2019);
    o.dims = std::move(dims);
    o.value = value;
    return o;
  };
  Dataset built;
  ASSERT_TRUE(built.Add(obs({}, 1)).ok());
  ASSERT_TRUE(built.Add(obs({{"form", "x"}}, 2)).ok());
  ASSERT_TRUE(built.Add(obs({{"sector", "y"}}, 3)).ok());
  EXPECT_EQ(built.Add(obs({}, 9)).code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(built.Add(obs({{"form", "x"}}, 9)).code(), absl::StatusCode::kAlreadyExists);
  ASSERT_TRUE(built.Find("a", "NL01", Period::Year(2019)).has_value());
  EXPECT_EQ(built.value(*built.Find("a", "NL01", Period::Year(2019))), 1);
  EXPECT_EQ(built.value(*built.Find("a", "NL01", Period::Year(2019), {{"form", "x"}})), 2);
  EXPECT_EQ(built.value(*built.Find("a", "NL01", Period::Year(2019), {{"sector", "y"}})), 3);
}

TEST(KernindicatorenData, EveryRowIsNationalSourcedAnd2019CbsFiguresAreProvisional) {
  const Dataset& ds = Data();
  ASSERT_GT(ds.size(), 0u);
  for (size_t r = 0; r < ds.size(); ++r) {
    SCOPED_TRACE(std::string(ds.indicator(r)) + " " + ds.period(r).ToString());
    EXPECT_EQ(ds.region(r), "NL01");
    // CBS published its 2019 figures as voorlopig (the report printed them
    // without the mark); everything else is definitive.
    const bool cbs_2019 = (ds.period(r) == Period::Year(2019) ||
                           ds.period(r).ToString() == "2019-12-31") &&
                          ds.note(r).rfind("CBS Beleidsinformatie Jeugd;", 0) == 0;
    EXPECT_EQ(ds.status(r), cbs_2019 ? ValueStatus::kProvisional : ValueStatus::kDefinitive);
    EXPECT_FALSE(std::isnan(ds.value(r)));
    EXPECT_THAT(std::string(ds.note(r)), ::testing::HasSubstr("voortgangsrapportage"));
  }
}

TEST(KernindicatorenData, EveryIndicatorIsInTheBuiltInCatalogue) {
  const Dataset& ds = Data();
  const Catalogue& cat = Catalogue::BuiltIn();
  for (size_t r = 0; r < ds.size(); ++r) {
    const IndicatorDef* def = cat.Find(ds.indicator(r));
    ASSERT_NE(def, nullptr) << ds.indicator(r);
    EXPECT_EQ(def->period_kind, ds.period(r).kind())
        << ds.indicator(r) << " " << ds.period(r).ToString();
    const double v = ds.value(r);
    if (def->unit == Unit::kPercentage) {
      EXPECT_GE(v, 0) << ds.indicator(r);
      EXPECT_LE(v, 100) << ds.indicator(r);
    } else {
      EXPECT_EQ(v, std::floor(v)) << ds.indicator(r);
    }
  }
}

TEST(KernindicatorenData, KernindicatorenTable) {
  EXPECT_EQ(V("client_snel_geholpen_pct", "2015JJ00"), 61);
  EXPECT_EQ(V("client_snel_geholpen_pct", "2018JJ00"), 64);
  EXPECT_EQ(V("client_samen_beslissen_pct", "2017JJ00"), 87);
  EXPECT_EQ(V("jeugdhulp_met_verblijf_pct", "2016JJ00"), 11.6);
  EXPECT_EQ(V("jeugdhulp_met_verblijf_pct", "2018JJ00"), 10.4);  // printed "104%"
  EXPECT_EQ(V("jeugdhulp_met_verblijf_pct", "2019JJ00"), 10.1);
  EXPECT_EQ(V("jeugdhulp_met_verblijf", "2019JJ00", {{"age_group", "18-23"}}), 2955);
  EXPECT_EQ(V("jeugdhulp_met_verblijf", "2016JJ00", {{"age_group", "18-23"}}), 1665);
  EXPECT_EQ(V("uithuisplaatsing_ots_pct", "2016-12-31"), 34);
  EXPECT_EQ(V("uithuisplaatsing_ots_pct", "2019-12-31"), 27);
  EXPECT_EQ(V("thuiszitters_langer_3m", "2015/'16"), 4194);
  EXPECT_EQ(V("thuiszitters_langer_3m", "2018/'19"), 4790);
  // The kernindicatoren table prints 5,837; text and factsheet give 5.537.
  EXPECT_EQ(V("vrijstellingen_5a", "2015/'16"), 5537);
  EXPECT_EQ(V("vrijstellingen_5a", "2018/'19"), 6022);
  EXPECT_EQ(V("professionals_uitstroom_pct", "2015KW03", {{"sector", "jeugdzorg"}}), 6.8);
  EXPECT_EQ(V("professionals_uitstroom_pct", "2019KW03", {{"sector", "jeugdzorg"}}), 6.7);
  EXPECT_EQ(V("professionals_invloed_pct", "2017JJ00", {{"sector", "jeugdzorg"}}), 62);
  EXPECT_EQ(V("professionals_tevreden_pct", "2019JJ00", {{"sector", "jeugdzorg"}}), 78);
}

std::string NoteOf(const char* indicator, const char* period, const Dimensions& dims = {}) {
  auto row = Data().Find(indicator, "NL01", P(period), dims);
  return row ? std::string(Data().note(*row)) : std::string();
}

TEST(KernindicatorenData, NotesGiveSourcesVariantsAndReconstructions) {
  using ::testing::HasSubstr;
  EXPECT_THAT(NoteOf("vrijstellingen_5a", "2015/'16"), HasSubstr("5837"));
  EXPECT_THAT(NoteOf("jeugdhulp_met_verblijf_pct", "2018JJ00"), HasSubstr("reconstructed"));
  EXPECT_THAT(NoteOf("jeugdhulp_met_verblijf", "2016JJ00", {{"age_group", "0-23"}}),
              HasSubstr("reconstructed: sum of 0-18 and 18-23"));
  EXPECT_THAT(NoteOf("jeugdhulp_met_verblijf", "2019JJ00", {{"age_group", "0-23"}}),
              ::testing::Not(HasSubstr("reconstructed")));
  EXPECT_THAT(
      NoteOf("op_afstroom_pct", "2017/'18", {{"group", "met_jeugdhulp"}, {"niveau", "lager"}}),
      HasSubstr("reconstructed"));
  EXPECT_THAT(NoteOf("uithuisplaatsing_vots_pct", "2019JJ00"),
              HasSubstr("Raad voor de Kinderbescherming"));
  EXPECT_THAT(NoteOf("thuiszitters_langer_3m", "2018/'19"), HasSubstr("DUO, Ingrado"));
  EXPECT_THAT(NoteOf("jeugdhulp_met_verblijf", "2019JJ00", {{"age_group", "18-23"}}),
              HasSubstr("CBS Beleidsinformatie Jeugd"));
}

TEST(KernindicatorenData, FactsheetValues) {
  EXPECT_EQ(V("jeugdhulp_met_verblijf", "2018JJ00",
              {{"age_group", "0-23"}, {"form", "gezinsgericht"}}),
            6165);
  EXPECT_EQ(V("jeugdhulp_met_verblijf", "2019JJ00", {{"age_group", "0-23"}}), 42975);
  EXPECT_EQ(V("jeugdhulp_met_verblijf", "2017JJ00", {{"age_group", "12-18"}}), 24175);
  EXPECT_EQ(V("pleegzorg_gezinsgericht_pct_verblijf", "2019JJ00"), 63);
  EXPECT_EQ(V("jeugdhulp_beeindigd_pct", "2017JJ00", {{"end_reason", "overig"}}), 14);
  EXPECT_EQ(V("jeugdbescherming_instroom", "2019JJ00"), 11430);
  EXPECT_EQ(V("ots_opgelegd", "2019JJ00"), 9330);
  EXPECT_EQ(V("vots_opgelegd", "2018JJ00"), 1710);
  EXPECT_EQ(V("uithuisplaatsing_vots_pct", "2017JJ00"), 83);
  EXPECT_EQ(V("onderwijs_ingeschreven_pct", "2016/'17", {{"group", "met_jeugdhulp"}}), 97.7);
  EXPECT_EQ(V("vsv_aanwas", "2018/'19"), 32095);
  EXPECT_EQ(V("op_afstroom_pct", "2018/'19", {{"group", "met_jeugdhulp"}, {"niveau", "gelijk"}}),
            70);
  EXPECT_EQ(V("woonsituatie_18_19_pct", "2016JJ00",
              {{"group", "jeugdhulp_met_verblijf"}, {"woonsituatie", "zelfstandig"}}),
            54);
  EXPECT_EQ(V("economisch_zelfstandig_pct", "2017JJ00", {{"group", "geen_jeugdhulp"}}), 47.3);
  EXPECT_EQ(V("werk_onderwijs_pct", "2017JJ00", {{"group", "wel_jeugdhulp"}}), 96.3);
  EXPECT_EQ(V("cohort_18_omvang", "2017JJ00"), 19455);
  EXPECT_EQ(V("verlengde_jeugdhulp_pct", "2017JJ00"), 54);
  EXPECT_EQ(V("vervolgzorg_pct", "2017JJ00", {{"outcome", "zvw_ggz"}, {"horizon", "1m"}}), 22.0);
  EXPECT_EQ(V("vervolgzorg_pct", "2017JJ00", {{"outcome", "wmo"}, {"horizon", "1m"}}), 5.7);
  EXPECT_EQ(V("vervolgzorg_pct", "2017JJ00", {{"outcome", "wlz"}, {"horizon", "6m"}}), 2.1);
  EXPECT_EQ(V("professionals_werkdruk_te_hoog_pct", "2017JJ00", {{"sector", "jeugdzorg"}}), 62);
  EXPECT_EQ(V("professionals_ontplooien_pct", "2019JJ00", {{"sector", "jeugdhulp"}}), 66);
  EXPECT_EQ(V("professionals_uitstroom_pct", "2017KW03", {{"sector", "zorg_en_welzijn"}}), 4.3);
  EXPECT_EQ(V("jeugdzorg_jongeren", "2019JJ00", {{"age_group", "0-23"}}), 443000);
  EXPECT_EQ(V("herhaald_beroep_pct", "2019JJ00"), 23);
}

TEST(KernindicatorenData, AgeGroupsAddUp) {
  for (const char* y : {"2016JJ00", "2017JJ00", "2018JJ00", "2019JJ00"}) {
    SCOPED_TRACE(y);
    const double young = V("jeugdhulp_met_verblijf", y, {{"age_group", "0-4"}}) +
                         V("jeugdhulp_met_verblijf", y, {{"age_group", "4-12"}}) +
                         V("jeugdhulp_met_verblijf", y, {{"age_group", "12-18"}});
    const double minor = V("jeugdhulp_met_verblijf", y, {{"age_group", "0-18"}});
    EXPECT_EQ(young, minor);
    // The 0-23 total (age_group 0-23) is 0-18 plus 18-23.
    EXPECT_EQ(minor + V("jeugdhulp_met_verblijf", y, {{"age_group", "18-23"}}),
              V("jeugdhulp_met_verblijf", y, {{"age_group", "0-23"}}));
  }
}

TEST(KernindicatorenData, EndReasonsPartition) {
  for (const char* y : {"2016JJ00", "2017JJ00", "2018JJ00", "2019JJ00"}) {
    SCOPED_TRACE(y);
    EXPECT_EQ(V("jeugdhulp_beeindigd_pct", y, {{"end_reason", "volgens_plan_of_samen"}}) +
                  V("jeugdhulp_beeindigd_pct", y, {{"end_reason", "overig"}}),
              100);
    // Eenzijdig door cliënt lies within overig.
    EXPECT_LE(V("jeugdhulp_beeindigd_pct", y, {{"end_reason", "eenzijdig_client"}}),
              V("jeugdhulp_beeindigd_pct", y, {{"end_reason", "overig"}}));
  }
}

TEST(KernindicatorenData, ShareTablesSumToHundred) {
  for (const char* group : {"jeugdhulp_met_verblijf", "wel_jeugdhulp", "geen_jeugdhulp"}) {
    for (const char* y : {"2016JJ00", "2017JJ00"}) {
      SCOPED_TRACE(std::string(group) + " " + y);
      double sum = 0;
      for (const char* w : {"zelfstandig", "thuiswonend", "institutioneel", "overig"}) {
        sum += V("woonsituatie_18_19_pct", y, {{"group", group}, {"woonsituatie", w}});
      }
      EXPECT_NEAR(sum, 100, 1);
    }
  }
  const std::vector<std::pair<const char*, const char*>> columns = {
      {"jeugdzorg", "2015JJ00"},       {"jeugdzorg", "2017JJ00"},
      {"jeugdzorg", "2019JJ00"},       {"jeugdhulp", "2019JJ00"},
      {"zorg_en_welzijn", "2015JJ00"}, {"zorg_en_welzijn", "2017JJ00"},
      {"zorg_en_welzijn", "2019JJ00"}};
  for (const auto& [sector, y] : columns) {
    SCOPED_TRACE(std::string(sector) + " " + y);
    const Dimensions d = {{"sector", sector}};
    EXPECT_EQ(V("professionals_werkdruk_te_laag_pct", y, d) +
                  V("professionals_werkdruk_goed_pct", y, d) +
                  V("professionals_werkdruk_te_hoog_pct", y, d),
              100);
    EXPECT_NEAR(V("professionals_tevreden_pct", y, d) +
                    V("professionals_deels_tevreden_pct", y, d) +
                    V("professionals_ontevreden_pct", y, d),
                100, 1);
  }
  for (const char* y : {"2017/'18", "2018/'19"}) {
    double sum = 0;
    for (const char* n : {"lager", "gelijk", "hoger"}) {
      sum += V("op_afstroom_pct", y, {{"group", "met_jeugdhulp"}, {"niveau", n}});
    }
    EXPECT_EQ(sum, 100) << y;
  }
}

TEST(KernindicatorenData, SumsOfRoundedParts) {
  // CBS rounds counts to multiples of 5, so parts may differ from the total by
  // up to 5 per part.
  for (const char* y : {"2016/'17", "2017/'18", "2018/'19"}) {
    EXPECT_NEAR(V("vsv_aanwas", y, {{"group", "met_jeugdhulp"}}) +
                    V("vsv_aanwas", y, {{"group", "zonder_jeugdhulp"}}),
                V("vsv_aanwas", y), 10)
        << y;
  }
  // The printed vervolgzorg total is the sum of the three kinds, rounded.
  for (const char* h : {"1m", "3m", "6m"}) {
    const double parts =
        V("vervolgzorg_pct", "2017JJ00", {{"outcome", "zvw_ggz"}, {"horizon", h}}) +
        V("vervolgzorg_pct", "2017JJ00", {{"outcome", "wmo"}, {"horizon", h}}) +
        V("vervolgzorg_pct", "2017JJ00", {{"outcome", "wlz"}, {"horizon", h}});
    EXPECT_NEAR(
        parts,
        V("vervolgzorg_pct", "2017JJ00", {{"outcome", "vervolgzorg_any_sum"}, {"horizon", h}}), 0.5)
        << h;
  }
  // Cumulative windows never fall.
  for (const char* o : {"zvw_ggz", "wmo", "wlz", "vervolgzorg_any_sum"}) {
    EXPECT_LE(V("vervolgzorg_pct", "2017JJ00", {{"outcome", o}, {"horizon", "1m"}}),
              V("vervolgzorg_pct", "2017JJ00", {{"outcome", o}, {"horizon", "3m"}}));
    EXPECT_LE(V("vervolgzorg_pct", "2017JJ00", {{"outcome", o}, {"horizon", "3m"}}),
              V("vervolgzorg_pct", "2017JJ00", {{"outcome", o}, {"horizon", "6m"}}));
  }
}

TEST(KernindicatorenData, CbsBeleidsinformatieCountsAreMultiplesOfFive) {
  const Dataset& ds = Data();
  for (const char* id : {"jeugdhulp_met_verblijf", "jeugdbescherming_instroom", "ots_opgelegd",
                         "vots_opgelegd", "vsv_aanwas", "cohort_18_omvang"}) {
    const auto rows = Rows(id);
    ASSERT_FALSE(rows.empty()) << id;
    for (size_t r : rows) EXPECT_EQ(std::fmod(ds.value(r), 5.0), 0.0) << id;
  }
}

TEST(KernindicatorenData, UncertainAndUnrecoverableCellsAreLeftOut) {
  const Dataset& ds = Data();
  // Verblijfsvorm: only gezinsgericht is certain.
  for (const char* form : {"pleegzorg", "overig_verblijf", "gesloten"}) {
    EXPECT_TRUE(Rows("jeugdhulp_met_verblijf", {{"form", form}}).empty()) << form;
  }
  EXPECT_FALSE(Cell("professionals_uitstroom_pct", "2017KW03", {{"sector", "jeugdzorg"}}));
  EXPECT_FALSE(Cell("client_weet_waar_terecht_pct", "2016JJ00"));
  EXPECT_FALSE(Cell("client_weet_waar_terecht_pct", "2017JJ00"));
  EXPECT_FALSE(Cell("client_goed_geholpen_pct", "2016JJ00"));
  EXPECT_FALSE(Cell("client_goed_geholpen_pct", "2017JJ00"));
  EXPECT_TRUE(Rows("op_afstroom_pct", {{"group", "zonder_jeugdhulp"}}).empty());
  // The chart's 40% (geen jeugdhulp, 2016) is a whole-percent level and included.
  EXPECT_EQ(Cell("economisch_zelfstandig_pct", "2016JJ00", {{"group", "geen_jeugdhulp"}}), 40);
  EXPECT_TRUE(Rows("uithuisplaatsingen").empty());
  // Nothing carries the kernindicatoren table's variant 5.837.
  for (size_t r : Rows("vrijstellingen_5a")) {
    EXPECT_NE(ds.value(r), 5837);
  }
}

TEST(KernindicatorenData, SeriesKeepTheirOwnPeriodKinds) {
  EXPECT_EQ(Rows("thuiszitters_langer_3m", {}, PeriodKind::kSchoolYear).size(), 4u);
  EXPECT_EQ(Rows("uithuisplaatsing_ots_pct", {}, PeriodKind::kPeildatum).size(), 4u);
  EXPECT_EQ(Rows("professionals_uitstroom_pct", {}, PeriodKind::kQuarter).size(), 5u);
}

TEST(KernindicatorenData, RoundTripsThroughTheWriter) {
  const Dataset& ds = Data();
  std::ostringstream out;
  WriteDatasetCsv(ds, out);
  auto again = ParseDatasetCsv(out.str(), "written.csv");
  ASSERT_TRUE(again.ok()) << again.status();
  ASSERT_EQ(again->size(), ds.size());
  for (size_t r = 0; r < ds.size(); ++r) {
    auto row = again->Find(ds.indicator(r), ds.region(r), ds.period(r), ds.dimensions(r));
    ASSERT_TRUE(row.has_value()) << ds.indicator(r) << " " << ds.period(r).ToString();
    EXPECT_EQ(again->value(*row), ds.value(r));
    EXPECT_EQ(again->note(*row), ds.note(r));  // notes with commas and quotes survive
  }
}

TEST(KernindicatorenBreaks, LoadsAndBlocksTheRightComparisons) {
  BreakRegister breaks;
  ASSERT_TRUE(breaks.LoadCsv(DataPath("kernindicatoren.breaks.csv")).ok());
  ASSERT_EQ(breaks.breaks().size(), 4u);
  const Catalogue& cat = Catalogue::BuiltIn();
  for (const SeriesBreak& b : breaks.breaks()) {
    const IndicatorDef* def = cat.Find(b.indicator);
    ASSERT_NE(def, nullptr) << b.indicator;
    EXPECT_EQ(def->period_kind, b.before.kind());
    EXPECT_FALSE(b.reason.empty());
    EXPECT_THAT(b.source, ::testing::HasSubstr("voortgangsrapportage"));
  }
  const Period y2016 = Period::Year(2016), y2017 = Period::Year(2017), y2018 = Period::Year(2018),
               y2019 = Period::Year(2019);
  EXPECT_NE(
      breaks.Blocking("jeugdhulp_met_verblijf", "NL01", {{"form", "gezinsgericht"}}, y2018, y2019),
      nullptr);
  EXPECT_NE(
      breaks.Blocking("jeugdhulp_met_verblijf", "NL01", {{"form", "pleegzorg"}}, y2016, y2019),
      nullptr);
  EXPECT_EQ(
      breaks.Blocking("jeugdhulp_met_verblijf", "NL01", {{"form", "gezinsgericht"}}, y2016, y2018),
      nullptr);
  // The totals and the combined share stay comparable.
  EXPECT_EQ(breaks.Blocking("jeugdhulp_met_verblijf", "NL01", {}, y2018, y2019), nullptr);
  EXPECT_EQ(breaks.Blocking("pleegzorg_gezinsgericht_pct_verblijf", "NL01", {}, y2016, y2019),
            nullptr);
  EXPECT_NE(breaks.Blocking("vervolgzorg_pct", "NL01", {{"outcome", "zvw_ggz"}, {"horizon", "1m"}},
                            y2016, y2017),
            nullptr);
  EXPECT_EQ(breaks.Blocking("vervolgzorg_pct", "NL01", {{"outcome", "wmo"}, {"horizon", "1m"}},
                            y2016, y2017),
            nullptr);
}

}  // namespace
}  // namespace zvdj
