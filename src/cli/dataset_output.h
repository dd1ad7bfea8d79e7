// The dataset (indicator, period, region, dimensions, value, status) in the
// command's output formats: csv (the dataset format), json, md and table.
#ifndef ZVDJ_CLI_DATASET_OUTPUT_H_
#define ZVDJ_CLI_DATASET_OUTPUT_H_

#include <ostream>
#include <string>

#include "zvdj/dataset.hpp"
#include "zvdj/regions.hpp"

namespace zvdj::cli {

// md and table show region names from `names` (default the built-in ones);
// csv and json keep the codes.
void WriteDataset(const Dataset& ds, const std::string& format, std::ostream& out,
                  const RegionNames* names = nullptr);

}  // namespace zvdj::cli

#endif  // ZVDJ_CLI_DATASET_OUTPUT_H_
