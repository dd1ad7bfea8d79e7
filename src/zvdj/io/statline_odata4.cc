// StatLine OData v4 ("CCB"): Observations pages + MeasureCodes, Dimensions and
// <Dim>Codes, grouped per table.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "zvdj/io/statline_table.h"
#include "zvdj/core/status_macros.h"
#include "zvdj/core/strings.h"

namespace zvdj::internal {
namespace {

std::string WhereOf(const ODataDocument& doc, const JsonValue& v) {
  return StatLineWhere(doc.name, v.line(), v.column());
}

std::string OptionalString(const JsonValue& row, std::string_view key) {
  const JsonValue* v = row.Find(key);
  return v != nullptr && v->is_string() ? v->text() : std::string();
}

// The observation members that are not dimensions.
bool IsObservationField(std::string_view name) {
  return name == "Id" || name == "Measure" || name == "ValueAttribute" || name == "Value" ||
         name == "StringValue" || name.substr(0, 1) == "@";
}

// ValueAttribute codes. The service documents "None" for an ordinary value;
// the others are read by name (the service's $metadata lists them per table).
std::optional<ValueStatus> AttributeStatus(std::string_view a) {
  if (a.empty() || a == "None") return std::nullopt;
  if (a == "Impossible") return ValueStatus::kImpossible;
  if (a == "Missing" || a == "Unknown" || a == "NotAvailable" || a == "Unreliable") {
    return ValueStatus::kUnknown;
  }
  if (a == "Confidential" || a == "Secret") return ValueStatus::kSecret;
  if (a == "Nil" || a == "Zero") return ValueStatus::kNil;
  return ValueStatus::kDefinitive;  // sentinel: unknown attribute
}

StatLineDimKind KindFromName(std::string_view name) {
  if (name == "Perioden" || name == "Periods" || name == "Periode") return StatLineDimKind::kTime;
  if (name == "RegioS" || name == "Regions" || name == "WijkenEnBuurten" || name == "Regio") {
    return StatLineDimKind::kGeo;
  }
  return StatLineDimKind::kOther;
}

struct TableDocs {
  std::vector<const ODataDocument*> observations;
  const ODataDocument* dimensions = nullptr;
  std::map<std::string, std::vector<const ODataDocument*>> codes;  // "Perioden" -> docs
};

// The kind of each dimension by identifier, from the Dimensions document.
absl::StatusOr<std::map<std::string, StatLineDimKind>> DimensionKinds(const TableDocs& t) {
  std::map<std::string, StatLineDimKind> kinds;
  if (t.dimensions == nullptr) return kinds;
  for (const JsonValue& row : t.dimensions->rows->items()) {
    const std::string ident = OptionalString(row, "Identifier");
    const std::string kind = OptionalString(row, "Kind");
    if (ident.empty()) {
      return StatLineError(WhereOf(*t.dimensions, row), "missing key 'Identifier'");
    }
    kinds[ident] = kind == "TimeDimension"  ? StatLineDimKind::kTime
                   : kind == "GeoDimension" ? StatLineDimKind::kGeo
                                            : StatLineDimKind::kOther;
  }
  return kinds;
}

// The dimensions of a table: the members of its first observation that are
// not observation fields, of the kind the Dimensions document gives (else
// the kind their name suggests).
std::vector<StatLineDim> DimensionsOf(const JsonValue& first_row,
                                      const std::map<std::string, StatLineDimKind>& kinds) {
  std::vector<StatLineDim> dims;
  for (const auto& [name, v] : first_row.members()) {
    if (IsObservationField(name)) continue;
    StatLineDim dim;
    dim.name = name;
    auto k = kinds.find(name);
    dim.kind = k != kinds.end() ? k->second : KindFromName(name);
    dims.push_back(std::move(dim));
  }
  return dims;
}

// The value of an observation into `cell`: a symbol in StringValue, else
// the ValueAttribute, else Value (a number, or null for unknown).
absl::Status ReadObservationValue(const ODataDocument& d, const JsonValue& row,
                                  StatLineCell* cell) {
  const JsonValue* attr = row.Find("ValueAttribute");
  const JsonValue* value = row.Find("Value");
  const JsonValue* sval = row.Find("StringValue");
  cell->where = WhereOf(d, value != nullptr ? *value : row);
  const std::string attr_text = attr != nullptr && attr->is_string() ? attr->text() : "";
  const std::optional<ValueStatus> attr_status = AttributeStatus(attr_text);
  if (attr_status == ValueStatus::kDefinitive) {
    return StatLineError(WhereOf(d, *attr),
                         absl::StrCat("unknown ValueAttribute '", attr_text, "'"));
  }
  if (sval != nullptr && sval->is_string()) {
    // A symbol in StringValue wins; text values are not numbers.
    std::optional<ValueStatus> sym = StatLineSymbolStatus(sval->text());
    if (sym.has_value() && !Trim(sval->text()).empty()) cell->symbol = sym;
  }
  if (!cell->symbol.has_value()) {
    if (attr_status.has_value()) {
      cell->symbol = attr_status;
    } else if (value != nullptr && value->is_number()) {
      cell->value = value->number();
    } else if (value == nullptr || value->is_null()) {
      cell->symbol = ValueStatus::kUnknown;
    } else {
      return StatLineError(cell->where, "'Value' must be a number or null");
    }
  }
  return absl::OkStatus();
}

// One row of an Observations page as a cell with a key per dimension.
absl::StatusOr<StatLineCell> ReadObservation(const ODataDocument& d, const JsonValue& row,
                                             const std::vector<StatLineDim>& dims) {
  const JsonValue* measure = row.Find("Measure");
  if (measure == nullptr) {
    return StatLineError(WhereOf(d, row), "missing key 'Measure' (a string)");
  }
  if (!measure->is_string()) {
    return StatLineError(WhereOf(d, *measure),
                         absl::StrCat("'Measure' must be a string, not ",
                                      std::string(JsonValue::TypeName(measure->type()))));
  }
  StatLineCell cell;
  cell.topic = std::string(Trim(measure->text()));
  for (const StatLineDim& dim : dims) {
    const JsonValue* k = row.Find(dim.name);
    if (k == nullptr) {
      return StatLineError(WhereOf(d, row),
                           absl::StrCat("missing key '", dim.name, "' (a dimension)"));
    }
    if (!k->is_string()) {
      return StatLineError(WhereOf(d, *k),
                           absl::StrCat("dimension '", dim.name, "' must be a string"));
    }
    cell.keys.emplace_back(Trim(k->text()));
    if (dim.kind == StatLineDimKind::kTime) cell.period_where = WhereOf(d, *k);
  }
  ZVDJ_RETURN_IF_ERROR(ReadObservationValue(d, row, &cell));
  return cell;
}

// The categories of each dimension from its <Dim>Codes documents.
absl::Status ReadCategories(const TableDocs& t, StatLineTable* table) {
  for (StatLineDim& dim : table->dims) {
    auto it = t.codes.find(dim.name);
    if (it == t.codes.end()) continue;
    for (const ODataDocument* d : it->second) {
      for (const JsonValue& row : d->rows->items()) {
        const std::string ident = OptionalString(row, "Identifier");
        if (ident.empty()) return StatLineError(WhereOf(*d, row), "missing key 'Identifier'");
        dim.categories[std::string(Trim(ident))] =
            StatLineCategory{OptionalString(row, "Title"), OptionalString(row, "Status")};
      }
    }
  }
  return absl::OkStatus();
}

// A table with cells needs a time dimension.
absl::Status CheckTimeDimension(const TableDocs& t, const std::string& id,
                                const StatLineTable& table) {
  bool has_time = false;
  for (const StatLineDim& dim : table.dims) has_time |= dim.kind == StatLineDimKind::kTime;
  // Pages without rows have no dimensions.
  if (has_time || table.cells.empty()) return absl::OkStatus();
  if (t.dimensions != nullptr) {
    return StatLineError(WhereOf(*t.dimensions, *t.dimensions->rows),
                         absl::StrCat("table ", id,
                                      " has no time dimension: no dimension of its "
                                      "observations has Kind 'TimeDimension' here"));
  }
  return StatLineError(WhereOf(*t.observations.front(), *t.observations.front()->rows),
                       absl::StrCat("table ", id,
                                    " has no time dimension (give its Dimensions document)"));
}

// The table `id` from its documents (with observations).
absl::StatusOr<StatLineTable> BuildTable(const std::string& id, const TableDocs& t,
                                         StatLineReport* report) {
  StatLineTable table;
  table.id = id;
  report->tables.push_back(id);
  ZVDJ_ASSIGN_OR_RETURN(const auto kinds, DimensionKinds(t));
  bool dims_known = false;
  for (const ODataDocument* d : t.observations) {
    for (const JsonValue& row : d->rows->items()) {
      if (!row.is_object()) return StatLineError(WhereOf(*d, row), "row is not an object");
      // Dimensions are the columns of the first row (and must be in all others);
      // a first row without any fixes none, so that every cell has a key per dimension.
      if (!dims_known) {
        dims_known = true;
        table.dims = DimensionsOf(row, kinds);
      }
      ZVDJ_ASSIGN_OR_RETURN(StatLineCell cell, ReadObservation(*d, row, table.dims));
      ++report->cells;
      table.cells.push_back(std::move(cell));
    }
  }
  ZVDJ_RETURN_IF_ERROR(ReadCategories(t, &table));
  ZVDJ_RETURN_IF_ERROR(CheckTimeDimension(t, id, table));
  return table;
}

}  // namespace

absl::StatusOr<std::vector<StatLineTable>> BuildODataV4Tables(
    const std::vector<ODataDocument>& docs, StatLineReport* report) {
  const auto grouped = GroupODataByTable<TableDocs>(docs, [](TableDocs& t,
                                                              const ODataDocument& d) {
    const std::string& set = d.entity_set;
    if (set == "Observations") {
      t.observations.push_back(&d);
    } else if (set == "Dimensions") {
      t.dimensions = &d;
    } else if (set.size() > 5 && set.substr(set.size() - 5) == "Codes") {
      t.codes[set.substr(0, set.size() - 5)].push_back(&d);  // "MeasureCodes" -> "Measure"
    }
    // Properties, MeasureGroups, ...: metadata without cells.
  });
  std::vector<StatLineTable> tables;
  for (const auto& [id, t] : grouped) {
    if (t.observations.empty()) continue;
    ZVDJ_ASSIGN_OR_RETURN(StatLineTable table, BuildTable(id, t, report));
    tables.push_back(std::move(table));
  }
  return tables;
}

}  // namespace zvdj::internal
