// Reading and writing the dataset CSV format.
//
//   #include "zvdj/dataset_io.hpp"
//   absl::StatusOr<zvdj::Dataset> ds = zvdj::ReadDatasetCsv("data/kernindicatoren.csv");
//   if (!ds.ok()) { std::cerr << ds.status().message(); }  // "file:line:column: ..."
//   zvdj::WriteDatasetCsv(*ds, std::cout);
//
// Columns (any order): indicator, period, region, value, status, and optionally
// `note` (free text, e.g. the source of the figure). Every other column is a
// breakdown dimension (age_group, form, measure, ...); an empty cell = total.
// `value` is a plain number (`.` decimals) unless the format is Dutch
// (`4.790`, `10,1`): pass NumberFormat::kDutch, or use `;` as separator (the
// StatLine CSV convention), which implies Dutch numbers unless told otherwise.
// `status` is empty (definitive) or one of * ** . x -; with . x an empty value.
// A row with an empty value and an empty status is kImpossible.
#ifndef ZVDJ_DATASET_IO_HPP_
#define ZVDJ_DATASET_IO_HPP_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "zvdj/dataset.hpp"
#include "zvdj/limits.hpp"
#include "zvdj/number_format.hpp"
#include "zvdj/table.hpp"  // CsvEscape

namespace zvdj {
inline namespace v1 {

struct DatasetReadOptions {
  // Unset: plain for ',' files, Dutch for ';' files.
  std::optional<NumberFormat> number_format;
  // File size, field length, columns and rows (zvdj/limits.hpp).
  InputLimits limits;
};

// Errors are InvalidArgument "source:line:column: reason (column 'name')";
// NotFound when the file is missing.
absl::StatusOr<Dataset> ReadDatasetCsv(const std::string& path,
                                       const DatasetReadOptions& options = {});
absl::StatusOr<Dataset> ParseDatasetCsv(std::string_view text, std::string_view source,
                                        const DatasetReadOptions& options = {});

// Writes indicator, period, region, <dimensions>, value, status[, note] with
// full-precision plain numbers. The note column is written only when a row
// has one.
void WriteDatasetCsv(const Dataset& dataset, std::ostream& out);

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_DATASET_IO_HPP_
