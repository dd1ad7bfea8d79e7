// What compute and cohort share about person-level record files: the accounting
// of rows skipped in lenient mode, the latest date in the records, and the
// reporting window a data set declares (coverage.csv).
#ifndef ZVDJ_CLI_RECORDS_SUPPORT_H_
#define ZVDJ_CLI_RECORDS_SUPPORT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "cli/io.h"
#include "zvdj/records.hpp"
#include "zvdj/records_io.hpp"

namespace zvdj::cli {

// Examples shown per reason when rows are skipped.
inline constexpr size_t kSkippedExamples = 3;

// Every skipped row of a lenient load, written as it is skipped to FILE
// (file,line,column,reason), which appears only when complete.
class RejectsFile {
 public:
  // Hooks into `load` when `path` is not empty.
  absl::Status Attach(const std::string& path, LoadOptions* load);
  absl::Status Commit();

 private:
  std::unique_ptr<AtomicFile> file_;
};

// Prints one line per reason with its count and the first examples (with file,
// line and column), and the total; a summary, however many rows were skipped.
void ReportSkipped(const LoadReport& report, std::string_view command, std::ostream& err,
                   const std::string& rejects_path);

// The latest start, end or exit date in the store (kNoDate when none).
int32_t LatestDate(const RecordStore& store);

struct Coverage {
  int from_year = 0;
  int to_year = 0;
};
// Reads a coverage file (header from_year,to_year and one row).
absl::StatusOr<Coverage> ReadCoverage(const std::string& path);
// Writes one (atomically).
absl::Status WriteCoverage(const std::string& path, const Coverage& c);
// coverage.csv in the folder of `records_path`, when that exists.
std::optional<std::string> CoverageBeside(const std::string& records_path);

}  // namespace zvdj::cli

#endif  // ZVDJ_CLI_RECORDS_SUPPORT_H_
