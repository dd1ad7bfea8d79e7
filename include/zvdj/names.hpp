// libzvdj option names: one table of spellings per option, read by the
// command's flag parser, the C API's constants (zvdj_constant,
// zvdj_enum_names) and the Python and R packages.
//
//   #include "zvdj/names.hpp"
//   absl::StatusOr<zvdj::AgeBasis> b = zvdj::ParseEnum<zvdj::AgeBasis>("period_start");
//   std::string_view n = zvdj::EnumName(zvdj::Feb29Rule::kFeb28);      // "feb28"
//   const zvdj::EnumTable* t = zvdj::FindEnumTable("ci");             // by kind
//   std::string list = zvdj::ExpectedNames(*t);   // "log, log-log or plain"
//
// Each table lists the canonical names in value order (what the library
// writes) and aliases it also accepts. An unknown name is InvalidArgument
// "unknown <what> '<name>' (expected a, b or c)".
//
// Adding an option: define its `inline constexpr EnumEntry` array and
// `EnumTable` below, an EnumTraits specialisation for its C++ enum, and add
// the table to kEnumTables (names.cc). When zvdj.h has constants for it, give
// the table their prefix (ZVDJ_AGE_BASIS_): zvdj_constant then finds
// ZVDJ_AGE_BASIS_PERIOD_START from the name "period_start". For example the
// attribution rule is
//   inline constexpr EnumEntry kAttributionNames[] = {{"cbs", 0}, {"latest", 1}};
//   inline constexpr EnumTable kAttributionTable{"attribution", "attribution rule",
//                                                "ZVDJ_ATTRIBUTION_", kAttributionNames, {}};
//   template <> struct EnumTraits<Attribution> { ... kAttributionTable ... };
#ifndef ZVDJ_NAMES_HPP_
#define ZVDJ_NAMES_HPP_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "zvdj/cohort.hpp"
#include "zvdj/date.hpp"
#include "zvdj/indicators.hpp"
#include "zvdj/records_io.hpp"
#include "zvdj/statline.hpp"
#include "zvdj/survival.hpp"
#include "zvdj/table.hpp"

namespace zvdj {
inline namespace v1 {

struct EnumEntry {
  std::string_view name;
  int value;
};

struct EnumTable {
  std::string_view kind;      // the option's key for bindings: "age_basis"
  std::string_view what;      // for messages: "age basis"
  std::string_view c_prefix;  // "ZVDJ_AGE_BASIS_", or "" without C constants
  std::span<const EnumEntry> names;    // canonical, in value order
  std::span<const EnumEntry> aliases;  // accepted when reading
};

// The person-level record files and the tables of a record store.
enum class RecordKind : uint8_t {
  kPersons = 0,
  kProviders,
  kJeugdhulp,
  kJeugdbescherming,
  kVerzuim,
  kVervolgzorg,
};

// An assessment rule of trend summaries (ZVDJ_ASSESSMENT_*).
enum class AssessmentKind : uint8_t { kCagr = 0, kTolerance, kNone };

inline constexpr EnumEntry kAgeBasisNames[] = {
    {"period_end", 0}, {"period_start", 1}, {"record_start", 2}};
inline constexpr EnumTable kAgeBasisTable{"age_basis", "age basis", "ZVDJ_AGE_BASIS_",
                                          kAgeBasisNames, {}};

inline constexpr EnumEntry kFeb29Names[] = {{"mar1", 0}, {"feb28", 1}};
inline constexpr EnumTable kFeb29Table{"feb29", "29 February rule", "", kFeb29Names, {}};

inline constexpr EnumEntry kCiNames[] = {{"log", 0}, {"log-log", 1}, {"plain", 2}};
inline constexpr EnumEntry kCiAliases[] = {{"loglog", 1}, {"log_log", 1}};
inline constexpr EnumTable kCiTable{"ci", "confidence interval transform", "ZVDJ_CI_",
                                    kCiNames, kCiAliases};

inline constexpr EnumEntry kMethodNames[] = {{"aj", 0}, {"km", 1}, {"naive", 2}};
inline constexpr EnumTable kMethodTable{"method", "method", "", kMethodNames, {}};

inline constexpr EnumEntry kDeathNames[] = {{"competing", 0}, {"censor", 1}};
inline constexpr EnumTable kDeathTable{"death", "death handling", "", kDeathNames, {}};

inline constexpr EnumEntry kDenominatorNames[] = {{"all", 0}, {"zonder_verlengde", 1}};
inline constexpr EnumTable kDenominatorTable{"denominator", "denominator", "ZVDJ_DENOMINATOR_",
                                             kDenominatorNames, {}};

inline constexpr EnumEntry kFormatNames[] = {{"csv", 0}, {"json", 1}, {"md", 2}, {"table", 3}};
inline constexpr EnumEntry kFormatAliases[] = {{"markdown", 2}};
inline constexpr EnumTable kFormatTable{"format", "format", "", kFormatNames, kFormatAliases};

inline constexpr EnumEntry kRecordKindNames[] = {
    {"persons", 0}, {"providers", 1}, {"jeugdhulp", 2},
    {"jeugdbescherming", 3}, {"verzuim", 4}, {"vervolgzorg", 5}};
inline constexpr EnumTable kRecordKindTable{"record_kind", "record kind", "", kRecordKindNames,
                                            {}};

inline constexpr EnumEntry kLoadModeNames[] = {{"strict", 0}, {"lenient", 1}};
inline constexpr EnumTable kLoadModeTable{"load_mode", "load mode", "ZVDJ_LOAD_", kLoadModeNames,
                                          {}};

inline constexpr EnumEntry kStatLineFormatNames[] = {{"odata3", 0}, {"odata4", 1}, {"csv", 2}};
inline constexpr EnumTable kStatLineFormatTable{"statline_format", "StatLine format",
                                                "ZVDJ_STATLINE_", kStatLineFormatNames, {}};

inline constexpr EnumEntry kAssessmentNames[] = {{"cagr", 0}, {"tolerance", 1}, {"none", 2}};
inline constexpr EnumTable kAssessmentTable{"assessment", "assessment rule", "ZVDJ_ASSESSMENT_",
                                            kAssessmentNames, {}};

// Which municipality a person counts in (ZVDJ_ATTRIBUTION_*).
inline constexpr EnumEntry kAttributionNames[] = {{"cbs", 0}, {"latest", 1}};
inline constexpr EnumTable kAttributionTable{"attribution", "attribution rule",
                                             "ZVDJ_ATTRIBUTION_", kAttributionNames, {}};

// Region levels are a bit set: the values are the bits (ZVDJ_LEVEL_*).
inline constexpr EnumEntry kLevelNames[] = {
    {"gemeente", 1}, {"jeugdregio", 2}, {"provincie", 4}, {"land", 8}};
inline constexpr EnumEntry kLevelAliases[] = {{"nl", 8}, {"NL01", 8}};
inline constexpr EnumTable kLevelTable{"level", "region level", "ZVDJ_LEVEL_", kLevelNames,
                                       kLevelAliases};

// Every table, for lookups by kind (names.cc).
std::span<const EnumTable* const> EnumTables();
// The table of `kind` ("age_basis", "ci", ...), or nullptr.
const EnumTable* FindEnumTable(std::string_view kind);

// The value of `name` (canonical or alias); InvalidArgument otherwise.
absl::StatusOr<int> ParseEnumValue(const EnumTable& table, std::string_view name);
// The canonical name of `value`, or "" when there is none.
std::string_view EnumValueName(const EnumTable& table, int value) noexcept;
// "a, b or c": the canonical names for messages and help texts.
std::string ExpectedNames(const EnumTable& table);
// The C constant of a canonical name: "ZVDJ_CI_LOG_LOG" for ci "log-log"; ""
// when the table has no C constants.
std::string CConstantName(const EnumTable& table, std::string_view name);

// Typed access: EnumTraits<E>::table is the table of enum E.
template <class E>
struct EnumTraits;
template <>
struct EnumTraits<AgeBasis> {
  static constexpr const EnumTable& table = kAgeBasisTable;
};
template <>
struct EnumTraits<Feb29Rule> {
  static constexpr const EnumTable& table = kFeb29Table;
};
template <>
struct EnumTraits<CiTransform> {
  static constexpr const EnumTable& table = kCiTable;
};
template <>
struct EnumTraits<CohortMethod> {
  static constexpr const EnumTable& table = kMethodTable;
};
template <>
struct EnumTraits<DeathHandling> {
  static constexpr const EnumTable& table = kDeathTable;
};
template <>
struct EnumTraits<Denominator> {
  static constexpr const EnumTable& table = kDenominatorTable;
};
template <>
struct EnumTraits<TableFormat> {
  static constexpr const EnumTable& table = kFormatTable;
};
template <>
struct EnumTraits<RecordKind> {
  static constexpr const EnumTable& table = kRecordKindTable;
};
template <>
struct EnumTraits<LoadMode> {
  static constexpr const EnumTable& table = kLoadModeTable;
};
template <>
struct EnumTraits<StatLineFormat> {
  static constexpr const EnumTable& table = kStatLineFormatTable;
};
template <>
struct EnumTraits<Attribution> {
  static constexpr const EnumTable& table = kAttributionTable;
};
template <>
struct EnumTraits<AssessmentKind> {
  static constexpr const EnumTable& table = kAssessmentTable;
};

template <class E>
absl::StatusOr<E> ParseEnum(std::string_view name) {
  absl::StatusOr<int> v = ParseEnumValue(EnumTraits<E>::table, name);
  if (!v.ok()) return v.status();
  return static_cast<E>(*v);
}

template <class E>
std::string_view EnumName(E value) noexcept {
  return EnumValueName(EnumTraits<E>::table, static_cast<int>(value));
}

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_NAMES_HPP_
