// SVG line and bar charts for factsheets: value labels in Dutch notation,
// provisional values hollow with an asterisk, series breaks as dashed lines.
#include <algorithm>
#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "zvdj/factsheet.hpp"
#include "zvdj/number_format.hpp"
#include "zvdj/table.hpp"
#include "zvdj/publish/factsheet_chart.h"
#include "zvdj/core/strings.h"

namespace zvdj::internal {
namespace {

constexpr double kWidth = 640, kHeight = 360;
constexpr double kLeft = 64, kRight = 624, kTop = 56, kBottom = 262;
constexpr const char* kSeriesColours[] = {"#1f4e79", "#e07b00", "#5b9a3c", "#8e3b73",
                                          "#7f7f7f", "#c0392b"};
constexpr const char* kPeriodColours[] = {"#c6dbef", "#9ecae1", "#6baed6",
                                          "#3182bd", "#08519c", "#08306b"};

const char* SeriesColour(size_t i) { return kSeriesColours[i % 6]; }
// Sequential blues, darkest for the latest period.
const char* PeriodColour(size_t i, size_t n) {
  const size_t offset = n >= 6 ? 0 : 6 - n;
  return kPeriodColours[std::min<size_t>(offset + i, 5)];
}

std::string Num(double v) { return absl::StrFormat("%.1f", v); }

// The footnote fits the chart width: past 120 bytes it is cut to 117 and
// "..." added, at a character boundary so the SVG stays valid UTF-8.
std::string ShortFoot(const std::string& foot) {
  if (foot.size() <= 120) return foot;
  return std::string(Utf8Prefix(foot, 117)) + "...";
}

struct Scale {
  double lo = 0, hi = 1, step = 1;
  int decimals = 0;
  double Y(double v) const { return kBottom - (v - lo) / (hi - lo) * (kBottom - kTop); }
};

double NiceStep(double raw) {
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double f = raw / mag;
  const double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * mag;
}

Scale MakeScale(const ChartData& c, bool from_zero) {
  double mn = INFINITY, mx = -INFINITY;
  for (const ChartSeries& s : c.series) {
    for (const ChartPoint& p : s.points) {
      if (p.value) {
        mn = std::min(mn, *p.value);
        mx = std::max(mx, *p.value);
      }
    }
  }
  Scale sc;
  if (!std::isfinite(mn)) return sc;
  double lo = std::min(0.0, mn), hi = mx;
  if (!from_zero && mn > 0) {
    // Lines: a truncated axis, as in the programme's factsheets, unless the
    // values span most of the range anyway.
    const double span = mx - mn;
    lo = span > 0.6 * mx ? 0 : std::max(0.0, mn - std::max(span * 0.6, mx * 0.05));
  }
  if (hi <= lo) hi = lo + (lo == 0 ? 1 : std::fabs(lo) * 0.1);
  hi += (hi - lo) * 0.12;  // room for labels
  sc.step = NiceStep((hi - lo) / 4);
  sc.lo = std::floor(lo / sc.step) * sc.step;
  sc.hi = std::ceil(hi / sc.step) * sc.step;
  sc.decimals = sc.step >= 1 ? 0 : sc.step >= 0.1 ? 1 : 2;
  if (sc.step == 2.5) sc.decimals = 1;
  return sc;
}

std::string Open(const ChartData& c) {
  std::string s = absl::StrFormat(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\" height=\"%d\" "
      "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" "
      "font-family=\"Segoe UI, Helvetica, Arial, sans-serif\">\n",
      static_cast<int>(kWidth), static_cast<int>(kHeight), static_cast<int>(kWidth),
      static_cast<int>(kHeight), EscapeXml(c.title));
  absl::StrAppend(&s, "<title>", EscapeXml(c.title), "</title>\n");
  absl::StrAppend(&s, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
  absl::StrAppendFormat(&s,
                        "<text class=\"charttitle\" x=\"%s\" y=\"24\" font-size=\"15\" font-weight=\"bold\" "
                        "fill=\"#1a1a1a\">%s</text>\n",
                        Num(12), EscapeXml(c.title));
  return s;
}

void Axes(const ChartData& c, const Scale& sc, std::string& s) {
  for (double t = sc.lo; t <= sc.hi + sc.step * 1e-6; t += sc.step) {
    const double y = sc.Y(t);
    absl::StrAppendFormat(&s,
                          "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#e3e3e3\"/>\n",
                          Num(kLeft), Num(y), Num(kRight), Num(y));
    const std::string label = c.unit == Unit::kPercentage ? FormatDutchPercent(t, sc.decimals)
                                                          : FormatDutch(t, sc.decimals);
    absl::StrAppendFormat(&s,
                          "<text class=\"tick\" x=\"%s\" y=\"%s\" font-size=\"11\" fill=\"#555\" "
                          "text-anchor=\"end\">%s</text>\n",
                          Num(kLeft - 6), Num(y + 4), EscapeXml(label));
  }
  absl::StrAppendFormat(&s, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#888\"/>\n",
                        Num(kLeft), Num(kBottom), Num(kRight), Num(kBottom));
}

void BreakLine(double x, const std::string& reason, std::string& s) {
  absl::StrAppendFormat(
      &s,
      "<g class=\"break\"><title>Trendbreuk: %s</title>"
      "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#c0392b\" stroke-width=\"1.5\" "
      "stroke-dasharray=\"6 4\"/>"
      "<text x=\"%s\" y=\"%s\" font-size=\"10\" fill=\"#c0392b\" "
      "text-anchor=\"middle\">trendbreuk</text></g>\n",
      EscapeXml(reason), Num(x), Num(kTop - 4), Num(x), Num(kBottom), Num(x), Num(kTop - 8));
}

// Legend entries (colour, label) and the footnote line.
void Legend(const std::vector<std::pair<std::string, std::string>>& entries, bool provisional,
            const std::string& source, std::string& s) {
  double x = kLeft;
  const double y = kBottom + 52;
  for (const auto& [colour, label] : entries) {
    absl::StrAppendFormat(&s,
                          "<rect x=\"%s\" y=\"%s\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                          "<text class=\"legend\" x=\"%s\" y=\"%s\" font-size=\"12\" "
                          "fill=\"#333\">%s</text>\n",
                          Num(x), Num(y - 10), colour, Num(x + 16), Num(y), EscapeXml(label));
    x += 16 + 7.0 * static_cast<double>(label.size()) + 18;
  }
  std::string foot = source;
  if (provisional) foot = absl::StrCat("* voorlopig cijfer, ** nader voorlopig. ", foot);
  if (!foot.empty()) {
    absl::StrAppendFormat(&s,
                          "<text class=\"source\" x=\"12\" y=\"%s\" font-size=\"10.5\" "
                          "fill=\"#666\">%s</text>\n",
                          Num(kHeight - 12), EscapeXml(ShortFoot(foot)));
  }
}

bool AnyProvisional(const ChartData& c) {
  for (const ChartSeries& s : c.series) {
    for (const ChartPoint& p : s.points) {
      if (IsProvisional(p.status)) return true;
    }
  }
  return false;
}

std::optional<ChartPoint> PointAt(const ChartSeries& s, Period p) {
  for (const ChartPoint& pt : s.points) {
    if (pt.period == p) return pt;
  }
  return std::nullopt;
}

}  // namespace

std::string PointLabel(const ChartPoint& p, Unit unit, int decimals) {
  if (!p.value.has_value() || p.status == ValueStatus::kNil) {
    return std::string(StatusSymbol(p.status).empty() ? "" : StatusSymbol(p.status));
  }
  std::string label = FormatValueNl(*p.value, unit, decimals);
  if (p.status == ValueStatus::kProvisional) label += "*";
  if (p.status == ValueStatus::kRevisedProvisional) label += "**";
  return label;
}

namespace {

// A chart without a single number says so in its plot area, instead of
// showing empty axes that look like a chart of zeros.
void NoDataNote(const ChartData& c, std::string& s) {
  for (const ChartSeries& ser : c.series) {
    for (const ChartPoint& p : ser.points) {
      if (p.value) return;
    }
  }
  absl::StrAppendFormat(&s,
                        "<text class=\"no-data\" x=\"%s\" y=\"%s\" font-size=\"14\" "
                        "fill=\"#666\" text-anchor=\"middle\">%s</text>\n",
                        Num((kLeft + kRight) / 2), Num((kTop + kBottom) / 2),
                        "Geen cijfers voor deze regio en periode");
}

// Where the value labels of a line chart go, per series and period: at each
// period the highest point's label above it, the others below their points,
// then pushed apart top to bottom so that no two labels of one period overlap
// (close lines otherwise print their numbers over each other).
std::vector<std::vector<double>> LineLabelPositions(const ChartData& c, const Scale& sc) {
  constexpr double kAbove = 10, kBelow = 19, kLineHeight = 14;
  std::vector<std::vector<double>> ys(c.series.size(),
                                      std::vector<double>(c.periods.size(), 0));
  for (size_t i = 0; i < c.periods.size(); ++i) {
    std::vector<std::pair<double, size_t>> points;  // (y of the point, series)
    for (size_t k = 0; k < c.series.size(); ++k) {
      const std::optional<ChartPoint> p = PointAt(c.series[k], c.periods[i]);
      if (p && p->value) points.emplace_back(sc.Y(*p->value), k);
    }
    std::sort(points.begin(), points.end());
    double last = -1e9;
    for (size_t j = 0; j < points.size(); ++j) {
      const auto [y, k] = points[j];
      double ly = j == 0 ? y - kAbove : y + kBelow;
      ly = std::max(ly, last + kLineHeight);
      ys[k][i] = ly;
      last = ly;
    }
  }
  return ys;
}

}  // namespace

std::string RenderLineChartSvg(const ChartData& c) {
  std::string s = Open(c);
  const Scale sc = MakeScale(c, /*from_zero=*/false);
  Axes(c, sc, s);
  NoDataNote(c, s);
  const size_t n = c.periods.size();
  const double band = (kRight - kLeft) / static_cast<double>(std::max<size_t>(n, 1));
  auto X = [&](size_t i) { return kLeft + band * (static_cast<double>(i) + 0.5); };
  for (size_t i = 0; i < n; ++i) {
    absl::StrAppendFormat(&s,
                          "<text class=\"period\" x=\"%s\" y=\"%s\" font-size=\"12\" fill=\"#333\" "
                          "text-anchor=\"middle\">%s</text>\n",
                          Num(X(i)), Num(kBottom + 18), EscapeXml(PeriodLabelNl(c.periods[i])));
  }
  for (const ChartBreak& b : c.breaks) BreakLine(X(b.after_index) + band / 2, b.reason, s);
  auto broken_after = [&](size_t i) {
    for (const ChartBreak& b : c.breaks) {
      if (b.after_index == i) return true;
    }
    return false;
  };
  const std::vector<std::vector<double>> label_y = LineLabelPositions(c, sc);
  std::vector<std::pair<std::string, std::string>> legend;
  for (size_t k = 0; k < c.series.size(); ++k) {
    const ChartSeries& ser = c.series[k];
    const char* colour = SeriesColour(k);
    legend.emplace_back(colour, ser.label);
    absl::StrAppendFormat(&s, "<g class=\"series\" data-series=\"%s\">\n", EscapeXml(ser.label));
    // Segments between consecutive periods that both have a number and no break.
    std::string path;
    constexpr size_t kNone = static_cast<size_t>(-1);
    size_t prev = kNone;
    for (size_t i = 0; i < n; ++i) {
      const std::optional<ChartPoint> p = PointAt(ser, c.periods[i]);
      if (!p || !p->value) {
        prev = kNone;
        continue;
      }
      const bool connect = prev != kNone && prev + 1 == i && !broken_after(prev);
      absl::StrAppendFormat(&path, "%s%s %s ", connect ? "L" : "M", Num(X(i)), Num(sc.Y(*p->value)));
      prev = i;
    }
    if (!path.empty()) {
      absl::StrAppendFormat(&s,
                            "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"/>\n",
                            path, colour);
    }
    for (size_t i = 0; i < n; ++i) {
      const std::optional<ChartPoint> p = PointAt(ser, c.periods[i]);
      if (!p) continue;
      const std::string label = PointLabel(*p, c.unit, c.decimals);
      if (!p->value) {
        absl::StrAppendFormat(&s,
                              "<text class=\"value-label\" x=\"%s\" y=\"%s\" font-size=\"11\" "
                              "fill=\"%s\" text-anchor=\"middle\">%s</text>\n",
                              Num(X(i)), Num(kBottom - 6), colour, EscapeXml(label));
        continue;
      }
      const double y = sc.Y(*p->value);
      const bool prov = IsProvisional(p->status);
      absl::StrAppendFormat(&s,
                            "<circle cx=\"%s\" cy=\"%s\" r=\"4.5\" fill=\"%s\" stroke=\"%s\" "
                            "stroke-width=\"2\"%s/>\n",
                            Num(X(i)), Num(y), prov ? "#ffffff" : colour, colour,
                            prov ? " class=\"provisional\"" : "");
      const double ly = label_y[k][i];
      absl::StrAppendFormat(&s,
                            "<text class=\"value-label\" x=\"%s\" y=\"%s\" font-size=\"12\" "
                            "font-weight=\"600\" fill=\"%s\" text-anchor=\"middle\">%s</text>\n",
                            Num(X(i)), Num(ly), colour, EscapeXml(label));
    }
    absl::StrAppend(&s, "</g>\n");
  }
  if (c.series.size() < 2) legend.clear();
  Legend(legend, AnyProvisional(c), c.source, s);
  absl::StrAppend(&s, "</svg>\n");
  return s;
}

// The label under a group of bars, kept inside the group's band so that
// neighbours never overlap: "0-4 jaar · GM0363" goes onto two lines, and a
// line still too wide is cut with "…".
void GroupLabel(const std::string& label, const char* cls, double cx, double band,
                std::string& s) {
  constexpr double kCharWidth = 6.6;  // about, at 11-12 px
  const size_t fit = static_cast<size_t>(std::max(3.0, band * 0.95 / kCharWidth));
  std::vector<std::string> lines;
  if (DisplayWidth(label) <= fit) {
    lines.push_back(label);
  } else {
    for (absl::string_view part : absl::StrSplit(label, " \u00b7 ")) {
      lines.push_back(ShortenToWidth(std::string_view(part.data(), part.size()), fit));
    }
  }
  absl::StrAppendFormat(&s,
                        "<text class=\"%s\" x=\"%s\" y=\"%s\" font-size=\"%s\" fill=\"#333\" "
                        "text-anchor=\"middle\">",
                        cls, Num(cx), Num(kBottom + 18), lines.size() > 1 ? "11" : "12");
  for (size_t i = 0; i < lines.size() && i < 2; ++i) {
    absl::StrAppendFormat(&s, "<tspan x=\"%s\" dy=\"%s\">%s</tspan>", Num(cx),
                          i == 0 ? "0" : "13", EscapeXml(lines[i]));
  }
  absl::StrAppend(&s, "</text>\n");
}

std::string RenderBarChartSvg(const ChartData& c) {
  std::string s = Open(c);
  const Scale sc = MakeScale(c, /*from_zero=*/true);
  Axes(c, sc, s);
  NoDataNote(c, s);
  const size_t groups = c.group_by_series ? c.series.size() : c.periods.size();
  const size_t bars = c.group_by_series ? c.periods.size() : c.series.size();
  const double band = (kRight - kLeft) / static_cast<double>(std::max<size_t>(groups, 1));
  const double inner = band * 0.8;
  const double bw = inner / static_cast<double>(std::max<size_t>(bars, 1));
  const bool rotate = bw < 40;
  for (size_t g = 0; g < groups; ++g) {
    const double gx = kLeft + band * static_cast<double>(g) + (band - inner) / 2;
    const std::string glabel =
        c.group_by_series ? c.series[g].label : PeriodLabelNl(c.periods[g]);
    GroupLabel(glabel, c.group_by_series ? "category" : "period", gx + inner / 2, band, s);
    for (size_t b = 0; b < bars; ++b) {
      const ChartSeries& ser = c.series[c.group_by_series ? g : b];
      const Period period = c.periods[c.group_by_series ? b : g];
      const std::optional<ChartPoint> p = PointAt(ser, period);
      if (!p) continue;
      const char* colour =
          c.group_by_series ? PeriodColour(b, bars) : (bars > 1 ? SeriesColour(b) : SeriesColour(0));
      const double x = gx + bw * static_cast<double>(b) + bw * 0.08;
      const double w = bw * 0.84;
      const std::string label = PointLabel(*p, c.unit, c.decimals);
      double top = kBottom;
      if (p->value) {
        top = sc.Y(*p->value);
        const bool prov = IsProvisional(p->status);
        absl::StrAppendFormat(
            &s,
            "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"%s><title>%s %s: "
            "%s</title></rect>\n",
            Num(x), Num(top), Num(w), Num(kBottom - top), colour,
            prov ? " fill-opacity=\"0.45\" stroke-dasharray=\"4 2\" stroke=\"#333\" "
                   "class=\"provisional\""
                 : "",
            EscapeXml(ser.label), EscapeXml(PeriodLabelNl(period)), EscapeXml(label));
      }
      if (rotate) {
        absl::StrAppendFormat(&s,
                              "<text class=\"value-label\" x=\"%s\" y=\"%s\" font-size=\"11\" "
                              "fill=\"#1a1a1a\" transform=\"rotate(-90 %s %s)\">%s</text>\n",
                              Num(x + w / 2 + 4), Num(top - 4), Num(x + w / 2 + 4), Num(top - 4),
                              EscapeXml(label));
      } else {
        absl::StrAppendFormat(&s,
                              "<text class=\"value-label\" x=\"%s\" y=\"%s\" font-size=\"12\" "
                              "font-weight=\"600\" fill=\"#1a1a1a\" "
                              "text-anchor=\"middle\">%s</text>\n",
                              Num(x + w / 2), Num(top - 5), EscapeXml(label));
      }
    }
  }
  if (!c.group_by_series) {
    for (const ChartBreak& b : c.breaks) {
      BreakLine(kLeft + band * static_cast<double>(b.after_index + 1), b.reason, s);
    }
  }
  std::vector<std::pair<std::string, std::string>> legend;
  if (c.group_by_series) {
    for (size_t b = 0; b < bars; ++b) {
      legend.emplace_back(PeriodColour(b, bars), PeriodLabelNl(c.periods[b]));
    }
  } else if (bars > 1) {
    for (size_t b = 0; b < bars; ++b) legend.emplace_back(SeriesColour(b), c.series[b].label);
  }
  Legend(legend, AnyProvisional(c), c.source, s);
  absl::StrAppend(&s, "</svg>\n");
  return s;
}

}  // namespace zvdj::internal
