#include "zvdj/trend_report.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "absl/strings/str_format.h"
#include "zvdj/assessment.hpp"
#include "zvdj/publish/notes_nl.h"
#include "zvdj/stats/table_columns.h"
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

namespace {

// A trend result as a table: each row's series as key columns, then `columns`.
template <typename R, typename Result, typename Rows>
Table SeriesTable(const Result& table, const Rows& rows,
                  const std::vector<internal::ColumnOf<R>>& columns) {
  Table t;
  const KeyColumns k = AddKeyColumns(t, table);
  const size_t n_dims = table.dimension_names.size();
  internal::AppendColumns<R>(t, rows, columns, [&](Table& out, const R& r) {
    const TrendSeries& s = table.series[r.series];
    KeyCells(out, k, s, n_dims, s.indicator);
  });
  return t;
}

}  // namespace

Table ToTable(const TrendTable& table) {
  using R = TrendRow;
  using internal::NoteColumn, internal::NumberColumn, internal::TextColumn;
  const auto series = [&table](const R& r) -> const TrendSeries& {
    return table.series[r.series];
  };
  constexpr ColumnRole kKey = ColumnRole::kKey, kValue = ColumnRole::kValue;
  return SeriesTable<R>(
      table, table.rows,
      {
          TextColumn<R>("period", kKey, [](const R& r) { return r.period.ToString(); }),
          NumberColumn<R>("value", [](const R& r) { return r.value; }),
          TextColumn<R>("status", kValue,
                        [](const R& r) { return std::string(StatusSymbol(r.status)); }),
          TextColumn<R>("prev_period", kValue,
                        [](const R& r) { return PeriodText(r.prev_period); }),
          NumberColumn<R>("abs_change", [](const R& r) { return r.abs_change; }),
          NumberColumn<R>("rel_change_pct", [](const R& r) { return r.rel_change_pct; }),
          NumberColumn<R>("pp_change", [](const R& r) { return r.pp_change; }),
          NumberColumn<R>("prev_value", [](const R& r) { return r.prev_value; }),
          TextColumn<R>("prev_status", kValue,
                        [](const R& r) {
                          return r.prev_status ? std::string(StatusSymbol(*r.prev_status)) : "";
                        }),
          NumberColumn<R>("index", [](const R& r) { return r.index; }),
          TextColumn<R>("unit", kValue,
                        [=](const R& r) { return std::string(UnitName(series(r).unit)); }),
          TextColumn<R>("direction", kValue,
                        [=](const R& r) {
                          return std::string(DirectionName(series(r).direction));
                        }),
          TextColumn<R>("flags", kValue, [](const R& r) { return TrendFlagsString(r.flags); }),
          NoteColumn<R>("note", [](const R& r) { return r.note; }),
      });
}

Table ToTable(const SummaryTable& table) {
  using R = TrendSummary;
  using internal::IntegerColumn, internal::NoteColumn, internal::NumberColumn,
      internal::TextColumn;
  const auto series = [&table](const R& s) -> const TrendSeries& {
    return table.series[s.series];
  };
  constexpr ColumnRole kValue = ColumnRole::kValue;
  return SeriesTable<R>(
      table, table.summaries,
      {
          TextColumn<R>("first_period", kValue,
                        [](const R& s) { return PeriodText(s.first_period); }),
          TextColumn<R>("last_period", kValue,
                        [](const R& s) { return PeriodText(s.last_period); }),
          NumberColumn<R>("first_value", [](const R& s) { return s.first_value; }),
          NumberColumn<R>("last_value", [](const R& s) { return s.last_value; }),
          NumberColumn<R>("abs_change", [](const R& s) { return s.abs_change; }),
          NumberColumn<R>("rel_change_pct", [](const R& s) { return s.rel_change_pct; }),
          NumberColumn<R>("pp_change", [](const R& s) { return s.pp_change; }),
          NumberColumn<R>("cagr_pct", [](const R& s) { return s.cagr_pct; }),
          TextColumn<R>("assessment", kValue, [](const R& s) { return s.assessment; }),
          IntegerColumn<R>("n_periods",
                           [](const R& s) { return static_cast<double>(s.n_periods); }),
          NumberColumn<R>("years", [](const R& s) { return s.years; }),
          NumberColumn<R>("theil_sen_slope", [](const R& s) { return s.theil_sen_slope; }),
          IntegerColumn<R>("mk_s", [](const R& s) { return Count(s.mk_s); }),
          NumberColumn<R>("mk_tau", [](const R& s) { return s.mk_tau; }),
          NumberColumn<R>("mk_p", [](const R& s) { return s.mk_p; }),
          TextColumn<R>("mk_method", kValue,
                        [](const R& s) {
                          return s.mk_method ? std::string(MannKendallMethodName(*s.mk_method))
                                             : "";
                        }),
          TextColumn<R>("unit", kValue,
                        [=](const R& s) { return std::string(UnitName(series(s).unit)); }),
          TextColumn<R>("direction", kValue,
                        [=](const R& s) {
                          return std::string(DirectionName(series(s).direction));
                        }),
          TextColumn<R>("assessment_text", kValue, [](const R& s) { return s.assessment_text; }),
          TextColumn<R>("flags", kValue, [](const R& s) { return TrendFlagsString(s.flags); }),
          NoteColumn<R>("note", [](const R& s) { return s.note; }),
      });
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

// csv and json are the result table itself (English ids, every column); md
// and table are the reader's table made by the caller. True when written.
template <typename Result>
bool WroteResultTable(const Result& table, ReportFormat format, std::ostream& out,
                      const ReportOptions& options) {
  if (format != ReportFormat::kCsv && format != ReportFormat::kJson) return false;
  WriteTable(ToTable(table), format, out, options.table);
  return true;
}

const Catalogue& CatalogueOf(const ReportOptions& options) {
  return options.catalogue ? *options.catalogue : Catalogue::BuiltIn();
}

const RegionNames& RegionNamesOf(const ReportOptions& options) {
  return options.region_names ? *options.region_names : RegionNames::BuiltIn();
}

}  // namespace

void WriteTrendRows(const TrendTable& table, ReportFormat format, std::ostream& out,
                    const ReportOptions& options) {
  if (WroteResultTable(table, format, out, options)) return;
  const Catalogue& cat = CatalogueOf(options);
  const RegionNames& names = RegionNamesOf(options);
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
  if (WroteResultTable(table, format, out, options)) return;
  const Catalogue& cat = CatalogueOf(options);
  const RegionNames& names = RegionNamesOf(options);
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
