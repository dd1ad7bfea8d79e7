// The bad-input corpus: tests/data/bad/<format>/*.csv with their expected
// outcomes in tests/data/bad/<format>/expected.csv. Adding a case = adding a
// file and a line.
//
// expected.csv columns:
//   file    the input file in the same directory
//   mode    strict  - the strict loader must fail with exactly this status code,
//                     and the message must start with "file:line:column: " (or
//                     "file:line: " when column is empty, "file: " when line is
//                     empty) and contain `reason`
//           accept  - the strict loader must succeed and load `loaded` rows
//           lenient - the lenient loader (person-level formats) must load
//                     `loaded` rows and skip exactly the lines in `skipped`
//                     (';'-separated); loaded + skipped = data rows in the file.
//                     With a code other than OK (a bad header) it is checked
//                     like a strict case.
//   code    absl status code name: OK, INVALID_ARGUMENT, RESOURCE_EXHAUSTED, ...
//   line, column, reason, loaded, skipped  as above (empty when not relevant)
//
// StatLine formats (statline_odata3, statline_odata4, statline_csv): the case
// file is one document, read with tests/data/statline/mapping.csv. For OData
// the test tables' other documents from tests/data/statline are added (those
// of every entity set the case document's metadata URL does not name; a data
// page replaces both fixture data pages), so a case holds only the document
// under test. CSV cases are read as table 85098NED. `loaded` counts
// observations; statline_mapping counts mapping rows.
//
// A file may contain "{{repeat N C}}", replaced by N copies of the character C
// when the test reads it, so that inputs over the size limits need not be
// stored.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "zvdj/breaks.hpp"
#include "zvdj/catalogue.hpp"
#include "zvdj/dataset.hpp"
#include "zvdj/dataset_io.hpp"
#include "zvdj/limits.hpp"
#include "zvdj/core/csv_reader.h"
#include "zvdj/core/strings.h"
#include "zvdj/number_format.hpp"
#include "zvdj/period.hpp"
#include "zvdj/records.hpp"
#include "zvdj/records_io.hpp"
#include "zvdj/regions.hpp"
#include "zvdj/statline.hpp"

namespace zvdj {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  absl::Status status;
  size_t loaded = 0;
  std::vector<size_t> skipped;  // lines
};

enum class Mode { kStrict, kLenient };

using Loader = std::function<Outcome(std::string_view text, const std::string& source, Mode mode)>;

std::string StatLineDir() { return std::string(ZVDJ_SOURCE_DIR) + "/tests/data/statline/"; }

// The entity set a document's metadata URL names ("DataProperties",
// "TypedDataSet", ...), or "" when there is none.
std::string EntitySetOf(std::string_view text) {
  const size_t hash = text.find("$metadata#");
  if (hash == std::string_view::npos) return "";
  std::string_view s = text.substr(hash + 10);
  s = s.substr(0, s.find('"'));
  const size_t dot = s.find_last_of('.');
  return std::string(dot == std::string_view::npos ? s : s.substr(dot + 1));
}

Outcome ReadStatLineCase(StatLineFormat format, std::string_view text,
                         const std::string& source) {
  Outcome o;
  auto mapping = StatLineMapping::Load(StatLineDir() + "mapping.csv");
  EXPECT_TRUE(mapping.ok()) << mapping.status();
  if (!mapping.ok()) return o;
  std::vector<StatLineDocument> docs;
  StatLineReadOptions options;
  if (format == StatLineFormat::kCsv) {
    options.table = "85098NED";
  } else {
    const bool v3 = format == StatLineFormat::kODataV3;
    const std::vector<std::pair<std::string, std::vector<std::string>>> fixtures =
        v3 ? std::vector<std::pair<std::string, std::vector<std::string>>>{
                 {"DataProperties", {"82972NED_DataProperties.json"}},
                 {"Perioden", {"82972NED_Perioden.json"}},
                 {"RegioS", {"82972NED_RegioS.json"}},
                 {"data", {"82972NED_TypedDataSet.json", "82972NED_TypedDataSet_2.json"}}}
           : std::vector<std::pair<std::string, std::vector<std::string>>>{
                 {"Dimensions", {"85098NED_Dimensions.json"}},
                 {"MeasureCodes", {"85098NED_MeasureCodes.json"}},
                 {"PeriodenCodes", {"85098NED_PeriodenCodes.json"}},
                 {"data", {"85098NED_Observations.json", "85098NED_Observations_2.json"}}};
    std::string set = EntitySetOf(text);
    if (set.empty() || set == "TypedDataSet" || set == "UntypedDataSet" ||
        set == "Observations") {
      set = "data";
    }
    for (const auto& [fixture_set, files] : fixtures) {
      if (fixture_set == set) continue;
      for (const std::string& f : files) {
        auto fixture = internal::ReadFileToString(StatLineDir() + f);
        EXPECT_TRUE(fixture.ok()) << fixture.status();
        if (fixture.ok()) docs.push_back({f, *std::move(fixture)});
      }
    }
  }
  docs.push_back({source, std::string(text)});
  auto result = ParseStatLine(format, docs, *mapping, options);
  o.status = result.status();
  if (result.ok()) o.loaded = result->dataset.size();
  return o;
}

std::map<std::string, Loader> Loaders() {
  std::map<std::string, Loader> m;
  m["dataset"] = [](std::string_view text, const std::string& source, Mode) {
    Outcome o;
    auto ds = ParseDatasetCsv(text, source);
    o.status = ds.status();
    if (ds.ok()) o.loaded = ds->size();
    return o;
  };
  m["catalogue"] = [](std::string_view text, const std::string& source, Mode) {
    Outcome o;
    Catalogue cat;
    o.status = cat.ParseCsv(text, source);
    o.loaded = cat.indicators().size();
    return o;
  };
  m["breaks"] = [](std::string_view text, const std::string& source, Mode) {
    Outcome o;
    BreakRegister reg;
    o.status = reg.ParseCsv(text, source);
    o.loaded = reg.breaks().size();
    return o;
  };
  m["regions"] = [](std::string_view text, const std::string& source, Mode) {
    Outcome o;
    auto map = RegionMap::Parse(text, source);
    o.status = map.status();
    if (map.ok()) o.loaded = map->entries().size();
    return o;
  };
  m["herindeling"] = [](std::string_view text, const std::string& source, Mode) {
    Outcome o;
    auto her = Herindeling::Parse(text, source);
    o.status = her.status();
    if (her.ok()) o.loaded = her->changes().size();
    return o;
  };
  auto records = [](auto parse) {
    return [parse](std::string_view text, const std::string& source, Mode mode) {
      Outcome o;
      RecordStore store;
      LoadReport report;
      LoadOptions options;
      options.mode = mode == Mode::kLenient ? LoadMode::kLenient : LoadMode::kStrict;
      o.status = parse(text, source, &store, options, &report);
      o.loaded = report.loaded_rows;
      for (const SkippedRow& r : report.skipped) o.skipped.push_back(r.line);
      if (mode == Mode::kLenient && o.status.ok()) {
        EXPECT_EQ(report.loaded_rows + report.skipped.size(), report.input_rows);
      }
      return o;
    };
  };
  m["jeugdhulp"] = records(&ParseJeugdhulpCsv);
  m["jeugdbescherming"] = records(&ParseJeugdbeschermingCsv);
  m["verzuim"] = records(&ParseVerzuimCsv);
  m["vervolgzorg"] = records(&ParseVervolgzorgCsv);
  m["persons"] = records(&ParsePersonsCsv);
  for (const auto& [name, format] :
       {std::pair<const char*, StatLineFormat>{"statline_odata3", StatLineFormat::kODataV3},
        {"statline_odata4", StatLineFormat::kODataV4},
        {"statline_csv", StatLineFormat::kCsv}}) {
    m[name] = [format = format](std::string_view text, const std::string& source, Mode) {
      return ReadStatLineCase(format, text, source);
    };
  }
  m["statline_mapping"] = [](std::string_view text, const std::string& source, Mode) {
    Outcome o;
    auto mapping = StatLineMapping::Parse(text, source);
    o.status = mapping.status();
    if (mapping.ok()) o.loaded = mapping->rules().size();
    return o;
  };
  return m;
}

std::string BadDir() { return std::string(ZVDJ_SOURCE_DIR) + "/tests/data/bad"; }

std::string ReadInput(const fs::path& path) {
  auto text = internal::ReadFileToString(path.string());
  EXPECT_TRUE(text.ok()) << text.status();
  std::string s = text.ok() ? *text : std::string();
  static const std::regex kRepeat(R"(\{\{repeat (\d+) (.)\}\})");
  std::smatch m;
  while (std::regex_search(s, m, kRepeat)) {
    const std::string expanded(std::stoul(m[1].str()), m[2].str()[0]);
    s.replace(static_cast<size_t>(m.position(0)), static_cast<size_t>(m.length(0)), expanded);
  }
  return s;
}

// Data rows in a file: its non-blank lines after the header. (The lenient
// corpus files have no line breaks inside quoted fields; after a malformed
// record the loaders resume on the next line.)
size_t CountRecords(std::string_view text) {
  size_t lines = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of("\r\n", start);  // a CRLF leaves an empty piece
    if (end == std::string_view::npos) end = text.size();
    if (!internal::Trim(text.substr(start, end - start)).empty()) ++lines;
    start = end + 1;
  }
  return lines == 0 ? 0 : lines - 1;
}

struct Case {
  std::string format, file, mode, code, line, column, reason, loaded, skipped;
};

std::vector<Case> AllCases() {
  std::vector<Case> cases;
  if (!fs::exists(BadDir())) return cases;
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(BadDir())) {
    if (e.is_directory()) dirs.push_back(e.path());
  }
  std::sort(dirs.begin(), dirs.end());
  for (const auto& dir : dirs) {
    const std::string expected = (dir / "expected.csv").string();
    auto text = internal::ReadFileToString(expected);
    if (!text.ok()) continue;
    internal::CsvReader csv(*text, expected);
    if (!csv.ReadHeader().ok()) continue;
    auto col = [&](const char* name) { return csv.ColumnIndex(name); };
    while (true) {
      auto more = csv.Next();
      if (!more.ok() || !*more) break;
      auto get = [&](const char* name) {
        const int c = col(name);
        return c < 0 ? std::string() : std::string(csv.field(static_cast<size_t>(c)));
      };
      cases.push_back({dir.filename().string(), get("file"), get("mode"), get("code"),
                       get("line"), get("column"), get("reason"), get("loaded"),
                       get("skipped")});
    }
  }
  return cases;
}

void PrintTo(const Case& c, std::ostream* os) { *os << c.format << "/" << c.file << " (" << c.mode << ")"; }

class BadInput : public ::testing::TestWithParam<Case> {};

TEST_P(BadInput, HasTheExpectedOutcome) {
  const Case& c = GetParam();
  const auto loaders = Loaders();
  auto it = loaders.find(c.format);
  if (it == loaders.end()) GTEST_SKIP() << "no loader for format " << c.format;
  const fs::path path = fs::path(BadDir()) / c.format / c.file;
  ASSERT_TRUE(fs::exists(path)) << path;
  const std::string text = ReadInput(path);
  const Mode mode = c.mode == "lenient" ? Mode::kLenient : Mode::kStrict;
  const Outcome o = it->second(text, c.file, mode);
  const std::string got_code = absl::StatusCodeToString(o.status.code());
  const std::string msg(o.status.message());
  if (std::getenv("ZVDJ_BAD_INPUT_PRINT") != nullptr) {
    // Shows the actual outcome, to review when writing a new expectation.
    std::vector<std::string> lines;
    for (size_t l : o.skipped) lines.push_back(std::to_string(l));
    std::printf("OUTCOME %s/%s %s %s loaded=%zu skipped=%s | %s\n", c.format.c_str(),
                c.file.c_str(), c.mode.c_str(), got_code.c_str(), o.loaded,
                absl::StrJoin(lines, ";").c_str(), msg.substr(0, 200).c_str());
  }
  EXPECT_EQ(got_code, c.code) << msg;
  if (c.mode == "strict" || c.code != "OK") {  // lenient: header errors stay errors
    std::string prefix = c.file + ":";
    if (!c.line.empty()) prefix += c.line + ":";
    if (!c.column.empty()) prefix += c.column + ":";
    prefix += " ";
    EXPECT_EQ(msg.substr(0, prefix.size()), prefix) << msg;
    EXPECT_TRUE(absl::StrContains(msg, c.reason)) << msg << "\nexpected reason: " << c.reason;
    return;
  }
  ASSERT_TRUE(o.status.ok()) << msg;
  EXPECT_EQ(std::to_string(o.loaded), c.loaded);
  if (c.mode == "lenient") {
    std::vector<std::string> lines;
    for (size_t l : o.skipped) lines.push_back(std::to_string(l));
    EXPECT_EQ(absl::StrJoin(lines, ";"), c.skipped);
    EXPECT_EQ(o.loaded + o.skipped.size(), CountRecords(text));
  }
}

std::string CaseName(const ::testing::TestParamInfo<Case>& info) {
  std::string name = info.param.format + "_" + info.param.file + "_" + info.param.mode;
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, ::testing::ValuesIn(AllCases()), CaseName);

// Every format has at least 25 malformed inputs, and every file in a format's
// directory has an expectation (so no case is silently left out).
TEST(BadInputCorpus, EveryFileHasAnExpectation) {
  std::map<std::string, std::map<std::string, int>> seen;  // format -> file -> lines
  std::map<std::string, int> malformed;
  for (const Case& c : AllCases()) {
    ++seen[c.format][c.file];
    if (c.mode == "strict" || c.mode == "lenient") ++malformed[c.format];
  }
  ASSERT_FALSE(seen.empty());
  for (const auto& [format, files] : seen) {
    EXPECT_GE(malformed[format], 25) << format;
    for (const auto& e : fs::directory_iterator(fs::path(BadDir()) / format)) {
      const std::string name = e.path().filename().string();
      if (name == "expected.csv") continue;
      EXPECT_TRUE(files.count(name)) << format << "/" << name << " has no expectation";
    }
  }
}

// ---- Limits (small limits stand in for huge inputs) ----

TEST(Limits, RowsPerFile) {
  DatasetReadOptions options;
  options.limits.max_rows = 2;
  const std::string text =
      "indicator,period,region,value,status\na,2019JJ00,NL01,1,\nb,2019JJ00,NL01,1,\n";
  EXPECT_TRUE(ParseDatasetCsv(text, "rows.csv", options).ok());
  auto ds = ParseDatasetCsv(text + "\nc,2019JJ00,NL01,1,\n", "rows.csv", options);
  ASSERT_FALSE(ds.ok());
  EXPECT_EQ(ds.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(std::string(ds.status().message()), "rows.csv:5: more than the limit of 2 data rows");
}

TEST(Limits, RowsPerPersonLevelFileInBothModes) {
  const std::string text =
      "person_id,kind,start_date,end_date\n"
      "P1,wmo,2023-04-01,\n"
      "P2,wlz,2023-04-01,\n"
      "P3,wlz,2023-04-01,\n";
  for (LoadMode mode : {LoadMode::kStrict, LoadMode::kLenient}) {
    RecordStore store;
    LoadReport report;
    LoadOptions options;
    options.mode = mode;
    options.limits.max_rows = 2;
    absl::Status s = ParseVervolgzorgCsv(text, "vv.csv", &store, options, &report);
    EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted);
    EXPECT_EQ(std::string(s.message()), "vv.csv:4: more than the limit of 2 data rows");
    EXPECT_EQ(report.loaded_rows, 2u);
    EXPECT_TRUE(report.skipped.empty());
  }
}

TEST(Limits, FieldLength) {
  DatasetReadOptions options;
  options.limits.max_field_bytes = 9;  // "indicator" fits
  auto ds = ParseDatasetCsv("indicator,period,region,value,status\nabcdefghij,2019JJ00,NL01,1,\n",
                            "field.csv", options);
  ASSERT_FALSE(ds.ok());
  EXPECT_EQ(ds.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(ds.status().message()), "field.csv:2:1: field longer than 9 bytes");
}

TEST(Limits, ColumnsPerRow) {
  DatasetReadOptions options;
  options.limits.max_columns = 5;
  auto ds = ParseDatasetCsv("indicator,period,region,value,status\na,2019JJ00,NL01,1,,x,y\n",
                            "cols.csv", options);
  ASSERT_FALSE(ds.ok());
  EXPECT_EQ(ds.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(std::string(ds.status().message()), "cols.csv:2:6: more than the limit of 5 columns");
}

TEST(Limits, FileSize) {
  DatasetReadOptions options;
  options.limits.max_file_bytes = 100;
  const std::string path = std::string(ZVDJ_SOURCE_DIR) + "/data/kernindicatoren.csv";
  auto ds = ReadDatasetCsv(path, options);
  ASSERT_FALSE(ds.ok());
  EXPECT_EQ(ds.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(std::string(ds.status().message()), path + ": file larger than the limit of 100 bytes");
  EXPECT_TRUE(ReadDatasetCsv(path).ok());
}

TEST(Limits, DimensionsPerDataset) {
  Dataset ds;
  for (size_t i = 0; i < kMaxDimensions; ++i) {
    ASSERT_TRUE(ds.Add({.indicator = "a", .period = Period::Year(2000 + static_cast<int>(i)),
                        .dims = {{absl::StrCat("d", i), "v"}}, .value = 1})
                    .ok());
  }
  absl::Status s = ds.Add({.indicator = "a", .period = Period::Year(1990),
                           .dims = {{"one_too_many", "v"}}, .value = 1});
  EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_TRUE(absl::StrContains(s.message(), "limit of 64 dimensions")) << s;
  EXPECT_TRUE(ds.Add({.indicator = "a", .period = Period::Year(1990), .dims = {{"d3", "w"}},
                      .value = 1})
                  .ok());
}

TEST(Limits, Utf8Validation) {
  EXPECT_EQ(internal::FindInvalidUtf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(internal::FindInvalidUtf8("caf\xc3\xa9 \xe2\x88\x92 \xf0\x9f\x98\x80"),
            std::string_view::npos);
  EXPECT_EQ(internal::FindInvalidUtf8("ab\xff"), 2u);
  EXPECT_EQ(internal::FindInvalidUtf8("\xc3"), 0u);             // truncated
  EXPECT_EQ(internal::FindInvalidUtf8("\xc0\x80"), 0u);         // overlong NUL
  EXPECT_EQ(internal::FindInvalidUtf8("\xe0\x80\x80"), 0u);     // overlong
  EXPECT_EQ(internal::FindInvalidUtf8("\xed\xa0\x80"), 0u);     // surrogate
  EXPECT_EQ(internal::FindInvalidUtf8("\xf4\x90\x80\x80"), 0u); // above U+10FFFF
  EXPECT_EQ(internal::FindInvalidUtf8("x\xe2\x82"), 1u);
}

// ---- Inputs found by fuzzing (also in tests/fuzz/corpus/<target>/) ----

TEST(FuzzFindings, PlusFollowedByMinusIsNotANumber) {
  EXPECT_FALSE(ParseNumber("+-0", NumberFormat::kPlain).ok());
  EXPECT_FALSE(ParseNumber("+-5", NumberFormat::kPlain).ok());
  double v = 0;
  EXPECT_FALSE(ParsePlainNumber("+-5", &v));
  EXPECT_FALSE(ParsePlainNumber("+", &v));
  EXPECT_EQ(*ParseNumber("+5", NumberFormat::kPlain), 5);
}

TEST(FuzzFindings, SchoolYearApostropheMustBeATypographicQuote) {
  EXPECT_FALSE(Period::Parse(std::string("2018/\xe2\x00\x00" "19", 10)).ok());
  EXPECT_FALSE(Period::Parse("2018/\xe2" "19").ok());
  EXPECT_EQ(Period::Parse("2018/\xe2\x80\x99" "19")->ToString(), "2018/'19");
}

TEST(FuzzFindings, DuplicateKeyAfterANewDimensionIsDetected) {
  auto ds = ParseDatasetCsv(
      "indicator,period,region,form,value,status\n"
      "a,2019JJ00,NL01,,1,\n"
      "b,2019JJ00,NL01,x,2,\n"
      "a,2019JJ00,NL01,,3,\n",
      "dup.csv");
  ASSERT_FALSE(ds.ok());
  EXPECT_EQ(ds.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(ds.status().message(), "dup.csv:4: duplicate observation"))
      << ds.status();
  Dataset d;
  ASSERT_TRUE(d.Add({.indicator = "a", .period = Period::Year(2019), .value = 1}).ok());
  ASSERT_TRUE(d.Add({.indicator = "a", .period = Period::Year(2019), .dims = {{"form", "x"}},
                     .value = 2})
                  .ok());
  EXPECT_EQ(d.Find("a", "NL01", Period::Year(2019)), 0u);
  EXPECT_EQ(d.Find("a", "NL01", Period::Year(2019), {{"form", "x"}}), 1u);
}

}  // namespace
}  // namespace zvdj
