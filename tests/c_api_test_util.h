// Helpers shared by the C API tests: the size-query-then-copy string
// convention and reading table results back.
#ifndef ZVDJ_TESTS_C_API_TEST_UTIL_H_
#define ZVDJ_TESTS_C_API_TEST_UTIL_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include "gtest/gtest.h"
#include "zvdj/zvdj.h"

namespace zvdj_test {

inline std::string LastError() { return zvdj_last_error_message(); }

inline std::string Source(const std::string& relative) {
  return std::string(ZVDJ_SOURCE_DIR) + "/" + relative;
}

inline std::filesystem::path TempDir(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("zvdj_c_api_" + std::to_string(::getpid()) + "_" + name);
}

// Reads a string result through the size-query-then-copy convention.
template <class F>
std::string GetString(F f) {
  size_t need = 0;
  EXPECT_EQ(f(nullptr, 0, &need), ZVDJ_OK) << LastError();
  std::string out(need, '\0');
  size_t written = 0;
  EXPECT_EQ(f(out.data(), out.size(), &written), ZVDJ_OK) << LastError();
  EXPECT_EQ(written, need);
  if (!out.empty()) {
    EXPECT_EQ(out.back(), '\0');
  }
  out.resize(need > 0 ? need - 1 : 0);
  return out;
}

// Too small by one byte: ZVDJ_OUT_OF_RANGE, the size reported, and the buffer
// (filled with '#') untouched, including the sentinel bytes past the end.
template <class F>
void ExpectTooSmallLeavesBuffer(F f) {
  size_t need = 0;
  ASSERT_EQ(f(nullptr, 0, &need), ZVDJ_OK) << LastError();
  ASSERT_GE(need, 2u);
  std::string buf(need + 8, '#');
  size_t written = 0;
  EXPECT_EQ(f(buf.data(), need - 1, &written), ZVDJ_OUT_OF_RANGE);
  EXPECT_EQ(written, need);
  EXPECT_EQ(buf, std::string(need + 8, '#'));
  EXPECT_NE(LastError().find("buffer too small"), std::string::npos) << LastError();
}

// Owns a zvdj_table for the length of a test.
struct TablePtr {
  zvdj_table* p = nullptr;
  TablePtr() = default;
  TablePtr(const TablePtr&) = delete;
  TablePtr& operator=(const TablePtr&) = delete;
  ~TablePtr() { zvdj_table_destroy(p); }
};

inline size_t Rows(const zvdj_table* t) {
  size_t n = 0;
  EXPECT_EQ(zvdj_table_rows(&n, t), ZVDJ_OK) << LastError();
  return n;
}

inline std::vector<double> Numbers(const zvdj_table* t, const char* column) {
  size_t n = 0;
  EXPECT_EQ(zvdj_table_get_numbers(nullptr, nullptr, 0, &n, t, column), ZVDJ_OK) << LastError();
  std::vector<double> v(n);
  size_t written = 0;
  EXPECT_EQ(zvdj_table_get_numbers(v.data(), nullptr, n, &written, t, column), ZVDJ_OK)
      << LastError();
  return v;
}

inline std::string Cell(const zvdj_table* t, size_t row, const char* column) {
  return GetString([&](char* b, size_t c, size_t* w) {
    return zvdj_table_get_string(b, c, w, t, row, column);
  });
}

inline std::string Csv(const zvdj_table* t) {
  return GetString([&](char* b, size_t c, size_t* w) { return zvdj_table_to_csv(b, c, w, t); });
}

inline std::vector<std::string> ColumnNames(const zvdj_table* t) {
  size_t n = 0;
  EXPECT_EQ(zvdj_table_column_count(&n, t), ZVDJ_OK);
  std::vector<std::string> names;
  for (size_t i = 0; i < n; ++i) {
    names.push_back(GetString([&](char* b, size_t c, size_t* w) {
      return zvdj_table_column_name(b, c, w, t, i);
    }));
  }
  return names;
}

}  // namespace zvdj_test

#endif  // ZVDJ_TESTS_C_API_TEST_UTIL_H_
