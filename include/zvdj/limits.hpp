// libzvdj input limits: the largest inputs the loaders accept. Anything larger
// fails with ResourceExhausted naming the file (and line) instead of exhausting
// memory.
//
//   #include "zvdj/limits.hpp"
//   zvdj::DatasetReadOptions options;
//   options.limits.max_rows = 1'000'000;  // stricter than the default
//   auto ds = zvdj::ReadDatasetCsv("big.csv", options);
//
// Defaults:
//   file size            4 GiB   (the whole file is held in memory while read)
//   field length         1 MiB   (a quote left open cannot swallow a file)
//   columns per row      1024
//   data rows per file   2^31 - 1
//   dataset rows         2^32 - 2 (row and string codes are 32-bit)
//   dataset dimensions   64
#ifndef ZVDJ_LIMITS_HPP_
#define ZVDJ_LIMITS_HPP_

#include <cstddef>
#include <cstdint>

namespace zvdj {
inline namespace v1 {

inline constexpr uint64_t kMaxFileBytes = uint64_t{4} << 30;
inline constexpr size_t kMaxFieldBytes = size_t{1} << 20;
inline constexpr size_t kMaxColumns = 1024;
inline constexpr uint64_t kMaxRowsPerFile = (uint64_t{1} << 31) - 1;
inline constexpr uint64_t kMaxDatasetRows = (uint64_t{1} << 32) - 2;
inline constexpr size_t kMaxDimensions = 64;

// Per-read limits; lower them to protect a service from large uploads (or in
// tests). Values above the defaults are not supported.
struct InputLimits {
  uint64_t max_file_bytes = kMaxFileBytes;
  size_t max_field_bytes = kMaxFieldBytes;
  size_t max_columns = kMaxColumns;
  uint64_t max_rows = kMaxRowsPerFile;  // data rows, header excluded
};

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_LIMITS_HPP_
