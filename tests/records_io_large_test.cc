// Loading a file larger than the loader's release step (8 MiB): the parsed
// part of the memory map is dropped while the rest is read, so the result and
// the error positions must be those of parsing the same text in memory.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/generator.hpp"
#include "zvdj/records_io.hpp"

namespace {

using ::testing::HasSubstr;

// `rows` valid jeugdhulp rows, two or three per person, persons in order.
std::string LargeJeugdhulp(int rows) {
  std::string text =
      "person_id,birth_date,municipality,provider,form,start_date,end_date,end_reason\n";
  for (int i = 0; i < rows; ++i) {
    const int person = i / 3;
    text += absl::StrFormat("P%09d,2005-%02d-%02d,GM%04d,A%05d,%s,2018-%02d-01,%s\n", person,
                            person % 12 + 1, person % 28 + 1, person % 400 + 1, i % 977,
                            i % 2 == 0 ? "ambulant" : "pleegzorg", i % 12 + 1,
                            i % 3 == 0 ? "2019-06-30,volgens_plan" : ",");
  }
  return text;
}

std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::string path =
      testing::TempDir() + absl::StrFormat("/zvdj_%d_%s", static_cast<int>(::getpid()), name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// Loads `rows` generated rows from a file and from the same text in memory,
// and expects the same store.
void ExpectFileLoadsLikeText(int rows, int threads) {
  const std::string text = LargeJeugdhulp(rows);
  const std::string path = WriteTemp("large_jeugdhulp.csv", text);
  zvdj::RecordStore from_file, from_text;
  zvdj::LoadReport r1, r2;
  const zvdj::LoadOptions options{.threads = threads};
  ASSERT_TRUE(zvdj::LoadJeugdhulpCsv(path, &from_file, options, &r1).ok());
  ASSERT_TRUE(zvdj::ParseJeugdhulpCsv(text, path, &from_text, options, &r2).ok());
  std::remove(path.c_str());
  EXPECT_EQ(r1.loaded_rows, static_cast<size_t>(rows));
  EXPECT_EQ(r1.loaded_rows, r2.loaded_rows);
  const zvdj::JeugdhulpTable& a = from_file.jeugdhulp;
  const zvdj::JeugdhulpTable& b = from_text.jeugdhulp;
  EXPECT_EQ(a.person, b.person);
  EXPECT_EQ(a.municipality, b.municipality);
  EXPECT_EQ(a.provider, b.provider);
  EXPECT_EQ(a.form, b.form);
  EXPECT_EQ(a.start, b.start);
  EXPECT_EQ(a.end, b.end);
  EXPECT_EQ(a.end_reason, b.end_reason);
  ASSERT_EQ(from_file.persons.size(), from_text.persons.size());
  EXPECT_EQ(from_file.persons.birth, from_text.persons.birth);
  for (uint32_t p = 0; p < from_file.persons.size(); p += 997) {
    EXPECT_EQ(from_file.persons.ids.id(p), from_text.persons.ids.id(p));
  }
  EXPECT_EQ(from_file.persons.ids.id(0), "P000000000");
  EXPECT_EQ(from_file.persons.ids.Find("P000066666"), std::optional<uint32_t>(66666));
}

TEST(RecordsIoLarge, MappedFileLoadsLikeTheSameTextInMemory) {
  ASSERT_GT(LargeJeugdhulp(200'000).size(), size_t{12} << 20);  // more than one release step
  ExpectFileLoadsLikeText(200'000, 2);
}

// A file far larger than the distance pages read are moved ahead (16 MiB):
// the text of every chunk is read into pages that held text before.
TEST(RecordsIoLarge, PagesMovedAheadHoldTheRightText) {
  ASSERT_GT(LargeJeugdhulp(1'000'000).size(), size_t{60} << 20);
  for (const int threads : {1, 2}) {
    SCOPED_TRACE(threads);
    ExpectFileLoadsLikeText(1'000'000, threads);
  }
}

TEST(RecordsIoLarge, StrictErrorLateInAMappedFileNamesItsLine) {
  std::string text = LargeJeugdhulp(200'000);
  // Line 190001 is data row 190000: give it an impossible start date.
  size_t pos = 0;
  for (int line = 1; line < 190'001; ++line) pos = text.find('\n', pos) + 1;
  const size_t start = text.find(",2018-", text.find(",GM", pos)) + 1;
  text.replace(start, 10, "2018-02-30");
  const std::string path = WriteTemp("large_bad_jeugdhulp.csv", text);
  zvdj::RecordStore store;
  zvdj::LoadReport report;
  const absl::Status s = zvdj::LoadJeugdhulpCsv(path, &store, {}, &report);
  std::remove(path.c_str());
  EXPECT_THAT(std::string(s.message()), HasSubstr(path + ":190001:6: "));
  EXPECT_THAT(std::string(s.message()), HasSubstr("(column 'start_date')"));
  EXPECT_EQ(store.jeugdhulp.size(), 189'999u);
}

// Memory of the store (columns, person dictionary and its table) per
// trajectory on generated national-like data, on one and on two threads.
TEST(RecordsIoLarge, StoreHoldsAtMost32BytesPerTrajectory) {
  std::ostringstream j;
  zvdj::GenerateStreams streams;
  streams.jeugdhulp = &j;
  ASSERT_TRUE(zvdj::GenerateRecords({.seed = 1, .persons = 40000, .from_year = 2015,
                                     .to_year = 2024},
                                    streams)
                  .ok());
  for (const int threads : {1, 2}) {
    zvdj::RecordStore store;
    zvdj::LoadOptions options;
    options.threads = threads;
    ASSERT_TRUE(zvdj::ParseJeugdhulpCsv(j.str(), "jeugdhulp.csv", &store, options, nullptr).ok());
    const size_t rows = store.jeugdhulp.size();
    ASSERT_GT(rows, 200000u);
    const double per_row =
        static_cast<double>(zvdj::MemoryBytes(store)) / static_cast<double>(rows);
    EXPECT_LE(per_row, 32.0) << threads << " threads, " << store.persons.size() << " persons";
    EXPECT_GE(per_row, 20.0);  // the trajectory columns alone
  }
}

}  // namespace

