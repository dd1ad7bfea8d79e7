// libzvdj from C++: read a dataset, summarise every series and assess it.
//
//   trends_cpp [DATASET.csv]   (default: examples/data/kernindicatoren_sample.csv)
//
// CMake: find_package(zvdj) + target_link_libraries(app PRIVATE zvdj::zvdj).
#include <iostream>
#include <string>

#include "zvdj/assessment.hpp"
#include "zvdj/catalogue.hpp"
#include "zvdj/dataset_io.hpp"
#include "zvdj/number_format.hpp"
#include "zvdj/trend.hpp"
#include "zvdj/trend_report.hpp"

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "examples/data/kernindicatoren_sample.csv";
  absl::StatusOr<zvdj::Dataset> ds = zvdj::ReadDatasetCsv(path);
  if (!ds.ok()) {
    std::cerr << ds.status().message() << "\n";  // "file:line:column: reason"
    return 2;
  }
  const zvdj::Catalogue& catalogue = zvdj::Catalogue::BuiltIn();
  const zvdj::BreakRegister no_breaks;
  zvdj::SummaryTable sums = zvdj::ComputeTrendSummaries(*ds, catalogue, no_breaks);
  zvdj::AssessSummaries(sums, zvdj::CagrRule());
  for (const zvdj::TrendSummary& s : sums.summaries) {
    const zvdj::TrendSeries& series = sums.series[s.series];
    const zvdj::IndicatorDef* def = catalogue.Find(series.indicator);
    std::cout << (def != nullptr ? def->name_nl : series.indicator);
    for (const std::string& d : series.dims) {
      if (!d.empty()) std::cout << " " << d;
    }
    if (s.first_period && s.last_period) {
      std::cout << ": " << s.first_period->ToString() << " -> " << s.last_period->ToString();
    }
    if (s.pp_change) {
      std::cout << " " << zvdj::FormatDutchSigned(*s.pp_change, 1) << " procentpunt";
    } else if (s.rel_change_pct) {
      std::cout << " " << zvdj::FormatDutchSigned(*s.rel_change_pct, 0) << "%";
    }
    std::cout << " (" << s.assessment << ")\n";
  }
  // The same summaries as `zvdj trends --summary --format table`.
  zvdj::WriteTrendSummaries(sums, zvdj::ReportFormat::kTable, std::cout);
  return 0;
}
