// libzvdj StatLine readers: CBS StatLine exports (OData v3 JSON, OData v4
// observations, StatLine CSV downloads) turned into a zvdj::Dataset through a
// mapping file.
//
//   #include "zvdj/statline.hpp"
//   auto mapping = zvdj::StatLineMapping::Load("mapping.csv");
//   auto result = zvdj::ReadStatLine(zvdj::StatLineFormat::kODataV3,
//                                    {"82972NED_DataProperties.json", "82972NED_Perioden.json",
//                                     "82972NED_TypedDataSet.json"},
//                                    *mapping);
//   if (!result.ok()) { std::cerr << result.status().message(); }  // "file:line:column: ..."
//   result->dataset;                  // observations keyed by indicator/period/region/dims
//   result->report.unmapped_topics;   // "82972NED/Jeugdreclassering_5" -> skipped cells
//
// Formats (what is read; see the README section "StatLine" for examples):
//  * odata3: JSON documents of the OData v3 feed/API, one entity set per file:
//    `DataProperties` (Key, Type = TimeDimension / GeoDimension / Dimension /
//    Topic / TopicGroup, Unit, Decimals), `TypedDataSet` or `UntypedDataSet`
//    (rows with one member per dimension and topic), and the dimension sets
//    (`Perioden`, `RegioS`, ... with Key, Title, Status). The entity set and
//    table id come from `odata.metadata` (".../odata/82972NED/$metadata#...TypedDataSet"),
//    else from a file name like `82972NED_TypedDataSet.json`. Data pages are
//    joined: give every page, or let a page's `odata.nextLink` name a local
//    file (a relative path or file:// URL).
//  * odata4: JSON documents of the v4 service: `Observations` (Id, Measure,
//    ValueAttribute, Value, StringValue, one member per dimension),
//    `MeasureCodes`, `Dimensions` (Identifier, Kind) and `<Dim>Codes`
//    (Identifier, Title, Status); `@odata.context` / `@odata.nextLink` as above.
//  * csv: a StatLine table download: `;` separators, text in double quotes,
//    optional title lines before the header row, a header row of column titles
//    (dimension titles, then topic titles), dimension cells holding labels
//    ("2019*", "Amsterdam") or codes ("2019JJ00", "GM0363"), numbers with a
//    decimal comma (a dot groups thousands), and footer lines ("Bron: CBS")
//    after a blank line. The period column is titled Perioden / Periode /
//    Periods; the region column Regio's / RegioS / Regio / Gemeenten / Regions;
//    other dimension columns are those named as `dimension` in the mapping;
//    every other column is a topic, identified by its title.
//
// Cells: keys are trimmed (v3 pads them: "GM0363    "); period codes
// 2019JJ00 / 2019HJ01 / 2019KW03 / 2019MM05 may carry a status marker in the
// key ("2019JJ00*"), the title ("2019*", "2019**") or the Status field
// ("Voorlopig", "Nader voorlopig"), which makes the values provisional /
// revised provisional. Symbols become statuses: "." -> kUnknown, "x" ->
// kSecret, "-" -> kNil, empty -> kImpossible; JSON null -> kUnknown.
#ifndef ZVDJ_STATLINE_HPP_
#define ZVDJ_STATLINE_HPP_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "zvdj/dataset.hpp"
#include "zvdj/period.hpp"
#include "zvdj/table.hpp"

namespace zvdj {
inline namespace v1 {

enum class StatLineFormat : uint8_t { kODataV3, kODataV4, kCsv };
std::string_view StatLineFormatName(StatLineFormat format) noexcept;  // "odata3", ...
absl::StatusOr<StatLineFormat> ParseStatLineFormat(std::string_view name);

// ---- Cells ------------------------------------------------------------------

struct StatLinePeriod {
  Period period;
  ValueStatus status = ValueStatus::kDefinitive;  // or kProvisional / kRevisedProvisional
};

// A period key ("2019JJ00", "2019HJ01*", padded or not), with its optional
// title ("2019**") and Status field ("Voorlopig", "Nader voorlopig",
// "Definitief"). InvalidArgument for an unknown code.
absl::StatusOr<StatLinePeriod> ParseStatLinePeriod(std::string_view key,
                                                   std::string_view title = {},
                                                   std::string_view status_field = {});
// A period label as shown in StatLine downloads: "2019", "2019*", "2019 1e halfjaar",
// "1e halfjaar 2022**", "2019 3e kwartaal", "2019 mei", "31 december 2023*"
// (a peildatum), "2018/'19", or any code ParseStatLinePeriod accepts.
absl::StatusOr<StatLinePeriod> ParseStatLinePeriodLabel(std::string_view label);

// The status of a symbol cell ("." "x" "-" or empty, surrounding spaces
// ignored); nullopt when the cell is not a symbol.
std::optional<ValueStatus> StatLineSymbolStatus(std::string_view cell);

enum class RegionType : uint8_t {
  kNederland,   // NL01 (NL0...)
  kLandsdeel,   // LD##
  kProvincie,   // PV##
  kCorop,       // CR##
  kJeugdregio,  // JZ##
  kGemeente,    // GM####
  kWijk,        // WK######
  kBuurt,       // BU########
  kNuts,        // NL1.., NL11.., NL111..
  kOther,       // GG, AM, RE, VR, ZK, ...
};
RegionType RegionTypeOf(std::string_view code) noexcept;
std::string_view RegionTypeName(RegionType type) noexcept;  // "gemeente", ...

// ---- Mapping ----------------------------------------------------------------

// One row of a mapping file. Two kinds of rows:
//  * topic rows (indicator set): cells of `topic` in `table` become
//    `indicator`, with the fixed breakdown dim_name=dim_value when given. With
//    `dimension` and `code` the row applies only to cells whose StatLine
//    dimension has that key (conditional rows win over unconditional ones).
//  * category rows (indicator empty, dimension and code set): the key `code`
//    of StatLine dimension `dimension` becomes breakdown dim_name=dim_value
//    (an empty dim_value is the total; an empty dim_name adds nothing). With
//    `topic` set it applies to that topic only. dim_name "region" replaces the
//    region code (e.g. for CSV region labels) and "period" the period code.
// Every StatLine dimension other than the period and region must be covered by
// a category row (or the topic row's condition); other cells are skipped and
// counted. `table` empty matches every table.
struct StatLineMappingRule {
  std::string table;
  std::string topic;
  std::string dimension;
  std::string code;
  std::string indicator;
  std::string dim_name;
  std::string dim_value;
};

class StatLineMapping {
 public:
  // CSV with columns table, topic, dimension, code, indicator, dim_name,
  // dim_value (any order; table, dimension, code, dim_name, dim_value optional).
  // Lines starting with '#' are comments.
  static absl::StatusOr<StatLineMapping> Load(const std::string& path);
  static absl::StatusOr<StatLineMapping> Parse(std::string_view text, std::string_view source);

  // InvalidArgument for a row that is neither a topic nor a category row.
  absl::Status Add(StatLineMappingRule rule);
  const std::vector<StatLineMappingRule>& rules() const { return rules_; }
  // Whether some row names this StatLine dimension (used to find CSV dimension columns).
  bool MentionsDimension(std::string_view table, std::string_view dimension) const;

 private:
  std::vector<StatLineMappingRule> rules_;
};

// ---- Reading ----------------------------------------------------------------

struct StatLineReadOptions {
  // Table id when neither the documents nor the file names say it.
  std::string table;
  // Region for tables without a region dimension.
  std::string default_region = "NL01";
  // Free text stored in each observation's note; default "CBS StatLine <table>".
  std::optional<std::string> note;
};

struct StatLineReport {
  std::vector<std::string> files;   // documents read, in order (followed pages included)
  std::vector<std::string> tables;  // table ids seen
  size_t cells = 0;                 // topic cells read
  size_t observations = 0;          // cells that became observations
  // Cells skipped because no topic row maps them: "table/topic" -> count.
  std::map<std::string, size_t> unmapped_topics;
  // Cells skipped because a dimension key has no category row:
  // "table/dimension=code" -> count.
  std::map<std::string, size_t> unmapped_categories;
  std::vector<std::string> warnings;  // e.g. a nextLink to a page that was not given
  // Human-readable summary, one item per line.
  std::string ToString() const;
};

struct StatLineResult {
  Dataset dataset;
  StatLineReport report;
};

// An in-memory document: `name` is used in messages and to resolve nextLinks.
struct StatLineDocument {
  std::string name;
  std::string text;
};

// Reads files (and the local pages their nextLinks name). Errors name file,
// line and column: malformed JSON or CSV, missing keys (DataProperties, a
// dimension member of a row), unknown period codes, unparsable numbers.
absl::StatusOr<StatLineResult> ReadStatLine(StatLineFormat format,
                                            const std::vector<std::string>& paths,
                                            const StatLineMapping& mapping,
                                            const StatLineReadOptions& options = {});
// The same over documents in memory (nextLinks resolve to other documents by
// file name only).
absl::StatusOr<StatLineResult> ParseStatLine(StatLineFormat format,
                                             const std::vector<StatLineDocument>& documents,
                                             const StatLineMapping& mapping,
                                             const StatLineReadOptions& options = {});

// The report as rows of item, key, count: one per file ("file"), table,
// unmapped topic or category and warning, and the totals "cells" and
// "observations".
Table ToTable(const StatLineReport& report);

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_STATLINE_HPP_
