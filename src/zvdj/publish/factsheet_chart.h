// Chart data shared by the factsheet page builder and the SVG renderers.
#ifndef ZVDJ_INTERNAL_FACTSHEET_CHART_H_
#define ZVDJ_INTERNAL_FACTSHEET_CHART_H_

#include <optional>
#include <string>
#include <vector>

#include "zvdj/catalogue.hpp"
#include "zvdj/dataset.hpp"
#include "zvdj/period.hpp"

namespace zvdj::internal {

struct ChartPoint {
  Period period;
  std::optional<double> value;  // nullopt for . x and impossible
  ValueStatus status = ValueStatus::kDefinitive;
};

struct ChartSeries {
  std::string label;
  std::vector<ChartPoint> points;  // chronological
};

struct ChartBreak {
  size_t after_index = 0;  // the break lies between periods[after_index] and the next
  std::string reason;
};

struct ChartData {
  std::string title;
  Unit unit = Unit::kCount;
  int decimals = 0;
  std::vector<Period> periods;  // x axis
  std::vector<ChartSeries> series;
  std::vector<ChartBreak> breaks;
  // Bars only: groups are the series (categories) and bars the periods;
  // otherwise groups are periods and bars the series.
  bool group_by_series = false;
  std::string source;  // "Bron: ..."
};

std::string RenderLineChartSvg(const ChartData& chart);
std::string RenderBarChartSvg(const ChartData& chart);

// The printed label of one point: "10,1%", "4.790*", ".", "x", "-".
std::string PointLabel(const ChartPoint& p, Unit unit, int decimals);

}  // namespace zvdj::internal

#endif  // ZVDJ_INTERNAL_FACTSHEET_CHART_H_
