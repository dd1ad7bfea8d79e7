// C API: zvdj_table as the one result type: trends, summaries and cohorts as
// tables, the column kinds, whole columns in one call, the reader formats, the
// older handles' tables, and the option names for bindings.
#include <cstdint>
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "c_api_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/zvdj.h"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using namespace zvdj_test;

const std::string kData = Source("data/kernindicatoren.csv");
const std::string kCohortDir = Source("tests/data/cohort/");

struct DatasetPtr {
  zvdj_dataset* p = nullptr;
  ~DatasetPtr() { zvdj_dataset_destroy(p); }
};
struct RecordsPtr {
  zvdj_records* p = nullptr;
  RecordsPtr() {
    EXPECT_EQ(zvdj_records_create(&p), ZVDJ_OK);
    EXPECT_EQ(zvdj_records_load_files(nullptr, p, (kCohortDir + "jeugdhulp.csv").c_str(), nullptr,
                                      nullptr, (kCohortDir + "vervolgzorg.csv").c_str(),
                                      (kCohortDir + "persons.csv").c_str(), nullptr),
              ZVDJ_OK)
        << LastError();
  }
  ~RecordsPtr() { zvdj_records_destroy(p); }
};

int32_t Kind(const zvdj_table* t, const char* column) {
  int32_t k = -1;
  EXPECT_EQ(zvdj_table_column_kind(&k, t, column), ZVDJ_OK) << LastError();
  return k;
}

// A whole text column through zvdj_table_get_texts, split by its offsets.
std::vector<std::string> Texts(const zvdj_table* t, const char* column) {
  size_t need = 0;
  EXPECT_EQ(zvdj_table_get_texts(nullptr, 0, &need, nullptr, 0, t, column), ZVDJ_OK)
      << LastError();
  const size_t rows = Rows(t);
  std::vector<char> buf(need);
  std::vector<size_t> offsets(rows);
  size_t written = 0;
  EXPECT_EQ(zvdj_table_get_texts(buf.data(), buf.size(), &written, offsets.data(), rows, t,
                                 column),
            ZVDJ_OK)
      << LastError();
  EXPECT_EQ(written, need);
  std::vector<std::string> out;
  for (size_t r = 0; r < rows; ++r) out.emplace_back(buf.data() + offsets[r]);
  return out;
}

TEST(CApiTable, TrendsAsTablesWithKinds) {
  DatasetPtr ds;
  ASSERT_EQ(zvdj_dataset_read_csv(&ds.p, kData.c_str(), nullptr), ZVDJ_OK) << LastError();
  TablePtr rows;
  ASSERT_EQ(zvdj_trends_compute_table(&rows.p, ds.p, nullptr, nullptr, nullptr), ZVDJ_OK)
      << LastError();
  EXPECT_GT(Rows(rows.p), 10u);
  EXPECT_THAT(Csv(rows.p), StartsWith("indicator,region,"));
  EXPECT_EQ(Kind(rows.p, "indicator"), ZVDJ_COLUMN_TEXT);
  EXPECT_EQ(Kind(rows.p, "value"), ZVDJ_COLUMN_NUMBER);
  int32_t k = 0;
  EXPECT_EQ(zvdj_table_column_kind(&k, rows.p, "nope"), ZVDJ_NOT_FOUND);
  EXPECT_EQ(zvdj_table_column_kind(&k, rows.p, nullptr), ZVDJ_INVALID_ARGUMENT);

  TablePtr sums;
  ASSERT_EQ(zvdj_trends_summarize_table(&sums.p, ds.p, nullptr, nullptr, nullptr), ZVDJ_OK)
      << LastError();
  EXPECT_EQ(Kind(sums.p, "n_periods"), ZVDJ_COLUMN_INTEGER);
  EXPECT_EQ(Kind(sums.p, "mk_s"), ZVDJ_COLUMN_INTEGER);
  size_t n = 0;
  ASSERT_EQ(zvdj_table_get_integers(nullptr, nullptr, 0, &n, sums.p, "n_periods"), ZVDJ_OK);
  ASSERT_EQ(n, Rows(sums.p));
  std::vector<int64_t> periods(n);
  std::vector<uint8_t> valid(n);
  ASSERT_EQ(zvdj_table_get_integers(periods.data(), valid.data(), n, &n, sums.p, "n_periods"),
            ZVDJ_OK);
  const std::vector<double> as_numbers = Numbers(sums.p, "n_periods");
  for (size_t i = 0; i < n; ++i) {
    EXPECT_EQ(valid[i], 1);
    EXPECT_EQ(static_cast<double>(periods[i]), as_numbers[i]);
  }
  EXPECT_EQ(zvdj_table_get_integers(periods.data(), nullptr, n, &n, sums.p, "first_value"),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("not an integer column"));
  // The trend result is the same table as the summary's.
  EXPECT_THAT(Csv(sums.p), HasSubstr("n_periods"));
}

TEST(CApiTable, WholeTextColumnInOneCall) {
  DatasetPtr ds;
  ASSERT_EQ(zvdj_dataset_read_csv(&ds.p, kData.c_str(), nullptr), ZVDJ_OK) << LastError();
  TablePtr t;
  ASSERT_EQ(zvdj_trends_compute_table(&t.p, ds.p, nullptr, nullptr, nullptr), ZVDJ_OK);
  const size_t rows = Rows(t.p);
  const std::vector<std::string> periods = Texts(t.p, "period");
  ASSERT_EQ(periods.size(), rows);
  for (size_t r = 0; r < rows; ++r) EXPECT_EQ(periods[r], Cell(t.p, r, "period")) << r;
  // A number column in text form, as _get_string gives it.
  const std::vector<std::string> values = Texts(t.p, "value");
  for (size_t r = 0; r < rows; ++r) EXPECT_EQ(values[r], Cell(t.p, r, "value")) << r;
  // Without offsets: the cells one after another, each ending in NUL.
  size_t need = 0;
  ASSERT_EQ(zvdj_table_get_texts(nullptr, 0, &need, nullptr, 0, t.p, "period"), ZVDJ_OK);
  std::string buf(need, '#');
  size_t written = 0;
  ASSERT_EQ(zvdj_table_get_texts(buf.data(), need, &written, nullptr, 0, t.p, "period"),
            ZVDJ_OK);
  EXPECT_EQ(std::string(buf.c_str()), periods[0]);
  EXPECT_EQ(buf.back(), '\0');
  // Too small a buffer or offsets array: OUT_OF_RANGE, nothing written.
  std::string small(need - 1, '#');
  EXPECT_EQ(zvdj_table_get_texts(small.data(), small.size(), &written, nullptr, 0, t.p,
                                 "period"),
            ZVDJ_OUT_OF_RANGE);
  EXPECT_EQ(small, std::string(need - 1, '#'));
  std::vector<size_t> few(1);
  EXPECT_EQ(zvdj_table_get_texts(buf.data(), need, &written, few.data(), 1, t.p, "period"),
            ZVDJ_OUT_OF_RANGE);
  EXPECT_EQ(zvdj_table_get_texts(buf.data(), need, &written, nullptr, 0, t.p, "nope"),
            ZVDJ_NOT_FOUND);
  EXPECT_EQ(zvdj_table_get_texts(buf.data(), need, nullptr, nullptr, 0, t.p, "period"),
            ZVDJ_INVALID_ARGUMENT);
}

TEST(CApiTable, ReaderFormats) {
  DatasetPtr ds;
  ASSERT_EQ(zvdj_dataset_read_csv(&ds.p, kData.c_str(), nullptr), ZVDJ_OK) << LastError();
  TablePtr t;
  ASSERT_EQ(zvdj_trends_summarize_table(&t.p, ds.p, nullptr, nullptr, nullptr), ZVDJ_OK);
  const auto format = [&](const char* f, size_t width) {
    return GetString([&](char* b, size_t c, size_t* w) {
      return zvdj_table_format(b, c, w, t.p, f, width);
    });
  };
  EXPECT_EQ(format("csv", 0), Csv(t.p));
  EXPECT_THAT(format("json", 0), StartsWith("[\n  {\"indicator\": "));
  EXPECT_THAT(format("md", 0), StartsWith("| indicator | region |"));
  EXPECT_THAT(format("markdown", 0), StartsWith("| indicator | region |"));
  // Display width of the widest line (code points; the text has no wide ones).
  const auto widest = [](const std::string& text) {
    size_t most = 0, width = 0;
    for (unsigned char b : text) {
      if (b == '\n') {
        most = std::max(most, width);
        width = 0;
      } else if ((b & 0xC0) != 0x80) {
        ++width;
      }
    }
    return most;
  };
  const std::string full = format("table", 0);
  const std::string narrow = format("table", 120);
  EXPECT_THAT(narrow, HasSubstr("──"));
  EXPECT_THAT(full, HasSubstr("Uitsplitsing"));
  EXPECT_THAT(narrow, HasSubstr("leeftijd"));
  // Text columns wrap to approach the width; numbers are never broken.
  EXPECT_LT(widest(narrow), widest(full));
  size_t w = 0;
  EXPECT_EQ(zvdj_table_format(nullptr, 0, &w, t.p, "xml", 0), ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("expected csv, json, md or table"));
  EXPECT_EQ(zvdj_table_format(nullptr, 0, &w, t.p, nullptr, 0), ZVDJ_INVALID_ARGUMENT);
}

TEST(CApiTable, CohortTablesConvertToDatasets) {
  RecordsPtr rec;
  zvdj_cohort_options opts;
  ASSERT_EQ(zvdj_cohort_options_init(&opts, ZVDJ_COHORT_OPTIONS_VERSION), ZVDJ_OK);
  opts.year_of_18 = 2017;
  opts.cutoff = "2018-12-31";
  TablePtr t;
  ASSERT_EQ(zvdj_cohort_estimate_table(&t.p, rec.p, &opts), ZVDJ_OK) << LastError();
  EXPECT_EQ(Rows(t.p), 15u);  // 5 outcomes x 3 horizons
  EXPECT_THAT(ColumnNames(t.p),
              ElementsAre("year_of_18", "region", "outcome", "horizon", "n_cohort", "n_at_risk",
                          "n_events", "estimate", "std_err", "ci_low", "ci_high", "method",
                          "denominator", "note"));
  EXPECT_EQ(Kind(t.p, "year_of_18"), ZVDJ_COLUMN_INTEGER);
  EXPECT_EQ(Kind(t.p, "n_cohort"), ZVDJ_COLUMN_INTEGER);
  EXPECT_EQ(Kind(t.p, "estimate"), ZVDJ_COLUMN_NUMBER);
  DatasetPtr ds;
  ASSERT_EQ(zvdj_table_to_dataset(&ds.p, t.p), ZVDJ_OK) << LastError();
  size_t n = 0;
  ASSERT_EQ(zvdj_dataset_size(&n, ds.p), ZVDJ_OK);
  EXPECT_EQ(n, 15u);
  // Other tables are no datasets.
  TablePtr trends;
  DatasetPtr src;
  ASSERT_EQ(zvdj_dataset_read_csv(&src.p, kData.c_str(), nullptr), ZVDJ_OK);
  ASSERT_EQ(zvdj_trends_compute_table(&trends.p, src.p, nullptr, nullptr, nullptr), ZVDJ_OK);
  zvdj_dataset* none = nullptr;
  EXPECT_EQ(zvdj_table_to_dataset(&none, trends.p), ZVDJ_FAILED_PRECONDITION);
  EXPECT_EQ(none, nullptr);
  EXPECT_EQ(zvdj_table_to_dataset(nullptr, t.p), ZVDJ_INVALID_ARGUMENT);

  // The general cohort: group and year first.
  zvdj_cohort* c = nullptr;
  ASSERT_EQ(zvdj_cohort_create(&c), ZVDJ_OK);
  size_t g = 0;
  ASSERT_EQ(zvdj_cohort_add_group(&g, c, "ended 2017", 2017, nullptr), ZVDJ_OK);
  const char* ids[] = {"P2", "P6"};
  int32_t entry[2] = {0, 0};
  ASSERT_EQ(zvdj_date_parse(&entry[0], "2017-01-01"), ZVDJ_OK);
  ASSERT_EQ(zvdj_date_parse(&entry[1], "2017-02-01"), ZVDJ_OK);
  const size_t groups[] = {0, 0};
  ASSERT_EQ(zvdj_cohort_add_members(c, 2, ids, entry, groups), ZVDJ_OK) << LastError();
  zvdj_outflow_options o;
  ASSERT_EQ(zvdj_outflow_options_init(&o, ZVDJ_OUTFLOW_OPTIONS_VERSION), ZVDJ_OK);
  o.cutoff = "2018-12-31";
  TablePtr general;
  ASSERT_EQ(zvdj_cohort_outflow_table(&general.p, rec.p, c, &o), ZVDJ_OK) << LastError();
  zvdj_cohort_destroy(c);
  const std::vector<std::string> names = ColumnNames(general.p);
  ASSERT_GE(names.size(), 2u);
  EXPECT_EQ(names[0], "group");
  EXPECT_EQ(names[1], "year");
  EXPECT_EQ(Texts(general.p, "group")[0], "ended 2017");
  DatasetPtr gds;
  EXPECT_EQ(zvdj_table_to_dataset(&gds.p, general.p), ZVDJ_OK) << LastError();
}

// The older handles hand out their table; it reads the same through zvdj_table.
TEST(CApiTable, OlderHandlesGiveTheirTable) {
  DatasetPtr ds;
  ASSERT_EQ(zvdj_dataset_read_csv(&ds.p, kData.c_str(), nullptr), ZVDJ_OK) << LastError();
  zvdj_trend_result* old = nullptr;
  ASSERT_EQ(zvdj_trends_compute(&old, ds.p, nullptr, nullptr, nullptr), ZVDJ_OK);
  TablePtr from_old, fresh;
  ASSERT_EQ(zvdj_trend_result_table(&from_old.p, old), ZVDJ_OK) << LastError();
  zvdj_trend_result_destroy(old);  // the copy outlives the handle
  ASSERT_EQ(zvdj_trends_compute_table(&fresh.p, ds.p, nullptr, nullptr, nullptr), ZVDJ_OK);
  EXPECT_EQ(Csv(from_old.p), Csv(fresh.p));
  EXPECT_EQ(zvdj_trend_result_table(nullptr, nullptr), ZVDJ_INVALID_ARGUMENT);

  RecordsPtr rec;
  zvdj_cohort_options opts;
  ASSERT_EQ(zvdj_cohort_options_init(&opts, ZVDJ_COHORT_OPTIONS_VERSION), ZVDJ_OK);
  opts.year_of_18 = 2017;
  opts.cutoff = "2018-12-31";
  zvdj_cohort_result* cr = nullptr;
  ASSERT_EQ(zvdj_cohort_estimate(&cr, rec.p, &opts), ZVDJ_OK) << LastError();
  TablePtr cohort;
  ASSERT_EQ(zvdj_cohort_result_table(&cohort.p, cr), ZVDJ_OK);
  zvdj_cohort_result_destroy(cr);
  EXPECT_EQ(Rows(cohort.p), 15u);
  DatasetPtr cds;
  EXPECT_EQ(zvdj_table_to_dataset(&cds.p, cohort.p), ZVDJ_OK) << LastError();

  zvdj_records* r = nullptr;
  ASSERT_EQ(zvdj_records_create(&r), ZVDJ_OK);
  zvdj_load_options lo;
  ASSERT_EQ(zvdj_load_options_init(&lo, ZVDJ_LOAD_OPTIONS_VERSION), ZVDJ_OK);
  lo.mode = ZVDJ_LOAD_LENIENT;
  zvdj_load_report* report = nullptr;
  ASSERT_EQ(zvdj_records_load_csv(&report, r, "jeugdhulp",
                                  (kCohortDir + "bad_jeugdhulp.csv").c_str(), &lo),
            ZVDJ_OK)
      << LastError();
  TablePtr skipped;
  ASSERT_EQ(zvdj_load_report_table(&skipped.p, report), ZVDJ_OK);
  zvdj_load_report_destroy(report);
  zvdj_records_destroy(r);
  EXPECT_THAT(ColumnNames(skipped.p), ElementsAre("file", "line", "column", "reason"));
  EXPECT_GE(Rows(skipped.p), 1u);
  EXPECT_EQ(Kind(skipped.p, "line"), ZVDJ_COLUMN_INTEGER);
}

TEST(CApiTable, OptionNamesForBindings) {
  const std::string kinds =
      GetString([](char* b, size_t c, size_t* w) { return zvdj_enum_kinds(b, c, w); });
  for (const char* k : {"age_basis", "feb29", "ci", "method", "death", "denominator", "format",
                        "record_kind", "load_mode", "statline_format", "assessment", "level"}) {
    EXPECT_THAT("," + kinds + ",", HasSubstr(std::string(",") + k + ",")) << k;
  }
  const auto names = [](const char* kind) {
    return GetString([&](char* b, size_t c, size_t* w) { return zvdj_enum_names(b, c, w, kind); });
  };
  EXPECT_EQ(names("ci"), "log,log-log,plain");
  EXPECT_EQ(names("age_basis"), "period_end,period_start,record_start");
  EXPECT_EQ(names("format"), "csv,json,md,table");
  EXPECT_EQ(names("feb29"), "mar1,feb28");
  size_t w = 0;
  EXPECT_EQ(zvdj_enum_names(nullptr, 0, &w, "nope"), ZVDJ_NOT_FOUND);
  EXPECT_THAT(LastError(), HasSubstr("age_basis"));
  int64_t v = -1;
  ASSERT_EQ(zvdj_enum_value(&v, "ci", "log-log"), ZVDJ_OK);
  EXPECT_EQ(v, ZVDJ_CI_LOG_LOG);
  ASSERT_EQ(zvdj_enum_value(&v, "age_basis", "record_start"), ZVDJ_OK);
  EXPECT_EQ(v, ZVDJ_AGE_BASIS_RECORD_START);
  ASSERT_EQ(zvdj_enum_value(&v, "format", "markdown"), ZVDJ_OK);  // an alias
  EXPECT_EQ(v, 2);
  EXPECT_EQ(zvdj_enum_value(&v, "ci", "lin"), ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("expected log, log-log or plain"));
  EXPECT_EQ(zvdj_enum_value(nullptr, "ci", "log"), ZVDJ_INVALID_ARGUMENT);
  // The constants of zvdj.h come from the same tables.
  ASSERT_EQ(zvdj_constant(&v, "ZVDJ_DENOMINATOR_ZONDER_VERLENGDE"), ZVDJ_OK);
  EXPECT_EQ(v, ZVDJ_DENOMINATOR_ZONDER_VERLENGDE);
  ASSERT_EQ(zvdj_constant(&v, "ZVDJ_STATLINE_CSV"), ZVDJ_OK);
  EXPECT_EQ(v, ZVDJ_STATLINE_CSV);
  ASSERT_EQ(zvdj_constant(&v, "ZVDJ_COLUMN_INTEGER"), ZVDJ_OK);
  EXPECT_EQ(v, ZVDJ_COLUMN_INTEGER);
}

}  // namespace
