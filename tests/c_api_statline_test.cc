// C API: StatLine mappings and readers (zvdj_statline_*): the same dataset and
// report as the C++ API for OData v3, v4 and CSV, documents in memory, error
// messages with file:line:column, NULL handles.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "c_api_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/statline.hpp"
#include "zvdj/zvdj.h"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using namespace zvdj_test;

std::string Data(const std::string& name) { return Source("tests/data/statline/" + name); }

std::string ReadAll(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct MappingPtr {
  zvdj_statline_mapping* p = nullptr;
  MappingPtr() {
    EXPECT_EQ(zvdj_statline_mapping_create(&p), ZVDJ_OK);
    EXPECT_EQ(zvdj_statline_mapping_load_csv(p, Data("mapping.csv").c_str()), ZVDJ_OK)
        << LastError();
  }
  ~MappingPtr() { zvdj_statline_mapping_destroy(p); }
};

std::string DatasetCsv(const zvdj_dataset* ds) {
  return GetString([&](char* b, size_t c, size_t* w) { return zvdj_dataset_to_csv(b, c, w, ds); });
}

std::string CppCsv(const zvdj::Dataset& ds) {
  std::ostringstream s;
  zvdj::WriteDatasetCsv(ds, s);
  return s.str();
}

TEST(CApiStatLine, ODataV3SameAsCppWithReport) {
  MappingPtr m;
  const std::vector<std::string> files = {
      Data("82972NED_DataProperties.json"), Data("82972NED_Perioden.json"),
      Data("82972NED_RegioS.json"), Data("82972NED_TypedDataSet.json")};
  std::vector<const char*> paths;
  for (const auto& f : files) paths.push_back(f.c_str());
  zvdj_dataset* ds = nullptr;
  TablePtr report;
  ASSERT_EQ(zvdj_statline_read(&ds, &report.p, ZVDJ_STATLINE_ODATA3, paths.size(), paths.data(),
                               m.p, nullptr),
            ZVDJ_OK)
      << LastError();
  const zvdj::StatLineMapping cm = zvdj::StatLineMapping::Load(Data("mapping.csv")).value();
  const zvdj::StatLineResult want =
      zvdj::ReadStatLine(zvdj::StatLineFormat::kODataV3, files, cm).value();
  EXPECT_EQ(DatasetCsv(ds), CppCsv(want.dataset));
  size_t rows = 0;
  ASSERT_EQ(zvdj_dataset_size(&rows, ds), ZVDJ_OK);
  EXPECT_EQ(rows, 14u);
  zvdj_dataset_destroy(ds);

  EXPECT_THAT(ColumnNames(report.p), ElementsAre("item", "key", "count"));
  const std::string csv = Csv(report.p);
  EXPECT_THAT(csv, HasSubstr("\ncells,,21\n"));
  EXPECT_THAT(csv, HasSubstr("\nobservations,,14\n"));
  EXPECT_THAT(csv, HasSubstr("\nunmapped_topic,82972NED/Jeugdreclassering_3,7\n"));
  EXPECT_THAT(csv, HasSubstr("\ntable,82972NED,\n"));
  size_t files_read = 0;
  for (size_t i = 0; i < Rows(report.p); ++i) files_read += Cell(report.p, i, "item") == "file";
  EXPECT_EQ(files_read, 5u);  // four given + the page named by the nextLink
}

TEST(CApiStatLine, ODataV4AndCsvSameAsCpp) {
  MappingPtr m;
  const zvdj::StatLineMapping cm = zvdj::StatLineMapping::Load(Data("mapping.csv")).value();
  const std::vector<std::string> v4 = {Data("85098NED_Dimensions.json"),
                                       Data("85098NED_MeasureCodes.json"),
                                       Data("85098NED_PeriodenCodes.json"),
                                       Data("85098NED_Observations.json"),
                                       Data("85098NED_Observations_2.json")};
  std::vector<const char*> p4;
  for (const auto& f : v4) p4.push_back(f.c_str());
  zvdj_dataset* ds = nullptr;
  ASSERT_EQ(zvdj_statline_read(&ds, nullptr, ZVDJ_STATLINE_ODATA4, p4.size(), p4.data(), m.p,
                               nullptr),
            ZVDJ_OK)
      << LastError();
  EXPECT_EQ(DatasetCsv(ds),
            CppCsv(zvdj::ReadStatLine(zvdj::StatLineFormat::kODataV4, v4, cm).value().dataset));
  zvdj_dataset_destroy(ds);

  // CSV, from memory, with options.
  const std::string text = ReadAll(Data("85098NED_download.csv"));
  const char* names[] = {"85098NED_download.csv"};
  const char* texts[] = {text.data()};
  const size_t lengths[] = {text.size()};
  zvdj_statline_options opts;
  ASSERT_EQ(zvdj_statline_options_init(&opts, ZVDJ_STATLINE_OPTIONS_VERSION), ZVDJ_OK);
  EXPECT_EQ(opts.table, nullptr);
  opts.note = "test note";
  TablePtr report;
  ASSERT_EQ(zvdj_statline_parse(&ds, &report.p, ZVDJ_STATLINE_CSV, 1, names, texts, lengths, m.p,
                                &opts),
            ZVDJ_OK)
      << LastError();
  zvdj::StatLineReadOptions co;
  co.note = "test note";
  const zvdj::StatLineResult want =
      zvdj::ParseStatLine(zvdj::StatLineFormat::kCsv, {{names[0], text}}, cm, co).value();
  EXPECT_EQ(DatasetCsv(ds), CppCsv(want.dataset));
  EXPECT_THAT(DatasetCsv(ds), HasSubstr("test note"));
  EXPECT_THAT(Csv(report.p),
              HasSubstr("\nunmapped_category,85098NED/Regio's=Onbekende gemeente,2\n"));
  zvdj_dataset_destroy(ds);
}

TEST(CApiStatLine, MappingRowsAndErrors) {
  zvdj_statline_mapping* m = nullptr;
  ASSERT_EQ(zvdj_statline_mapping_create(&m), ZVDJ_OK);
  size_t n = 9;
  ASSERT_EQ(zvdj_statline_mapping_size(&n, m), ZVDJ_OK);
  EXPECT_EQ(n, 0u);
  ASSERT_EQ(zvdj_statline_mapping_add(m, "82972NED", "JongerenMetJeugdhulpInNatura_1", nullptr,
                                      nullptr, "jeugdhulp_jongeren_pct", nullptr, nullptr),
            ZVDJ_OK)
      << LastError();
  EXPECT_EQ(zvdj_statline_mapping_add(m, nullptr, "X", nullptr, nullptr, nullptr, nullptr,
                                      nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(),
            "neither a topic row (topic, indicator) nor a category row (dimension, code)");
  EXPECT_EQ(zvdj_statline_mapping_add(m, nullptr, nullptr, "Leeftijd", nullptr, nullptr,
                                      nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "'dimension' and 'code' go together");
  static const char kBad[] = "table,topic,indicator,colour\n";
  EXPECT_EQ(zvdj_statline_mapping_parse_csv(m, kBad, sizeof kBad - 1, "m.csv"),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "m.csv:1:4: unknown column 'colour' (table, topic, dimension, code, "
                         "indicator, dim_name, dim_value)");
  static const char kGood[] = "topic,indicator\nJongerenMetJeugdhulpMetVerblijf_2,x_pct\n";
  ASSERT_EQ(zvdj_statline_mapping_parse_csv(m, kGood, sizeof kGood - 1, nullptr), ZVDJ_OK)
      << LastError();
  EXPECT_EQ(zvdj_statline_mapping_load_csv(m, "/nonexistent/mapping.csv"), ZVDJ_NOT_FOUND);
  ASSERT_EQ(zvdj_statline_mapping_size(&n, m), ZVDJ_OK);
  EXPECT_EQ(n, 2u);  // failures added nothing

  // Reading errors.
  zvdj_dataset* ds = nullptr;
  const char* missing[] = {"/nonexistent/82972NED_TypedDataSet.json"};
  EXPECT_EQ(zvdj_statline_read(&ds, nullptr, ZVDJ_STATLINE_ODATA3, 1, missing, m, nullptr),
            ZVDJ_NOT_FOUND);
  EXPECT_EQ(zvdj_statline_read(&ds, nullptr, 3, 1, missing, m, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "unknown StatLine format 3 (ZVDJ_STATLINE_ODATA3, _ODATA4 or _CSV)");
  EXPECT_EQ(zvdj_statline_read(&ds, nullptr, ZVDJ_STATLINE_CSV, 0, missing, m, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "no StatLine files given");
  const char* empty_path[] = {""};
  EXPECT_EQ(zvdj_statline_read(&ds, nullptr, ZVDJ_STATLINE_CSV, 1, empty_path, m, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "path 0 is empty");
  const std::string props =
      "{\"value\": [{\"Type\": \"TimeDimension\", \"Key\": \"Perioden\"},\n"
      " {\"Type\": \"GeoDimension\", \"Key\": \"RegioS\"},\n"
      " {\"Type\": \"Topic\", \"Key\": \"JongerenMetJeugdhulpInNatura_1\"}]}";
  const std::string bad = "{\"value\": [\n  {\"Perioden\": \"2019JJ00\" \"RegioS\": \"NL01\"}]}";
  const char* names[] = {"82972NED_DataProperties.json", "82972NED_TypedDataSet.json"};
  const char* texts[] = {props.data(), bad.data()};
  const size_t lengths[] = {props.size(), bad.size()};
  EXPECT_EQ(zvdj_statline_parse(&ds, nullptr, ZVDJ_STATLINE_ODATA3, 2, names, texts, lengths, m,
                                nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "82972NED_TypedDataSet.json:2:27: expected ',' or '}' in object");
  const char* no_name[] = {"", "x"};
  EXPECT_EQ(zvdj_statline_parse(&ds, nullptr, ZVDJ_STATLINE_ODATA3, 2, no_name, texts, lengths,
                                m, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "document 0 has no name");
  zvdj_statline_options opts;
  ASSERT_EQ(zvdj_statline_options_init(&opts, 1), ZVDJ_OK);
  opts.version = 5;
  EXPECT_EQ(zvdj_statline_parse(&ds, nullptr, ZVDJ_STATLINE_ODATA3, 2, names, texts, lengths, m,
                                &opts),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "zvdj_statline_options version 5 is not supported");
  EXPECT_EQ(zvdj_statline_options_init(&opts, 2), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(ds, nullptr);
  zvdj_statline_mapping_destroy(m);
}

TEST(CApiStatLine, NullHandles) {
  zvdj_statline_mapping_destroy(nullptr);
  zvdj_dataset* ds = nullptr;
  size_t n = 0;
  const char* paths[] = {"x.json"};
  const size_t lengths[] = {0};
  EXPECT_EQ(zvdj_statline_mapping_create(nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_statline_mapping_load_csv(nullptr, "m.csv"), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "argument 'mapping' must not be NULL");
  EXPECT_EQ(zvdj_statline_mapping_parse_csv(nullptr, "", 0, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_statline_mapping_add(nullptr, "t", "x", nullptr, nullptr, "i", nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_statline_mapping_size(&n, nullptr), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_statline_options_init(nullptr, 1), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_statline_read(&ds, nullptr, ZVDJ_STATLINE_ODATA3, 1, paths, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "argument 'mapping' must not be NULL");
  EXPECT_EQ(zvdj_statline_parse(&ds, nullptr, ZVDJ_STATLINE_ODATA3, 1, paths, paths, lengths,
                                nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  MappingPtr m;
  EXPECT_EQ(zvdj_statline_read(nullptr, nullptr, ZVDJ_STATLINE_ODATA3, 1, paths, m.p, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_statline_read(&ds, nullptr, ZVDJ_STATLINE_ODATA3, 1, nullptr, m.p, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_statline_parse(&ds, nullptr, ZVDJ_STATLINE_ODATA3, 1, paths, nullptr, lengths,
                                m.p, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(ds, nullptr);
}

}  // namespace
