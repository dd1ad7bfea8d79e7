// C API: the column functions of every table result type (zvdj_trend_result,
// zvdj_load_report, zvdj_cohort_result): names, numeric flags, buffers and
// NULL handles, in the same way for each.
#include <string>
#include <vector>

#include "c_api_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/zvdj.h"

namespace {

using ::testing::ElementsAre;
using ::testing::StartsWith;
using namespace zvdj_test;

TEST(CApiTables, LoadReportColumns) {
  zvdj_records* rec = nullptr;
  ASSERT_EQ(zvdj_records_create(&rec), ZVDJ_OK);
  zvdj_load_options opts;
  ASSERT_EQ(zvdj_load_options_init(&opts, ZVDJ_LOAD_OPTIONS_VERSION), ZVDJ_OK);
  opts.mode = ZVDJ_LOAD_LENIENT;
  zvdj_load_report* rep = nullptr;
  ASSERT_EQ(zvdj_records_load_csv(&rep, rec, "jeugdhulp",
                                  Source("tests/data/c_api/bad_jeugdhulp.csv").c_str(), &opts),
            ZVDJ_OK)
      << LastError();
  size_t cols = 0;
  ASSERT_EQ(zvdj_load_report_column_count(&cols, rep), ZVDJ_OK);
  std::vector<std::string> names;
  for (size_t i = 0; i < cols; ++i) {
    names.push_back(GetString([&](char* b, size_t c, size_t* w) {
      return zvdj_load_report_column_name(b, c, w, rep, i);
    }));
  }
  EXPECT_THAT(names, ElementsAre("file", "line", "column", "reason"));
  int32_t numeric = -1;
  ASSERT_EQ(zvdj_load_report_column_is_numeric(&numeric, rep, "line"), ZVDJ_OK);
  EXPECT_EQ(numeric, 1);
  ASSERT_EQ(zvdj_load_report_column_is_numeric(&numeric, rep, "reason"), ZVDJ_OK);
  EXPECT_EQ(numeric, 0);
  EXPECT_EQ(zvdj_load_report_column_is_numeric(&numeric, rep, "colour"), ZVDJ_NOT_FOUND);
  EXPECT_THAT(LastError(), StartsWith("no column 'colour' (columns: file, line"));
  size_t written = 0;
  EXPECT_EQ(zvdj_load_report_column_name(nullptr, 0, &written, rep, cols), ZVDJ_OUT_OF_RANGE);
  EXPECT_EQ(LastError(), "column 4 past the end (4 columns)");
  ExpectTooSmallLeavesBuffer([&](char* b, size_t c, size_t* w) {
    return zvdj_load_report_column_name(b, c, w, rep, 3);
  });
  EXPECT_EQ(zvdj_load_report_column_count(&cols, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_load_report_column_name(nullptr, 0, &written, nullptr, 0),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_load_report_column_is_numeric(&numeric, nullptr, "line"),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_load_report_column_count(nullptr, rep), ZVDJ_INVALID_ARGUMENT);
  zvdj_load_report_destroy(rep);
  zvdj_records_destroy(rec);
}

TEST(CApiTables, CohortResultColumns) {
  const std::string dir = Source("tests/data/cohort/");
  zvdj_records* rec = nullptr;
  ASSERT_EQ(zvdj_records_create(&rec), ZVDJ_OK);
  ASSERT_EQ(zvdj_records_load_files(nullptr, rec, (dir + "jeugdhulp.csv").c_str(), nullptr,
                                    nullptr, (dir + "vervolgzorg.csv").c_str(),
                                    (dir + "persons.csv").c_str(), nullptr),
            ZVDJ_OK);
  zvdj_cohort_options opts;
  ASSERT_EQ(zvdj_cohort_options_init(&opts, 1), ZVDJ_OK);
  opts.year_of_18 = 2017;
  zvdj_cohort_result* r = nullptr;
  ASSERT_EQ(zvdj_cohort_estimate(&r, rec, &opts), ZVDJ_OK) << LastError();
  size_t cols = 0;
  ASSERT_EQ(zvdj_cohort_result_column_count(&cols, r), ZVDJ_OK);
  EXPECT_EQ(cols, 14u);
  EXPECT_EQ(GetString([&](char* b, size_t c, size_t* w) {
              return zvdj_cohort_result_column_name(b, c, w, r, 0);
            }),
            "year_of_18");
  EXPECT_EQ(GetString([&](char* b, size_t c, size_t* w) {
              return zvdj_cohort_result_column_name(b, c, w, r, 13);
            }),
            "note");
  int32_t numeric = -1;
  ASSERT_EQ(zvdj_cohort_result_column_is_numeric(&numeric, r, "estimate"), ZVDJ_OK);
  EXPECT_EQ(numeric, 1);
  ASSERT_EQ(zvdj_cohort_result_column_is_numeric(&numeric, r, "method"), ZVDJ_OK);
  EXPECT_EQ(numeric, 0);
  EXPECT_EQ(zvdj_cohort_result_column_is_numeric(&numeric, r, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "argument 'column' must not be NULL");
  size_t written = 0;
  EXPECT_EQ(zvdj_cohort_result_column_name(nullptr, 0, &written, r, 14), ZVDJ_OUT_OF_RANGE);
  ExpectTooSmallLeavesBuffer([&](char* b, size_t c, size_t* w) {
    return zvdj_cohort_result_column_name(b, c, w, r, 0);
  });
  EXPECT_EQ(zvdj_cohort_result_column_count(&cols, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_cohort_result_column_name(nullptr, 0, &written, nullptr, 0),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_cohort_result_column_is_numeric(&numeric, nullptr, "estimate"),
            ZVDJ_INVALID_ARGUMENT);
  zvdj_cohort_result_destroy(r);
  zvdj_records_destroy(rec);
}

}  // namespace
