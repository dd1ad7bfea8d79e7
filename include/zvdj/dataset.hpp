// libzvdj datasets: observations keyed by indicator, period, region and
// breakdown dimensions, each with a value and a CBS status.
//
//   #include "zvdj/dataset.hpp"
//   zvdj::Dataset ds;
//   ds.Add({.indicator = "thuiszitters", .period = zvdj::Period::SchoolYear(2018),
//           .region = "NL01", .value = 4790});
//   ds.Add({.indicator = "jeugdhulp_met_verblijf", .period = zvdj::Period::Year(2019),
//           .region = "NL01", .dims = {{"age_group", "18-23"}}, .value = 2955});
//   for (size_t row : ds.Select({.indicator = "thuiszitters"})) {
//     double v = ds.value(row);  // NaN when the status carries no value
//   }
//
// Storage is columnar: indicator, region and dimension values are interned
// (4-byte codes), periods are 8 bytes, values doubles, statuses 1 byte. An empty
// dimension value means "total". A Dataset is not synchronised: share a const
// Dataset between threads freely, but do not mutate it while others read.
#ifndef ZVDJ_DATASET_HPP_
#define ZVDJ_DATASET_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "zvdj/period.hpp"
#include "zvdj/table.hpp"

namespace zvdj {
inline namespace v1 {

// CBS status of an observation. The first three carry a value.
enum class ValueStatus : uint8_t {
  kDefinitive = 0,          // ""   definitief
  kProvisional = 1,         // "*"  voorlopig
  kRevisedProvisional = 2,  // "**" nader voorlopig
  kUnknown = 3,             // "."  onbekend, onvoldoende betrouwbaar of geheim
  kSecret = 4,              // "x"  geheim (older CBS convention)
  kNil = 5,                 // "-"  nihil: the value is zero
  kImpossible = 6,          // empty value: cannot occur logically
};

// The symbol written in the `status` column ("", "*", "**", ".", "x", "-");
// kImpossible is written as an empty status with an empty value.
std::string_view StatusSymbol(ValueStatus status) noexcept;
// Parses a status symbol; InvalidArgument for anything else.
absl::StatusOr<ValueStatus> ParseStatusSymbol(std::string_view symbol);
// Whether observations with this status carry a number (definitive,
// provisional, revised provisional, and nil as zero).
constexpr bool HasValue(ValueStatus s) noexcept {
  return s <= ValueStatus::kRevisedProvisional || s == ValueStatus::kNil;
}
constexpr bool IsProvisional(ValueStatus s) noexcept {
  return s == ValueStatus::kProvisional || s == ValueStatus::kRevisedProvisional;
}

using Dimensions = std::vector<std::pair<std::string, std::string>>;

struct Observation {
  std::string indicator;
  Period period;
  std::string region = "NL01";
  Dimensions dims;              // (name, value); omitted or empty value = total
  std::optional<double> value;  // required when HasValue(status), except kNil
  ValueStatus status = ValueStatus::kDefinitive;
  std::string note;  // free text (source, footnote); not part of the key
};

// Row filter; empty fields match everything. `dims` entries must match exactly
// ("" matches the total only).
struct Query {
  std::string indicator;
  std::string region;
  std::optional<PeriodKind> period_kind;
  std::optional<Period> from;  // inclusive
  std::optional<Period> to;    // inclusive
  Dimensions dims;
};

class Dataset {
 public:
  Dataset();

  // Appends one observation. InvalidArgument for an empty indicator or region,
  // a value missing for a status that needs one, or a value given with a status
  // that has none; AlreadyExists for a repeated key.
  absl::Status Add(const Observation& obs);
  void Reserve(size_t rows);
  size_t size() const { return period_.size(); }
  bool empty() const { return period_.empty(); }

  std::string_view indicator(size_t row) const { return Str(indicator_[row]); }
  std::string_view region(size_t row) const { return Str(region_[row]); }
  Period period(size_t row) const { return period_[row]; }
  // NaN when the status carries no value; 0 for kNil.
  double value(size_t row) const { return value_[row]; }
  ValueStatus status(size_t row) const { return status_[row]; }
  std::string_view note(size_t row) const { return Str(note_[row]); }
  // "" (total) when the row has no value in that dimension.
  std::string_view dimension(size_t row, size_t dim) const { return Str(dims_[dim][row]); }
  Dimensions dimensions(size_t row) const;  // the non-total ones, in column order
  Observation observation(size_t row) const;

  // Dimension columns in the order first seen.
  const std::vector<std::string>& dimension_names() const { return dim_names_; }
  std::optional<size_t> dimension_index(std::string_view name) const;

  // Rows matching `query`, in insertion order.
  std::vector<size_t> Select(const Query& query) const;
  // The row with exactly this key (dims as in Observation), if any.
  std::optional<size_t> Find(std::string_view indicator, std::string_view region,
                             Period period, const Dimensions& dims = {}) const;

  // Groups rows into series (same indicator, region and dimension values).
  // Returns the series of each row, numbered from 0 in order of first appearance.
  std::vector<uint32_t> SeriesIds(uint32_t* series_count) const;

  // Distinct indicator ids in order of first appearance.
  std::vector<std::string> Indicators() const;

 private:
  uint32_t Intern(std::string_view s);
  std::optional<uint32_t> Lookup(std::string_view s) const;
  std::string_view Str(uint32_t code) const { return strings_[code]; }
  size_t EnsureDimension(std::string_view name);
  // Hash of a row's key (indicator, region, period, dimension codes).
  uint64_t KeyHash(uint32_t indicator, uint32_t region, Period period,
                   const std::vector<uint32_t>& dim_codes) const;
  bool SameKey(size_t row, uint32_t indicator, uint32_t region, Period period,
               const std::vector<uint32_t>& dim_codes) const;
  std::optional<size_t> FindCodes(uint32_t indicator, uint32_t region, Period period,
                                  const std::vector<uint32_t>& dim_codes) const;

  std::vector<std::string> strings_;  // code -> text; code 0 is ""
  absl::flat_hash_map<std::string, uint32_t> codes_;
  std::vector<std::string> dim_names_;
  std::vector<uint32_t> indicator_, region_;
  std::vector<Period> period_;
  std::vector<double> value_;
  std::vector<ValueStatus> status_;
  std::vector<uint32_t> note_;
  std::vector<std::vector<uint32_t>> dims_;  // [dimension][row]
  // KeyHash -> first row with it; rows whose hash collides go to the overflow.
  absl::flat_hash_map<uint64_t, uint32_t> keys_;
  absl::flat_hash_map<uint64_t, std::vector<uint32_t>> key_overflow_;
};

// The observations as a result table: indicator, period, region, <dimension
// columns>, value (missing when the status carries none), status, and note when
// any row has one; the csv of the table is WriteDatasetCsv's.
Table ToTable(const Dataset& dataset);

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_DATASET_HPP_
