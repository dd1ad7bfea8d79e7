#include "zvdj/factsheet.hpp"

#include <cmath>
#include <cstdlib>
#include <map>
#include <regex>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/number_format.hpp"
#include "zvdj/publish/factsheet_chart.h"
#include "zvdj/regions.hpp"
#include "zvdj/statline.hpp"

namespace zvdj {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

std::string Src(const std::string& rel) { return std::string(ZVDJ_SOURCE_DIR) + "/" + rel; }

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// ---- A strict XML well-formedness check (enough for SVG) -------------------------

// Returns "" when `xml` is well-formed, else the reason with the byte offset.
std::string XmlError(const std::string& xml) {
  std::vector<std::string> stack;
  size_t i = 0;
  bool root_seen = false;
  auto err = [&](const std::string& why) { return why + " at byte " + std::to_string(i); };
  auto name_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' ||
           c == '.';
  };
  auto check_entities = [&](const std::string& text) -> std::string {
    for (size_t k = 0; k < text.size(); ++k) {
      if (text[k] == '<') return "raw '<' in text";
      if (text[k] != '&') continue;
      const size_t semi = text.find(';', k);
      if (semi == std::string::npos) return "unterminated entity";
      const std::string ent = text.substr(k + 1, semi - k - 1);
      const bool named = ent == "amp" || ent == "lt" || ent == "gt" || ent == "quot" || ent == "apos";
      const bool numeric = ent.size() > 1 && ent[0] == '#' &&
                           ent.find_first_not_of("0123456789", 1) == std::string::npos;
      if (!named && !numeric) return "unknown entity &" + ent + ";";
    }
    return "";
  };
  while (i < xml.size()) {
    if (xml[i] != '<') {
      const size_t next = xml.find('<', i);
      const std::string text = xml.substr(i, next == std::string::npos ? std::string::npos : next - i);
      if (stack.empty() && text.find_first_not_of(" \t\r\n") != std::string::npos) {
        return err("text outside the root element");
      }
      if (std::string e = check_entities(text); !e.empty()) return err(e);
      if (next == std::string::npos) break;
      i = next;
      continue;
    }
    if (xml.compare(i, 5, "<?xml") == 0) {
      const size_t end = xml.find("?>", i);
      if (end == std::string::npos) return err("unterminated declaration");
      i = end + 2;
      continue;
    }
    if (xml.compare(i, 4, "<!--") == 0) {
      const size_t end = xml.find("-->", i);
      if (end == std::string::npos) return err("unterminated comment");
      i = end + 3;
      continue;
    }
    if (xml.compare(i, 2, "</") == 0) {
      size_t j = i + 2;
      while (j < xml.size() && name_char(xml[j])) ++j;
      const std::string name = xml.substr(i + 2, j - i - 2);
      while (j < xml.size() && std::isspace(static_cast<unsigned char>(xml[j]))) ++j;
      if (j >= xml.size() || xml[j] != '>') return err("malformed end tag");
      if (stack.empty() || stack.back() != name) return err("mismatched </" + name + ">");
      stack.pop_back();
      i = j + 1;
      continue;
    }
    size_t j = i + 1;
    while (j < xml.size() && name_char(xml[j])) ++j;
    const std::string name = xml.substr(i + 1, j - i - 1);
    if (name.empty()) return err("empty tag name");
    if (stack.empty()) {
      if (root_seen) return err("second root element");
      root_seen = true;
    }
    std::vector<std::string> attrs;
    while (true) {
      while (j < xml.size() && std::isspace(static_cast<unsigned char>(xml[j]))) ++j;
      if (j >= xml.size()) return err("unterminated tag");
      if (xml[j] == '>') {
        stack.push_back(name);
        i = j + 1;
        break;
      }
      if (xml.compare(j, 2, "/>") == 0) {
        i = j + 2;
        break;
      }
      size_t k = j;
      while (k < xml.size() && name_char(xml[k])) ++k;
      const std::string attr = xml.substr(j, k - j);
      if (attr.empty()) return err("bad attribute in <" + name + ">");
      for (const std::string& a : attrs) {
        if (a == attr) return err("duplicate attribute " + attr);
      }
      attrs.push_back(attr);
      if (k >= xml.size() || xml[k] != '=') return err("attribute without value");
      ++k;
      if (k >= xml.size() || (xml[k] != '"' && xml[k] != '\'')) return err("unquoted attribute");
      const char q = xml[k];
      const size_t end = xml.find(q, k + 1);
      if (end == std::string::npos) return err("unterminated attribute");
      if (std::string e = check_entities(xml.substr(k + 1, end - k - 1)); !e.empty()) {
        return err(e);
      }
      j = end + 1;
    }
  }
  if (!stack.empty()) return "unclosed <" + stack.back() + ">";
  if (!root_seen) return "no root element";
  return "";
}

// The text of every <text class="value-label" ...>...</text>, unescaped.
std::vector<std::string> ValueLabels(const std::string& svg) {
  std::vector<std::string> out;
  const std::string open = "<text class=\"value-label\"";
  for (size_t p = svg.find(open); p != std::string::npos; p = svg.find(open, p + 1)) {
    const size_t gt = svg.find('>', p);
    const size_t end = svg.find("</text>", gt);
    std::string t = svg.substr(gt + 1, end - gt - 1);
    for (auto [from, to] : {std::pair<std::string, std::string>{"&amp;", "&"}, {"&lt;", "<"},
                            {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}}) {
      for (size_t k = t.find(from); k != std::string::npos; k = t.find(from, k + 1)) {
        t.replace(k, from.size(), to);
      }
    }
    out.push_back(t);
  }
  return out;
}

TEST(XmlCheckTest, CatchesMalformedDocuments) {
  EXPECT_EQ(XmlError("<svg><g a=\"1\"/><text>a &amp; b</text></svg>"), "");
  EXPECT_THAT(XmlError("<svg><g></svg>"), HasSubstr("mismatched"));
  EXPECT_THAT(XmlError("<svg a=1/>"), HasSubstr("unquoted"));
  EXPECT_THAT(XmlError("<svg><text>a & b</text></svg>"), HasSubstr("entity"));
  EXPECT_THAT(XmlError("<svg/><svg/>"), HasSubstr("second root"));
}

// ---- Formatting ------------------------------------------------------------------

TEST(FactsheetFormatTest, DutchLabels) {
  EXPECT_EQ(FormatValueNl(4790, Unit::kCount, 0), "4.790");
  EXPECT_EQ(FormatValueNl(10.1, Unit::kPercentage, 1), "10,1%");
  EXPECT_EQ(FormatChangeNl(-0.3, Unit::kPercentage, 1), "\u22120,3 procentpunt");
  EXPECT_EQ(FormatChangeNl(6.03, Unit::kCount, 1), "+6,0%");
  EXPECT_EQ(PeriodLabelNl(Period::Year(2019)), "2019");
  EXPECT_EQ(PeriodLabelNl(Period::SchoolYear(2018)), "2018/'19");
  EXPECT_EQ(PeriodLabelNl(Period::HalfYear(2019, 1)), "1e halfjaar 2019");
  EXPECT_EQ(PeriodLabelNl(Period::Quarter(2019, 3)), "3e kwartaal 2019");
  EXPECT_EQ(PeriodLabelNl(Period::Month(2019, 5)), "mei 2019");
  EXPECT_EQ(PeriodLabelNl(Period::Parse("2019-12-31").value()), "31 dec 2019");
  EXPECT_EQ(EscapeXml("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
}

// ---- Configuration ---------------------------------------------------------------

TEST(FactsheetConfigTest, ParsesAndRejects) {
  auto c = FactsheetConfig::Parse(
      "# comment\nsection,indicator,dims,chart,title\nA,x,age_group=0-4|4-12,bar,\"T, t\"\n", "c.csv");
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_EQ(c->items.size(), 1u);
  EXPECT_EQ(c->items[0].chart, ChartKind::kBar);
  EXPECT_EQ(c->items[0].title, "T, t");
  EXPECT_EQ(std::string(FactsheetConfig::Parse("section,indicator,chart\nA,x,pie\n", "c.csv")
                            .status()
                            .message()),
            "c.csv:2:3: unknown chart 'pie' (table, line, bar) (column 'chart')");
  EXPECT_THAT(std::string(FactsheetConfig::Parse("indicator,dims\nx,age_group\n", "c.csv")
                              .status()
                              .message()),
              HasSubstr("c.csv:2:2: expected name=value"));
  EXPECT_THAT(std::string(FactsheetConfig::Parse("indicator,colour\n", "c.csv").status().message()),
              HasSubstr("c.csv:1:2: unknown column 'colour'"));
}

TEST(FactsheetConfigTest, BuiltInDefaultIsTheShippedFile) {
  EXPECT_EQ(std::string(FactsheetConfig::DefaultText()), ReadAll(Src("data/factsheet.default.csv")));
  EXPECT_EQ(FactsheetConfig::Default().items.size(), 17u);
}

// ---- Rendering a small fixture ---------------------------------------------------

Dataset Fixture() {
  Dataset ds;
  auto add = [&](const std::string& ind, const std::string& per, const std::string& region,
                 Dimensions dims, std::optional<double> v, ValueStatus st = ValueStatus::kDefinitive) {
    absl::Status s = ds.Add({.indicator = ind, .period = Period::Parse(per).value(),
                             .region = region, .dims = std::move(dims), .value = v, .status = st,
                             .note = "Test <bron> & co"});
    ASSERT_TRUE(s.ok()) << s.message();
  };
  add("jeugdhulp_met_verblijf_pct", "2017JJ00", "GM0363", {{"age_group", ""}}, 12.0);
  add("jeugdhulp_met_verblijf_pct", "2018JJ00", "GM0363", {}, 11.5);
  add("jeugdhulp_met_verblijf_pct", "2019JJ00", "GM0363", {}, 11.2, ValueStatus::kProvisional);
  add("jeugdhulp_met_verblijf_pct", "2017JJ00", "JZ13", {}, 10.8);
  add("jeugdhulp_met_verblijf_pct", "2018JJ00", "JZ13", {}, 10.9);
  add("jeugdhulp_met_verblijf_pct", "2019JJ00", "JZ13", {}, std::nullopt, ValueStatus::kUnknown);
  add("jeugdhulp_met_verblijf_pct", "2017JJ00", "NL01", {}, 11.6);
  add("jeugdhulp_met_verblijf_pct", "2018JJ00", "NL01", {}, 10.4);
  add("jeugdhulp_met_verblijf_pct", "2019JJ00", "NL01", {}, 10.1, ValueStatus::kRevisedProvisional);
  for (const char* region : {"GM0363", "NL01"}) {
    const double f = std::string(region) == "NL01" ? 10 : 1;
    add("jeugdhulp_met_verblijf", "2018JJ00", region, {{"age_group", "0-4"}}, 380 * f);
    add("jeugdhulp_met_verblijf", "2019JJ00", region, {{"age_group", "0-4"}}, 336 * f);
    add("jeugdhulp_met_verblijf", "2018JJ00", region, {{"age_group", "18-23"}}, 218.5 * f);
    add("jeugdhulp_met_verblijf", "2019JJ00", region, {{"age_group", "18-23"}}, 295.5 * f);
  }
  add("thuiszitters", "2017/'18", "GM0363", {}, 4479);
  add("thuiszitters", "2018/'19", "GM0363", {}, 4790);
  add("jeugdbescherming_instroom", "2018JJ00", "GM0363", {}, 1078);
  add("jeugdbescherming_instroom", "2019JJ00", "GM0363", {}, 1143);
  return ds;
}

FactsheetConfig FixtureConfig() {
  return FactsheetConfig::Parse(
             "section,indicator,dims,chart,title\n"
             "Kern,thuiszitters,,table,Thuiszitters\n"
             "Kern,jeugdhulp_met_verblijf_pct,,table,JmV %\n"
             "A&B <2>,jeugdhulp_met_verblijf_pct,,line,\"JmV <% & \"\"aandeel\"\">\"\n"
             "A&B <2>,jeugdhulp_met_verblijf,age_group=0-4|18-23,bar,Leeftijd\n"
             "A&B <2>,jeugdbescherming_instroom,,bar,Instroom\n",
             "fixture.csv")
      .value();
}

TEST(FactsheetRenderTest, ValueLabelsMatchTheDataset) {
  const Dataset ds = Fixture();
  FactsheetOptions o;
  o.region = "GM0363";
  auto sheet = RenderFactsheet(ds, FixtureConfig(), o);
  ASSERT_TRUE(sheet.ok()) << sheet.status().message();
  ASSERT_EQ(sheet->charts.size(), 3u);
  for (const FactsheetChart& c : sheet->charts) {
    EXPECT_EQ(XmlError(c.svg), "") << c.file_name;
  }
  EXPECT_EQ(sheet->charts[0].file_name, "jeugdhulp_met_verblijf_pct.svg");
  EXPECT_EQ(sheet->charts[1].file_name, "jeugdhulp_met_verblijf_age_group-0-4_18-23.svg");
  // Line: every label is the dataset value in Dutch notation, provisional with '*'.
  std::vector<std::string> expected;
  for (size_t r : ds.Select({.indicator = "jeugdhulp_met_verblijf_pct", .region = "GM0363"})) {
    std::string l = FormatDutchPercent(ds.value(r), 1);
    if (ds.status(r) == ValueStatus::kProvisional) l += "*";
    expected.push_back(l);
  }
  EXPECT_EQ(ValueLabels(sheet->charts[0].svg), expected);
  EXPECT_THAT(ValueLabels(sheet->charts[0].svg), ElementsAre("12,0%", "11,5%", "11,2%*"));
  // Provisional: hollow marker.
  EXPECT_THAT(sheet->charts[0].svg, HasSubstr("fill=\"#ffffff\" stroke=\"#1f4e79\" stroke-width=\"2\" class=\"provisional\""));
  // Bars grouped by age group, one bar per year; decimals follow the series.
  EXPECT_THAT(ValueLabels(sheet->charts[1].svg), ElementsAre("380,0", "336,0", "218,5", "295,5"));
  EXPECT_THAT(ValueLabels(sheet->charts[2].svg), ElementsAre("1.078", "1.143"));
  // Escaping: titles and notes with markup characters.
  EXPECT_THAT(sheet->charts[0].svg, HasSubstr("JmV &lt;% &amp; &quot;aandeel&quot;&gt;"));
  EXPECT_THAT(sheet->html, HasSubstr("<h2>A&amp;B &lt;2&gt;</h2>"));
  EXPECT_THAT(sheet->html, HasSubstr("Test &lt;bron&gt; &amp; co"));
  EXPECT_THAT(sheet->html, Not(HasSubstr("<script")));
  EXPECT_THAT(sheet->html, Not(HasSubstr(" href=")));  // nothing loaded from elsewhere
  EXPECT_THAT(sheet->html, Not(HasSubstr(" src=")));
  // Latest change through the trend engine: pp for percentages, % for counts.
  EXPECT_THAT(sheet->html, HasSubstr("\u22120,3 procentpunt"));  // 11,5 -> 11,2
  EXPECT_THAT(sheet->html, HasSubstr("+6,9%"));                   // 4479 -> 4790
  EXPECT_THAT(sheet->html, HasSubstr("+6,0%"));                   // 1078 -> 1143
  EXPECT_THAT(sheet->html, HasSubstr("voorlopig t.o.v. definitief"));
  // School year shown as such, under the year it ends in.
  EXPECT_THAT(sheet->html, HasSubstr("<span class=\"v\">4.790</span><span class=\"per\">2018/&#39;19</span>"));
}

TEST(FactsheetRenderTest, RegionComparison) {
  const Dataset ds = Fixture();
  FactsheetOptions o;
  o.region = "GM0363";
  o.compare = {"JZ13", "NL01"};
  auto sheet = RenderFactsheet(ds, FixtureConfig(), o);
  ASSERT_TRUE(sheet.ok());
  const std::string& line = sheet->charts[0].svg;
  EXPECT_EQ(XmlError(line), "");
  // Three lines with a legend; JZ13 2019 is '.', NL01 2019 is '**'.
  EXPECT_THAT(line, HasSubstr("data-series=\"Amsterdam\""));  // GM0363 by its name
  EXPECT_THAT(line, HasSubstr("data-series=\"JZ13\""));         // no name: the code
  EXPECT_THAT(line, HasSubstr("data-series=\"Nederland\""));
  EXPECT_THAT(ValueLabels(line), ElementsAre("12,0%", "11,5%", "11,2%*", "10,8%", "10,9%", ".",
                                             "11,6%", "10,4%", "10,1%**"));
  EXPECT_THAT(line, HasSubstr("class=\"legend\""));
  // Bars: per age group one bar per region and year, labelled "0-4 jaar · Amsterdam".
  EXPECT_THAT(sheet->charts[1].svg, HasSubstr("0-4 jaar · Nederland"));
  // The table has a row per region.
  EXPECT_THAT(sheet->html, HasSubstr("<span class=\"region\">JZ13</span>"));
  EXPECT_THAT(sheet->html, HasSubstr("Amsterdam vergeleken met JZ13 en Nederland"));
  EXPECT_THAT(sheet->html, Not(HasSubstr("GM0363")));
}

TEST(FactsheetRenderTest, RegionNamesFromARegionsFileEscaped) {
  const Dataset ds = Fixture();
  auto map = RegionMap::Parse(
      "municipality,region,from_year,to_year,municipality_name,region_name\n"
      "GM0363,JZ13,2015,,\"<b>Adam</b> & \"\"co\"\"\",Amsterdam-Amstelland (JZ)\n",
      "regions.csv");
  ASSERT_TRUE(map.ok()) << map.status();
  RegionNames names = RegionNames::BuiltIn();
  names.Merge(map->names());
  FactsheetOptions o;
  o.region = "GM0363";
  o.compare = {"JZ13", "NL01"};
  o.region_names = &names;
  auto sheet = RenderFactsheet(ds, FixtureConfig(), o);
  ASSERT_TRUE(sheet.ok());
  EXPECT_THAT(sheet->html, HasSubstr("&lt;b&gt;Adam&lt;/b&gt; &amp; &quot;co&quot; vergeleken met "
                                     "Amsterdam-Amstelland (JZ) en Nederland"));
  EXPECT_THAT(sheet->html, Not(HasSubstr("<b>Adam")));
  for (const FactsheetChart& c : sheet->charts) EXPECT_EQ(XmlError(c.svg), "") << c.file_name;
  EXPECT_THAT(sheet->charts[0].svg, HasSubstr("Amsterdam-Amstelland (JZ)"));
}

TEST(FactsheetRenderTest, BreaksAreDrawnAndBlockTheChange) {
  Dataset ds;
  for (int y = 2016; y <= 2019; ++y) {
    ASSERT_TRUE(ds.Add({.indicator = "jeugdhulp_met_verblijf", .period = Period::Year(y),
                        .dims = {{"form", "gezinsgericht"}}, .value = 5000.0 + y})
                    .ok());
  }
  BreakRegister breaks;
  ASSERT_TRUE(breaks.Add({.indicator = "jeugdhulp_met_verblijf", .dims = {{"form", "gezinsgericht"}},
                          .before = Period::Year(2018), .after = Period::Year(2019),
                          .reason = "herindeling <pleegzorg>"})
                  .ok());
  FactsheetOptions o;
  o.breaks = &breaks;
  auto config = FactsheetConfig::Parse(
      "indicator,dims,chart\njeugdhulp_met_verblijf,form=gezinsgericht,line\n"
      "jeugdhulp_met_verblijf,form=gezinsgericht,bar\n", "c.csv");
  auto sheet = RenderFactsheet(ds, *config, o);
  ASSERT_TRUE(sheet.ok());
  for (const FactsheetChart& c : sheet->charts) {
    EXPECT_EQ(XmlError(c.svg), "");
    EXPECT_THAT(c.svg, HasSubstr("stroke-dasharray=\"6 4\""));
    EXPECT_THAT(c.svg, HasSubstr("Trendbreuk: herindeling &lt;pleegzorg&gt;"));
  }
  EXPECT_EQ(sheet->charts[1].file_name, "jeugdhulp_met_verblijf_form-gezinsgericht_2.svg");
  // The line is not drawn across the break: two path pieces (M ... L ... L, then M).
  EXPECT_THAT(sheet->charts[0].svg, HasSubstr(" M"));
  EXPECT_THAT(sheet->html, HasSubstr("niet vergelijkbaar met de vorige periode (trendbreuk)"));
}

TEST(FactsheetRenderTest, ItemWithoutDataWarns) {
  auto config = FactsheetConfig::Parse("indicator,chart\nthuiszitters,line\n", "c.csv");
  auto sheet = RenderFactsheet(Dataset(), *config);
  ASSERT_TRUE(sheet.ok());
  EXPECT_THAT(sheet->warnings, ElementsAre("no data for thuiszitters"));
  EXPECT_EQ(XmlError(sheet->charts[0].svg), "");
}

// ---- The default factsheet from the shipped data ----------------------------------

TEST(FactsheetDefaultTest, KernindicatorenAndActielijnen) {
  auto ds = ReadDatasetCsv(Src("data/kernindicatoren.csv"));
  ASSERT_TRUE(ds.ok()) << ds.status().message();
  BreakRegister breaks;
  ASSERT_TRUE(breaks.LoadCsv(Src("data/kernindicatoren.breaks.csv")).ok());
  FactsheetOptions o;
  o.breaks = &breaks;
  auto sheet = RenderFactsheet(*ds, FactsheetConfig::Default(), o);
  ASSERT_TRUE(sheet.ok());
  EXPECT_THAT(sheet->warnings, ::testing::IsEmpty());
  ASSERT_EQ(sheet->charts.size(), 7u);
  for (const FactsheetChart& c : sheet->charts) EXPECT_EQ(XmlError(c.svg), "") << c.file_name;
  const std::string& h = sheet->html;
  EXPECT_THAT(h, HasSubstr("4.790"));
  EXPECT_THAT(h, HasSubstr("10,1%"));
  EXPECT_THAT(h, HasSubstr("\u22120,3 procentpunt"));  // JmV % 10,4 -> 10,1
  EXPECT_THAT(h, HasSubstr("+6,0%"));                   // JB instroom 10.780 -> 11.430
  EXPECT_THAT(h, HasSubstr("+35,2%"));                  // JmV 18-23 2.185 -> 2.955
  EXPECT_THAT(h, HasSubstr("\u22122 procentpunt"));     // OTS 29% -> 27%
  EXPECT_THAT(h, HasSubstr("schooljaar"));
  EXPECT_THAT(h, HasSubstr("peildatum 31 december"));
  EXPECT_THAT(h, HasSubstr("3e kwartaal"));
  EXPECT_THAT(h, HasSubstr("meetjaar (enquête)"));
  // Every chart's labels are the dataset's values.
  auto find = [&](const std::string& name) -> const FactsheetChart& {
    for (const FactsheetChart& c : sheet->charts) {
      if (c.file_name == name) return c;
    }
    ADD_FAILURE() << name;
    return sheet->charts[0];
  };
  // The 2019 figures were provisional (*).
  EXPECT_THAT(ValueLabels(find("jeugdhulp_met_verblijf_pct.svg").svg),
              ElementsAre("11,6%", "11,6%", "10,4%", "10,1%*"));
  EXPECT_THAT(ValueLabels(find("jeugdhulp_met_verblijf_age_group-0-23.svg").svg),
              ElementsAre("43.790", "46.185", "42.770", "42.975*"));
  EXPECT_THAT(ValueLabels(find("jeugdbescherming_instroom.svg").svg),
              ElementsAre("11.040", "10.965", "10.780", "11.430*"));
  EXPECT_THAT(ValueLabels(find("uithuisplaatsing_ots_pct.svg").svg),
              ElementsAre("34%", "32%", "29%", "27%*"));
  const std::string& age = find("jeugdhulp_met_verblijf_age_group-0-4_4-12_12-18_18-23.svg").svg;
  EXPECT_THAT(ValueLabels(age),
              ElementsAre("4.110", "3.915", "3.805", "3.360*", "15.135", "16.010", "14.665",
                          "14.515*", "22.880", "24.175", "22.115", "22.145*", "1.665", "2.085",
                          "2.185", "2.955*"));
  // The gezinsgericht -> pleegzorg reclassification is drawn as a break.
  EXPECT_THAT(find("jeugdhulp_met_verblijf_age_group-0-23-form-gezinsgericht.svg").svg,
              HasSubstr("class=\"break\""));
}

// ---- From a StatLine export to a region comparison ---------------------------------

TEST(FactsheetStatLineTest, MunicipalityAgainstRegionAndCountry) {
  const std::string dir = Src("tests/data/statline/");
  auto mapping = StatLineMapping::Load(dir + "mapping.csv");
  ASSERT_TRUE(mapping.ok());
  auto read = ReadStatLine(StatLineFormat::kODataV3,
                           {dir + "82972NED_DataProperties.json", dir + "82972NED_Perioden.json",
                            dir + "82972NED_TypedDataSet.json"},
                           *mapping);
  ASSERT_TRUE(read.ok()) << read.status().message();
  auto config = FactsheetConfig::Parse(
      "section,indicator,chart,title\nRegio,jeugdhulp_jongeren_pct,table,Jongeren met jeugdhulp\n"
      "Regio,jeugdhulp_jongeren_pct,line,Jongeren met jeugdhulp (%)\n"
      "Regio,jeugdhulp_met_verblijf_pct,bar,Jeugdhulp met verblijf (%)\n",
      "c.csv");
  FactsheetOptions o;
  o.region = "GM0363";
  o.compare = {"JZ13", "NL01"};
  auto sheet = RenderFactsheet(read->dataset, *config, o);
  ASSERT_TRUE(sheet.ok());
  ASSERT_EQ(sheet->charts.size(), 2u);
  // Yearly series only (the 2020 half year is another period kind): per region
  // 2018, 2019*, and NL01 also 2021*.
  EXPECT_THAT(ValueLabels(sheet->charts[0].svg),
              ElementsAre("13,4%", "13,1%*", "12,9%", "11,8%", "12,0%*", "12,4%*"));
  EXPECT_EQ(XmlError(sheet->charts[1].svg), "");
  EXPECT_THAT(sheet->charts[1].svg, HasSubstr("class=\"legend\""));
  EXPECT_THAT(sheet->html, HasSubstr("Bron: CBS StatLine 82972NED"));
  EXPECT_THAT(sheet->html, HasSubstr("\u22120,3 procentpunt"));  // GM0363 13,4 -> 13,1*
}

// ---- The commands ------------------------------------------------------------------

TEST(FactsheetCommandTest, WritesPageAndCharts) {
  const std::string out = testing::TempDir() + "/factsheet_cmd";
  std::filesystem::remove_all(out);
  const std::string cmd = std::string(ZVDJ_CLI_PATH) + " factsheet " +
                          Src("data/kernindicatoren.csv") + " --out " + out + " > /dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_THAT(ReadAll(out + "/index.html"), HasSubstr("Trendbreuk tussen 2018 en 2019"));
  EXPECT_EQ(XmlError(ReadAll(out + "/jeugdhulp_met_verblijf_pct.svg")), "");
  const std::string bad = std::string(ZVDJ_CLI_PATH) + " factsheet " +
                          Src("data/kernindicatoren.csv") + " --out " + out +
                          " --config /nonexistent.csv 2> /dev/null";
  EXPECT_NE(std::system(bad.c_str()), 0);
}

TEST(StatLineCommandTest, WritesADataset) {
  const std::string out = testing::TempDir() + "/statline_cmd.csv";
  const std::string dir = Src("tests/data/statline/");
  const std::string cmd = std::string(ZVDJ_CLI_PATH) + " statline --input odata3 --mapping " +
                          dir + "mapping.csv " + dir + "82972NED_DataProperties.json " + dir +
                          "82972NED_TypedDataSet.json --quiet > " + out;
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  auto ds = ReadDatasetCsv(out);
  ASSERT_TRUE(ds.ok()) << ds.status().message();
  EXPECT_EQ(ds->size(), 14u);
  const std::string bad = std::string(ZVDJ_CLI_PATH) + " statline --input odata5 --mapping " +
                          dir + "mapping.csv x.json 2> /dev/null";
  EXPECT_EQ(WEXITSTATUS(std::system(bad.c_str())), 2);
}

// Two close lines (10,5% beside 10,6%, then crossing) print their value labels
// apart: at every period the labels are at least a line apart, the higher
// point's label above it.
TEST(FactsheetChartTest, ValueLabelsOfCloseLinesDoNotOverlap) {
  internal::ChartData c;
  c.unit = Unit::kPercentage;
  c.decimals = 1;
  c.periods = {Period::Year(2016), Period::Year(2017), Period::Year(2018)};
  const auto series = [&](const std::string& label, std::vector<double> v) {
    internal::ChartSeries s{label, {}};
    for (size_t i = 0; i < v.size(); ++i) s.points.push_back({c.periods[i], v[i]});
    return s;
  };
  c.series = {series("Amsterdam", {10.5, 10.7, 10.9}), series("Nederland", {10.6, 10.7, 10.8})};
  const std::string svg = internal::RenderLineChartSvg(c);
  // x -> the y of each value label there.
  std::map<std::string, std::vector<double>> at;
  const std::regex label(R"re(class="value-label" x="([0-9.]+)" y="([0-9.-]+)")re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), label); it != std::sregex_iterator();
       ++it) {
    at[(*it)[1]].push_back(std::stod((*it)[2]));
  }
  ASSERT_EQ(at.size(), 3u) << svg;
  for (const auto& [x, ys] : at) {
    ASSERT_EQ(ys.size(), 2u) << x;
    EXPECT_GE(std::fabs(ys[0] - ys[1]), 14.0) << "labels overlap at x=" << x << "\n" << svg;
  }
  // 2016: Nederland (10,6%) is higher, so its label is the upper one.
  const size_t ams = svg.find(">10,5%<"), nl = svg.find(">10,6%<");
  ASSERT_NE(ams, std::string::npos);
  ASSERT_NE(nl, std::string::npos);
  const auto y_before = [&](size_t pos) {
    const size_t y = svg.rfind(" y=\"", pos);
    return std::stod(svg.substr(y + 4));
  };
  EXPECT_LT(y_before(nl), y_before(ams));
}

// A chart whose series have no number at all says so instead of drawing
// empty axes; a chart with numbers has no such note.
TEST(FactsheetChartTest, ChartWithoutNumbersSaysSo) {
  internal::ChartData c;
  c.periods = {Period::Year(2018), Period::Year(2019)};
  c.series = {{"Amsterdam", {}}, {"Nederland", {{Period::Year(2019), std::nullopt}}}};
  for (const std::string& svg :
       {internal::RenderLineChartSvg(c), internal::RenderBarChartSvg(c)}) {
    EXPECT_THAT(svg, HasSubstr("Geen cijfers voor deze regio en periode"));
  }
  c.series[0].points.push_back({Period::Year(2019), 12.0});
  EXPECT_THAT(internal::RenderLineChartSvg(c), Not(HasSubstr("Geen cijfers")));
  EXPECT_THAT(internal::RenderBarChartSvg(c), Not(HasSubstr("Geen cijfers")));
}

}  // namespace
}  // namespace zvdj
