// C API: zvdj_table, the one result type, and the option names for bindings.
#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/cohort.hpp"
#include "zvdj/names.hpp"
#include "zvdj/zvdj.h"

using zvdj::capi::Guard;

namespace zvdj::capi {
namespace {

// Comma-separated names for zvdj_enum_kinds / zvdj_enum_names.
std::string JoinNames(std::span<const EnumEntry> entries) {
  std::string out;
  for (const EnumEntry& e : entries) {
    if (!out.empty()) out.push_back(',');
    out.append(e.name);
  }
  return out;
}

absl::StatusOr<const EnumTable*> KindArg(const char* kind) {
  ZVDJ_CAPI_REQUIRE(kind);
  const EnumTable* t = FindEnumTable(kind);
  if (t == nullptr) {
    std::string kinds;
    for (const EnumTable* e : EnumTables()) kinds += (kinds.empty() ? "" : ", ") + std::string(e->kind);
    return absl::NotFoundError("unknown option kind '" + std::string(kind) + "' (kinds: " + kinds +
                               ")");
  }
  return t;
}

}  // namespace
}  // namespace zvdj::capi

extern "C" {

ZVDJ_API void zvdj_table_destroy(zvdj_table* result) { delete result; }

ZVDJ_API zvdj_status zvdj_table_rows(size_t* out, const zvdj_table* result) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(result);
    return zvdj::capi::TableRows(out, &result->table);
  });
}

ZVDJ_API zvdj_status zvdj_table_column_count(size_t* out, const zvdj_table* result) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(result);
    return zvdj::capi::TableColumnCount(out, &result->table);
  });
}

ZVDJ_API zvdj_status zvdj_table_column_name(char* buffer, size_t capacity, size_t* written,
                                            const zvdj_table* result, size_t index) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(result);
    return zvdj::capi::TableColumnName(buffer, capacity, written, &result->table, index);
  });
}

ZVDJ_API zvdj_status zvdj_table_column_is_numeric(int32_t* out, const zvdj_table* result,
                                                  const char* column) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(result);
    return zvdj::capi::TableColumnIsNumeric(out, &result->table, column);
  });
}

ZVDJ_API zvdj_status zvdj_table_column_kind(int32_t* out, const zvdj_table* result,
                                            const char* column) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(result);
    return zvdj::capi::TableColumnKind(out, &result->table, column);
  });
}

ZVDJ_API zvdj_status zvdj_table_get_numbers(double* values, uint8_t* valid, size_t capacity,
                                            size_t* written, const zvdj_table* result,
                                            const char* column) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(result);
    return zvdj::capi::TableGetNumbers(values, valid, capacity, written, &result->table, column);
  });
}

ZVDJ_API zvdj_status zvdj_table_get_integers(int64_t* values, uint8_t* valid, size_t capacity,
                                             size_t* written, const zvdj_table* result,
                                             const char* column) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(result);
    return zvdj::capi::TableGetIntegers(values, valid, capacity, written, &result->table,
                                        column);
  });
}

ZVDJ_API zvdj_status zvdj_table_get_string(char* buffer, size_t capacity, size_t* written,
                                           const zvdj_table* result, size_t row,
                                           const char* column) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(result);
    return zvdj::capi::TableGetString(buffer, capacity, written, &result->table, row, column);
  });
}

ZVDJ_API zvdj_status zvdj_table_get_texts(char* buffer, size_t capacity, size_t* written,
                                          size_t* offsets, size_t offsets_capacity,
                                          const zvdj_table* result, const char* column) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(result);
    return zvdj::capi::TableGetTexts(buffer, capacity, written, offsets, offsets_capacity,
                                     &result->table, column);
  });
}

ZVDJ_API zvdj_status zvdj_table_to_csv(char* buffer, size_t capacity, size_t* written,
                                       const zvdj_table* result) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(result);
    return zvdj::capi::CopyString(result->table.ToCsv(), buffer, capacity, written);
  });
}

ZVDJ_API zvdj_status zvdj_table_format(char* buffer, size_t capacity, size_t* written,
                                       const zvdj_table* result, const char* format,
                                       size_t width) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(result);
    return zvdj::capi::TableWrite(buffer, capacity, written, &result->table, format, width);
  });
}

ZVDJ_API zvdj_status zvdj_table_to_dataset(zvdj_dataset** out, const zvdj_table* result) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    ZVDJ_CAPI_REQUIRE(result);
    if (result->cohort == nullptr) {
      return absl::FailedPreconditionError(
          "only cohort results convert to a dataset (zvdj_cohort_estimate_table, "
          "zvdj_cohort_outflow_table)");
    }
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Dataset ds, zvdj::CohortEstimatesToDataset(
                                                result->cohort->cohort, result->cohort->estimates));
    *out = new zvdj_dataset{std::move(ds)};
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_enum_kinds(char* buffer, size_t capacity, size_t* written) {
  return Guard([&]() -> absl::Status {
    std::string kinds;
    for (const zvdj::EnumTable* t : zvdj::EnumTables()) {
      if (!kinds.empty()) kinds.push_back(',');
      kinds.append(t->kind);
    }
    return zvdj::capi::CopyString(kinds, buffer, capacity, written);
  });
}

ZVDJ_API zvdj_status zvdj_enum_names(char* buffer, size_t capacity, size_t* written,
                                     const char* kind) {
  return Guard([&]() -> absl::Status {
    ZVDJ_ASSIGN_OR_RETURN(const zvdj::EnumTable* t, zvdj::capi::KindArg(kind));
    return zvdj::capi::CopyString(zvdj::capi::JoinNames(t->names), buffer, capacity, written);
  });
}

ZVDJ_API zvdj_status zvdj_enum_value(int64_t* out, const char* kind, const char* name) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    ZVDJ_CAPI_REQUIRE(name);
    ZVDJ_ASSIGN_OR_RETURN(const zvdj::EnumTable* t, zvdj::capi::KindArg(kind));
    ZVDJ_ASSIGN_OR_RETURN(const int v, zvdj::ParseEnumValue(*t, name));
    *out = v;
    return absl::OkStatus();
  });
}

}  // extern "C"
