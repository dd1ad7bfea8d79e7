// libzvdj regions: the year-versioned mapping of gemeenten to jeugdregio's and
// provincies, and gemeentelijke herindeling (old code -> new code from a date).
//
//   #include "zvdj/regions.hpp"
//   auto regions = zvdj::RegionMap::Load("regions.csv");          // StatusOr
//   regions->RegionOf(363, 2019, zvdj::RegionKind::kJeugdregio);  // "JZ18"
//   auto her = zvdj::Herindeling::Load("herindeling.csv");
//   her->Classify(844, 2019);  // 1948: Schijndel became Meierijstad on 2017-01-01
//
// regions.csv: municipality,region,from_year,to_year (to_year empty = open),
// and optionally municipality_name and region_name: the names readers see
// ("Amsterdam", "Amsterdam-Amstelland (JZ)"). An empty name leaves the code
// (or a name given on another row); two different names for one code are an
// error. A municipality maps to at most one region per prefix (JZ, PV) in any
// year.
//   zvdj::RegionNames names = zvdj::RegionNames::BuiltIn();
//   names.Merge(regions->names());
//   names.Label("GM0363");  // "Amsterdam"; an unknown code is its own label
// herindeling.csv: old_code,new_code,date. A code disappears on `date`, its
// area joins `new_code`; chains (A -> B -> C) are followed. The classification
// of year Y is the "gemeentelijke indeling op 1 januari Y": every change dated
// on or before 1 January Y applies. Splits (one old code with two successors)
// need weights and are rejected. Municipality codes are numbers (GM0363 -> 363).
// Errors in either file name file:line:column.
#ifndef ZVDJ_REGIONS_HPP_
#define ZVDJ_REGIONS_HPP_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "zvdj/date.hpp"

namespace zvdj {
inline namespace v1 {

// Municipality numbers are GM + 4 digits, so below this bound.
inline constexpr int kMunicipalityCodeLimit = 10000;

enum class RegionKind : uint8_t { kJeugdregio = 0, kProvincie = 1 };
inline constexpr int kRegionKindCount = 2;
// "JZ", "PV".
std::string_view RegionPrefix(RegionKind kind) noexcept;

// Names of region codes, for readers (factsheets, terminal tables). CSV and
// JSON outputs keep the codes.
class RegionNames {
 public:
  // The CBS names of Nederland (NL01), the twelve provincies (PV20..PV31,
  // "Noord-Holland (PV)") and the municipalities that occur in the shipped
  // and the generated data (GM0363 "Amsterdam", GM0518 "'s-Gravenhage", ...).
  static const RegionNames& BuiltIn();

  // InvalidArgument when `code` already has another name. An empty name is
  // ignored (the code stays its own label).
  absl::Status Add(std::string_view code, std::string_view name);
  // Adds or replaces every name of `other`.
  void Merge(const RegionNames& other);
  // The name of `code`, or "" when it has none.
  std::string_view Find(std::string_view code) const;
  // The name of `code`, or the code itself.
  std::string Label(std::string_view code) const;
  size_t size() const { return names_.size(); }
  const std::map<std::string, std::string, std::less<>>& names() const { return names_; }

 private:
  std::map<std::string, std::string, std::less<>> names_;
};

class RegionMap {
 public:
  struct Entry {
    uint16_t municipality;
    RegionKind kind;
    std::string region;  // "JZ18", "PV27"
    int from_year;
    int to_year;  // inclusive; kOpenYear when open
  };
  static constexpr int kOpenYear = 9999;

  static absl::StatusOr<RegionMap> Load(const std::string& path);
  static absl::StatusOr<RegionMap> Parse(std::string_view text, std::string_view source);

  // InvalidArgument when the entry overlaps one of the same municipality and kind.
  absl::Status Add(Entry entry);
  // The region of `municipality` in `year`, or "" when the file has none.
  std::string_view RegionOf(uint16_t municipality, int year, RegionKind kind) const;
  const std::vector<Entry>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }
  // The names of the file's municipality_name and region_name columns.
  const RegionNames& names() const { return names_; }
  RegionNames& names() { return names_; }

 private:
  std::vector<Entry> entries_;
  RegionNames names_;
};

class Herindeling {
 public:
  struct Change {
    uint16_t old_code;
    uint16_t new_code;
    Date date;
  };

  static absl::StatusOr<Herindeling> Load(const std::string& path);
  static absl::StatusOr<Herindeling> Parse(std::string_view text, std::string_view source);

  // InvalidArgument for a split (a second successor of `old_code`), a change of
  // a code into itself, or a cycle.
  absl::Status Add(Change change);
  // The code that `municipality`'s area has in the classification of `year`.
  uint16_t Classify(uint16_t municipality, int year) const;
  // Classify() for every code 0..9999, for use in hot loops.
  std::vector<uint16_t> ClassificationTable(int year) const;
  const std::vector<Change>& changes() const { return changes_; }

 private:
  std::vector<Change> changes_;
  std::vector<int32_t> successor_;  // by old code: index into changes_, or -1
};

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_REGIONS_HPP_
