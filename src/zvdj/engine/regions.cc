#include "zvdj/regions.hpp"

#include <algorithm>
#include <charconv>

#include "absl/strings/str_format.h"
#include "zvdj/core/csv_reader.h"
#include "zvdj/core/status_macros.h"
#include "zvdj/core/strings.h"
#include "zvdj/records.hpp"

namespace zvdj {
inline namespace v1 {
namespace {

// Maps the expected columns to their positions; unknown or missing columns are
// errors (the file formats are a contract).
absl::StatusOr<std::vector<size_t>> ColumnsOf(const internal::CsvReader& reader,
                                              std::initializer_list<std::string_view> names,
                                              size_t optional_from) {
  std::vector<size_t> idx;
  size_t i = 0;
  for (std::string_view name : names) {
    const int c = reader.ColumnIndex(name);
    if (c < 0) {
      if (i >= optional_from) {
        idx.push_back(SIZE_MAX);
        ++i;
        continue;
      }
      return absl::InvalidArgumentError(
          absl::StrFormat("%s:1: missing column '%s'", reader.source(), name));
    }
    idx.push_back(static_cast<size_t>(c));
    ++i;
  }
  for (size_t c = 0; c < reader.header().size(); ++c) {
    if (std::find(idx.begin(), idx.end(), c) == idx.end()) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s:1:%d: unknown column '%s'", reader.source(), c + 1, reader.header()[c]));
    }
  }
  return idx;
}

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

absl::StatusOr<uint16_t> MunicipalityField(const internal::CsvReader& r, size_t col) {
  auto code = ParseMunicipalityCode(internal::Trim(r.field(col)));
  if (!code.ok()) return r.FieldError(col, code.status().message());
  return *code;
}

}  // namespace

std::string_view RegionPrefix(RegionKind kind) noexcept {
  return kind == RegionKind::kJeugdregio ? "JZ" : "PV";
}

absl::Status RegionMap::Add(Entry entry) {
  for (const Entry& e : entries_) {
    if (e.municipality == entry.municipality && e.kind == entry.kind &&
        e.from_year <= entry.to_year && entry.from_year <= e.to_year) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s is already in %s in %d..%d; it can be in one %s region per year",
          MunicipalityCodeString(entry.municipality), e.region, e.from_year, e.to_year,
          RegionPrefix(entry.kind)));
    }
  }
  entries_.push_back(std::move(entry));
  return absl::OkStatus();
}

std::string_view RegionMap::RegionOf(uint16_t municipality, int year, RegionKind kind) const {
  for (const Entry& e : entries_) {
    if (e.municipality == municipality && e.kind == kind && e.from_year <= year &&
        year <= e.to_year) {
      return e.region;
    }
  }
  return {};
}

absl::StatusOr<RegionMap> RegionMap::Load(const std::string& path) {
  ZVDJ_ASSIGN_OR_RETURN(std::string text, internal::ReadFileToString(path));
  return Parse(text, path);
}

absl::StatusOr<RegionMap> RegionMap::Parse(std::string_view text, std::string_view source) {
  internal::CsvReader r(text, std::string(source));
  ZVDJ_RETURN_IF_ERROR(r.ReadHeader());
  ZVDJ_ASSIGN_OR_RETURN(auto col, ColumnsOf(r, {"municipality", "region", "from_year", "to_year",
                                                "municipality_name", "region_name"},
                                             4));
  RegionMap map;
  while (true) {
    ZVDJ_ASSIGN_OR_RETURN(bool more, r.Next());
    if (!more) break;
    Entry e{};
    ZVDJ_ASSIGN_OR_RETURN(e.municipality, MunicipalityField(r, col[0]));
    const std::string_view region = internal::Trim(r.field(col[1]));
    const bool digits = region.size() > 2 &&
                        std::all_of(region.begin() + 2, region.end(),
                                    [](char c) { return c >= '0' && c <= '9'; });
    if (digits && region.substr(0, 2) == "JZ") {
      e.kind = RegionKind::kJeugdregio;
    } else if (digits && region.substr(0, 2) == "PV") {
      e.kind = RegionKind::kProvincie;
    } else {
      return r.FieldError(col[1], absl::StrFormat("'%s' is not a jeugdregio (JZ + digits) or "
                                                  "provincie (PV + digits) code", region));
    }
    e.region = std::string(region);
    // Names: optional columns, trimmed; a code keeps one name.
    const std::pair<size_t, std::string> named[] = {
        {col[4], MunicipalityCodeString(e.municipality)}, {col[5], e.region}};
    for (const auto& [c, code] : named) {
      if (c == SIZE_MAX) continue;
      if (absl::Status s = map.names_.Add(code, internal::Trim(r.field(c))); !s.ok()) {
        return r.FieldError(c, s.message());
      }
    }
    if (!ParseInt(internal::Trim(r.field(col[2])), &e.from_year) || e.from_year < 1400 ||
        e.from_year > 9999) {
      return r.FieldError(col[2], "from_year must be a year (1400..9999)");
    }
    const std::string_view to = internal::Trim(r.field(col[3]));
    if (to.empty()) {
      e.to_year = kOpenYear;
    } else if (!ParseInt(to, &e.to_year) || e.to_year < e.from_year || e.to_year > 9999) {
      return r.FieldError(col[3], "to_year must be empty or a year >= from_year");
    }
    if (absl::Status s = map.Add(std::move(e)); !s.ok()) return r.FieldError(col[0], s.message());
  }
  return map;
}

absl::Status Herindeling::Add(Change change) {
  if (successor_.empty()) successor_.assign(kMunicipalityCodeLimit, -1);
  if (change.old_code == change.new_code) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s cannot be merged into itself", MunicipalityCodeString(change.old_code)));
  }
  if (const int32_t prev = successor_[change.old_code]; prev >= 0) {
    const Change& p = changes_[static_cast<size_t>(prev)];
    if (p.new_code == change.new_code && p.date == change.date) return absl::OkStatus();
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s already goes to %s on %s; splits need weights and are not supported",
        MunicipalityCodeString(change.old_code), MunicipalityCodeString(p.new_code),
        p.date.ToString()));
  }
  // A cycle would make Classify() loop: walk the successors of the new code.
  for (int32_t c = change.new_code, steps = 0; c >= 0 && steps <= kMunicipalityCodeLimit;
       ++steps) {
    if (c == change.old_code) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s -> %s closes a cycle of changes", MunicipalityCodeString(change.old_code),
          MunicipalityCodeString(change.new_code)));
    }
    const int32_t next = successor_[static_cast<size_t>(c)];
    c = next < 0 ? -1 : changes_[static_cast<size_t>(next)].new_code;
  }
  successor_[change.old_code] = static_cast<int32_t>(changes_.size());
  changes_.push_back(change);
  return absl::OkStatus();
}

uint16_t Herindeling::Classify(uint16_t municipality, int year) const {
  if (successor_.empty() || municipality >= kMunicipalityCodeLimit) return municipality;
  const Date cutoff = Date::FromYmdUnchecked(year, 1, 1);
  uint16_t m = municipality;
  while (true) {
    const int32_t i = successor_[m];
    if (i < 0) return m;
    const Change& c = changes_[static_cast<size_t>(i)];
    if (c.date > cutoff) return m;
    m = c.new_code;
  }
}

std::vector<uint16_t> Herindeling::ClassificationTable(int year) const {
  std::vector<uint16_t> t(kMunicipalityCodeLimit);
  for (int m = 0; m < kMunicipalityCodeLimit; ++m) {
    t[static_cast<size_t>(m)] = Classify(static_cast<uint16_t>(m), year);
  }
  return t;
}

absl::StatusOr<Herindeling> Herindeling::Load(const std::string& path) {
  ZVDJ_ASSIGN_OR_RETURN(std::string text, internal::ReadFileToString(path));
  return Parse(text, path);
}

absl::StatusOr<Herindeling> Herindeling::Parse(std::string_view text, std::string_view source) {
  internal::CsvReader r(text, std::string(source));
  ZVDJ_RETURN_IF_ERROR(r.ReadHeader());
  ZVDJ_ASSIGN_OR_RETURN(auto col, ColumnsOf(r, {"old_code", "new_code", "date"}, 3));
  Herindeling h;
  while (true) {
    ZVDJ_ASSIGN_OR_RETURN(bool more, r.Next());
    if (!more) break;
    Change c{};
    ZVDJ_ASSIGN_OR_RETURN(c.old_code, MunicipalityField(r, col[0]));
    ZVDJ_ASSIGN_OR_RETURN(c.new_code, MunicipalityField(r, col[1]));
    auto date = Date::Parse(internal::Trim(r.field(col[2])));
    if (!date.ok()) return r.FieldError(col[2], date.status().message());
    c.date = *date;
    if (absl::Status s = h.Add(c); !s.ok()) return r.FieldError(col[1], s.message());
  }
  return h;
}

}  // namespace v1
}  // namespace zvdj
