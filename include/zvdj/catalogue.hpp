// libzvdj indicator catalogue: what each indicator id means, its unit, counting
// unit, period kind and desired direction.
//
//   #include "zvdj/catalogue.hpp"
//   const zvdj::Catalogue& cat = zvdj::Catalogue::BuiltIn();
//   const zvdj::IndicatorDef* d = cat.Find("jeugdhulp_met_verblijf");
//   d->unit;                                              // Unit::kCount
//   cat.DirectionFor("jeugdhulp_met_verblijf", {{"age_group", "18-23"}});  // kUp
//
//   zvdj::Catalogue mine = zvdj::Catalogue::BuiltIn();   // copy, then extend
//   mine.LoadCsv("my_indicators.csv");                    // same columns as WriteCsv
//
// The built-in ids are a contract (see the README for the full list). A user
// catalogue may add ids and replace built-in definitions.
#ifndef ZVDJ_CATALOGUE_HPP_
#define ZVDJ_CATALOGUE_HPP_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "zvdj/dataset.hpp"
#include "zvdj/period.hpp"

namespace zvdj {
inline namespace v1 {

enum class Unit : uint8_t { kCount, kPercentage };
enum class CountingUnit : uint8_t {
  kPersons,       // unique youths
  kTrajectories,  // jeugdhulptrajecten
  kMeasures,      // jeugdbeschermingsmaatregelen
  kEmployees,     // survey respondents among employees (AZW)
  kClients,       // survey respondents among clients
};
enum class Direction : uint8_t { kDown, kUp, kNone };

std::string_view UnitName(Unit unit) noexcept;                  // "count", "percentage"
std::string_view CountingUnitName(CountingUnit unit) noexcept;  // "persons", ...
std::string_view DirectionName(Direction direction) noexcept;   // "down", "up", "none"
absl::StatusOr<Unit> ParseUnit(std::string_view name);
absl::StatusOr<CountingUnit> ParseCountingUnit(std::string_view name);
absl::StatusOr<Direction> ParseDirection(std::string_view name);

// A different desired direction for one dimension value (e.g. age_group 18-23
// of jeugdhulp_met_verblijf is "up": verlengde jeugdhulp is intended).
struct DirectionOverride {
  std::string dimension;
  std::string value;
  Direction direction;
};

struct IndicatorDef {
  std::string id;
  std::string name_nl;
  std::string name_en;
  Unit unit = Unit::kCount;
  CountingUnit counting_unit = CountingUnit::kPersons;
  PeriodKind period_kind = PeriodKind::kYear;
  Direction direction = Direction::kNone;
  std::string source;
  std::vector<DirectionOverride> overrides;
};

class Catalogue {
 public:
  // The built-in definitions (kernindicatoren and every series the project ships).
  static const Catalogue& BuiltIn();

  // Adds or replaces a definition. InvalidArgument for an empty or malformed id
  // (lower case letters, digits and '_').
  absl::Status Add(IndicatorDef def);
  const IndicatorDef* Find(std::string_view id) const;
  const std::vector<IndicatorDef>& indicators() const { return defs_; }

  // The desired direction for a series: the first override whose dimension
  // value matches, else the indicator's direction; kNone for unknown ids.
  Direction DirectionFor(std::string_view id, const Dimensions& dims) const;

  // CSV columns: id, name_nl, name_en, unit, counting_unit, period_kind,
  // direction, source, overrides ("age_group=18-23:up;..."; may be empty).
  absl::Status LoadCsv(const std::string& path);
  absl::Status ParseCsv(std::string_view text, std::string_view source);
  void WriteCsv(std::ostream& out) const;

 private:
  std::vector<IndicatorDef> defs_;
};

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_CATALOGUE_HPP_
