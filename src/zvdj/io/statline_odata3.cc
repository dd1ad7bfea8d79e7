// StatLine OData v3: DataProperties + TypedDataSet/UntypedDataSet pages +
// dimension sets, grouped per table.
#include <map>
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

// The string member `key` of a row, or an error naming the row.
absl::StatusOr<std::string> RequiredString(const ODataDocument& doc, const JsonValue& row,
                                           std::string_view key) {
  const JsonValue* v = row.Find(key);
  if (v == nullptr) {
    return StatLineError(WhereOf(doc, row), absl::StrCat("missing key '", std::string(key), "'"));
  }
  if (!v->is_string()) {
    return StatLineError(WhereOf(doc, *v),
                         absl::StrCat("'", std::string(key), "' must be a string, not ",
                                      std::string(JsonValue::TypeName(v->type()))));
  }
  return v->text();
}

std::string OptionalString(const JsonValue& row, std::string_view key) {
  const JsonValue* v = row.Find(key);
  return v != nullptr && v->is_string() ? v->text() : std::string();
}

struct TableDocs {
  const ODataDocument* properties = nullptr;
  std::vector<const ODataDocument*> data;
  std::map<std::string, std::vector<const ODataDocument*>> dim_sets;
};

// The topics (in order) and the dimensions of a table from its
// DataProperties document.
absl::StatusOr<std::vector<std::string>> ReadProperties(const ODataDocument& properties,
                                                        StatLineTable* table) {
  std::vector<std::string> topics;
  for (const JsonValue& p : properties.rows->items()) {
    if (!p.is_object()) {
      return StatLineError(WhereOf(properties, p), "DataProperties row is not an object");
    }
    ZVDJ_ASSIGN_OR_RETURN(std::string type, RequiredString(properties, p, "Type"));
    if (type == "TopicGroup") continue;
    ZVDJ_ASSIGN_OR_RETURN(std::string key, RequiredString(properties, p, "Key"));
    key = std::string(Trim(key));
    if (type == "Topic") {
      topics.push_back(key);
    } else if (type == "TimeDimension" || type == "GeoDimension" || type == "Dimension") {
      StatLineDim dim;
      dim.name = key;
      dim.kind = type == "TimeDimension"  ? StatLineDimKind::kTime
                 : type == "GeoDimension" ? StatLineDimKind::kGeo
                                          : StatLineDimKind::kOther;
      table->dims.push_back(std::move(dim));
    } else {
      return StatLineError(WhereOf(properties, *p.Find("Type")),
                           absl::StrCat("unknown DataProperties Type '", type, "'"));
    }
  }
  return topics;
}

// The categories of each dimension from its dimension set.
absl::Status ReadCategories(const TableDocs& t, StatLineTable* table) {
  for (StatLineDim& dim : table->dims) {
    auto it = t.dim_sets.find(dim.name);
    if (it == t.dim_sets.end()) continue;  // titles are optional
    for (const ODataDocument* d : it->second) {
      for (const JsonValue& row : d->rows->items()) {
        if (!row.is_object()) return StatLineError(WhereOf(*d, row), "row is not an object");
        ZVDJ_ASSIGN_OR_RETURN(std::string key, RequiredString(*d, row, "Key"));
        dim.categories[std::string(Trim(key))] =
            StatLineCategory{OptionalString(row, "Title"), OptionalString(row, "Status")};
      }
    }
  }
  return absl::OkStatus();
}

// The index of the first time dimension, or -1.
int TimeDimension(const StatLineTable& table) {
  for (size_t i = 0; i < table.dims.size(); ++i) {
    if (table.dims[i].kind == StatLineDimKind::kTime) return static_cast<int>(i);
  }
  return -1;
}

// The value of topic member `v` into `cell`: null, a number, or (in an
// UntypedDataSet) text.
absl::Status ReadTopicValue(const JsonValue& v, const std::string& topic, StatLineCell* cell) {
  if (v.is_null()) {
    cell->symbol = ValueStatus::kUnknown;
  } else if (v.is_number()) {
    cell->value = v.number();
  } else if (v.is_string()) {
    // UntypedDataSet: right-aligned text with '.' decimals and symbols.
    if (!ParseStatLineCell(v.text(), /*dutch=*/false, &cell->value, &cell->symbol)) {
      return StatLineError(cell->where, absl::StrCat("cannot read '", v.text(),
                                                     "' as a number or symbol (topic ",
                                                     topic, ")"));
    }
  } else {
    return StatLineError(cell->where,
                         absl::StrCat("topic ", topic, " must be a number, string or null"));
  }
  return absl::OkStatus();
}

// One row of a data page: a cell per topic present, with the row's key per
// dimension (`time` the index of the time dimension).
absl::Status ReadDataRow(const ODataDocument& d, const JsonValue& row,
                         const std::vector<std::string>& topics, int time, StatLineTable* table,
                         StatLineReport* report) {
  if (!row.is_object()) return StatLineError(WhereOf(d, row), "row is not an object");
  std::vector<std::string> keys;
  keys.reserve(table->dims.size());
  std::string period_where;
  for (size_t i = 0; i < table->dims.size(); ++i) {
    const JsonValue* k = row.Find(table->dims[i].name);
    if (k == nullptr) {
      return StatLineError(WhereOf(d, row), absl::StrCat("missing key '", table->dims[i].name,
                                                         "' (a dimension)"));
    }
    if (!k->is_string()) {
      return StatLineError(WhereOf(d, *k), absl::StrCat("dimension '", table->dims[i].name,
                                                        "' must be a string"));
    }
    keys.emplace_back(Trim(k->text()));
    if (static_cast<int>(i) == time) period_where = WhereOf(d, *k);
  }
  for (const std::string& topic : topics) {
    const JsonValue* v = row.Find(topic);
    if (v == nullptr) {
      // $select may leave topics out; a missing member is not a cell.
      continue;
    }
    StatLineCell cell;
    cell.topic = topic;
    cell.keys = keys;
    cell.where = WhereOf(d, *v);
    cell.period_where = period_where;
    ZVDJ_RETURN_IF_ERROR(ReadTopicValue(*v, topic, &cell));
    ++report->cells;
    table->cells.push_back(std::move(cell));
  }
  return absl::OkStatus();
}

// The table `id` from its documents (with data pages).
absl::StatusOr<StatLineTable> BuildTable(const std::string& id, const TableDocs& t,
                                         StatLineReport* report) {
  if (t.properties == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        t.data.front()->name, ": missing DataProperties for table ", id,
        " (give the table's DataProperties document too)"));
  }
  StatLineTable table;
  table.id = id;
  report->tables.push_back(id);
  ZVDJ_ASSIGN_OR_RETURN(const std::vector<std::string> topics,
                        ReadProperties(*t.properties, &table));
  ZVDJ_RETURN_IF_ERROR(ReadCategories(t, &table));
  const int time = TimeDimension(table);
  if (time < 0) {
    return StatLineError(WhereOf(*t.properties, *t.properties->rows),
                         absl::StrCat("table ", id, " has no TimeDimension"));
  }
  for (const ODataDocument* d : t.data) {
    for (const JsonValue& row : d->rows->items()) {
      ZVDJ_RETURN_IF_ERROR(ReadDataRow(*d, row, topics, time, &table, report));
    }
  }
  return table;
}

}  // namespace

absl::StatusOr<std::vector<StatLineTable>> BuildODataV3Tables(
    const std::vector<ODataDocument>& docs, StatLineReport* report) {
  const auto grouped = GroupODataByTable<TableDocs>(docs, [](TableDocs& t,
                                                              const ODataDocument& d) {
    if (d.entity_set == "DataProperties") {
      t.properties = &d;
    } else if (d.entity_set == "TypedDataSet" || d.entity_set == "UntypedDataSet") {
      t.data.push_back(&d);
    } else if (d.entity_set == "TableInfos" || d.entity_set == "CategoryGroups") {
      // Metadata without cells.
    } else {
      t.dim_sets[d.entity_set].push_back(&d);
    }
  });
  std::vector<StatLineTable> tables;
  for (const auto& [id, t] : grouped) {
    if (t.data.empty()) continue;  // metadata only
    ZVDJ_ASSIGN_OR_RETURN(StatLineTable table, BuildTable(id, t, report));
    tables.push_back(std::move(table));
  }
  return tables;
}

}  // namespace zvdj::internal
