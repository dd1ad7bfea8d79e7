#include "zvdj/records_io.hpp"

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace zvdj {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string DataPath(const std::string& name) {
  return std::string(ZVDJ_SOURCE_DIR) + "/tests/data/records/" + name;
}

int32_t D(int y, int m, int d) { return Date::FromYmdUnchecked(y, m, d).days(); }

std::string Message(const absl::Status& s) { return std::string(s.message()); }

constexpr char kJeugdhulpHeader[] =
    "person_id,birth_date,municipality,provider,form,start_date,end_date,end_reason\n";

// Parses one jeugdhulp data line in strict mode and returns the error message.
std::string JeugdhulpError(const std::string& line) {
  RecordStore store;
  const absl::Status s =
      ParseJeugdhulpCsv(std::string(kJeugdhulpHeader) + line + "\n", "j.csv", &store, {}, nullptr);
  EXPECT_FALSE(s.ok()) << line;
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  return Message(s);
}

TEST(ParseIsoDateFastTest, AgreesWithDateParse) {
  std::mt19937 rng(7);
  std::vector<std::string> texts = {"2019-02-29", "2020-02-29", "1900-02-29", "2000-02-29",
                                    "2019-13-01", "2019-00-10", "2019-04-31", "2019-04-30",
                                    "1399-12-31", "1400-01-01", "9999-12-31", "2019-1-01",
                                    "2019/01/01", "20190101",   "2019-01-0a", " 2019-01-01",
                                    "",           "2019-01-32", "0000-01-01", "2019-12-31"};
  for (int i = 0; i < 20000; ++i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(rng() % 10000),
                  static_cast<int>(rng() % 14), static_cast<int>(rng() % 33));
    texts.emplace_back(buf);
  }
  for (const std::string& t : texts) {
    int32_t days = 0;
    const bool fast = ParseIsoDateFast(t, &days);
    const auto slow = Date::Parse(t);
    ASSERT_EQ(fast, slow.ok()) << t;
    if (fast) {
      EXPECT_EQ(days, slow->days()) << t;
    }
  }
}

TEST(ParseIsoDateFastTest, EveryDayFrom1400To2600) {
  for (int32_t day = Date::FromYmdUnchecked(1400, 1, 1).days();
       day <= Date::FromYmdUnchecked(2600, 12, 31).days(); ++day) {
    const Date::Ymd ymd = Date::FromDays(day).ToYmd();
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", ymd.year, ymd.month, ymd.day);
    int32_t parsed = 0;
    ASSERT_TRUE(ParseIsoDateFast(buf, &parsed)) << buf;
    ASSERT_EQ(parsed, day) << buf;
  }
}

TEST(IdDictionaryTest, InternFindAndGrow) {
  IdDictionary d;
  EXPECT_EQ(d.size(), 0u);
  EXPECT_FALSE(d.Find("x").has_value());
  std::vector<std::string> ids = {"", "a", "P000000001", "a-much-longer-identifier-0123456789",
                                  std::string("nul\0in", 6)};
  for (int i = 0; i < 50000; ++i) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "P%d", i * 7919);
    ids.emplace_back(buf);
  }
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(d.Intern(ids[i]), i) << ids[i];
  EXPECT_EQ(d.size(), ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(d.Intern(ids[i]), i);
    ASSERT_EQ(d.Find(ids[i]), std::optional<uint32_t>(static_cast<uint32_t>(i)));
    EXPECT_EQ(d.id(static_cast<uint32_t>(i)), ids[i]);
  }
  EXPECT_FALSE(d.Find("P1").has_value());
  EXPECT_FALSE(d.Find("nul").has_value());
  IdDictionary r;
  r.Reserve(1000);
  EXPECT_EQ(r.Intern("b"), 0u);
  EXPECT_EQ(r.Intern("c"), 1u);
  EXPECT_EQ(r.Find("b"), std::optional<uint32_t>(0u));
}

TEST(IdDictionaryTest, IdsOfOneLengthThenAnotherLength) {
  // Ids of one length are stored without offsets; the first id of another
  // length switches to offsets without changing any code or id.
  IdDictionary d;
  std::vector<std::string> ids;
  for (int i = 0; i < 20000; ++i) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "P%09d", i * 104729 % 1000000007);
    ids.emplace_back(buf);
  }
  for (size_t i = 0; i < ids.size(); ++i) ASSERT_EQ(d.Intern(ids[i]), i);
  // 10 characters an id, and a table of 4-byte slots at most 3/4 full.
  EXPECT_GE(d.MemoryBytes(), 10 * ids.size() + 4 * ids.size() * 4 / 3);
  EXPECT_LE(d.MemoryBytes(), 10 * ids.size() + 4 * ids.size() * 8 / 3);
  const size_t uniform = d.MemoryBytes();
  ids.emplace_back("Q1");
  ids.emplace_back("");
  ids.emplace_back("P000000000-longer");
  for (size_t i = 20000; i < ids.size(); ++i) ASSERT_EQ(d.Intern(ids[i]), i);
  EXPECT_GE(d.MemoryBytes(), uniform + 8 * ids.size());  // offsets now
  for (size_t i = 0; i < ids.size(); ++i) {
    ASSERT_EQ(d.id(static_cast<uint32_t>(i)), ids[i]);
    ASSERT_EQ(d.Find(ids[i]), std::optional<uint32_t>(static_cast<uint32_t>(i))) << ids[i];
    ASSERT_EQ(d.Intern(ids[i]), i);
  }
  EXPECT_FALSE(d.Find("P00000000").has_value());
  EXPECT_FALSE(d.Find("Q").has_value());
}

TEST(IdDictionaryTest, ReservedTablesKeepCodesAcrossGrowth) {
  for (const size_t reserve : {0, 1, 2, 3, 5, 100, 4096}) {
    IdDictionary d;
    d.Reserve(reserve, reserve * 4);
    for (uint32_t i = 0; i < 3000; ++i) {
      const std::string id = "id" + std::to_string(i);
      ASSERT_EQ(d.Intern(id), i) << reserve;
      ASSERT_EQ(d.Find(id), std::optional<uint32_t>(i));
    }
    for (uint32_t i = 0; i < 3000; ++i) {
      ASSERT_EQ(d.Find("id" + std::to_string(i)), std::optional<uint32_t>(i)) << reserve;
    }
    EXPECT_FALSE(d.Find("id3000").has_value());
  }
}

TEST(RecordsIoTest, LoadsJeugdhulpFixture) {
  RecordStore store;
  LoadReport report;
  ASSERT_TRUE(LoadJeugdhulpCsv(DataPath("jeugdhulp.csv"), &store, {}, &report).ok());
  EXPECT_EQ(report.input_rows, 4u);
  EXPECT_EQ(report.loaded_rows, 4u);
  const JeugdhulpTable& t = store.jeugdhulp;
  ASSERT_EQ(t.size(), 4u);
  EXPECT_THAT(t.person, ElementsAre(0u, 0u, 1u, 2u));
  EXPECT_THAT(t.municipality, ElementsAre(363, 363, 599, 344));
  EXPECT_EQ(store.providers.size(), 3u);
  EXPECT_THAT(t.provider, ElementsAre(0u, 1u, 0u, 2u));
  EXPECT_THAT(t.form, ElementsAre(JeugdhulpForm::kAmbulant, JeugdhulpForm::kPleegzorg,
                                  JeugdhulpForm::kWijkteam, JeugdhulpForm::kGesloten));
  EXPECT_THAT(t.start, ElementsAre(D(2019, 1, 15), D(2019, 7, 1), D(2018, 11, 1), D(2019, 3, 1)));
  EXPECT_THAT(t.end, ElementsAre(D(2019, 6, 30), kOpenEnd, D(2019, 12, 31), D(2019, 3, 1)));
  // An end date without a reason is stored as "onbekend".
  EXPECT_THAT(t.end_reason, ElementsAre(EndReason::kVolgensPlan, EndReason::kNone,
                                        EndReason::kOnbekend, EndReason::kSamen));
  ASSERT_EQ(store.persons.size(), 3u);
  EXPECT_EQ(store.persons.ids.id(0), "P001");
  EXPECT_EQ(store.persons.birth[0], D(2004, 2, 29));
  EXPECT_EQ(store.persons.birth[2], D(2001, 12, 31));
  EXPECT_EQ(store.persons.exit[0], kNoDate);
}

TEST(RecordsIoTest, LoadsAllFixturesTogether) {
  RecordStore store;
  LoadReport report;
  RecordFilePaths paths{DataPath("jeugdhulp.csv"), DataPath("jeugdbescherming.csv"),
                        DataPath("verzuim.csv"), DataPath("vervolgzorg.csv"),
                        DataPath("persons.csv")};
  ASSERT_TRUE(LoadRecordFiles(paths, &store, {}, &report).ok());
  EXPECT_EQ(report.input_rows, 3u + 4u + 2u + 2u + 2u);
  EXPECT_EQ(report.loaded_rows, report.input_rows);
  // persons.csv is loaded first: P001, P003, P007, then P002 (jeugdhulp), P004, P005, P006.
  ASSERT_EQ(store.persons.size(), 7u);
  EXPECT_EQ(store.persons.ids.id(2), "P007");
  EXPECT_EQ(store.persons.exit[1], D(2020, 6, 1));
  EXPECT_EQ(store.persons.exit_reason[1], ExitReason::kEmigratie);
  EXPECT_EQ(store.persons.exit_reason[2], ExitReason::kOverlijden);
  EXPECT_EQ(store.persons.birth[2], D(2003, 4, 4));

  const JeugdbeschermingTable& jb = store.jeugdbescherming;
  ASSERT_EQ(jb.size(), 2u);
  EXPECT_THAT(jb.measure, ElementsAre(Measure::kOts, Measure::kVoorlopigeVoogdij));
  EXPECT_THAT(jb.end, ElementsAre(kOpenEnd, D(2019, 5, 1)));
  EXPECT_EQ(store.persons.ids.id(jb.person[1]), "P004");
  EXPECT_THAT(jb.municipality, ElementsAre(363, 518));

  const VerzuimTable& v = store.verzuim;
  EXPECT_THAT(v.kind, ElementsAre(VerzuimKind::kRelatief, VerzuimKind::kVrijstelling5a));
  EXPECT_THAT(v.start, ElementsAre(D(2018, 9, 3), D(2018, 8, 1)));
  EXPECT_EQ(store.persons.ids.id(v.person[0]), "P002");

  const VervolgzorgTable& vz = store.vervolgzorg;
  EXPECT_THAT(vz.kind, ElementsAre(VervolgzorgKind::kZvwGgz, VervolgzorgKind::kWmo));
  EXPECT_THAT(vz.end, ElementsAre(kOpenEnd, D(2019, 11, 30)));
  EXPECT_EQ(store.persons.ids.id(vz.person[1]), "P006");
  EXPECT_EQ(store.persons.birth[vz.person[1]], kNoDate);  // only in vervolgzorg
}

TEST(RecordsIoTest, MissingFileIsNotFound) {
  RecordStore store;
  const absl::Status s = LoadJeugdhulpCsv(DataPath("nope.csv"), &store, {}, nullptr);
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(s), HasSubstr("nope.csv"));
}

TEST(RecordsIoTest, EmptyFileNeedsAHeader) {
  const std::string path = testing::TempDir() + "/zvdj_empty_vervolgzorg.csv";
  { std::FILE* f = std::fopen(path.c_str(), "wb"); ASSERT_NE(f, nullptr); std::fclose(f); }
  RecordStore store;
  EXPECT_EQ(Message(LoadVervolgzorgCsv(path, &store, {}, nullptr)),
            path + ":1: empty file, expected a header row");
  std::remove(path.c_str());
}

TEST(RecordsIoTest, ColumnsInAnotherOrderBomCrlfQuotesBlankLines) {
  const std::string text =
      "\xEF\xBB\xBF"
      "end_reason,form,start_date,end_date,provider,municipality,birth_date,person_id\r\n"
      "samen,ambulant,2019-01-01,2019-02-01,\"Aanbieder, B.V.\",GM0014,2005-05-05,\"P 1\"\r\n"
      ",daghulp,2019-03-01,, A2 ,GM0014,2005-05-05,P2\r\n"
      "\r\n\r\n";
  RecordStore store;
  LoadReport report;
  ASSERT_TRUE(ParseJeugdhulpCsv(text, "x.csv", &store, {}, &report).ok());
  EXPECT_EQ(report.input_rows, 2u);
  ASSERT_EQ(store.jeugdhulp.size(), 2u);
  EXPECT_EQ(store.providers.id(0), "Aanbieder, B.V.");
  EXPECT_EQ(store.providers.id(1), "A2");  // surrounding spaces are dropped
  EXPECT_EQ(store.persons.ids.id(0), "P 1");
  EXPECT_EQ(store.jeugdhulp.end_reason[0], EndReason::kSamen);
  EXPECT_EQ(store.jeugdhulp.end[1], kOpenEnd);
  EXPECT_EQ(store.jeugdhulp.municipality[0], 14);
}

TEST(RecordsIoTest, OptionalColumnsMayBeLeftOut) {
  RecordStore store;
  ASSERT_TRUE(ParseJeugdhulpCsv(
                  "person_id,birth_date,municipality,provider,form,start_date\n"
                  "P1,2005-05-05,GM0014,A,ambulant,2019-01-01\n",
                  "x.csv", &store, {}, nullptr)
                  .ok());
  EXPECT_EQ(store.jeugdhulp.end[0], kOpenEnd);
  ASSERT_TRUE(ParsePersonsCsv("person_id,birth_date\nP9,2001-01-01\n", "p.csv", &store, {},
                              nullptr)
                  .ok());
}

TEST(RecordsIoTest, HeaderErrors) {
  RecordStore store;
  LoadReport report;
  const LoadOptions lenient{.mode = LoadMode::kLenient};
  absl::Status s = ParseJeugdhulpCsv(
      "person_id,birth_date,municipality,provider,form,start_date,end_date,end_reason,extra\n",
      "j.csv", &store, lenient, &report);
  EXPECT_EQ(Message(s),
            "j.csv:1:9: unknown column 'extra' in jeugdhulp.csv (expected: person_id, "
            "birth_date, municipality, provider, form, start_date, end_date, end_reason)");
  s = ParseJeugdhulpCsv("person_id,birth_date,municipality,provider,form,end_date\n", "j.csv",
                        &store, lenient, &report);
  EXPECT_EQ(Message(s), "j.csv:1: missing column 'start_date' in jeugdhulp.csv");
  s = ParseVervolgzorgCsv("", "v.csv", &store, {}, nullptr);
  EXPECT_EQ(Message(s), "v.csv:1: empty file, expected a header row");
  s = ParseVervolgzorgCsv("person_id,kind,kind,start_date\n", "v.csv", &store, {}, nullptr);
  EXPECT_EQ(Message(s), "v.csv:1:3: duplicated column 'kind'");
}

TEST(RecordsIoTest, JeugdhulpValidationMessages) {
  EXPECT_EQ(JeugdhulpError("P1,2005-05-05,GM0014,A,ambulant,2019-02-29,,"),
            "j.csv:2:6: 2019-02-29 does not exist (month has 28 days) (column 'start_date')");
  EXPECT_EQ(JeugdhulpError("P1,2005-05-05,GM0014,A,ambulant,2019-13-01,,"),
            "j.csv:2:6: month 13 outside [1, 12] (column 'start_date')");
  EXPECT_EQ(JeugdhulpError("P1,05-05-2005,GM0014,A,ambulant,2019-01-01,,"),
            "j.csv:2:2: '05-05-2005' is not an ISO date YYYY-MM-DD (column 'birth_date')");
  EXPECT_EQ(JeugdhulpError("P1,2005-05-05,GM0014,A,ambulant,2019-01-01,2019/02/01,overig"),
            "j.csv:2:7: '2019/02/01' is not an ISO date YYYY-MM-DD (column 'end_date')");
  EXPECT_EQ(JeugdhulpError("P1,2005-05-05,GM0014,A,ambulant,2019-02-01,2019-01-31,overig"),
            "j.csv:2:7: end_date 2019-01-31 is before start_date 2019-02-01 (column 'end_date')");
  EXPECT_EQ(JeugdhulpError("P1,2005-05-05,GM0014,A,residentieel,2019-02-01,,"),
            "j.csv:2:5: unknown form 'residentieel' (expected one of: wijkteam, ambulant, "
            "daghulp, netwerk, pleegzorg, gezinsgericht, gesloten, overig_verblijf) "
            "(column 'form')");
  EXPECT_EQ(JeugdhulpError("P1,2005-05-05,GM0014,A,ambulant,2019-01-01,2019-02-01,klaar"),
            "j.csv:2:8: unknown end_reason 'klaar' (expected one of: volgens_plan, samen, "
            "eenzijdig_client, eenzijdig_aanbieder, overig, onbekend) (column 'end_reason')");
  EXPECT_EQ(JeugdhulpError("P1,2005-05-05,GM14,A,ambulant,2019-01-01,,"),
            "j.csv:2:3: 'GM14' is not a municipality code (GM + 4 digits) "
            "(column 'municipality')");
  EXPECT_EQ(JeugdhulpError("P1,2005-05-05,0014,A,ambulant,2019-01-01,,"),
            "j.csv:2:3: '0014' is not a municipality code (GM + 4 digits) "
            "(column 'municipality')");
  EXPECT_EQ(JeugdhulpError("P1,2019-05-05,GM0014,A,ambulant,2019-01-01,,"),
            "j.csv:2:2: birth_date 2019-05-05 is after start_date 2019-01-01 "
            "(column 'birth_date')");
  EXPECT_EQ(JeugdhulpError("P1,2005-05-05,GM0014,A,ambulant,2019-01-01,,volgens_plan"),
            "j.csv:2:8: end_reason 'volgens_plan' given but end_date is empty "
            "(column 'end_reason')");
  EXPECT_EQ(JeugdhulpError(",2005-05-05,GM0014,A,ambulant,2019-01-01,,"),
            "j.csv:2:1: missing value (column 'person_id')");
  EXPECT_EQ(JeugdhulpError("P1,,GM0014,A,ambulant,2019-01-01,,"),
            "j.csv:2:2: missing value (column 'birth_date')");
  EXPECT_EQ(JeugdhulpError("P1,2005-05-05,GM0014,,ambulant,2019-01-01,,"),
            "j.csv:2:4: missing value (column 'provider')");
  EXPECT_EQ(JeugdhulpError("P1,2005-05-05,GM0014,A,,2019-01-01,,"),
            "j.csv:2:5: missing value (column 'form')");
  EXPECT_EQ(JeugdhulpError("P1,2005-05-05,GM0014,A,ambulant,,,"),
            "j.csv:2:6: missing value (column 'start_date')");
  EXPECT_EQ(JeugdhulpError("P1,2005-05-05,GM0014,A,ambulant,2019-01-01,"),
            "j.csv:2: expected 8 fields as in the header, found 7");
  EXPECT_EQ(JeugdhulpError("P1,2005-05-05,GM0014,\"A,ambulant,2019-01-01,,"),
            "j.csv:2:4: quote opened here is never closed");
  // A second birth date for the same person, on a later line.
  EXPECT_EQ(JeugdhulpError("P1,2005-05-05,GM0014,A,ambulant,2019-01-01,,\n"
                           "P1,2005-05-06,GM0014,A,daghulp,2019-01-01,,"),
            "j.csv:3:2: person 'P1' has birth_date 2005-05-06 here but 2005-05-05 earlier "
            "(column 'birth_date')");
}

TEST(RecordsIoTest, EndEqualToStartIsAccepted) {
  RecordStore store;
  ASSERT_TRUE(ParseJeugdhulpCsv(std::string(kJeugdhulpHeader) +
                                    "P1,2005-05-05,GM0014,A,ambulant,2019-01-01,2019-01-01,\n",
                                "j.csv", &store, {}, nullptr)
                  .ok());
  EXPECT_EQ(store.jeugdhulp.start[0], store.jeugdhulp.end[0]);
}

TEST(RecordsIoTest, TwoBirthDatesAcrossFiles) {
  RecordStore store;
  ASSERT_TRUE(LoadPersonsCsv(DataPath("persons.csv"), &store, {}, nullptr).ok());
  const absl::Status s = ParseJeugdbeschermingCsv(
      "person_id,birth_date,municipality,measure,start_date,end_date\n"
      "P001,2004-03-01,GM0363,ots,2018-06-01,\n",
      "jb.csv", &store, {}, nullptr);
  EXPECT_EQ(Message(s),
            "jb.csv:2:2: person 'P001' has birth_date 2004-03-01 here but 2004-02-29 earlier "
            "(column 'birth_date')");
}

TEST(RecordsIoTest, OtherFilesValidationMessages) {
  RecordStore store;
  auto jb = [&](const std::string& line) {
    return Message(ParseJeugdbeschermingCsv(
        "person_id,birth_date,municipality,measure,start_date,end_date\n" + line + "\n",
        "jb.csv", &store, {}, nullptr));
  };
  EXPECT_EQ(jb("P1,2005-05-05,GM0014,ondertoezichtstelling,2019-01-01,"),
            "jb.csv:2:4: unknown measure 'ondertoezichtstelling' (expected one of: ots, vots, "
            "voogdij, voorlopige_voogdij, tijdelijke_voogdij) (column 'measure')");
  EXPECT_EQ(jb("P1,2005-05-05,GM0014,ots,2019-01-01,2018-12-31"),
            "jb.csv:2:6: end_date 2018-12-31 is before start_date 2019-01-01 (column 'end_date')");
  auto vz = [&](const std::string& line) {
    return Message(ParseVerzuimCsv(
        "person_id,birth_date,municipality,kind,start_date,end_date\n" + line + "\n", "v.csv",
        &store, {}, nullptr));
  };
  EXPECT_EQ(vz("P1,2005-05-05,GM0014,vrijstelling,2019-01-01,"),
            "v.csv:2:4: unknown kind 'vrijstelling' (expected one of: relatief, absoluut, "
            "vrijstelling_5a) (column 'kind')");
  EXPECT_EQ(vz("P1,2005-05-05,GM0014,absoluut,2019-01-01,2019-04-31"),
            "v.csv:2:6: 2019-04-31 does not exist (month has 30 days) (column 'end_date')");
  auto vv = [&](const std::string& line) {
    return Message(ParseVervolgzorgCsv("person_id,kind,start_date,end_date\n" + line + "\n",
                                       "vv.csv", &store, {}, nullptr));
  };
  EXPECT_EQ(vv("P1,ggz,2019-01-01,"),
            "vv.csv:2:2: unknown kind 'ggz' (expected one of: zvw_ggz, wmo, wlz) (column 'kind')");
  auto pe = [&](const std::string& lines) {
    RecordStore fresh;
    return Message(ParsePersonsCsv("person_id,birth_date,exit_date,exit_reason\n" + lines,
                                   "p.csv", &fresh, {}, nullptr));
  };
  EXPECT_EQ(pe("P1,2005-05-05,2019-01-01,verhuisd\n"),
            "p.csv:2:4: unknown exit_reason 'verhuisd' (expected one of: emigratie, overlijden) "
            "(column 'exit_reason')");
  EXPECT_EQ(pe("P1,2005-05-05,2019-01-01,\n"),
            "p.csv:2:4: missing value (exit_date is given) (column 'exit_reason')");
  EXPECT_EQ(pe("P1,2005-05-05,,emigratie\n"),
            "p.csv:2:3: missing value (exit_reason is given) (column 'exit_date')");
  EXPECT_EQ(pe("P1,2005-05-05,2004-01-01,overlijden\n"),
            "p.csv:2:3: exit_date 2004-01-01 is before birth_date 2005-05-05 (column 'exit_date')");
  EXPECT_EQ(pe("P1,2005-05-05,,\nP1,2005-05-05,,\n"),
            "p.csv:3:1: person 'P1' is listed twice (column 'person_id')");
}

TEST(RecordsIoTest, LenientSkipsBadRowsAndCountsAddUp) {
  const std::string text = std::string(kJeugdhulpHeader) +
                           "P1,2005-05-05,GM0014,A,ambulant,2019-01-01,,\n"         // 2 ok
                           "P2,2005-05-05,GM0014,A,ambulant,2019-02-30,,\n"         // 3 bad date
                           "P3,2005-05-05,GM0014,A,ambulant,2019-01-01\n"           // 4 fields
                           "P6,2005-05-05,GM0014,A\"x,ambulant,2019-01-01,,\n"      // 5 stray quote
                           "P5,2005-05-05,GM0014,A,ambulant,2019-01-01,,\n"         // 6 ok
                           "P1,2005-05-06,GM0014,A,ambulant,2019-01-01,,\n"         // 7 birth
                           "P7,2005-05-05,GM0014,A,ambulant,2019-01-01,2019-01-02,\n"  // 8 ok
                           "P4,2005-05-05,GM0014,\"A,ambulant,2019-01-01,,\n"       // 9 open quote
                           "P8,2005-05-05,GM0014,A,ambulant,2019-01-01,,\n"         // 10 ok
                           "\n";
  RecordStore store;
  LoadReport report;
  ASSERT_TRUE(
      ParseJeugdhulpCsv(text, "j.csv", &store, {.mode = LoadMode::kLenient}, &report).ok());
  EXPECT_EQ(report.input_rows, 9u);
  EXPECT_EQ(report.loaded_rows, 4u);
  EXPECT_EQ(report.loaded_rows + report.skipped.size(), report.input_rows);
  ASSERT_EQ(report.skipped.size(), 5u);
  std::vector<size_t> lines, columns;
  for (const SkippedRow& r : report.skipped) {
    EXPECT_EQ(r.file, "j.csv");
    lines.push_back(r.line);
    columns.push_back(r.column);
  }
  EXPECT_THAT(lines, ElementsAre(3u, 4u, 5u, 7u, 9u));
  EXPECT_THAT(columns, ElementsAre(6u, 0u, 4u, 2u, 4u));
  EXPECT_EQ(report.skipped[0].reason, "2019-02-30 does not exist (month has 28 days)");
  EXPECT_EQ(report.skipped[1].reason, "expected 8 fields as in the header, found 6");
  EXPECT_EQ(report.skipped[2].reason, "quote inside an unquoted field");
  EXPECT_EQ(report.skipped[3].reason,
            "person 'P1' has birth_date 2005-05-06 here but 2005-05-05 earlier");
  EXPECT_EQ(report.skipped[4].reason, "quote opened here is never closed");
  // Skipped rows leave nothing behind: P2, P3, P4 and P6 are unknown.
  EXPECT_EQ(store.persons.size(), 4u);
  EXPECT_FALSE(store.persons.ids.Find("P2").has_value());
  EXPECT_EQ(store.jeugdhulp.size(), 4u);
}

TEST(RecordsIoTest, LenientNeedsAReport) {
  RecordStore store;
  EXPECT_EQ(ParseJeugdhulpCsv(kJeugdhulpHeader, "j.csv", &store, {.mode = LoadMode::kLenient},
                              nullptr)
                .code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(RecordsIoTest, StrictKeepsRowsBeforeTheError) {
  RecordStore store;
  LoadReport report;
  const absl::Status s = ParseJeugdhulpCsv(std::string(kJeugdhulpHeader) +
                                               "P1,2005-05-05,GM0014,A,ambulant,2019-01-01,,\n"
                                               "P2,2005-05-05,GM0014,A,ambulant,2019-02-30,,\n",
                                           "j.csv", &store, {}, &report);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(report.input_rows, 2u);
  EXPECT_EQ(report.loaded_rows, 1u);
  EXPECT_EQ(store.jeugdhulp.size(), 1u);
}

TEST(RecordsIoTest, ArrayInputMatchesCsv) {
  RecordStore from_csv;
  ASSERT_TRUE(LoadJeugdhulpCsv(DataPath("jeugdhulp.csv"), &from_csv, {}, nullptr).ok());
  const auto d = [](int y, int m, int dd) { return Date::FromYmdUnchecked(y, m, dd); };
  const JeugdhulpInput rows[] = {
      {"P001", d(2004, 2, 29), "GM0363", "A01", "ambulant", d(2019, 1, 15), d(2019, 6, 30),
       "volgens_plan"},
      {"P001", d(2004, 2, 29), "GM0363", "A02", "pleegzorg", d(2019, 7, 1), std::nullopt, ""},
      {"P002", d(2010, 5, 10), "GM0599", "A01", "wijkteam", d(2018, 11, 1), d(2019, 12, 31), ""},
      {"P003", d(2001, 12, 31), "GM0344", "A03", "gesloten", d(2019, 3, 1), d(2019, 3, 1),
       "samen"},
  };
  RecordStore from_array;
  LoadReport report;
  ASSERT_TRUE(AddJeugdhulpRecords(&from_array, rows, 4, {}, &report).ok());
  EXPECT_EQ(report.loaded_rows, 4u);
  EXPECT_EQ(from_array.jeugdhulp.person, from_csv.jeugdhulp.person);
  EXPECT_EQ(from_array.jeugdhulp.municipality, from_csv.jeugdhulp.municipality);
  EXPECT_EQ(from_array.jeugdhulp.provider, from_csv.jeugdhulp.provider);
  EXPECT_EQ(from_array.jeugdhulp.form, from_csv.jeugdhulp.form);
  EXPECT_EQ(from_array.jeugdhulp.start, from_csv.jeugdhulp.start);
  EXPECT_EQ(from_array.jeugdhulp.end, from_csv.jeugdhulp.end);
  EXPECT_EQ(from_array.jeugdhulp.end_reason, from_csv.jeugdhulp.end_reason);
  EXPECT_EQ(from_array.persons.birth, from_csv.persons.birth);
}

TEST(RecordsIoTest, ArrayInputErrorsNameTheRow) {
  const auto d = [](int y, int m, int dd) { return Date::FromYmdUnchecked(y, m, dd); };
  const JeugdhulpInput rows[] = {
      {"P1", d(2004, 2, 29), "GM0363", "A", "ambulant", d(2019, 1, 15), std::nullopt, ""},
      {"P2", d(2004, 2, 29), "GM0363", "A", "ambulant", d(2019, 1, 15), d(2019, 1, 14), "samen"},
      {"P3", d(2004, 2, 29), "GM363", "A", "ambulant", d(2019, 1, 15), std::nullopt, ""},
  };
  RecordStore store;
  EXPECT_EQ(Message(AddJeugdhulpRecords(&store, rows, 3, {}, nullptr)),
            "jeugdhulp[1]: end_date 2019-01-14 is before start_date 2019-01-15 (field 'end_date')");
  RecordStore lenient_store;
  LoadReport report;
  ASSERT_TRUE(
      AddJeugdhulpRecords(&lenient_store, rows, 3, {.mode = LoadMode::kLenient}, &report).ok());
  EXPECT_EQ(report.loaded_rows, 1u);
  ASSERT_EQ(report.skipped.size(), 2u);
  EXPECT_EQ(report.skipped[0].line, 1u);
  EXPECT_EQ(report.skipped[0].column, 7u);
  EXPECT_EQ(report.skipped[1].line, 2u);
  EXPECT_EQ(report.skipped[1].column, 3u);
  EXPECT_EQ(report.skipped[1].file, "jeugdhulp");

  const VervolgzorgInput vv[] = {{"P1", "wlz", d(2020, 1, 1), std::nullopt}};
  EXPECT_TRUE(AddVervolgzorgRecords(&store, vv, 1, {}, nullptr).ok());
  const PersonInput pe[] = {{"P9", d(2001, 1, 1), d(2020, 1, 1), ""}};
  EXPECT_EQ(Message(AddPersonRecords(&store, pe, 1, {}, nullptr)),
            "persons[0]: missing value (exit_date is given) (field 'exit_reason')");
  const JeugdbeschermingInput jb[] = {{"P1", d(2004, 2, 29), "GM0363", "ots", d(2019, 1, 1),
                                       std::nullopt}};
  EXPECT_TRUE(AddJeugdbeschermingRecords(&store, jb, 1, {}, nullptr).ok());
  const VerzuimInput vz[] = {{"P1", d(2004, 2, 28), "GM0363", "absoluut", d(2019, 1, 1),
                              std::nullopt}};
  EXPECT_EQ(Message(AddVerzuimRecords(&store, vz, 1, {}, nullptr)),
            "verzuim[0]: person 'P1' has birth_date 2004-02-28 here but 2004-02-29 earlier "
            "(field 'birth_date')");
}

TEST(RecordsIoTest, WriterLoaderRoundTrip) {
  RecordStore store;
  RecordFilePaths paths{DataPath("jeugdhulp.csv"), DataPath("jeugdbescherming.csv"),
                        DataPath("verzuim.csv"), DataPath("vervolgzorg.csv"),
                        DataPath("persons.csv")};
  ASSERT_TRUE(LoadRecordFiles(paths, &store, {}, nullptr).ok());
  std::ostringstream j, jb, vz, vv, pe;
  ASSERT_TRUE(WriteJeugdhulpCsv(store, j).ok());
  ASSERT_TRUE(WriteJeugdbeschermingCsv(store, jb).ok());
  ASSERT_TRUE(WriteVerzuimCsv(store, vz).ok());
  ASSERT_TRUE(WriteVervolgzorgCsv(store, vv).ok());
  ASSERT_TRUE(WritePersonsCsv(store, pe).ok());
  EXPECT_EQ(j.str(),
            "person_id,birth_date,municipality,provider,form,start_date,end_date,end_reason\n"
            "P001,2004-02-29,GM0363,A01,ambulant,2019-01-15,2019-06-30,volgens_plan\n"
            "P001,2004-02-29,GM0363,A02,pleegzorg,2019-07-01,,\n"
            "P002,2010-05-10,GM0599,A01,wijkteam,2018-11-01,2019-12-31,onbekend\n"
            "P003,2001-12-31,GM0344,A03,gesloten,2019-03-01,2019-03-01,samen\n");
  RecordStore again;
  ASSERT_TRUE(ParsePersonsCsv(pe.str(), "p", &again, {}, nullptr).ok());
  ASSERT_TRUE(ParseJeugdhulpCsv(j.str(), "j", &again, {}, nullptr).ok());
  ASSERT_TRUE(ParseJeugdbeschermingCsv(jb.str(), "jb", &again, {}, nullptr).ok());
  ASSERT_TRUE(ParseVerzuimCsv(vz.str(), "vz", &again, {}, nullptr).ok());
  ASSERT_TRUE(ParseVervolgzorgCsv(vv.str(), "vv", &again, {}, nullptr).ok());
  EXPECT_EQ(again.persons.birth, store.persons.birth);
  EXPECT_EQ(again.persons.exit, store.persons.exit);
  EXPECT_EQ(again.persons.exit_reason, store.persons.exit_reason);
  EXPECT_EQ(again.jeugdhulp.person, store.jeugdhulp.person);
  EXPECT_EQ(again.jeugdhulp.start, store.jeugdhulp.start);
  EXPECT_EQ(again.jeugdhulp.end, store.jeugdhulp.end);
  EXPECT_EQ(again.jeugdhulp.end_reason, store.jeugdhulp.end_reason);
  EXPECT_EQ(again.jeugdbescherming.measure, store.jeugdbescherming.measure);
  EXPECT_EQ(again.jeugdbescherming.end, store.jeugdbescherming.end);
  EXPECT_EQ(again.verzuim.kind, store.verzuim.kind);
  EXPECT_EQ(again.vervolgzorg.kind, store.vervolgzorg.kind);
  EXPECT_EQ(again.vervolgzorg.end, store.vervolgzorg.end);
  // Writing the reloaded store gives the same bytes.
  std::ostringstream j2;
  ASSERT_TRUE(WriteJeugdhulpCsv(again, j2).ok());
  EXPECT_EQ(j2.str(), j.str());
}

TEST(RecordsIoTest, WriterQuotesIds) {
  RecordStore store;
  const JeugdhulpInput row{"P\"1", Date::FromYmdUnchecked(2004, 1, 1), "GM0363", "A, B",
                           "ambulant", Date::FromYmdUnchecked(2019, 1, 1), std::nullopt, ""};
  ASSERT_TRUE(AddJeugdhulpRecords(&store, &row, 1, {}, nullptr).ok());
  std::ostringstream out;
  ASSERT_TRUE(WriteJeugdhulpCsv(store, out).ok());
  EXPECT_THAT(out.str(), HasSubstr("\"P\"\"1\",2004-01-01,GM0363,\"A, B\",ambulant"));
  RecordStore again;
  ASSERT_TRUE(ParseJeugdhulpCsv(out.str(), "j", &again, {}, nullptr).ok());
  EXPECT_EQ(again.persons.ids.id(0), "P\"1");
  EXPECT_EQ(again.providers.id(0), "A, B");
}

}  // namespace
}  // namespace zvdj
