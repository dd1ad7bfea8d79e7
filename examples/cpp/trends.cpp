// libzvdj from C++: read a dataset, list a series and its year-over-year change.
//
//   trends_cpp [DATASET.csv]   (default: examples/data/kernindicatoren_sample.csv)
//
// CMake: find_package(zvdj) + target_link_libraries(app PRIVATE zvdj::zvdj).
#include <iostream>
#include <string>

#include "zvdj/catalogue.hpp"
#include "zvdj/dataset.hpp"
#include "zvdj/dataset_io.hpp"
#include "zvdj/number_format.hpp"

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "examples/data/kernindicatoren_sample.csv";
  absl::StatusOr<zvdj::Dataset> ds = zvdj::ReadDatasetCsv(path);
  if (!ds.ok()) {
    std::cerr << ds.status().message() << "\n";  // "file:line:column: reason"
    return 2;
  }
  const zvdj::Catalogue& catalogue = zvdj::Catalogue::BuiltIn();
  for (const std::string& id : ds->Indicators()) {
    const zvdj::IndicatorDef* def = catalogue.Find(id);
    std::cout << (def != nullptr ? def->name_nl : id) << "\n";
    double previous = 0;
    bool have_previous = false;
    zvdj::Query query;
    query.indicator = id;
    for (size_t row : ds->Select(query)) {
      const double v = ds->value(row);
      std::cout << "  " << ds->period(row).ToString();
      for (const auto& [name, value] : ds->dimensions(row)) std::cout << " " << value;
      const bool percentage = def != nullptr && def->unit == zvdj::Unit::kPercentage;
      std::cout << "  " << zvdj::FormatDutch(v, percentage ? 1 : 0);
      if (have_previous && previous != 0) {
        std::cout << "  (" << zvdj::FormatDutchSigned(100 * (v - previous) / previous, 1)
                  << "%)";
      }
      std::cout << "\n";
      previous = v;
      have_previous = true;
    }
  }
  return 0;
}
