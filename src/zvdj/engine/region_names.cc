// Names of region codes: the built-in CBS names and the names of a regions
// file.
#include <string>
#include <string_view>

#include "absl/strings/str_format.h"
#include "zvdj/regions.hpp"

namespace zvdj {
inline namespace v1 {
namespace {

struct Named {
  std::string_view code, name;
};

// CBS region names as StatLine writes them (a provincie carries "(PV)", so
// that the provincie Utrecht and the municipality Utrecht differ). The
// municipalities are those with their real code in the shipped data and in
// `zvdj generate`'s geography (its largest municipalities and the old and new
// codes of three herindelingen); the generator's other codes are synthetic and
// keep their code.
constexpr Named kBuiltIn[] = {
    {"NL01", "Nederland"},
    {"PV20", "Groningen (PV)"},
    {"PV21", "Fryslân (PV)"},
    {"PV22", "Drenthe (PV)"},
    {"PV23", "Overijssel (PV)"},
    {"PV24", "Flevoland (PV)"},
    {"PV25", "Gelderland (PV)"},
    {"PV26", "Utrecht (PV)"},
    {"PV27", "Noord-Holland (PV)"},
    {"PV28", "Zuid-Holland (PV)"},
    {"PV29", "Zeeland (PV)"},
    {"PV30", "Noord-Brabant (PV)"},
    {"PV31", "Limburg (PV)"},
    {"GM0014", "Groningen"},
    {"GM0015", "Grootegast"},
    {"GM0022", "Leek"},
    {"GM0025", "Marum"},
    {"GM0034", "Almere"},
    {"GM0056", "Zuidhorn"},
    {"GM0268", "Nijmegen"},
    {"GM0344", "Utrecht"},
    {"GM0363", "Amsterdam"},
    {"GM0518", "'s-Gravenhage"},
    {"GM0545", "Leerdam"},
    {"GM0599", "Rotterdam"},
    {"GM0620", "Vianen"},
    {"GM0707", "Zederik"},
    {"GM0758", "Breda"},
    {"GM0772", "Eindhoven"},
    {"GM0844", "Schijndel"},
    {"GM0846", "Sint-Oedenrode"},
    {"GM0855", "Tilburg"},
    {"GM0860", "Veghel"},
    {"GM1948", "Meierijstad"},
    {"GM1961", "Vijfheerenlanden"},
    {"GM1969", "Westerkwartier"},
};

}  // namespace

const RegionNames& RegionNames::BuiltIn() {
  static const RegionNames* names = [] {
    auto* n = new RegionNames;
    for (const Named& e : kBuiltIn) n->names_.emplace(std::string(e.code), std::string(e.name));
    return n;
  }();
  return *names;
}

absl::Status RegionNames::Add(std::string_view code, std::string_view name) {
  if (name.empty()) return absl::OkStatus();
  auto it = names_.find(code);
  if (it == names_.end()) {
    names_.emplace(std::string(code), std::string(name));
    return absl::OkStatus();
  }
  if (it->second == name) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrFormat(
      "%s is named '%s' and '%s'; a code has one name", code, it->second, name));
}

void RegionNames::Merge(const RegionNames& other) {
  for (const auto& [code, name] : other.names_) names_[code] = name;
}

std::string_view RegionNames::Find(std::string_view code) const {
  auto it = names_.find(code);
  return it == names_.end() ? std::string_view() : std::string_view(it->second);
}

std::string RegionNames::Label(std::string_view code) const {
  const std::string_view name = Find(code);
  return std::string(name.empty() ? code : name);
}

}  // namespace v1
}  // namespace zvdj
