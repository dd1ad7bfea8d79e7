#include "cli/dataset_output.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_format.h"
#include "cli/command.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/number_format.hpp"

namespace zvdj::cli {
namespace {

std::string Cell(const Dataset& ds, size_t row) {
  return HasValue(ds.status(row)) ? FormatPlain(ds.value(row)) : std::string();
}

void WriteTable(const Dataset& ds, bool markdown, std::ostream& out) {
  std::vector<std::string> head = {"indicator", "period", "region"};
  for (const auto& d : ds.dimension_names()) head.push_back(d);
  head.push_back("value");
  head.push_back("status");
  std::vector<std::vector<std::string>> rows;
  rows.reserve(ds.size());
  for (size_t r = 0; r < ds.size(); ++r) {
    std::vector<std::string> row = {EscapeControl(std::string(ds.indicator(r))), ds.period(r).ToString(),
                                    EscapeControl(std::string(ds.region(r)))};
    for (size_t d = 0; d < ds.dimension_names().size(); ++d) {
      row.push_back(EscapeControl(std::string(ds.dimension(r, d))));
    }
    row.push_back(Cell(ds, r));
    row.emplace_back(StatusSymbol(ds.status(r)));
    rows.push_back(std::move(row));
  }
  std::vector<size_t> width(head.size());
  for (size_t c = 0; c < head.size(); ++c) {
    width[c] = head[c].size();
    for (const auto& row : rows) width[c] = std::max(width[c], row[c].size());
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) {
      if (markdown) out << "| ";
      const bool right = c + 2 == cells.size();  // the value column
      const std::string pad(width[c] - cells[c].size(), ' ');
      out << (right ? pad + cells[c] : cells[c] + pad);
      out << (markdown ? " " : (c + 1 < cells.size() ? "  " : ""));
    }
    out << (markdown ? "|\n" : "\n");
  };
  line(head);
  if (markdown) {
    for (size_t c = 0; c < head.size(); ++c) {
      out << "|" << std::string(width[c] + 1, '-') << (c + 2 == head.size() ? ":" : "-");
    }
    out << "|\n";
  }
  for (const auto& row : rows) line(row);
}

std::string JsonString(std::string_view s) {
  std::string o = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      o += '\\';
      o += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      o += absl::StrFormat("\\u%04x", c);
    } else {
      o += c;
    }
  }
  return o + "\"";
}

void WriteJson(const Dataset& ds, std::ostream& out) {
  out << "[\n";
  for (size_t r = 0; r < ds.size(); ++r) {
    out << "  {\"indicator\": " << JsonString(ds.indicator(r))
        << ", \"period\": " << JsonString(ds.period(r).ToString())
        << ", \"region\": " << JsonString(ds.region(r));
    for (size_t d = 0; d < ds.dimension_names().size(); ++d) {
      out << ", " << JsonString(ds.dimension_names()[d]) << ": "
          << JsonString(ds.dimension(r, d));
    }
    out << ", \"value\": " << (HasValue(ds.status(r)) ? FormatPlain(ds.value(r)) : "null")
        << ", \"status\": " << JsonString(StatusSymbol(ds.status(r))) << "}"
        << (r + 1 < ds.size() ? ",\n" : "\n");
  }
  out << "]\n";
}

}  // namespace

void WriteDataset(const Dataset& ds, const std::string& format, std::ostream& out) {
  if (format == "csv") {
    WriteDatasetCsv(ds, out);
  } else if (format == "json") {
    WriteJson(ds, out);
  } else {
    WriteTable(ds, format == "md", out);
  }
}

}  // namespace zvdj::cli
