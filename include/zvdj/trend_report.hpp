// libzvdj trend reports: trend rows and summaries as csv, json, Markdown or a
// terminal table.
//
//   #include "zvdj/trend_report.hpp"
//   zvdj::TrendTable rows = zvdj::ComputeTrendRows(ds, cat, breaks);
//   zvdj::WriteTrendRows(rows, zvdj::ReportFormat::kCsv, std::cout);
//   zvdj::WriteTrendSummaries(sums, zvdj::ReportFormat::kTable, std::cout,
//                             {.catalogue = &cat});
//
// csv: header row, ',' separators, '.' decimals, full precision, empty cells
//   for missing values. Row columns: indicator, region, <dimension columns>,
//   period, value, status, prev_period, abs_change, rel_change_pct, pp_change,
//   then prev_value, prev_status, index, unit, direction, flags, note.
//   Summary columns: indicator, region, <dimension columns>, first_period,
//   last_period, first_value, last_value, abs_change, rel_change_pct,
//   pp_change, cagr_pct, assessment, then n_periods, years, theil_sen_slope,
//   mk_s, mk_tau, mk_p, mk_method, unit, direction, assessment_text, flags, note.
// json: an array of objects with the csv columns as keys; numbers as numbers,
//   null for missing.
// md / table: Dutch formatting for readers ("4.790", "10,1%",
//   "−0,3 procentpunt" for percentages, "+77,5%" for counts), Dutch indicator
//   names from the catalogue, an arrow and a word for the assessment
//   ("▼ goede richting"); `table` aligns columns by their display width and
//   fits `ReportOptions::table.width`. Both fold the dimensions into one
//   "Uitsplitsing" column listing the dimensions set in the row (see
//   table.hpp).
//
// ToTable gives the csv/json table itself, for the C API and bindings.
#ifndef ZVDJ_TREND_REPORT_HPP_
#define ZVDJ_TREND_REPORT_HPP_

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "zvdj/breaks.hpp"
#include "zvdj/catalogue.hpp"
#include "zvdj/regions.hpp"
#include "zvdj/table.hpp"
#include "zvdj/trend.hpp"

namespace zvdj {
inline namespace v1 {

using ReportFormat = TableFormat;

// "csv", "json", "md" (or "markdown"), "table"; the names are those of
// names.hpp.
absl::StatusOr<ReportFormat> ParseReportFormat(std::string_view name);

struct ReportOptions {
  // For Dutch indicator names in md/table; the built-in catalogue when null.
  const Catalogue* catalogue = nullptr;
  // md/table layout: terminal width and the folding of dimensions.
  TableWriteOptions table;
  // For the Dutch break reasons (`reden`) in md/table notes; may be null.
  const BreakRegister* breaks = nullptr;
  // md/table: names shown for region codes (codes without one stay codes);
  // default RegionNames::BuiltIn(). csv/json keep the codes.
  const RegionNames* region_names = nullptr;
};

// The trend rows and summaries as the csv/json tables (columns above; integer
// columns n_periods and mk_s).
Table ToTable(const TrendTable& table);
Table ToTable(const SummaryTable& table);

void WriteTrendRows(const TrendTable& table, ReportFormat format, std::ostream& out,
                    const ReportOptions& options = {});
void WriteTrendSummaries(const SummaryTable& table, ReportFormat format, std::ostream& out,
                         const ReportOptions& options = {});

// A period as readers expect it: "2019", "2018/'19", "31-12-2019", "2019 K3",
// "2019 H1", "mei 2019".
std::string DisplayPeriod(Period period);

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_TREND_REPORT_HPP_
