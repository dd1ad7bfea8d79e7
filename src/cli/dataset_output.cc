#include "cli/dataset_output.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "zvdj/catalogue.hpp"
#include "zvdj/dataset_io.hpp"
#include "zvdj/table.hpp"
#include "zvdj/trend_report.hpp"

namespace zvdj::cli {
namespace {

// The dataset as data: English column names and ids, numbers as numbers.
Table MachineTable(const Dataset& ds) {
  Table t;
  const size_t ind = t.AddText("indicator", ColumnRole::kKey);
  const size_t per = t.AddText("period", ColumnRole::kKey);
  const size_t reg = t.AddText("region", ColumnRole::kKey);
  std::vector<size_t> dims;
  for (const auto& d : ds.dimension_names()) dims.push_back(t.AddText(d, ColumnRole::kDimension));
  const size_t val = t.AddNumber("value");
  const size_t st = t.AddText("status");
  for (size_t r = 0; r < ds.size(); ++r) {
    t.Text(ind, std::string(ds.indicator(r)));
    t.Text(per, ds.period(r).ToString());
    t.Text(reg, std::string(ds.region(r)));
    for (size_t d = 0; d < dims.size(); ++d) t.Text(dims[d], std::string(ds.dimension(r, d)));
    t.Number(val, HasValue(ds.status(r)) ? ds.value(r) : NAN);
    t.Text(st, std::string(StatusSymbol(ds.status(r))));
    t.EndRow();
  }
  return t;
}

// Decimals per indicator for readers: none for whole numbers, one for shares,
// at most two otherwise (never 10,539410828025478).
std::map<std::string, int> ReadableDecimals(const Dataset& ds, const Catalogue& cat) {
  std::map<std::string, int> dec;
  for (size_t r = 0; r < ds.size(); ++r) {
    if (!HasValue(ds.status(r))) continue;
    const std::string id(ds.indicator(r));
    const double v = ds.value(r);
    int d = std::abs(v - std::round(v)) < 1e-9 ? 0 : 2;
    const IndicatorDef* def = cat.Find(id);
    if (d > 0 && (def ? def->unit == Unit::kPercentage : id.ends_with("_pct"))) d = 1;
    dec[id] = std::max(dec[id], d);
  }
  return dec;
}

// The dataset for readers: Dutch labels and indicator names, the breakdown
// column with only the dimensions that are set, Dutch number notation.
Table ReaderTable(const Dataset& ds, const RegionNames& names) {
  const Catalogue& cat = Catalogue::BuiltIn();
  const std::map<std::string, int> dec = ReadableDecimals(ds, cat);
  Table t;
  const size_t ind = t.AddText("indicator", ColumnRole::kKey);
  t.column(ind).label = "Indicator";
  const size_t per = t.AddText("period", ColumnRole::kKey);
  t.column(per).label = "Periode";
  const size_t reg = t.AddText("region", ColumnRole::kKey);
  t.column(reg).label = "Regio";
  std::vector<size_t> dims;
  for (const auto& d : ds.dimension_names()) {
    dims.push_back(t.AddText(d, ColumnRole::kDimension));
    t.column(dims.back()).label = DimensionLabelNl(d);
  }
  const size_t val = t.AddText("value");
  t.column(val).label = "Waarde";
  t.column(val).align_right = true;
  for (size_t r = 0; r < ds.size(); ++r) {
    const std::string id(ds.indicator(r));
    const IndicatorDef* def = cat.Find(id);
    t.Text(ind, def && !def->name_nl.empty() ? def->name_nl : id);
    t.Text(per, DisplayPeriod(ds.period(r)));
    t.Text(reg, names.Label(ds.region(r)));
    for (size_t d = 0; d < dims.size(); ++d) t.Text(dims[d], std::string(ds.dimension(r, d)));
    const std::string symbol(StatusSymbol(ds.status(r)));
    const auto it = dec.find(id);
    const bool pct = def ? def->unit == Unit::kPercentage : id.ends_with("_pct");
    t.Text(val, HasValue(ds.status(r))
                    ? absl::StrCat(FormatForReading(ds.value(r), it == dec.end() ? 0 : it->second),
                                   pct ? "%" : "", symbol)
                    : symbol);
    t.EndRow();
  }
  return t;
}

}  // namespace

void WriteDataset(const Dataset& ds, const std::string& format, std::ostream& out,
                  const RegionNames* names) {
  if (format == "csv") {
    WriteDatasetCsv(ds, out);
  } else if (format == "json") {
    WriteTable(MachineTable(ds), TableFormat::kJson, out);
  } else {
    WriteTable(ReaderTable(ds, names ? *names : RegionNames::BuiltIn()), format == "md" ? TableFormat::kMarkdown : TableFormat::kTable, out);
  }
}

}  // namespace zvdj::cli
