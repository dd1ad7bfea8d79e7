#include "zvdj/dataset.hpp"

#include <cmath>
#include <limits>

#include "absl/strings/str_format.h"
#include "zvdj/limits.hpp"

namespace zvdj {
inline namespace v1 {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

uint64_t Mix(uint64_t h, uint64_t v) {
  // splitmix64 finaliser over a running combination.
  uint64_t z = h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace

std::string_view StatusSymbol(ValueStatus status) noexcept {
  switch (status) {
    case ValueStatus::kDefinitive: return "";
    case ValueStatus::kProvisional: return "*";
    case ValueStatus::kRevisedProvisional: return "**";
    case ValueStatus::kUnknown: return ".";
    case ValueStatus::kSecret: return "x";
    case ValueStatus::kNil: return "-";
    case ValueStatus::kImpossible: return "";
  }
  return "";
}

absl::StatusOr<ValueStatus> ParseStatusSymbol(std::string_view symbol) {
  if (symbol.empty()) return ValueStatus::kDefinitive;
  if (symbol == "*") return ValueStatus::kProvisional;
  if (symbol == "**") return ValueStatus::kRevisedProvisional;
  if (symbol == ".") return ValueStatus::kUnknown;
  if (symbol == "x" || symbol == "X") return ValueStatus::kSecret;
  if (symbol == "-") return ValueStatus::kNil;
  return absl::InvalidArgumentError(absl::StrFormat(
      "unknown status '%s' (expected empty, *, **, ., x or -)", symbol));
}

Dataset::Dataset() {
  strings_.emplace_back();
  codes_.emplace("", 0);
}

uint32_t Dataset::Intern(std::string_view s) {
  auto it = codes_.find(absl::string_view(s.data(), s.size()));
  if (it != codes_.end()) return it->second;
  const auto code = static_cast<uint32_t>(strings_.size());
  strings_.emplace_back(s);
  codes_.emplace(std::string(s), code);
  return code;
}

std::optional<uint32_t> Dataset::Lookup(std::string_view s) const {
  auto it = codes_.find(absl::string_view(s.data(), s.size()));
  if (it == codes_.end()) return std::nullopt;
  return it->second;
}

size_t Dataset::EnsureDimension(std::string_view name) {
  if (auto i = dimension_index(name)) return *i;
  dim_names_.emplace_back(name);
  dims_.emplace_back(size(), 0u);
  return dim_names_.size() - 1;
}

std::optional<size_t> Dataset::dimension_index(std::string_view name) const {
  for (size_t i = 0; i < dim_names_.size(); ++i) {
    if (dim_names_[i] == name) return i;
  }
  return std::nullopt;
}

void Dataset::Reserve(size_t rows) {
  indicator_.reserve(rows);
  region_.reserve(rows);
  period_.reserve(rows);
  value_.reserve(rows);
  status_.reserve(rows);
  note_.reserve(rows);
  for (auto& d : dims_) d.reserve(rows);
  keys_.reserve(rows);
}

uint64_t Dataset::KeyHash(uint32_t indicator, uint32_t region, Period period,
                          const std::vector<uint32_t>& dim_codes) const {
  uint64_t h = Mix(Mix(indicator, region), static_cast<uint64_t>(period.key()));
  // Trailing totals (code 0) are skipped: the code vector of a key is shorter
  // when it was built before later dimension columns appeared.
  size_t n = dim_codes.size();
  while (n > 0 && dim_codes[n - 1] == 0) --n;
  for (size_t i = 0; i < n; ++i) h = Mix(h, dim_codes[i]);
  return h;
}

bool Dataset::SameKey(size_t row, uint32_t indicator, uint32_t region, Period period,
                      const std::vector<uint32_t>& dim_codes) const {
  if (indicator_[row] != indicator || region_[row] != region || period_[row] != period) {
    return false;
  }
  for (size_t d = 0; d < dims_.size(); ++d) {
    const uint32_t want = d < dim_codes.size() ? dim_codes[d] : 0;
    if (dims_[d][row] != want) return false;
  }
  return true;
}

std::optional<size_t> Dataset::FindCodes(uint32_t indicator, uint32_t region, Period period,
                                         const std::vector<uint32_t>& dim_codes) const {
  const uint64_t h = KeyHash(indicator, region, period, dim_codes);
  auto it = keys_.find(h);
  if (it == keys_.end()) return std::nullopt;
  if (SameKey(it->second, indicator, region, period, dim_codes)) return it->second;
  auto ov = key_overflow_.find(h);
  if (ov != key_overflow_.end()) {
    for (uint32_t row : ov->second) {
      if (SameKey(row, indicator, region, period, dim_codes)) return row;
    }
  }
  return std::nullopt;
}

absl::Status Dataset::Add(const Observation& obs) {
  if (obs.indicator.empty()) return absl::InvalidArgumentError("observation without indicator");
  if (obs.region.empty()) return absl::InvalidArgumentError("observation without region");
  const bool needs_value = obs.status <= ValueStatus::kRevisedProvisional;
  if (needs_value && !obs.value.has_value()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s %s: a value is required for status '%s'", obs.indicator, obs.period.ToString(),
        StatusSymbol(obs.status)));
  }
  if (!HasValue(obs.status) && obs.value.has_value()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s %s: status '%s' carries no value", obs.indicator, obs.period.ToString(),
        StatusSymbol(obs.status)));
  }
  if (obs.value.has_value() && !std::isfinite(*obs.value)) {
    return absl::InvalidArgumentError("value is not finite");
  }
  if (obs.status == ValueStatus::kNil && obs.value.has_value() && *obs.value != 0) {
    return absl::InvalidArgumentError("status '-' (nil) with a non-zero value");
  }
  std::vector<uint32_t> dim_codes(dims_.size(), 0);
  if (size() >= kMaxDatasetRows) {
    return absl::ResourceExhaustedError(
        absl::StrFormat("more than the limit of %d rows in a dataset", kMaxDatasetRows));
  }
  for (const auto& [name, val] : obs.dims) {
    if (name.empty()) return absl::InvalidArgumentError("dimension without a name");
    if (!dimension_index(name) && dim_names_.size() >= kMaxDimensions) {
      return absl::ResourceExhaustedError(absl::StrFormat(
          "dimension '%s' is one more than the limit of %d dimensions", name, kMaxDimensions));
    }
    const size_t d = EnsureDimension(name);
    if (dim_codes.size() < dims_.size()) dim_codes.resize(dims_.size(), 0);
    dim_codes[d] = Intern(val);
  }
  const uint32_t ind = Intern(obs.indicator);
  const uint32_t reg = Intern(obs.region);
  if (FindCodes(ind, reg, obs.period, dim_codes).has_value()) {
    return absl::AlreadyExistsError(absl::StrFormat(
        "duplicate observation %s / %s / %s", obs.indicator, obs.region,
        obs.period.ToString()));
  }
  const auto row = static_cast<uint32_t>(size());
  const uint64_t h = KeyHash(ind, reg, obs.period, dim_codes);
  if (!keys_.emplace(h, row).second) key_overflow_[h].push_back(row);
  indicator_.push_back(ind);
  region_.push_back(reg);
  period_.push_back(obs.period);
  value_.push_back(obs.status == ValueStatus::kNil ? 0.0
                   : obs.value.has_value()        ? *obs.value
                                                  : kNaN);
  status_.push_back(obs.status);
  note_.push_back(Intern(obs.note));
  for (size_t d = 0; d < dims_.size(); ++d) dims_[d].push_back(dim_codes[d]);
  return absl::OkStatus();
}

Dimensions Dataset::dimensions(size_t row) const {
  Dimensions out;
  for (size_t d = 0; d < dims_.size(); ++d) {
    if (dims_[d][row] != 0) out.emplace_back(dim_names_[d], Str(dims_[d][row]));
  }
  return out;
}

Observation Dataset::observation(size_t row) const {
  Observation o;
  o.indicator = std::string(indicator(row));
  o.period = period(row);
  o.region = std::string(region(row));
  o.dims = dimensions(row);
  if (HasValue(status(row))) o.value = value(row);
  o.status = status(row);
  o.note = std::string(note(row));
  return o;
}

std::vector<size_t> Dataset::Select(const Query& q) const {
  std::vector<size_t> out;
  std::optional<uint32_t> ind, reg;
  if (!q.indicator.empty() && !(ind = Lookup(q.indicator))) return out;
  if (!q.region.empty() && !(reg = Lookup(q.region))) return out;
  std::vector<std::pair<size_t, uint32_t>> dim_filter;
  for (const auto& [name, val] : q.dims) {
    auto d = dimension_index(name);
    auto code = Lookup(val);
    if (!code) return out;
    if (!d) {
      if (*code != 0) return out;  // asking for a value of an absent dimension
      continue;
    }
    dim_filter.emplace_back(*d, *code);
  }
  for (size_t row = 0; row < size(); ++row) {
    if (ind && indicator_[row] != *ind) continue;
    if (reg && region_[row] != *reg) continue;
    const Period p = period_[row];
    if (q.period_kind && p.kind() != *q.period_kind) continue;
    if (q.from && (p.kind() != q.from->kind() || p < *q.from)) continue;
    if (q.to && (p.kind() != q.to->kind() || *q.to < p)) continue;
    bool ok = true;
    for (const auto& [d, code] : dim_filter) ok &= dims_[d][row] == code;
    if (ok) out.push_back(row);
  }
  return out;
}

std::optional<size_t> Dataset::Find(std::string_view ind, std::string_view reg, Period period,
                                    const Dimensions& dims) const {
  auto i = Lookup(ind);
  auto r = Lookup(reg);
  if (!i || !r) return std::nullopt;
  std::vector<uint32_t> dim_codes(dims_.size(), 0);
  for (const auto& [name, val] : dims) {
    auto d = dimension_index(name);
    auto code = Lookup(val);
    if (!code) return std::nullopt;
    if (!d) {
      if (*code != 0) return std::nullopt;
      continue;
    }
    dim_codes[*d] = *code;
  }
  return FindCodes(*i, *r, period, dim_codes);
}

std::vector<uint32_t> Dataset::SeriesIds(uint32_t* series_count) const {
  std::vector<uint32_t> ids(size());
  absl::flat_hash_map<uint64_t, std::vector<std::pair<uint32_t, uint32_t>>> seen;  // hash -> (row, id)
  uint32_t next = 0;
  const Period zero;
  std::vector<uint32_t> codes(dims_.size());
  for (size_t row = 0; row < size(); ++row) {
    for (size_t d = 0; d < dims_.size(); ++d) codes[d] = dims_[d][row];
    const uint64_t h = KeyHash(indicator_[row], region_[row], zero, codes);
    auto& bucket = seen[h];
    bool found = false;
    for (const auto& [other, id] : bucket) {
      if (SameKey(other, indicator_[row], region_[row], period_[other], codes)) {
        ids[row] = id;
        found = true;
        break;
      }
    }
    if (!found) {
      bucket.emplace_back(static_cast<uint32_t>(row), next);
      ids[row] = next++;
    }
  }
  if (series_count) *series_count = next;
  return ids;
}

std::vector<std::string> Dataset::Indicators() const {
  std::vector<std::string> out;
  absl::flat_hash_map<uint32_t, bool> seen;
  for (uint32_t code : indicator_) {
    if (seen.emplace(code, true).second) out.emplace_back(Str(code));
  }
  return out;
}

}  // namespace v1
}  // namespace zvdj
