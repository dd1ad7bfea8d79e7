// C API: the synthetic data generator (zvdj_generate_*): files and records
// equal to the C++ generator's, deterministic output, NULL handles and errors.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "c_api_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/generator.hpp"
#include "zvdj/records_io.hpp"
#include "zvdj/zvdj.h"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using namespace zvdj_test;

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

zvdj_generate_options SmallOptions() {
  zvdj_generate_options o;
  EXPECT_EQ(zvdj_generate_options_init(&o, ZVDJ_GENERATE_OPTIONS_VERSION), ZVDJ_OK);
  o.seed = 7;
  o.persons = 300;
  o.from_year = 2018;
  o.to_year = 2019;
  return o;
}

TEST(CApiGenerator, DefaultsAreNationalScale) {
  zvdj_generate_options o;
  ASSERT_EQ(zvdj_generate_options_init(&o, ZVDJ_GENERATE_OPTIONS_VERSION), ZVDJ_OK);
  const zvdj::GenerateOptions d;
  EXPECT_EQ(o.seed, d.seed);
  EXPECT_EQ(o.persons, 450000);
  EXPECT_EQ(o.from_year, 2016);
  EXPECT_EQ(o.to_year, 2019);
  EXPECT_EQ(zvdj_generate_options_init(&o, 0), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "zvdj_generate_options version 0 is not supported");
  EXPECT_EQ(zvdj_generate_options_init(nullptr, 1), ZVDJ_INVALID_ARGUMENT);
}

TEST(CApiGenerator, FilesAreTheCppGeneratorsBytes) {
  const std::filesystem::path dir = TempDir("generate");
  std::filesystem::remove_all(dir);
  const zvdj_generate_options o = SmallOptions();
  TablePtr summary;
  ASSERT_EQ(zvdj_generate_files(&summary.p, dir.c_str(), &o), ZVDJ_OK) << LastError();
  EXPECT_THAT(ColumnNames(summary.p), ElementsAre("file", "rows"));
  ASSERT_EQ(Rows(summary.p), 7u);

  std::ostringstream jh, jb, vz, vv, ps, rg, hr;
  zvdj::GenerateStreams s{&jh, &jb, &vz, &vv, &ps, &rg, &hr};
  const zvdj::GenerateSummary want =
      zvdj::GenerateRecords({.seed = 7, .persons = 300, .from_year = 2018, .to_year = 2019}, s)
          .value();
  EXPECT_EQ(ReadAll(dir / "jeugdhulp.csv"), jh.str());
  EXPECT_EQ(ReadAll(dir / "persons.csv"), ps.str());
  EXPECT_EQ(ReadAll(dir / "regions.csv"), rg.str());
  EXPECT_EQ(Cell(summary.p, 0, "file"), "jeugdhulp.csv");
  const std::vector<double> rows = Numbers(summary.p, "rows");
  EXPECT_THAT(rows, ElementsAre(want.jeugdhulp, want.jeugdbescherming, want.verzuim,
                                want.vervolgzorg, want.persons, want.regions, want.herindeling));
  // No summary wanted.
  ASSERT_EQ(zvdj_generate_files(nullptr, dir.c_str(), &o), ZVDJ_OK) << LastError();
  std::filesystem::remove_all(dir);
}

TEST(CApiGenerator, RecordsEqualLoadingTheFiles) {
  const zvdj_generate_options o = SmallOptions();
  zvdj_records* rec = nullptr;
  ASSERT_EQ(zvdj_records_create(&rec), ZVDJ_OK);
  TablePtr summary;
  ASSERT_EQ(zvdj_generate_records(&summary.p, rec, &o), ZVDJ_OK) << LastError();
  ASSERT_EQ(Rows(summary.p), 5u);
  const std::vector<double> rows = Numbers(summary.p, "rows");

  const std::filesystem::path dir = TempDir("generate_records");
  ASSERT_EQ(zvdj_generate_files(nullptr, dir.c_str(), &o), ZVDJ_OK);
  zvdj_records* loaded = nullptr;
  ASSERT_EQ(zvdj_records_create(&loaded), ZVDJ_OK);
  ASSERT_EQ(zvdj_records_load_files(nullptr, loaded, (dir / "jeugdhulp.csv").c_str(),
                                    (dir / "jeugdbescherming.csv").c_str(),
                                    (dir / "verzuim.csv").c_str(),
                                    (dir / "vervolgzorg.csv").c_str(),
                                    (dir / "persons.csv").c_str(), nullptr),
            ZVDJ_OK)
      << LastError();
  const char* tables[] = {"jeugdhulp", "jeugdbescherming", "verzuim", "vervolgzorg", "persons"};
  for (size_t i = 0; i < 5; ++i) {
    size_t a = 0, b = 0;
    ASSERT_EQ(zvdj_records_count(&a, rec, tables[i]), ZVDJ_OK);
    ASSERT_EQ(zvdj_records_count(&b, loaded, tables[i]), ZVDJ_OK);
    EXPECT_EQ(a, b) << tables[i];
    if (std::string(tables[i]) != "persons") {
      EXPECT_EQ(static_cast<double>(a), rows[i]) << tables[i];
    }
  }
  // The same indicators either way.
  zvdj_dataset* d1 = nullptr;
  zvdj_dataset* d2 = nullptr;
  ASSERT_EQ(zvdj_compute(&d1, rec, nullptr), ZVDJ_OK) << LastError();
  ASSERT_EQ(zvdj_compute(&d2, loaded, nullptr), ZVDJ_OK) << LastError();
  EXPECT_EQ(GetString([&](char* b, size_t c, size_t* w) { return zvdj_dataset_to_csv(b, c, w, d1); }),
            GetString([&](char* b, size_t c, size_t* w) { return zvdj_dataset_to_csv(b, c, w, d2); }));
  zvdj_dataset_destroy(d1);
  zvdj_dataset_destroy(d2);
  zvdj_records_destroy(loaded);
  zvdj_records_destroy(rec);
  std::filesystem::remove_all(dir);
}

TEST(CApiGenerator, ErrorsLeaveTheStoreUnchanged) {
  zvdj_records* rec = nullptr;
  ASSERT_EQ(zvdj_records_create(&rec), ZVDJ_OK);
  zvdj_generate_options o = SmallOptions();
  o.persons = 0;
  zvdj_table* summary = nullptr;
  EXPECT_EQ(zvdj_generate_records(&summary, rec, &o), ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("persons"));
  o = SmallOptions();
  o.from_year = 2020;
  o.to_year = 2019;
  EXPECT_EQ(zvdj_generate_records(&summary, rec, &o), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_generate_files(&summary, TempDir("never").c_str(), &o), ZVDJ_INVALID_ARGUMENT);
  o.version = 3;
  EXPECT_EQ(zvdj_generate_records(&summary, rec, &o), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "zvdj_generate_options version 3 is not supported");
  size_t n = 9;
  ASSERT_EQ(zvdj_records_count(&n, rec, "jeugdhulp"), ZVDJ_OK);
  EXPECT_EQ(n, 0u);
  o = SmallOptions();
  EXPECT_EQ(zvdj_generate_files(&summary, "", &o), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "dir is empty");
  EXPECT_EQ(zvdj_generate_files(&summary, "/proc/zvdj/cannot", &o), ZVDJ_PERMISSION_DENIED)
      << zvdj_status_name(zvdj_last_error_code()) << ": " << LastError();
  // NULL handles.
  EXPECT_EQ(zvdj_generate_files(&summary, nullptr, &o), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "argument 'dir' must not be NULL");
  EXPECT_EQ(zvdj_generate_records(&summary, nullptr, &o), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "argument 'records' must not be NULL");
  EXPECT_EQ(summary, nullptr);
  zvdj_records_destroy(rec);
}

}  // namespace
