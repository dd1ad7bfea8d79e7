#include "zvdj/trend_report.hpp"

#include <cctype>
#include <map>
#include <memory>
#include <sstream>
#include <variant>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/assessment.hpp"

namespace zvdj {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// ---- A minimal JSON reader, enough to check the structure ----------------------

struct Json;
using JsonObject = std::vector<std::pair<std::string, Json>>;
using JsonArray = std::vector<Json>;
struct Json {
  std::variant<std::nullptr_t, double, std::string, bool, std::shared_ptr<JsonArray>,
               std::shared_ptr<JsonObject>>
      v;
  const JsonArray& array() const { return *std::get<std::shared_ptr<JsonArray>>(v); }
  const JsonObject& object() const { return *std::get<std::shared_ptr<JsonObject>>(v); }
  const Json* Get(const std::string& key) const {
    for (const auto& [k, val] : object()) {
      if (k == key) return &val;
    }
    return nullptr;
  }
};

class JsonParser {
 public:
  explicit JsonParser(std::string_view s) : s_(s) {}
  bool Parse(Json* out) {
    if (!Value(out)) return false;
    Ws();
    return i_ == s_.size();
  }

 private:
  void Ws() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  bool Lit(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  bool String(std::string* out) {
    if (i_ >= s_.size() || s_[i_] != '"') return false;
    ++i_;
    while (i_ < s_.size() && s_[i_] != '"') {
      if (s_[i_] == '\\') {
        ++i_;
        if (i_ >= s_.size()) return false;
        const char e = s_[i_];
        if (e == 'u') {
          i_ += 4;
          out->push_back('?');
        } else {
          out->push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
        }
        ++i_;
      } else {
        if (static_cast<unsigned char>(s_[i_]) < 0x20) return false;
        out->push_back(s_[i_++]);
      }
    }
    if (i_ >= s_.size()) return false;
    ++i_;
    return true;
  }
  bool Value(Json* out) {
    Ws();
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == '{') {
      ++i_;
      auto obj = std::make_shared<JsonObject>();
      Ws();
      if (i_ < s_.size() && s_[i_] == '}') {
        ++i_;
      } else {
        while (true) {
          Ws();
          std::string key;
          if (!String(&key)) return false;
          Ws();
          if (!Lit(":")) return false;
          Json val;
          if (!Value(&val)) return false;
          obj->emplace_back(std::move(key), std::move(val));
          Ws();
          if (Lit(",")) continue;
          if (Lit("}")) break;
          return false;
        }
      }
      out->v = obj;
      return true;
    }
    if (c == '[') {
      ++i_;
      auto arr = std::make_shared<JsonArray>();
      Ws();
      if (i_ < s_.size() && s_[i_] == ']') {
        ++i_;
      } else {
        while (true) {
          Json val;
          if (!Value(&val)) return false;
          arr->push_back(std::move(val));
          Ws();
          if (Lit(",")) continue;
          if (Lit("]")) break;
          return false;
        }
      }
      out->v = arr;
      return true;
    }
    if (c == '"') {
      std::string s;
      if (!String(&s)) return false;
      out->v = std::move(s);
      return true;
    }
    if (Lit("null")) { out->v = nullptr; return true; }
    if (Lit("true")) { out->v = true; return true; }
    if (Lit("false")) { out->v = false; return true; }
    const size_t start = i_;
    while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) ||
                              s_[i_] == '-' || s_[i_] == '+' || s_[i_] == '.' ||
                              s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
    }
    if (i_ == start) return false;
    out->v = std::stod(std::string(s_.substr(start, i_ - start)));
    return true;
  }
  std::string_view s_;
  size_t i_ = 0;
};

// ---- Fixture data ----------------------------------------------------------------

Dataset Sample() {
  Dataset ds;
  auto add = [&ds](const char* ind, Period p, std::optional<double> v, const char* age,
                   ValueStatus st = ValueStatus::kDefinitive) {
    Observation o;
    o.indicator = ind;
    o.period = p;
    o.value = v;
    o.status = st;
    if (*age) o.dims = {{"age_group", age}};
    ASSERT_TRUE(ds.Add(o).ok());
  };
  add("jeugdhulp_met_verblijf", Period::Year(2016), 1665, "18-23");
  add("jeugdhulp_met_verblijf", Period::Year(2019), 2955, "18-23");
  add("jeugdhulp_met_verblijf_pct", Period::Year(2018), 10.4, "");
  add("jeugdhulp_met_verblijf_pct", Period::Year(2019), 10.1, "", ValueStatus::kProvisional);
  add("thuiszitters", Period::SchoolYear(2015), 4194, "");
  add("thuiszitters", Period::SchoolYear(2016), std::nullopt, "", ValueStatus::kUnknown);
  add("thuiszitters", Period::SchoolYear(2018), 4790, "");
  return ds;
}

// Tables at full width unless `width` is given.
std::string Rows(ReportFormat f, size_t width = 0) {
  std::ostringstream out;
  WriteTrendRows(ComputeTrendRows(Sample(), Catalogue::BuiltIn(), {}), f, out,
                 {.catalogue = nullptr, .table = {.width = width}});
  return out.str();
}

std::string Summaries(ReportFormat f, size_t width = 0) {
  SummaryTable s = ComputeTrendSummaries(Sample(), Catalogue::BuiltIn(), {});
  AssessSummaries(s, CagrRule());
  std::ostringstream out;
  WriteTrendSummaries(s, f, out, {.catalogue = nullptr, .table = {.width = width}});
  return out.str();
}

TEST(ReportFormat, Parses) {
  EXPECT_EQ(*ParseReportFormat("csv"), ReportFormat::kCsv);
  EXPECT_EQ(*ParseReportFormat("json"), ReportFormat::kJson);
  EXPECT_EQ(*ParseReportFormat("md"), ReportFormat::kMarkdown);
  EXPECT_EQ(*ParseReportFormat("table"), ReportFormat::kTable);
  EXPECT_FALSE(ParseReportFormat("xlsx").ok());
}

TEST(TrendRowsCsv, HeaderAndCells) {
  const std::string csv = Rows(ReportFormat::kCsv);
  std::vector<std::string> lines = absl::StrSplit(csv, '\n');
  ASSERT_GE(lines.size(), 8u);
  EXPECT_EQ(lines[0],
            "indicator,region,age_group,period,value,status,prev_period,abs_change,"
            "rel_change_pct,pp_change,prev_value,prev_status,index,unit,direction,flags,note");
  EXPECT_EQ(lines[1],
            "jeugdhulp_met_verblijf,NL01,18-23,2016JJ00,1665,,2015JJ00,,,,,,100,count,up,"
            "no_predecessor,no value for 2015JJ00");
  // Percentage: pp exact at the inputs' one decimal (not -0.3000000000000007),
  // relative in full precision, provisional mix flagged.
  EXPECT_THAT(lines[4], testing::StartsWith("jeugdhulp_met_verblijf_pct,NL01,,2019JJ00,10.1,*,"
                                            "2018JJ00,-0.3,-2.884615384615"));
  EXPECT_THAT(lines[4], HasSubstr(",-0.3,10.4,,97.11538461538461,percentage,down,"
                                  "provisional_mix,"));
  // School year with an unknown value; the next compares with nothing.
  EXPECT_EQ(lines[6],
            "thuiszitters,NL01,,2016/'17,,.,2015/'16,,,,4194,,,count,down,no_value,"
            "no number for 2016/'17 (status '.': unknown)");
  EXPECT_EQ(lines.back(), "");
}

TEST(TrendSummariesCsv, Header) {
  const std::string csv = Summaries(ReportFormat::kCsv);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "indicator,region,age_group,first_period,last_period,first_value,last_value,"
            "abs_change,rel_change_pct,pp_change,cagr_pct,assessment,n_periods,years,"
            "theil_sen_slope,mk_s,mk_tau,mk_p,mk_method,unit,direction,assessment_text,flags,"
            "note");
  EXPECT_THAT(csv, HasSubstr("jeugdhulp_met_verblijf,NL01,18-23,2016JJ00,2019JJ00,1665,2955,"
                             "1290,77.47747747747748,,"));
}

TEST(TrendRowsJson, ParsesWithNumbersAndNulls) {
  Json root;
  ASSERT_TRUE(JsonParser(Rows(ReportFormat::kJson)).Parse(&root));
  const JsonArray& arr = root.array();
  ASSERT_EQ(arr.size(), 7u);
  const Json& first = arr[0];
  ASSERT_EQ(first.object().size(), 17u);
  EXPECT_EQ(std::get<std::string>(first.Get("indicator")->v), "jeugdhulp_met_verblijf");
  EXPECT_EQ(std::get<std::string>(first.Get("age_group")->v), "18-23");
  EXPECT_DOUBLE_EQ(std::get<double>(first.Get("value")->v), 1665);
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(first.Get("abs_change")->v));
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(first.Get("status")->v));
  const Json& share = arr[3];
  EXPECT_NEAR(std::get<double>(share.Get("pp_change")->v), -0.3, 1e-12);
  EXPECT_EQ(std::get<std::string>(share.Get("status")->v), "*");
  // Totals: dimension present with an empty string.
  EXPECT_EQ(std::get<std::string>(share.Get("age_group")->v), "");
}

TEST(TrendSummariesJson, Parses) {
  Json root;
  ASSERT_TRUE(JsonParser(Summaries(ReportFormat::kJson)).Parse(&root));
  ASSERT_EQ(root.array().size(), 3u);
  const Json& jmv = root.array()[0];
  EXPECT_EQ(std::get<std::string>(jmv.Get("assessment")->v), "on_track");
  EXPECT_DOUBLE_EQ(std::get<double>(jmv.Get("n_periods")->v), 2);
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(jmv.Get("mk_p")->v));
}

TEST(TrendReportJson, EmptyTableIsAnEmptyArray) {
  std::ostringstream out;
  WriteTrendRows(TrendTable{}, ReportFormat::kJson, out);
  Json root;
  ASSERT_TRUE(JsonParser(out.str()).Parse(&root));
  EXPECT_TRUE(root.array().empty());
}

TEST(TrendRowsTable, DutchUnitsAndNames) {
  const std::string t = Rows(ReportFormat::kTable);
  EXPECT_THAT(t, HasSubstr("−0,3 procentpunt"));
  EXPECT_THAT(t, HasSubstr("10,1%*"));  // provisional marker
  EXPECT_THAT(t, HasSubstr("Jeugdhulp met verblijf als % van totale jeugdhulp"));
  EXPECT_THAT(t, HasSubstr("4.194"));
  EXPECT_THAT(t, HasSubstr("2016/'17"));
  EXPECT_THAT(t, HasSubstr("totaal"));
  EXPECT_THAT(t, Not(HasSubstr("pp_change")));
  // Every line has the same display width up to its last non-empty cell; the
  // header's separator line spans all columns.
  std::vector<std::string> lines = absl::StrSplit(t, '\n');
  EXPECT_THAT(lines[1], HasSubstr("──"));
}

TEST(TrendSummariesTable, ChangesAndAssessmentArrows) {
  const std::string t = Summaries(ReportFormat::kTable);
  EXPECT_THAT(t, HasSubstr("+77,5%"));        // relative change for counts
  EXPECT_THAT(t, HasSubstr("+1.290"));        // absolute for counts
  EXPECT_THAT(t, HasSubstr("−0,3 procentpunt"));
  EXPECT_THAT(t, HasSubstr("▲ goede richting"));    // 18-23 up
  EXPECT_THAT(t, HasSubstr("▲ verkeerde richting"));  // thuiszitters up
  EXPECT_THAT(t, HasSubstr("4.790"));
  // Columns are aligned: the "Beoordeling" header starts at the same display
  // column as the assessment cells.
  std::vector<std::string> lines = absl::StrSplit(t, '\n');
  const size_t header_col = DisplayWidth(lines[0].substr(0, lines[0].find("Beoordeling")));
  for (size_t i = 2; i < lines.size(); ++i) {
    const size_t at = lines[i].find("richting");
    if (at == std::string::npos) continue;
    const size_t arrow = lines[i].rfind("\xE2\x96", at);  // ▲ or ▼
    ASSERT_NE(arrow, std::string::npos);
    EXPECT_EQ(DisplayWidth(lines[i].substr(0, arrow)), header_col) << lines[i];
  }
}

TEST(TrendSummariesTable, OneBreakdownColumnWithinTheWidth) {
  const std::string t = Summaries(ReportFormat::kTable, 140);
  EXPECT_THAT(t, HasSubstr("Uitsplitsing"));
  EXPECT_THAT(t, HasSubstr("leeftijd"));
  EXPECT_THAT(Summaries(ReportFormat::kTable), HasSubstr("leeftijd 18-23"));
  EXPECT_THAT(t, HasSubstr("totaal"));
  EXPECT_THAT(t, Not(HasSubstr("age_group")));
  std::vector<std::string> lines = absl::StrSplit(t, '\n');
  for (const std::string& line : lines) EXPECT_LE(DisplayWidth(line), 140u) << line;
  // The default is 160 columns.
  lines = absl::StrSplit(Rows(ReportFormat::kTable, 160), '\n');
  for (const std::string& line : lines) EXPECT_LE(DisplayWidth(line), 160u) << line;
}

TEST(TrendSummariesMarkdown, GithubTable) {
  const std::string md = Summaries(ReportFormat::kMarkdown);
  std::vector<std::string> lines = absl::StrSplit(md, '\n');
  EXPECT_THAT(lines[0], testing::StartsWith("| Indicator | Regio | Uitsplitsing | Van | Tot |"));
  EXPECT_THAT(md, HasSubstr("| leeftijd 18-23 |"));
  EXPECT_THAT(lines[1], HasSubstr("| --- |"));
  EXPECT_THAT(lines[1], HasSubstr("| ---: |"));
  EXPECT_THAT(md, HasSubstr("| 1.665 | 2.955 | +77,5% |"));
  EXPECT_THAT(md, HasSubstr("2015/'16"));
}

TEST(TrendRowsMarkdown, EscapesPipes) {
  TrendTable t;
  t.series.push_back({});
  t.series[0].indicator = "a|b";
  t.series[0].region = "NL01";
  TrendRow r;
  t.rows.push_back(r);
  std::ostringstream out;
  WriteTrendRows(t, ReportFormat::kMarkdown, out);
  EXPECT_THAT(out.str(), HasSubstr("a\\|b"));
}

TEST(Display, PeriodsAndWidth) {
  EXPECT_EQ(DisplayPeriod(Period::Year(2019)), "2019");
  EXPECT_EQ(DisplayPeriod(Period::SchoolYear(2018)), "2018/'19");
  EXPECT_EQ(DisplayPeriod(*Period::Parse("2019-12-31")), "31-12-2019");
  EXPECT_EQ(DisplayPeriod(Period::Quarter(2019, 3)), "2019 K3");
  EXPECT_EQ(DisplayPeriod(Period::HalfYear(2019, 1)), "2019 H1");
  EXPECT_EQ(DisplayPeriod(Period::Month(2019, 5)), "mei 2019");
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("−0,3"), 4u);
  EXPECT_EQ(DisplayWidth("▲ é"), 3u);
  EXPECT_EQ(DisplayWidth("e\xCC\x81"), 1u);  // e + combining acute
}

}  // namespace
}  // namespace zvdj
