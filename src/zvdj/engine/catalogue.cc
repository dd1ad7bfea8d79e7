#include "zvdj/catalogue.hpp"

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/core/csv_reader.h"
#include "zvdj/core/status_macros.h"

namespace zvdj {
inline namespace v1 {
namespace builtin {
// Defined in builtin_catalogue.cc.
std::vector<IndicatorDef> BuiltInIndicatorDefs();
}  // namespace builtin

namespace {

template <typename E, size_t N>
absl::StatusOr<E> ParseEnum(std::string_view text, const E (&values)[N],
                            std::string_view (*name)(E) noexcept, std::string_view what) {
  std::vector<std::string> names;
  for (E v : values) {
    if (name(v) == text) return v;
    names.emplace_back(name(v));
  }
  return absl::InvalidArgumentError(absl::StrFormat("unknown %s '%s' (expected %s)", what, text,
                                                    absl::StrJoin(names, ", ")));
}

bool ValidId(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

std::string_view UnitName(Unit unit) noexcept {
  return unit == Unit::kCount ? "count" : "percentage";
}

std::string_view CountingUnitName(CountingUnit unit) noexcept {
  switch (unit) {
    case CountingUnit::kPersons: return "persons";
    case CountingUnit::kTrajectories: return "trajectories";
    case CountingUnit::kMeasures: return "measures";
    case CountingUnit::kEmployees: return "employees";
    case CountingUnit::kClients: return "clients";
  }
  return "?";
}

std::string_view DirectionName(Direction direction) noexcept {
  switch (direction) {
    case Direction::kDown: return "down";
    case Direction::kUp: return "up";
    case Direction::kNone: return "none";
  }
  return "?";
}

absl::StatusOr<Unit> ParseUnit(std::string_view name) {
  static constexpr Unit kAll[] = {Unit::kCount, Unit::kPercentage};
  return ParseEnum(name, kAll, &UnitName, "unit");
}

absl::StatusOr<CountingUnit> ParseCountingUnit(std::string_view name) {
  static constexpr CountingUnit kAll[] = {CountingUnit::kPersons, CountingUnit::kTrajectories,
                                          CountingUnit::kMeasures, CountingUnit::kEmployees,
                                          CountingUnit::kClients};
  return ParseEnum(name, kAll, &CountingUnitName, "counting unit");
}

absl::StatusOr<Direction> ParseDirection(std::string_view name) {
  static constexpr Direction kAll[] = {Direction::kDown, Direction::kUp, Direction::kNone};
  return ParseEnum(name, kAll, &DirectionName, "direction");
}

const Catalogue& Catalogue::BuiltIn() {
  static const Catalogue* const kBuiltIn = [] {
    auto* c = new Catalogue();
    for (auto& def : builtin::BuiltInIndicatorDefs()) {
      absl::Status s = c->Add(std::move(def));
      (void)s;  // the built-in table is checked by catalogue_test
    }
    return c;
  }();
  return *kBuiltIn;
}

absl::Status Catalogue::Add(IndicatorDef def) {
  if (!ValidId(def.id)) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "indicator id '%s' must be lower case letters, digits and '_'", def.id));
  }
  for (auto& existing : defs_) {
    if (existing.id == def.id) {
      existing = std::move(def);
      return absl::OkStatus();
    }
  }
  defs_.push_back(std::move(def));
  return absl::OkStatus();
}

const IndicatorDef* Catalogue::Find(std::string_view id) const {
  for (const auto& d : defs_) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

Direction Catalogue::DirectionFor(std::string_view id, const Dimensions& dims) const {
  const IndicatorDef* def = Find(id);
  if (def == nullptr) return Direction::kNone;
  for (const auto& o : def->overrides) {
    for (const auto& [name, value] : dims) {
      if (name == o.dimension && value == o.value) return o.direction;
    }
  }
  return def->direction;
}

absl::Status Catalogue::LoadCsv(const std::string& path) {
  ZVDJ_ASSIGN_OR_RETURN(std::string text, internal::ReadFileToString(path));
  return ParseCsv(text, path);
}

absl::Status Catalogue::ParseCsv(std::string_view text, std::string_view source) {
  internal::CsvReader csv(text, std::string(source));
  ZVDJ_RETURN_IF_ERROR(csv.ReadHeader());
  static constexpr const char* kColumns[] = {"id", "name_nl", "name_en", "unit",
                                             "counting_unit", "period_kind", "direction",
                                             "source", "overrides"};
  int col[9];
  for (int i = 0; i < 9; ++i) {
    col[i] = csv.ColumnIndex(kColumns[i]);
    if (col[i] < 0 && i != 8) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s:1: missing required column '%s'", source, kColumns[i]));
    }
  }
  for (size_t i = 0; i < csv.header().size(); ++i) {
    bool known = false;
    for (int c : col) known |= c == static_cast<int>(i);
    if (!known) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s:1:%d: unknown column '%s'", source, i + 1, csv.header()[i]));
    }
  }
  std::vector<IndicatorDef> parsed;
  std::vector<size_t> lines;  // line of each parsed definition
  while (true) {
    ZVDJ_ASSIGN_OR_RETURN(bool more, csv.Next());
    if (!more) break;
    IndicatorDef d;
    d.id = std::string(csv.field(col[0]));
    if (!ValidId(d.id)) return csv.FieldError(col[0], "id must be lower case letters, digits and '_'");
    d.name_nl = std::string(csv.field(col[1]));
    d.name_en = std::string(csv.field(col[2]));
    auto unit = ParseUnit(csv.field(col[3]));
    if (!unit.ok()) return csv.FieldError(col[3], unit.status().message());
    d.unit = *unit;
    auto cu = ParseCountingUnit(csv.field(col[4]));
    if (!cu.ok()) return csv.FieldError(col[4], cu.status().message());
    d.counting_unit = *cu;
    auto pk = ParsePeriodKind(csv.field(col[5]));
    if (!pk.ok()) return csv.FieldError(col[5], pk.status().message());
    d.period_kind = *pk;
    auto dir = ParseDirection(csv.field(col[6]));
    if (!dir.ok()) return csv.FieldError(col[6], dir.status().message());
    d.direction = *dir;
    d.source = std::string(csv.field(col[7]));
    if (col[8] >= 0 && !csv.field(col[8]).empty()) {
      const std::string overrides(csv.field(col[8]));
      for (absl::string_view piece : absl::StrSplit(overrides, ';')) {
        const std::string_view item(piece.data(), piece.size());
        const size_t eq = item.find('='), colon = item.rfind(':');
        if (eq == std::string_view::npos || colon == std::string_view::npos || colon < eq) {
          return csv.FieldError(col[8], absl::StrFormat(
              "override '%s' must look like dimension=value:direction", item));
        }
        auto od = ParseDirection(item.substr(colon + 1));
        if (!od.ok()) return csv.FieldError(col[8], od.status().message());
        d.overrides.push_back({std::string(item.substr(0, eq)),
                               std::string(item.substr(eq + 1, colon - eq - 1)), *od});
      }
    }
    // The same id twice in one file is a mistake (which row should win?);
    // replacing a built-in definition is not.
    for (size_t i = 0; i < parsed.size(); ++i) {
      if (parsed[i].id == d.id) {
        return csv.FieldError(col[0], absl::StrFormat("id '%s' appears twice in this file (first on line %d)",
                                                      d.id, lines[i]));
      }
    }
    lines.push_back(csv.line());
    parsed.push_back(std::move(d));
  }
  for (auto& d : parsed) ZVDJ_RETURN_IF_ERROR(Add(std::move(d)));
  return absl::OkStatus();
}

void Catalogue::WriteCsv(std::ostream& out) const {
  out << "id,name_nl,name_en,unit,counting_unit,period_kind,direction,source,overrides\n";
  for (const auto& d : defs_) {
    std::vector<std::string> ov;
    for (const auto& o : d.overrides) {
      ov.push_back(absl::StrFormat("%s=%s:%s", o.dimension, o.value, DirectionName(o.direction)));
    }
    out << d.id << ',' << CsvEscape(d.name_nl) << ',' << CsvEscape(d.name_en) << ','
        << UnitName(d.unit) << ',' << CountingUnitName(d.counting_unit) << ','
        << PeriodKindName(d.period_kind) << ',' << DirectionName(d.direction) << ','
        << CsvEscape(d.source) << ',' << CsvEscape(absl::StrJoin(ov, ";")) << '\n';
  }
}

}  // namespace v1
}  // namespace zvdj
