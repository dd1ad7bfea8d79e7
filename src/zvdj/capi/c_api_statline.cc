// C API: CBS StatLine exports (OData v3 / v4 JSON, CSV downloads) read into a
// dataset through a mapping.
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/statline.hpp"
#include "zvdj/zvdj.h"

static_assert(ZVDJ_STATLINE_ODATA3 == static_cast<int>(zvdj::StatLineFormat::kODataV3));
static_assert(ZVDJ_STATLINE_ODATA4 == static_cast<int>(zvdj::StatLineFormat::kODataV4));
static_assert(ZVDJ_STATLINE_CSV == static_cast<int>(zvdj::StatLineFormat::kCsv));

struct zvdj_statline_mapping {
  zvdj::StatLineMapping impl;
};

namespace zvdj::capi {
namespace {

// Adds every rule of `more` to `mapping`, or nothing.
absl::Status Merge(zvdj_statline_mapping* mapping, const StatLineMapping& more) {
  StatLineMapping merged = mapping->impl;
  for (const StatLineMappingRule& r : more.rules()) ZVDJ_RETURN_IF_ERROR(merged.Add(r));
  mapping->impl = std::move(merged);
  return absl::OkStatus();
}

absl::StatusOr<StatLineFormat> ToFormat(int32_t format) {
  if (format < ZVDJ_STATLINE_ODATA3 || format > ZVDJ_STATLINE_CSV) {
    return absl::InvalidArgumentError("unknown StatLine format " + std::to_string(format) +
                                      " (ZVDJ_STATLINE_ODATA3, _ODATA4 or _CSV)");
  }
  return static_cast<StatLineFormat>(format);
}

absl::StatusOr<StatLineReadOptions> ToOptions(const zvdj_statline_options* opts) {
  StatLineReadOptions o;
  if (opts == nullptr) return o;
  ZVDJ_RETURN_IF_ERROR(CheckOptionsVersion("zvdj_statline_options", opts->version,
                                           ZVDJ_STATLINE_OPTIONS_VERSION));
  if (opts->table != nullptr) o.table = opts->table;
  if (opts->default_region != nullptr && opts->default_region[0] != '\0') {
    o.default_region = opts->default_region;
  }
  if (opts->note != nullptr) o.note = std::string(opts->note);
  return o;
}

std::unique_ptr<zvdj_table> ReportTable(const StatLineReport& r) {
  auto result = std::make_unique<zvdj_table>();
  result->table = ToTable(r);
  return result;
}

absl::Status Finish(zvdj_dataset** out, zvdj_table** out_report, StatLineResult result) {
  std::unique_ptr<zvdj_table> report;
  if (out_report != nullptr) report = ReportTable(result.report);
  *out = new zvdj_dataset{std::move(result.dataset)};
  if (out_report != nullptr) *out_report = report.release();
  return absl::OkStatus();
}

absl::Status Read(zvdj_dataset** out, zvdj_table** out_report, int32_t format, size_t count,
                  const char* const* paths, const zvdj_statline_mapping* mapping,
                  const zvdj_statline_options* opts) {
  ZVDJ_CAPI_REQUIRE(out);
  ZVDJ_CAPI_REQUIRE(mapping);
  if (count == 0) return absl::InvalidArgumentError("no StatLine files given");
  ZVDJ_CAPI_REQUIRE(paths);
  ZVDJ_ASSIGN_OR_RETURN(const StatLineFormat f, ToFormat(format));
  ZVDJ_ASSIGN_OR_RETURN(const StatLineReadOptions o, ToOptions(opts));
  std::vector<std::string> files;
  for (size_t i = 0; i < count; ++i) {
    if (paths[i] == nullptr || paths[i][0] == '\0') {
      return absl::InvalidArgumentError("path " + std::to_string(i) + " is empty");
    }
    files.emplace_back(paths[i]);
  }
  ZVDJ_ASSIGN_OR_RETURN(StatLineResult result, ReadStatLine(f, files, mapping->impl, o));
  return Finish(out, out_report, std::move(result));
}

absl::Status Parse(zvdj_dataset** out, zvdj_table** out_report, int32_t format, size_t count,
                   const char* const* names, const char* const* texts, const size_t* lengths,
                   const zvdj_statline_mapping* mapping, const zvdj_statline_options* opts) {
  ZVDJ_CAPI_REQUIRE(out);
  ZVDJ_CAPI_REQUIRE(mapping);
  if (count == 0) return absl::InvalidArgumentError("no StatLine documents given");
  ZVDJ_CAPI_REQUIRE(names);
  ZVDJ_CAPI_REQUIRE(texts);
  ZVDJ_CAPI_REQUIRE(lengths);
  ZVDJ_ASSIGN_OR_RETURN(const StatLineFormat f, ToFormat(format));
  ZVDJ_ASSIGN_OR_RETURN(const StatLineReadOptions o, ToOptions(opts));
  std::vector<StatLineDocument> docs;
  for (size_t i = 0; i < count; ++i) {
    if (names[i] == nullptr || names[i][0] == '\0') {
      return absl::InvalidArgumentError("document " + std::to_string(i) + " has no name");
    }
    if (texts[i] == nullptr && lengths[i] > 0) {
      return absl::InvalidArgumentError("document " + std::to_string(i) + " has no text");
    }
    docs.push_back({.name = names[i],
                    .text = lengths[i] == 0 ? std::string() : std::string(texts[i], lengths[i])});
  }
  ZVDJ_ASSIGN_OR_RETURN(StatLineResult result, ParseStatLine(f, docs, mapping->impl, o));
  return Finish(out, out_report, std::move(result));
}

}  // namespace
}  // namespace zvdj::capi

using zvdj::capi::Guard;
using zvdj::capi::View;

extern "C" {

ZVDJ_API zvdj_status zvdj_statline_mapping_create(zvdj_statline_mapping** out) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    *out = new zvdj_statline_mapping();
    return absl::OkStatus();
  });
}

ZVDJ_API void zvdj_statline_mapping_destroy(zvdj_statline_mapping* mapping) { delete mapping; }

ZVDJ_API zvdj_status zvdj_statline_mapping_load_csv(zvdj_statline_mapping* mapping,
                                                    const char* path) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(mapping);
    ZVDJ_CAPI_REQUIRE(path);
    ZVDJ_ASSIGN_OR_RETURN(const zvdj::StatLineMapping m, zvdj::StatLineMapping::Load(path));
    return zvdj::capi::Merge(mapping, m);
  });
}

ZVDJ_API zvdj_status zvdj_statline_mapping_parse_csv(zvdj_statline_mapping* mapping,
                                                     const char* text, size_t length,
                                                     const char* source_name) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(mapping);
    if (length > 0) ZVDJ_CAPI_REQUIRE(text);
    const std::string_view body = length == 0 ? std::string_view() : std::string_view(text, length);
    ZVDJ_ASSIGN_OR_RETURN(
        const zvdj::StatLineMapping m,
        zvdj::StatLineMapping::Parse(body, source_name == nullptr ? "<memory>" : source_name));
    return zvdj::capi::Merge(mapping, m);
  });
}

ZVDJ_API zvdj_status zvdj_statline_mapping_add(zvdj_statline_mapping* mapping,
                                               const char* table, const char* topic,
                                               const char* dimension, const char* code,
                                               const char* indicator, const char* dim_name,
                                               const char* dim_value) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(mapping);
    zvdj::StatLineMappingRule r;
    r.table = View(table);
    r.topic = View(topic);
    r.dimension = View(dimension);
    r.code = View(code);
    r.indicator = View(indicator);
    r.dim_name = View(dim_name);
    r.dim_value = View(dim_value);
    return mapping->impl.Add(std::move(r));
  });
}

ZVDJ_API zvdj_status zvdj_statline_mapping_size(size_t* out,
                                                const zvdj_statline_mapping* mapping) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    ZVDJ_CAPI_REQUIRE(mapping);
    *out = mapping->impl.rules().size();
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_statline_options_init(zvdj_statline_options* opts,
                                                uint32_t version) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(opts);
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckOptionsVersion("zvdj_statline_options", version,
                                                         ZVDJ_STATLINE_OPTIONS_VERSION));
    *opts = zvdj_statline_options{};
    opts->version = version;
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_statline_read(zvdj_dataset** out, zvdj_table** out_report,
                                        int32_t format, size_t count, const char* const* paths,
                                        const zvdj_statline_mapping* mapping,
                                        const zvdj_statline_options* opts) {
  return Guard([&] {
    return zvdj::capi::Read(out, out_report, format, count, paths, mapping, opts);
  });
}

ZVDJ_API zvdj_status zvdj_statline_parse(zvdj_dataset** out, zvdj_table** out_report,
                                         int32_t format, size_t count, const char* const* names,
                                         const char* const* texts, const size_t* lengths,
                                         const zvdj_statline_mapping* mapping,
                                         const zvdj_statline_options* opts) {
  return Guard([&] {
    return zvdj::capi::Parse(out, out_report, format, count, names, texts, lengths, mapping,
                             opts);
  });
}

}  // extern "C"
