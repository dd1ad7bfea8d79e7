#include "zvdj/generator.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/records_io.hpp"

namespace zvdj {
namespace {

using ::testing::HasSubstr;

struct Generated {
  std::ostringstream jeugdhulp, jeugdbescherming, verzuim, vervolgzorg, persons, regions,
      herindeling;
  GenerateSummary summary;
};

std::unique_ptr<Generated> Generate(const GenerateOptions& options) {
  auto g = std::make_unique<Generated>();
  GenerateStreams s{&g->jeugdhulp, &g->jeugdbescherming, &g->verzuim, &g->vervolgzorg,
                    &g->persons,   &g->regions,          &g->herindeling};
  auto summary = GenerateRecords(options, s);
  EXPECT_TRUE(summary.ok()) << summary.status();
  if (summary.ok()) g->summary = *summary;
  return g;
}

// FNV-1a over all files, for determinism checks.
uint64_t Hash(const Generated& g) {
  uint64_t h = 1469598103934665603ull;
  for (const std::ostringstream* s : {&g.jeugdhulp, &g.jeugdbescherming, &g.verzuim,
                                      &g.vervolgzorg, &g.persons, &g.regions, &g.herindeling}) {
    for (char c : s->str()) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    h = (h ^ 0xFF) * 1099511628211ull;
  }
  return h;
}

size_t Lines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

int32_t D(int y, int m, int d) { return Date::FromYmdUnchecked(y, m, d).days(); }

bool ActiveDuring(int32_t start, int32_t end, int32_t first, int32_t last) {
  return start <= last && (end == kOpenEnd || end >= first);
}
bool ActiveOn(int32_t start, int32_t end, int32_t day) {
  return start <= day && (end == kOpenEnd || end > day);
}

class GeneratorScaleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    generated_ = Generate({.seed = 1, .persons = 20000, .from_year = 2016, .to_year = 2019})
                     .release();
    store_ = new RecordStore;
    LoadReport report;
    const LoadOptions strict;
    ASSERT_TRUE(ParsePersonsCsv(generated_->persons.str(), "persons.csv", store_, strict, &report).ok());
    absl::Status s = ParseJeugdhulpCsv(generated_->jeugdhulp.str(), "jeugdhulp.csv", store_, strict, &report);
    ASSERT_TRUE(s.ok()) << s;
    s = ParseJeugdbeschermingCsv(generated_->jeugdbescherming.str(), "jeugdbescherming.csv",
                                 store_, strict, &report);
    ASSERT_TRUE(s.ok()) << s;
    s = ParseVerzuimCsv(generated_->verzuim.str(), "verzuim.csv", store_, strict, &report);
    ASSERT_TRUE(s.ok()) << s;
    s = ParseVervolgzorgCsv(generated_->vervolgzorg.str(), "vervolgzorg.csv", store_, strict,
                            &report);
    ASSERT_TRUE(s.ok()) << s;
  }
  static void TearDownTestSuite() {
    delete generated_;
    delete store_;
  }
  static Generated* generated_;
  static RecordStore* store_;
};
Generated* GeneratorScaleTest::generated_ = nullptr;
RecordStore* GeneratorScaleTest::store_ = nullptr;

TEST_F(GeneratorScaleTest, SummaryMatchesFiles) {
  const GenerateSummary& s = generated_->summary;
  EXPECT_EQ(Lines(generated_->jeugdhulp.str()), static_cast<size_t>(s.jeugdhulp) + 1);
  EXPECT_EQ(Lines(generated_->jeugdbescherming.str()), static_cast<size_t>(s.jeugdbescherming) + 1);
  EXPECT_EQ(Lines(generated_->verzuim.str()), static_cast<size_t>(s.verzuim) + 1);
  EXPECT_EQ(Lines(generated_->vervolgzorg.str()), static_cast<size_t>(s.vervolgzorg) + 1);
  EXPECT_EQ(Lines(generated_->persons.str()), static_cast<size_t>(s.persons) + 1);
  EXPECT_EQ(store_->persons.size(), static_cast<size_t>(s.persons));
  EXPECT_EQ(store_->jeugdhulp.size(), static_cast<size_t>(s.jeugdhulp));
}

TEST_F(GeneratorScaleTest, YouthsPerYearAndMetVerblijfShare) {
  const JeugdhulpTable& t = store_->jeugdhulp;
  for (int year = 2016; year <= 2019; ++year) {
    std::set<uint32_t> any, verblijf;
    size_t rows = 0;
    for (size_t i = 0; i < t.size(); ++i) {
      if (!ActiveDuring(t.start[i], t.end[i], D(year, 1, 1), D(year, 12, 31))) continue;
      ++rows;
      any.insert(t.person[i]);
      if (IsMetVerblijf(t.form[i])) verblijf.insert(t.person[i]);
    }
    EXPECT_GT(any.size(), 17000u) << year;
    EXPECT_LT(any.size(), 23000u) << year;
    const double share = 100.0 * static_cast<double>(verblijf.size()) / static_cast<double>(any.size());
    EXPECT_GT(share, 8.0) << year;
    EXPECT_LT(share, 13.0) << year;
    const double per_youth = static_cast<double>(rows) / static_cast<double>(any.size());
    EXPECT_GT(per_youth, 1.3) << year;
    EXPECT_LT(per_youth, 2.8) << year;
  }
}

TEST_F(GeneratorScaleTest, Feb29BirthsOpenEndsAndDecember31Ends) {
  size_t feb29 = 0;
  for (int32_t b : store_->persons.birth) {
    const Date d = Date::FromDays(b);
    feb29 += d.month() == 2 && d.day() == 29;
  }
  EXPECT_GT(feb29, 5u);
  const JeugdhulpTable& t = store_->jeugdhulp;
  size_t open = 0, dec31 = 0, cross_year = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t.end[i] == kOpenEnd) {
      ++open;
      EXPECT_EQ(t.end_reason[i], EndReason::kNone);
      continue;
    }
    const Date e = Date::FromDays(t.end[i]);
    dec31 += e.month() == 12 && e.day() == 31;
    cross_year += Date::FromDays(t.start[i]).year() != e.year();
    EXPECT_LE(t.end[i], D(2019, 12, 31));
  }
  EXPECT_GT(open, 1000u);
  EXPECT_GT(dec31, 500u);
  EXPECT_GT(cross_year, 5000u);
}

TEST_F(GeneratorScaleTest, OverlapsWithSameFormAndProvider) {
  const JeugdhulpTable& t = store_->jeugdhulp;
  size_t overlaps = 0;
  // Rows are grouped by person, so comparing neighbours finds most of them.
  for (size_t i = 1; i < t.size(); ++i) {
    if (t.person[i] == t.person[i - 1] && t.form[i] == t.form[i - 1] &&
        t.provider[i] == t.provider[i - 1] && t.start[i] < t.end[i - 1] &&
        t.start[i] >= t.start[i - 1]) {
      ++overlaps;
    }
  }
  EXPECT_GT(overlaps, 500u);
}

TEST_F(GeneratorScaleTest, HerindelingCodesUsedOnlyBeforeTheMerger) {
  size_t before = 0;
  const JeugdhulpTable& t = store_->jeugdhulp;
  for (size_t i = 0; i < t.size(); ++i) {
    const uint16_t m = t.municipality[i];
    if (m == 15 || m == 22 || m == 25 || m == 56) {  // Westerkwartier, merged 2019-01-01
      EXPECT_LT(t.start[i], D(2019, 1, 1));
      ++before;
    }
    if (m == 1969) {
      EXPECT_GE(t.start[i], D(2019, 1, 1));
    }
  }
  EXPECT_GT(before, 10u);
  EXPECT_THAT(generated_->herindeling.str(), HasSubstr("GM0015,GM1969,2019-01-01\n"));
  EXPECT_THAT(generated_->herindeling.str(), HasSubstr("GM0844,GM1948,2017-01-01\n"));
}

TEST_F(GeneratorScaleTest, RegionsFile) {
  const std::string r = generated_->regions.str();
  // 342 current municipalities and 10 merged ones, each with a JZ and a PV row.
  EXPECT_EQ(Lines(r), 1u + 2u * (342u + 10u));
  EXPECT_EQ(generated_->summary.regions, 704);
  EXPECT_THAT(r, HasSubstr("GM0363,JZ"));
  EXPECT_THAT(r, HasSubstr("GM0015,JZ"));
  EXPECT_THAT(r, HasSubstr(",2015,2018\n"));
  EXPECT_THAT(r, HasSubstr("JZ42"));
  EXPECT_THAT(r, HasSubstr("PV31"));
  EXPECT_EQ(r.find("JZ43"), std::string::npos);
}

TEST_F(GeneratorScaleTest, JeugdbeschermingInflowAndPlacement) {
  const JeugdbeschermingTable& jb = store_->jeugdbescherming;
  const JeugdhulpTable& jh = store_->jeugdhulp;
  for (int year = 2017; year <= 2019; ++year) {
    size_t inflow = 0;
    std::set<uint32_t> ots;
    const int32_t dec31 = D(year, 12, 31);
    for (size_t i = 0; i < jb.size(); ++i) {
      inflow += Date::FromDays(jb.start[i]).year() == year;
      if ((jb.measure[i] == Measure::kOts || jb.measure[i] == Measure::kVots) &&
          ActiveOn(jb.start[i], jb.end[i], dec31)) {
        ots.insert(jb.person[i]);
      }
    }
    // About 11 000 a year nationally: 489 at this scale.
    EXPECT_GT(inflow, 350u) << year;
    EXPECT_LT(inflow, 650u) << year;
    std::set<uint32_t> placed;
    for (size_t i = 0; i < jh.size(); ++i) {
      if (IsMetVerblijf(jh.form[i]) && ActiveOn(jh.start[i], jh.end[i], dec31) &&
          ots.count(jh.person[i])) {
        placed.insert(jh.person[i]);
      }
    }
    const double share = 100.0 * static_cast<double>(placed.size()) / static_cast<double>(ots.size());
    EXPECT_GT(share, 20.0) << year;
    EXPECT_LT(share, 40.0) << year;
  }
}

TEST_F(GeneratorScaleTest, VerzuimAndExits) {
  std::set<uint32_t> vrijstelling;
  const VerzuimTable& v = store_->verzuim;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v.kind[i] == VerzuimKind::kVrijstelling5a &&
        ActiveDuring(v.start[i], v.end[i], D(2017, 8, 1), D(2018, 7, 31))) {
      vrijstelling.insert(v.person[i]);
    }
  }
  // About 5 500 a school year nationally: 244 at this scale.
  EXPECT_GT(vrijstelling.size(), 170u);
  EXPECT_LT(vrijstelling.size(), 330u);
  size_t emigrated = 0, died = 0;
  for (ExitReason r : store_->persons.exit_reason) {
    emigrated += r == ExitReason::kEmigratie;
    died += r == ExitReason::kOverlijden;
  }
  EXPECT_GT(emigrated, 50u);
  EXPECT_GT(died, 5u);
}

TEST(GeneratorTest, SameOptionsSameBytes) {
  const GenerateOptions o{.seed = 7, .persons = 2000, .from_year = 2017, .to_year = 2019};
  const auto a = Generate(o);
  const auto b = Generate(o);
  EXPECT_EQ(Hash(*a), Hash(*b));
  EXPECT_EQ(a->jeugdhulp.str(), b->jeugdhulp.str());
  GenerateOptions other = o;
  other.seed = 8;
  EXPECT_NE(Hash(*Generate(other)), Hash(*a));
}

TEST(GeneratorTest, ScalesWithPersons) {
  const auto small = Generate({.seed = 1, .persons = 1000, .from_year = 2018, .to_year = 2019});
  const auto large = Generate({.seed = 1, .persons = 4000, .from_year = 2018, .to_year = 2019});
  const double ratio = static_cast<double>(large->summary.jeugdhulp) /
                       static_cast<double>(small->summary.jeugdhulp);
  EXPECT_GT(ratio, 3.5);
  EXPECT_LT(ratio, 4.5);
}

TEST(GeneratorTest, RejectsBadOptions) {
  GenerateStreams none;
  EXPECT_EQ(GenerateRecords({.seed = 1, .persons = 0}, none).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(GenerateRecords({.seed = 1, .persons = 10, .from_year = 2019, .to_year = 2018}, none)
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(GeneratorTest, NullStreamsStillCount) {
  GenerateStreams only_jeugdhulp;
  std::ostringstream j;
  only_jeugdhulp.jeugdhulp = &j;
  auto s = GenerateRecords({.seed = 3, .persons = 500, .from_year = 2019, .to_year = 2019},
                           only_jeugdhulp);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(Lines(j.str()), static_cast<size_t>(s->jeugdhulp) + 1);
  EXPECT_GT(s->persons, 0);
}

std::string RunCli(const std::string& args, int* status) {
  const std::string cmd = std::string(ZVDJ_CLI_PATH) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int rc = pclose(p);
  *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return out;
}

TEST(GenerateCommandTest, WritesTheFilesAndASummary) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("zvdj_generate_test_" + std::to_string(getpid()));
  int status = 0;
  const std::string out =
      RunCli("generate --out " + dir.string() + " --persons 300 --from 2018 --to 2019 --seed 5",
             &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_THAT(out, HasSubstr("zvdj generate: wrote "));
  EXPECT_THAT(out, HasSubstr(" jeugdhulp, "));
  for (const char* f : {"jeugdhulp.csv", "jeugdbescherming.csv", "verzuim.csv",
                        "vervolgzorg.csv", "persons.csv", "regions.csv", "herindeling.csv"}) {
    EXPECT_TRUE(std::filesystem::exists(dir / f)) << f;
  }
  RecordStore store;
  RecordFilePaths paths{(dir / "jeugdhulp.csv").string(), (dir / "jeugdbescherming.csv").string(),
                        (dir / "verzuim.csv").string(), (dir / "vervolgzorg.csv").string(),
                        (dir / "persons.csv").string()};
  const absl::Status s = LoadRecordFiles(paths, &store, {}, nullptr);
  EXPECT_TRUE(s.ok()) << s;
  // Same options through the library give the same bytes.
  const auto g = Generate({.seed = 5, .persons = 300, .from_year = 2018, .to_year = 2019});
  std::ifstream f(dir / "jeugdhulp.csv", std::ios::binary);
  std::stringstream file;
  file << f.rdbuf();
  EXPECT_EQ(file.str(), g->jeugdhulp.str());
  std::filesystem::remove_all(dir);
}

TEST(GenerateCommandTest, BadArguments) {
  int status = 0;
  std::string out = RunCli("generate --persons 10", &status);
  EXPECT_EQ(status, 2);
  EXPECT_THAT(out, HasSubstr("--out DIR is required"));
  out = RunCli("generate --out /nonexistent-dir-zvdj --persons ten", &status);
  EXPECT_EQ(status, 2);
  EXPECT_THAT(out, HasSubstr("--persons: 'ten' is not a whole number"));
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("zvdj_generate_bad_" + std::to_string(getpid()));
  out = RunCli("generate --out " + dir.string() + " --persons 10 --from 2020 --to 2019", &status);
  EXPECT_EQ(status, 2);
  EXPECT_THAT(out, HasSubstr("years must satisfy"));
  EXPECT_FALSE(std::filesystem::exists(dir));  // nothing is created for bad options
}

}  // namespace
}  // namespace zvdj
