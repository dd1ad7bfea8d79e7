// Hostile and out-of-range input: UTF-8-safe shortening, one period year
// range, overflow that is not assessed, chart names and nextLinks that cannot
// leave their folder, control characters escaped in messages, horizon limits.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/assessment.hpp"
#include "zvdj/cohort.hpp"
#include "zvdj/dataset_io.hpp"
#include "zvdj/factsheet.hpp"
#include "zvdj/internal/atomic_file.h"
#include "zvdj/internal/strings.h"
#include "zvdj/number_format.hpp"
#include "zvdj/period.hpp"
#include "zvdj/statline.hpp"
#include "zvdj/zvdj.h"

namespace zvdj {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteAll(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

fs::path MakeTempDir() {
  std::string tmpl = (fs::path(::testing::TempDir()) / "faults_XXXXXX").string();
  EXPECT_NE(::mkdtemp(tmpl.data()), nullptr);
  return fs::path(tmpl);
}

bool ValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = internal::Utf8SequenceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string Msg(const absl::Status& s) { return std::string(s.message()); }

// ---- Item: text is cut at character boundaries ----------------------------------

TEST(Utf8Cut, PrefixNeverEndsInsideACharacter) {
  const std::string s = "ab\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z";  // ab é € 😀 z
  for (size_t n = 0; n <= s.size() + 1; ++n) {
    const std::string_view p = internal::Utf8Prefix(s, n);
    EXPECT_LE(p.size(), n);
    EXPECT_TRUE(ValidUtf8(p)) << n;
  }
  EXPECT_EQ(internal::Utf8Prefix(s, 3), "ab");
  EXPECT_EQ(internal::Utf8Prefix(s, 4), "ab\xc3\xa9");
  EXPECT_EQ(internal::Utf8Prefix(s, 10), "ab\xc3\xa9\xe2\x82\xac");
  EXPECT_EQ(internal::Utf8Prefix(s, 11), "ab\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
}

TEST(Utf8Cut, FactsheetFootnoteStaysValidUtf8) {
  // "Bron: " (6 bytes) + 110 ASCII bytes puts a 2-byte 'é' across byte 117.
  std::string note(110, 'a');
  for (int i = 0; i < 8; ++i) note += "\xc3\xa9";
  Dataset ds;
  for (int y = 2017; y <= 2019; ++y) {
    ASSERT_TRUE(ds.Add({.indicator = "x_count", .period = Period::Year(y), .region = "NL01",
                        .value = 10.0 + y, .note = note})
                    .ok());
  }
  auto config = FactsheetConfig::Parse("indicator,chart\nx_count,line\n", "c.csv");
  ASSERT_TRUE(config.ok());
  auto sheet = RenderFactsheet(ds, *config);
  ASSERT_TRUE(sheet.ok()) << sheet.status();
  ASSERT_EQ(sheet->charts.size(), 1u);
  EXPECT_THAT(sheet->charts[0].svg, HasSubstr("..."));
  EXPECT_TRUE(ValidUtf8(sheet->charts[0].svg));
  EXPECT_TRUE(ValidUtf8(sheet->html));
}

// ---- Item: one year range for every period path ---------------------------------

TEST(PeriodRange, ParserRejectsYearsOutsideTheRange) {
  for (const char* bad : {"0000JJ00", "1399JJ00", "0000", "1399KW04", "0999MM01",
                          "9999/'00", "1399/'00", "1399-12-31"}) {
    EXPECT_FALSE(Period::Parse(bad).ok()) << bad;
  }
  for (const char* good : {"1400JJ00", "9999JJ00", "9999MM12", "1400/'01", "9998/'99",
                           "9999-12-31", "1400-01-01"}) {
    auto p = Period::Parse(good);
    ASSERT_TRUE(p.ok()) << good;
    EXPECT_TRUE(p->InRange()) << good;
  }
  EXPECT_THAT(Msg(Period::Parse("0000JJ00").status()), HasSubstr("1400..9999"));
}

TEST(PeriodRange, NavigationStopsAtTheEnds) {
  EXPECT_FALSE(Period::Year(9999).CheckedSuccessor().ok());
  EXPECT_FALSE(Period::Month(9999, 12).CheckedSuccessor().ok());
  EXPECT_FALSE(Period::SchoolYear(9998).CheckedSuccessor().ok());
  EXPECT_FALSE(Period::Quarter(1400, 1).CheckedPredecessor().ok());
  EXPECT_FALSE(Period::Peildatum(Date::FromYmdUnchecked(9999, 6, 1)).CheckedSuccessor().ok());
  EXPECT_EQ(Period::Year(9998).CheckedSuccessor()->ToString(), "9999JJ00");
  EXPECT_EQ(Period::Month(1400, 2).CheckedPredecessor()->ToString(), "1400MM01");
  EXPECT_THAT(Msg(Period::Year(9999).CheckedSuccessor().status()),
              HasSubstr("no period after 9999JJ00"));
}

TEST(PeriodRange, MakeAcceptsWhatTheParserAccepts) {
  EXPECT_EQ(Period::Make(PeriodKind::kYear, 9999, 0)->ToString(), "9999JJ00");
  EXPECT_FALSE(Period::Make(PeriodKind::kYear, 1399, 0).ok());
  EXPECT_FALSE(Period::Make(PeriodKind::kSchoolYear, 9999, 0).ok());
  EXPECT_FALSE(Period::Make(PeriodKind::kQuarter, 2019, 5).ok());
  EXPECT_EQ(Period::Make(PeriodKind::kSchoolYear, 9998, 0)->ToString(), "9998/'99");
}

std::string CString(zvdj_status (*f)(char*, size_t, size_t*, const char*), const char* code,
                    zvdj_status* status) {
  char buf[64];
  size_t written = 0;
  *status = f(buf, sizeof buf, &written, code);
  return *status == ZVDJ_OK ? std::string(buf) : std::string();
}

TEST(PeriodRange, CApiChecksEveryPath) {
  zvdj_status s;
  CString(zvdj_period_successor, "9999JJ00", &s);
  EXPECT_EQ(s, ZVDJ_INVALID_ARGUMENT);
  CString(zvdj_period_predecessor, "1400JJ00", &s);
  EXPECT_EQ(s, ZVDJ_INVALID_ARGUMENT);
  CString(zvdj_period_normalize, "0000JJ00", &s);
  EXPECT_EQ(s, ZVDJ_INVALID_ARGUMENT);
  CString(zvdj_period_normalize, "1399JJ00", &s);
  EXPECT_EQ(s, ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(CString(zvdj_period_successor, "9998JJ00", &s), "9999JJ00");
  char buf[64];
  size_t written = 0;
  // Make accepts 9999 as the parser does, and rejects what it rejects.
  ASSERT_EQ(zvdj_period_make(buf, sizeof buf, &written, ZVDJ_PERIOD_YEAR, 9999, 0), ZVDJ_OK);
  EXPECT_EQ(std::string(buf), "9999JJ00");
  EXPECT_EQ(zvdj_period_make(buf, sizeof buf, &written, ZVDJ_PERIOD_YEAR, 1399, 0),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_period_make(buf, sizeof buf, &written, ZVDJ_PERIOD_SCHOOL_YEAR, 9999, 0),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_period_make(buf, sizeof buf, &written, ZVDJ_PERIOD_SCHOOL_YEAR, 9998, 0),
            ZVDJ_OK);
}

TEST(PeriodRange, DatasetReaderRejectsYearsOutsideTheRange) {
  for (const char* code : {"0000JJ00", "1399JJ00"}) {
    auto ds = ParseDatasetCsv(
        std::string("indicator,period,region,value,status\nx,") + code + ",NL01,1,\n", "d.csv");
    EXPECT_FALSE(ds.ok()) << code;
    EXPECT_THAT(Msg(ds.status()), HasSubstr("d.csv:2:2")) << code;
  }
}

// ---- Item: a change that cannot be computed is not assessed ---------------------

TEST(OverflowAssessment, CagrRuleDoesNotAssessAnInfiniteRate) {
  AssessmentInput in;
  in.unit = Unit::kCount;
  in.first_value = 5;
  in.last_value = 1e308;
  in.years = 1;
  const Assessment a = CagrRule().Assess(in, Direction::kDown);
  EXPECT_EQ(a.category, "not_assessed") << a.text;
  EXPECT_THAT(a.text, Not(HasSubstr("verkeerde richting")));
  in.last_value = std::numeric_limits<double>::infinity();
  EXPECT_EQ(CagrRule().Assess(in, Direction::kUp).category, "not_assessed");
}

TEST(OverflowAssessment, ToleranceRuleDoesNotAssessAnInfiniteChange) {
  AssessmentInput in;
  in.unit = Unit::kPercentage;
  in.first_value = -1e308;
  in.last_value = 1e308;
  in.years = 1;
  EXPECT_EQ(ToleranceRule().Assess(in, Direction::kUp).category, "not_assessed");
  in.unit = Unit::kCount;
  in.first_value = 5;
  EXPECT_EQ(ToleranceRule().Assess(in, Direction::kDown).category, "not_assessed");
  in.last_value = 6;
  EXPECT_EQ(ToleranceRule().Assess(in, Direction::kUp).category, "improvement");
}

// ---- Item: chart file names cannot leave --out ----------------------------------

TEST(ChartNames, ConfigurationCannotNameAPath) {
  auto config = FactsheetConfig::Parse(
      "section,indicator,dims,chart,title\nS,../../tmp/x/pwned,,line,T\n"
      "S,/etc/pwned,,line,T\nS,..,,bar,T\nS,x,a=../../b|/c,line,T\n",
      "c.csv");
  ASSERT_TRUE(config.ok()) << config.status();
  auto sheet = RenderFactsheet(Dataset(), *config);
  ASSERT_TRUE(sheet.ok()) << sheet.status();
  ASSERT_EQ(sheet->charts.size(), 4u);
  for (const FactsheetChart& c : sheet->charts) {
    EXPECT_EQ(c.file_name.find('/'), std::string::npos) << c.file_name;
    EXPECT_NE(c.file_name.front(), '.') << c.file_name;
  }
  const fs::path dir = MakeTempDir();
  ASSERT_TRUE(WriteFactsheet(*sheet, (dir / "out").string()).ok());
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) files += e.is_regular_file();
  EXPECT_EQ(files, 5u);  // four charts and index.html, all inside out/
  fs::remove_all(dir);
}

TEST(ChartNames, WriterRefusesNamesOutsideTheFolder) {
  const fs::path dir = MakeTempDir();
  for (const char* bad : {"../evil.svg", "/tmp/evil.svg", "sub/evil.svg", "..", ".hidden.svg",
                          "index.html"}) {
    Factsheet sheet;
    sheet.html = "<html></html>";
    sheet.charts.push_back(FactsheetChart{bad, "T", "<svg/>"});
    const absl::Status s = WriteFactsheet(sheet, (dir / "out").string());
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_THAT(Msg(s), HasSubstr("outside")) << bad;
  }
  EXPECT_FALSE(fs::exists(dir / "out"));
  EXPECT_FALSE(fs::exists(dir / "evil.svg"));
  fs::remove_all(dir);
}

// ---- Item: odata.nextLink stays beside the first page ---------------------------

class NextLink : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir() / "export";
    fs::create_directories(dir_);
    const std::string src = std::string(ZVDJ_SOURCE_DIR) + "/tests/data/statline/";
    for (const char* f : {"82972NED_DataProperties.json", "82972NED_TypedDataSet_2.json",
                          "mapping.csv"}) {
      fs::copy_file(src + f, dir_ / f);
    }
    auto m = StatLineMapping::Load((dir_ / "mapping.csv").string());
    ASSERT_TRUE(m.ok()) << m.status();
    mapping_ = *m;
  }
  void TearDown() override { fs::remove_all(dir_.parent_path()); }

  absl::StatusOr<StatLineResult> Read(const std::string& link) {
    WriteAll(dir_ / "82972NED_TypedDataSet.json",
             "{\"value\": [{\"ID\": 0, \"Perioden\": \"2018JJ00\", \"RegioS\": \"NL01\", "
             "\"JongerenMetJeugdhulpInNatura_1\": 13.4}],\n \"odata.nextLink\": \"" +
                 link + "\"}");
    return ReadStatLine(StatLineFormat::kODataV3,
                        {(dir_ / "82972NED_DataProperties.json").string(),
                         (dir_ / "82972NED_TypedDataSet.json").string()},
                        mapping_);
  }

  fs::path dir_;
  StatLineMapping mapping_;
};

TEST_F(NextLink, DevZeroIsRefused) {
  auto r = Read("file:///dev/zero");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Msg(r.status()), HasSubstr("odata.nextLink 'file:///dev/zero' is not followed"));
}

TEST_F(NextLink, PathsOutsideTheFolderAreRefused) {
  WriteAll(dir_.parent_path() / "outside.json", "{\"value\": []}");
  for (const std::string& link :
       std::vector<std::string>{"../../etc/passwd", "../outside.json", "/etc/passwd",
                                 "file:///etc/passwd", "sub/x.json", "ftp://host/x.json",
                                 "file://" + dir_.parent_path().string() + "/outside.json"}) {
    auto r = Read(link);
    ASSERT_FALSE(r.ok()) << link;
    EXPECT_THAT(Msg(r.status()), HasSubstr("is not followed")) << link;
  }
}

TEST_F(NextLink, OnlyRegularFilesAreRead) {
  ASSERT_EQ(::symlink("/dev/zero", (dir_ / "zero.json").c_str()), 0);
  auto r = Read("zero.json");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(Msg(r.status()), HasSubstr("not a regular file"));
  fs::create_directory(dir_ / "folder.json");
  EXPECT_THAT(Msg(Read("folder.json").status()), HasSubstr("not a regular file"));
}

TEST_F(NextLink, PagesBesideTheFirstAreFollowed) {
  auto plain = Read("82972NED_TypedDataSet_2.json");
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_EQ(plain->report.files.size(), 3u);
  auto url = Read("file://" + dir_.string() + "/82972NED_TypedDataSet_2.json");
  ASSERT_TRUE(url.ok()) << url.status();
  EXPECT_EQ(url->report.files.size(), 3u);
  auto remote = Read("https://opendata.cbs.nl/ODataFeed/odata/82972NED/TypedDataSet?$skip=3");
  ASSERT_TRUE(remote.ok()) << remote.status();
  EXPECT_EQ(remote->report.files.size(), 2u);
}

// ---- Item: control characters in messages ---------------------------------------

TEST(EscapeControl, MakesControlCharactersVisible) {
  EXPECT_EQ(internal::EscapeControl("GM\x1b[2J\x07x"), "GM\\x1b[2J\\x07x");
  EXPECT_EQ(internal::EscapeControl("a\nb\tc\rd\x7f"), "a\\nb\\tc\\rd\\x7f");
  EXPECT_EQ(internal::EscapeControl("\xc2\x9b" "31m"), "\\xc2\\x9b31m");  // C1 CSI
  EXPECT_EQ(internal::EscapeControl("\x9b" "31m"), "\\x9b31m");            // raw CSI byte
  EXPECT_EQ(internal::EscapeControl("Sûdwest-Fryslân € ok"), "Sûdwest-Fryslân € ok");
}

TEST(EscapeControl, ReaderMessagesQuoteInputSafely) {
  auto ds = ParseDatasetCsv("indicator,period,region,value,status\nx,\x1b[2J,NL01,1,\n", "d.csv");
  ASSERT_FALSE(ds.ok());
  EXPECT_THAT(Msg(ds.status()), Not(HasSubstr("\x1b")));
  EXPECT_THAT(Msg(ds.status()), HasSubstr("\\x1b[2J"));
  auto header = ParseDatasetCsv("indicator,period,region,value,status,\x1b]0;t\x07\n", "d.csv");
  EXPECT_THAT(Msg(header.status()), Not(HasSubstr("\x1b")));
  EXPECT_THAT(Msg(Period::Parse("\x1b[31m").status()), Not(HasSubstr("\x1b")));
  EXPECT_THAT(Msg(ParseNumber("1\x1b[2J", NumberFormat::kPlain).status()),
              Not(HasSubstr("\x1b")));
  EXPECT_THAT(Msg(Date::Parse("\x1b[2J").status()), Not(HasSubstr("\x1b")));
  auto sl = ParseStatLine(StatLineFormat::kODataV3,
                          {{"82972NED_TypedDataSet.json", "{\"value\": 1, \"x\": \"\x1b\"}"}},
                          StatLineMapping());
  EXPECT_THAT(Msg(sl.status()), Not(HasSubstr("\x1b")));
  auto json = ParseStatLine(StatLineFormat::kODataV3,
                            {{"82972NED_TypedDataSet.json", "{\"value\": [\x1b[2J]}"}},
                            StatLineMapping());
  ASSERT_FALSE(json.ok());
  EXPECT_THAT(Msg(json.status()), Not(HasSubstr("\x1b")));
}

// ---- Item: horizons and the generator's message ---------------------------------

TEST(Horizons, TooLargeIsSaid) {
  auto h = ParseHorizons("99999999m");
  ASSERT_FALSE(h.ok());
  EXPECT_THAT(Msg(h.status()), HasSubstr("too large"));
  EXPECT_THAT(Msg(h.status()), Not(HasSubstr("positive number")));
  EXPECT_THAT(Msg(ParseHorizons("1201m").status()), HasSubstr("too large (at most 1200m)"));
  EXPECT_THAT(Msg(ParseHorizons("99999999999999999999999d").status()), HasSubstr("too large"));
  EXPECT_TRUE(ParseHorizons("1200m,36525d").ok());
  EXPECT_THAT(Msg(ParseHorizons("0m").status()), HasSubstr("positive number"));
  EXPECT_THAT(Msg(ParseHorizons("1\x1bm").status()), Not(HasSubstr("\x1b")));
}

// ---- The C API's file output goes through the checked writer --------------------

std::atomic<long> g_budget{0};
ssize_t BudgetWrite(int fd, const void* data, size_t size) {
  if (g_budget.load() <= 0) {
    errno = ENOSPC;
    return -1;
  }
  const size_t n = std::min<size_t>(size, static_cast<size_t>(g_budget.load()));
  g_budget -= static_cast<long>(n);
  return ::write(fd, data, n);
}

TEST(CApiOutput, FailedDatasetWriteKeepsThePreviousFile) {
  const fs::path dir = MakeTempDir();
  const std::string path = (dir / "d.csv").string();
  WriteAll(path, "previous\n");
  zvdj_dataset* ds = nullptr;
  ASSERT_EQ(zvdj_dataset_create(&ds), ZVDJ_OK);
  ASSERT_EQ(zvdj_dataset_add(ds, "x", "NL01", "2019JJ00", 1.0, ZVDJ_VALUE_DEFINITIVE, 0,
                             nullptr, nullptr),
            ZVDJ_OK);
  g_budget = 3;
  const internal::FileOps old =
      internal::SetFileOpsForTesting({&BudgetWrite, internal::DefaultFileOps().fsync});
  const zvdj_status s = zvdj_dataset_write_csv(ds, path.c_str());
  internal::SetFileOpsForTesting(old);
  EXPECT_EQ(s, ZVDJ_DATA_LOSS);
  EXPECT_THAT(std::string(zvdj_last_error_message()),
              HasSubstr("cannot write " + path + ": No space left on device"));
  EXPECT_EQ(ReadAll(path), "previous\n");
  ASSERT_EQ(zvdj_dataset_write_csv(ds, path.c_str()), ZVDJ_OK);
  EXPECT_THAT(ReadAll(path), HasSubstr("x,2019JJ00,NL01"));
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 1u);
  zvdj_dataset_destroy(ds);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace zvdj
