// C API: the indicator catalogue and the series-break register.
#include <sstream>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/breaks.hpp"
#include "zvdj/catalogue.hpp"
#include "zvdj/zvdj.h"

namespace zvdj::capi {
namespace {

absl::StatusOr<const IndicatorDef*> FindDef(const Catalogue& cat, const char* id) {
  if (id == nullptr) return absl::InvalidArgumentError("argument 'id' must not be NULL");
  const IndicatorDef* def = cat.Find(id);
  if (def == nullptr) {
    return absl::NotFoundError("no indicator '" + std::string(id) + "' in the catalogue");
  }
  return def;
}

std::string Overrides(const IndicatorDef& def) {
  std::string out;
  for (const DirectionOverride& o : def.overrides) {
    if (!out.empty()) out += ';';
    out += o.dimension + "=" + o.value + ":" + std::string(DirectionName(o.direction));
  }
  return out;
}

std::string DimsText(const Dimensions& dims) {
  std::string out;
  for (const auto& [name, value] : dims) {
    if (!out.empty()) out += ';';
    out += name + "=" + value;
  }
  return out;
}

}  // namespace
}  // namespace zvdj::capi

using zvdj::capi::CopyString;
using zvdj::capi::Guard;

extern "C" {

ZVDJ_API zvdj_status zvdj_catalogue_builtin(zvdj_catalogue** out) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    *out = new zvdj_catalogue{zvdj::Catalogue::BuiltIn()};
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_catalogue_create(zvdj_catalogue** out) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    *out = new zvdj_catalogue();
    return absl::OkStatus();
  });
}

ZVDJ_API void zvdj_catalogue_destroy(zvdj_catalogue* catalogue) { delete catalogue; }

ZVDJ_API zvdj_status zvdj_catalogue_load_csv(zvdj_catalogue* catalogue, const char* path) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(catalogue);
    ZVDJ_CAPI_REQUIRE(path);
    zvdj::Catalogue copy = catalogue->impl;  // unchanged on failure
    ZVDJ_RETURN_IF_ERROR(copy.LoadCsv(path));
    catalogue->impl = std::move(copy);
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_catalogue_parse_csv(zvdj_catalogue* catalogue, const char* text,
                                              size_t length, const char* source_name) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(catalogue);
    if (length > 0) ZVDJ_CAPI_REQUIRE(text);
    zvdj::Catalogue copy = catalogue->impl;
    ZVDJ_RETURN_IF_ERROR(
        copy.ParseCsv(std::string_view(text == nullptr ? "" : text, length),
                      source_name == nullptr ? "<memory>" : source_name));
    catalogue->impl = std::move(copy);
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_catalogue_size(size_t* out, const zvdj_catalogue* catalogue) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    ZVDJ_CAPI_REQUIRE(catalogue);
    *out = catalogue->impl.indicators().size();
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_catalogue_id(char* buffer, size_t capacity, size_t* written,
                                       const zvdj_catalogue* catalogue, size_t index) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(catalogue);
    const auto& defs = catalogue->impl.indicators();
    if (index >= defs.size()) {
      return absl::OutOfRangeError("indicator " + std::to_string(index) +
                                   " past the end (" + std::to_string(defs.size()) + ")");
    }
    return CopyString(defs[index].id, buffer, capacity, written);
  });
}

ZVDJ_API zvdj_status zvdj_catalogue_get_string(char* buffer, size_t capacity,
                                               size_t* written,
                                               const zvdj_catalogue* catalogue,
                                               const char* id, const char* field) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(catalogue);
    ZVDJ_CAPI_REQUIRE(field);
    ZVDJ_ASSIGN_OR_RETURN(const zvdj::IndicatorDef* def,
                          zvdj::capi::FindDef(catalogue->impl, id));
    const std::string_view f(field);
    std::string value;
    if (f == "id") {
      value = def->id;
    } else if (f == "name_nl") {
      value = def->name_nl;
    } else if (f == "name_en") {
      value = def->name_en;
    } else if (f == "unit") {
      value = zvdj::UnitName(def->unit);
    } else if (f == "counting_unit") {
      value = zvdj::CountingUnitName(def->counting_unit);
    } else if (f == "period_kind") {
      value = zvdj::PeriodKindName(def->period_kind);
    } else if (f == "direction") {
      value = zvdj::DirectionName(def->direction);
    } else if (f == "source") {
      value = def->source;
    } else if (f == "overrides") {
      value = zvdj::capi::Overrides(*def);
    } else {
      return absl::InvalidArgumentError("unknown catalogue field '" + std::string(f) + "'");
    }
    return CopyString(value, buffer, capacity, written);
  });
}

ZVDJ_API zvdj_status zvdj_catalogue_info(int32_t* out_unit, int32_t* out_counting_unit,
                                         int32_t* out_period_kind, int32_t* out_direction,
                                         const zvdj_catalogue* catalogue, const char* id) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(catalogue);
    ZVDJ_ASSIGN_OR_RETURN(const zvdj::IndicatorDef* def,
                          zvdj::capi::FindDef(catalogue->impl, id));
    if (out_unit != nullptr) *out_unit = static_cast<int32_t>(def->unit);
    if (out_counting_unit != nullptr) {
      *out_counting_unit = static_cast<int32_t>(def->counting_unit);
    }
    if (out_period_kind != nullptr) *out_period_kind = static_cast<int32_t>(def->period_kind);
    if (out_direction != nullptr) *out_direction = static_cast<int32_t>(def->direction);
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_catalogue_direction_for(int32_t* out,
                                                  const zvdj_catalogue* catalogue,
                                                  const char* id, size_t dim_count,
                                                  const char* const* dim_names,
                                                  const char* const* dim_values) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    ZVDJ_CAPI_REQUIRE(catalogue);
    ZVDJ_CAPI_REQUIRE(id);
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Dimensions dims,
                          zvdj::capi::ReadDims(dim_count, dim_names, dim_values));
    *out = static_cast<int32_t>(catalogue->impl.DirectionFor(id, dims));
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_catalogue_to_csv(char* buffer, size_t capacity, size_t* written,
                                           const zvdj_catalogue* catalogue) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(catalogue);
    std::ostringstream out;
    catalogue->impl.WriteCsv(out);
    return CopyString(std::move(out).str(), buffer, capacity, written);
  });
}

ZVDJ_API zvdj_status zvdj_breaks_create(zvdj_breaks** out) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    *out = new zvdj_breaks();
    return absl::OkStatus();
  });
}

ZVDJ_API void zvdj_breaks_destroy(zvdj_breaks* breaks) { delete breaks; }

ZVDJ_API zvdj_status zvdj_breaks_load_csv(zvdj_breaks* breaks, const char* path) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(breaks);
    ZVDJ_CAPI_REQUIRE(path);
    zvdj::BreakRegister copy = breaks->impl;  // unchanged on failure
    ZVDJ_RETURN_IF_ERROR(copy.LoadCsv(path));
    breaks->impl = std::move(copy);
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_breaks_parse_csv(zvdj_breaks* breaks, const char* text,
                                           size_t length, const char* source_name) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(breaks);
    if (length > 0) ZVDJ_CAPI_REQUIRE(text);
    zvdj::BreakRegister copy = breaks->impl;
    ZVDJ_RETURN_IF_ERROR(
        copy.ParseCsv(std::string_view(text == nullptr ? "" : text, length),
                      source_name == nullptr ? "<memory>" : source_name));
    breaks->impl = std::move(copy);
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_breaks_add(zvdj_breaks* breaks, const char* indicator,
                                     const char* region, const char* before,
                                     const char* after, const char* reason,
                                     const char* source, size_t dim_count,
                                     const char* const* dim_names,
                                     const char* const* dim_values) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(breaks);
    if (indicator == nullptr || indicator[0] == '\0') {
      return absl::InvalidArgumentError("empty indicator");
    }
    zvdj::SeriesBreak b;
    b.indicator = indicator;
    b.region = zvdj::capi::View(region);
    ZVDJ_ASSIGN_OR_RETURN(b.before, zvdj::capi::ParsePeriodArg(before, "before"));
    ZVDJ_ASSIGN_OR_RETURN(b.after, zvdj::capi::ParsePeriodArg(after, "after"));
    b.reason = zvdj::capi::View(reason);
    b.source = zvdj::capi::View(source);
    ZVDJ_ASSIGN_OR_RETURN(b.dims, zvdj::capi::ReadDims(dim_count, dim_names, dim_values));
    return breaks->impl.Add(std::move(b));
  });
}

ZVDJ_API zvdj_status zvdj_breaks_size(size_t* out, const zvdj_breaks* breaks) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    ZVDJ_CAPI_REQUIRE(breaks);
    *out = breaks->impl.breaks().size();
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_breaks_get_string(char* buffer, size_t capacity,
                                            size_t* written, const zvdj_breaks* breaks,
                                            size_t index, const char* field) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(breaks);
    ZVDJ_CAPI_REQUIRE(field);
    const auto& all = breaks->impl.breaks();
    if (index >= all.size()) {
      return absl::OutOfRangeError("break " + std::to_string(index) + " past the end (" +
                                   std::to_string(all.size()) + ")");
    }
    const zvdj::SeriesBreak& b = all[index];
    const std::string_view f(field);
    std::string value;
    if (f == "indicator") {
      value = b.indicator;
    } else if (f == "region") {
      value = b.region;
    } else if (f == "before") {
      value = b.before.ToString();
    } else if (f == "after") {
      value = b.after.ToString();
    } else if (f == "reason") {
      value = b.reason;
    } else if (f == "source") {
      value = b.source;
    } else if (f == "dims") {
      value = zvdj::capi::DimsText(b.dims);
    } else {
      return absl::InvalidArgumentError("unknown break field '" + std::string(f) + "'");
    }
    return CopyString(value, buffer, capacity, written);
  });
}

ZVDJ_API zvdj_status zvdj_breaks_blocking(int64_t* out_index, const zvdj_breaks* breaks,
                                          const char* indicator, const char* region,
                                          const char* from, const char* to,
                                          size_t dim_count, const char* const* dim_names,
                                          const char* const* dim_values) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out_index);
    ZVDJ_CAPI_REQUIRE(breaks);
    ZVDJ_CAPI_REQUIRE(indicator);
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Period pf, zvdj::capi::ParsePeriodArg(from, "from"));
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Period pt, zvdj::capi::ParsePeriodArg(to, "to"));
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Dimensions dims,
                          zvdj::capi::ReadDims(dim_count, dim_names, dim_values));
    const zvdj::SeriesBreak* b = breaks->impl.Blocking(
        indicator, region == nullptr ? "NL01" : region, dims, pf, pt);
    *out_index = b == nullptr ? -1 : static_cast<int64_t>(b - breaks->impl.breaks().data());
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_breaks_to_csv(char* buffer, size_t capacity, size_t* written,
                                        const zvdj_breaks* breaks) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(breaks);
    std::ostringstream out;
    breaks->impl.WriteCsv(out);
    return CopyString(std::move(out).str(), buffer, capacity, written);
  });
}

}  // extern "C"
