// Tests of the C API (include/zvdj/zvdj.h): ownership, NULL handles, buffer
// conventions, error codes and messages, per-thread errors, and agreement with
// the C++ API on the same data.
#include "zvdj/zvdj.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "c_api_test_util.h"
#include "zvdj/capi/c_api_internal.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/assessment.hpp"
#include "zvdj/catalogue.hpp"
#include "zvdj/cohort.hpp"
#include "zvdj/dataset_io.hpp"
#include "zvdj/indicators.hpp"
#include "zvdj/records_io.hpp"
#include "zvdj/trend.hpp"
#include "zvdj/trend_report.hpp"

namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kSample =
    std::string(ZVDJ_SOURCE_DIR) + "/examples/data/kernindicatoren_sample.csv";
const std::string kData = std::string(ZVDJ_SOURCE_DIR) + "/data/kernindicatoren.csv";
const std::string kBreaks = std::string(ZVDJ_SOURCE_DIR) + "/data/kernindicatoren.breaks.csv";
const std::string kRecordsDir = std::string(ZVDJ_SOURCE_DIR) + "/tests/data/c_api/";
const std::string kCohortDir = std::string(ZVDJ_SOURCE_DIR) + "/tests/data/cohort/";

using zvdj_test::GetString;
using zvdj_test::LastError;

std::filesystem::path TempPath(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("zvdj_c_api_test_" + std::to_string(::getpid()) + "_" + name);
}

// Owns a dataset handle for the length of a test.
struct DatasetPtr {
  zvdj_dataset* p = nullptr;
  ~DatasetPtr() { zvdj_dataset_destroy(p); }
};

// ---------------------------------------------------------------- core ----

TEST(CApiCore, VersionsAndStatusNames) {
  EXPECT_EQ(zvdj_version_number(), ZVDJ_VERSION_NUMBER);
  EXPECT_EQ(zvdj_abi_version(), ZVDJ_ABI_VERSION);
  EXPECT_EQ(std::string(zvdj_version_string()),
            std::to_string(ZVDJ_VERSION_MAJOR) + "." + std::to_string(ZVDJ_VERSION_MINOR) +
                "." + std::to_string(ZVDJ_VERSION_PATCH));
  EXPECT_STREQ(zvdj_status_name(ZVDJ_OK), "OK");
  EXPECT_STREQ(zvdj_status_name(ZVDJ_INVALID_ARGUMENT), "INVALID_ARGUMENT");
  EXPECT_STREQ(zvdj_status_name(ZVDJ_DATA_LOSS), "DATA_LOSS");
  EXPECT_STREQ(zvdj_status_name(ZVDJ_UNAUTHENTICATED), "UNAUTHENTICATED");
  EXPECT_STREQ(zvdj_status_name(-1), "UNRECOGNIZED");
  EXPECT_STREQ(zvdj_status_name(17), "UNRECOGNIZED");
}

TEST(CApiCore, FrozenStatusNumbers) {
  EXPECT_EQ(ZVDJ_OK, 0);
  EXPECT_EQ(ZVDJ_CANCELLED, 1);
  EXPECT_EQ(ZVDJ_UNKNOWN, 2);
  EXPECT_EQ(ZVDJ_INVALID_ARGUMENT, 3);
  EXPECT_EQ(ZVDJ_NOT_FOUND, 5);
  EXPECT_EQ(ZVDJ_ALREADY_EXISTS, 6);
  EXPECT_EQ(ZVDJ_RESOURCE_EXHAUSTED, 8);
  EXPECT_EQ(ZVDJ_FAILED_PRECONDITION, 9);
  EXPECT_EQ(ZVDJ_OUT_OF_RANGE, 11);
  EXPECT_EQ(ZVDJ_UNIMPLEMENTED, 12);
  EXPECT_EQ(ZVDJ_INTERNAL, 13);
  EXPECT_EQ(ZVDJ_DATA_LOSS, 15);
}

TEST(CApiCore, EveryConstantIsListedAndResolves) {
  std::vector<std::string> names;
  for (size_t i = 0;; ++i) {
    size_t need = 0;
    const zvdj_status s = zvdj_constant_name(nullptr, 0, &need, i);
    if (s == ZVDJ_OUT_OF_RANGE) break;
    ASSERT_EQ(s, ZVDJ_OK);
    names.push_back(GetString([&](char* b, size_t c, size_t* w) {
      return zvdj_constant_name(b, c, w, i);
    }));
  }
  EXPECT_GE(names.size(), 40u);
  for (const std::string& name : names) {
    int64_t v = -999;
    EXPECT_EQ(zvdj_constant(&v, name.c_str()), ZVDJ_OK) << name;
  }
  int64_t v = 0;
  ASSERT_EQ(zvdj_constant(&v, "ZVDJ_OUT_OF_RANGE"), ZVDJ_OK);
  EXPECT_EQ(v, ZVDJ_OUT_OF_RANGE);
  ASSERT_EQ(zvdj_constant(&v, "ZVDJ_VALUE_REVISED_PROVISIONAL"), ZVDJ_OK);
  EXPECT_EQ(v, ZVDJ_VALUE_REVISED_PROVISIONAL);
  ASSERT_EQ(zvdj_constant(&v, "ZVDJ_READ_OPTIONS_VERSION"), ZVDJ_OK);
  EXPECT_EQ(v, ZVDJ_READ_OPTIONS_VERSION);
  ASSERT_EQ(zvdj_constant(&v, "ZVDJ_VERSION_NUMBER"), ZVDJ_OK);
  EXPECT_EQ(v, ZVDJ_VERSION_NUMBER);
  EXPECT_EQ(zvdj_constant(&v, "ZVDJ_NOPE"), ZVDJ_NOT_FOUND);
  EXPECT_THAT(LastError(), HasSubstr("ZVDJ_NOPE"));
  EXPECT_EQ(zvdj_constant(nullptr, "ZVDJ_OK"), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_constant(&v, nullptr), ZVDJ_INVALID_ARGUMENT);
}

TEST(CApiCore, LastErrorIsKeptUntilTheNextFailure) {
  zvdj_clear_last_error();
  EXPECT_STREQ(zvdj_last_error_message(), "");
  EXPECT_EQ(zvdj_last_error_code(), ZVDJ_OK);
  char buf[32];
  size_t written = 0;
  ASSERT_EQ(zvdj_period_normalize(buf, sizeof buf, &written, "2019XX01"),
            ZVDJ_INVALID_ARGUMENT);
  const std::string msg = LastError();
  EXPECT_THAT(msg, HasSubstr("2019XX01"));
  EXPECT_EQ(zvdj_last_error_code(), ZVDJ_INVALID_ARGUMENT);
  // A successful call leaves the message alone.
  ASSERT_EQ(zvdj_period_normalize(buf, sizeof buf, &written, "2019"), ZVDJ_OK);
  EXPECT_EQ(LastError(), msg);
  zvdj_clear_last_error();
  EXPECT_STREQ(zvdj_last_error_message(), "");
}

TEST(CApiCore, LastErrorIsPerThread) {
  char buf[32];
  size_t written = 0;
  ASSERT_EQ(zvdj_period_normalize(buf, sizeof buf, &written, "main-thread"),
            ZVDJ_INVALID_ARGUMENT);
  std::string a, b;
  zvdj_status ca = ZVDJ_OK, cb = ZVDJ_OK;
  std::thread ta([&] {
    for (int i = 0; i < 200; ++i) {
      char local[32];
      size_t w = 0;
      zvdj_period_normalize(local, sizeof local, &w, "thread-a");
    }
    a = zvdj_last_error_message();
    ca = zvdj_last_error_code();
  });
  std::thread tb([&] {
    for (int i = 0; i < 200; ++i) {
      int64_t v = 0;
      zvdj_constant(&v, "thread-b");
    }
    b = zvdj_last_error_message();
    cb = zvdj_last_error_code();
  });
  ta.join();
  tb.join();
  EXPECT_THAT(a, HasSubstr("thread-a"));
  EXPECT_EQ(ca, ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(b, HasSubstr("thread-b"));
  EXPECT_EQ(cb, ZVDJ_NOT_FOUND);
  EXPECT_THAT(LastError(), HasSubstr("main-thread"));
}

TEST(CApiCore, GuardTurnsExceptionsIntoCodes) {
  using zvdj::capi::Guard;
  EXPECT_EQ(Guard([]() -> absl::Status { throw std::bad_alloc(); }),
            ZVDJ_RESOURCE_EXHAUSTED);
  EXPECT_EQ(LastError(), "out of memory");
  EXPECT_EQ(Guard([]() -> absl::Status { throw std::runtime_error("boom"); }),
            ZVDJ_INTERNAL);
  EXPECT_THAT(LastError(), HasSubstr("boom"));
  EXPECT_EQ(Guard([]() -> absl::Status { throw 42; }), ZVDJ_UNKNOWN);
  EXPECT_EQ(Guard([] { return absl::DataLossError("gone"); }), ZVDJ_DATA_LOSS);
  EXPECT_EQ(LastError(), "gone");
  EXPECT_EQ(Guard([] { return absl::OkStatus(); }), ZVDJ_OK);
}

// ----------------------------------------------------------- buffers ------

TEST(CApiBuffers, StringSizeQueryTooSmallAndExact) {
  // "2018/'19" needs 9 bytes with the NUL.
  size_t written = 0;
  ASSERT_EQ(zvdj_period_normalize(nullptr, 0, &written, "2018/2019"), ZVDJ_OK);
  EXPECT_EQ(written, 9u);

  char buf[16];
  std::memset(buf, '#', sizeof buf);
  written = 0;
  EXPECT_EQ(zvdj_period_normalize(buf, 8, &written, "2018/2019"), ZVDJ_OUT_OF_RANGE);
  EXPECT_EQ(written, 9u);
  EXPECT_THAT(LastError(), HasSubstr("required 9"));
  for (char c : buf) EXPECT_EQ(c, '#');  // nothing written at all

  EXPECT_EQ(zvdj_period_normalize(buf, 9, &written, "2018/2019"), ZVDJ_OK);
  EXPECT_EQ(written, 9u);
  EXPECT_STREQ(buf, "2018/'19");
  for (size_t i = 9; i < sizeof buf; ++i) EXPECT_EQ(buf[i], '#');  // canary

  EXPECT_EQ(zvdj_period_normalize(buf, sizeof buf, nullptr, "2019"), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_period_normalize(nullptr, 5, &written, "2019"), ZVDJ_INVALID_ARGUMENT);
}

TEST(CApiBuffers, ArraySizeQueryTooSmallAndCanary) {
  DatasetPtr ds;
  ASSERT_EQ(zvdj_dataset_read_csv(&ds.p, kSample.c_str(), nullptr), ZVDJ_OK) << LastError();
  size_t n = 0;
  ASSERT_EQ(zvdj_dataset_get_values(nullptr, nullptr, 0, &n, ds.p), ZVDJ_OK);
  ASSERT_EQ(n, 8u);

  std::vector<double> values(n + 2, -1.0);
  std::vector<uint8_t> valid(n + 2, 7);
  size_t written = 0;
  EXPECT_EQ(zvdj_dataset_get_values(values.data(), valid.data(), n - 1, &written, ds.p),
            ZVDJ_OUT_OF_RANGE);
  EXPECT_EQ(written, n);
  for (double v : values) EXPECT_EQ(v, -1.0);
  for (uint8_t v : valid) EXPECT_EQ(v, 7);

  ASSERT_EQ(zvdj_dataset_get_values(values.data(), valid.data(), n, &written, ds.p),
            ZVDJ_OK);
  EXPECT_EQ(written, n);
  EXPECT_EQ(values[0], 1665.0);
  EXPECT_EQ(valid[0], 1);
  EXPECT_EQ(values[n], -1.0);
  EXPECT_EQ(valid[n], 7);

  std::vector<int32_t> statuses(n + 1, 99);
  EXPECT_EQ(zvdj_dataset_get_statuses(statuses.data(), 3, &written, ds.p), ZVDJ_OUT_OF_RANGE);
  EXPECT_EQ(statuses[0], 99);
  ASSERT_EQ(zvdj_dataset_get_statuses(statuses.data(), n, &written, ds.p), ZVDJ_OK);
  EXPECT_EQ(statuses[0], ZVDJ_VALUE_DEFINITIVE);
  EXPECT_EQ(statuses[n], 99);
}

// ------------------------------------------------------ NULL handling -----

TEST(CApiNull, DestroyNullIsANoOp) {
  zvdj_dataset_destroy(nullptr);
  zvdj_catalogue_destroy(nullptr);
  zvdj_breaks_destroy(nullptr);
  zvdj_records_destroy(nullptr);
}

TEST(CApiNull, NullHandlesAreInvalidArgument) {
  size_t n = 0;
  char buf[8];
  size_t w = 0;
  double d = 0;
  int32_t i = 0;
  int64_t i64 = 0;
  EXPECT_EQ(zvdj_dataset_create(nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("'out' must not be NULL"));
  EXPECT_EQ(zvdj_dataset_size(&n, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("'dataset' must not be NULL"));
  EXPECT_EQ(zvdj_dataset_read_csv(nullptr, kSample.c_str(), nullptr), ZVDJ_INVALID_ARGUMENT);
  zvdj_dataset* ds = nullptr;
  EXPECT_EQ(zvdj_dataset_read_csv(&ds, nullptr, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(ds, nullptr);
  EXPECT_EQ(zvdj_dataset_clone(&ds, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_dataset_add(nullptr, "x", nullptr, "2019", 1, 0, 0, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_dataset_append(nullptr, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_dataset_dimension_count(&n, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_dataset_dimension_name(buf, sizeof buf, &w, nullptr, 0),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_dataset_get_string(buf, sizeof buf, &w, nullptr, 0, "period"),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_dataset_get_value(&d, &i, nullptr, 0), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_dataset_get_values(&d, nullptr, 1, &w, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_dataset_get_statuses(&i, 1, &w, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_dataset_select(&n, 1, &w, nullptr, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_dataset_find(&n, nullptr, "x", nullptr, "2019", 0, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_dataset_write_csv(nullptr, "x.csv"), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_dataset_to_csv(buf, sizeof buf, &w, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_read_options_init(nullptr, 1), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_query_init(nullptr, 1), ZVDJ_INVALID_ARGUMENT);

  EXPECT_EQ(zvdj_catalogue_builtin(nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_catalogue_create(nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_catalogue_load_csv(nullptr, "x"), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_catalogue_parse_csv(nullptr, "", 0, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_catalogue_size(&n, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_catalogue_id(buf, sizeof buf, &w, nullptr, 0), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_catalogue_get_string(buf, sizeof buf, &w, nullptr, "x", "id"),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_catalogue_info(&i, &i, &i, &i, nullptr, "x"), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_catalogue_direction_for(&i, nullptr, "x", 0, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_catalogue_to_csv(buf, sizeof buf, &w, nullptr), ZVDJ_INVALID_ARGUMENT);

  EXPECT_EQ(zvdj_breaks_create(nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_breaks_load_csv(nullptr, "x"), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_breaks_parse_csv(nullptr, "", 0, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_breaks_add(nullptr, "x", nullptr, "2018", "2019", nullptr, nullptr, 0,
                            nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_breaks_size(&n, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_breaks_get_string(buf, sizeof buf, &w, nullptr, 0, "reason"),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_breaks_blocking(&i64, nullptr, "x", nullptr, "2018", "2019", 0, nullptr,
                                 nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_breaks_to_csv(buf, sizeof buf, &w, nullptr), ZVDJ_INVALID_ARGUMENT);

  EXPECT_EQ(zvdj_records_create(nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_records_add_jeugdhulp(nullptr, 0, nullptr, nullptr, nullptr, nullptr,
                                       nullptr, nullptr, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_records_add_jeugdbescherming(nullptr, 0, nullptr, nullptr, nullptr,
                                              nullptr, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_records_add_verzuim(nullptr, 0, nullptr, nullptr, nullptr, nullptr,
                                     nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_records_add_vervolgzorg(nullptr, 0, nullptr, nullptr, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_records_add_persons(nullptr, 0, nullptr, nullptr, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_records_count(&n, nullptr, "persons"), ZVDJ_INVALID_ARGUMENT);

  EXPECT_EQ(zvdj_date_parse(nullptr, "2019-01-01"), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_date_parse(&i, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_period_info(nullptr, nullptr, nullptr, nullptr, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_parse_number(&d, nullptr, 0), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_round_to_multiple_of_5(nullptr, 1), ZVDJ_INVALID_ARGUMENT);
}

// ------------------------------------------------- dates and periods ------

TEST(CApiPeriods, DatesAgreeWithCpp) {
  int32_t days = 0;
  ASSERT_EQ(zvdj_date_parse(&days, "2004-02-29"), ZVDJ_OK);
  EXPECT_EQ(days, zvdj::Date::FromYmdUnchecked(2004, 2, 29).days());
  EXPECT_EQ(zvdj_date_parse(&days, "2019-02-29"), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(GetString([&](char* b, size_t c, size_t* w) {
              return zvdj_date_format(b, c, w, 0);
            }),
            "1970-01-01");
  size_t need = 0;
  EXPECT_EQ(zvdj_date_format(nullptr, 0, &need, 1 << 30), ZVDJ_OUT_OF_RANGE);
  EXPECT_THAT(LastError(), HasSubstr("outside years 1400..9999"));
  int32_t d2 = 0;
  ASSERT_EQ(zvdj_date_from_ymd(&d2, 2004, 2, 29), ZVDJ_OK);
  EXPECT_EQ(d2, days);
  EXPECT_EQ(zvdj_date_from_ymd(&d2, 2019, 13, 1), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_date_from_ymd(&d2, 99999, 1, 1), ZVDJ_INVALID_ARGUMENT);

  int32_t birth = 0, on = 0, age = 0;
  zvdj_date_parse(&birth, "2004-02-29");
  zvdj_date_parse(&on, "2022-02-28");
  ASSERT_EQ(zvdj_age_on(&age, birth, on), ZVDJ_OK);
  EXPECT_EQ(age, 17);
  ASSERT_EQ(zvdj_age_on(&age, birth, on + 1), ZVDJ_OK);
  EXPECT_EQ(age, 18);

  int32_t jan31 = 0, out = 0;
  zvdj_date_parse(&jan31, "2024-01-31");
  ASSERT_EQ(zvdj_add_months(&out, jan31, 1), ZVDJ_OK);
  EXPECT_EQ(out, zvdj::Date::FromYmdUnchecked(2024, 2, 29).days());
  EXPECT_EQ(zvdj_add_months(&out, jan31, 1 << 30), ZVDJ_OUT_OF_RANGE);
}

TEST(CApiPeriods, CodesPredecessorsAndInfo) {
  const auto call = [](auto fn, const char* code) {
    return GetString([&](char* b, size_t c, size_t* w) { return fn(b, c, w, code); });
  };
  EXPECT_EQ(call(zvdj_period_normalize, "2019"), "2019JJ00");
  EXPECT_EQ(call(zvdj_period_normalize, "2018/19"), "2018/'19");
  EXPECT_EQ(call(zvdj_period_predecessor, "2019KW01"), "2018KW04");
  EXPECT_EQ(call(zvdj_period_predecessor, "2020-02-29"), "2019-02-28");
  EXPECT_EQ(call(zvdj_period_successor, "2019MM12"), "2020MM01");
  char buf[32];
  size_t w = 0;
  EXPECT_EQ(zvdj_period_normalize(buf, sizeof buf, &w, "2019XX01"), ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("code: "));

  int32_t kind = -1, year = 0, index = -1, first = 0, last = 0;
  ASSERT_EQ(zvdj_period_info(&kind, &year, &index, &first, &last, "2019KW03"), ZVDJ_OK);
  EXPECT_EQ(kind, ZVDJ_PERIOD_QUARTER);
  EXPECT_EQ(year, 2019);
  EXPECT_EQ(index, 3);
  EXPECT_EQ(first, zvdj::Date::FromYmdUnchecked(2019, 7, 1).days());
  EXPECT_EQ(last, zvdj::Date::FromYmdUnchecked(2019, 9, 30).days());
  ASSERT_EQ(zvdj_period_info(&kind, nullptr, nullptr, nullptr, nullptr, "2018/2019"),
            ZVDJ_OK);
  EXPECT_EQ(kind, ZVDJ_PERIOD_SCHOOL_YEAR);

  const auto make = [](int32_t k, int32_t v, int32_t i) {
    return GetString(
        [&](char* b, size_t c, size_t* wr) { return zvdj_period_make(b, c, wr, k, v, i); });
  };
  EXPECT_EQ(make(ZVDJ_PERIOD_HALF_YEAR, 2019, 2), "2019HJ02");
  EXPECT_EQ(make(ZVDJ_PERIOD_SCHOOL_YEAR, 2018, 0), "2018/'19");
  EXPECT_EQ(make(ZVDJ_PERIOD_PEILDATUM, zvdj::Date::FromYmdUnchecked(2019, 12, 31).days(), 0),
            "2019-12-31");
  EXPECT_EQ(zvdj_period_make(buf, sizeof buf, &w, ZVDJ_PERIOD_QUARTER, 2019, 5),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_period_make(buf, sizeof buf, &w, 42, 2019, 0), ZVDJ_INVALID_ARGUMENT);

  double years = 0;
  ASSERT_EQ(zvdj_period_years_between(&years, "2016JJ00", "2019JJ00"), ZVDJ_OK);
  EXPECT_DOUBLE_EQ(years, 3.0);
  ASSERT_EQ(zvdj_period_years_between(&years, "2019KW01", "2019KW03"), ZVDJ_OK);
  EXPECT_DOUBLE_EQ(years, 0.5);
  EXPECT_EQ(zvdj_period_years_between(&years, "2019", "2019KW01"), ZVDJ_INVALID_ARGUMENT);

  int32_t cmp = 9;
  ASSERT_EQ(zvdj_period_compare(&cmp, "2018", "2019"), ZVDJ_OK);
  EXPECT_EQ(cmp, -1);
  ASSERT_EQ(zvdj_period_compare(&cmp, "2019", "2019JJ00"), ZVDJ_OK);
  EXPECT_EQ(cmp, 0);
  EXPECT_STREQ(zvdj_period_kind_name(ZVDJ_PERIOD_PEILDATUM), "peildatum");
  EXPECT_EQ(zvdj_period_kind_name(99), nullptr);
}

TEST(CApiNumbers, ParseAndFormat) {
  double v = 0;
  ASSERT_EQ(zvdj_parse_number(&v, "4.790", ZVDJ_NUMBER_FORMAT_DUTCH), ZVDJ_OK);
  EXPECT_EQ(v, 4790.0);
  ASSERT_EQ(zvdj_parse_number(&v, "10.1", ZVDJ_NUMBER_FORMAT_AUTO), ZVDJ_OK);
  EXPECT_EQ(v, 10.1);
  EXPECT_EQ(zvdj_parse_number(&v, "47.90", ZVDJ_NUMBER_FORMAT_DUTCH), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_parse_number(&v, "1", 7), ZVDJ_INVALID_ARGUMENT);
  const auto fmt = [](auto fn, double x, int32_t d) {
    return GetString([&](char* b, size_t c, size_t* w) { return fn(b, c, w, x, d); });
  };
  EXPECT_EQ(fmt(zvdj_format_dutch, 4790, 0), "4.790");
  EXPECT_EQ(fmt(zvdj_format_dutch_percent, 10.1, 1), "10,1%");
  EXPECT_EQ(fmt(zvdj_format_dutch_signed, -0.3, 1), "\xE2\x88\x92" "0,3");
  EXPECT_EQ(fmt(zvdj_format_dutch_signed, 77.47, 0), "+77");
  char buf[8];
  size_t w = 0;
  EXPECT_EQ(zvdj_format_dutch(buf, sizeof buf, &w, 1, -1), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(GetString([](char* b, size_t c, size_t* wr) {
              return zvdj_format_plain(b, c, wr, 10.1);
            }),
            "10.1");
  int64_t r = 0;
  ASSERT_EQ(zvdj_round_to_multiple_of_5(&r, 42127), ZVDJ_OK);
  EXPECT_EQ(r, 42125);
}

// ----------------------------------------------------------- datasets -----

TEST(CApiDataset, ReadCsvMatchesCpp) {
  DatasetPtr ds;
  ASSERT_EQ(zvdj_dataset_read_csv(&ds.p, kSample.c_str(), nullptr), ZVDJ_OK) << LastError();
  absl::StatusOr<zvdj::Dataset> cpp = zvdj::ReadDatasetCsv(kSample);
  ASSERT_TRUE(cpp.ok());
  size_t n = 0;
  ASSERT_EQ(zvdj_dataset_size(&n, ds.p), ZVDJ_OK);
  EXPECT_EQ(n, cpp->size());
  std::ostringstream expected;
  zvdj::WriteDatasetCsv(*cpp, expected);
  EXPECT_EQ(GetString([&](char* b, size_t c, size_t* w) {
              return zvdj_dataset_to_csv(b, c, w, ds.p);
            }),
            expected.str());
  for (size_t r = 0; r < n; ++r) {
    double v = 0;
    int32_t s = -1;
    ASSERT_EQ(zvdj_dataset_get_value(&v, &s, ds.p, r), ZVDJ_OK);
    EXPECT_EQ(v, cpp->value(r));
    EXPECT_EQ(s, static_cast<int32_t>(cpp->status(r)));
  }
}

TEST(CApiDataset, FieldsAndDimensions) {
  DatasetPtr ds;
  ASSERT_EQ(zvdj_dataset_read_csv(&ds.p, kSample.c_str(), nullptr), ZVDJ_OK);
  size_t dims = 0;
  ASSERT_EQ(zvdj_dataset_dimension_count(&dims, ds.p), ZVDJ_OK);
  ASSERT_EQ(dims, 1u);
  EXPECT_EQ(GetString([&](char* b, size_t c, size_t* w) {
              return zvdj_dataset_dimension_name(b, c, w, ds.p, 0);
            }),
            "age_group");
  char buf[64];
  size_t w = 0;
  EXPECT_EQ(zvdj_dataset_dimension_name(buf, sizeof buf, &w, ds.p, 1), ZVDJ_OUT_OF_RANGE);
  const auto field = [&](size_t row, const char* column) {
    return GetString([&](char* b, size_t c, size_t* wr) {
      return zvdj_dataset_get_string(b, c, wr, ds.p, row, column);
    });
  };
  EXPECT_EQ(field(0, "indicator"), "jeugdhulp_met_verblijf");
  EXPECT_EQ(field(0, "period"), "2016JJ00");
  EXPECT_EQ(field(0, "region"), "NL01");
  EXPECT_EQ(field(0, "age_group"), "18-23");
  EXPECT_EQ(field(4, "age_group"), "");
  EXPECT_EQ(field(0, "value"), "1665");
  EXPECT_EQ(field(0, "status"), "");
  EXPECT_THAT(field(0, "note"), HasSubstr("voortgangsrapportage"));
  EXPECT_EQ(zvdj_dataset_get_string(buf, sizeof buf, &w, ds.p, 0, "nope"), ZVDJ_NOT_FOUND);
  EXPECT_THAT(LastError(), HasSubstr("'nope'"));
  EXPECT_EQ(zvdj_dataset_get_string(buf, sizeof buf, &w, ds.p, 8, "period"),
            ZVDJ_OUT_OF_RANGE);
  EXPECT_THAT(LastError(), HasSubstr("row 8"));
  double v = 0;
  EXPECT_EQ(zvdj_dataset_get_value(&v, nullptr, ds.p, 100), ZVDJ_OUT_OF_RANGE);
}

TEST(CApiDataset, BadFileNamesFileLineAndColumn) {
  const auto path = TempPath("bad.csv");
  {
    std::ofstream out(path);
    out << "indicator,period,region,value,status\n"
        << "thuiszitters,2018/2019,NL01,4790,\n"
        << "thuiszitters,2019/2020,NL01,12abc,\n";
  }
  zvdj_dataset* ds = nullptr;
  EXPECT_EQ(zvdj_dataset_read_csv(&ds, path.c_str(), nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(ds, nullptr);
  EXPECT_THAT(LastError(), HasSubstr(path.string() + ":3:4:"));
  EXPECT_THAT(LastError(), HasSubstr("column 'value'"));
  std::filesystem::remove(path);

  EXPECT_EQ(zvdj_dataset_read_csv(&ds, "/nonexistent/dir/x.csv", nullptr), ZVDJ_NOT_FOUND);
  EXPECT_THAT(LastError(), HasSubstr("/nonexistent/dir/x.csv"));
}

TEST(CApiDataset, ParseCsvOptions) {
  const std::string text =
      "indicator;period;region;value;status\n"
      "thuiszitters;2018/2019;NL01;4.790,5;\n";
  DatasetPtr ds;
  ASSERT_EQ(zvdj_dataset_parse_csv(&ds.p, text.data(), text.size(), "dutch.csv", nullptr),
            ZVDJ_OK)
      << LastError();
  double v = 0;
  ASSERT_EQ(zvdj_dataset_get_value(&v, nullptr, ds.p, 0), ZVDJ_OK);
  EXPECT_EQ(v, 4790.5);

  zvdj_read_options opts;
  ASSERT_EQ(zvdj_read_options_init(&opts, ZVDJ_READ_OPTIONS_VERSION), ZVDJ_OK);
  EXPECT_EQ(opts.number_format, ZVDJ_NUMBER_FORMAT_AUTO);
  opts.number_format = ZVDJ_NUMBER_FORMAT_PLAIN;
  zvdj_dataset* plain = nullptr;
  EXPECT_EQ(zvdj_dataset_parse_csv(&plain, text.data(), text.size(), "dutch.csv", &opts),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("dutch.csv:2:"));
  EXPECT_EQ(plain, nullptr);
  opts.version = 99;
  EXPECT_EQ(zvdj_dataset_parse_csv(&plain, text.data(), text.size(), nullptr, &opts),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_read_options_init(&opts, 0), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_read_options_init(&opts, ZVDJ_READ_OPTIONS_VERSION + 1),
            ZVDJ_INVALID_ARGUMENT);

  // Not NUL-terminated: only `length` bytes are read; default source name.
  const std::string bad = "indicator,period,region,value,status\nx,2019,NL01,abc,\nIGNORED";
  EXPECT_EQ(zvdj_dataset_parse_csv(&plain, bad.data(), bad.size() - 7, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("<memory>:2:"));
}

TEST(CApiDataset, FromArraysWithNotes) {
  const char* indicators[] = {"thuiszitters", "thuiszitters", "thuiszitters"};
  const char* periods[] = {"2018", "2019", "2020"};
  const double values[] = {1, 2, 3};
  const char* notes[] = {"CBS StatLine 85098NED", nullptr, ""};
  DatasetPtr ds;
  ASSERT_EQ(zvdj_dataset_from_arrays_with_notes(&ds.p, 3, indicators, nullptr, periods, values,
                                                nullptr, 0, nullptr, nullptr, notes),
            ZVDJ_OK)
      << LastError();
  EXPECT_EQ(ds.p->impl.note(0), "CBS StatLine 85098NED");
  EXPECT_EQ(ds.p->impl.note(1), "");
  EXPECT_EQ(ds.p->impl.note(2), "");
  DatasetPtr plain;  // NULL notes: as zvdj_dataset_from_arrays
  ASSERT_EQ(zvdj_dataset_from_arrays_with_notes(&plain.p, 3, indicators, nullptr, periods,
                                                values, nullptr, 0, nullptr, nullptr, nullptr),
            ZVDJ_OK);
  EXPECT_EQ(plain.p->impl.note(0), "");
}

TEST(CApiDataset, FromArraysAndAdd) {
  const char* indicators[] = {"jeugdhulp_met_verblijf", "jeugdhulp_met_verblijf",
                              "thuiszitters"};
  const char* periods[] = {"2018", "2019", "2018/2019"};
  const double values[] = {2185, 2955, NAN};
  const char* dim_names[] = {"age_group"};
  const char* dim_values[] = {"18-23", "18-23", nullptr};
  DatasetPtr ds;
  ASSERT_EQ(zvdj_dataset_from_arrays(&ds.p, 3, indicators, nullptr, periods, values, nullptr,
                                     1, dim_names, dim_values),
            ZVDJ_OK)
      << LastError();
  int32_t s = -1;
  double v = 0;
  ASSERT_EQ(zvdj_dataset_get_value(&v, &s, ds.p, 2), ZVDJ_OK);
  EXPECT_TRUE(std::isnan(v));
  EXPECT_EQ(s, ZVDJ_VALUE_UNKNOWN);  // NaN without statuses = "."
  EXPECT_EQ(ds.p->impl.region(0), "NL01");
  EXPECT_EQ(ds.p->impl.dimensions(0), (zvdj::Dimensions{{"age_group", "18-23"}}));

  // Same key twice: ALREADY_EXISTS naming the row; nothing is created.
  const char* dup_periods[] = {"2019", "2019JJ00"};
  zvdj_dataset* dup = nullptr;
  EXPECT_EQ(zvdj_dataset_from_arrays(&dup, 2, indicators, nullptr, dup_periods, values,
                                     nullptr, 0, nullptr, nullptr),
            ZVDJ_ALREADY_EXISTS);
  EXPECT_THAT(LastError(), StartsWith("row 1: "));
  EXPECT_EQ(dup, nullptr);
  const int32_t statuses[] = {ZVDJ_VALUE_DEFINITIVE, 17};
  EXPECT_EQ(zvdj_dataset_from_arrays(&dup, 2, indicators, nullptr, periods, values, statuses,
                                     0, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("row 1: unknown status"));
  const char* bad_periods[] = {"2019", "20x9"};
  EXPECT_EQ(zvdj_dataset_from_arrays(&dup, 2, indicators, nullptr, bad_periods, values,
                                     nullptr, 0, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("row 1: period: "));

  ASSERT_EQ(zvdj_dataset_add(ds.p, "thuiszitters", "NL01", "2019/2020", 5200,
                             ZVDJ_VALUE_PROVISIONAL, 0, nullptr, nullptr),
            ZVDJ_OK);
  EXPECT_EQ(zvdj_dataset_add(ds.p, "thuiszitters", "NL01", "2019/20", 1, 0, 0, nullptr,
                             nullptr),
            ZVDJ_ALREADY_EXISTS);
  EXPECT_EQ(zvdj_dataset_add(ds.p, "x", nullptr, "2019", NAN, ZVDJ_VALUE_DEFINITIVE, 0,
                             nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_dataset_add(ds.p, "", nullptr, "2019", 1, 0, 0, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_dataset_add(ds.p, "x", nullptr, "2019", 3, ZVDJ_VALUE_NIL, 0, nullptr,
                             nullptr),
            ZVDJ_INVALID_ARGUMENT);
  ASSERT_EQ(zvdj_dataset_add(ds.p, "x", nullptr, "2019", NAN, ZVDJ_VALUE_NIL, 0, nullptr,
                             nullptr),
            ZVDJ_OK);
  size_t n = 0;
  zvdj_dataset_size(&n, ds.p);
  EXPECT_EQ(n, 5u);
  ASSERT_EQ(zvdj_dataset_get_value(&v, &s, ds.p, 4), ZVDJ_OK);
  EXPECT_EQ(v, 0.0);
  EXPECT_EQ(s, ZVDJ_VALUE_NIL);
}

TEST(CApiDataset, CloneAppendIsAllOrNothing) {
  DatasetPtr a, b, c;
  ASSERT_EQ(zvdj_dataset_read_csv(&a.p, kSample.c_str(), nullptr), ZVDJ_OK);
  ASSERT_EQ(zvdj_dataset_clone(&b.p, a.p), ZVDJ_OK);
  ASSERT_EQ(zvdj_dataset_create(&c.p), ZVDJ_OK);
  ASSERT_EQ(zvdj_dataset_add(c.p, "thuiszitters", nullptr, "2018/19", 4790, 0, 0, nullptr,
                             nullptr),
            ZVDJ_OK);
  ASSERT_EQ(zvdj_dataset_append(c.p, a.p), ZVDJ_OK);
  size_t n = 0;
  zvdj_dataset_size(&n, c.p);
  EXPECT_EQ(n, 9u);
  // b already has every row of a.
  EXPECT_EQ(zvdj_dataset_append(b.p, c.p), ZVDJ_ALREADY_EXISTS);
  EXPECT_THAT(LastError(), StartsWith("source row 1: "));
  zvdj_dataset_size(&n, b.p);
  EXPECT_EQ(n, 8u);
  // The clone is independent.
  zvdj_dataset_destroy(a.p);
  a.p = nullptr;
  zvdj_dataset_size(&n, b.p);
  EXPECT_EQ(n, 8u);
}

TEST(CApiDataset, SelectAndFind) {
  DatasetPtr ds;
  ASSERT_EQ(zvdj_dataset_read_csv(&ds.p, kSample.c_str(), nullptr), ZVDJ_OK);
  const auto select = [&](const zvdj_query* q) {
    size_t n = 0;
    EXPECT_EQ(zvdj_dataset_select(nullptr, 0, &n, ds.p, q), ZVDJ_OK) << LastError();
    std::vector<size_t> rows(n);
    EXPECT_EQ(zvdj_dataset_select(rows.data(), rows.size(), &n, ds.p, q), ZVDJ_OK);
    return rows;
  };
  EXPECT_EQ(select(nullptr).size(), 8u);
  zvdj_query q;
  ASSERT_EQ(zvdj_query_init(&q, ZVDJ_QUERY_VERSION), ZVDJ_OK);
  EXPECT_EQ(q.period_kind, -1);
  q.indicator = "jeugdhulp_met_verblijf_pct";
  q.from = "2017";
  q.to = "2018JJ00";
  EXPECT_EQ(select(&q), (std::vector<size_t>{5, 6}));
  // The same as the C++ API.
  zvdj::Query cpp_query;
  cpp_query.indicator = "jeugdhulp_met_verblijf_pct";
  cpp_query.from = zvdj::Period::Year(2017);
  cpp_query.to = zvdj::Period::Year(2018);
  EXPECT_EQ(select(&q), ds.p->impl.Select(cpp_query));
  zvdj_query_init(&q, ZVDJ_QUERY_VERSION);
  const char* names[] = {"age_group"};
  const char* total[] = {""};
  q.dim_count = 1;
  q.dim_names = names;
  q.dim_values = total;
  EXPECT_EQ(select(&q), (std::vector<size_t>{4, 5, 6, 7}));
  q.period_kind = ZVDJ_PERIOD_QUARTER;
  EXPECT_TRUE(select(&q).empty());
  q.period_kind = 77;
  size_t n = 0;
  EXPECT_EQ(zvdj_dataset_select(nullptr, 0, &n, ds.p, &q), ZVDJ_INVALID_ARGUMENT);
  zvdj_query_init(&q, ZVDJ_QUERY_VERSION);
  q.from = "garbage";
  EXPECT_EQ(zvdj_dataset_select(nullptr, 0, &n, ds.p, &q), ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("from: "));

  size_t row = 0;
  const char* age[] = {"18-23"};
  ASSERT_EQ(zvdj_dataset_find(&row, ds.p, "jeugdhulp_met_verblijf", nullptr, "2019", 1, names,
                              age),
            ZVDJ_OK);
  EXPECT_EQ(row, 3u);
  EXPECT_EQ(zvdj_dataset_find(&row, ds.p, "jeugdhulp_met_verblijf", "NL01", "2019", 0,
                              nullptr, nullptr),
            ZVDJ_NOT_FOUND);
}

TEST(CApiDataset, WriteCsv) {
  DatasetPtr ds, back;
  ASSERT_EQ(zvdj_dataset_read_csv(&ds.p, kSample.c_str(), nullptr), ZVDJ_OK);
  const auto path = TempPath("out.csv");
  ASSERT_EQ(zvdj_dataset_write_csv(ds.p, path.c_str()), ZVDJ_OK) << LastError();
  ASSERT_EQ(zvdj_dataset_read_csv(&back.p, path.c_str(), nullptr), ZVDJ_OK);
  const auto csv = [](const zvdj_dataset* d) {
    return GetString([&](char* b, size_t c, size_t* w) { return zvdj_dataset_to_csv(b, c, w, d); });
  };
  EXPECT_EQ(csv(ds.p), csv(back.p));
  std::filesystem::remove(path);
  EXPECT_EQ(zvdj_dataset_write_csv(ds.p, "/nonexistent/dir/out.csv"), ZVDJ_NOT_FOUND);
  EXPECT_THAT(LastError(), HasSubstr("cannot write /nonexistent/dir/out.csv: "));
}

// --------------------------------------------------------- catalogue ------

TEST(CApiCatalogue, BuiltinMatchesCpp) {
  zvdj_catalogue* cat = nullptr;
  ASSERT_EQ(zvdj_catalogue_builtin(&cat), ZVDJ_OK);
  const zvdj::Catalogue& cpp = zvdj::Catalogue::BuiltIn();
  size_t n = 0;
  ASSERT_EQ(zvdj_catalogue_size(&n, cat), ZVDJ_OK);
  ASSERT_EQ(n, cpp.indicators().size());
  for (size_t i = 0; i < n; ++i) {
    EXPECT_EQ(GetString([&](char* b, size_t c, size_t* w) {
                return zvdj_catalogue_id(b, c, w, cat, i);
              }),
              cpp.indicators()[i].id);
  }
  const auto field = [&](const char* id, const char* f) {
    return GetString([&](char* b, size_t c, size_t* w) {
      return zvdj_catalogue_get_string(b, c, w, cat, id, f);
    });
  };
  EXPECT_EQ(field("jeugdhulp_met_verblijf_pct", "unit"), "percentage");
  EXPECT_EQ(field("thuiszitters", "period_kind"), "school_year");
  EXPECT_EQ(field("thuiszitters", "name_nl"), cpp.Find("thuiszitters")->name_nl);
  EXPECT_THAT(field("jeugdhulp_met_verblijf", "overrides"), HasSubstr("age_group=18-23:up"));
  char buf[8];
  size_t w = 0;
  EXPECT_EQ(zvdj_catalogue_get_string(buf, sizeof buf, &w, cat, "nope", "id"), ZVDJ_NOT_FOUND);
  EXPECT_EQ(zvdj_catalogue_get_string(buf, sizeof buf, &w, cat, "thuiszitters", "colour"),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_catalogue_id(buf, sizeof buf, &w, cat, n), ZVDJ_OUT_OF_RANGE);

  int32_t unit = -1, cu = -1, pk = -1, dir = -1;
  ASSERT_EQ(zvdj_catalogue_info(&unit, &cu, &pk, &dir, cat, "thuiszitters"), ZVDJ_OK);
  EXPECT_EQ(unit, ZVDJ_UNIT_COUNT);
  EXPECT_EQ(cu, ZVDJ_COUNTING_UNIT_PERSONS);
  EXPECT_EQ(pk, ZVDJ_PERIOD_SCHOOL_YEAR);
  EXPECT_EQ(dir, ZVDJ_DIRECTION_DOWN);
  EXPECT_EQ(zvdj_catalogue_info(&unit, nullptr, nullptr, nullptr, cat, "nope"),
            ZVDJ_NOT_FOUND);

  const char* names[] = {"age_group"};
  const char* young[] = {"18-23"};
  const char* old[] = {"0-18"};
  ASSERT_EQ(zvdj_catalogue_direction_for(&dir, cat, "jeugdhulp_met_verblijf", 1, names, young),
            ZVDJ_OK);
  EXPECT_EQ(dir, ZVDJ_DIRECTION_UP);
  ASSERT_EQ(zvdj_catalogue_direction_for(&dir, cat, "jeugdhulp_met_verblijf", 1, names, old),
            ZVDJ_OK);
  EXPECT_EQ(dir, static_cast<int32_t>(cpp.DirectionFor("jeugdhulp_met_verblijf",
                                                       {{"age_group", "0-18"}})));
  ASSERT_EQ(zvdj_catalogue_direction_for(&dir, cat, "unknown_id", 0, nullptr, nullptr), ZVDJ_OK);
  EXPECT_EQ(dir, ZVDJ_DIRECTION_NONE);

  std::ostringstream expected;
  cpp.WriteCsv(expected);
  EXPECT_EQ(GetString([&](char* b, size_t c, size_t* wr) {
              return zvdj_catalogue_to_csv(b, c, wr, cat);
            }),
            expected.str());
  zvdj_catalogue_destroy(cat);
}

TEST(CApiCatalogue, LoadAndParse) {
  zvdj_catalogue* cat = nullptr;
  ASSERT_EQ(zvdj_catalogue_create(&cat), ZVDJ_OK);
  std::ostringstream text;
  zvdj::Catalogue::BuiltIn().WriteCsv(text);
  const std::string csv = text.str();
  ASSERT_EQ(zvdj_catalogue_parse_csv(cat, csv.data(), csv.size(), "cat.csv"), ZVDJ_OK)
      << LastError();
  size_t n = 0;
  zvdj_catalogue_size(&n, cat);
  EXPECT_EQ(n, zvdj::Catalogue::BuiltIn().indicators().size());

  const std::string bad = csv + "Bad Id,x,x,count,persons,year,down,src,\n";
  EXPECT_EQ(zvdj_catalogue_parse_csv(cat, bad.data(), bad.size(), "bad_cat.csv"),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("bad_cat.csv:"));
  size_t after = 0;
  zvdj_catalogue_size(&after, cat);
  EXPECT_EQ(after, n);  // unchanged on failure
  EXPECT_EQ(zvdj_catalogue_load_csv(cat, "/nonexistent/cat.csv"), ZVDJ_NOT_FOUND);
  zvdj_catalogue_destroy(cat);
}

// ------------------------------------------------------------ breaks ------

TEST(CApiBreaks, AddQueryAndCsv) {
  zvdj_breaks* br = nullptr;
  ASSERT_EQ(zvdj_breaks_create(&br), ZVDJ_OK);
  const char* names[] = {"form"};
  const char* values[] = {"pleegzorg"};
  ASSERT_EQ(zvdj_breaks_add(br, "jeugdhulp_met_verblijf", nullptr, "2018", "2019",
                            "gezinsgericht -> pleegzorg", "CBS", 1, names, values),
            ZVDJ_OK)
      << LastError();
  EXPECT_EQ(zvdj_breaks_add(br, "x", nullptr, "2019", "2018", nullptr, nullptr, 0, nullptr,
                            nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_breaks_add(br, "x", nullptr, "2019", "2020KW01", nullptr, nullptr, 0,
                            nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_breaks_add(br, nullptr, nullptr, "2018", "2019", nullptr, nullptr, 0,
                            nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  size_t n = 0;
  ASSERT_EQ(zvdj_breaks_size(&n, br), ZVDJ_OK);
  EXPECT_EQ(n, 1u);
  const auto field = [&](const char* f) {
    return GetString([&](char* b, size_t c, size_t* w) {
      return zvdj_breaks_get_string(b, c, w, br, 0, f);
    });
  };
  EXPECT_EQ(field("before"), "2018JJ00");
  EXPECT_EQ(field("after"), "2019JJ00");
  EXPECT_EQ(field("dims"), "form=pleegzorg");
  EXPECT_EQ(field("reason"), "gezinsgericht -> pleegzorg");
  char buf[8];
  size_t w = 0;
  EXPECT_EQ(zvdj_breaks_get_string(buf, sizeof buf, &w, br, 1, "reason"), ZVDJ_OUT_OF_RANGE);
  EXPECT_EQ(zvdj_breaks_get_string(buf, sizeof buf, &w, br, 0, "colour"),
            ZVDJ_INVALID_ARGUMENT);

  int64_t index = 7;
  ASSERT_EQ(zvdj_breaks_blocking(&index, br, "jeugdhulp_met_verblijf", nullptr, "2016",
                                 "2019", 1, names, values),
            ZVDJ_OK);
  EXPECT_EQ(index, 0);
  ASSERT_EQ(zvdj_breaks_blocking(&index, br, "jeugdhulp_met_verblijf", nullptr, "2016",
                                 "2018", 1, names, values),
            ZVDJ_OK);
  EXPECT_EQ(index, -1);

  std::ostringstream expected;
  br->impl.WriteCsv(expected);
  const std::string csv = GetString([&](char* b, size_t c, size_t* wr) {
    return zvdj_breaks_to_csv(b, c, wr, br);
  });
  EXPECT_EQ(csv, expected.str());
  zvdj_breaks* again = nullptr;
  ASSERT_EQ(zvdj_breaks_create(&again), ZVDJ_OK);
  ASSERT_EQ(zvdj_breaks_parse_csv(again, csv.data(), csv.size(), "breaks.csv"), ZVDJ_OK)
      << LastError();
  zvdj_breaks_size(&n, again);
  EXPECT_EQ(n, 1u);
  const std::string bad = "indicator,before,after,reason,source\nx,2019,2018,r,s\n";
  EXPECT_EQ(zvdj_breaks_parse_csv(again, bad.data(), bad.size(), "bad_breaks.csv"),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("bad_breaks.csv:2"));
  zvdj_breaks_size(&n, again);
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(zvdj_breaks_load_csv(again, "/nonexistent/breaks.csv"), ZVDJ_NOT_FOUND);
  zvdj_breaks_destroy(again);
  zvdj_breaks_destroy(br);
}

// ----------------------------------------------------------- records ------

TEST(CApiRecords, AddTablesFillTheStore) {
  zvdj_records* rec = nullptr;
  ASSERT_EQ(zvdj_records_create(&rec), ZVDJ_OK);
  const char* persons[] = {"P1", "P2", "P1"};
  const char* births[] = {"2004-02-29", "2001-05-01", "2004-02-29"};
  const char* gm[] = {"GM0363", "GM0344", "GM0363"};
  const char* providers[] = {"A", "B", "A"};
  const char* forms[] = {"pleegzorg", "ambulant", "gesloten"};
  const char* starts[] = {"2019-03-01", "2019-01-01", "2020-01-01"};
  const char* ends[] = {"", "2019-06-30", nullptr};
  const char* reasons[] = {"", "volgens_plan", ""};
  ASSERT_EQ(zvdj_records_add_jeugdhulp(rec, 3, persons, births, gm, providers, forms, starts,
                                       ends, reasons),
            ZVDJ_OK)
      << LastError();
  const zvdj::RecordStore& s = rec->impl;
  ASSERT_EQ(s.jeugdhulp.size(), 3u);
  EXPECT_EQ(s.persons.size(), 2u);
  EXPECT_EQ(s.providers.size(), 2u);
  EXPECT_EQ(s.jeugdhulp.person[2], s.jeugdhulp.person[0]);
  EXPECT_EQ(s.jeugdhulp.municipality[1], 344);
  EXPECT_EQ(s.jeugdhulp.form[0], zvdj::JeugdhulpForm::kPleegzorg);
  EXPECT_EQ(s.jeugdhulp.start[0], zvdj::Date::FromYmdUnchecked(2019, 3, 1).days());
  EXPECT_EQ(s.jeugdhulp.end[0], zvdj::kOpenEnd);
  EXPECT_EQ(s.jeugdhulp.end[1], zvdj::Date::FromYmdUnchecked(2019, 6, 30).days());
  EXPECT_EQ(s.jeugdhulp.end_reason[1], zvdj::EndReason::kVolgensPlan);
  EXPECT_EQ(s.persons.birth[s.jeugdhulp.person[0]],
            zvdj::Date::FromYmdUnchecked(2004, 2, 29).days());

  const char* measures[] = {"ots"};
  ASSERT_EQ(zvdj_records_add_jeugdbescherming(rec, 1, persons, births, gm, measures, starts,
                                              nullptr),
            ZVDJ_OK);
  const char* kinds[] = {"absoluut"};
  ASSERT_EQ(zvdj_records_add_verzuim(rec, 1, persons + 1, births + 1, gm + 1, kinds, starts,
                                     ends + 1),
            ZVDJ_OK);
  const char* vz[] = {"zvw_ggz"};
  const char* p3[] = {"P3"};
  ASSERT_EQ(zvdj_records_add_vervolgzorg(rec, 1, p3, vz, starts, nullptr), ZVDJ_OK);
  const char* exits[] = {"2021-01-01"};
  const char* exit_reasons[] = {"emigratie"};
  ASSERT_EQ(zvdj_records_add_persons(rec, 1, p3, nullptr, exits, exit_reasons), ZVDJ_OK);
  EXPECT_EQ(s.persons.exit_reason[*s.persons.ids.Find("P3")], zvdj::ExitReason::kEmigratie);

  const auto count = [&](const char* table) {
    size_t n = 99;
    EXPECT_EQ(zvdj_records_count(&n, rec, table), ZVDJ_OK);
    return n;
  };
  EXPECT_EQ(count("persons"), 3u);
  EXPECT_EQ(count("providers"), 2u);
  EXPECT_EQ(count("jeugdhulp"), 3u);
  EXPECT_EQ(count("jeugdbescherming"), 1u);
  EXPECT_EQ(count("verzuim"), 1u);
  EXPECT_EQ(count("vervolgzorg"), 1u);
  size_t n = 0;
  EXPECT_EQ(zvdj_records_count(&n, rec, "nope"), ZVDJ_NOT_FOUND);
  zvdj_records_destroy(rec);
}

TEST(CApiRecords, BadRowsChangeNothing) {
  zvdj_records* rec = nullptr;
  ASSERT_EQ(zvdj_records_create(&rec), ZVDJ_OK);
  const char* persons[] = {"P1", "P2"};
  const char* births[] = {"2004-02-29", "2001-05-01"};
  const char* gm[] = {"GM0363", "GM0344"};
  const char* forms[] = {"pleegzorg", "teleportatie"};
  const char* starts[] = {"2019-03-01", "2019-01-01"};
  const char* prov[] = {"A", "B"};
  EXPECT_EQ(zvdj_records_add_jeugdhulp(rec, 2, persons, births, gm, prov, forms, starts,
                                       nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("jeugdhulp[1]: "));
  EXPECT_THAT(LastError(), HasSubstr("(field 'form')"));
  EXPECT_EQ(rec->impl.jeugdhulp.size(), 0u);
  EXPECT_EQ(rec->impl.persons.size(), 0u);

  const char* ok_forms[] = {"pleegzorg", "ambulant"};
  const char* bad_starts[] = {"2019-03-01", "2019-13-01"};
  EXPECT_EQ(zvdj_records_add_jeugdhulp(rec, 2, persons, births, gm, prov, ok_forms,
                                       bad_starts, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("jeugdhulp[1]: "));
  EXPECT_THAT(LastError(), HasSubstr("(field 'start_date')"));
  const char* ends[] = {"2019-02-01", ""};
  EXPECT_EQ(zvdj_records_add_jeugdhulp(rec, 2, persons, births, gm, prov, ok_forms, starts,
                                       ends, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("jeugdhulp[0]: "));
  EXPECT_THAT(LastError(), HasSubstr("(field 'end_date')"));

  // A contradicting birth date within one call and against the store.
  const char* same[] = {"P1", "P1"};
  const char* two_births[] = {"2004-02-29", "2004-03-01"};
  EXPECT_EQ(zvdj_records_add_jeugdhulp(rec, 2, same, two_births, gm, prov, ok_forms, starts,
                                       nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("jeugdhulp[1]: "));
  EXPECT_THAT(LastError(), HasSubstr("birth_date"));
  ASSERT_EQ(zvdj_records_add_jeugdhulp(rec, 1, persons, births, gm, prov, ok_forms, starts,
                                       nullptr, nullptr),
            ZVDJ_OK);
  EXPECT_EQ(zvdj_records_add_jeugdhulp(rec, 1, persons, two_births + 1, gm, prov, ok_forms,
                                       starts, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(rec->impl.jeugdhulp.size(), 1u);

  const char* bad_gm[] = {"GM363"};
  const char* measures[] = {"ots"};
  EXPECT_EQ(zvdj_records_add_jeugdbescherming(rec, 1, persons, births, bad_gm, measures,
                                              starts, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("(field 'municipality')"));
  const char* empty[] = {""};
  EXPECT_EQ(zvdj_records_add_vervolgzorg(rec, 1, empty, measures, starts, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("person_id"));
  const char* exits[] = {"2021-01-01"};
  EXPECT_EQ(zvdj_records_add_persons(rec, 1, persons, nullptr, exits, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("exit"));
  EXPECT_EQ(zvdj_records_add_jeugdhulp(rec, 1, nullptr, births, gm, prov, ok_forms, starts,
                                       nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("'person_ids'"));
  zvdj_records_destroy(rec);
}

// ------------------------------------------------------------ tables ------

// Reads a numeric column of any table result.
template <class R, class F>
std::vector<double> Numbers(F get, const R* r, const char* column, size_t rows) {
  std::vector<double> v(rows + 1, -7.0);
  std::vector<uint8_t> valid(rows + 1, 9);
  size_t written = 0;
  EXPECT_EQ(get(v.data(), valid.data(), rows, &written, r, column), ZVDJ_OK) << LastError();
  EXPECT_EQ(written, rows);
  EXPECT_EQ(v[rows], -7.0);  // canary
  EXPECT_EQ(valid[rows], 9);
  for (size_t i = 0; i < rows; ++i) EXPECT_EQ(valid[i], std::isnan(v[i]) ? 0 : 1);
  v.resize(rows);
  return v;
}

std::string TrendCell(const zvdj_trend_result* r, size_t row, const char* column) {
  return GetString([&](char* b, size_t c, size_t* w) {
    return zvdj_trend_result_get_string(b, c, w, r, row, column);
  });
}

// The row of a trend result whose columns have these values.
size_t FindTrendRow(const zvdj_trend_result* r,
                    const std::vector<std::pair<const char*, std::string>>& where) {
  size_t n = 0;
  EXPECT_EQ(zvdj_trend_result_rows(&n, r), ZVDJ_OK);
  for (size_t i = 0; i < n; ++i) {
    bool all = true;
    for (const auto& [col, value] : where) all &= TrendCell(r, i, col) == value;
    if (all) return i;
  }
  ADD_FAILURE() << "no such row";
  return 0;
}

// ------------------------------------------------------------ trends ------

TEST(CApiTrends, GoldenFiguresOfThePublishedData) {
  DatasetPtr ds;
  ASSERT_EQ(zvdj_dataset_read_csv(&ds.p, kData.c_str(), nullptr), ZVDJ_OK) << LastError();
  zvdj_breaks* breaks = nullptr;
  ASSERT_EQ(zvdj_breaks_create(&breaks), ZVDJ_OK);
  ASSERT_EQ(zvdj_breaks_load_csv(breaks, kBreaks.c_str()), ZVDJ_OK) << LastError();

  zvdj_trend_result* rows = nullptr;
  ASSERT_EQ(zvdj_trends_compute(&rows, ds.p, nullptr, breaks, nullptr), ZVDJ_OK)
      << LastError();
  // Jeugdhulp met verblijf as a share of all jeugdhulp: 10,4% -> 10,1%, -0,3 pp.
  const size_t share = FindTrendRow(rows, {{"indicator", "jeugdhulp_met_verblijf_pct"},
                                           {"period", "2019JJ00"}});
  size_t n = 0;
  ASSERT_EQ(zvdj_trend_result_rows(&n, rows), ZVDJ_OK);
  const std::vector<double> pp = Numbers(zvdj_trend_result_get_numbers, rows, "pp_change", n);
  EXPECT_NEAR(pp[share], -0.3, 1e-9);
  EXPECT_EQ(TrendCell(rows, share, "prev_period"), "2018JJ00");
  // Counts have no pp change.
  const size_t count = FindTrendRow(rows, {{"indicator", "jeugdhulp_met_verblijf"},
                                           {"age_group", "18-23"},
                                           {"period", "2019JJ00"}});
  EXPECT_TRUE(std::isnan(pp[count]));
  EXPECT_EQ(TrendCell(rows, count, "pp_change"), "");
  int32_t numeric = -1;
  ASSERT_EQ(zvdj_trend_result_column_is_numeric(&numeric, rows, "rel_change_pct"), ZVDJ_OK);
  EXPECT_EQ(numeric, 1);
  ASSERT_EQ(zvdj_trend_result_column_is_numeric(&numeric, rows, "note"), ZVDJ_OK);
  EXPECT_EQ(numeric, 0);
  double d = 0;
  size_t w = 0;
  EXPECT_EQ(zvdj_trend_result_get_numbers(&d, nullptr, 1, &w, rows, "note"),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_trend_result_column_is_numeric(&numeric, rows, "nope"), ZVDJ_NOT_FOUND);
  EXPECT_THAT(LastError(), HasSubstr("'nope'"));

  // The same numbers as the C++ API, and the CSV of `zvdj trends`.
  const zvdj::TrendTable cpp = zvdj::ComputeTrendRows(ds.p->impl, zvdj::Catalogue::BuiltIn(),
                                                      breaks->impl);
  ASSERT_EQ(cpp.rows.size(), n);
  const std::vector<double> rel =
      Numbers(zvdj_trend_result_get_numbers, rows, "rel_change_pct", n);
  for (size_t i = 0; i < n; ++i) {
    if (cpp.rows[i].rel_change_pct) {
      EXPECT_EQ(rel[i], *cpp.rows[i].rel_change_pct) << i;
    } else {
      EXPECT_TRUE(std::isnan(rel[i])) << i;
    }
  }
  std::ostringstream csv;
  zvdj::WriteTrendRows(cpp, zvdj::ReportFormat::kCsv, csv);
  EXPECT_EQ(GetString([&](char* b, size_t c, size_t* wr) {
              return zvdj_trend_result_to_csv(b, c, wr, rows);
            }),
            csv.str());
  zvdj_trend_result_destroy(rows);

  // Summary: 18-23 jaar 1.665 (2016) -> 2.955 (2019) is +77%.
  zvdj_trend_result* sums = nullptr;
  ASSERT_EQ(zvdj_trends_summarize(&sums, ds.p, nullptr, breaks, nullptr), ZVDJ_OK)
      << LastError();
  const size_t young = FindTrendRow(sums, {{"indicator", "jeugdhulp_met_verblijf"},
                                           {"age_group", "18-23"},
                                           {"form", ""}});
  ASSERT_EQ(zvdj_trend_result_rows(&n, sums), ZVDJ_OK);
  const std::vector<double> growth =
      Numbers(zvdj_trend_result_get_numbers, sums, "rel_change_pct", n);
  EXPECT_NEAR(growth[young], 100.0 * (2955.0 - 1665.0) / 1665.0, 1e-9);
  EXPECT_EQ(std::lround(growth[young]), 77);
  EXPECT_EQ(TrendCell(sums, young, "first_period"), "2016JJ00");
  EXPECT_EQ(TrendCell(sums, young, "last_period"), "2019JJ00");
  EXPECT_FALSE(TrendCell(sums, young, "assessment").empty());
  zvdj::SummaryTable cpp_sums = zvdj::ComputeTrendSummaries(
      ds.p->impl, zvdj::Catalogue::BuiltIn(), breaks->impl);
  zvdj::AssessSummaries(cpp_sums, zvdj::CagrRule());
  std::ostringstream sum_csv;
  zvdj::WriteTrendSummaries(cpp_sums, zvdj::ReportFormat::kCsv, sum_csv);
  EXPECT_EQ(GetString([&](char* b, size_t c, size_t* wr) {
              return zvdj_trend_result_to_csv(b, c, wr, sums);
            }),
            sum_csv.str());
  zvdj_trend_result_destroy(sums);
  zvdj_breaks_destroy(breaks);
}

TEST(CApiTrends, OptionsAndErrors) {
  DatasetPtr ds;
  ASSERT_EQ(zvdj_dataset_read_csv(&ds.p, kSample.c_str(), nullptr), ZVDJ_OK);
  zvdj_trend_options opts;
  ASSERT_EQ(zvdj_trend_options_init(&opts, ZVDJ_TREND_OPTIONS_VERSION), ZVDJ_OK);
  EXPECT_EQ(opts.rule, ZVDJ_ASSESSMENT_CAGR);
  EXPECT_EQ(opts.cagr_on_track_pct, 1.5);
  EXPECT_EQ(opts.cagr_acceleration_pct, 0.5);
  EXPECT_EQ(opts.cagr_scale, 1.0);
  EXPECT_EQ(opts.tolerance, 1.0);
  EXPECT_EQ(opts.from, nullptr);
  opts.from = "2018";
  opts.rule = ZVDJ_ASSESSMENT_TOLERANCE;
  zvdj_trend_result* r = nullptr;
  ASSERT_EQ(zvdj_trends_summarize(&r, ds.p, nullptr, nullptr, &opts), ZVDJ_OK) << LastError();
  const size_t share = FindTrendRow(r, {{"indicator", "jeugdhulp_met_verblijf_pct"}});
  EXPECT_EQ(TrendCell(r, share, "first_period"), "2018JJ00");
  // 10,4 -> 10,1 is 0,3 pp down, within the tolerance of 1 pp.
  EXPECT_EQ(TrendCell(r, share, "assessment"), "no_change");
  zvdj_trend_result_destroy(r);

  opts.rule = ZVDJ_ASSESSMENT_NONE;
  ASSERT_EQ(zvdj_trends_summarize(&r, ds.p, nullptr, nullptr, &opts), ZVDJ_OK);
  EXPECT_EQ(TrendCell(r, 0, "assessment"), "");
  size_t n = 0;
  char buf[8];
  size_t w = 0;
  ASSERT_EQ(zvdj_trend_result_rows(&n, r), ZVDJ_OK);
  EXPECT_EQ(zvdj_trend_result_get_string(buf, sizeof buf, &w, r, n, "indicator"),
            ZVDJ_OUT_OF_RANGE);
  size_t cols = 0;
  ASSERT_EQ(zvdj_trend_result_column_count(&cols, r), ZVDJ_OK);
  EXPECT_EQ(GetString([&](char* b, size_t c, size_t* wr) {
              return zvdj_trend_result_column_name(b, c, wr, r, 0);
            }),
            "indicator");
  EXPECT_EQ(zvdj_trend_result_column_name(buf, sizeof buf, &w, r, cols), ZVDJ_OUT_OF_RANGE);
  zvdj_trend_result_destroy(r);

  opts.rule = 9;
  r = nullptr;
  EXPECT_EQ(zvdj_trends_summarize(&r, ds.p, nullptr, nullptr, &opts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(r, nullptr);
  opts.rule = ZVDJ_ASSESSMENT_CAGR;
  opts.cagr_scale = 0;
  EXPECT_EQ(zvdj_trends_summarize(&r, ds.p, nullptr, nullptr, &opts), ZVDJ_INVALID_ARGUMENT);
  opts.cagr_scale = 1;
  opts.from = "not a period";
  EXPECT_EQ(zvdj_trends_compute(&r, ds.p, nullptr, nullptr, &opts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("from: "));
  opts.from = nullptr;
  opts.version = 99;
  EXPECT_EQ(zvdj_trends_compute(&r, ds.p, nullptr, nullptr, &opts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_trend_options_init(&opts, 0), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_trend_options_init(nullptr, 1), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_trends_compute(&r, nullptr, nullptr, nullptr, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_trends_compute(nullptr, ds.p, nullptr, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_trend_result_rows(&n, nullptr), ZVDJ_INVALID_ARGUMENT);
  zvdj_trend_result_destroy(nullptr);
  zvdj_load_report_destroy(nullptr);
  zvdj_cohort_result_destroy(nullptr);
}

// ----------------------------------------------------- record loading ------

TEST(CApiLoad, FilesStrictAndLenient) {
  zvdj_records* rec = nullptr;
  ASSERT_EQ(zvdj_records_create(&rec), ZVDJ_OK);
  zvdj_load_report* report = nullptr;
  ASSERT_EQ(zvdj_records_load_csv(&report, rec, "jeugdhulp",
                                  (kRecordsDir + "jeugdhulp.csv").c_str(), nullptr),
            ZVDJ_OK)
      << LastError();
  size_t input = 0, loaded = 0, skipped = 9;
  ASSERT_EQ(zvdj_load_report_counts(&input, &loaded, &skipped, report), ZVDJ_OK);
  EXPECT_EQ(input, 8u);
  EXPECT_EQ(loaded, 8u);
  EXPECT_EQ(skipped, 0u);
  zvdj_load_report_destroy(report);

  // The same rows as the C++ loader.
  zvdj::RecordStore cpp;
  ASSERT_TRUE(zvdj::LoadJeugdhulpCsv(kRecordsDir + "jeugdhulp.csv", &cpp, {}, nullptr).ok());
  EXPECT_EQ(rec->impl.jeugdhulp.start, cpp.jeugdhulp.start);
  EXPECT_EQ(rec->impl.jeugdhulp.end, cpp.jeugdhulp.end);
  EXPECT_EQ(rec->impl.persons.birth, cpp.persons.birth);

  // Strict: the error names file, line and column; the store is unchanged.
  const std::string bad = kRecordsDir + "bad_jeugdhulp.csv";
  report = nullptr;
  EXPECT_EQ(zvdj_records_load_csv(&report, rec, "jeugdhulp", bad.c_str(), nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(report, nullptr);
  EXPECT_THAT(LastError(), HasSubstr(bad + ":3:"));
  size_t n = 0;
  zvdj_records_count(&n, rec, "jeugdhulp");
  EXPECT_EQ(n, 8u);

  // Lenient: skipped rows are listed.
  zvdj_load_options opts;
  ASSERT_EQ(zvdj_load_options_init(&opts, ZVDJ_LOAD_OPTIONS_VERSION), ZVDJ_OK);
  EXPECT_EQ(opts.mode, ZVDJ_LOAD_STRICT);
  opts.mode = ZVDJ_LOAD_LENIENT;
  zvdj_records* fresh = nullptr;
  ASSERT_EQ(zvdj_records_create(&fresh), ZVDJ_OK);
  ASSERT_EQ(zvdj_records_load_csv(&report, fresh, "jeugdhulp", bad.c_str(), &opts), ZVDJ_OK)
      << LastError();
  ASSERT_EQ(zvdj_load_report_counts(&input, &loaded, &skipped, report), ZVDJ_OK);
  EXPECT_EQ(skipped, 1u);
  EXPECT_EQ(input, loaded + skipped);
  size_t rows = 0;
  ASSERT_EQ(zvdj_load_report_rows(&rows, report), ZVDJ_OK);
  ASSERT_EQ(rows, 1u);
  const std::vector<double> line = Numbers(zvdj_load_report_get_numbers, report, "line", rows);
  EXPECT_EQ(line[0], 3.0);
  EXPECT_EQ(GetString([&](char* b, size_t c, size_t* w) {
              return zvdj_load_report_get_string(b, c, w, report, 0, "file");
            }),
            bad);
  EXPECT_FALSE(GetString([&](char* b, size_t c, size_t* w) {
                 return zvdj_load_report_get_string(b, c, w, report, 0, "reason");
               }).empty());
  EXPECT_THAT(GetString([&](char* b, size_t c, size_t* w) {
                return zvdj_load_report_to_csv(b, c, w, report);
              }),
              StartsWith("file,line,column,reason\n"));
  zvdj_load_report_destroy(report);
  zvdj_records_destroy(fresh);

  // Text in memory, and the errors of the arguments.
  const std::string text =
      "person_id,kind,start_date,end_date\nP9,wmo,2019-01-01,\n";
  ASSERT_EQ(zvdj_records_parse_csv(nullptr, rec, "vervolgzorg", text.data(), text.size(),
                                   "vz.csv", nullptr),
            ZVDJ_OK)
      << LastError();
  zvdj_records_count(&n, rec, "vervolgzorg");
  EXPECT_EQ(n, 1u);
  const std::string bad_text = "person_id,kind,start_date,end_date\nP9,wmo,2019-01-32,\n";
  EXPECT_EQ(zvdj_records_parse_csv(nullptr, rec, "vervolgzorg", bad_text.data(),
                                   bad_text.size(), "vz.csv", nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("vz.csv:2:3:"));
  EXPECT_EQ(zvdj_records_load_csv(nullptr, rec, "pets", bad.c_str(), nullptr), ZVDJ_NOT_FOUND);
  EXPECT_EQ(zvdj_records_load_csv(nullptr, rec, "jeugdhulp", "/nonexistent.csv", nullptr),
            ZVDJ_NOT_FOUND);
  opts.mode = 5;
  EXPECT_EQ(zvdj_records_load_csv(nullptr, rec, "jeugdhulp", bad.c_str(), &opts),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_records_load_csv(nullptr, nullptr, "jeugdhulp", bad.c_str(), nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_load_report_counts(&input, nullptr, nullptr, nullptr), ZVDJ_INVALID_ARGUMENT);
  zvdj_records_destroy(rec);
}

// ------------------------------------------------------------ compute -----

TEST(CApiCompute, SameDatasetAsCpp) {
  const std::string dir = std::string(ZVDJ_SOURCE_DIR) + "/tests/data/engine/";
  zvdj_records* rec = nullptr;
  ASSERT_EQ(zvdj_records_create(&rec), ZVDJ_OK);
  ASSERT_EQ(zvdj_records_load_files(nullptr, rec, (dir + "jeugdhulp.csv").c_str(),
                                    (dir + "jeugdbescherming.csv").c_str(),
                                    (dir + "verzuim.csv").c_str(), nullptr, nullptr, nullptr),
            ZVDJ_OK)
      << LastError();
  zvdj_compute_options opts;
  ASSERT_EQ(zvdj_compute_options_init(&opts, ZVDJ_COMPUTE_OPTIONS_VERSION), ZVDJ_OK);
  EXPECT_EQ(opts.suppress_below, 10);
  EXPECT_EQ(opts.merge_trajectories, 1);
  opts.suppress_below = 0;
  opts.regions_path = nullptr;
  DatasetPtr ds;
  ASSERT_EQ(zvdj_compute(&ds.p, rec, &opts), ZVDJ_OK) << LastError();

  zvdj::ComputeOptions c;
  c.publication.suppress_below = 0;
  absl::StatusOr<zvdj::ComputeResult> cpp = zvdj::ComputeIndicators(rec->impl, c);
  ASSERT_TRUE(cpp.ok()) << cpp.status();
  std::ostringstream expected;
  zvdj::WriteDatasetCsv(cpp->dataset, expected);
  EXPECT_EQ(GetString([&](char* b, size_t cap, size_t* w) {
              return zvdj_dataset_to_csv(b, cap, w, ds.p);
            }),
            expected.str());
  size_t n = 0;
  zvdj_dataset_size(&n, ds.p);
  EXPECT_GT(n, 0u);

  // Computed datasets go straight into the trends.
  zvdj_trend_result* trends = nullptr;
  ASSERT_EQ(zvdj_trends_compute(&trends, ds.p, nullptr, nullptr, nullptr), ZVDJ_OK);
  zvdj_trend_result_destroy(trends);

  opts.regions_path = "/nonexistent/regions.csv";
  zvdj_dataset* none = nullptr;
  EXPECT_EQ(zvdj_compute(&none, rec, &opts), ZVDJ_NOT_FOUND);
  opts.regions_path = nullptr;
  opts.age_basis = 7;
  EXPECT_EQ(zvdj_compute(&none, rec, &opts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(none, nullptr);
  zvdj_records* empty = nullptr;
  ASSERT_EQ(zvdj_records_create(&empty), ZVDJ_OK);
  EXPECT_EQ(zvdj_compute(&none, empty, nullptr), ZVDJ_INVALID_ARGUMENT);
  zvdj_records_destroy(empty);
  zvdj_records_destroy(rec);
}

// ------------------------------------------------------------- cohort -----

TEST(CApiCohort, HandComputedOutflow) {
  zvdj_records* rec = nullptr;
  ASSERT_EQ(zvdj_records_create(&rec), ZVDJ_OK);
  ASSERT_EQ(zvdj_records_load_files(nullptr, rec, (kCohortDir + "jeugdhulp.csv").c_str(),
                                    nullptr, nullptr, (kCohortDir + "vervolgzorg.csv").c_str(),
                                    (kCohortDir + "persons.csv").c_str(), nullptr),
            ZVDJ_OK)
      << LastError();
  zvdj_cohort_options opts;
  ASSERT_EQ(zvdj_cohort_options_init(&opts, ZVDJ_COHORT_OPTIONS_VERSION), ZVDJ_OK);
  EXPECT_EQ(opts.ci_level, 0.95);
  EXPECT_EQ(opts.window_months, 3);
  zvdj_cohort_result* r = nullptr;
  EXPECT_EQ(zvdj_cohort_estimate(&r, rec, &opts), ZVDJ_INVALID_ARGUMENT);  // no year
  opts.year_of_18 = 2017;
  opts.cutoff = "2018-12-31";
  ASSERT_EQ(zvdj_cohort_estimate(&r, rec, &opts), ZVDJ_OK) << LastError();
  size_t n = 0;
  ASSERT_EQ(zvdj_cohort_result_rows(&n, r), ZVDJ_OK);
  ASSERT_EQ(n, 15u);  // 5 outcomes x 3 horizons
  const auto cell = [&](size_t row, const char* col) {
    return GetString([&](char* b, size_t c, size_t* w) {
      return zvdj_cohort_result_get_string(b, c, w, r, row, col);
    });
  };
  const std::vector<double> est = Numbers(zvdj_cohort_result_get_numbers, r, "estimate", n);
  const std::vector<double> members = Numbers(zvdj_cohort_result_get_numbers, r, "n_cohort", n);
  bool seen_verlengde = false, seen_wmo = false;
  for (size_t i = 0; i < n; ++i) {
    EXPECT_EQ(members[i], 5.0);
    if (cell(i, "outcome") == "verlengde_jeugdhulp" && cell(i, "horizon") == "1m") {
      EXPECT_EQ(est[i], 0.2);  // P1's trajectory runs on the birthday: 1 of 5
      seen_verlengde = true;
    }
    if (cell(i, "outcome") == "wmo" && cell(i, "horizon") == "3m") {
      EXPECT_EQ(est[i], 0.25);
      seen_wmo = true;
    }
  }
  EXPECT_TRUE(seen_verlengde);
  EXPECT_TRUE(seen_wmo);
  EXPECT_THAT(GetString([&](char* b, size_t c, size_t* w) {
                return zvdj_cohort_result_to_csv(b, c, w, r);
              }),
              StartsWith("year_of_18,region,outcome,horizon,n_cohort,n_at_risk,n_events,"
                         "estimate,std_err,ci_low,ci_high,method,denominator,note\n2017,"));

  // Same as the C++ API.
  zvdj::EighteenCohortOptions copt;
  copt.cutoff = zvdj::Date::FromYmdUnchecked(2018, 12, 31).days();
  const std::vector<int> years = {2017};
  const zvdj::Cohort cohort = zvdj::EighteenthBirthdayCohort(rec->impl, years, copt);
  zvdj::OutflowOptions oo;
  oo.horizons = zvdj::ParseHorizons("1m,3m,6m").value();
  oo.cutoff = *copt.cutoff;
  auto cpp = zvdj::CohortOutflow(rec->impl, cohort, zvdj::BuiltinOutcomes(rec->impl), oo);
  ASSERT_TRUE(cpp.ok());
  ASSERT_EQ(cpp->size(), n);
  for (size_t i = 0; i < n; ++i) {
    if (std::isnan((*cpp)[i].estimate)) {
      EXPECT_TRUE(std::isnan(est[i]));
    } else {
      EXPECT_EQ(est[i], (*cpp)[i].estimate) << i;
    }
  }

  DatasetPtr ds;
  ASSERT_EQ(zvdj_cohort_result_to_dataset(&ds.p, r), ZVDJ_OK) << LastError();
  EXPECT_EQ(ds.p->impl.size(), n);
  EXPECT_EQ(ds.p->impl.indicator(0), "vervolgzorg_pct");
  zvdj_cohort_result_destroy(r);

  r = nullptr;
  opts.horizons = "1y";
  EXPECT_EQ(zvdj_cohort_estimate(&r, rec, &opts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("1y"));
  opts.horizons = nullptr;
  opts.cutoff = "2018-02-30";
  EXPECT_EQ(zvdj_cohort_estimate(&r, rec, &opts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("cutoff: "));
  opts.cutoff = nullptr;  // the latest date in the data
  ASSERT_EQ(zvdj_cohort_estimate(&r, rec, &opts), ZVDJ_OK) << LastError();
  zvdj_cohort_result_destroy(r);
  r = nullptr;
  opts.methods = "magic";
  EXPECT_EQ(zvdj_cohort_estimate(&r, rec, &opts), ZVDJ_INVALID_ARGUMENT);
  opts.methods = nullptr;
  opts.denominator = 4;
  EXPECT_EQ(zvdj_cohort_estimate(&r, rec, &opts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_cohort_estimate(&r, rec, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_cohort_result_to_dataset(&ds.p, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(r, nullptr);
  zvdj_records_destroy(rec);
}

}  // namespace
