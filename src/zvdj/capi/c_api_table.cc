// C API: the table behind zvdj_trend_result, zvdj_load_report and
// zvdj_cohort_result, and the accessors their functions share.
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/core/csv_reader.h"
#include "zvdj/number_format.hpp"
#include "zvdj/zvdj.h"

namespace zvdj::capi {

size_t ResultTable::AddText(std::string name) {
  columns_.push_back({.name = std::move(name), .numeric = false, .numbers = {}, .texts = {}});
  return columns_.size() - 1;
}

size_t ResultTable::AddNumber(std::string name) {
  columns_.push_back({.name = std::move(name), .numeric = true, .numbers = {}, .texts = {}});
  return columns_.size() - 1;
}

void ResultTable::Number(size_t column, const std::optional<double>& value) {
  Number(column, value.value_or(std::nan("")));
}

absl::StatusOr<const ResultTable::Column*> ResultTable::Find(const char* name) const {
  if (name == nullptr) return absl::InvalidArgumentError("argument 'column' must not be NULL");
  const std::string_view wanted(name);
  std::string names;
  for (const Column& c : columns_) {
    if (c.name == wanted) return &c;
    names += (names.empty() ? "" : ", ") + c.name;
  }
  return absl::NotFoundError("no column '" + std::string(wanted) + "' (columns: " + names +
                             ")");
}

std::string ResultTable::Cell(const Column& column, size_t row) const {
  if (!column.numeric) return column.texts[row];
  const double v = column.numbers[row];
  return std::isnan(v) ? std::string() : FormatPlain(v);
}

std::string ResultTable::ToCsv() const {
  std::string out;
  for (size_t c = 0; c < columns_.size(); ++c) {
    if (c > 0) out += ',';
    out += CsvEscape(columns_[c].name);
  }
  out += '\n';
  for (size_t r = 0; r < rows_; ++r) {
    for (size_t c = 0; c < columns_.size(); ++c) {
      if (c > 0) out += ',';
      out += CsvEscape(Cell(columns_[c], r));
    }
    out += '\n';
  }
  return out;
}

absl::StatusOr<ResultTable> ResultTable::FromCsv(
    std::string_view csv, const std::vector<std::string_view>& numeric) {
  ResultTable t;
  internal::CsvReader reader(csv, "result");
  ZVDJ_RETURN_IF_ERROR(reader.ReadHeader());
  for (const std::string& name : reader.header()) {
    bool is_number = false;
    for (std::string_view n : numeric) is_number |= (n == name);
    if (is_number) {
      t.AddNumber(name);
    } else {
      t.AddText(name);
    }
  }
  while (true) {
    ZVDJ_ASSIGN_OR_RETURN(bool more, reader.Next());
    if (!more) break;
    for (size_t c = 0; c < t.columns_.size(); ++c) {
      const std::string_view field = reader.field(c);
      if (!t.columns_[c].numeric) {
        t.Text(c, std::string(field));
      } else if (field.empty()) {
        t.Number(c, std::nan(""));
      } else {
        double v = 0;
        if (!ParsePlainNumber(field, &v)) {
          return absl::InternalError("result column '" + t.columns_[c].name +
                                     "' holds a non-number '" + std::string(field) + "'");
        }
        t.Number(c, v);
      }
    }
    t.EndRow();
  }
  return t;
}

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
  ZVDJ_ASSIGN_OR_RETURN(const ResultTable::Column* c, t->Find(column));
  *out = c->numeric ? 1 : 0;
  return absl::OkStatus();
}

absl::Status TableGetNumbers(double* values, uint8_t* valid, size_t capacity, size_t* written,
                             const ResultTable* t, const char* column) {
  ZVDJ_ASSIGN_OR_RETURN(const ResultTable::Column* c, t->Find(column));
  if (!c->numeric) {
    return absl::InvalidArgumentError("column '" + c->name +
                                      "' holds text; read it with the _get_string function");
  }
  ZVDJ_RETURN_IF_ERROR(CopyOut(c->numbers.data(), c->numbers.size(), values, capacity, written));
  if (values != nullptr && valid != nullptr) {
    for (size_t i = 0; i < c->numbers.size(); ++i) valid[i] = std::isnan(c->numbers[i]) ? 0 : 1;
  }
  return absl::OkStatus();
}

absl::Status TableGetString(char* buffer, size_t capacity, size_t* written,
                            const ResultTable* t, size_t row, const char* column) {
  ZVDJ_ASSIGN_OR_RETURN(const ResultTable::Column* c, t->Find(column));
  if (row >= t->rows()) {
    return absl::OutOfRangeError("row " + std::to_string(row) + " past the end (" +
                                 std::to_string(t->rows()) + " rows)");
  }
  return CopyString(t->Cell(*c, row), buffer, capacity, written);
}

}  // namespace zvdj::capi
