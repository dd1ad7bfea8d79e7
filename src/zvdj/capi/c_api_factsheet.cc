// C API: "Feiten & Cijfers" factsheets (HTML with SVG charts) from a dataset.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/factsheet.hpp"
#include "zvdj/zvdj.h"

namespace zvdj::capi {
namespace {

absl::StatusOr<Factsheet> Render(const zvdj_dataset* dataset, const zvdj_catalogue* catalogue,
                                 const zvdj_breaks* breaks,
                                 const zvdj_factsheet_options* opts) {
  ZVDJ_CAPI_REQUIRE(dataset);
  FactsheetOptions o;
  o.catalogue = catalogue == nullptr ? nullptr : &catalogue->impl;
  o.breaks = breaks == nullptr ? nullptr : &breaks->impl;
  std::optional<FactsheetConfig> config;
  if (opts != nullptr) {
    ZVDJ_RETURN_IF_ERROR(CheckOptionsVersion("zvdj_factsheet_options", opts->version,
                                             ZVDJ_FACTSHEET_OPTIONS_VERSION));
    if (opts->title != nullptr) o.title = opts->title;
    if (opts->subtitle != nullptr) o.subtitle = opts->subtitle;
    if (opts->region != nullptr) o.region = opts->region;
    if (opts->compare_count > 0) {
      ZVDJ_CAPI_REQUIRE(opts->compare);
      for (size_t i = 0; i < opts->compare_count; ++i) {
        if (opts->compare[i] == nullptr || opts->compare[i][0] == '\0') {
          return absl::InvalidArgumentError("compare region " + std::to_string(i) +
                                            " is empty");
        }
        o.compare.emplace_back(opts->compare[i]);
      }
    }
    if (opts->config_path != nullptr) {
      ZVDJ_ASSIGN_OR_RETURN(config, FactsheetConfig::Load(opts->config_path));
    } else if (opts->config_text != nullptr) {
      ZVDJ_ASSIGN_OR_RETURN(config, FactsheetConfig::Parse(opts->config_text, "<config>"));
    }
  }
  return RenderFactsheet(dataset->impl, config ? *config : FactsheetConfig::Default(), o);
}

absl::Status Write(zvdj_table** out_report, const zvdj_dataset* dataset,
                   const zvdj_catalogue* catalogue, const zvdj_breaks* breaks, const char* dir,
                   const zvdj_factsheet_options* opts) {
  ZVDJ_CAPI_REQUIRE(dataset);
  ZVDJ_CAPI_REQUIRE(dir);
  if (dir[0] == '\0') return absl::InvalidArgumentError("dir is empty");
  ZVDJ_ASSIGN_OR_RETURN(const Factsheet sheet, Render(dataset, catalogue, breaks, opts));
  ZVDJ_RETURN_IF_ERROR(WriteFactsheet(sheet, dir));
  if (out_report == nullptr) return absl::OkStatus();
  auto result = std::make_unique<zvdj_table>();
  ResultTable& t = result->table;
  const size_t kind = t.AddText("kind");
  const size_t name = t.AddText("name");
  const size_t title = t.AddText("title");
  const auto add = [&](const char* k, const std::string& n, const std::string& ti) {
    t.Text(kind, k);
    t.Text(name, n);
    t.Text(title, ti);
    t.EndRow();
  };
  add("html", (std::filesystem::path(dir) / "index.html").string(), "");
  for (const FactsheetChart& c : sheet.charts) {
    add("svg", (std::filesystem::path(dir) / c.file_name).string(), c.title);
  }
  for (const std::string& w : sheet.warnings) add("warning", w, "");
  *out_report = result.release();
  return absl::OkStatus();
}

}  // namespace
}  // namespace zvdj::capi

using zvdj::capi::Guard;

extern "C" {

ZVDJ_API zvdj_status zvdj_factsheet_options_init(zvdj_factsheet_options* opts,
                                                 uint32_t version) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(opts);
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckOptionsVersion("zvdj_factsheet_options", version,
                                                         ZVDJ_FACTSHEET_OPTIONS_VERSION));
    *opts = zvdj_factsheet_options{};
    opts->version = version;
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_factsheet_default_config(char* buffer, size_t capacity,
                                                   size_t* written) {
  return Guard([&] {
    return zvdj::capi::CopyString(zvdj::FactsheetConfig::DefaultText(), buffer, capacity,
                                  written);
  });
}

ZVDJ_API zvdj_status zvdj_factsheet_write(zvdj_table** out_report, const zvdj_dataset* dataset,
                                          const zvdj_catalogue* catalogue,
                                          const zvdj_breaks* breaks, const char* dir,
                                          const zvdj_factsheet_options* opts) {
  return Guard([&] {
    return zvdj::capi::Write(out_report, dataset, catalogue, breaks, dir, opts);
  });
}

ZVDJ_API zvdj_status zvdj_factsheet_html(char* buffer, size_t capacity, size_t* written,
                                         const zvdj_dataset* dataset,
                                         const zvdj_catalogue* catalogue,
                                         const zvdj_breaks* breaks,
                                         const zvdj_factsheet_options* opts) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(written);
    ZVDJ_ASSIGN_OR_RETURN(const zvdj::Factsheet sheet,
                          zvdj::capi::Render(dataset, catalogue, breaks, opts));
    return zvdj::capi::CopyString(sheet.html, buffer, capacity, written);
  });
}

}  // extern "C"
