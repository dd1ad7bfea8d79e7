// C API for R's .C(): every argument is a pointer and nothing is returned, so
// `dyn.load("libzvdj.so")` plus `.C("zvdj_dotc_trends", ...)` works without a
// compiled shim. Each function reads CSV files and writes its result as a CSV
// file that R reads back with read.csv().
#include <algorithm>
#include <cstring>
#include <fstream>
#include <string>

#include "absl/status/status.h"
#include "zvdj/c_api_internal.h"
#include "zvdj/internal/atomic_file.h"
#include "zvdj/zvdj.h"

namespace zvdj::capi {
namespace {

// NULL or "" -> NULL (an optional path left out).
const char* OptionalPath(const char* const* p) {
  return p == nullptr || *p == nullptr || (*p)[0] == '\0' ? nullptr : *p;
}

// Copies the last error into R's message string, never longer than the string
// R passed in (R copies it back with that length).
void Report(zvdj_status s, int* status, char** message) {
  if (status != nullptr) *status = s;
  if (message == nullptr || *message == nullptr) return;
  const size_t room = std::strlen(*message);
  const char* text = s == ZVDJ_OK ? "" : zvdj_last_error_message();
  const size_t n = std::min(room, std::strlen(text));
  std::memcpy(*message, text, n);
  (*message)[n] = '\0';
}

// Writes a table result's CSV to `path`.
template <class R, class F>
zvdj_status WriteCsv(const R* result, F to_csv, const char* path) {
  return Guard([&]() -> absl::Status {
    size_t need = 0;
    if (to_csv(nullptr, 0, &need, result) != ZVDJ_OK) {
      return absl::Status(static_cast<absl::StatusCode>(zvdj_last_error_code()),
                          zvdj_last_error_message());
    }
    std::string text(need, '\0');
    to_csv(text.data(), text.size(), &need, result);
    text.resize(need - 1);
    return internal::WriteFileAtomically(path, std::string_view(text));
  });
}

}  // namespace
}  // namespace zvdj::capi

extern "C" {

ZVDJ_API void zvdj_dotc_version(int* version_number) {
  if (version_number != nullptr) *version_number = zvdj_version_number();
}

ZVDJ_API void zvdj_dotc_trends(const char* const* dataset_csv, const char* const* breaks_csv,
                               const int* summary, const char* const* output_csv, int* status,
                               char** message) {
  using zvdj::capi::OptionalPath;
  zvdj_dataset* ds = nullptr;
  zvdj_breaks* breaks = nullptr;
  zvdj_trend_result* result = nullptr;
  const char* in = OptionalPath(dataset_csv);
  const char* out = OptionalPath(output_csv);
  zvdj_status s = zvdj_dataset_read_csv(&ds, in, nullptr);
  if (s == ZVDJ_OK && OptionalPath(breaks_csv) != nullptr) {
    s = zvdj_breaks_create(&breaks);
    if (s == ZVDJ_OK) s = zvdj_breaks_load_csv(breaks, OptionalPath(breaks_csv));
  }
  if (s == ZVDJ_OK) {
    s = summary != nullptr && *summary != 0
            ? zvdj_trends_summarize(&result, ds, nullptr, breaks, nullptr)
            : zvdj_trends_compute(&result, ds, nullptr, breaks, nullptr);
  }
  if (s == ZVDJ_OK) {
    s = out == nullptr ? zvdj::capi::SetError(absl::InvalidArgumentError(
                             "argument 'output_csv' must not be empty"))
                       : zvdj::capi::WriteCsv(result, zvdj_trend_result_to_csv, out);
  }
  zvdj_trend_result_destroy(result);
  zvdj_breaks_destroy(breaks);
  zvdj_dataset_destroy(ds);
  zvdj::capi::Report(s, status, message);
}

ZVDJ_API void zvdj_dotc_compute(const char* const* jeugdhulp_csv,
                                const char* const* jeugdbescherming_csv,
                                const char* const* verzuim_csv, const int* from_year,
                                const int* to_year, const char* const* output_csv,
                                int* status, char** message) {
  using zvdj::capi::OptionalPath;
  zvdj_records* rec = nullptr;
  zvdj_dataset* ds = nullptr;
  zvdj_status s = zvdj_records_create(&rec);
  if (s == ZVDJ_OK) {
    s = zvdj_records_load_files(nullptr, rec, OptionalPath(jeugdhulp_csv),
                                OptionalPath(jeugdbescherming_csv), OptionalPath(verzuim_csv),
                                nullptr, nullptr, nullptr);
  }
  if (s == ZVDJ_OK) {
    zvdj_compute_options opts;
    zvdj_compute_options_init(&opts, ZVDJ_COMPUTE_OPTIONS_VERSION);
    if (from_year != nullptr) opts.from_year = *from_year;
    if (to_year != nullptr) opts.to_year = *to_year;
    s = zvdj_compute(&ds, rec, &opts);
  }
  if (s == ZVDJ_OK) {
    const char* out = OptionalPath(output_csv);
    s = out == nullptr ? zvdj::capi::SetError(absl::InvalidArgumentError(
                             "argument 'output_csv' must not be empty"))
                       : zvdj_dataset_write_csv(ds, out);
  }
  zvdj_dataset_destroy(ds);
  zvdj_records_destroy(rec);
  zvdj::capi::Report(s, status, message);
}

ZVDJ_API void zvdj_dotc_cohort(const char* const* jeugdhulp_csv,
                               const char* const* vervolgzorg_csv,
                               const char* const* persons_csv, const int* year_of_18,
                               const char* const* cutoff, const char* const* horizons,
                               const char* const* output_csv, int* status, char** message) {
  using zvdj::capi::OptionalPath;
  zvdj_records* rec = nullptr;
  zvdj_cohort_result* result = nullptr;
  zvdj_status s = zvdj_records_create(&rec);
  if (s == ZVDJ_OK) {
    s = zvdj_records_load_files(nullptr, rec, OptionalPath(jeugdhulp_csv), nullptr, nullptr,
                                OptionalPath(vervolgzorg_csv), OptionalPath(persons_csv),
                                nullptr);
  }
  if (s == ZVDJ_OK) {
    zvdj_cohort_options opts;
    zvdj_cohort_options_init(&opts, ZVDJ_COHORT_OPTIONS_VERSION);
    opts.year_of_18 = year_of_18 != nullptr ? *year_of_18 : 0;
    opts.cutoff = OptionalPath(cutoff);
    opts.horizons = OptionalPath(horizons);
    s = zvdj_cohort_estimate(&result, rec, &opts);
  }
  if (s == ZVDJ_OK) {
    const char* out = OptionalPath(output_csv);
    s = out == nullptr ? zvdj::capi::SetError(absl::InvalidArgumentError(
                             "argument 'output_csv' must not be empty"))
                       : zvdj::capi::WriteCsv(result, zvdj_cohort_result_to_csv, out);
  }
  zvdj_cohort_result_destroy(result);
  zvdj_records_destroy(rec);
  zvdj::capi::Report(s, status, message);
}

}  // extern "C"
