// C API: factsheets (zvdj_factsheet_*): the same page as the C++ API, files
// written with a report, configuration from a path or text, buffers, NULL
// handles and error messages.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "c_api_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/factsheet.hpp"
#include "zvdj/zvdj.h"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using namespace zvdj_test;

const std::string kData = Source("data/kernindicatoren.csv");
const std::string kBreaks = Source("data/kernindicatoren.breaks.csv");

struct Inputs {
  zvdj_dataset* ds = nullptr;
  zvdj_breaks* breaks = nullptr;
  Inputs() {
    EXPECT_EQ(zvdj_dataset_read_csv(&ds, kData.c_str(), nullptr), ZVDJ_OK) << LastError();
    EXPECT_EQ(zvdj_breaks_create(&breaks), ZVDJ_OK);
    EXPECT_EQ(zvdj_breaks_load_csv(breaks, kBreaks.c_str()), ZVDJ_OK) << LastError();
  }
  ~Inputs() {
    zvdj_dataset_destroy(ds);
    zvdj_breaks_destroy(breaks);
  }
};

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(CApiFactsheet, HtmlSameAsCpp) {
  Inputs in;
  zvdj_factsheet_options opts;
  ASSERT_EQ(zvdj_factsheet_options_init(&opts, ZVDJ_FACTSHEET_OPTIONS_VERSION), ZVDJ_OK);
  EXPECT_EQ(opts.title, nullptr);
  EXPECT_EQ(opts.compare_count, 0u);
  opts.title = "Feiten & Cijfers 2020";
  const std::string html = GetString([&](char* b, size_t c, size_t* w) {
    return zvdj_factsheet_html(b, c, w, in.ds, nullptr, in.breaks, &opts);
  });
  zvdj::FactsheetOptions co;
  co.title = "Feiten & Cijfers 2020";
  co.breaks = &in.breaks->impl;
  const zvdj::Factsheet want =
      zvdj::RenderFactsheet(in.ds->impl, zvdj::FactsheetConfig::Default(), co).value();
  EXPECT_EQ(html, want.html);
  EXPECT_THAT(html, HasSubstr("Feiten &amp; Cijfers 2020"));
  ExpectTooSmallLeavesBuffer([&](char* b, size_t c, size_t* w) {
    return zvdj_factsheet_html(b, c, w, in.ds, nullptr, in.breaks, &opts);
  });
  // NULL options and catalogue: the defaults.
  const zvdj::Factsheet plain =
      zvdj::RenderFactsheet(in.ds->impl, zvdj::FactsheetConfig::Default()).value();
  EXPECT_EQ(GetString([&](char* b, size_t c, size_t* w) {
              return zvdj_factsheet_html(b, c, w, in.ds, nullptr, nullptr, nullptr);
            }),
            plain.html);
}

TEST(CApiFactsheet, WriteFilesWithReportAndConfig) {
  Inputs in;
  zvdj_catalogue* cat = nullptr;
  ASSERT_EQ(zvdj_catalogue_builtin(&cat), ZVDJ_OK);
  const std::filesystem::path dir = TempDir("factsheet");
  std::filesystem::remove_all(dir);
  zvdj_factsheet_options opts;
  ASSERT_EQ(zvdj_factsheet_options_init(&opts, 1), ZVDJ_OK);
  opts.config_text =
      "section,indicator,dims,chart,title\n"
      "Verblijf,jeugdhulp_met_verblijf,age_group=18-23,line,Met verblijf 18-23\n"
      "Verblijf,geen_data,,line,\n";
  const char* compare[] = {"NL01"};
  opts.compare_count = 1;
  opts.compare = compare;
  TablePtr report;
  ASSERT_EQ(zvdj_factsheet_write(&report.p, in.ds, cat, in.breaks, dir.c_str(), &opts), ZVDJ_OK)
      << LastError();
  EXPECT_THAT(ColumnNames(report.p), ElementsAre("kind", "name", "title"));
  ASSERT_GE(Rows(report.p), 2u);
  EXPECT_EQ(Cell(report.p, 0, "kind"), "html");
  EXPECT_EQ(Cell(report.p, 0, "name"), (dir / "index.html").string());
  EXPECT_EQ(Cell(report.p, 1, "kind"), "svg");
  EXPECT_EQ(Cell(report.p, 1, "title"), "Met verblijf 18-23");
  EXPECT_TRUE(std::filesystem::exists(Cell(report.p, 1, "name")));
  EXPECT_THAT(ReadAll(Cell(report.p, 1, "name")), StartsWith("<svg"));
  bool warned = false;
  for (size_t i = 0; i < Rows(report.p); ++i) {
    if (Cell(report.p, i, "kind") == "warning") {
      warned = true;
      EXPECT_THAT(Cell(report.p, i, "name"), HasSubstr("geen_data"));
    }
  }
  EXPECT_TRUE(warned);
  EXPECT_THAT(ReadAll(dir / "index.html"), HasSubstr("Met verblijf 18-23"));

  // The same configuration from a file; no report wanted.
  const std::filesystem::path config = dir / "config.csv";
  std::ofstream(config) << opts.config_text;
  opts.config_text = nullptr;
  opts.config_path = config.c_str();
  ASSERT_EQ(zvdj_factsheet_write(nullptr, in.ds, cat, nullptr, dir.c_str(), &opts), ZVDJ_OK)
      << LastError();
  zvdj_catalogue_destroy(cat);
  std::filesystem::remove_all(dir);
}

TEST(CApiFactsheet, DefaultConfigText) {
  const std::string text = GetString([](char* b, size_t c, size_t* w) {
    return zvdj_factsheet_default_config(b, c, w);
  });
  EXPECT_EQ(text, std::string(zvdj::FactsheetConfig::DefaultText()));
  EXPECT_THAT(text, HasSubstr("section,indicator,dims,chart,title\n"));
  ExpectTooSmallLeavesBuffer([](char* b, size_t c, size_t* w) {
    return zvdj_factsheet_default_config(b, c, w);
  });
  EXPECT_EQ(zvdj_factsheet_default_config(nullptr, 0, nullptr), ZVDJ_INVALID_ARGUMENT);
}

TEST(CApiFactsheet, ErrorsAndNullHandles) {
  Inputs in;
  zvdj_factsheet_options opts;
  ASSERT_EQ(zvdj_factsheet_options_init(&opts, 1), ZVDJ_OK);
  zvdj_table* report = nullptr;
  size_t n = 0;
  opts.config_text = "section,indicator,dims,chart,title\nA,x,,pie,\n";
  EXPECT_EQ(zvdj_factsheet_html(nullptr, 0, &n, in.ds, nullptr, nullptr, &opts),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("<config>:2:"));
  EXPECT_THAT(LastError(), HasSubstr("pie"));
  opts.config_text = nullptr;
  opts.config_path = "/nonexistent/factsheet.csv";
  EXPECT_EQ(zvdj_factsheet_write(&report, in.ds, nullptr, nullptr, TempDir("f").c_str(), &opts),
            ZVDJ_NOT_FOUND);
  opts.config_path = nullptr;
  const char* compare[] = {""};
  opts.compare_count = 1;
  opts.compare = compare;
  EXPECT_EQ(zvdj_factsheet_html(nullptr, 0, &n, in.ds, nullptr, nullptr, &opts),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "compare region 0 is empty");
  opts.compare = nullptr;
  EXPECT_EQ(zvdj_factsheet_html(nullptr, 0, &n, in.ds, nullptr, nullptr, &opts),
            ZVDJ_INVALID_ARGUMENT);
  opts.compare_count = 0;
  opts.version = 7;
  EXPECT_EQ(zvdj_factsheet_html(nullptr, 0, &n, in.ds, nullptr, nullptr, &opts),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "zvdj_factsheet_options version 7 is not supported");
  EXPECT_EQ(zvdj_factsheet_options_init(&opts, 0), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_factsheet_options_init(nullptr, 1), ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_factsheet_write(&report, in.ds, nullptr, nullptr, "/proc/zvdj/sheet", nullptr),
            ZVDJ_PERMISSION_DENIED);
  EXPECT_EQ(zvdj_factsheet_write(&report, in.ds, nullptr, nullptr, "", nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "dir is empty");
  // NULL handles.
  EXPECT_EQ(zvdj_factsheet_write(&report, nullptr, nullptr, nullptr, "x", nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "argument 'dataset' must not be NULL");
  EXPECT_EQ(zvdj_factsheet_write(&report, in.ds, nullptr, nullptr, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "argument 'dir' must not be NULL");
  EXPECT_EQ(zvdj_factsheet_html(nullptr, 0, &n, nullptr, nullptr, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(zvdj_factsheet_html(nullptr, 0, nullptr, in.ds, nullptr, nullptr, nullptr),
            ZVDJ_INVALID_ARGUMENT);
  EXPECT_EQ(report, nullptr);
}

}  // namespace
