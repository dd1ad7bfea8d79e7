#include "zvdj/dataset_io.hpp"

#include "absl/strings/str_format.h"
#include "zvdj/internal/csv_reader.h"
#include "zvdj/internal/status_macros.h"

namespace zvdj {
inline namespace v1 {

absl::StatusOr<Dataset> ReadDatasetCsv(const std::string& path,
                                       const DatasetReadOptions& options) {
  ZVDJ_ASSIGN_OR_RETURN(std::string text, internal::ReadFileToString(path, options.limits.max_file_bytes));
  return ParseDatasetCsv(text, path, options);
}

absl::StatusOr<Dataset> ParseDatasetCsv(std::string_view text, std::string_view source,
                                        const DatasetReadOptions& options) {
  // The separator is ';' when the header line has a ';' and no ','.
  const std::string_view first_line = text.substr(0, text.find_first_of("\r\n"));
  const bool semicolon = first_line.find(';') != std::string_view::npos &&
                         first_line.find(',') == std::string_view::npos;
  const NumberFormat format = options.number_format.value_or(
      semicolon ? NumberFormat::kDutch : NumberFormat::kPlain);
  internal::CsvReader csv(text, std::string(source), semicolon ? ';' : ',', options.limits);
  ZVDJ_RETURN_IF_ERROR(csv.ReadHeader());

  const int c_ind = csv.ColumnIndex("indicator"), c_per = csv.ColumnIndex("period"),
            c_reg = csv.ColumnIndex("region"), c_val = csv.ColumnIndex("value"),
            c_sta = csv.ColumnIndex("status"), c_note = csv.ColumnIndex("note");
  ZVDJ_RETURN_IF_ERROR(csv.RequireColumns({"indicator", "period", "region", "value", "status"}));
  std::vector<size_t> dim_cols;
  for (size_t i = 0; i < csv.header().size(); ++i) {
    const int c = static_cast<int>(i);
    if (c == c_ind || c == c_per || c == c_reg || c == c_val || c == c_sta || c == c_note) continue;
    if (csv.header()[i].empty()) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s:1:%d: empty column name", source, i + 1));
    }
    dim_cols.push_back(i);
  }

  if (dim_cols.size() > kMaxDimensions) {
    return absl::ResourceExhaustedError(absl::StrFormat(
        "%s:1:%d: %d dimension columns, more than the limit of %d", source, dim_cols.back() + 1,
        dim_cols.size(), kMaxDimensions));
  }
  Dataset ds;
  Observation obs;
  while (true) {
    ZVDJ_ASSIGN_OR_RETURN(bool more, csv.Next());
    if (!more) break;
    obs.indicator = std::string(csv.field(c_ind));
    if (obs.indicator.empty()) return csv.FieldError(c_ind, "empty indicator");
    auto period = Period::Parse(csv.field(c_per));
    if (!period.ok()) return csv.FieldError(c_per, period.status().message());
    obs.period = *period;
    obs.region = std::string(csv.field(c_reg));
    if (obs.region.empty()) return csv.FieldError(c_reg, "empty region (use NL01 for Nederland)");
    auto status = ParseStatusSymbol(csv.field(c_sta));
    if (!status.ok()) return csv.FieldError(c_sta, status.status().message());
    obs.status = *status;
    const std::string_view raw_value = csv.field(c_val);
    obs.value.reset();
    // StatLine downloads write a cell's symbol in the value column (value '.',
    // status '.' or empty): read it as that status.
    if (raw_value == "." || raw_value == "x" || raw_value == "X" || raw_value == "-") {
      const ValueStatus symbol = *ParseStatusSymbol(raw_value);
      if (obs.status != ValueStatus::kDefinitive && obs.status != symbol) {
        return csv.FieldError(
            c_val, absl::StrFormat("value '%s' (%s) contradicts status '%s'", raw_value,
                                   symbol == ValueStatus::kNil ? "nil" : "no value",
                                   StatusSymbol(obs.status)));
      }
      obs.status = symbol;
    } else if (!raw_value.empty()) {
      auto v = ParseNumber(raw_value, format);
      if (!v.ok()) return csv.FieldError(c_val, v.status().message());
      obs.value = *v;
    } else if (obs.status == ValueStatus::kDefinitive) {
      obs.status = ValueStatus::kImpossible;  // empty value, empty status
    }
    if (obs.status <= ValueStatus::kRevisedProvisional && !obs.value) {
      return csv.FieldError(c_val, absl::StrFormat("status '%s' needs a value",
                                                   StatusSymbol(obs.status)));
    }
    if (!HasValue(obs.status) && obs.value) {
      return csv.FieldError(c_val, absl::StrFormat("status '%s' must have an empty value",
                                                   StatusSymbol(obs.status)));
    }
    if (obs.status == ValueStatus::kNil && obs.value && *obs.value != 0) {
      return csv.FieldError(c_val, "status '-' (nil) with a non-zero value");
    }
    obs.dims.clear();
    for (size_t c : dim_cols) {
      if (!csv.field(c).empty()) obs.dims.emplace_back(csv.header()[c], csv.field(c));
    }
    obs.note = c_note >= 0 ? std::string(csv.field(c_note)) : std::string();
    absl::Status added = ds.Add(obs);
    if (!added.ok()) {
      absl::Status e = csv.RecordError(added.message());
      if (added.code() == absl::StatusCode::kResourceExhausted) {
        e = absl::ResourceExhaustedError(e.message());
      }
      return e;
    }
  }
  return ds;
}

std::string CsvEscape(std::string_view field) {
  if (field.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

void WriteDatasetCsv(const Dataset& ds, std::ostream& out) {
  bool any_note = false;
  for (size_t r = 0; r < ds.size() && !any_note; ++r) any_note = !ds.note(r).empty();
  out << "indicator,period,region";
  for (const auto& d : ds.dimension_names()) out << ',' << CsvEscape(d);
  out << ",value,status";
  if (any_note) out << ",note";
  out << '\n';
  for (size_t r = 0; r < ds.size(); ++r) {
    out << CsvEscape(ds.indicator(r)) << ',' << ds.period(r).ToString() << ','
        << CsvEscape(ds.region(r));
    for (size_t d = 0; d < ds.dimension_names().size(); ++d) {
      out << ',' << CsvEscape(ds.dimension(r, d));
    }
    out << ',';
    if (HasValue(ds.status(r))) out << FormatPlain(ds.value(r));
    out << ',' << StatusSymbol(ds.status(r));
    if (any_note) out << ',' << CsvEscape(ds.note(r));
    out << '\n';
  }
}

}  // namespace v1
}  // namespace zvdj
