// The common shape the StatLine readers produce before the mapping is applied:
// per table its dimensions (with category titles and statuses) and its topic
// cells. Private to the statline*.cc sources.
#ifndef ZVDJ_INTERNAL_STATLINE_TABLE_H_
#define ZVDJ_INTERNAL_STATLINE_TABLE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "zvdj/dataset.hpp"
#include "zvdj/statline.hpp"
#include "zvdj/core/json.h"

namespace zvdj::internal {

enum class StatLineDimKind : uint8_t { kTime, kGeo, kOther };

struct StatLineCategory {
  std::string title;
  std::string status;  // "Voorlopig", "Nader voorlopig", "Definitief" or empty
};

struct StatLineDim {
  std::string name;
  StatLineDimKind kind = StatLineDimKind::kOther;
  absl::flat_hash_map<std::string, StatLineCategory> categories;  // trimmed key -> meta
};

struct StatLineCell {
  std::string topic;
  std::vector<std::string> keys;  // trimmed, aligned with StatLineTable::dims
  std::optional<double> value;
  std::optional<ValueStatus> symbol;  // set for ".", "x", "-", empty, null
  std::string where;                  // "file:line:column" of the value
  std::string period_where;           // "file:line:column" of the period key
};

struct StatLineTable {
  std::string id;
  std::vector<StatLineDim> dims;
  bool period_keys_are_labels = false;  // CSV: "2019*" rather than "2019JJ00"
  std::vector<StatLineCell> cells;

  int FindDim(std::string_view name) const {
    for (size_t i = 0; i < dims.size(); ++i) {
      if (dims[i].name == name) return static_cast<int>(i);
    }
    return -1;
  }
};

// "file:line:column".
std::string StatLineWhere(std::string_view file, size_t line, size_t column);
// An InvalidArgument "where: reason".
absl::Status StatLineError(std::string_view where, std::string_view reason);

// A parsed OData document with what its envelope says.
struct ODataDocument {
  std::string name;
  JsonValue root;
  std::string table;       // from the metadata URL or the file name
  std::string entity_set;  // "TypedDataSet", "Observations", "Perioden", ...
  const JsonValue* rows = nullptr;  // the "value" array
};

// The documents grouped by table, the tables in the order they first appear:
// `add(docs, d)` files document `d` under its table's `Docs`.
template <class Docs, class Add>
std::vector<std::pair<std::string, Docs>> GroupODataByTable(
    const std::vector<ODataDocument>& documents, Add add) {
  std::map<std::string, Docs> by_table;
  std::vector<std::string> order;
  for (const ODataDocument& d : documents) {
    if (!by_table.contains(d.table)) order.push_back(d.table);
    add(by_table[d.table], d);
  }
  std::vector<std::pair<std::string, Docs>> grouped;
  grouped.reserve(order.size());
  for (std::string& id : order) {
    Docs& docs = by_table[id];
    grouped.emplace_back(std::move(id), std::move(docs));
  }
  return grouped;
}

// Parses the documents, follows local nextLinks (through `load`, which returns
// NotFound for a page that is not available locally) and classifies each one.
using StatLineLoader = std::function<absl::StatusOr<StatLineDocument>(const std::string& path)>;
absl::StatusOr<std::vector<ODataDocument>> CollectODataDocuments(
    const std::vector<StatLineDocument>& documents, const StatLineLoader& load, bool v4,
    const StatLineReadOptions& options, StatLineReport* report);

absl::StatusOr<std::vector<StatLineTable>> BuildODataV3Tables(
    const std::vector<ODataDocument>& docs, StatLineReport* report);
absl::StatusOr<std::vector<StatLineTable>> BuildODataV4Tables(
    const std::vector<ODataDocument>& docs, StatLineReport* report);
absl::StatusOr<std::vector<StatLineTable>> ParseStatLineCsvTables(
    const std::vector<StatLineDocument>& documents, const StatLineMapping& mapping,
    const StatLineReadOptions& options, StatLineReport* report);

// Applies the mapping to every cell and fills result->dataset and the report.
absl::Status ApplyStatLineMapping(const std::vector<StatLineTable>& tables,
                                  const StatLineMapping& mapping,
                                  const StatLineReadOptions& options, StatLineResult* result);

// The value of a string cell: a symbol, or a number (`dutch`: decimal comma,
// dot groups thousands; else plain). False when it is neither.
bool ParseStatLineCell(std::string_view text, bool dutch, std::optional<double>* value,
                       std::optional<ValueStatus>* symbol);

// Case-insensitive ASCII comparison.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace zvdj::internal

#endif  // ZVDJ_INTERNAL_STATLINE_TABLE_H_
