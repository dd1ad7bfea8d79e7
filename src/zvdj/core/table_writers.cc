// The writers of zvdj::Table: csv and json for programs, Markdown and the
// terminal table for readers.
#include <algorithm>
#include <cmath>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "zvdj/number_format.hpp"
#include "zvdj/table.hpp"

namespace zvdj {
inline namespace v1 {
namespace {

using Column = Table::Column;

void WriteCsv(const Table& t, std::ostream& out) {
  const auto& cols = t.columns();
  std::string line;
  for (size_t c = 0; c < cols.size(); ++c) {
    if (c > 0) line.push_back(',');
    line += CsvEscape(cols[c].name);
  }
  line.push_back('\n');
  out << line;
  for (size_t r = 0; r < t.rows(); ++r) {
    line.clear();
    for (size_t c = 0; c < cols.size(); ++c) {
      if (c > 0) line.push_back(',');
      if (cols[c].numeric()) {
        const double v = cols[c].numbers[r];
        if (std::isfinite(v)) line += FormatPlain(v);
      } else {
        line += CsvEscape(cols[c].texts[r]);
      }
    }
    line.push_back('\n');
    out << line;
  }
}

void WriteJson(const Table& t, std::ostream& out) {
  const auto& cols = t.columns();
  std::vector<std::string> keys;
  keys.reserve(cols.size());
  for (const Column& c : cols) keys.push_back(JsonQuote(c.name) + ": ");
  out << '[';
  std::string obj;
  for (size_t r = 0; r < t.rows(); ++r) {
    obj = r == 0 ? "\n  {" : ",\n  {";
    for (size_t c = 0; c < cols.size(); ++c) {
      if (c > 0) obj += ", ";
      obj += keys[c];
      const Column& col = cols[c];
      if (col.numeric()) {
        const double v = col.numbers[r];
        obj += std::isfinite(v) ? FormatPlain(v) : "null";
      } else if (col.texts[r].empty() && col.role == ColumnRole::kValue) {
        obj += "null";
      } else {
        obj += JsonQuote(col.texts[r]);
      }
    }
    obj.push_back('}');
    out << obj;
  }
  out << (t.rows() == 0 ? "]\n" : "\n]\n");
}

// ---- Reader formats ----------------------------------------------------------

struct Grid {
  std::vector<std::string> header;
  std::vector<bool> right;   // aligned to the right (numbers)
  std::vector<bool> wrap_first;
  std::vector<std::vector<std::string>> rows;
};

// Decimals that show a column's numbers readably: none for whole numbers,
// otherwise about three significant digits of the largest value.
int AutoDecimals(const std::vector<double>& values) {
  double largest = 0;
  bool whole = true;
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    largest = std::max(largest, std::fabs(v));
    whole = whole && std::fabs(v - std::round(v)) < 1e-9;
  }
  if (whole) return 0;
  if (largest >= 1000) return 0;
  if (largest >= 10) return 1;
  if (largest >= 1) return 2;
  return 3;
}

// A cell for a reader's screen: tabs and line breaks become spaces, other
// control characters are shown escaped.
std::string SafeCell(std::string_view s) {
  std::string flat(s);
  for (char& c : flat) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return TerminalSafe(flat);
}

std::string HeaderOf(const Column& c) {
  if (!c.label.empty()) return c.label;
  return c.role == ColumnRole::kDimension ? DimensionLabelNl(c.name) : c.name;
}

bool AnySet(const Column& c) {
  return std::any_of(c.texts.begin(), c.texts.end(), [](const std::string& s) { return !s.empty(); });
}

// "leeftijd 18-23, vorm gezinsgericht" for the dimensions set in row `r`.
std::string BreakdownCell(const std::vector<const Column*>& dims, size_t r) {
  std::string out;
  for (const Column* d : dims) {
    if (d->texts[r].empty()) continue;
    if (!out.empty()) out += ", ";
    out += HeaderOf(*d) + " " + d->texts[r];
  }
  return out.empty() ? "totaal" : out;
}

Grid BuildGrid(const Table& t, bool breakdown) {
  Grid g;
  g.rows.resize(t.rows());
  std::vector<const Column*> dims;
  for (const Column& c : t.columns()) {
    if (c.role == ColumnRole::kDimension && AnySet(c)) dims.push_back(&c);
  }
  bool breakdown_added = false;
  for (const Column& c : t.columns()) {
    if (c.role == ColumnRole::kDimension) {
      if (!AnySet(c)) continue;  // total in every row: nothing to tell
      if (breakdown) {
        if (breakdown_added) continue;
        breakdown_added = true;
        g.header.push_back("Uitsplitsing");
        g.right.push_back(false);
        g.wrap_first.push_back(false);
        for (size_t r = 0; r < t.rows(); ++r) g.rows[r].push_back(SafeCell(BreakdownCell(dims, r)));
        continue;
      }
      g.header.push_back(SafeCell(HeaderOf(c)));
      g.right.push_back(false);
      g.wrap_first.push_back(false);
      for (size_t r = 0; r < t.rows(); ++r) {
        g.rows[r].push_back(c.texts[r].empty() ? "totaal" : SafeCell(c.texts[r]));
      }
      continue;
    }
    g.header.push_back(SafeCell(HeaderOf(c)));
    g.right.push_back(c.numeric() || c.align_right);
    g.wrap_first.push_back(c.wrap_first);
    if (c.numeric()) {
      const int dec = c.decimals >= 0                     ? c.decimals
                      : c.kind == ColumnKind::kInteger ? 0
                                                          : AutoDecimals(c.numbers);
      for (size_t r = 0; r < t.rows(); ++r) g.rows[r].push_back(FormatForReading(c.numbers[r], dec));
    } else {
      for (size_t r = 0; r < t.rows(); ++r) g.rows[r].push_back(SafeCell(c.texts[r]));
    }
  }
  return g;
}

// Appends " cell |" with '|' escaped.
void AppendMarkdownCell(std::string& o, const std::string& s) {
  o.push_back(' ');
  for (char c : s) {
    if (c == '|') {
      o += "\\|";
    } else {
      o.push_back(c);
    }
  }
  o += " |";
}

void WriteMarkdown(const Grid& g, std::ostream& out) {
  std::string line = "|";
  for (const auto& h : g.header) AppendMarkdownCell(line, h);
  line += "\n|";
  for (bool right : g.right) line += right ? " ---: |" : " --- |";
  line += '\n';
  out << line;
  for (const auto& row : g.rows) {
    line.clear();
    line.push_back('|');
    for (const auto& cell : row) AppendMarkdownCell(line, cell);
    line += '\n';
    out << line;
  }
}

// Narrows columns one terminal column at a time, the widest of a phase first,
// until the line fits `limit`: first number columns down to their widest cell
// (their header wraps), then the wrap-first columns (notes), then every text
// column, none below `min`.
void FitWidths(std::vector<size_t>& width, const std::vector<size_t>& min,
               const std::vector<int>& phase, size_t limit) {
  size_t total = 0;
  for (size_t w : width) total += w;
  total += width.empty() ? 0 : 2 * (width.size() - 1);
  for (int p = 0; p < 3 && total > limit; ++p) {
    while (total > limit) {
      size_t widest = width.size();
      for (size_t c = 0; c < width.size(); ++c) {
        if (phase[c] > p || width[c] <= min[c]) continue;
        if (widest == width.size() || width[c] > width[widest]) widest = c;
      }
      if (widest == width.size()) break;  // nothing left to narrow in this phase
      --width[widest];
      --total;
    }
  }
}

std::string Pad(const std::string& s, size_t width, bool right) {
  const size_t w = DisplayWidth(s);
  const std::string fill(width > w ? width - w : 0, ' ');
  return right ? fill + s : s + fill;
}

// One row of cells, each wrapped to its column, as one or more lines.
void WriteWrappedRow(const std::vector<std::string>& cells, const std::vector<size_t>& width,
                     const std::vector<bool>& right, std::ostream& out) {
  const size_t n = cells.size();
  std::vector<std::vector<std::string>> parts(n);
  size_t height = 1;
  for (size_t c = 0; c < n; ++c) {
    parts[c] = WrapToWidth(cells[c], width[c]);
    height = std::max(height, parts[c].size());
  }
  std::string s;
  for (size_t k = 0; k < height; ++k) {
    s.clear();
    for (size_t c = 0; c < n; ++c) {
      if (c > 0) s += "  ";
      s += Pad(k < parts[c].size() ? parts[c][k] : std::string(), width[c], right[c]);
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    s.push_back('\n');
    out << s;
  }
}

size_t LongestWord(std::string_view s) {
  size_t longest = 0;
  for (size_t i = 0; i <= s.size();) {
    size_t end = s.find(' ', i);
    if (end == std::string_view::npos) end = s.size();
    longest = std::max(longest, DisplayWidth(s.substr(i, end - i)));
    i = end + 1;
  }
  return longest;
}

void WriteTerminal(const Grid& g, size_t limit, std::ostream& out) {
  constexpr size_t kMinWidth = 8;
  const size_t n = g.header.size();
  std::vector<size_t> width(n, 0), min(n, 0), cells(n, 0);
  std::vector<int> phase(n, 2);
  for (const auto& r : g.rows) {
    for (size_t c = 0; c < n; ++c) cells[c] = std::max(cells[c], DisplayWidth(r[c]));
  }
  for (size_t c = 0; c < n; ++c) {
    width[c] = std::max(cells[c], DisplayWidth(g.header[c]));
    min[c] = g.right[c] ? std::max(cells[c], LongestWord(g.header[c]))
                        : std::min(width[c], std::max(kMinWidth, LongestWord(g.header[c])));
    phase[c] = g.right[c] ? 0 : g.wrap_first[c] ? 1 : 2;
  }
  if (limit > 0) FitWidths(width, min, phase, limit);
  WriteWrappedRow(g.header, width, g.right, out);
  std::string rule;
  for (size_t c = 0; c < n; ++c) {
    if (c > 0) rule += "  ";
    for (size_t i = 0; i < width[c]; ++i) rule += "─";
  }
  out << rule << '\n';
  for (const auto& r : g.rows) WriteWrappedRow(r, width, g.right, out);
}

}  // namespace

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

void WriteTable(const Table& table, TableFormat format, std::ostream& out,
                const TableWriteOptions& options) {
  switch (format) {
    case TableFormat::kCsv:
      WriteCsv(table, out);
      return;
    case TableFormat::kJson:
      WriteJson(table, out);
      return;
    case TableFormat::kMarkdown: {
      WriteMarkdown(BuildGrid(table, options.breakdown), out);
      return;
    }
    case TableFormat::kTable: {
      WriteTerminal(BuildGrid(table, options.breakdown), options.width, out);
      return;
    }
  }
}

std::string TableToString(const Table& table, TableFormat format,
                          const TableWriteOptions& options) {
  std::ostringstream out;
  WriteTable(table, format, out, options);
  return std::move(out).str();
}

}  // namespace v1
}  // namespace zvdj
