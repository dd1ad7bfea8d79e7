// libzvdj factsheets: "Feiten & Cijfers" pages (self-contained HTML with
// inline SVG charts) from a dataset, in the style of the programme's
// factsheets, optionally comparing one region with others.
//
//   #include "zvdj/factsheet.hpp"
//   auto config = zvdj::FactsheetConfig::Load("data/factsheet.default.csv");
//   zvdj::FactsheetOptions opts;
//   opts.breaks = &breaks;                     // draws series breaks, blocks changes
//   opts.region = "GM0363";                    // optional: one region ...
//   opts.compare = {"JZ13", "NL01"};           // ... against others
//   auto sheet = zvdj::RenderFactsheet(dataset, *config, opts);
//   zvdj::WriteFactsheet(*sheet, "out");       // out/index.html + out/<chart>.svg
//
// Configuration (CSV, columns section, indicator, dims, chart, title; `#`
// starts a comment line): one row per item, in page order.
//   section   heading the item is shown under ("Kernindicatoren", ...)
//   indicator indicator id in the dataset
//   dims      breakdown of the series: empty = total; "age_group=18-23" = one
//             value; "age_group=0-4|4-12|12-18" = one series per value;
//             several dimensions joined with ';'
//   chart     table (a row of the overview table), line, or bar
//   title     caption (default: the catalogue's Dutch name)
// Table rows show each series under the year columns with its own period
// label (school year 2018/'19, peildatum 31 dec, 3e kwartaal), the latest
// change (procentpunt for percentages, % for counts) and an arrow coloured
// by the trend assessment (CagrRule) against the desired direction.
// Charts label every value in Dutch notation, mark provisional values
// (hollow marker, "*") and draw registered series breaks as dashed lines.
#ifndef ZVDJ_FACTSHEET_HPP_
#define ZVDJ_FACTSHEET_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "zvdj/breaks.hpp"
#include "zvdj/catalogue.hpp"
#include "zvdj/dataset.hpp"
#include "zvdj/period.hpp"
#include "zvdj/regions.hpp"

namespace zvdj {
inline namespace v1 {

enum class ChartKind : uint8_t { kTable, kLine, kBar };
std::string_view ChartKindName(ChartKind kind) noexcept;  // "table", "line", "bar"
absl::StatusOr<ChartKind> ParseChartKind(std::string_view name);

struct FactsheetItem {
  std::string section;
  std::string indicator;
  std::string dims;  // as in the configuration file
  ChartKind chart = ChartKind::kLine;
  std::string title;
};

struct FactsheetConfig {
  std::vector<FactsheetItem> items;

  // Errors name file, line and column.
  static absl::StatusOr<FactsheetConfig> Load(const std::string& path);
  static absl::StatusOr<FactsheetConfig> Parse(std::string_view text, std::string_view source);
  // The built-in default: the text of data/factsheet.default.csv (the
  // kernindicatoren table and the actielijn 2 and 5 charts).
  static const FactsheetConfig& Default();
  static std::string_view DefaultText();
};

struct FactsheetOptions {
  std::string title = "Feiten & Cijfers";
  std::string subtitle = "Zorg voor de Jeugd";
  // The region shown; empty = NL01 when present, else each item's first region.
  std::string region;
  // Regions shown next to `region` (in tables, as extra lines or bars).
  std::vector<std::string> compare;
  const Catalogue* catalogue = nullptr;     // default Catalogue::BuiltIn()
  const BreakRegister* breaks = nullptr;    // optional
  // Names shown for region codes (titles, legends, table rows); codes without
  // a name are shown as codes. Default RegionNames::BuiltIn().
  const RegionNames* region_names = nullptr;
};

struct FactsheetChart {
  std::string file_name;  // "<indicator>[_<dims>].svg": letters, digits, _ and -
  std::string title;
  std::string svg;        // a standalone SVG document
};

struct Factsheet {
  std::string html;  // index.html: self-contained, no scripts, no network
  std::vector<FactsheetChart> charts;
  std::vector<std::string> warnings;  // e.g. an item without data
};

absl::StatusOr<Factsheet> RenderFactsheet(const Dataset& dataset, const FactsheetConfig& config,
                                          const FactsheetOptions& options = {});
// Writes dir/index.html and one dir/<file_name> per chart (creating dir).
// All or nothing: every file is written as a temporary file beside its final
// name and renamed into place (index.html last) only when all are complete, so
// a failed run leaves a previous factsheet as it was. DataLoss "cannot write
// FILE: reason" for a failed write; InvalidArgument for a chart file name that
// is not a plain name inside `dir` (no '/', not hidden, not index.html).
absl::Status WriteFactsheet(const Factsheet& sheet, const std::string& dir);

// ---- Formatting used on the page (exposed for tests) ----------------------------

// XML/HTML text and attribute escaping (& < > " ').
std::string EscapeXml(std::string_view text);
// Dutch period label: "2019", "1e halfjaar 2019", "3e kwartaal 2019",
// "mei 2019", "2018/'19", "31 dec 2019".
std::string PeriodLabelNl(Period period);
// A value as printed: counts "4.790", percentages "10,1%"; `decimals` digits.
std::string FormatValueNl(double value, Unit unit, int decimals);
// A change as printed: "−0,3 procentpunt" (percentages, pp) or "+6,0%" (counts,
// relative change).
std::string FormatChangeNl(double change, Unit unit, int decimals);

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_FACTSHEET_HPP_
