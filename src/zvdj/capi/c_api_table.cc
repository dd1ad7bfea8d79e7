// C API: the accessors of zvdj_table, shared by the older result handles
// (zvdj_trend_result, zvdj_load_report, zvdj_cohort_result).
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/core/csv_reader.h"
#include "zvdj/number_format.hpp"
#include "zvdj/names.hpp"
#include "zvdj/table.hpp"
#include "zvdj/zvdj.h"

namespace zvdj::capi {
namespace {

absl::StatusOr<const ResultTable::Column*> FindColumn(const ResultTable* t, const char* name) {
  if (name == nullptr) return absl::InvalidArgumentError("argument 'column' must not be NULL");
  return t->Find(name);
}

}  // namespace

absl::Status TableRows(size_t* out, const ResultTable* t) {
  ZVDJ_CAPI_REQUIRE(out);
  *out = t->rows();
  return absl::OkStatus();
}

absl::Status TableColumnCount(size_t* out, const ResultTable* t) {
  ZVDJ_CAPI_REQUIRE(out);
  *out = t->columns().size();
  return absl::OkStatus();
}

absl::Status TableColumnName(char* buffer, size_t capacity, size_t* written,
                             const ResultTable* t, size_t index) {
  if (index >= t->columns().size()) {
    return absl::OutOfRangeError("column " + std::to_string(index) + " past the end (" +
                                 std::to_string(t->columns().size()) + " columns)");
  }
  return CopyString(t->columns()[index].name, buffer, capacity, written);
}

absl::Status TableColumnIsNumeric(int32_t* out, const ResultTable* t, const char* column) {
  ZVDJ_CAPI_REQUIRE(out);
  ZVDJ_ASSIGN_OR_RETURN(const ResultTable::Column* c, FindColumn(t, column));
  *out = c->numeric() ? 1 : 0;
  return absl::OkStatus();
}

absl::Status TableColumnKind(int32_t* out, const ResultTable* t, const char* column) {
  ZVDJ_CAPI_REQUIRE(out);
  ZVDJ_ASSIGN_OR_RETURN(const ResultTable::Column* c, FindColumn(t, column));
  *out = static_cast<int32_t>(c->kind);
  return absl::OkStatus();
}

absl::Status TableGetNumbers(double* values, uint8_t* valid, size_t capacity, size_t* written,
                             const ResultTable* t, const char* column) {
  ZVDJ_ASSIGN_OR_RETURN(const ResultTable::Column* c, FindColumn(t, column));
  if (!c->numeric()) {
    return absl::InvalidArgumentError("column '" + c->name +
                                      "' holds text; read it with the _get_string function");
  }
  ZVDJ_RETURN_IF_ERROR(CopyOut(c->numbers.data(), c->numbers.size(), values, capacity, written));
  if (values != nullptr && valid != nullptr) {
    for (size_t i = 0; i < c->numbers.size(); ++i) valid[i] = std::isnan(c->numbers[i]) ? 0 : 1;
  }
  return absl::OkStatus();
}

absl::Status TableGetIntegers(int64_t* values, uint8_t* valid, size_t capacity, size_t* written,
                              const ResultTable* t, const char* column) {
  ZVDJ_ASSIGN_OR_RETURN(const ResultTable::Column* c, FindColumn(t, column));
  if (c->kind != ColumnKind::kInteger) {
    return absl::InvalidArgumentError("column '" + c->name +
                                      "' is not an integer column (ZVDJ_COLUMN_INTEGER)");
  }
  const size_t n = c->numbers.size();
  ZVDJ_CAPI_REQUIRE(written);
  *written = n;
  if (values == nullptr && capacity == 0) return absl::OkStatus();  // size query
  ZVDJ_CAPI_REQUIRE(values);
  if (capacity < n) {
    return absl::OutOfRangeError("buffer too small: capacity " + std::to_string(capacity) +
                                 ", required " + std::to_string(n));
  }
  for (size_t i = 0; i < n; ++i) {
    const double v = c->numbers[i];
    const bool ok = std::isfinite(v);
    values[i] = ok ? static_cast<int64_t>(v) : 0;
    if (valid != nullptr) valid[i] = ok ? 1 : 0;
  }
  return absl::OkStatus();
}

absl::Status TableGetString(char* buffer, size_t capacity, size_t* written,
                            const ResultTable* t, size_t row, const char* column) {
  ZVDJ_ASSIGN_OR_RETURN(const ResultTable::Column* c, FindColumn(t, column));
  if (row >= t->rows()) {
    return absl::OutOfRangeError("row " + std::to_string(row) + " past the end (" +
                                 std::to_string(t->rows()) + " rows)");
  }
  return CopyString(t->Cell(*c, row), buffer, capacity, written);
}

absl::Status TableGetTexts(char* buffer, size_t capacity, size_t* written, size_t* offsets,
                           size_t offsets_capacity, const ResultTable* t, const char* column) {
  ZVDJ_ASSIGN_OR_RETURN(const ResultTable::Column* c, FindColumn(t, column));
  ZVDJ_CAPI_REQUIRE(written);
  const size_t rows = t->rows();
  // Text cells are copied straight from the column; numbers are formatted once.
  std::vector<std::string> formatted;
  if (c->numeric()) {
    formatted.reserve(rows);
    for (size_t r = 0; r < rows; ++r) formatted.push_back(t->Cell(*c, r));
  }
  const std::vector<std::string>& cells = c->numeric() ? formatted : c->texts;
  size_t need = 0;
  for (const std::string& s : cells) need += s.size() + 1;
  *written = need;
  if (buffer == nullptr && capacity == 0) return absl::OkStatus();  // size query
  ZVDJ_CAPI_REQUIRE(buffer);
  if (capacity < need) {
    return absl::OutOfRangeError("buffer too small: capacity " + std::to_string(capacity) +
                                 ", required " + std::to_string(need));
  }
  if (offsets != nullptr && offsets_capacity < rows) {
    return absl::OutOfRangeError("offsets too small: capacity " +
                                 std::to_string(offsets_capacity) + ", required " +
                                 std::to_string(rows));
  }
  size_t at = 0;
  for (size_t r = 0; r < rows; ++r) {
    if (offsets != nullptr) offsets[r] = at;
    const std::string& s = cells[r];
    if (!s.empty()) std::memcpy(buffer + at, s.data(), s.size());
    at += s.size();
    buffer[at++] = '\0';
  }
  return absl::OkStatus();
}

absl::Status TableWrite(char* buffer, size_t capacity, size_t* written, const ResultTable* t,
                         const char* format, size_t width) {
  ZVDJ_CAPI_REQUIRE(format);
  ZVDJ_ASSIGN_OR_RETURN(const zvdj::TableFormat f, ParseEnum<zvdj::TableFormat>(format));
  return CopyString(TableToString(*t, f, {.width = width, .breakdown = true}), buffer, capacity,
                    written);
}

}  // namespace zvdj::capi
