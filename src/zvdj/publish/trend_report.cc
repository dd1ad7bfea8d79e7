#include "zvdj/trend_report.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "absl/strings/str_format.h"
#include "zvdj/assessment.hpp"
#include "zvdj/publish/notes_nl.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/names.hpp"
#include "zvdj/number_format.hpp"

namespace zvdj {
inline namespace v1 {
namespace {

// ---- Machine tables (csv, json) ----------------------------------------------

// The key columns of rows and summaries: indicator, region, dimensions.
struct KeyColumns {
  size_t indicator, region, first_dim;
};

template <typename Table_>
KeyColumns AddKeyColumns(Table& t, const Table_& table) {
  KeyColumns k{};
  k.indicator = t.AddText("indicator", ColumnRole::kKey);
  k.region = t.AddText("region", ColumnRole::kKey);
  k.first_dim = t.columns().size();
  for (const std::string& d : table.dimension_names) t.AddText(d, ColumnRole::kDimension);
  return k;
}

// `indicator` is the id (csv/json) or the name shown to readers.
// `names`: the region's name for readers (md/table); null keeps the code.
void KeyCells(Table& t, const KeyColumns& k, const TrendSeries& s, size_t n_dims,
              std::string indicator, const RegionNames* names = nullptr) {
  t.Text(k.indicator, std::move(indicator));
  t.Text(k.region, names ? names->Label(s.region) : s.region);
  for (size_t d = 0; d < n_dims; ++d) {
    t.Text(k.first_dim + d, d < s.dims.size() ? s.dims[d] : std::string());
  }
}

std::optional<double> Count(std::optional<int64_t> v) {
  if (!v) return std::nullopt;
  return static_cast<double>(*v);
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

std::string ValueWithStatus(std::optional<double> v, ValueStatus st, Unit unit, int dec) {
  if (!v) return std::string(StatusSymbol(st));
  std::string s = ShowValue(v, unit, dec);
  if (IsProvisional(st)) s += StatusSymbol(st);
  return s;
}

}  // namespace

absl::StatusOr<ReportFormat> ParseReportFormat(std::string_view name) {
  return ParseEnum<TableFormat>(name);
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

Table ToTable(const TrendTable& table) {
  Table t;
  const KeyColumns k = AddKeyColumns(t, table);
  const size_t period = t.AddText("period", ColumnRole::kKey);
  const size_t value = t.AddNumber("value");
  const size_t status = t.AddText("status");
  const size_t prev_period = t.AddText("prev_period");
  const size_t abs_change = t.AddNumber("abs_change");
  const size_t rel_change = t.AddNumber("rel_change_pct");
  const size_t pp_change = t.AddNumber("pp_change");
  const size_t prev_value = t.AddNumber("prev_value");
  const size_t prev_status = t.AddText("prev_status");
  const size_t index = t.AddNumber("index");
  const size_t unit = t.AddText("unit");
  const size_t direction = t.AddText("direction");
  const size_t flags = t.AddText("flags");
  const size_t note = t.AddText("note");
  t.column(note).wrap_first = true;
  const size_t n_dims = table.dimension_names.size();
  for (const TrendRow& r : table.rows) {
    const TrendSeries& s = table.series[r.series];
    KeyCells(t, k, s, n_dims, s.indicator);
    t.Text(period, r.period.ToString());
    t.Number(value, r.value);
    t.Text(status, std::string(StatusSymbol(r.status)));
    t.Text(prev_period, PeriodText(r.prev_period));
    t.Number(abs_change, r.abs_change);
    t.Number(rel_change, r.rel_change_pct);
    t.Number(pp_change, r.pp_change);
    t.Number(prev_value, r.prev_value);
    t.Text(prev_status, r.prev_status ? std::string(StatusSymbol(*r.prev_status)) : "");
    t.Number(index, r.index);
    t.Text(unit, std::string(UnitName(s.unit)));
    t.Text(direction, std::string(DirectionName(s.direction)));
    t.Text(flags, TrendFlagsString(r.flags));
    t.Text(note, r.note);
    t.EndRow();
  }
  return t;
}

Table ToTable(const SummaryTable& table) {
  Table t;
  const KeyColumns k = AddKeyColumns(t, table);
  const size_t first_period = t.AddText("first_period");
  const size_t last_period = t.AddText("last_period");
  const size_t first_value = t.AddNumber("first_value");
  const size_t last_value = t.AddNumber("last_value");
  const size_t abs_change = t.AddNumber("abs_change");
  const size_t rel_change = t.AddNumber("rel_change_pct");
  const size_t pp_change = t.AddNumber("pp_change");
  const size_t cagr = t.AddNumber("cagr_pct");
  const size_t assessment = t.AddText("assessment");
  const size_t n_periods = t.AddInteger("n_periods");
  const size_t years = t.AddNumber("years");
  const size_t slope = t.AddNumber("theil_sen_slope");
  const size_t mk_s = t.AddInteger("mk_s");
  const size_t mk_tau = t.AddNumber("mk_tau");
  const size_t mk_p = t.AddNumber("mk_p");
  const size_t mk_method = t.AddText("mk_method");
  const size_t unit = t.AddText("unit");
  const size_t direction = t.AddText("direction");
  const size_t text = t.AddText("assessment_text");
  const size_t flags = t.AddText("flags");
  const size_t note = t.AddText("note");
  t.column(note).wrap_first = true;
  const size_t n_dims = table.dimension_names.size();
  for (const TrendSummary& s : table.summaries) {
    const TrendSeries& se = table.series[s.series];
    KeyCells(t, k, se, n_dims, se.indicator);
    t.Text(first_period, PeriodText(s.first_period));
    t.Text(last_period, PeriodText(s.last_period));
    t.Number(first_value, s.first_value);
    t.Number(last_value, s.last_value);
    t.Number(abs_change, s.abs_change);
    t.Number(rel_change, s.rel_change_pct);
    t.Number(pp_change, s.pp_change);
    t.Number(cagr, s.cagr_pct);
    t.Text(assessment, s.assessment);
    t.Number(n_periods, static_cast<double>(s.n_periods));
    t.Number(years, s.years);
    t.Number(slope, s.theil_sen_slope);
    t.Number(mk_s, Count(s.mk_s));
    t.Number(mk_tau, s.mk_tau);
    t.Number(mk_p, s.mk_p);
    t.Text(mk_method, s.mk_method ? std::string(MannKendallMethodName(*s.mk_method)) : "");
    t.Text(unit, std::string(UnitName(se.unit)));
    t.Text(direction, std::string(DirectionName(se.direction)));
    t.Text(text, s.assessment_text);
    t.Text(flags, TrendFlagsString(s.flags));
    t.Text(note, s.note);
    t.EndRow();
  }
  return t;
}

namespace {

// The reader's table: Dutch labels, formatted cells (right-aligned where they
// hold numbers), the series' dimensions as dimension columns.
struct ReaderColumns {
  Table t;
  KeyColumns k;
  std::vector<size_t> cols;  // after the key columns, in header order
};

template <typename Table_>
ReaderColumns MakeReader(const Table_& table, std::initializer_list<const char*> headers,
                         std::initializer_list<size_t> right) {
  ReaderColumns r;
  r.k = AddKeyColumns(r.t, table);
  r.t.column(r.k.indicator).label = "Indicator";
  r.t.column(r.k.indicator).heading = true;
  r.t.column(r.k.region).label = "Regio";
  size_t i = 0;
  for (const char* h : headers) {
    const size_t c = r.t.AddText(h);
    for (size_t x : right) r.t.column(c).align_right |= (x == i);
    // Notes repeat over many series: footnotes in the terminal table.
    r.t.column(c).wrap_first = r.t.column(c).footnote = std::string_view(h) == "Opmerking";
    r.cols.push_back(c);
    ++i;
  }
  return r;
}

}  // namespace

void WriteTrendRows(const TrendTable& table, ReportFormat format, std::ostream& out,
                    const ReportOptions& options) {
  if (format == ReportFormat::kCsv || format == ReportFormat::kJson) {
    WriteTable(ToTable(table), format, out, options.table);
    return;
  }
  const Catalogue& cat = options.catalogue ? *options.catalogue : Catalogue::BuiltIn();
  const RegionNames& names = options.region_names ? *options.region_names : RegionNames::BuiltIn();
  ReaderColumns rc = MakeReader(table, {"Periode", "Waarde", "Vorige", "Verandering", "Verschil",
                                        "Index", "Opmerking"},
                                {1, 3, 4, 5});
  Table& t = rc.t;
  const std::vector<size_t>& c = rc.cols;
  // Decimals per series, over its values.
  std::vector<int> dec(table.series.size(), 0);
  for (const TrendRow& r : table.rows) {
    dec[r.series] = std::max(dec[r.series], DecimalsFor({r.value}));
  }
  for (const TrendRow& r : table.rows) {
    const TrendSeries& s = table.series[r.series];
    const int d = dec[r.series];
    KeyCells(t, rc.k, s, table.dimension_names.size(), NameNl(cat, s.indicator), &names);
    t.Text(c[0], DisplayPeriod(r.period));
    t.Text(c[1], ValueWithStatus(r.value, r.status, s.unit, d));
    t.Text(c[2], r.prev_value ? DisplayPeriod(*r.prev_period) : "");
    t.Text(c[3], ShowChange(s.unit, r.pp_change, r.rel_change_pct, d));
    t.Text(c[4], s.unit == Unit::kCount && r.abs_change ? FormatDutchSigned(*r.abs_change, d)
                                                          : "");
    t.Text(c[5], r.index ? FormatDutch(*r.index, 1) : "");
    t.Text(c[6], internal::NoteNl(r.note, options.breaks));
    t.EndRow();
  }
  WriteTable(t, format, out, options.table);
}

void WriteTrendSummaries(const SummaryTable& table, ReportFormat format, std::ostream& out,
                         const ReportOptions& options) {
  if (format == ReportFormat::kCsv || format == ReportFormat::kJson) {
    WriteTable(ToTable(table), format, out, options.table);
    return;
  }
  const Catalogue& cat = options.catalogue ? *options.catalogue : Catalogue::BuiltIn();
  const RegionNames& names = options.region_names ? *options.region_names : RegionNames::BuiltIn();
  ReaderColumns rc = MakeReader(table, {"Van", "Tot", "Begin", "Eind", "Verandering", "Verschil",
                                        "Groei per jaar", "Beoordeling", "Opmerking"},
                                {2, 3, 4, 5, 6});
  Table& t = rc.t;
  const std::vector<size_t>& c = rc.cols;
  for (const TrendSummary& s : table.summaries) {
    const TrendSeries& se = table.series[s.series];
    const int d = DecimalsFor({s.first_value, s.last_value});
    KeyCells(t, rc.k, se, table.dimension_names.size(), NameNl(cat, se.indicator), &names);
    t.Text(c[0], s.first_period ? DisplayPeriod(*s.first_period) : "");
    t.Text(c[1], s.last_period ? DisplayPeriod(*s.last_period) : "");
    t.Text(c[2], ShowValue(s.first_value, se.unit, d));
    t.Text(c[3], ShowValue(s.last_value, se.unit, d));
    t.Text(c[4], ShowChange(se.unit, s.pp_change, s.rel_change_pct, d));
    t.Text(c[5], se.unit == Unit::kCount && s.abs_change ? FormatDutchSigned(*s.abs_change, d)
                                                           : "");
    t.Text(c[6], s.cagr_pct ? FormatDutchSigned(*s.cagr_pct, 1) + "%" : "");
    t.Text(c[7], AssessmentShown(s));
    t.Text(c[8], internal::NoteNl(s.note, options.breaks));
    t.EndRow();
  }
  WriteTable(t, format, out, options.table);
}

}  // namespace v1
}  // namespace zvdj
