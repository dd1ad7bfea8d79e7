#include "zvdj/breaks.hpp"

#include "absl/strings/str_format.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/internal/csv_reader.h"
#include "zvdj/internal/status_macros.h"

namespace zvdj {
inline namespace v1 {

absl::Status BreakRegister::Add(SeriesBreak b) {
  if (b.indicator.empty()) return absl::InvalidArgumentError("break without indicator");
  if (b.before.kind() != b.after.kind()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "break %s: %s and %s are different period kinds", b.indicator, b.before.ToString(),
        b.after.ToString()));
  }
  if (!(b.before < b.after)) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "break %s: 'after' (%s) must come after 'before' (%s)", b.indicator,
        b.after.ToString(), b.before.ToString()));
  }
  breaks_.push_back(std::move(b));
  return absl::OkStatus();
}

const SeriesBreak* BreakRegister::Blocking(std::string_view indicator, std::string_view region,
                                           const Dimensions& dims, Period from,
                                           Period to) const {
  for (const auto& b : breaks_) {
    if (b.indicator != indicator) continue;
    if (!b.region.empty() && b.region != region) continue;
    if (b.before.kind() != from.kind() || from.kind() != to.kind()) continue;
    bool match = true;
    for (const auto& [name, value] : b.dims) {
      std::string_view have;
      for (const auto& [n, v] : dims) {
        if (n == name) have = v;
      }
      match &= have == value;
    }
    if (!match) continue;
    if (from <= b.before && b.after <= to) return &b;
  }
  return nullptr;
}

absl::Status BreakRegister::LoadCsv(const std::string& path) {
  ZVDJ_ASSIGN_OR_RETURN(std::string text, internal::ReadFileToString(path));
  return ParseCsv(text, path);
}

absl::Status BreakRegister::ParseCsv(std::string_view text, std::string_view source) {
  internal::CsvReader csv(text, std::string(source));
  ZVDJ_RETURN_IF_ERROR(csv.ReadHeader());
  const int c_ind = csv.ColumnIndex("indicator"), c_before = csv.ColumnIndex("before"),
            c_after = csv.ColumnIndex("after"), c_reason = csv.ColumnIndex("reason"),
            c_source = csv.ColumnIndex("source"), c_region = csv.ColumnIndex("region"),
            c_reden = csv.ColumnIndex("reden");
  ZVDJ_RETURN_IF_ERROR(csv.RequireColumns({"indicator", "before", "after", "reason", "source"}));
  std::vector<size_t> dim_cols;
  for (size_t i = 0; i < csv.header().size(); ++i) {
    const int c = static_cast<int>(i);
    if (c != c_ind && c != c_before && c != c_after && c != c_reason && c != c_source &&
        c != c_region && c != c_reden) {
      dim_cols.push_back(i);
    }
  }
  while (true) {
    ZVDJ_ASSIGN_OR_RETURN(bool more, csv.Next());
    if (!more) break;
    SeriesBreak b;
    b.indicator = std::string(csv.field(c_ind));
    if (b.indicator.empty()) return csv.FieldError(c_ind, "empty indicator");
    auto before = Period::Parse(csv.field(c_before));
    if (!before.ok()) return csv.FieldError(c_before, before.status().message());
    auto after = Period::Parse(csv.field(c_after));
    if (!after.ok()) return csv.FieldError(c_after, after.status().message());
    b.before = *before;
    b.after = *after;
    b.reason = std::string(csv.field(c_reason));
    b.source = std::string(csv.field(c_source));
    if (c_region >= 0) b.region = std::string(csv.field(c_region));
    if (c_reden >= 0) b.reason_nl = std::string(csv.field(c_reden));
    for (size_t c : dim_cols) {
      if (!csv.field(c).empty()) b.dims.emplace_back(csv.header()[c], csv.field(c));
    }
    absl::Status s = Add(std::move(b));
    if (!s.ok()) return csv.RecordError(s.message());
  }
  return absl::OkStatus();
}

void BreakRegister::WriteCsv(std::ostream& out) const {
  std::vector<std::string> dim_names;
  for (const auto& b : breaks_) {
    for (const auto& [n, v] : b.dims) {
      bool have = false;
      for (const auto& d : dim_names) have |= d == n;
      if (!have) dim_names.push_back(n);
    }
  }
  out << "indicator,region";
  for (const auto& d : dim_names) out << ',' << CsvEscape(d);
  bool reden = false;
  for (const auto& b : breaks_) reden |= !b.reason_nl.empty();
  out << ",before,after,reason,source" << (reden ? ",reden\n" : "\n");
  for (const auto& b : breaks_) {
    out << b.indicator << ',' << CsvEscape(b.region);
    for (const auto& d : dim_names) {
      std::string_view v;
      for (const auto& [n, val] : b.dims) {
        if (n == d) v = val;
      }
      out << ',' << CsvEscape(v);
    }
    out << ',' << b.before.ToString() << ',' << b.after.ToString() << ','
        << CsvEscape(b.reason) << ',' << CsvEscape(b.source);
    if (reden) out << ',' << CsvEscape(b.reason_nl);
    out << '\n';
  }
}

}  // namespace v1
}  // namespace zvdj
