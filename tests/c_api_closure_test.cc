// C API: the indicators together with the jeugdbescherming stock-flow
// closure rows (zvdj_compute_with_closure): the same rows and dataset as the
// C++ API, a hand-worked closure, NULL handles and error messages.
#include <sstream>
#include <string>
#include <vector>

#include "c_api_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/indicators.hpp"
#include "zvdj/zvdj.h"

namespace {

using ::testing::ElementsAre;
using namespace zvdj_test;

const std::string kEngine = Source("tests/data/engine/");

struct Records {
  zvdj_records* p = nullptr;
  Records() {
    EXPECT_EQ(zvdj_records_create(&p), ZVDJ_OK);
    EXPECT_EQ(zvdj_records_load_files(nullptr, p, (kEngine + "jeugdhulp.csv").c_str(),
                                      (kEngine + "jeugdbescherming.csv").c_str(),
                                      (kEngine + "verzuim.csv").c_str(), nullptr, nullptr,
                                      nullptr),
              ZVDJ_OK)
        << LastError();
  }
  ~Records() { zvdj_records_destroy(p); }
};

TEST(CApiClosure, SameRowsAndDatasetAsCpp) {
  Records rec;
  zvdj_compute_options opts;
  ASSERT_EQ(zvdj_compute_options_init(&opts, ZVDJ_COMPUTE_OPTIONS_VERSION), ZVDJ_OK);
  opts.suppress_below = 0;
  zvdj_dataset* ds = nullptr;
  TablePtr closure;
  ASSERT_EQ(zvdj_compute_with_closure(&ds, &closure.p, rec.p, &opts), ZVDJ_OK) << LastError();

  zvdj::ComputeOptions c;
  c.publication.suppress_below = 0;
  const zvdj::ComputeResult cpp = zvdj::ComputeIndicators(rec.p->impl, c).value();
  std::ostringstream want_csv;
  zvdj::WriteDatasetCsv(cpp.dataset, want_csv);
  EXPECT_EQ(GetString([&](char* b, size_t cap, size_t* w) {
              return zvdj_dataset_to_csv(b, cap, w, ds);
            }),
            want_csv.str());
  zvdj_dataset_destroy(ds);

  std::ostringstream closure_csv;
  zvdj::WriteClosureCsv(cpp.closure, closure_csv);
  EXPECT_EQ(Csv(closure.p), closure_csv.str());
  EXPECT_THAT(ColumnNames(closure.p), ElementsAre("period", "region", "measure", "begin",
                                                  "inflow", "outflow", "end", "difference"));
  ASSERT_GT(Rows(closure.p), 0u);
  ASSERT_EQ(Rows(closure.p), cpp.closure.size());
  // The closure identity holds on every row; for measures the difference is 0.
  const std::vector<double> begin = Numbers(closure.p, "begin");
  const std::vector<double> in = Numbers(closure.p, "inflow");
  const std::vector<double> out = Numbers(closure.p, "outflow");
  const std::vector<double> end = Numbers(closure.p, "end");
  const std::vector<double> diff = Numbers(closure.p, "difference");
  for (size_t i = 0; i < begin.size(); ++i) {
    EXPECT_EQ(diff[i], end[i] - (begin[i] + in[i] - out[i])) << i;
    if (!Cell(closure.p, i, "measure").empty()) {
      EXPECT_EQ(diff[i], 0.0) << i;
    }
  }
}

TEST(CApiClosure, HandWorkedSingleMeasure) {
  // One OTS from 2016-06-01, still running: begin 2017 = 1, no flows, end 1.
  zvdj_records* rec = nullptr;
  ASSERT_EQ(zvdj_records_create(&rec), ZVDJ_OK);
  const char* ids[] = {"P1"};
  const char* birth[] = {"2006-01-01"};
  const char* gm[] = {"GM0363"};
  const char* measure[] = {"ots"};
  const char* start[] = {"2016-06-01"};
  ASSERT_EQ(zvdj_records_add_jeugdbescherming(rec, 1, ids, birth, gm, measure, start, nullptr),
            ZVDJ_OK)
      << LastError();
  zvdj_compute_options opts;
  ASSERT_EQ(zvdj_compute_options_init(&opts, 1), ZVDJ_OK);
  opts.from_year = 2016;
  opts.to_year = 2017;
  opts.levels = ZVDJ_LEVEL_GEMEENTE;
  zvdj_dataset* ds = nullptr;
  TablePtr closure;
  ASSERT_EQ(zvdj_compute_with_closure(&ds, &closure.p, rec, &opts), ZVDJ_OK) << LastError();
  zvdj_dataset_destroy(ds);
  bool seen = false;
  for (size_t i = 0; i < Rows(closure.p); ++i) {
    if (Cell(closure.p, i, "period") == "2017JJ00" && Cell(closure.p, i, "measure") == "ots") {
      EXPECT_EQ(Cell(closure.p, i, "region"), "GM0363");
      EXPECT_EQ(Cell(closure.p, i, "begin"), "1");
      EXPECT_EQ(Cell(closure.p, i, "inflow"), "0");
      EXPECT_EQ(Cell(closure.p, i, "outflow"), "0");
      EXPECT_EQ(Cell(closure.p, i, "end"), "1");
      seen = true;
    }
    if (Cell(closure.p, i, "period") == "2016JJ00" && Cell(closure.p, i, "measure") == "ots") {
      EXPECT_EQ(Cell(closure.p, i, "begin"), "0");
      EXPECT_EQ(Cell(closure.p, i, "inflow"), "1");
    }
  }
  EXPECT_TRUE(seen);
  zvdj_records_destroy(rec);
}

TEST(CApiClosure, ErrorsAndNullHandles) {
  Records rec;
  zvdj_dataset* ds = nullptr;
  zvdj_table* closure = nullptr;
  zvdj_compute_options opts;
  ASSERT_EQ(zvdj_compute_options_init(&opts, 1), ZVDJ_OK);
  opts.age_basis = 9;
  EXPECT_EQ(zvdj_compute_with_closure(&ds, &closure, rec.p, &opts), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "unknown age_basis 9");
  opts.age_basis = ZVDJ_AGE_BASIS_PERIOD_END;
  opts.herindeling_path = "/nonexistent/herindeling.csv";
  EXPECT_EQ(zvdj_compute_with_closure(&ds, &closure, rec.p, &opts), ZVDJ_NOT_FOUND);
  EXPECT_EQ(zvdj_compute_with_closure(&ds, &closure, nullptr, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "argument 'records' must not be NULL");
  EXPECT_EQ(zvdj_compute_with_closure(&ds, nullptr, rec.p, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "argument 'out_closure' must not be NULL");
  EXPECT_EQ(zvdj_compute_with_closure(nullptr, &closure, rec.p, nullptr), ZVDJ_INVALID_ARGUMENT);
  zvdj_records* empty = nullptr;
  ASSERT_EQ(zvdj_records_create(&empty), ZVDJ_OK);
  EXPECT_EQ(zvdj_compute_with_closure(&ds, &closure, empty, nullptr), ZVDJ_INVALID_ARGUMENT);
  zvdj_records_destroy(empty);
  EXPECT_EQ(ds, nullptr);
  EXPECT_EQ(closure, nullptr);
}

}  // namespace
