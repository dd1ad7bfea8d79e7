// Lookups in the option name tables of names.hpp.
#include "zvdj/names.hpp"

#include <cctype>
#include <string>
#include <string_view>

namespace zvdj {
inline namespace v1 {
namespace {

constexpr const EnumTable* kEnumTables[] = {
    &kAgeBasisTable, &kFeb29Table,    &kCiTable,       &kMethodTable,
    &kDeathTable,    &kDenominatorTable, &kFormatTable, &kRecordKindTable,
    &kLoadModeTable, &kStatLineFormatTable, &kAssessmentTable, &kLevelTable,
    &kAttributionTable,
};

}  // namespace

std::span<const EnumTable* const> EnumTables() { return kEnumTables; }

const EnumTable* FindEnumTable(std::string_view kind) {
  for (const EnumTable* t : kEnumTables) {
    if (t->kind == kind) return t;
  }
  return nullptr;
}

absl::StatusOr<int> ParseEnumValue(const EnumTable& table, std::string_view name) {
  for (const EnumEntry& e : table.names) {
    if (e.name == name) return e.value;
  }
  for (const EnumEntry& e : table.aliases) {
    if (e.name == name) return e.value;
  }
  return absl::InvalidArgumentError("unknown " + std::string(table.what) + " '" +
                                    std::string(name) + "' (expected " + ExpectedNames(table) +
                                    ")");
}

std::string_view EnumValueName(const EnumTable& table, int value) noexcept {
  for (const EnumEntry& e : table.names) {
    if (e.value == value) return e.name;
  }
  return {};
}

std::string ExpectedNames(const EnumTable& table) {
  std::string out;
  const size_t n = table.names.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) out += i + 1 == n ? " or " : ", ";
    out += table.names[i].name;
  }
  return out;
}

std::string CConstantName(const EnumTable& table, std::string_view name) {
  if (table.c_prefix.empty()) return {};
  std::string out(table.c_prefix);
  for (char c : name) {
    out.push_back(c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

}  // namespace v1
}  // namespace zvdj
