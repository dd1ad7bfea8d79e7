// C API: the thread counts of the load and compute options (struct version 2)
// reach the loaders and the computation, and version 1 structs (without
// `threads`) are still accepted and never written past their end.
#include <cstddef>
#include <cstring>
#include <string>

#include "c_api_test_util.h"
#include "gtest/gtest.h"
#include "zvdj/zvdj.h"

namespace {

using namespace zvdj_test;

const std::string kEngine = Source("tests/data/engine/");

// The layouts version 1 callers were compiled with.
struct LoadOptionsV1 {
  uint32_t version;
  int32_t mode;
};
struct ComputeOptionsV1 {
  uint32_t version;
  int32_t from_year, to_year, round5;
  int64_t suppress_below;
  int32_t age_basis, merge_trajectories, vots_counts_as_ots, levels, classification_year;
  const char *regions_path, *herindeling_path;
};

std::string ComputeCsv(const void* compute_opts, const void* load_opts) {
  zvdj_records* rec = nullptr;
  EXPECT_EQ(zvdj_records_create(&rec), ZVDJ_OK);
  EXPECT_EQ(zvdj_records_load_files(nullptr, rec, (kEngine + "jeugdhulp.csv").c_str(),
                                    (kEngine + "jeugdbescherming.csv").c_str(),
                                    (kEngine + "verzuim.csv").c_str(), nullptr, nullptr,
                                    static_cast<const zvdj_load_options*>(load_opts)),
            ZVDJ_OK)
      << LastError();
  zvdj_dataset* ds = nullptr;
  EXPECT_EQ(zvdj_compute(&ds, rec, static_cast<const zvdj_compute_options*>(compute_opts)),
            ZVDJ_OK)
      << LastError();
  std::string csv = GetString(
      [&](char* b, size_t cap, size_t* w) { return zvdj_dataset_to_csv(b, cap, w, ds); });
  zvdj_dataset_destroy(ds);
  zvdj_records_destroy(rec);
  return csv;
}

TEST(CApiOptionsThreads, DefaultsAreTwoThreads) {
  zvdj_load_options load;
  ASSERT_EQ(zvdj_load_options_init(&load, ZVDJ_LOAD_OPTIONS_VERSION), ZVDJ_OK);
  EXPECT_EQ(load.threads, 2);
  zvdj_compute_options opts;
  ASSERT_EQ(zvdj_compute_options_init(&opts, ZVDJ_COMPUTE_OPTIONS_VERSION), ZVDJ_OK);
  EXPECT_EQ(opts.threads, 2);
  EXPECT_EQ(ZVDJ_LOAD_OPTIONS_VERSION, 2);
  EXPECT_EQ(ZVDJ_COMPUTE_OPTIONS_VERSION, 2);
  int64_t v = 0;
  ASSERT_EQ(zvdj_constant(&v, "ZVDJ_COMPUTE_OPTIONS_VERSION"), ZVDJ_OK);
  EXPECT_EQ(v, 2);
}

TEST(CApiOptionsThreads, AnyThreadCountGivesTheSameIndicators) {
  const std::string want = ComputeCsv(nullptr, nullptr);
  for (int32_t threads : {0, 1, 3}) {
    zvdj_load_options load;
    ASSERT_EQ(zvdj_load_options_init(&load, ZVDJ_LOAD_OPTIONS_VERSION), ZVDJ_OK);
    load.threads = threads;
    zvdj_compute_options opts;
    ASSERT_EQ(zvdj_compute_options_init(&opts, ZVDJ_COMPUTE_OPTIONS_VERSION), ZVDJ_OK);
    opts.threads = threads;
    EXPECT_EQ(ComputeCsv(&opts, &load), want) << threads << " threads";
  }
}

TEST(CApiOptionsThreads, BadThreadCountsAreRejected) {
  zvdj_records* rec = nullptr;
  ASSERT_EQ(zvdj_records_create(&rec), ZVDJ_OK);
  zvdj_load_options load;
  ASSERT_EQ(zvdj_load_options_init(&load, ZVDJ_LOAD_OPTIONS_VERSION), ZVDJ_OK);
  load.threads = -1;
  EXPECT_EQ(zvdj_records_load_csv(nullptr, rec, "jeugdhulp",
                                  (kEngine + "jeugdhulp.csv").c_str(), &load),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_NE(LastError().find("threads"), std::string::npos) << LastError();
  ASSERT_EQ(zvdj_records_load_csv(nullptr, rec, "jeugdhulp",
                                  (kEngine + "jeugdhulp.csv").c_str(), nullptr),
            ZVDJ_OK);
  zvdj_compute_options opts;
  ASSERT_EQ(zvdj_compute_options_init(&opts, ZVDJ_COMPUTE_OPTIONS_VERSION), ZVDJ_OK);
  opts.threads = 1000;
  zvdj_dataset* ds = nullptr;
  EXPECT_EQ(zvdj_compute(&ds, rec, &opts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(ds, nullptr);
  zvdj_records_destroy(rec);
}

TEST(CApiOptionsThreads, VersionOneStructsStillWork) {
  // init(version 1) writes only the version 1 fields: the bytes after the
  // struct keep their sentinel.
  unsigned char load_bytes[sizeof(LoadOptionsV1) + 16];
  std::memset(load_bytes, 0xAB, sizeof load_bytes);
  ASSERT_EQ(zvdj_load_options_init(reinterpret_cast<zvdj_load_options*>(load_bytes), 1),
            ZVDJ_OK);
  for (size_t i = sizeof(LoadOptionsV1); i < sizeof load_bytes; ++i) {
    EXPECT_EQ(load_bytes[i], 0xAB) << i;
  }
  unsigned char compute_bytes[sizeof(ComputeOptionsV1) + 16];
  std::memset(compute_bytes, 0xAB, sizeof compute_bytes);
  ASSERT_EQ(
      zvdj_compute_options_init(reinterpret_cast<zvdj_compute_options*>(compute_bytes), 1),
      ZVDJ_OK);
  for (size_t i = sizeof(ComputeOptionsV1); i < sizeof compute_bytes; ++i) {
    EXPECT_EQ(compute_bytes[i], 0xAB) << i;
  }
  // A version 1 struct followed by garbage computes as the defaults do.
  EXPECT_EQ(ComputeCsv(compute_bytes, load_bytes), ComputeCsv(nullptr, nullptr));
}

}  // namespace
