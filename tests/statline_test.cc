#include "zvdj/statline.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/core/json.h"
#include "zvdj/limits.hpp"

namespace zvdj {
namespace {

using ::testing::HasSubstr;

std::string Data(const std::string& name) {
  return std::string(ZVDJ_SOURCE_DIR) + "/tests/data/statline/" + name;
}

std::string Msg(const absl::Status& s) { return std::string(s.message()); }

StatLineMapping TestMapping() {
  absl::StatusOr<StatLineMapping> m = StatLineMapping::Load(Data("mapping.csv"));
  EXPECT_TRUE(m.ok()) << Msg(m.status());
  return *m;
}

// The status and value of one observation, or a failure.
struct Cell {
  ValueStatus status;
  double value;
};
Cell At(const Dataset& ds, const std::string& indicator, const std::string& region,
        const std::string& period, const Dimensions& dims = {}) {
  std::optional<size_t> row = ds.Find(indicator, region, Period::Parse(period).value(), dims);
  EXPECT_TRUE(row.has_value()) << indicator << " " << region << " " << period;
  if (!row) return {ValueStatus::kImpossible, -1};
  return {ds.status(*row), ds.value(*row)};
}

// ---- JSON ----------------------------------------------------------------------

TEST(JsonTest, ParsesValuesWithPositions) {
  auto v = internal::ParseJson("{\"a\": [1, -2.5e1, true, null],\n \"b\": \"x\\u00e9\\n\"}", "t");
  ASSERT_TRUE(v.ok()) << Msg(v.status());
  const internal::JsonValue* a = v->Find("a");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->items().size(), 4u);
  EXPECT_DOUBLE_EQ(a->items()[1].number(), -25);
  EXPECT_TRUE(a->items()[3].is_null());
  EXPECT_EQ(v->Find("b")->text(), "x\xC3\xA9\n");
  EXPECT_EQ(v->Find("b")->line(), 2u);
  EXPECT_EQ(v->Find("b")->column(), 7u);
}

TEST(JsonTest, ErrorsNameLineAndColumn) {
  EXPECT_EQ(Msg(internal::ParseJson("{\"a\": 1\n \"b\": 2}", "f.json").status()),
            "f.json:2:2: expected ',' or '}' in object");
  EXPECT_EQ(Msg(internal::ParseJson("[1, 2,]", "f.json").status()),
            "f.json:1:7: trailing comma in array");
  EXPECT_EQ(Msg(internal::ParseJson("{\"a\": 01}", "f.json").status()),
            "f.json:1:8: leading zero in number");
  EXPECT_EQ(Msg(internal::ParseJson("{\"a\": \"x", "f.json").status()),
            "f.json:1:9: unterminated string");
  EXPECT_EQ(Msg(internal::ParseJson("{} x", "f.json").status()),
            "f.json:1:4: unexpected text after the JSON document");
  EXPECT_EQ(Msg(internal::ParseJson("[tru]", "f.json").status()), "f.json:1:2: invalid literal");
}

// ---- Cells ---------------------------------------------------------------------

TEST(StatLinePeriodTest, CodesWithStatusMarkers) {
  auto p = ParseStatLinePeriod("2019JJ00*");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->period, Period::Year(2019));
  EXPECT_EQ(p->status, ValueStatus::kProvisional);
  EXPECT_EQ(ParseStatLinePeriod("2019JJ00", "2019**")->status, ValueStatus::kRevisedProvisional);
  EXPECT_EQ(ParseStatLinePeriod("2019JJ00", "2019", "Voorlopig")->status,
            ValueStatus::kProvisional);
  EXPECT_EQ(ParseStatLinePeriod("2019JJ00", "2019", "Definitief")->status,
            ValueStatus::kDefinitive);
  EXPECT_EQ(ParseStatLinePeriod("2019HJ01  ")->period, Period::HalfYear(2019, 1));
  EXPECT_EQ(ParseStatLinePeriod("2019KW03")->period, Period::Quarter(2019, 3));
  EXPECT_EQ(ParseStatLinePeriod("2019MM05")->period, Period::Month(2019, 5));
  EXPECT_EQ(Msg(ParseStatLinePeriod("2019XX01").status()), "unknown period code '2019XX01'");
}

TEST(StatLinePeriodTest, Labels) {
  EXPECT_EQ(ParseStatLinePeriodLabel("2019*")->period, Period::Year(2019));
  EXPECT_EQ(ParseStatLinePeriodLabel("2019*")->status, ValueStatus::kProvisional);
  auto h = ParseStatLinePeriodLabel("1e halfjaar 2022**");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->period, Period::HalfYear(2022, 1));
  EXPECT_EQ(h->status, ValueStatus::kRevisedProvisional);
  EXPECT_EQ(ParseStatLinePeriodLabel("2021 2e halfjaar")->period, Period::HalfYear(2021, 2));
  EXPECT_EQ(ParseStatLinePeriodLabel("2019 3e kwartaal")->period, Period::Quarter(2019, 3));
  EXPECT_EQ(ParseStatLinePeriodLabel("2019 mei")->period, Period::Month(2019, 5));
  auto d = ParseStatLinePeriodLabel("31 december 2023*");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->period.ToString(), "2023-12-31");
  EXPECT_EQ(d->status, ValueStatus::kProvisional);
  EXPECT_EQ(ParseStatLinePeriodLabel("2018/'19")->period, Period::SchoolYear(2018));
  EXPECT_FALSE(ParseStatLinePeriodLabel("5e halfjaar 2019").ok());
}

TEST(StatLineSymbolTest, EverySymbol) {
  EXPECT_EQ(StatLineSymbolStatus("       ."), ValueStatus::kUnknown);
  EXPECT_EQ(StatLineSymbolStatus("x"), ValueStatus::kSecret);
  EXPECT_EQ(StatLineSymbolStatus(" - "), ValueStatus::kNil);
  EXPECT_EQ(StatLineSymbolStatus(""), ValueStatus::kImpossible);
  EXPECT_EQ(StatLineSymbolStatus("   "), ValueStatus::kImpossible);
  EXPECT_EQ(StatLineSymbolStatus("12.3"), std::nullopt);
}

TEST(StatLineRegionTest, TypesFromPrefixes) {
  EXPECT_EQ(RegionTypeOf("GM0363    "), RegionType::kGemeente);
  EXPECT_EQ(RegionTypeOf("JZ13"), RegionType::kJeugdregio);
  EXPECT_EQ(RegionTypeOf("PV27"), RegionType::kProvincie);
  EXPECT_EQ(RegionTypeOf("NL01"), RegionType::kNederland);
  EXPECT_EQ(RegionTypeOf("NL32"), RegionType::kNuts);
  EXPECT_EQ(RegionTypeOf("CR17"), RegionType::kCorop);
  EXPECT_EQ(RegionTypeName(RegionTypeOf("WK036300")), "wijk");
}

// ---- Mapping ---------------------------------------------------------------------

TEST(StatLineMappingTest, RejectsBadRows) {
  EXPECT_EQ(Msg(StatLineMapping::Parse("table,topic,indicator,colour\n", "m.csv").status()),
            "m.csv:1:4: unknown column 'colour' (table, topic, dimension, code, indicator, "
            "dim_name, dim_value)");
  auto bad = StatLineMapping::Parse("topic,indicator,dimension,code\n,,Leeftijd,\n", "m.csv");
  EXPECT_THAT(Msg(bad.status()), HasSubstr("m.csv:2"));
  EXPECT_THAT(Msg(bad.status()), HasSubstr("'dimension' and 'code' go together"));
  auto none = StatLineMapping::Parse("topic,indicator\nX,\n", "m.csv");
  EXPECT_THAT(Msg(none.status()), HasSubstr("neither a topic row"));
}

// ---- OData v3 --------------------------------------------------------------------

TEST(StatLineODataV3Test, TypedPagesJoinedThroughNextLink) {
  // Only the first page is given; its odata.nextLink names the second, local file.
  auto r = ReadStatLine(StatLineFormat::kODataV3,
                        {Data("82972NED_DataProperties.json"), Data("82972NED_Perioden.json"),
                         Data("82972NED_RegioS.json"), Data("82972NED_TypedDataSet.json")},
                        TestMapping());
  ASSERT_TRUE(r.ok()) << Msg(r.status());
  const Dataset& ds = r->dataset;
  EXPECT_EQ(r->report.files.size(), 5u);  // four given + the followed page
  EXPECT_EQ(r->report.cells, 21u);
  EXPECT_EQ(r->report.observations, 14u);
  EXPECT_EQ(ds.size(), 14u);
  EXPECT_EQ(r->report.unmapped_topics.at("82972NED/Jeugdreclassering_3"), 7u);
  EXPECT_TRUE(r->report.warnings.empty());
  // Padded keys are trimmed and region codes keep their type prefix.
  Cell c = At(ds, "jeugdhulp_jongeren_pct", "GM0363", "2018JJ00");
  EXPECT_EQ(c.status, ValueStatus::kDefinitive);
  EXPECT_DOUBLE_EQ(c.value, 13.4);
  EXPECT_DOUBLE_EQ(At(ds, "jeugdhulp_met_verblijf_pct", "JZ13", "2018JJ00").value, 1.1);
  // Status from the period title "2019*" / Status "Voorlopig".
  EXPECT_EQ(At(ds, "jeugdhulp_jongeren_pct", "NL01", "2019JJ00").status,
            ValueStatus::kProvisional);
  // Half year with "Nader voorlopig".
  c = At(ds, "jeugdhulp_jongeren_pct", "GM0363", "2020HJ01");
  EXPECT_EQ(c.status, ValueStatus::kRevisedProvisional);
  EXPECT_DOUBLE_EQ(c.value, 10.2);
  // TypedDataSet null -> unknown.
  c = At(ds, "jeugdhulp_met_verblijf_pct", "GM0363", "2020HJ01");
  EXPECT_EQ(c.status, ValueStatus::kUnknown);
  EXPECT_TRUE(std::isnan(c.value));
  // Marker in the key itself: 2021JJ00*.
  EXPECT_EQ(At(ds, "jeugdhulp_jongeren_pct", "NL01", "2021JJ00").status,
            ValueStatus::kProvisional);
  EXPECT_EQ(ds.note(0), "CBS StatLine 82972NED");
}

TEST(StatLineODataV3Test, PagesGivenAsSeveralFilesAreReadOnce) {
  auto r = ReadStatLine(StatLineFormat::kODataV3,
                        {Data("82972NED_DataProperties.json"), Data("82972NED_TypedDataSet.json"),
                         Data("82972NED_TypedDataSet_2.json")},
                        TestMapping());
  ASSERT_TRUE(r.ok()) << Msg(r.status());
  EXPECT_EQ(r->report.files.size(), 3u);
  EXPECT_EQ(r->dataset.size(), 14u);
  // Without the Perioden set, 2019 is definitive: the status comes from the titles.
  EXPECT_EQ(At(r->dataset, "jeugdhulp_jongeren_pct", "NL01", "2019JJ00").status,
            ValueStatus::kDefinitive);
}

TEST(StatLineODataV3Test, UntypedSymbols) {
  auto r = ReadStatLine(StatLineFormat::kODataV3,
                        {Data("82972NED_DataProperties.json"), Data("82972NED_Perioden.json"),
                         Data("82972NED_UntypedDataSet.json")},
                        TestMapping());
  ASSERT_TRUE(r.ok()) << Msg(r.status());
  const Dataset& ds = r->dataset;
  EXPECT_DOUBLE_EQ(At(ds, "jeugdhulp_jongeren_pct", "GM0363", "2018JJ00").value, 13.4);
  EXPECT_EQ(At(ds, "jeugdhulp_met_verblijf_pct", "GM0363", "2018JJ00").status,
            ValueStatus::kUnknown);
  Cell nil = At(ds, "jeugdhulp_jongeren_pct", "JZ13", "2018JJ00");
  EXPECT_EQ(nil.status, ValueStatus::kNil);
  EXPECT_EQ(nil.value, 0);
  EXPECT_EQ(At(ds, "jeugdhulp_met_verblijf_pct", "JZ13", "2018JJ00").status,
            ValueStatus::kImpossible);
  EXPECT_EQ(At(ds, "jeugdhulp_met_verblijf_pct", "NL01", "2019JJ00").status,
            ValueStatus::kSecret);
  EXPECT_EQ(At(ds, "jeugdhulp_jongeren_pct", "NL01", "2019JJ00").status,
            ValueStatus::kProvisional);
}

StatLineDocument Props() {
  return {"82972NED_DataProperties.json",
          "{\"value\": [{\"Type\": \"TimeDimension\", \"Key\": \"Perioden\"},\n"
          " {\"Type\": \"GeoDimension\", \"Key\": \"RegioS\"},\n"
          " {\"Type\": \"Topic\", \"Key\": \"JongerenMetJeugdhulpInNatura_1\"}]}"};
}

TEST(StatLineODataV3Test, MalformedInputsNameFileLineColumn) {
  const StatLineMapping m = TestMapping();
  auto bad_json = ParseStatLine(
      StatLineFormat::kODataV3,
      {Props(), {"82972NED_TypedDataSet.json", "{\"value\": [\n  {\"Perioden\": \"2019JJ00\" \"RegioS\": \"NL01\"}]}"}},
      m);
  EXPECT_EQ(Msg(bad_json.status()),
            "82972NED_TypedDataSet.json:2:27: expected ',' or '}' in object");
  auto missing_dim = ParseStatLine(
      StatLineFormat::kODataV3,
      {Props(),
       {"82972NED_TypedDataSet.json",
        "{\"value\": [\n  {\"Perioden\": \"2019JJ00\", \"JongerenMetJeugdhulpInNatura_1\": 1}]}"}},
      m);
  EXPECT_EQ(Msg(missing_dim.status()),
            "82972NED_TypedDataSet.json:2:3: missing key 'RegioS' (a dimension)");
  auto bad_period = ParseStatLine(
      StatLineFormat::kODataV3,
      {Props(),
       {"82972NED_TypedDataSet.json",
        "{\"value\": [\n  {\"Perioden\": \"2019XX01\", \"RegioS\": \"NL01  \",\n"
        "   \"JongerenMetJeugdhulpInNatura_1\": 1}]}"}},
      m);
  EXPECT_EQ(Msg(bad_period.status()),
            "82972NED_TypedDataSet.json:2:16: unknown period code '2019XX01'");
  auto no_value = ParseStatLine(StatLineFormat::kODataV3,
                                {Props(), {"82972NED_TypedDataSet.json", "{\"rows\": []}"}}, m);
  EXPECT_EQ(Msg(no_value.status()),
            "82972NED_TypedDataSet.json:1:1: missing key 'value' (an array of rows)");
  auto no_props = ParseStatLine(
      StatLineFormat::kODataV3, {{"82972NED_TypedDataSet.json", "{\"value\": []}"}}, m);
  EXPECT_THAT(Msg(no_props.status()), HasSubstr("missing DataProperties for table 82972NED"));
  auto bad_number = ParseStatLine(
      StatLineFormat::kODataV3,
      {Props(),
       {"82972NED_UntypedDataSet.json",
        "{\"value\": [{\"Perioden\": \"2019JJ00\", \"RegioS\": \"NL01\", "
        "\"JongerenMetJeugdhulpInNatura_1\": \"12,x\"}]}"}},
      m);
  EXPECT_THAT(Msg(bad_number.status()), HasSubstr("82972NED_UntypedDataSet.json:1:89: cannot read '12,x'"));
  auto missing_page = ParseStatLine(
      StatLineFormat::kODataV3,
      {Props(),
       {"82972NED_TypedDataSet.json",
        "{\"value\": [],\n \"odata.nextLink\": \"page2.json\"}"}},
      m);
  EXPECT_EQ(missing_page.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(Msg(missing_page.status()),
              HasSubstr("82972NED_TypedDataSet.json:2:20: odata.nextLink names 'page2.json'"));
}

TEST(StatLineODataV3Test, DuplicateMappingIsAnError) {
  // Two topics onto one indicator: the second cell collides.
  auto m = StatLineMapping::Parse(
      "topic,indicator\nJongerenMetJeugdhulpInNatura_1,x_pct\nJongerenMetJeugdhulpMetVerblijf_2,x_pct\n",
      "m.csv");
  ASSERT_TRUE(m.ok());
  auto r = ReadStatLine(StatLineFormat::kODataV3,
                        {Data("82972NED_DataProperties.json"), Data("82972NED_TypedDataSet.json")},
                        *m);
  EXPECT_THAT(Msg(r.status()), HasSubstr("82972NED_TypedDataSet.json:4:"));
  EXPECT_THAT(Msg(r.status()), HasSubstr("the mapping sends a second cell to x_pct 2018JJ00 GM0363"));
}

// ---- OData v4 --------------------------------------------------------------------

TEST(StatLineODataV4Test, ObservationsWithCodeLists) {
  auto r = ReadStatLine(
      StatLineFormat::kODataV4,
      {Data("85098NED_Observations.json"), Data("85098NED_Observations_2.json"),
       Data("85098NED_Dimensions.json"), Data("85098NED_MeasureCodes.json"),
       Data("85098NED_PeriodenCodes.json")},
      TestMapping());
  ASSERT_TRUE(r.ok()) << Msg(r.status());
  const Dataset& ds = r->dataset;
  EXPECT_EQ(r->report.cells, 12u);
  EXPECT_EQ(r->report.observations, 10u);
  EXPECT_EQ(r->report.unmapped_topics.at("85098NED/M001536"), 1u);
  EXPECT_EQ(r->report.unmapped_categories.at("85098NED/Leeftijd=L2327"), 1u);
  // The first page's nextLink is remote, but the last page was given: no warning.
  EXPECT_TRUE(r->report.warnings.empty());
  EXPECT_DOUBLE_EQ(At(ds, "jeugdhulp_jongeren_pct", "GM0363", "2021JJ00").value, 12.5);
  EXPECT_DOUBLE_EQ(
      At(ds, "jeugdhulp_jongeren_pct", "GM0363", "2021JJ00", {{"age_group", "18-23"}}).value, 3.2);
  EXPECT_EQ(At(ds, "jeugdhulp_met_verblijf_pct", "GM0363", "2021JJ00", {{"age_group", "18-23"}})
                .status,
            ValueStatus::kUnknown);
  Cell hj = At(ds, "jeugdhulp_jongeren_pct", "NL01", "2021HJ02");
  EXPECT_EQ(hj.status, ValueStatus::kProvisional);
  EXPECT_DOUBLE_EQ(hj.value, 11.9);
  EXPECT_EQ(At(ds, "jeugdhulp_met_verblijf_pct", "NL01", "2021HJ02").status,
            ValueStatus::kImpossible);
  EXPECT_EQ(At(ds, "jeugdhulp_jongeren_pct", "JZ13", "2022JJ00").status, ValueStatus::kSecret);
  EXPECT_EQ(At(ds, "jeugdhulp_met_verblijf_pct", "JZ13", "2022JJ00").status, ValueStatus::kNil);
  EXPECT_EQ(At(ds, "jeugdhulp_met_verblijf_pct", "JZ13", "2022JJ00", {{"age_group", "18-23"}})
                .status,
            ValueStatus::kUnknown);
  EXPECT_EQ(At(ds, "jeugdhulp_jongeren_pct", "JZ13", "2022JJ00", {{"age_group", "18-23"}}).status,
            ValueStatus::kSecret);
}

TEST(StatLineODataV4Test, MissingLastPageWarns) {
  auto r = ReadStatLine(StatLineFormat::kODataV4,
                        {Data("85098NED_Observations.json"), Data("85098NED_Dimensions.json")},
                        TestMapping());
  ASSERT_TRUE(r.ok()) << Msg(r.status());
  ASSERT_EQ(r->report.warnings.size(), 1u);
  EXPECT_THAT(r->report.warnings[0], HasSubstr("85098NED/Observations"));
  EXPECT_THAT(r->report.warnings[0], HasSubstr("last page is missing"));
}

TEST(StatLineODataV4Test, UnknownValueAttribute) {
  auto r = ParseStatLine(
      StatLineFormat::kODataV4,
      {{"85098NED_Observations.json",
        "{\"value\": [\n{\"Measure\": \"M001534\", \"ValueAttribute\": \"Odd\", \"Value\": null,"
        " \"Perioden\": \"2021JJ00\"}]}"}},
      TestMapping());
  EXPECT_EQ(Msg(r.status()),
            "85098NED_Observations.json:2:42: unknown ValueAttribute 'Odd'");
}

// ---- CSV -------------------------------------------------------------------------

TEST(StatLineCsvTest, TableDownload) {
  auto r = ReadStatLine(StatLineFormat::kCsv, {Data("85098NED_download.csv")}, TestMapping());
  ASSERT_TRUE(r.ok()) << Msg(r.status());
  const Dataset& ds = r->dataset;
  EXPECT_EQ(r->report.tables, std::vector<std::string>{"85098NED"});
  EXPECT_EQ(r->report.cells, 18u);
  EXPECT_EQ(r->report.observations, 10u);
  EXPECT_EQ(r->report.unmapped_topics.at("85098NED/Jongeren met jeugdreclassering (%)"), 6u);
  EXPECT_EQ(r->report.unmapped_categories.at("85098NED/Regio's=Onbekende gemeente"), 2u);
  EXPECT_DOUBLE_EQ(At(ds, "jeugdhulp_jongeren_pct", "GM0363", "2021JJ00").value, 12.5);
  EXPECT_EQ(At(ds, "jeugdhulp_met_verblijf_pct", "GM0363", "2021JJ00", {{"age_group", "18-23"}})
                .status,
            ValueStatus::kUnknown);
  Cell hj = At(ds, "jeugdhulp_jongeren_pct", "NL01", "2021HJ02");
  EXPECT_EQ(hj.status, ValueStatus::kProvisional);
  EXPECT_DOUBLE_EQ(hj.value, 11.9);
  EXPECT_EQ(At(ds, "jeugdhulp_met_verblijf_pct", "NL01", "2021HJ02").status,
            ValueStatus::kImpossible);
  EXPECT_EQ(At(ds, "jeugdhulp_jongeren_pct", "JZ13", "2022JJ00").status, ValueStatus::kSecret);
  EXPECT_EQ(At(ds, "jeugdhulp_met_verblijf_pct", "JZ13", "2022JJ00").status, ValueStatus::kNil);
  Cell big = At(ds, "jeugdhulp_jongeren_pct", "NL01", "2022JJ00");
  EXPECT_EQ(big.status, ValueStatus::kRevisedProvisional);
  EXPECT_DOUBLE_EQ(big.value, 1234.5);
}

TEST(StatLineCsvTest, MalformedInputsNameFileLineColumn) {
  const StatLineMapping m = TestMapping();
  auto bad_number = ParseStatLine(
      StatLineFormat::kCsv,
      {{"85098NED.csv",
        "\"Perioden\";\"Regio's\";\"Jongeren met jeugdhulp (%)\"\n\"2021\";\"NL01\";\"12.5\"\n"}},
      m);
  EXPECT_EQ(Msg(bad_number.status()),
            "85098NED.csv:2:15: cannot read '12.5' as a number or symbol (column 'Jongeren met "
            "jeugdhulp (%)')");
  auto bad_period = ParseStatLine(
      StatLineFormat::kCsv,
      {{"85098NED.csv",
        "\"Perioden\";\"Regio's\";\"Jongeren met jeugdhulp (%)\"\n\"2021 zomer\";\"NL01\";\"12,5\"\n"}},
      m);
  EXPECT_EQ(Msg(bad_period.status()), "85098NED.csv:2:1: unknown period label '2021 zomer'");
  auto ragged = ParseStatLine(
      StatLineFormat::kCsv,
      {{"85098NED.csv", "\"Perioden\";\"Regio's\";\"Jongeren met jeugdhulp (%)\"\n\"2021\";\"NL01\"\n"}},
      m);
  EXPECT_EQ(Msg(ragged.status()), "85098NED.csv:2:8: expected 3 fields, found 2");
  auto open_quote = ParseStatLine(
      StatLineFormat::kCsv, {{"85098NED.csv", "\"Perioden\";\"Regio's\n"}}, m);
  EXPECT_EQ(Msg(open_quote.status()), "85098NED.csv:1:12: quote left open");
  auto no_header = ParseStatLine(StatLineFormat::kCsv, {{"x.csv", "\"a\";\"b\"\n"}}, m);
  EXPECT_THAT(Msg(no_header.status()), HasSubstr("x.csv:1:1: no header row"));
  // A document name with control characters is escaped in every message.
  auto odd_name =
      ParseStatLine(StatLineFormat::kCsv, {{std::string("x\x0b\x00.csv", 7), "\"a\";\"b\"\n"}}, m);
  EXPECT_THAT(Msg(odd_name.status()), HasSubstr("x\\x0b\\x00.csv:1:1: no header row"));
}

// ---- Inputs found by fuzzing and the bad-input corpus ----

TEST(JsonTest, RejectsInvalidUtf8WithItsPosition) {
  auto doc = internal::ParseJson("{\"a\": [\n  \"ok\", \"caf\xe9\"]}", "x.json");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(Msg(doc.status()), "x.json:2:13: invalid UTF-8 (byte 0xE9)");
  EXPECT_TRUE(internal::ParseJson("[\"caf\xc3\xa9\"]", "x.json").ok());
}

TEST(JsonTest, RejectsDuplicateKeys) {
  auto doc = internal::ParseJson("{\"a\": 1,\n \"b\": 2, \"a\": 3}", "x.json");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(Msg(doc.status()), "x.json:2:10: duplicate key \"a\"");
  // Large objects use a set; the result is the same.
  std::string big = "{";
  for (int i = 0; i < 40; ++i) big += "\"k" + std::to_string(i) + "\": 0, ";
  auto dup = internal::ParseJson(big + "\"k3\": 1}", "big.json");
  ASSERT_FALSE(dup.ok());
  EXPECT_THAT(Msg(dup.status()), HasSubstr("duplicate key \"k3\""));
  EXPECT_TRUE(internal::ParseJson(big + "\"k40\": 1}", "big.json").ok());
}

TEST(JsonTest, RejectsOverlongStrings) {
  const std::string text = "[\n \"" + std::string(kMaxFieldBytes + 1, 'a') + "\"]";
  auto doc = internal::ParseJson(text, "x.json");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(Msg(doc.status()), "x.json:2:2: string longer than 1048576 bytes");
}

TEST(StatLineODataV3Test, DocumentWithoutTableIsAnError) {
  auto r = ParseStatLine(StatLineFormat::kODataV3, {{"TypedDataSet.json", "{\"value\": []}"}},
                         TestMapping());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Msg(r.status()),
            "TypedDataSet.json:1:1: cannot tell which table this is (no 'odata.metadata' and no "
            "name like TABLE_SET.json)");
}

TEST(StatLineCsvTest, RejectsNulInvalidUtf8AndOverlongFields) {
  const StatLineMapping m = TestMapping();
  const std::string head = "\"Perioden\";\"Regio's\";\"Jongeren met jeugdhulp (%)\"\n";
  auto nul = ParseStatLine(StatLineFormat::kCsv,
                           {{"85098NED.csv", head + "\"2021\";\"NL01\";\"1" + std::string(1, '\0') +
                                                 "2\"\n"}},
                           m);
  ASSERT_FALSE(nul.ok());
  EXPECT_EQ(Msg(nul.status()),
            "85098NED.csv:2:15: NUL byte at byte 2 of the field (is the file UTF-16?)");
  auto latin1 = ParseStatLine(StatLineFormat::kCsv,
                              {{"85098NED.csv", head + "\"2021\";\"Amsterd\xe0m\";\"1\"\n"}}, m);
  ASSERT_FALSE(latin1.ok());
  EXPECT_EQ(Msg(latin1.status()),
            "85098NED.csv:2:8: invalid UTF-8 (byte 0xE0 at byte 8 of the field)");
  auto longf = ParseStatLine(
      StatLineFormat::kCsv,
      {{"85098NED.csv", head + "\"2021\";\"" + std::string(kMaxFieldBytes + 1, 'a') + "\";\"1\"\n"}},
      m);
  ASSERT_FALSE(longf.ok());
  EXPECT_EQ(Msg(longf.status()), "85098NED.csv:2:8: field longer than 1048576 bytes");
}

TEST(StatLineMappingTest, RowErrorsNameTheColumn) {
  auto bad = StatLineMapping::Parse("topic,indicator,dimension,code\n,,Leeftijd,\n", "m.csv");
  EXPECT_EQ(Msg(bad.status()), "m.csv:2:4: 'dimension' and 'code' go together (column 'code')");
  auto region = StatLineMapping::Parse("topic,indicator,dim_name,dim_value\nT,x,region,GM0363\n",
                                       "m.csv");
  EXPECT_EQ(Msg(region.status()),
            "m.csv:2:3: dim_name 'region' or 'period' belongs in a category row (column "
            "'dim_name')");
}

TEST(StatLineODataV4Test, WrongTypesAndEmptyPages) {
  const StatLineMapping m = TestMapping();
  const std::string ctx =
      "\"@odata.context\": \"https://datasets.cbs.nl/odata/v1/CBS/85098NED/$metadata#Observations\"";
  auto not_array = ParseStatLine(StatLineFormat::kODataV4,
                                 {{"o.json", "{" + ctx + ",\n \"value\": {}}"}}, m);
  EXPECT_EQ(Msg(not_array.status()), "o.json:2:11: 'value' must be an array of rows, not object");
  auto measure = ParseStatLine(
      StatLineFormat::kODataV4,
      {{"o.json", "{" + ctx + ", \"value\": [\n{\"Measure\": 7, \"Perioden\": \"2021JJ00\"}]}"}}, m);
  EXPECT_EQ(Msg(measure.status()), "o.json:2:13: 'Measure' must be a string, not number");
  auto dim = ParseStatLine(
      StatLineFormat::kODataV4,
      {{"o.json", "{" + ctx + ", \"value\": [\n{\"Measure\": \"M001534\", \"Perioden\": 2021}]}"}},
      m);
  EXPECT_EQ(Msg(dim.status()), "o.json:2:36: dimension 'Perioden' must be a string");
  // A page without rows is empty, not a table without a time dimension.
  auto empty = ParseStatLine(StatLineFormat::kODataV4, {{"o.json", "{" + ctx + ", \"value\": []}"}},
                             m);
  ASSERT_TRUE(empty.ok()) << Msg(empty.status());
  EXPECT_EQ(empty->dataset.size(), 0u);
}

TEST(StatLineODataV4Test, FirstRowWithoutDimensionsIsAnErrorNotACrash) {
  // Found by fuzzing: the dimensions came from the first row that had any, so
  // cells of earlier rows had no keys and were indexed past their end.
  const std::string ctx =
      "\"@odata.context\": \"https://datasets.cbs.nl/odata/v1/CBS/85098NED/$metadata#Observations\"";
  auto r = ParseStatLine(
      StatLineFormat::kODataV4,
      {{"o.json", "{" + ctx + ", \"value\": [\n{\"Measure\": \"M001534\"},\n"
                              "{\"Measure\": \"M001534\", \"Perioden\": \"2021JJ00\", "
                              "\"RegioS\": \"NL01\", \"Leeftijd\": \"T001\", \"Value\": 1}]}"}},
      TestMapping());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Msg(r.status()),
            "o.json:1:101: table 85098NED has no time dimension (give its Dimensions document)");
}

}  // namespace
}  // namespace zvdj
