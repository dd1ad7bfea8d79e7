// The writers of zvdj::Table: csv and json for programs, Markdown and the
// terminal table for readers.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
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
  std::vector<bool> footnote;
  std::vector<bool> heading;
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
        g.footnote.push_back(false);
        g.heading.push_back(false);
        for (size_t r = 0; r < t.rows(); ++r) g.rows[r].push_back(SafeCell(BreakdownCell(dims, r)));
        continue;
      }
      g.header.push_back(SafeCell(HeaderOf(c)));
      g.right.push_back(false);
      g.wrap_first.push_back(false);
      g.footnote.push_back(false);
      g.heading.push_back(false);
      for (size_t r = 0; r < t.rows(); ++r) {
        g.rows[r].push_back(c.texts[r].empty() ? "totaal" : SafeCell(c.texts[r]));
      }
      continue;
    }
    g.header.push_back(SafeCell(HeaderOf(c)));
    g.right.push_back(c.numeric() || c.align_right);
    g.wrap_first.push_back(c.wrap_first);
    g.footnote.push_back(c.footnote && !c.numeric());
    g.heading.push_back(c.heading && !c.numeric());
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
// (their header wraps), then the wrap-first columns (notes); phases up to
// `last_phase`, none below `min`.
void FitWidths(std::vector<size_t>& width, const std::vector<size_t>& min,
               const std::vector<int>& phase, size_t limit, int last_phase) {
  size_t total = 0;
  for (size_t w : width) total += w;
  total += width.empty() ? 0 : 2 * (width.size() - 1);
  for (int p = 0; p <= last_phase && total > limit; ++p) {
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

size_t TotalWidth(const std::vector<size_t>& width) {
  size_t total = 0;
  for (size_t w : width) total += w;
  return total + (width.empty() ? 0 : 2 * (width.size() - 1));
}

// The line count of every cell per column width, remembered, for the rows the
// layout is chosen on; and the number of lines of the table for given widths.
class LineCounts {
 public:
  LineCounts(const Grid& g, size_t rows) : g_(g), rows_(rows) {}

  size_t Header(size_t c, size_t w) { return Count(g_.header[c], w); }
  size_t Cell(size_t c, size_t r, size_t w) { return Count(g_.rows[r][c], w); }
  size_t rows() const { return rows_; }

  // Heights of the rows from every column but `skip` (none when out of
  // range), and the lines those cells have beyond their first.
  size_t Base(const std::vector<size_t>& width, size_t skip, std::vector<size_t>& h) {
    h.assign(rows_, 1);
    size_t extra = 0;
    for (size_t c = 0; c < width.size(); ++c) {
      if (c == skip) continue;
      for (size_t r = 0; r < rows_; ++r) {
        const size_t k = Cell(c, r, width[c]);
        h[r] = std::max(h[r], k);
        extra += k - 1;
      }
    }
    return extra;
  }

  // The cost of a layout: the lines of the table (header included) with row
  // heights `h`, then, between layouts of as many lines, the cells wrapped
  // (`extra` lines beyond their first).
  size_t Cost(const std::vector<size_t>& width, const std::vector<size_t>& h, size_t extra) {
    size_t header = 1;
    for (size_t c = 0; c < width.size(); ++c) header = std::max(header, Header(c, width[c]));
    size_t total = header;
    for (size_t x : h) total += x;
    return total * kLineCost + extra;
  }
  // A line of the table outweighs any number of wrapped cells within it.
  static constexpr size_t kLineCost = 1 << 20;

 private:
  size_t Count(const std::string& text, size_t w) {
    if (w == 0 || text.empty()) return 1;
    auto& per_width = memo_[std::string_view(text)];
    if (per_width.size() <= w) per_width.resize(w + 1, 0);
    if (per_width[w] == 0) per_width[w] = static_cast<uint32_t>(WrapToWidth(text, w).size());
    return per_width[w];
  }

  const Grid& g_;
  size_t rows_;
  std::map<std::string_view, std::vector<uint32_t>> memo_;
};

// The cost of the layout when column c has width w (the others as in
// `width`, giving `others` and `extra`).
size_t CostWith(LineCounts& lines, std::vector<size_t>& width, size_t c, size_t w,
                const std::vector<size_t>& others, size_t extra) {
  const size_t keep = width[c];
  width[c] = w;
  std::vector<size_t> h = others;
  for (size_t r = 0; r < lines.rows(); ++r) {
    const size_t k = lines.Cell(c, r, w);
    h[r] = std::max(h[r], k);
    extra += k - 1;
  }
  const size_t cost = lines.Cost(width, h, extra);
  width[c] = keep;
  return cost;
}

size_t CurrentCost(LineCounts& lines, const std::vector<size_t>& width) {
  std::vector<size_t> h;
  const size_t extra = lines.Base(width, width.size(), h);
  return lines.Cost(width, h, extra);
}

enum class Search { kWiden, kNarrow };

// A greedy search over the widths of the `free` columns. kWiden starts from
// the minimum widths: the `budget` columns left go, a few at a time, to the
// column whose widening saves the most lines per column spent, up to `bound`
// (the natural widths). kNarrow starts from the natural widths: `budget`
// columns are given up where that costs the fewest lines per column, down to
// `bound` (the minimum widths). Returns the line count reached.
size_t GreedyWidths(LineCounts& lines, std::vector<size_t>& width,
                    const std::vector<size_t>& bound, const std::vector<size_t>& free,
                    size_t budget, Search search) {
  const bool widen = search == Search::kWiden;
  const size_t n = width.size();
  std::vector<size_t> others;
  size_t current = CurrentCost(lines, width);
  while (budget > 0) {
    size_t best_c = n, best_d = 0, best_cost = current;
    double best_rate = 0;
    for (size_t c : free) {
      const size_t room = widen ? (bound[c] > width[c] ? bound[c] - width[c] : 0)
                                : (width[c] > bound[c] ? width[c] - bound[c] : 0);
      if (room == 0) continue;
      const size_t extra = lines.Base(width, c, others);
      const size_t reach = std::min(budget, room);
      for (size_t d = 1; d <= reach; ++d) {
        const size_t t =
            CostWith(lines, width, c, widen ? width[c] + d : width[c] - d, others, extra);
        // Lines saved (widening) or added (narrowing) per column.
        const size_t lines_changed =
            widen ? current - std::min(t, current) : t - std::min(t, current);
        const double rate = static_cast<double>(lines_changed) / static_cast<double>(d);
        const bool better = widen ? rate > best_rate
                                  : best_c == n || rate < best_rate ||
                                        (rate == best_rate && d > best_d);
        if (better) {
          best_rate = rate;
          best_c = c;
          best_d = d;
          best_cost = t;
        }
      }
    }
    if (best_c == n) break;  // no widening saves anything / every column at its minimum
    width[best_c] = widen ? width[best_c] + best_d : width[best_c] - best_d;
    budget -= best_d;
    current = best_cost;
  }
  return current;
}

// The text columns of phase 2 share what is left of `limit` so that the table
// has the fewest lines (counted on its first `sample` rows): long names get
// room before short cells wrap needlessly. Two greedy searches, widening from
// the minimum and narrowing from the natural widths; the better one wins.
void AllocateForFewestLines(const Grid& g, std::vector<size_t>& width,
                            const std::vector<size_t>& min, const std::vector<int>& phase,
                            size_t sample, size_t limit) {
  const size_t n = width.size();
  const std::vector<size_t> natural = width;
  std::vector<size_t> free, narrow = width;
  for (size_t c = 0; c < n; ++c) {
    if (phase[c] == 2 && width[c] > min[c]) {
      free.push_back(c);
      width[c] = min[c];
    }
  }
  const size_t total = TotalWidth(width);
  if (total >= limit || free.empty()) return;
  LineCounts lines(g, sample);
  const size_t widened =
      GreedyWidths(lines, width, natural, free, limit - total, Search::kWiden);
  const size_t narrowed =
      GreedyWidths(lines, narrow, min, free, TotalWidth(narrow) - limit, Search::kNarrow);
  if (narrowed < widened && TotalWidth(narrow) <= limit) width = narrow;
  // What is left goes to the columns still short of their natural width.
  size_t budget = limit - std::min(limit, TotalWidth(width));
  while (budget > 0) {
    size_t pick = n;
    for (size_t c : free) {
      if (width[c] >= natural[c]) continue;
      if (pick == n || natural[c] - width[c] > natural[pick] - width[pick]) pick = c;
    }
    if (pick == n) break;
    ++width[pick];
    --budget;
  }
}

std::string Pad(const std::string& s, size_t width, bool right) {
  const size_t w = DisplayWidth(s);
  const std::string fill(width > w ? width - w : 0, ' ');
  return right ? fill + s : s + fill;
}

// One row of cells, each already wrapped to its column, as one or more lines.
void WriteRowLines(const std::vector<std::vector<std::string>>& parts,
                   const std::vector<size_t>& width, const std::vector<bool>& right,
                   std::ostream& out) {
  const size_t n = parts.size();
  size_t height = 1;
  for (const auto& p : parts) height = std::max(height, p.size());
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

// Replaces the cells of the footnote columns by markers ("[1]") and returns
// the distinct texts in order of first appearance.
std::vector<std::string> TakeFootnotes(Grid& g) {
  std::vector<std::string> notes;
  for (size_t c = 0; c < g.header.size(); ++c) {
    if (!g.footnote[c]) continue;
    for (auto& row : g.rows) {
      std::string& cell = row[c];
      if (cell.empty()) continue;
      auto it = std::find(notes.begin(), notes.end(), cell);
      const size_t k = static_cast<size_t>(it - notes.begin()) + 1;
      if (it == notes.end()) notes.push_back(cell);
      cell = absl::StrCat("[", k, "]");
    }
  }
  return notes;
}

// "[k] text" for each note, wrapped to `width` with the continuation lines
// indented under the text (no wrapping when width is 0).
void WriteFootnotes(const std::vector<std::string>& notes, size_t width, std::ostream& out) {
  if (notes.empty()) return;
  out << '\n';
  const size_t indent = std::to_string(notes.size()).size() + 3;  // "[12] "
  for (size_t k = 0; k < notes.size(); ++k) {
    std::string marker = absl::StrCat("[", k + 1, "]");
    marker.resize(indent, ' ');
    const std::vector<std::string> lines =
        width > indent ? WrapToWidth(notes[k], width - indent) : std::vector{notes[k]};
    for (size_t i = 0; i < lines.size(); ++i) {
      out << (i == 0 ? marker : std::string(indent, ' ')) << lines[i] << '\n';
    }
  }
}

// Takes the heading columns out of the grid: the text above each row
// ("" when it is the same as the row before), the heading columns' cells
// joined by " · ".
std::vector<std::string> TakeHeadings(Grid& g) {
  std::vector<std::string> headings(g.rows.size());
  std::vector<size_t> keep;
  for (size_t c = 0; c < g.header.size(); ++c) {
    if (!g.heading[c]) keep.push_back(c);
  }
  if (keep.size() == g.header.size()) return headings;
  std::string previous;
  for (size_t r = 0; r < g.rows.size(); ++r) {
    std::string text;
    for (size_t c = 0; c < g.header.size(); ++c) {
      if (!g.heading[c] || g.rows[r][c].empty()) continue;
      if (!text.empty()) text += " · ";
      text += g.rows[r][c];
    }
    if (r == 0 || text != previous) headings[r] = text.empty() ? " " : text;
    previous = std::move(text);
  }
  auto pick = [&](auto& v) {
    std::decay_t<decltype(v)> out;
    for (size_t c : keep) out.push_back(v[c]);
    v = std::move(out);
  };
  pick(g.header);
  pick(g.right);
  pick(g.wrap_first);
  pick(g.footnote);
  pick(g.heading);
  for (auto& row : g.rows) pick(row);
  return headings;
}

void WriteTerminal(Grid g, size_t limit, std::ostream& out) {
  // The layout is chosen on the first rows: enough to see the table's shape,
  // bounded for tables of any length.
  constexpr size_t kLayoutRows = 400;
  constexpr size_t kMinWidth = 8;
  // Words up to this width are not broken when the columns fit without.
  constexpr size_t kWholeWord = 16;
  const std::vector<std::string> notes = TakeFootnotes(g);
  const std::vector<std::string> headings = TakeHeadings(g);
  const size_t n = g.header.size();
  std::vector<size_t> width(n, 0), min(n, 0), cells(n, 0), words(n, 0);
  std::vector<int> phase(n, 2);
  for (const auto& r : g.rows) {
    for (size_t c = 0; c < n; ++c) {
      cells[c] = std::max(cells[c], DisplayWidth(r[c]));
      if (!g.right[c]) words[c] = std::max(words[c], std::min(kWholeWord, LongestWord(r[c])));
    }
  }
  for (size_t c = 0; c < n; ++c) {
    width[c] = std::max(cells[c], DisplayWidth(g.header[c]));
    min[c] = g.right[c] ? std::max(cells[c], LongestWord(g.header[c]))
                        : std::min(width[c], std::max(kMinWidth, LongestWord(g.header[c])));
    phase[c] = g.right[c] ? 0 : g.wrap_first[c] ? 1 : 2;
  }
  if (limit > 0) {
    FitWidths(width, min, phase, limit, 1);
    if (TotalWidth(width) > limit) {
      // Whole words where that fits.
      std::vector<size_t> whole = min, floor = width;
      for (size_t c = 0; c < n; ++c) {
        if (phase[c] != 2) continue;
        whole[c] = std::min(width[c], std::max(min[c], words[c]));
        floor[c] = whole[c];
      }
      AllocateForFewestLines(g, width, TotalWidth(floor) <= limit ? whole : min, phase,
                             std::min(g.rows.size(), kLayoutRows), limit);
    }
  }
  std::vector<std::vector<std::string>> parts(n);
  for (size_t c = 0; c < n; ++c) parts[c] = WrapToWidth(g.header[c], width[c]);
  WriteRowLines(parts, width, g.right, out);
  std::string rule;
  for (size_t c = 0; c < n; ++c) {
    if (c > 0) rule += "  ";
    for (size_t i = 0; i < width[c]; ++i) rule += "─";
  }
  out << rule << '\n';
  const size_t table_width = DisplayWidth(rule);
  for (size_t r = 0; r < g.rows.size(); ++r) {
    if (!headings[r].empty()) {
      // A heading line over the rows it covers, as wide as the table.
      for (const std::string& line : WrapToWidth(headings[r], std::max(table_width, kMinWidth))) {
        out << line << '\n';
      }
    }
    for (size_t c = 0; c < n; ++c) parts[c] = WrapToWidth(g.rows[r][c], width[c]);
    WriteRowLines(parts, width, g.right, out);
  }
  // The notes as wide as the table, but not narrower than a readable line.
  constexpr size_t kMinNoteWidth = 60;
  size_t note_width = table_width;
  if (note_width < kMinNoteWidth) {
    note_width = limit > 0 ? std::min(limit, kMinNoteWidth) : kMinNoteWidth;
  }
  WriteFootnotes(notes, note_width, out);
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
