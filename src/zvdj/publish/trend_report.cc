#include "zvdj/trend_report.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <vector>

#include "absl/strings/str_format.h"
#include "zvdj/assessment.hpp"
#include "zvdj/dataset_io.hpp"
#include "zvdj/number_format.hpp"

namespace zvdj {
inline namespace v1 {
namespace {

// ---- Machine formats (csv, json) -------------------------------------------

struct Cell {
  enum Kind : uint8_t { kNull, kNumber, kText } kind = kNull;
  double number = 0;
  std::string text;
};

Cell Num(std::optional<double> v) {
  Cell c;
  if (v && std::isfinite(*v)) {
    c.kind = Cell::kNumber;
    c.number = *v;
  }
  return c;
}
Cell Text(std::string s) {
  Cell c;
  c.kind = Cell::kText;
  c.text = std::move(s);
  return c;
}
// Empty text is missing (null in json).
Cell OptText(std::string s) { return s.empty() ? Cell{} : Text(std::move(s)); }

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += absl::StrFormat("\\u%04x", c);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
  return out;
}

// A column: name and how to get the cell of item i.
template <typename Item>
struct Column {
  std::string name;
  std::function<Cell(const Item&)> get;
};

template <typename Item>
void WriteMachine(const std::vector<Item>& items, const std::vector<Column<Item>>& cols,
                  ReportFormat format, std::ostream& out) {
  if (format == ReportFormat::kCsv) {
    for (size_t c = 0; c < cols.size(); ++c) out << (c ? "," : "") << CsvEscape(cols[c].name);
    out << '\n';
    std::string line;
    for (const Item& it : items) {
      line.clear();
      for (size_t c = 0; c < cols.size(); ++c) {
        if (c) line.push_back(',');
        const Cell cell = cols[c].get(it);
        if (cell.kind == Cell::kNumber) {
          line += FormatPlain(cell.number);
        } else if (cell.kind == Cell::kText) {
          line += CsvEscape(cell.text);
        }
      }
      line.push_back('\n');
      out << line;
    }
    return;
  }
  out << '[';
  bool first = true;
  std::string obj;
  for (const Item& it : items) {
    obj = first ? "\n  {" : ",\n  {";
    first = false;
    for (size_t c = 0; c < cols.size(); ++c) {
      if (c) obj += ", ";
      obj += JsonString(cols[c].name);
      obj += ": ";
      const Cell cell = cols[c].get(it);
      if (cell.kind == Cell::kNumber) {
        obj += FormatPlain(cell.number);
      } else if (cell.kind == Cell::kText) {
        obj += JsonString(cell.text);
      } else {
        obj += "null";
      }
    }
    obj.push_back('}');
    out << obj;
  }
  out << (first ? "]\n" : "\n]\n");
}

template <typename Item, typename Table>
std::vector<Column<Item>> KeyColumns(const Table& table) {
  std::vector<Column<Item>> cols;
  cols.push_back({"indicator", [&table](const Item& r) {
                    return Text(table.series[r.series].indicator);
                  }});
  cols.push_back({"region", [&table](const Item& r) {
                    return Text(table.series[r.series].region);
                  }});
  for (size_t d = 0; d < table.dimension_names.size(); ++d) {
    cols.push_back({table.dimension_names[d], [&table, d](const Item& r) {
                      return Text(table.series[r.series].dims[d]);
                    }});
  }
  return cols;
}

std::string PeriodText(const std::optional<Period>& p) { return p ? p->ToString() : ""; }

// ---- Reader formats (md, table) ---------------------------------------------


// Smallest number of decimals (0..2) that shows every value exactly.
int DecimalsFor(std::initializer_list<std::optional<double>> values) {
  int dec = 0;
  for (const auto& v : values) {
    if (!v) continue;
    for (int d = dec; d <= 2; ++d) {
      const double scaled = *v * std::pow(10.0, d);
      dec = d;
      if (std::fabs(scaled - std::round(scaled)) < 1e-6) break;
    }
  }
  return dec;
}

std::string ShowValue(std::optional<double> v, Unit unit, int dec) {
  if (!v) return "";
  return unit == Unit::kPercentage ? FormatDutchPercent(*v, dec) : FormatDutch(*v, dec);
}

// Change with the right unit: pp for percentages, relative % for counts.
std::string ShowChange(Unit unit, std::optional<double> pp, std::optional<double> rel, int dec) {
  if (unit == Unit::kPercentage) {
    return pp ? FormatDutchSigned(*pp, dec) + " procentpunt" : "";
  }
  return rel ? FormatDutchSigned(*rel, 1) + "%" : "";
}

std::string NameNl(const Catalogue& cat, const std::string& id) {
  const IndicatorDef* def = cat.Find(id);
  return def && !def->name_nl.empty() ? def->name_nl : id;
}

std::string AssessmentShown(const TrendSummary& s) {
  const std::string& c = s.assessment;
  if (c.empty()) return "";
  if (c == "no_direction") return "–";
  if (c == "not_assessed") return "niet beoordeeld";
  std::string arrow = "=";
  if (s.abs_change && *s.abs_change > 0) arrow = "▲";
  if (s.abs_change && *s.abs_change < 0) arrow = "▼";
  if (arrow == "=" && c != "target_achieved") return "= geen verandering";
  std::string word;
  if (c == "on_track" || c == "improvement" || c == "target_achieved") {
    word = "goede richting";
  } else if (c == "acceleration_needed") {
    word = "goede richting, te langzaam";
  } else if (c == "limited_progress") {
    word = "goede richting, beperkt";
  } else if (c == "deterioration" || c == "worsening") {
    word = "verkeerde richting";
  } else if (c == "no_change") {
    word = "geen verandering";
  } else {
    word = c;
  }
  return arrow + " " + word;
}

struct Grid {
  std::vector<std::string> header;
  std::vector<bool> numeric;  // right-aligned
  std::vector<std::vector<std::string>> rows;
};

std::string Pad(const std::string& s, size_t width, bool right) {
  const size_t w = DisplayWidth(s);
  const std::string fill(width > w ? width - w : 0, ' ');
  return right ? fill + s : s + fill;
}

void WriteGrid(const Grid& g, ReportFormat format, std::ostream& out) {
  const size_t n = g.header.size();
  if (format == ReportFormat::kMarkdown) {
    auto esc = [](const std::string& s) {
      std::string o;
      for (char c : s) {
        if (c == '|') o += "\\|";
        else if (c == '\n') o += ' ';
        else o.push_back(c);
      }
      return o;
    };
    out << '|';
    for (const auto& h : g.header) out << ' ' << esc(h) << " |";
    out << "\n|";
    for (size_t c = 0; c < n; ++c) out << (g.numeric[c] ? " ---: |" : " --- |");
    out << '\n';
    for (const auto& r : g.rows) {
      out << '|';
      for (const auto& cell : r) out << ' ' << esc(cell) << " |";
      out << '\n';
    }
    return;
  }
  std::vector<size_t> width(n, 0);
  for (size_t c = 0; c < n; ++c) width[c] = DisplayWidth(g.header[c]);
  for (const auto& r : g.rows) {
    for (size_t c = 0; c < n; ++c) width[c] = std::max(width[c], DisplayWidth(r[c]));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s;
    for (size_t c = 0; c < n; ++c) {
      if (c) s += "  ";
      s += Pad(cells[c], width[c], g.numeric[c]);
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out << s << '\n';
  };
  line(g.header);
  std::string rule;
  for (size_t c = 0; c < n; ++c) {
    if (c) rule += "  ";
    for (size_t i = 0; i < width[c]; ++i) rule += "─";
  }
  out << rule << '\n';
  for (const auto& r : g.rows) line(r);
}

std::string DimShown(const std::string& v) { return v.empty() ? "totaal" : v; }

// Dimension columns worth showing to a reader: those with a non-total value in
// at least one displayed row (csv and json keep every column).
template <typename Item>
std::vector<size_t> ShownDims(const std::vector<Item>& items,
                              const std::vector<TrendSeries>& series, size_t n_dims) {
  std::vector<bool> used(n_dims, false);
  for (const Item& it : items) {
    const TrendSeries& s = series[it.series];
    for (size_t d = 0; d < n_dims && d < s.dims.size(); ++d) {
      used[d] = used[d] || !s.dims[d].empty();
    }
  }
  std::vector<size_t> out;
  for (size_t d = 0; d < n_dims; ++d) {
    if (used[d]) out.push_back(d);
  }
  return out;
}

std::string ValueWithStatus(std::optional<double> v, ValueStatus st, Unit unit, int dec) {
  if (!v) return std::string(StatusSymbol(st));
  std::string s = ShowValue(v, unit, dec);
  if (IsProvisional(st)) s += StatusSymbol(st);
  return s;
}

}  // namespace

absl::StatusOr<ReportFormat> ParseReportFormat(std::string_view name) {
  if (name == "csv") return ReportFormat::kCsv;
  if (name == "json") return ReportFormat::kJson;
  if (name == "md" || name == "markdown") return ReportFormat::kMarkdown;
  if (name == "table") return ReportFormat::kTable;
  return absl::InvalidArgumentError(
      absl::StrFormat("unknown format '%s' (expected csv, json, md or table)", std::string(name)));
}

size_t DisplayWidth(std::string_view text) {
  size_t w = 0;
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    uint32_t cp;
    size_t len;
    if (c < 0x80) { cp = c; len = 1; }
    else if ((c >> 5) == 6) { cp = c & 0x1Fu; len = 2; }
    else if ((c >> 4) == 14) { cp = c & 0x0Fu; len = 3; }
    else if ((c >> 3) == 30) { cp = c & 0x07u; len = 4; }
    else { ++w; ++i; continue; }  // stray byte
    for (size_t k = 1; k < len && i + k < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    }
    i += len;
    const bool combining = (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
                           (cp >= 0xFE20 && cp <= 0xFE2F);
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x1F300 && cp <= 0x1FAFF);
    w += combining ? 0 : wide ? 2 : 1;
  }
  return w;
}

std::string DisplayPeriod(Period p) {
  static constexpr const char* kMonths[] = {"januari", "februari", "maart",     "april",
                                            "mei",     "juni",     "juli",      "augustus",
                                            "september", "oktober", "november", "december"};
  switch (p.kind()) {
    case PeriodKind::kYear: return absl::StrFormat("%d", p.year());
    case PeriodKind::kHalfYear: return absl::StrFormat("%d H%d", p.year(), p.index());
    case PeriodKind::kQuarter: return absl::StrFormat("%d K%d", p.year(), p.index());
    case PeriodKind::kMonth:
      return absl::StrFormat("%s %d", kMonths[(p.index() + 11) % 12], p.year());
    case PeriodKind::kSchoolYear: return p.ToString();
    case PeriodKind::kPeildatum: {
      const Date d = p.first_day();
      return absl::StrFormat("%02d-%02d-%04d", d.day(), d.month(), d.year());
    }
  }
  return p.ToString();
}

void WriteTrendRows(const TrendTable& table, ReportFormat format, std::ostream& out,
                    const ReportOptions& options) {
  if (format == ReportFormat::kCsv || format == ReportFormat::kJson) {
    auto cols = KeyColumns<TrendRow>(table);
    auto add = [&cols](std::string name, std::function<Cell(const TrendRow&)> f) {
      cols.push_back({std::move(name), std::move(f)});
    };
    add("period", [](const TrendRow& r) { return Text(r.period.ToString()); });
    add("value", [](const TrendRow& r) { return Num(r.value); });
    add("status", [](const TrendRow& r) { return OptText(std::string(StatusSymbol(r.status))); });
    add("prev_period", [](const TrendRow& r) { return OptText(PeriodText(r.prev_period)); });
    add("abs_change", [](const TrendRow& r) { return Num(r.abs_change); });
    add("rel_change_pct", [](const TrendRow& r) { return Num(r.rel_change_pct); });
    add("pp_change", [](const TrendRow& r) { return Num(r.pp_change); });
    add("prev_value", [](const TrendRow& r) { return Num(r.prev_value); });
    add("prev_status", [](const TrendRow& r) {
      return r.prev_status ? OptText(std::string(StatusSymbol(*r.prev_status))) : Cell{};
    });
    add("index", [](const TrendRow& r) { return Num(r.index); });
    add("unit", [&table](const TrendRow& r) {
      return Text(std::string(UnitName(table.series[r.series].unit)));
    });
    add("direction", [&table](const TrendRow& r) {
      return Text(std::string(DirectionName(table.series[r.series].direction)));
    });
    add("flags", [](const TrendRow& r) { return OptText(TrendFlagsString(r.flags)); });
    add("note", [](const TrendRow& r) { return OptText(r.note); });
    WriteMachine(table.rows, cols, format, out);
    return;
  }
  const Catalogue& cat = options.catalogue ? *options.catalogue : Catalogue::BuiltIn();
  Grid g;
  const std::vector<size_t> dims =
      ShownDims(table.rows, table.series, table.dimension_names.size());
  g.header = {"Indicator", "Regio"};
  for (size_t d : dims) g.header.push_back(table.dimension_names[d]);
  for (const char* h : {"Periode", "Waarde", "Vorige", "Verandering", "Verschil", "Index",
                        "Opmerking"}) {
    g.header.push_back(h);
  }
  g.numeric.assign(g.header.size(), false);
  const size_t first_num = 2 + dims.size() + 1;
  for (size_t c = first_num; c < first_num + 5; ++c) g.numeric[c] = true;
  g.numeric[first_num + 1] = false;  // "Vorige" is a period
  // Decimals per series, over its values.
  std::vector<int> dec(table.series.size(), 0);
  for (const TrendRow& r : table.rows) {
    dec[r.series] = std::max(dec[r.series], DecimalsFor({r.value}));
  }
  for (const TrendRow& r : table.rows) {
    const TrendSeries& s = table.series[r.series];
    const int d = dec[r.series];
    std::vector<std::string> cells = {NameNl(cat, s.indicator), s.region};
    for (size_t dim : dims) cells.push_back(DimShown(s.dims[dim]));
    cells.push_back(DisplayPeriod(r.period));
    cells.push_back(ValueWithStatus(r.value, r.status, s.unit, d));
    cells.push_back(r.prev_value ? DisplayPeriod(*r.prev_period) : "");
    cells.push_back(ShowChange(s.unit, r.pp_change, r.rel_change_pct, d));
    cells.push_back(s.unit == Unit::kCount && r.abs_change ? FormatDutchSigned(*r.abs_change, d)
                                                           : "");
    cells.push_back(r.index ? FormatDutch(*r.index, 1) : "");
    cells.push_back(r.note);
    g.rows.push_back(std::move(cells));
  }
  WriteGrid(g, format, out);
}

void WriteTrendSummaries(const SummaryTable& table, ReportFormat format, std::ostream& out,
                         const ReportOptions& options) {
  if (format == ReportFormat::kCsv || format == ReportFormat::kJson) {
    auto cols = KeyColumns<TrendSummary>(table);
    auto add = [&cols](std::string name, std::function<Cell(const TrendSummary&)> f) {
      cols.push_back({std::move(name), std::move(f)});
    };
    add("first_period", [](const TrendSummary& s) { return OptText(PeriodText(s.first_period)); });
    add("last_period", [](const TrendSummary& s) { return OptText(PeriodText(s.last_period)); });
    add("first_value", [](const TrendSummary& s) { return Num(s.first_value); });
    add("last_value", [](const TrendSummary& s) { return Num(s.last_value); });
    add("abs_change", [](const TrendSummary& s) { return Num(s.abs_change); });
    add("rel_change_pct", [](const TrendSummary& s) { return Num(s.rel_change_pct); });
    add("pp_change", [](const TrendSummary& s) { return Num(s.pp_change); });
    add("cagr_pct", [](const TrendSummary& s) { return Num(s.cagr_pct); });
    add("assessment", [](const TrendSummary& s) { return OptText(s.assessment); });
    add("n_periods", [](const TrendSummary& s) {
      return Num(static_cast<double>(s.n_periods));
    });
    add("years", [](const TrendSummary& s) { return Num(s.years); });
    add("theil_sen_slope", [](const TrendSummary& s) { return Num(s.theil_sen_slope); });
    add("mk_s", [](const TrendSummary& s) {
      return s.mk_s ? Num(static_cast<double>(*s.mk_s)) : Cell{};
    });
    add("mk_tau", [](const TrendSummary& s) { return Num(s.mk_tau); });
    add("mk_p", [](const TrendSummary& s) { return Num(s.mk_p); });
    add("mk_method", [](const TrendSummary& s) {
      return s.mk_method ? Text(std::string(MannKendallMethodName(*s.mk_method))) : Cell{};
    });
    add("unit", [&table](const TrendSummary& s) {
      return Text(std::string(UnitName(table.series[s.series].unit)));
    });
    add("direction", [&table](const TrendSummary& s) {
      return Text(std::string(DirectionName(table.series[s.series].direction)));
    });
    add("assessment_text", [](const TrendSummary& s) { return OptText(s.assessment_text); });
    add("flags", [](const TrendSummary& s) { return OptText(TrendFlagsString(s.flags)); });
    add("note", [](const TrendSummary& s) { return OptText(s.note); });
    WriteMachine(table.summaries, cols, format, out);
    return;
  }
  const Catalogue& cat = options.catalogue ? *options.catalogue : Catalogue::BuiltIn();
  Grid g;
  const std::vector<size_t> dims =
      ShownDims(table.summaries, table.series, table.dimension_names.size());
  g.header = {"Indicator", "Regio"};
  for (size_t d : dims) g.header.push_back(table.dimension_names[d]);
  for (const char* h : {"Van", "Tot", "Begin", "Eind", "Verandering", "Verschil",
                        "Groei per jaar", "Beoordeling", "Opmerking"}) {
    g.header.push_back(h);
  }
  g.numeric.assign(g.header.size(), false);
  const size_t first = 2 + dims.size();
  for (size_t c = first + 2; c < first + 7; ++c) g.numeric[c] = true;
  for (const TrendSummary& s : table.summaries) {
    const TrendSeries& se = table.series[s.series];
    const int d = DecimalsFor({s.first_value, s.last_value});
    std::vector<std::string> cells = {NameNl(cat, se.indicator), se.region};
    for (size_t dim : dims) cells.push_back(DimShown(se.dims[dim]));
    cells.push_back(s.first_period ? DisplayPeriod(*s.first_period) : "");
    cells.push_back(s.last_period ? DisplayPeriod(*s.last_period) : "");
    cells.push_back(ShowValue(s.first_value, se.unit, d));
    cells.push_back(ShowValue(s.last_value, se.unit, d));
    cells.push_back(ShowChange(se.unit, s.pp_change, s.rel_change_pct, d));
    cells.push_back(se.unit == Unit::kCount && s.abs_change ? FormatDutchSigned(*s.abs_change, d)
                                                            : "");
    cells.push_back(s.cagr_pct ? FormatDutchSigned(*s.cagr_pct, 1) + "%" : "");
    cells.push_back(AssessmentShown(s));
    cells.push_back(s.note);
    g.rows.push_back(std::move(cells));
  }
  WriteGrid(g, format, out);
}

}  // namespace v1
}  // namespace zvdj
