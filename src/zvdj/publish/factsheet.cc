// Factsheet page: series per configured item, overview table, chart cards,
// latest change and assessment from the trend engine.
#include "zvdj/factsheet.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "zvdj/assessment.hpp"
#include "zvdj/number_format.hpp"
#include "zvdj/trend.hpp"
#include "zvdj/core/atomic_file.h"
#include "zvdj/publish/factsheet_chart.h"
#include "zvdj/core/strings.h"

namespace zvdj {
inline namespace v1 {
namespace {

using internal::ChartBreak;
using internal::ChartData;
using internal::ChartPoint;
using internal::ChartSeries;

// The file name stem of a chart: the indicator and the dimension selection,
// reduced to letters, digits, '_' and '-' so that a configuration cannot name
// a path ("../x", "/tmp/x") or a hidden file. '|' between dimension values
// becomes '_', anything else '-'; dimensions are lower-cased.
std::string ChartSlug(std::string_view indicator, std::string_view dims) {
  const auto keep = [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-';
  };
  std::string name;
  for (char ch : indicator) name += keep(ch) ? ch : '-';
  if (!dims.empty()) {
    name += '_';
    for (char ch : dims) {
      if (keep(ch)) {
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      } else {
        name += ch == '|' ? '_' : '-';
      }
    }
  }
  // Bounded, so that the name (plus "_NN.svg") stays well inside NAME_MAX.
  if (name.size() > 200) name.resize(200);
  if (name.empty()) name = "chart";
  return name;
}

// A region as readers know it: its name (the options' names, else the
// built-in ones), or its code.
std::string RegionLabel(const FactsheetOptions& o, std::string_view code) {
  const RegionNames& names = o.region_names ? *o.region_names : RegionNames::BuiltIn();
  return names.Label(code);
}

std::string DimValueLabel(std::string_view name, std::string_view value) {
  std::string v(value);
  std::replace(v.begin(), v.end(), '_', ' ');
  if (name == "age_group") return absl::StrCat(v, " jaar");
  return v;
}

// The key of a trend series: indicator, region, period kind and the values of
// every dataset dimension.
std::string SeriesKey(std::string_view indicator, std::string_view region, PeriodKind kind,
                      const std::vector<std::string>& dims) {
  return absl::StrCat(std::string(indicator), "\x1f", std::string(region), "\x1f",
                      static_cast<int>(kind), "\x1f", absl::StrJoin(dims, "\x1f"));
}

// One series of an item: a breakdown variant in one region.
struct ItemSeries {
  std::string label;
  std::string region;
  Dimensions variant;              // the item's dims for this series
  std::vector<std::string> full;   // value per dataset dimension ("" = total)
  std::vector<size_t> rows;        // dataset rows, chronological
  PeriodKind kind = PeriodKind::kYear;
};

struct LatestChange {
  std::optional<Period> period;
  std::string value_label;  // "10,1%"
  std::string change;       // "−0,3 procentpunt" or ""
  std::string versus;       // "t.o.v. 2018" or the reason there is no change
  int arrow = 0;            // +1 up, -1 down, 0 flat/none
  int sign = 0;             // assessment: +1 good, -1 bad, 0 neutral
  std::string assessment;   // Dutch text
};

class Builder {
 public:
  Builder(const Dataset& ds, const FactsheetOptions& o)
      : ds_(ds),
        opt_(o),
        cat_(o.catalogue != nullptr ? *o.catalogue : Catalogue::BuiltIn()),
        breaks_(o.breaks != nullptr ? *o.breaks : empty_breaks_) {
    trends_ = ComputeTrendRows(ds_, cat_, breaks_);
    sums_ = ComputeTrendSummaries(ds_, cat_, breaks_);
    AssessSummaries(sums_, CagrRule());
    for (size_t i = 0; i < sums_.summaries.size(); ++i) {
      const TrendSeries& s = sums_.series[sums_.summaries[i].series];
      sum_index_[Key(s, sums_.dimension_names)] = i;
    }
    for (size_t i = 0; i < trends_.rows.size(); ++i) {
      const TrendSeries& s = trends_.series[trends_.rows[i].series];
      trend_index_[Key(s, trends_.dimension_names)].push_back(i);
    }
  }

  absl::StatusOr<Factsheet> Build(const FactsheetConfig& config);

 private:
  // Key of a trend series, with dims re-aligned to the dataset's dimension order.
  std::string Key(const TrendSeries& s, const std::vector<std::string>& names) const {
    std::vector<std::string> dims(ds_.dimension_names().size());
    for (size_t i = 0; i < names.size() && i < s.dims.size(); ++i) {
      if (auto d = ds_.dimension_index(names[i])) dims[*d] = s.dims[i];
    }
    return SeriesKey(s.indicator, s.region, s.period_kind, dims);
  }

  std::vector<ItemSeries> Expand(const FactsheetItem& item);
  int Decimals(const std::vector<ItemSeries>& series) const;
  LatestChange Latest(const FactsheetItem& item, const ItemSeries& s, int decimals) const;
  ChartData Chart(const FactsheetItem& item, const std::vector<ItemSeries>& series, int decimals,
                  std::vector<std::string>* break_notes) const;
  std::string Title(const FactsheetItem& item) const {
    if (!item.title.empty()) return item.title;
    const IndicatorDef* d = cat_.Find(item.indicator);
    return d != nullptr ? d->name_nl : item.indicator;
  }
  std::string Source(const FactsheetItem& item, const std::vector<ItemSeries>& series,
                     std::vector<std::string>* notes) const;
  std::string TableHtml(const std::vector<const FactsheetItem*>& items);
  std::string CardHtml(const FactsheetItem& item, const std::string& svg,
                       const std::vector<ItemSeries>& series, int decimals,
                       const std::vector<std::string>& notes,
                       const std::vector<std::string>& break_notes) const;
  std::string PeriodKindText(const FactsheetItem& item, const std::vector<ItemSeries>& s) const;

  const Dataset& ds_;
  const FactsheetOptions& opt_;
  const Catalogue& cat_;
  BreakRegister empty_breaks_;
  const BreakRegister& breaks_;
  TrendTable trends_;
  SummaryTable sums_;
  std::map<std::string, size_t> sum_index_;
  std::map<std::string, std::vector<size_t>> trend_index_;
  std::vector<std::string> warnings_;
};

std::vector<ItemSeries> Builder::Expand(const FactsheetItem& item) {
  // Variants: the cartesian product of the listed values.
  std::vector<Dimensions> variants{{}};
  if (!item.dims.empty()) {
    for (absl::string_view part : absl::StrSplit(item.dims, ';')) {
      const size_t eq = part.find('=');
      const std::string name(internal::Trim(internal::ToStd(part.substr(0, eq))));
      std::vector<Dimensions> next;
      for (absl::string_view v : absl::StrSplit(part.substr(eq + 1), '|')) {
        for (const Dimensions& d : variants) {
          Dimensions e = d;
          e.emplace_back(name, std::string(internal::Trim(internal::ToStd(v))));
          next.push_back(std::move(e));
        }
      }
      variants = std::move(next);
    }
  }
  // Regions: the chosen one (or NL01, or the first with data) plus the comparison.
  std::vector<std::string> regions;
  const std::vector<size_t> all = ds_.Select(Query{.indicator = item.indicator});
  if (!opt_.region.empty()) {
    regions.push_back(opt_.region);
  } else {
    bool nl = false;
    for (size_t r : all) nl |= ds_.region(r) == "NL01";
    if (nl || all.empty()) {
      regions.push_back("NL01");
    } else {
      regions.emplace_back(ds_.region(all.front()));
    }
  }
  for (const std::string& c : opt_.compare) {
    if (std::find(regions.begin(), regions.end(), c) == regions.end()) regions.push_back(c);
  }
  std::vector<ItemSeries> out;
  for (const Dimensions& v : variants) {
    for (const std::string& region : regions) {
      ItemSeries s;
      s.region = region;
      s.variant = v;
      s.full.assign(ds_.dimension_names().size(), "");
      bool unknown_dim = false;
      for (const auto& [name, value] : v) {
        auto d = ds_.dimension_index(name);
        if (d) {
          s.full[*d] = value;
        } else if (!value.empty()) {
          unknown_dim = true;
        }
      }
      std::vector<std::string> parts;
      if (variants.size() > 1) {
        for (const auto& [name, value] : v) parts.push_back(DimValueLabel(name, value));
      }
      if (regions.size() > 1) parts.push_back(RegionLabel(opt_, region));
      s.label = parts.empty() ? RegionLabel(opt_, region) : absl::StrJoin(parts, " · ");
      if (!unknown_dim) {
        Query q{.indicator = item.indicator, .region = region};
        for (size_t d = 0; d < s.full.size(); ++d) {
          q.dims.emplace_back(ds_.dimension_names()[d], s.full[d]);
        }
        s.rows = ds_.Select(q);
      }
      // One period kind per series: the most frequent one.
      std::map<PeriodKind, int> kinds;
      for (size_t r : s.rows) ++kinds[ds_.period(r).kind()];
      if (!kinds.empty()) {
        s.kind = std::max_element(kinds.begin(), kinds.end(), [](const auto& a, const auto& b) {
                   return a.second < b.second;
                 })->first;
        std::erase_if(s.rows, [&](size_t r) { return ds_.period(r).kind() != s.kind; });
        std::sort(s.rows.begin(), s.rows.end(),
                  [&](size_t a, size_t b) { return ds_.period(a) < ds_.period(b); });
      }
      out.push_back(std::move(s));
    }
  }
  bool any = false;
  for (const ItemSeries& s : out) any |= !s.rows.empty();
  if (!any) {
    warnings_.push_back(absl::StrCat("no data for ", item.indicator,
                                     item.dims.empty() ? "" : " (" + item.dims + ")"));
  }
  return out;
}

int Builder::Decimals(const std::vector<ItemSeries>& series) const {
  for (const ItemSeries& s : series) {
    for (size_t r : s.rows) {
      const double v = ds_.value(r);
      if (std::isfinite(v) && std::fabs(v - std::round(v)) > 1e-9) return 1;
    }
  }
  return 0;
}

LatestChange Builder::Latest(const FactsheetItem& item, const ItemSeries& s, int decimals) const {
  LatestChange lc;
  const Unit unit = UnitFor(cat_, item.indicator);
  const std::string key = SeriesKey(item.indicator, s.region, s.kind, s.full);
  auto it = trend_index_.find(key);
  if (it == trend_index_.end()) return lc;
  // The last trend row with a number.
  const TrendRow* last = nullptr;
  const TrendRow* prev_with_value = nullptr;
  for (size_t i : it->second) {
    const TrendRow& r = trends_.rows[i];
    if (!r.value.has_value()) continue;
    prev_with_value = last;
    last = &r;
  }
  if (last == nullptr) return lc;
  lc.period = last->period;
  lc.value_label = internal::PointLabel(ChartPoint{last->period, last->value, last->status}, unit,
                                        decimals);
  std::optional<double> change;
  std::optional<Period> versus;
  if (unit == Unit::kPercentage ? last->pp_change.has_value()
                                : last->rel_change_pct.has_value()) {
    change = unit == Unit::kPercentage ? last->pp_change : last->rel_change_pct;
    versus = last->prev_period;
  } else if ((last->flags & kFlagNoPredecessor) != 0 && prev_with_value != nullptr) {
    // Biennial surveys and series with gaps: compare with the previous value
    // that exists, unless a break separates them.
    const Period from = prev_with_value->period;
    if (breaks_.Blocking(item.indicator, s.region, s.variant, from, last->period) != nullptr) {
      lc.versus = "niet vergelijkbaar met de vorige meting (trendbreuk)";
    } else if (unit == Unit::kPercentage) {
      change = PercentagePointChange(*prev_with_value->value, *last->value);
      versus = from;
    } else {
      change = RelativeChangePct(*prev_with_value->value, *last->value);
      versus = from;
    }
  } else if ((last->flags & kFlagBreak) != 0) {
    lc.versus = "niet vergelijkbaar met de vorige periode (trendbreuk)";
  } else if (prev_with_value == nullptr) {
    lc.versus = "eerste meting";
  } else {
    lc.versus = last->note;
  }
  if (change.has_value()) {
    const int d = unit == Unit::kPercentage ? decimals : 1;
    lc.change = FormatChangeNl(*change, unit, d);
    lc.versus = absl::StrCat("t.o.v. ", PeriodLabelNl(*versus));
    if ((last->flags & kFlagProvisionalMix) != 0) lc.versus += " (voorlopig t.o.v. definitief)";
  }
  auto si = sum_index_.find(key);
  if (si != sum_index_.end()) {
    const TrendSummary& sum = sums_.summaries[si->second];
    lc.sign = AssessmentSign(sum.assessment);
    lc.assessment = sum.assessment_text;
    const auto sign = [](double v) { return v > 0 ? 1 : v < 0 ? -1 : 0; };
    const int span = sum.abs_change.has_value() ? sign(*sum.abs_change) : 0;
    lc.arrow = span;
    if (change.has_value()) {
      // The arrow beside the headline points the way of that change; its
      // colour is the span's assessment, turned round when the latest change
      // goes against the span (same desired direction, opposite movement).
      const int now = sign(*change);
      lc.arrow = now;
      lc.sign = span == 0 || now == 0 ? 0 : lc.sign * span * now;
    }
    if (sum.first_period && sum.last_period && *sum.first_period != *sum.last_period) {
      lc.assessment = absl::StrCat(PeriodLabelNl(*sum.first_period), "–",
                                   PeriodLabelNl(*sum.last_period), ": ", lc.assessment);
    }
  }
  return lc;
}

std::string ArrowHtml(const LatestChange& lc) {
  if (lc.assessment.empty() && lc.arrow == 0) return "";
  const char* cls = lc.sign > 0 ? "good" : lc.sign < 0 ? "bad" : "neutral";
  const char* arrow = lc.arrow > 0 ? "\u2191" : lc.arrow < 0 ? "\u2193" : "\u2192";
  const char* word = lc.sign > 0 ? "goede richting" : lc.sign < 0 ? "verkeerde richting"
                                                                  : "geen beoordeling";
  return absl::StrFormat(
      "<span class=\"arrow %s\" title=\"%s\" aria-label=\"%s\">%s</span>", cls,
      EscapeXml(lc.assessment), word, arrow);
}

std::string Builder::Source(const FactsheetItem& /*item*/, const std::vector<ItemSeries>& series,
                            std::vector<std::string>* notes) const {
  std::set<std::string> seen;
  for (const ItemSeries& s : series) {
    for (size_t r : s.rows) {
      const std::string note(ds_.note(r));
      if (!note.empty() && seen.insert(note).second) notes->push_back(note);
    }
  }
  // The dataset's own note names its source; the catalogue's source would
  // label any data (synthetic, a municipality's own) as that source.
  if (!notes->empty()) {
    const std::string& n = notes->front();
    return absl::StrCat("Bron: ", n.substr(0, n.find(';')));
  }
  return "";
}

// Counts of a municipality beside Nederland differ by orders of magnitude: on
// one axis the municipality lies flat at zero. Such a chart shows each series
// as an index (its first value = 100) instead, and says so in its title.
bool IndexWhenScalesDiffer(ChartData* c) {
  if (c->unit != Unit::kCount || c->series.size() < 2) return false;
  double lo = std::numeric_limits<double>::infinity(), hi = 0;
  for (const ChartSeries& s : c->series) {
    double m = 0;
    for (const ChartPoint& p : s.points) {
      if (p.value) m = std::max(m, std::abs(*p.value));
    }
    if (m > 0) {
      lo = std::min(lo, m);
      hi = std::max(hi, m);
    }
  }
  if (!(hi > 5 * lo)) return false;
  for (ChartSeries& s : c->series) {
    std::optional<double> base;
    for (ChartPoint& p : s.points) {
      if (!base && p.value && *p.value != 0) base = *p.value;
      if (p.value) p.value = base ? std::optional<double>(100 * *p.value / *base) : std::nullopt;
    }
  }
  c->decimals = 0;
  c->title += " (index, eerste meting = 100)";
  return true;
}

ChartData Builder::Chart(const FactsheetItem& item, const std::vector<ItemSeries>& series,
                         int decimals, std::vector<std::string>* break_notes) const {
  ChartData c;
  c.title = Title(item);
  c.unit = UnitFor(cat_, item.indicator);
  c.decimals = decimals;
  std::set<Period> periods;
  for (const ItemSeries& s : series) {
    if (s.rows.empty()) continue;
    ChartSeries cs;
    cs.label = s.label;
    for (size_t r : s.rows) {
      const double v = ds_.value(r);
      cs.points.push_back(ChartPoint{ds_.period(r),
                                     std::isfinite(v) ? std::optional<double>(v) : std::nullopt,
                                     ds_.status(r)});
      periods.insert(ds_.period(r));
    }
    c.series.push_back(std::move(cs));
  }
  c.periods.assign(periods.begin(), periods.end());
  // Several breakdown values: bars grouped per category, one bar per period.
  size_t variants = 0;
  {
    std::set<std::string> labels;
    for (const ItemSeries& s : series) {
      labels.insert(absl::StrJoin(s.variant, ";", absl::PairFormatter("=")));
    }
    variants = labels.size();
  }
  c.group_by_series = item.chart == ChartKind::kBar && variants > 1;
  for (size_t i = 0; i + 1 < c.periods.size(); ++i) {
    for (const ItemSeries& s : series) {
      const SeriesBreak* b =
          breaks_.Blocking(item.indicator, s.region, s.variant, c.periods[i], c.periods[i + 1]);
      if (b == nullptr) continue;
      const std::string& reason = b->reason_nl.empty() ? b->reason : b->reason_nl;
      c.breaks.push_back(ChartBreak{i, reason});
      break_notes->push_back(absl::StrFormat(
          "Trendbreuk tussen %s en %s%s: %s", PeriodLabelNl(c.periods[i]),
          PeriodLabelNl(c.periods[i + 1]), series.size() > 1 ? " (" + s.label + ")" : "",
          reason));
      break;
    }
  }
  std::set<std::string> regions;
  for (const ItemSeries& s : series) regions.insert(s.region);
  if (regions.size() > 1 && IndexWhenScalesDiffer(&c)) {
    break_notes->push_back(
        "Grafiek als index: elke reeks ten opzichte van haar eerste meting (= 100), omdat de "
        "aantallen van de regio's te ver uiteenlopen voor één as.");
  }
  return c;
}

std::string Builder::PeriodKindText(const FactsheetItem& item,
                                    const std::vector<ItemSeries>& series) const {
  const IndicatorDef* d = cat_.Find(item.indicator);
  const bool survey = d != nullptr && (d->counting_unit == CountingUnit::kClients ||
                                       d->counting_unit == CountingUnit::kEmployees);
  std::set<int> index;
  std::set<std::pair<int, int>> days;
  PeriodKind kind = PeriodKind::kYear;
  for (const ItemSeries& s : series) {
    for (size_t r : s.rows) {
      kind = ds_.period(r).kind();
      index.insert(ds_.period(r).index());
      const Date day = ds_.period(r).first_day();
      days.insert({day.month(), day.day()});
    }
  }
  switch (kind) {
    case PeriodKind::kYear: return survey ? "meetjaar (enquête)" : "kalenderjaar";
    case PeriodKind::kHalfYear: return "halfjaar";
    case PeriodKind::kQuarter:
      return index.size() == 1 ? absl::StrFormat("%de kwartaal", *index.begin()) : "kwartaal";
    case PeriodKind::kMonth: return "maand";
    case PeriodKind::kSchoolYear: return "schooljaar";
    case PeriodKind::kPeildatum:
      return days.size() == 1 && *days.begin() == std::make_pair(12, 31) ? "peildatum 31 december"
                                                                         : "peildatum";
  }
  return "";
}

std::string Builder::TableHtml(const std::vector<const FactsheetItem*>& items) {
  // Columns: the year each period ends in (school year 2018/'19 under 2019).
  std::set<int> years;
  struct Row {
    const FactsheetItem* item;
    std::vector<ItemSeries> series;
    int decimals;
  };
  std::vector<Row> rows;
  for (const FactsheetItem* item : items) {
    Row row{item, Expand(*item), 0};
    row.decimals = Decimals(row.series);
    for (const ItemSeries& s : row.series) {
      for (size_t r : s.rows) years.insert(ds_.period(r).last_day().year());
    }
    rows.push_back(std::move(row));
  }
  std::string h = "<table class=\"kern\">\n<thead><tr><th class=\"ind\">Indicator</th>"
                  "<th class=\"kind\">Periode</th>";
  for (int y : years) absl::StrAppend(&h, "<th class=\"num\">", y, "</th>");
  absl::StrAppend(&h, "<th class=\"chg\">Laatste verandering</th><th class=\"tr\">Trend</th>"
                      "</tr></thead>\n<tbody>\n");
  for (const Row& row : rows) {
    const bool multi = row.series.size() > 1;
    for (size_t k = 0; k < row.series.size(); ++k) {
      const ItemSeries& s = row.series[k];
      const Unit unit = UnitFor(cat_, row.item->indicator);
      absl::StrAppend(&h, "<tr", multi && k > 0 ? " class=\"sub\"" : "", ">");
      if (!multi || k == 0) {
        absl::StrAppend(&h, "<td class=\"ind\">", EscapeXml(Title(*row.item)),
                        multi ? absl::StrCat("<br><span class=\"region\">",
                                             EscapeXml(s.label), "</span>")
                              : "",
                        "</td><td class=\"kind\">", EscapeXml(PeriodKindText(*row.item, row.series)),
                        "</td>");
      } else {
        absl::StrAppend(&h, "<td class=\"ind\"><span class=\"region\">", EscapeXml(s.label),
                        "</span></td><td class=\"kind\"></td>");
      }
      std::map<int, size_t> by_year;
      for (size_t r : s.rows) by_year[ds_.period(r).last_day().year()] = r;
      for (int y : years) {
        auto it = by_year.find(y);
        if (it == by_year.end()) {
          absl::StrAppend(&h, "<td class=\"num empty\"></td>");
          continue;
        }
        const size_t r = it->second;
        const double v = ds_.value(r);
        const std::string label = internal::PointLabel(
            ChartPoint{ds_.period(r), std::isfinite(v) ? std::optional<double>(v) : std::nullopt,
                       ds_.status(r)},
            unit, row.decimals);
        const Period p = ds_.period(r);
        const std::string sub =
            p.kind() == PeriodKind::kYear ? "" : absl::StrCat("<span class=\"per\">",
                                                             EscapeXml(PeriodLabelNl(p)), "</span>");
        absl::StrAppend(&h, "<td class=\"num\"><span class=\"v\">", EscapeXml(label), "</span>",
                        sub, "</td>");
      }
      const LatestChange lc = Latest(*row.item, s, row.decimals);
      absl::StrAppend(&h, "<td class=\"chg\">",
                      lc.change.empty() ? "<span class=\"none\">–</span>"
                                        : absl::StrCat("<strong>", EscapeXml(lc.change),
                                                       "</strong>"),
                      "<span class=\"vs\">", EscapeXml(lc.versus), "</span></td><td class=\"tr\">",
                      ArrowHtml(lc), "</td></tr>\n");
    }
  }
  absl::StrAppend(&h, "</tbody>\n</table>\n");
  return h;
}

std::string Builder::CardHtml(const FactsheetItem& item, const std::string& svg,
                              const std::vector<ItemSeries>& series, int decimals,
                              const std::vector<std::string>& notes,
                              const std::vector<std::string>& break_notes) const {
  std::string h = absl::StrCat("<figure class=\"card\">\n<figcaption><h3>",
                               EscapeXml(Title(item)), "</h3>\n<ul class=\"latest\">\n");
  for (const ItemSeries& s : series) {
    if (s.rows.empty()) continue;
    const LatestChange lc = Latest(item, s, decimals);
    if (!lc.period) continue;
    absl::StrAppend(&h, "<li>", series.size() > 1 ? EscapeXml(s.label) + ", " : "",
                    EscapeXml(PeriodLabelNl(*lc.period)), ": <strong class=\"val\">",
                    EscapeXml(lc.value_label), "</strong>");
    if (!lc.change.empty()) {
      absl::StrAppend(&h, " · <strong class=\"change\">", EscapeXml(lc.change), "</strong> ",
                      EscapeXml(lc.versus));
    } else if (!lc.versus.empty()) {
      absl::StrAppend(&h, " · <span class=\"vs\">", EscapeXml(lc.versus), "</span>");
    }
    absl::StrAppend(&h, " ", ArrowHtml(lc), "</li>\n");
  }
  // Inline, the card's heading replaces the chart's own title: crop it off.
  std::string inline_svg = svg;
  const std::string full = "height=\"360\" viewBox=\"0 0 640 360\"";
  if (const size_t at = inline_svg.find(full); at != std::string::npos) {
    inline_svg.replace(at, full.size(), "height=\"326\" viewBox=\"0 34 640 326\"");
  }
  absl::StrAppend(&h, "</ul></figcaption>\n", inline_svg);
  for (const std::string& b : break_notes) {
    absl::StrAppend(&h, "<p class=\"breaknote\">", EscapeXml(b), "</p>\n");
  }
  if (!notes.empty()) {
    absl::StrAppend(&h, "<details><summary>Toelichting bij de cijfers</summary><ul>");
    for (const std::string& n : notes) absl::StrAppend(&h, "<li>", EscapeXml(n), "</li>");
    absl::StrAppend(&h, "</ul></details>\n");
  }
  absl::StrAppend(&h, "</figure>\n");
  return h;
}

constexpr const char* kCss = R"css(
*{box-sizing:border-box}
body{margin:0;background:#f3f5f8;color:#1a1a1a;font-family:"Segoe UI",Helvetica,Arial,sans-serif;font-size:15px;line-height:1.4}
header.top{background:#1f4e79;color:#fff;padding:22px 40px 18px}
header.top h1{margin:0;font-size:30px;letter-spacing:.5px}
header.top p{margin:4px 0 0;font-size:16px;opacity:.9}
main{max-width:1240px;margin:0 auto;padding:8px 32px 32px}
section{margin-top:26px}
section>h2{font-size:21px;color:#1f4e79;border-bottom:3px solid #e07b00;padding-bottom:4px;margin:0 0 14px}
table.kern{width:100%;border-collapse:collapse;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.12)}
table.kern th{background:#dce6f0;color:#1f4e79;text-align:left;padding:8px 10px;font-size:13px}
table.kern td{padding:7px 10px;border-top:1px solid #e5e9ef;vertical-align:top}
table.kern tr.sub td{border-top:1px dashed #e5e9ef}
table.kern th.num,table.kern td.num{text-align:right;white-space:nowrap}
table.kern td.kind{color:#555;font-size:13px}
table.kern td.num .v{font-weight:600;font-variant-numeric:tabular-nums}
table.kern td.num .per{display:block;font-size:11px;color:#777}
table.kern td.chg{white-space:nowrap}
table.kern td.chg .vs{display:block;font-size:11px;color:#777}
table.kern td.tr{text-align:center}
.region{font-size:12px;color:#555}
.none{color:#999}
.arrow{display:inline-block;min-width:1.5em;text-align:center;font-weight:700;font-size:19px;border-radius:4px;line-height:1.3}
.arrow.good{color:#fff;background:#3d8b37}
.arrow.bad{color:#fff;background:#c0392b}
.arrow.neutral{color:#fff;background:#8a8a8a}
.grid{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:18px}
figure.card{margin:0;background:#fff;padding:14px 16px 10px;box-shadow:0 1px 3px rgba(0,0,0,.12);border-top:4px solid #1f4e79}
figure.card h3{margin:0 0 4px;font-size:16px;color:#1f4e79}
ul.latest{list-style:none;margin:0 0 6px;padding:0;font-size:13.5px}
ul.latest li{margin:2px 0}
ul.latest .change{color:#1a1a1a}
ul.latest .arrow{font-size:14px;min-width:1.4em}
figure.card svg{width:100%;height:auto;display:block}
figure.card svg .charttitle{display:none}
.breaknote{font-size:12px;color:#c0392b;margin:4px 0}
details{font-size:12px;color:#555;margin-top:4px}
footer{max-width:1240px;margin:0 auto;padding:6px 32px 30px;font-size:12px;color:#555}
)css";

absl::StatusOr<Factsheet> Builder::Build(const FactsheetConfig& config) {
  Factsheet sheet;
  std::vector<std::string> sections;
  std::map<std::string, std::vector<const FactsheetItem*>> by_section;
  for (const FactsheetItem& item : config.items) {
    if (!by_section.contains(item.section)) sections.push_back(item.section);
    by_section[item.section].push_back(&item);
  }
  std::string scope;
  if (!opt_.region.empty() || !opt_.compare.empty()) {
    std::vector<std::string> others;
    for (const std::string& c : opt_.compare) others.push_back(RegionLabel(opt_, c));
    scope = absl::StrCat(RegionLabel(opt_, opt_.region.empty() ? "NL01" : opt_.region),
                         others.empty() ? "" : " vergeleken met " + absl::StrJoin(others, " en "));
  } else {
    scope = "Nederland";
  }
  std::string body;
  std::set<std::string> used_names;
  for (const std::string& section : sections) {
    const auto& items = by_section[section];
    absl::StrAppend(&body, "<section>\n<h2>", EscapeXml(section), "</h2>\n");
    std::vector<const FactsheetItem*> table_items;
    for (const FactsheetItem* it : items) {
      if (it->chart == ChartKind::kTable) table_items.push_back(it);
    }
    if (!table_items.empty()) absl::StrAppend(&body, TableHtml(table_items));
    bool grid_open = false;
    for (const FactsheetItem* it : items) {
      if (it->chart == ChartKind::kTable) continue;
      const std::vector<ItemSeries> series = Expand(*it);
      const int decimals = Decimals(series);
      std::vector<std::string> notes, break_notes;
      ChartData chart = Chart(*it, series, decimals, &break_notes);
      chart.source = Source(*it, series, &notes);
      const std::string svg = it->chart == ChartKind::kBar ? internal::RenderBarChartSvg(chart)
                                                           : internal::RenderLineChartSvg(chart);
      const std::string name = ChartSlug(it->indicator, it->dims);
      std::string file = name + ".svg";
      for (int n = 2; !used_names.insert(file).second; ++n) file = absl::StrCat(name, "_", n, ".svg");
      sheet.charts.push_back(FactsheetChart{file, chart.title, svg});
      if (!grid_open) {
        absl::StrAppend(&body, "<div class=\"grid\">\n");
        grid_open = true;
      }
      absl::StrAppend(&body, CardHtml(*it, svg, series, decimals, notes, break_notes));
    }
    if (grid_open) absl::StrAppend(&body, "</div>\n");
    absl::StrAppend(&body, "</section>\n");
  }
  std::string& h = sheet.html;
  absl::StrAppend(&h, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n",
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
                  "<title>", EscapeXml(opt_.title), " – ", EscapeXml(scope), "</title>\n<style>",
                  kCss, "</style>\n</head>\n<body>\n<header class=\"top\"><h1>",
                  EscapeXml(opt_.title), "</h1><p>", EscapeXml(opt_.subtitle), " · ",
                  EscapeXml(scope), "</p></header>\n<main>\n", body, "</main>\n<footer>\n");
  absl::StrAppend(
      &h,
      "<p><strong>Verklaring van tekens.</strong> . onbekend, onvoldoende betrouwbaar of geheim; "
      "x geheim; - nihil; * voorlopig cijfer; ** nader voorlopig cijfer; een lege cel: geen "
      "cijfer voor die periode. Schooljaren staan onder het jaar waarin ze eindigen.</p>\n"
      "<p><strong>Laatste verandering</strong> ten opzichte van de vorige periode "
      "(of de vorige meting): in procentpunten voor percentages, in procenten voor aantallen; "
      "niet berekend over een trendbreuk. <strong>Trend</strong>: de pijl geeft de richting "
      "van de eerste tot de laatste periode; groen is de gewenste richting, rood de "
      "verkeerde, grijs zonder beoordeling (gemiddelde jaarlijkse groei, drempels 0,5% en "
      "1,5% per jaar).</p>\n</footer>\n</body>\n</html>\n");
  sheet.warnings = warnings_;
  return sheet;
}

// A plain file name inside the output folder: no separator, not "." or "..",
// not hidden.
bool IsPlainFileName(std::string_view name) {
  return !name.empty() && name.front() != '.' && name.find('/') == std::string_view::npos &&
         name.find('\\') == std::string_view::npos && name.find('\0') == std::string_view::npos;
}

}  // namespace

absl::StatusOr<Factsheet> RenderFactsheet(const Dataset& dataset, const FactsheetConfig& config,
                                          const FactsheetOptions& options) {
  Builder b(dataset, options);
  return b.Build(config);
}

absl::Status WriteFactsheet(const Factsheet& sheet, const std::string& dir) {
  // Refuse names that would leave `dir` before anything is created.
  for (const FactsheetChart& c : sheet.charts) {
    if (!IsPlainFileName(c.file_name) || c.file_name == "index.html") {
      return absl::InvalidArgumentError(
          absl::StrCat("chart file name '", internal::EscapeControl(c.file_name),
                       "' would be written outside ", dir, " (a plain file name is needed)"));
    }
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return absl::PermissionDeniedError(absl::StrCat("cannot write ", dir, ": ", ec.message()));
  }
  // All files are written as temporary files first and renamed into place only
  // when every one is complete, index.html last: a failed run leaves the
  // previous factsheet as it was.
  std::vector<std::pair<std::string, std::string_view>> files;
  for (const FactsheetChart& c : sheet.charts) {
    files.emplace_back((std::filesystem::path(dir) / c.file_name).string(), c.svg);
  }
  files.emplace_back((std::filesystem::path(dir) / "index.html").string(), sheet.html);
  return internal::WriteFilesAtomically(files);
}

}  // namespace v1
}  // namespace zvdj
