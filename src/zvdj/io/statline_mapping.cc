// The StatLine mapping file and its application to the cells of each table.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "zvdj/core/csv_reader.h"
#include "zvdj/io/statline_table.h"
#include "zvdj/core/status_macros.h"
#include "zvdj/core/strings.h"

namespace zvdj {
inline namespace v1 {

using internal::EqualsIgnoreCase;
using internal::Trim;

namespace {

// Why a (trimmed) rule is invalid, and the column it is about; OK otherwise.
absl::Status CheckRule(const StatLineMappingRule& rule, const char** column) {
  *column = "";
  if (rule.dimension.empty() != rule.code.empty()) {
    *column = rule.dimension.empty() ? "dimension" : "code";
    return absl::InvalidArgumentError("'dimension' and 'code' go together");
  }
  const bool special = rule.dim_name == "region" || rule.dim_name == "period";
  if (!rule.indicator.empty()) {
    if (rule.topic.empty()) {
      *column = "topic";
      return absl::InvalidArgumentError("a row with an indicator needs a topic");
    }
    if (special) {
      *column = "dim_name";
      return absl::InvalidArgumentError("dim_name 'region' or 'period' belongs in a category row");
    }
  } else if (rule.dimension.empty()) {
    *column = "indicator";
    return absl::InvalidArgumentError(
        "neither a topic row (topic, indicator) nor a category row (dimension, code)");
  }
  if (rule.dim_name.empty() && !rule.dim_value.empty()) {
    *column = "dim_name";
    return absl::InvalidArgumentError("'dim_value' without 'dim_name'");
  }
  if (special && rule.dim_value.empty()) {
    *column = "dim_value";
    return absl::InvalidArgumentError(absl::StrCat("dim_name '", rule.dim_name,
                                                   "' needs a dim_value (the code)"));
  }
  return absl::OkStatus();
}

void TrimRule(StatLineMappingRule& rule) {
  for (std::string* s : {&rule.table, &rule.topic, &rule.dimension, &rule.code, &rule.indicator,
                         &rule.dim_name, &rule.dim_value}) {
    *s = std::string(Trim(*s));
  }
}

}  // namespace

absl::Status StatLineMapping::Add(StatLineMappingRule rule) {
  TrimRule(rule);
  const char* column;
  ZVDJ_RETURN_IF_ERROR(CheckRule(rule, &column));
  rules_.push_back(std::move(rule));
  return absl::OkStatus();
}

bool StatLineMapping::MentionsDimension(std::string_view table, std::string_view dimension) const {
  for (const StatLineMappingRule& r : rules_) {
    if ((r.table.empty() || EqualsIgnoreCase(r.table, table)) && r.dimension == dimension) {
      return true;
    }
  }
  return false;
}

absl::StatusOr<StatLineMapping> StatLineMapping::Load(const std::string& path) {
  ZVDJ_ASSIGN_OR_RETURN(std::string text, internal::ReadFileToString(path));
  return Parse(text, path);
}

absl::StatusOr<StatLineMapping> StatLineMapping::Parse(std::string_view text,
                                                       std::string_view source) {
  // Comment lines become blank lines (which the reader skips), so line numbers hold.
  const std::string clean = internal::BlankCommentLines(text);
  internal::CsvReader reader(clean, std::string(source));
  ZVDJ_RETURN_IF_ERROR(reader.ReadHeader());
  const int unknown = reader.FirstUnknownColumn(
      {"table", "topic", "dimension", "code", "indicator", "dim_name", "dim_value"});
  if (unknown >= 0) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s:1:%d: unknown column '%s' (table, topic, dimension, code, indicator, dim_name, "
        "dim_value)",
        std::string(source), unknown + 1,
        reader.header()[static_cast<size_t>(unknown)]));
  }
  if (reader.ColumnIndex("topic") < 0 || reader.ColumnIndex("indicator") < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(source), ":1:1: missing column 'topic' or 'indicator'"));
  }
  StatLineMapping mapping;
  while (true) {
    ZVDJ_ASSIGN_OR_RETURN(bool more, reader.Next());
    if (!more) break;
    auto get = [&](const char* name) {
      const int i = reader.ColumnIndex(name);
      return i < 0 ? std::string() : std::string(reader.field(static_cast<size_t>(i)));
    };
    StatLineMappingRule rule{get("table"),     get("topic"),    get("dimension"),
                             get("code"),      get("indicator"), get("dim_name"),
                             get("dim_value")};
    TrimRule(rule);
    const char* column;
    if (absl::Status st = CheckRule(rule, &column); !st.ok()) {
      // Point at the column the problem is about (the whole row when the file lacks it).
      const int c = reader.ColumnIndex(column);
      return c >= 0 ? reader.FieldError(static_cast<size_t>(c), st.message())
                    : reader.RecordError(st.message());
    }
    mapping.rules_.push_back(std::move(rule));
  }
  return mapping;
}

}  // namespace v1
namespace internal {
namespace {

bool TableMatches(const StatLineMappingRule& r, std::string_view table) {
  return r.table.empty() || EqualsIgnoreCase(r.table, table);
}

bool LooksLikeRegionCode(std::string_view key) {
  if (key.size() < 3) return false;
  if (!(key[0] >= 'A' && key[0] <= 'Z' && key[1] >= 'A' && key[1] <= 'Z')) return false;
  for (size_t i = 2; i < key.size(); ++i) {
    if (!((key[i] >= '0' && key[i] <= '9') || (key[i] >= 'A' && key[i] <= 'Z'))) return false;
  }
  return key[2] >= '0' && key[2] <= '9';
}

// The rules of the mapping that apply to one table, and how they map its
// cells to observations.
class TableMapper {
 public:
  TableMapper(const StatLineTable& table, const StatLineMapping& mapping,
              const StatLineReadOptions& options, StatLineReport* report)
      : table_(table),
        options_(options),
        report_(*report),
        note_(options.note.value_or(absl::StrCat("CBS StatLine ", table.id))) {
    for (const StatLineMappingRule& r : mapping.rules()) {
      if (!TableMatches(r, table.id)) continue;
      if (!r.indicator.empty()) {
        topic_rules_[r.topic].push_back(&r);
      } else {
        cats_[{r.dimension, r.code}].push_back(&r);
      }
    }
  }

  // The observation of `cell` into `obs`; false (counted in the report) when
  // its topic or one of its categories is not mapped.
  absl::StatusOr<bool> MapCell(const StatLineCell& cell, Observation* obs) const {
    const StatLineMappingRule* rule = TopicRule(cell);
    if (rule == nullptr) return false;
    obs->indicator = rule->indicator;
    obs->region = options_.default_region;
    obs->note = note_;
    if (!rule->dim_name.empty() && !rule->dim_value.empty()) {
      obs->dims.emplace_back(rule->dim_name, rule->dim_value);
    }
    ValueStatus period_status = ValueStatus::kDefinitive;
    for (size_t i = 0; i < table_.dims.size(); ++i) {
      const StatLineDim& dim = table_.dims[i];
      const std::string& key = cell.keys[i];
      const StatLineMappingRule* cat = Category(dim.name, key, cell.topic);
      if (dim.kind == StatLineDimKind::kTime) {
        ZVDJ_RETURN_IF_ERROR(MapPeriod(cell, dim, key, cat, obs, &period_status));
      } else if (dim.kind == StatLineDimKind::kGeo) {
        if (!MapRegion(dim, key, cat, obs)) return false;
      } else if (rule->dimension == dim.name) {
        // Covered by the topic row's condition.
      } else if (cat != nullptr) {
        ZVDJ_RETURN_IF_ERROR(MapCategory(dim, *cat, obs));
      } else {
        CountUnmapped(dim.name, key);
        return false;
      }
    }
    if (cell.symbol.has_value()) {
      obs->status = *cell.symbol;
    } else {
      obs->value = cell.value;
      obs->status = period_status;
    }
    return true;
  }

 private:
  void CountUnmapped(const std::string& dim, const std::string& key) const {
    ++report_.unmapped_categories[absl::StrCat(table_.id, "/", dim, "=", key)];
  }

  // The category row for key `key` of dimension `dim`: the one for `topic`,
  // else the first for every topic; null when there is none.
  const StatLineMappingRule* Category(const std::string& dim, const std::string& key,
                                      const std::string& topic) const {
    auto it = cats_.find({dim, key});
    if (it == cats_.end()) return nullptr;
    const StatLineMappingRule* any = nullptr;
    for (const StatLineMappingRule* r : it->second) {
      if (r->topic == topic) return r;
      if (r->topic.empty() && any == nullptr) any = r;
    }
    return any;
  }

  // The topic row for `cell`: the first whose condition (dimension = code)
  // holds, else the first without a condition; null (counted in the report)
  // when there is none.
  const StatLineMappingRule* TopicRule(const StatLineCell& cell) const {
    auto tr = topic_rules_.find(cell.topic);
    if (tr == topic_rules_.end()) {
      ++report_.unmapped_topics[absl::StrCat(table_.id, "/", cell.topic)];
      return nullptr;
    }
    const StatLineMappingRule* rule = nullptr;
    for (const StatLineMappingRule* r : tr->second) {
      if (r->dimension.empty()) {
        if (rule == nullptr) rule = r;
        continue;
      }
      const int d = table_.FindDim(r->dimension);
      if (d >= 0 && cell.keys[static_cast<size_t>(d)] == r->code) return r;
    }
    if (rule == nullptr) {
      const StatLineMappingRule* r = tr->second.front();
      const int d = table_.FindDim(r->dimension);
      CountUnmapped(r->dimension, d >= 0 ? cell.keys[static_cast<size_t>(d)] : "");
    }
    return rule;
  }

  // The period of the time dimension's key (or the mapping's period for it)
  // and the status the key's period carries.
  absl::Status MapPeriod(const StatLineCell& cell, const StatLineDim& dim, const std::string& key,
                         const StatLineMappingRule* cat, Observation* obs,
                         ValueStatus* period_status) const {
    const auto meta = dim.categories.find(key);
    const std::string title = meta != dim.categories.end() ? meta->second.title : "";
    const std::string status = meta != dim.categories.end() ? meta->second.status : "";
    absl::StatusOr<StatLinePeriod> p = table_.period_keys_are_labels
                                           ? ParseStatLinePeriodLabel(key)
                                           : ParseStatLinePeriod(key, title, status);
    if (cat != nullptr && cat->dim_name == "period") {
      absl::StatusOr<Period> over = Period::Parse(cat->dim_value);
      if (!over.ok()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "mapping: period '", cat->dim_value, "' for ", dim.name, "=", key, ": ",
            std::string(over.status().message())));
      }
      obs->period = *over;
      *period_status = p.ok() ? p->status : ValueStatus::kDefinitive;
    } else if (!p.ok()) {
      return StatLineError(cell.period_where, ToStd(p.status().message()));
    } else {
      obs->period = p->period;
      *period_status = p->status;
    }
    return absl::OkStatus();
  }

  // The region of the geographic dimension's key; false (counted in the
  // report) when the key is no region and the mapping has none for it.
  bool MapRegion(const StatLineDim& dim, const std::string& key, const StatLineMappingRule* cat,
                 Observation* obs) const {
    if (cat != nullptr && cat->dim_name == "region") {
      obs->region = cat->dim_value;
    } else if (LooksLikeRegionCode(key)) {
      obs->region = key;
    } else if (EqualsIgnoreCase(key, "Nederland")) {
      obs->region = "NL01";
    } else {
      CountUnmapped(dim.name, key);
      return false;
    }
    return true;
  }

  // A category row for a key of any other dimension: a region, or a breakdown.
  static absl::Status MapCategory(const StatLineDim& dim, const StatLineMappingRule& cat,
                                  Observation* obs) {
    if (cat.dim_name == "region") {
      obs->region = cat.dim_value;
    } else if (cat.dim_name == "period") {
      return absl::InvalidArgumentError(absl::StrCat(
          "mapping: dim_name 'period' used for '", dim.name, "', which is not the period"));
    } else if (!cat.dim_name.empty() && !cat.dim_value.empty()) {
      obs->dims.emplace_back(cat.dim_name, cat.dim_value);
    }
    return absl::OkStatus();
  }

  const StatLineTable& table_;
  const StatLineReadOptions& options_;
  StatLineReport& report_;
  const std::string note_;
  std::map<std::string, std::vector<const StatLineMappingRule*>> topic_rules_;
  std::map<std::pair<std::string, std::string>, std::vector<const StatLineMappingRule*>> cats_;
};

using PendingObservations = std::vector<std::pair<Observation, const StatLineCell*>>;

// Every observation names every breakdown column (empty = total), so the
// dataset has all its dimension columns from the first row on.
void NameEveryDimension(PendingObservations& pending) {
  std::vector<std::string> dim_names;
  for (const auto& [obs, cell] : pending) {
    for (const auto& [name, value] : obs.dims) {
      if (std::find(dim_names.begin(), dim_names.end(), name) == dim_names.end()) {
        dim_names.push_back(name);
      }
    }
  }
  for (auto& [obs, cell] : pending) {
    for (const std::string& name : dim_names) {
      bool has = false;
      for (const auto& d : obs.dims) has |= d.first == name;
      if (!has) obs.dims.emplace_back(name, "");
    }
  }
}

}  // namespace

absl::Status ApplyStatLineMapping(const std::vector<StatLineTable>& tables,
                                  const StatLineMapping& mapping,
                                  const StatLineReadOptions& options, StatLineResult* result) {
  StatLineReport& report = result->report;
  PendingObservations pending;
  for (const StatLineTable& table : tables) {
    const TableMapper mapper(table, mapping, options, &report);
    for (const StatLineCell& cell : table.cells) {
      Observation obs;
      ZVDJ_ASSIGN_OR_RETURN(const bool mapped, mapper.MapCell(cell, &obs));
      if (mapped) pending.push_back({std::move(obs), &cell});
    }
  }
  NameEveryDimension(pending);
  for (const auto& [obs, cell] : pending) {
    if (absl::Status st = result->dataset.Add(obs); !st.ok()) {
      if (absl::IsAlreadyExists(st)) {
        return StatLineError(
            cell->where,
            absl::StrFormat("the mapping sends a second cell to %s %s %s; map the other "
                            "dimensions of topic %s with category rows",
                            obs.indicator, obs.period.ToString(), obs.region, cell->topic));
      }
      return StatLineError(cell->where, ToStd(st.message()));
    }
    ++report.observations;
  }
  return absl::OkStatus();
}

}  // namespace internal
inline namespace v1 {
}  // namespace v1
}  // namespace zvdj
