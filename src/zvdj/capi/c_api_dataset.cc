// C API: datasets (read, build, query, write).
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/dataset.hpp"
#include "zvdj/dataset_io.hpp"
#include "zvdj/core/atomic_file.h"
#include "zvdj/core/strings.h"
#include "zvdj/number_format.hpp"
#include "zvdj/zvdj.h"

namespace zvdj::capi {

absl::StatusOr<DatasetReadOptions> ToReadOptions(const zvdj_read_options* opts) {
  DatasetReadOptions out;
  if (opts == nullptr) return out;
  ZVDJ_RETURN_IF_ERROR(CheckOptionsVersion("zvdj_read_options", opts->version,
                                           ZVDJ_READ_OPTIONS_VERSION));
  switch (opts->number_format) {
    case ZVDJ_NUMBER_FORMAT_AUTO:
      break;
    case ZVDJ_NUMBER_FORMAT_PLAIN:
      out.number_format = NumberFormat::kPlain;
      break;
    case ZVDJ_NUMBER_FORMAT_DUTCH:
      out.number_format = NumberFormat::kDutch;
      break;
    default:
      return absl::InvalidArgumentError("unknown number_format " +
                                        std::to_string(opts->number_format));
  }
  return out;
}

// Opens `path` for writing, mapping the reason of a failure to a status code.
absl::Status OpenForWrite(const char* path, std::ofstream& out) {
  errno = 0;
  out.open(path, std::ios::binary | std::ios::trunc);
  if (out) return absl::OkStatus();
  const int err = errno;
  const std::string msg = std::string(path) + ": cannot create file" +
                          (err != 0 ? std::string(": ") + std::strerror(err) : "");
  if (err == ENOENT || err == ENOTDIR) return absl::NotFoundError(msg);
  if (err == EACCES || err == EPERM || err == EROFS) return absl::PermissionDeniedError(msg);
  return absl::DataLossError(msg);
}

absl::Status FinishWrite(const char* path, std::ofstream& out) {
  out.flush();
  out.close();
  if (!out) return absl::DataLossError(std::string(path) + ": write failed");
  return absl::OkStatus();
}

namespace {

// One observation from C arguments, validated like a CSV row.
absl::StatusOr<Observation> MakeObservation(const char* indicator, const char* region,
                                            const char* period, double value,
                                            int32_t status, size_t dim_count,
                                            const char* const* dim_names,
                                            const char* const* dim_values) {
  Observation obs;
  if (indicator == nullptr || indicator[0] == '\0') {
    return absl::InvalidArgumentError("empty indicator");
  }
  obs.indicator = indicator;
  ZVDJ_ASSIGN_OR_RETURN(obs.period, ParsePeriodArg(period, "period"));
  obs.region = region == nullptr ? "NL01" : region;
  if (status < ZVDJ_VALUE_DEFINITIVE || status > ZVDJ_VALUE_IMPOSSIBLE) {
    return absl::InvalidArgumentError("unknown status " + std::to_string(status));
  }
  obs.status = static_cast<ValueStatus>(status);
  if (obs.status == ValueStatus::kNil) {
    if (!std::isnan(value) && value != 0) {
      return absl::InvalidArgumentError("status '-' (nil) with a non-zero value");
    }
    obs.value = 0.0;
  } else if (HasValue(obs.status)) {
    if (!std::isfinite(value)) {
      return absl::InvalidArgumentError(
          "status '" + std::string(StatusSymbol(obs.status)) + "' needs a finite value");
    }
    obs.value = value;
  }
  ZVDJ_ASSIGN_OR_RETURN(obs.dims, ReadDims(dim_count, dim_names, dim_values));
  return obs;
}

absl::Status CheckRow(const zvdj_dataset* dataset, size_t row) {
  ZVDJ_CAPI_REQUIRE(dataset);
  if (row >= dataset->impl.size()) {
    return absl::OutOfRangeError("row " + std::to_string(row) + " past the end (" +
                                 std::to_string(dataset->impl.size()) + " rows)");
  }
  return absl::OkStatus();
}

std::string ToCsv(const Dataset& ds) {
  std::ostringstream out;
  WriteDatasetCsv(ds, out);
  return std::move(out).str();
}

}  // namespace
}  // namespace zvdj::capi

using zvdj::capi::CopyOut;
using zvdj::capi::CopyString;
using zvdj::capi::Guard;

extern "C" {

ZVDJ_API zvdj_status zvdj_read_options_init(zvdj_read_options* opts, uint32_t version) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(opts);
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckOptionsVersion("zvdj_read_options", version,
                                                         ZVDJ_READ_OPTIONS_VERSION));
    opts->version = version;
    opts->number_format = ZVDJ_NUMBER_FORMAT_AUTO;
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_dataset_create(zvdj_dataset** out) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    *out = new zvdj_dataset();
    return absl::OkStatus();
  });
}

ZVDJ_API void zvdj_dataset_destroy(zvdj_dataset* dataset) { delete dataset; }

ZVDJ_API zvdj_status zvdj_dataset_clone(zvdj_dataset** out, const zvdj_dataset* dataset) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    ZVDJ_CAPI_REQUIRE(dataset);
    *out = new zvdj_dataset{dataset->impl};
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_dataset_read_csv(zvdj_dataset** out, const char* path,
                                           const zvdj_read_options* opts) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    ZVDJ_CAPI_REQUIRE(path);
    ZVDJ_ASSIGN_OR_RETURN(zvdj::DatasetReadOptions o, zvdj::capi::ToReadOptions(opts));
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Dataset ds, zvdj::ReadDatasetCsv(path, o));
    *out = new zvdj_dataset{std::move(ds)};
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_dataset_parse_csv(zvdj_dataset** out, const char* text,
                                            size_t length, const char* source_name,
                                            const zvdj_read_options* opts) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    if (text == nullptr && length > 0) ZVDJ_CAPI_REQUIRE(text);
    ZVDJ_ASSIGN_OR_RETURN(zvdj::DatasetReadOptions o, zvdj::capi::ToReadOptions(opts));
    const std::string_view source = source_name == nullptr ? "<memory>" : source_name;
    ZVDJ_ASSIGN_OR_RETURN(
        zvdj::Dataset ds,
        zvdj::ParseDatasetCsv(std::string_view(text == nullptr ? "" : text, length), source,
                              o));
    *out = new zvdj_dataset{std::move(ds)};
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_dataset_from_arrays_with_notes(
    zvdj_dataset** out, size_t rows, const char* const* indicators, const char* const* regions,
    const char* const* periods, const double* values, const int32_t* statuses,
    size_t dim_count, const char* const* dim_names, const char* const* dim_values,
    const char* const* notes) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    if (rows > 0) {
      ZVDJ_CAPI_REQUIRE(indicators);
      ZVDJ_CAPI_REQUIRE(periods);
      ZVDJ_CAPI_REQUIRE(values);
      if (dim_count > 0) {
        ZVDJ_CAPI_REQUIRE(dim_names);
        ZVDJ_CAPI_REQUIRE(dim_values);
      }
    }
    auto ds = std::make_unique<zvdj_dataset>();
    ds->impl.Reserve(rows);
    for (size_t r = 0; r < rows; ++r) {
      const double v = values[r];
      const int32_t st = statuses != nullptr  ? statuses[r]
                         : std::isnan(v)      ? int32_t{ZVDJ_VALUE_UNKNOWN}
                                              : int32_t{ZVDJ_VALUE_DEFINITIVE};
      const auto prefix = [&](const absl::Status& s) {
        return absl::Status(s.code(), "row " + std::to_string(r) + ": " +
                                          std::string(zvdj::internal::ToStd(s.message())));
      };
      absl::StatusOr<zvdj::Observation> obs = zvdj::capi::MakeObservation(
          indicators[r], regions == nullptr ? nullptr : regions[r], periods[r], v, st,
          dim_count, dim_names, dim_count > 0 ? dim_values + r * dim_count : nullptr);
      if (!obs.ok()) return prefix(obs.status());
      if (notes != nullptr && notes[r] != nullptr) obs->note = notes[r];
      absl::Status added = ds->impl.Add(*obs);
      if (!added.ok()) return prefix(added);
    }
    *out = ds.release();
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_dataset_from_arrays(zvdj_dataset** out, size_t rows,
                                              const char* const* indicators,
                                              const char* const* regions,
                                              const char* const* periods,
                                              const double* values,
                                              const int32_t* statuses, size_t dim_count,
                                              const char* const* dim_names,
                                              const char* const* dim_values) {
  return zvdj_dataset_from_arrays_with_notes(out, rows, indicators, regions, periods, values,
                                             statuses, dim_count, dim_names, dim_values,
                                             nullptr);
}

ZVDJ_API zvdj_status zvdj_dataset_add(zvdj_dataset* dataset, const char* indicator,
                                      const char* region, const char* period, double value,
                                      int32_t status, size_t dim_count,
                                      const char* const* dim_names,
                                      const char* const* dim_values) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(dataset);
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Observation obs,
                          zvdj::capi::MakeObservation(indicator, region, period, value,
                                                      status, dim_count, dim_names,
                                                      dim_values));
    return dataset->impl.Add(obs);
  });
}

ZVDJ_API zvdj_status zvdj_dataset_append(zvdj_dataset* dataset,
                                         const zvdj_dataset* source) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(dataset);
    ZVDJ_CAPI_REQUIRE(source);
    zvdj::Dataset merged = dataset->impl;  // all or nothing
    merged.Reserve(merged.size() + source->impl.size());
    for (size_t r = 0; r < source->impl.size(); ++r) {
      absl::Status s = merged.Add(source->impl.observation(r));
      if (!s.ok()) {
        return absl::Status(s.code(), "source row " + std::to_string(r) + ": " +
                                          std::string(zvdj::internal::ToStd(s.message())));
      }
    }
    dataset->impl = std::move(merged);
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_dataset_size(size_t* out, const zvdj_dataset* dataset) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    ZVDJ_CAPI_REQUIRE(dataset);
    *out = dataset->impl.size();
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_dataset_dimension_count(size_t* out,
                                                  const zvdj_dataset* dataset) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    ZVDJ_CAPI_REQUIRE(dataset);
    *out = dataset->impl.dimension_names().size();
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_dataset_dimension_name(char* buffer, size_t capacity,
                                                 size_t* written,
                                                 const zvdj_dataset* dataset,
                                                 size_t index) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(dataset);
    const auto& names = dataset->impl.dimension_names();
    if (index >= names.size()) {
      return absl::OutOfRangeError("dimension " + std::to_string(index) +
                                   " past the end (" + std::to_string(names.size()) +
                                   " dimensions)");
    }
    return CopyString(names[index], buffer, capacity, written);
  });
}

ZVDJ_API zvdj_status zvdj_dataset_get_string(char* buffer, size_t capacity,
                                             size_t* written, const zvdj_dataset* dataset,
                                             size_t row, const char* column) {
  return Guard([&]() -> absl::Status {
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckRow(dataset, row));
    ZVDJ_CAPI_REQUIRE(column);
    const zvdj::Dataset& ds = dataset->impl;
    const std::string_view c(column);
    if (c == "indicator") return CopyString(ds.indicator(row), buffer, capacity, written);
    if (c == "region") return CopyString(ds.region(row), buffer, capacity, written);
    if (c == "period") return CopyString(ds.period(row).ToString(), buffer, capacity, written);
    if (c == "status") {
      return CopyString(zvdj::StatusSymbol(ds.status(row)), buffer, capacity, written);
    }
    if (c == "note") return CopyString(ds.note(row), buffer, capacity, written);
    if (c == "value") {
      const double v = ds.value(row);
      return CopyString(std::isnan(v) ? std::string() : zvdj::FormatPlain(v), buffer,
                        capacity, written);
    }
    if (auto d = ds.dimension_index(c)) {
      return CopyString(ds.dimension(row, *d), buffer, capacity, written);
    }
    return absl::NotFoundError("no column '" + std::string(c) + "' in the dataset");
  });
}

ZVDJ_API zvdj_status zvdj_dataset_get_value(double* out_value, int32_t* out_status,
                                            const zvdj_dataset* dataset, size_t row) {
  return Guard([&]() -> absl::Status {
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckRow(dataset, row));
    if (out_value != nullptr) *out_value = dataset->impl.value(row);
    if (out_status != nullptr) *out_status = static_cast<int32_t>(dataset->impl.status(row));
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_dataset_get_values(double* values, uint8_t* valid,
                                             size_t capacity, size_t* written,
                                             const zvdj_dataset* dataset) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(dataset);
    const zvdj::Dataset& ds = dataset->impl;
    const size_t n = ds.size();
    ZVDJ_CAPI_REQUIRE(written);
    if (values == nullptr && capacity == 0) {
      *written = n;
      return absl::OkStatus();
    }
    std::vector<double> v(n);
    for (size_t r = 0; r < n; ++r) v[r] = ds.value(r);
    ZVDJ_RETURN_IF_ERROR(CopyOut(v.data(), n, values, capacity, written));
    if (valid != nullptr) {
      for (size_t r = 0; r < n; ++r) valid[r] = std::isnan(v[r]) ? 0 : 1;
    }
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_dataset_get_statuses(int32_t* statuses, size_t capacity,
                                               size_t* written,
                                               const zvdj_dataset* dataset) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(dataset);
    const size_t n = dataset->impl.size();
    std::vector<int32_t> s(n);
    for (size_t r = 0; r < n; ++r) s[r] = static_cast<int32_t>(dataset->impl.status(r));
    return CopyOut(s.data(), n, statuses, capacity, written);
  });
}

ZVDJ_API zvdj_status zvdj_query_init(zvdj_query* query, uint32_t version) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(query);
    if (version < 1 || version > ZVDJ_QUERY_VERSION) {
      return absl::InvalidArgumentError("zvdj_query version " + std::to_string(version) +
                                        " is not supported");
    }
    *query = zvdj_query{};
    query->version = version;
    query->period_kind = -1;
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_dataset_select(size_t* rows, size_t capacity, size_t* written,
                                         const zvdj_dataset* dataset,
                                         const zvdj_query* query) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(dataset);
    zvdj::Query q;
    if (query != nullptr) {
      if (query->version < 1 || query->version > ZVDJ_QUERY_VERSION) {
        return absl::InvalidArgumentError("zvdj_query version " +
                                          std::to_string(query->version) +
                                          " is not supported");
      }
      q.indicator = zvdj::capi::View(query->indicator);
      q.region = zvdj::capi::View(query->region);
      if (query->period_kind >= 0) {
        if (zvdj_period_kind_name(query->period_kind) == nullptr) {
          return absl::InvalidArgumentError("unknown period_kind " +
                                            std::to_string(query->period_kind));
        }
        q.period_kind = static_cast<zvdj::PeriodKind>(query->period_kind);
      }
      if (query->from != nullptr) {
        ZVDJ_ASSIGN_OR_RETURN(q.from, zvdj::capi::ParsePeriodArg(query->from, "from"));
      }
      if (query->to != nullptr) {
        ZVDJ_ASSIGN_OR_RETURN(q.to, zvdj::capi::ParsePeriodArg(query->to, "to"));
      }
      // Here an empty value is a condition ("total only"), unlike ReadDims.
      if (query->dim_count > 0) {
        if (query->dim_names == nullptr || query->dim_values == nullptr) {
          return absl::InvalidArgumentError(
              "dim_names and dim_values must not be NULL when dim_count > 0");
        }
        for (size_t i = 0; i < query->dim_count; ++i) {
          if (query->dim_names[i] == nullptr) {
            return absl::InvalidArgumentError("dimension name " + std::to_string(i) +
                                              " is NULL");
          }
          q.dims.emplace_back(query->dim_names[i],
                              std::string(zvdj::capi::View(query->dim_values[i])));
        }
      }
    }
    const std::vector<size_t> sel = dataset->impl.Select(q);
    return CopyOut(sel.data(), sel.size(), rows, capacity, written);
  });
}

ZVDJ_API zvdj_status zvdj_dataset_find(size_t* out_row, const zvdj_dataset* dataset,
                                       const char* indicator, const char* region,
                                       const char* period, size_t dim_count,
                                       const char* const* dim_names,
                                       const char* const* dim_values) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out_row);
    ZVDJ_CAPI_REQUIRE(dataset);
    ZVDJ_CAPI_REQUIRE(indicator);
    const std::string_view reg = region == nullptr ? "NL01" : region;
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Period p, zvdj::capi::ParsePeriodArg(period, "period"));
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Dimensions dims,
                          zvdj::capi::ReadDims(dim_count, dim_names, dim_values));
    std::optional<size_t> row = dataset->impl.Find(indicator, reg, p, dims);
    if (!row) {
      return absl::NotFoundError("no observation " + std::string(indicator) + " " +
                                 std::string(reg) + " " + p.ToString());
    }
    *out_row = *row;
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_dataset_write_csv(const zvdj_dataset* dataset,
                                            const char* path) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(dataset);
    ZVDJ_CAPI_REQUIRE(path);
    // A temporary file renamed into place when complete: a failed write
    // leaves a previous file untouched.
    return zvdj::internal::WriteFileAtomically(
        path, [&](std::ostream& out) { zvdj::WriteDatasetCsv(dataset->impl, out); });
  });
}

ZVDJ_API zvdj_status zvdj_dataset_to_csv(char* buffer, size_t capacity, size_t* written,
                                         const zvdj_dataset* dataset) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(dataset);
    return CopyString(zvdj::capi::ToCsv(dataset->impl), buffer, capacity, written);
  });
}

}  // extern "C"
