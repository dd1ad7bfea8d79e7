// Shared machinery of the C API (src/zvdj/c_api*.cc): the handle structs, the
// one exception guard every exported function goes through, the thread's last
// error, and copying results into caller buffers.
#ifndef ZVDJ_C_API_INTERNAL_H_
#define ZVDJ_C_API_INTERNAL_H_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <fstream>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "zvdj/breaks.hpp"
#include "zvdj/catalogue.hpp"
#include "zvdj/cohort.hpp"
#include "zvdj/dataset.hpp"
#include "zvdj/dataset_io.hpp"
#include "zvdj/indicators.hpp"
#include "zvdj/records.hpp"
#include "zvdj/table.hpp"
#include "zvdj/zvdj.h"
#include "zvdj/core/status_macros.h"

struct zvdj_dataset {
  zvdj::Dataset impl;
};
struct zvdj_catalogue {
  zvdj::Catalogue impl;
};
struct zvdj_breaks {
  zvdj::BreakRegister impl;
};
struct zvdj_records {
  zvdj::RecordStore impl;
};

namespace zvdj::capi {

// Every result of the C API is a zvdj::Table (zvdj/table.hpp).
using ResultTable = ::zvdj::Table;

// The cohort and estimates behind a cohort result's rows (for
// zvdj_table_to_dataset and zvdj_cohort_result_to_dataset).
struct CohortRows {
  Cohort cohort;
  std::vector<CohortEstimate> estimates;
};

// The accessors of zvdj_table; the older result handles' functions forward to
// them (see ZVDJ_CAPI_TABLE_API).
absl::Status TableRows(size_t* out, const ResultTable* t);
absl::Status TableColumnCount(size_t* out, const ResultTable* t);
absl::Status TableColumnName(char* buffer, size_t capacity, size_t* written,
                             const ResultTable* t, size_t index);
absl::Status TableColumnIsNumeric(int32_t* out, const ResultTable* t, const char* column);
absl::Status TableGetNumbers(double* values, uint8_t* valid, size_t capacity, size_t* written,
                             const ResultTable* t, const char* column);
absl::Status TableGetString(char* buffer, size_t capacity, size_t* written,
                            const ResultTable* t, size_t row, const char* column);
absl::Status TableColumnKind(int32_t* out, const ResultTable* t, const char* column);
absl::Status TableGetIntegers(int64_t* values, uint8_t* valid, size_t capacity, size_t* written,
                              const ResultTable* t, const char* column);
absl::Status TableGetTexts(char* buffer, size_t capacity, size_t* written, size_t* offsets,
                           size_t offsets_capacity, const ResultTable* t, const char* column);
// The table in a format of names.hpp ("csv", "json", "md", "table").
absl::Status TableWrite(char* buffer, size_t capacity, size_t* written, const ResultTable* t,
                        const char* format, size_t width);

}  // namespace zvdj::capi

// The one result type of zvdj.h: trends, summaries, cohorts, survival curves,
// state distributions, closure rows, reports.
struct zvdj_table {
  zvdj::Table table;
  // Cohort results only: what zvdj_table_to_dataset converts.
  std::shared_ptr<const zvdj::capi::CohortRows> cohort;
};
// The older cohort handle: a zvdj_table under its own name.
struct zvdj_cohort_result : zvdj_table {};

namespace zvdj::capi {
// Sets result->table to the rows of `rows` (columns of ToTable(Cohort, ...))
// and keeps `rows` for zvdj_table_to_dataset.
void FillCohortTable(zvdj_table* result, CohortRows rows, CohortTableLayout layout);

// Runs `fill(handle)` on a new Handle (zvdj_table or an older handle derived
// from it) and hands it to *out when it succeeds.
template <class Handle, class Fill>
absl::Status NewResult(Handle** out, Fill&& fill) {
  if (out == nullptr) return absl::InvalidArgumentError("argument 'out' must not be NULL");
  auto result = std::make_unique<Handle>();
  ZVDJ_RETURN_IF_ERROR(fill(static_cast<zvdj_table&>(*result)));
  *out = result.release();
  return absl::OkStatus();
}

// A new zvdj_table holding a copy of a result handle's table.
template <class Handle>
zvdj_table* CopyAsTable(const Handle& h) {
  auto t = std::make_unique<zvdj_table>();
  t->table = h.table;
  if constexpr (std::is_base_of_v<zvdj_table, Handle>) t->cohort = h.cohort;
  return t.release();
}
}  // namespace zvdj::capi

// Defines the functions of an older table handle of zvdj.h (`prefix`_rows,
// ...) as forwards to the zvdj_table accessors, for a handle type with a
// `ResultTable table` member; `csv_of` is the CSV text of the handle `h`.
// `prefix`_table gives the handle's table as a new zvdj_table.
#define ZVDJ_CAPI_TABLE_API(prefix, type, csv_of)                                             \
  ZVDJ_API void prefix##_destroy(type* result) { delete result; }                            \
  ZVDJ_API zvdj_status prefix##_table(zvdj_table** out, const type* result) {                \
    return ::zvdj::capi::Guard([&]() -> absl::Status {                                        \
      ZVDJ_CAPI_REQUIRE(out);                                                                 \
      ZVDJ_CAPI_REQUIRE(result);                                                              \
      *out = ::zvdj::capi::CopyAsTable(*result);                                              \
      return absl::OkStatus();                                                                \
    });                                                                                       \
  }                                                                                           \
  ZVDJ_API zvdj_status prefix##_rows(size_t* out, const type* result) {                      \
    return ::zvdj::capi::Guard([&]() -> absl::Status {                                        \
      ZVDJ_CAPI_REQUIRE(result);                                                              \
      return ::zvdj::capi::TableRows(out, &result->table);                                    \
    });                                                                                       \
  }                                                                                           \
  ZVDJ_API zvdj_status prefix##_column_count(size_t* out, const type* result) {              \
    return ::zvdj::capi::Guard([&]() -> absl::Status {                                        \
      ZVDJ_CAPI_REQUIRE(result);                                                              \
      return ::zvdj::capi::TableColumnCount(out, &result->table);                             \
    });                                                                                       \
  }                                                                                           \
  ZVDJ_API zvdj_status prefix##_column_name(char* buffer, size_t capacity, size_t* written,  \
                                            const type* result, size_t index) {               \
    return ::zvdj::capi::Guard([&]() -> absl::Status {                                        \
      ZVDJ_CAPI_REQUIRE(result);                                                              \
      return ::zvdj::capi::TableColumnName(buffer, capacity, written, &result->table, index); \
    });                                                                                       \
  }                                                                                           \
  ZVDJ_API zvdj_status prefix##_column_is_numeric(int32_t* out, const type* result,          \
                                                  const char* column) {                       \
    return ::zvdj::capi::Guard([&]() -> absl::Status {                                        \
      ZVDJ_CAPI_REQUIRE(result);                                                              \
      return ::zvdj::capi::TableColumnIsNumeric(out, &result->table, column);                 \
    });                                                                                       \
  }                                                                                           \
  ZVDJ_API zvdj_status prefix##_get_numbers(double* values, uint8_t* valid, size_t capacity, \
                                            size_t* written, const type* result,              \
                                            const char* column) {                             \
    return ::zvdj::capi::Guard([&]() -> absl::Status {                                        \
      ZVDJ_CAPI_REQUIRE(result);                                                              \
      return ::zvdj::capi::TableGetNumbers(values, valid, capacity, written, &result->table,  \
                                           column);                                           \
    });                                                                                       \
  }                                                                                           \
  ZVDJ_API zvdj_status prefix##_get_string(char* buffer, size_t capacity, size_t* written,   \
                                           const type* result, size_t row,                    \
                                           const char* column) {                              \
    return ::zvdj::capi::Guard([&]() -> absl::Status {                                        \
      ZVDJ_CAPI_REQUIRE(result);                                                              \
      return ::zvdj::capi::TableGetString(buffer, capacity, written, &result->table, row,     \
                                          column);                                            \
    });                                                                                       \
  }                                                                                           \
  ZVDJ_API zvdj_status prefix##_to_csv(char* buffer, size_t capacity, size_t* written,       \
                                       const type* result) {                                  \
    return ::zvdj::capi::Guard([&]() -> absl::Status {                                        \
      ZVDJ_CAPI_REQUIRE(result);                                                              \
      const type* h = result;                                                                 \
      return ::zvdj::capi::CopyString(csv_of, buffer, capacity, written);                     \
    });                                                                                       \
  }


namespace zvdj::capi {

// Records `status` as this thread's last error and returns its code.
zvdj_status SetError(const absl::Status& status);
inline zvdj_status ToC(const absl::Status& status) {
  return status.ok() ? ZVDJ_OK : SetError(status);
}

// Runs `f` (returning absl::Status) so that no exception escapes: out of memory
// becomes RESOURCE_EXHAUSTED, any other exception INTERNAL, and anything that is
// not a std::exception UNKNOWN. Every exported function that can fail uses it.
template <class F>
zvdj_status Guard(F&& f) noexcept {
  try {
    return ToC(std::forward<F>(f)());
  } catch (const std::bad_alloc&) {
    return SetError(absl::ResourceExhaustedError("out of memory"));
  } catch (const std::exception& e) {
    try {
      return SetError(absl::InternalError(std::string("internal error: ") + e.what()));
    } catch (...) {
      return ZVDJ_INTERNAL;
    }
  } catch (...) {
    return SetError(absl::UnknownError("unknown exception"));
  }
}

// InvalidArgument "argument '<what>' must not be NULL" unless `p` is set.
absl::Status Require(const void* p, const char* what);
#define ZVDJ_CAPI_REQUIRE(p) ZVDJ_RETURN_IF_ERROR(::zvdj::capi::Require((p), #p))

// InvalidArgument "<type> version <version> is not supported" unless `version` is in
// 1..`newest`: the check of every zvdj_*_options_init.
absl::Status CheckOptionsVersion(const char* type, uint32_t version, uint32_t newest);

// NULL or "" -> "".
inline std::string_view View(const char* s) { return s == nullptr ? std::string_view() : s; }

// The buffer convention of zvdj.h for `count` elements at `src`.
template <class T>
absl::Status CopyOut(const T* src, size_t count, T* buffer, size_t capacity,
                     size_t* written) {
  if (written == nullptr) return absl::InvalidArgumentError("written must not be NULL");
  *written = count;
  if (buffer == nullptr && capacity == 0) return absl::OkStatus();  // size query
  if (buffer == nullptr) return absl::InvalidArgumentError("buffer must not be NULL");
  if (capacity < count) {
    return absl::OutOfRangeError("buffer too small: capacity " + std::to_string(capacity) +
                                 ", required " + std::to_string(count));
  }
  if (count > 0) std::memcpy(buffer, src, count * sizeof(T));
  return absl::OkStatus();
}

// The string convention: bytes including the terminating NUL.
absl::Status CopyString(std::string_view s, char* buffer, size_t capacity, size_t* written);

// Dimensions from parallel name/value arrays; NULL or "" values are totals and
// left out.
absl::StatusOr<Dimensions> ReadDims(size_t count, const char* const* names,
                                    const char* const* values);

// Parses a period code; `what` names the argument in the message.
absl::StatusOr<Period> ParsePeriodArg(const char* code, const char* what);
// Parses an ISO date; `what` names the argument in the message.
absl::StatusOr<Date> ParseDateArg(const char* iso, const char* what);

// Opens `path` for writing: NotFound / PermissionDenied / DataLoss with the
// reason when it cannot be created.
absl::Status OpenForWrite(const char* path, std::ofstream& out);
// Closes `out`; DataLoss when anything failed to be written.
absl::Status FinishWrite(const char* path, std::ofstream& out);

// The C++ read options for `opts` (NULL = defaults); InvalidArgument for an
// unknown version or number format.
absl::StatusOr<DatasetReadOptions> ToReadOptions(const zvdj_read_options* opts);

// SurvivalOptions for a ZVDJ_CI_* transform and level; InvalidArgument for an
// unknown transform or a level outside (0, 1).
absl::StatusOr<SurvivalOptions> ToSurvivalOptions(int32_t ci, double ci_level);

// Cohort methods from a comma-separated list ("aj,km", "all"), in order and
// without repeats; InvalidArgument naming a bad item.
absl::StatusOr<std::vector<CohortMethod>> ParseMethodList(std::string_view list);

// The outflow options shared by zvdj_cohort_options and zvdj_outflow_options:
// horizons and methods (NULL = "1m,3m,6m" and "aj"), death handling and the
// ZVDJ_DENOMINATOR_* denominator. The survival options and cut-off are left to
// the caller.
absl::StatusOr<OutflowOptions> ToOutflowOptions(const char* horizons, const char* methods,
                                                int32_t death_as_censoring, int32_t denominator);

// The latest date in the records (starts, ends, exits): the default cut-off of
// cohort estimations; kNoDate when there is none.
int32_t LatestDate(const RecordStore& s);
// The cut-off of a cohort estimation in days: `cutoff` when given, else LatestDate;
// InvalidArgument when `cutoff` is not a date or the records have no dates.
absl::StatusOr<int32_t> CohortCutoff(const char* cutoff, const RecordStore& s);

// The C++ compute options for `opts` (NULL = defaults) and the computation
// itself, shared by zvdj_compute and zvdj_compute_with_closure.
absl::StatusOr<ComputeResult> RunCompute(const zvdj_records* records,
                                                const zvdj_compute_options* opts);

}  // namespace zvdj::capi

#endif  // ZVDJ_C_API_INTERNAL_H_
