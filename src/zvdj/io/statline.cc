// StatLine reading: format names, period codes and labels, symbols, region
// types, and the document collection shared by the OData readers.
#include "zvdj/statline.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <deque>
#include <filesystem>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "zvdj/date.hpp"
#include "zvdj/limits.hpp"
#include "zvdj/number_format.hpp"
#include "zvdj/core/csv_reader.h"
#include "zvdj/io/statline_table.h"
#include "zvdj/core/status_macros.h"
#include "zvdj/core/strings.h"

namespace zvdj {
inline namespace v1 {

using internal::Trim;

std::string_view StatLineFormatName(StatLineFormat format) noexcept {
  switch (format) {
    case StatLineFormat::kODataV3: return "odata3";
    case StatLineFormat::kODataV4: return "odata4";
    case StatLineFormat::kCsv: return "csv";
  }
  return "?";
}

absl::StatusOr<StatLineFormat> ParseStatLineFormat(std::string_view name) {
  if (name == "odata3" || name == "v3") return StatLineFormat::kODataV3;
  if (name == "odata4" || name == "v4") return StatLineFormat::kODataV4;
  if (name == "csv") return StatLineFormat::kCsv;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown StatLine format '", internal::EscapeControl(name),
                   "' (odata3, odata4, csv)"));
}

namespace {

// Strips trailing '*' markers; returns the status they mean.
ValueStatus StripMarker(std::string_view& s) {
  s = Trim(s);
  int stars = 0;
  while (!s.empty() && s.back() == '*') {
    s.remove_suffix(1);
    ++stars;
  }
  s = Trim(s);
  if (stars == 1) return ValueStatus::kProvisional;
  if (stars >= 2) return ValueStatus::kRevisedProvisional;
  return ValueStatus::kDefinitive;
}

ValueStatus StatusFromField(std::string_view field) {
  std::string f = absl::AsciiStrToLower(internal::ToAbsl(Trim(field)));
  if (f == "nader voorlopig" || f == "revised provisional") {
    return ValueStatus::kRevisedProvisional;
  }
  if (f == "voorlopig" || f == "provisional") return ValueStatus::kProvisional;
  return ValueStatus::kDefinitive;
}

int DutchMonth(std::string_view word) {
  static constexpr std::string_view kMonths[] = {
      "januari", "februari", "maart",     "april",   "mei",      "juni",
      "juli",    "augustus", "september", "oktober", "november", "december"};
  for (int i = 0; i < 12; ++i) {
    if (internal::EqualsIgnoreCase(word, kMonths[i])) return i + 1;
  }
  return 0;
}

// "1e", "2e", "eerste", ...; 0 when not an ordinal.
int Ordinal(std::string_view word) {
  static constexpr std::string_view kWords[] = {"eerste", "tweede", "derde", "vierde"};
  for (int i = 0; i < 4; ++i) {
    if (internal::EqualsIgnoreCase(word, kWords[i])) return i + 1;
  }
  if (word.size() == 2 && word[0] >= '1' && word[0] <= '4' && (word[1] == 'e' || word[1] == 'E')) {
    return word[0] - '0';
  }
  return 0;
}

bool IsYear(std::string_view word, int* year) {
  if (word.size() != 4) return false;
  int y = 0;
  for (char c : word) {
    if (c < '0' || c > '9') return false;
    y = y * 10 + (c - '0');
  }
  *year = y;
  return true;
}

}  // namespace

absl::StatusOr<StatLinePeriod> ParseStatLinePeriod(std::string_view key, std::string_view title,
                                                   std::string_view status_field) {
  std::string_view k = key;
  ValueStatus status = StripMarker(k);
  if (status == ValueStatus::kDefinitive && !title.empty()) {
    std::string_view t = title;
    status = StripMarker(t);
  }
  if (status == ValueStatus::kDefinitive) status = StatusFromField(status_field);
  absl::StatusOr<Period> p = Period::Parse(k);
  if (!p.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown period code '", internal::EscapeControl(Trim(key)), "'"));
  }
  return StatLinePeriod{*p, status};
}

absl::StatusOr<StatLinePeriod> ParseStatLinePeriodLabel(std::string_view label) {
  std::string_view s = label;
  const ValueStatus status = StripMarker(s);
  // A label is held to the year range of Period::Parse.
  const auto Checked = [&](absl::StatusOr<Period> p,
                           ValueStatus st) -> absl::StatusOr<StatLinePeriod> {
    if (!p.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown period label '", internal::EscapeControl(Trim(label)), "': ",
          p.status().message()));
    }
    return StatLinePeriod{*p, st};
  };
  if (absl::StatusOr<Period> p = Period::Parse(s); p.ok()) return StatLinePeriod{*p, status};
  std::vector<std::string_view> words;
  for (absl::string_view w : absl::StrSplit(internal::ToAbsl(s), ' ', absl::SkipEmpty())) {
    words.push_back(internal::ToStd(w));
  }
  int year = 0;
  auto bad = [&] {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown period label '", internal::EscapeControl(Trim(label)), "'"));
  };
  if (words.size() == 2) {
    // "2019 mei" / "mei 2019"
    const bool y_first = IsYear(words[0], &year);
    if (y_first || IsYear(words[1], &year)) {
      const int m = DutchMonth(words[y_first ? 1 : 0]);
      if (m > 0) return Checked(Period::Make(PeriodKind::kMonth, year, m), status);
    }
    return bad();
  }
  if (words.size() == 3) {
    // "2019 1e halfjaar", "1e halfjaar 2019", "2019 3e kwartaal", "31 december 2023"
    const bool y_first = IsYear(words[0], &year);
    if (y_first || IsYear(words[2], &year)) {
      const std::string_view ord = y_first ? words[1] : words[0];
      const std::string_view unit = y_first ? words[2] : words[1];
      const int n = Ordinal(ord);
      if (n > 0 && internal::EqualsIgnoreCase(unit, "halfjaar") && n <= 2) {
        return Checked(Period::Make(PeriodKind::kHalfYear, year, n), status);
      }
      if (n > 0 && internal::EqualsIgnoreCase(unit, "kwartaal")) {
        return Checked(Period::Make(PeriodKind::kQuarter, year, n), status);
      }
      if (!y_first) {
        const int m = DutchMonth(words[1]);
        int day = 0;
        for (char c : words[0]) {
          if (c < '0' || c > '9') return bad();
          day = day * 10 + (c - '0');
        }
        if (m > 0 && words[0].size() <= 2 && day >= 1 && day <= DaysInMonth(year, m)) {
          return Checked(Period::Make(PeriodKind::kPeildatum,
                                      Date::FromYmdUnchecked(year, m, day).days(), 0),
                         status);
        }
      }
    }
  }
  return bad();
}

std::optional<ValueStatus> StatLineSymbolStatus(std::string_view cell) {
  const std::string_view c = Trim(cell);
  if (c.empty()) return ValueStatus::kImpossible;
  if (c == ".") return ValueStatus::kUnknown;
  if (c == "x" || c == "X") return ValueStatus::kSecret;
  if (c == "-") return ValueStatus::kNil;
  return std::nullopt;
}

RegionType RegionTypeOf(std::string_view code) noexcept {
  const std::string_view c = Trim(code);
  auto prefix = [&](std::string_view p) { return c.substr(0, p.size()) == p; };
  if (prefix("NL0")) return RegionType::kNederland;
  if (prefix("NL")) return RegionType::kNuts;
  if (prefix("LD")) return RegionType::kLandsdeel;
  if (prefix("PV")) return RegionType::kProvincie;
  if (prefix("CR")) return RegionType::kCorop;
  if (prefix("JZ")) return RegionType::kJeugdregio;
  if (prefix("GM")) return RegionType::kGemeente;
  if (prefix("WK")) return RegionType::kWijk;
  if (prefix("BU")) return RegionType::kBuurt;
  return RegionType::kOther;
}

std::string_view RegionTypeName(RegionType type) noexcept {
  switch (type) {
    case RegionType::kNederland: return "nederland";
    case RegionType::kLandsdeel: return "landsdeel";
    case RegionType::kProvincie: return "provincie";
    case RegionType::kCorop: return "corop";
    case RegionType::kJeugdregio: return "jeugdregio";
    case RegionType::kGemeente: return "gemeente";
    case RegionType::kWijk: return "wijk";
    case RegionType::kBuurt: return "buurt";
    case RegionType::kNuts: return "nuts";
    case RegionType::kOther: return "other";
  }
  return "other";
}

std::string StatLineReport::ToString() const {
  std::string out;
  absl::StrAppendFormat(&out, "tables: %s\n", absl::StrJoin(tables, ", "));
  absl::StrAppendFormat(&out, "documents: %d\n", files.size());
  absl::StrAppendFormat(&out, "cells read: %d, observations: %d, skipped: %d\n", cells,
                        observations, cells - observations);
  for (const auto& [k, n] : unmapped_topics) {
    absl::StrAppendFormat(&out, "unmapped topic %s: %d cells skipped\n", k, n);
  }
  for (const auto& [k, n] : unmapped_categories) {
    absl::StrAppendFormat(&out, "unmapped category %s: %d cells skipped\n", k, n);
  }
  for (const std::string& w : warnings) absl::StrAppendFormat(&out, "warning: %s\n", w);
  return out;
}

}  // namespace v1
namespace internal {

std::string StatLineWhere(std::string_view file, size_t line, size_t column) {
  return absl::StrFormat("%s:%d:%d", std::string(file), line, column);
}

absl::Status StatLineError(std::string_view where, std::string_view reason) {
  // The reason may quote the export: control characters are escaped.
  return absl::InvalidArgumentError(
      internal::EscapeControl(absl::StrCat(std::string(where), ": ", std::string(reason))));
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

bool ParseStatLineCell(std::string_view text, bool dutch, std::optional<double>* value,
                       std::optional<ValueStatus>* symbol) {
  *value = std::nullopt;
  *symbol = StatLineSymbolStatus(text);
  if (symbol->has_value()) return true;
  absl::StatusOr<double> v =
      ParseNumber(Trim(text), dutch ? NumberFormat::kDutch : NumberFormat::kPlain);
  if (!v.ok()) return false;
  *value = *v;
  return true;
}

namespace {

std::string BaseName(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// Table id and entity set from "…/odata/82972NED/$metadata#Cbs.OData.WebAPI.TypedDataSet"
// (v3) or "…/CBS/85098NED/$metadata#Observations" (v4).
void FromMetadataUrl(std::string_view url, std::string* table, std::string* set) {
  const size_t meta = url.find("/$metadata");
  if (meta != std::string_view::npos) {
    const std::string_view before = url.substr(0, meta);
    const size_t slash = before.find_last_of('/');
    if (slash != std::string_view::npos) *table = std::string(before.substr(slash + 1));
  }
  const size_t hash = url.find('#');
  if (hash != std::string_view::npos) {
    std::string_view s = url.substr(hash + 1);
    const size_t at = s.find("/@Element");
    if (at != std::string_view::npos) s = s.substr(0, at);
    const size_t paren = s.find('(');
    if (paren != std::string_view::npos) s = s.substr(0, paren);
    const size_t dot = s.find_last_of('.');
    if (dot != std::string_view::npos) s = s.substr(dot + 1);
    *set = std::string(s);
  }
}

// "82972NED_TypedDataSet.json" -> table 82972NED, set TypedDataSet;
// "82972NED_TypedDataSet_2.json" (a later page) -> the same.
void FromFileName(std::string_view path, std::string* table, std::string* set) {
  std::string base = BaseName(path);
  const size_t dot = base.find('.');
  if (dot != std::string::npos) base.resize(dot);
  std::vector<std::string> parts = absl::StrSplit(base, '_');
  while (parts.size() > 2 && !parts.back().empty() &&
         std::all_of(parts.back().begin(), parts.back().end(),
                     [](char c) { return c >= '0' && c <= '9'; })) {
    parts.pop_back();  // page number
  }
  if (parts.size() >= 2) {
    if (table->empty()) *table = parts[0];
    if (set->empty()) *set = parts[1];
  } else if (parts.size() == 1 && set->empty()) {
    *set = parts[0];
  }
}

// Where a nextLink leads: nullopt for a remote page (http(s), not fetched);
// otherwise the path of a page beside `page` (the same folder). An export is
// untrusted, so anything else is refused: another folder ("../x", "sub/x",
// an absolute path, a file:// URL elsewhere), other schemes, hidden names.
absl::StatusOr<std::optional<std::string>> LocalNextPage(const std::string& page,
                                                        const std::string& link) {
  const std::filesystem::path dir = std::filesystem::path(page).parent_path();
  std::string name = link;
  if (const size_t scheme = link.find("://"); scheme != std::string::npos) {
    const std::string s = absl::AsciiStrToLower(link.substr(0, scheme));
    if (s == "http" || s == "https") return std::nullopt;
    if (s != "file") return absl::InvalidArgumentError("only http(s) and local pages");
    // file://[localhost]/folder/name: allowed when the folder is this page's.
    std::string path = link.substr(scheme + 3);
    if (path.rfind("localhost/", 0) == 0) path = path.substr(9);
    const std::filesystem::path p(path);
    std::error_code e1, e2;
    const auto here = std::filesystem::weakly_canonical(dir.empty() ? "." : dir, e1);
    const auto there = std::filesystem::weakly_canonical(p.parent_path(), e2);
    if (path.empty() || path[0] != '/' || e1 || e2 || here != there) {
      return absl::InvalidArgumentError("it is not a file beside the page that names it");
    }
    name = p.filename().string();
  }
  if (name.empty() || name[0] == '.' || name.find_first_of(std::string("/\\\0", 3)) !=
                                            std::string::npos) {
    return absl::InvalidArgumentError(
        "it is not a file beside the page that names it (a plain file name is needed)");
  }
  return dir.empty() ? name : (dir / name).string();
}

}  // namespace

absl::StatusOr<std::vector<ODataDocument>> CollectODataDocuments(
    const std::vector<StatLineDocument>& documents, const StatLineLoader& load, bool v4,
    const StatLineReadOptions& options, StatLineReport* report) {
  const std::string meta_key = v4 ? "@odata.context" : "odata.metadata";
  const std::string next_key = v4 ? "@odata.nextLink" : "odata.nextLink";
  std::deque<StatLineDocument> queue(documents.begin(), documents.end());
  std::set<std::string> seen;  // normalised names
  auto norm = [](const std::string& name) {
    std::error_code ec;
    std::filesystem::path p = std::filesystem::weakly_canonical(name, ec);
    return ec ? name : p.string();
  };
  for (const StatLineDocument& d : documents) seen.insert(norm(d.name));
  std::vector<ODataDocument> out;
  // Pages with and without a nextLink, per table/set, to notice a missing last page.
  std::map<std::string, std::pair<int, int>> pages;
  while (!queue.empty()) {
    StatLineDocument doc = std::move(queue.front());
    queue.pop_front();
    report->files.push_back(doc.name);
    ZVDJ_ASSIGN_OR_RETURN(JsonValue root, ParseJson(doc.text, doc.name));
    if (!root.is_object()) {
      return StatLineError(StatLineWhere(doc.name, root.line(), root.column()),
                           "expected a JSON object with a 'value' array");
    }
    ODataDocument od;
    od.name = doc.name;
    if (const JsonValue* meta = root.Find(meta_key); meta != nullptr && meta->is_string()) {
      FromMetadataUrl(meta->text(), &od.table, &od.entity_set);
    }
    FromFileName(doc.name, &od.table, &od.entity_set);
    if (!options.table.empty()) od.table = options.table;
    if (od.entity_set.empty() || od.table.empty()) {
      return StatLineError(StatLineWhere(doc.name, root.line(), root.column()),
                           absl::StrCat("cannot tell which ",
                                        od.entity_set.empty() ? "entity set" : "table",
                                        " this is (no '", meta_key,
                                        "' and no name like TABLE_SET.json)"));
    }
    std::string next;
    size_t next_line = 0, next_col = 0;
    if (const JsonValue* nl = root.Find(next_key); nl != nullptr && nl->is_string()) {
      next = nl->text();
      next_line = nl->line();
      next_col = nl->column();
    }
    od.root = std::move(root);
    const JsonValue* rows = od.root.Find("value");
    if (rows == nullptr) {
      return StatLineError(StatLineWhere(doc.name, od.root.line(), od.root.column()),
                           "missing key 'value' (an array of rows)");
    }
    if (!rows->is_array()) {
      return StatLineError(StatLineWhere(doc.name, rows->line(), rows->column()),
                           absl::StrCat("'value' must be an array of rows, not ",
                                        std::string(JsonValue::TypeName(rows->type()))));
    }
    od.rows = rows;
    auto& count = pages[absl::StrCat(od.table, "/", od.entity_set)];
    (next.empty() ? count.second : count.first) += 1;
    if (!next.empty()) {
      absl::StatusOr<std::optional<std::string>> path = LocalNextPage(doc.name, next);
      if (!path.ok()) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "%s: %s '%s' is not followed: %s", StatLineWhere(doc.name, next_line, next_col),
            next_key, EscapeControl(next), ToStd(path.status().message())));
      }
      if (path->has_value() && !seen.contains(norm(**path))) {
        absl::StatusOr<StatLineDocument> page = load(**path);
        if (!page.ok()) {
          return absl::Status(
              page.status().code() == absl::StatusCode::kNotFound ||
                      page.status().code() == absl::StatusCode::kPermissionDenied
                  ? absl::StatusCode::kNotFound
                  : page.status().code(),
              absl::StrFormat("%s: %s names '%s', which cannot be read: %s",
                              StatLineWhere(doc.name, next_line, next_col), next_key,
                              EscapeControl(next), std::string(ToStd(page.status().message()))));
        }
        seen.insert(norm(**path));
        queue.push_back(*std::move(page));
      }
    }
    out.push_back(std::move(od));
  }
  for (const auto& [key, count] : pages) {
    if (count.second == 0) {
      report->warnings.push_back(absl::StrCat(
          key, ": every page has a nextLink; the last page is missing, so the data may be "
               "incomplete"));
    }
  }
  return out;
}

}  // namespace internal
inline namespace v1 {

namespace {

absl::StatusOr<StatLineResult> ReadDocumentsUnescaped(StatLineFormat format,
                                                      const std::vector<StatLineDocument>& docs,
                                                      const internal::StatLineLoader& load,
                                                      const StatLineMapping& mapping,
                                                      const StatLineReadOptions& options) {
  StatLineResult result;
  std::vector<internal::StatLineTable> tables;
  if (format == StatLineFormat::kCsv) {
    for (const StatLineDocument& d : docs) result.report.files.push_back(d.name);
    ZVDJ_ASSIGN_OR_RETURN(tables, internal::ParseStatLineCsvTables(docs, mapping, options,
                                                                   &result.report));
  } else {
    const bool v4 = format == StatLineFormat::kODataV4;
    ZVDJ_ASSIGN_OR_RETURN(std::vector<internal::ODataDocument> odocs,
                          internal::CollectODataDocuments(docs, load, v4, options,
                                                          &result.report));
    if (v4) {
      ZVDJ_ASSIGN_OR_RETURN(tables, internal::BuildODataV4Tables(odocs, &result.report));
    } else {
      ZVDJ_ASSIGN_OR_RETURN(tables, internal::BuildODataV3Tables(odocs, &result.report));
    }
  }
  ZVDJ_RETURN_IF_ERROR(internal::ApplyStatLineMapping(tables, mapping, options, &result));
  return result;
}

// Every message names a document or quotes the export, and either may hold
// control characters: they are escaped here, once for all readers (escaping
// is idempotent, so messages escaped on the way keep their text).
absl::StatusOr<StatLineResult> ReadDocuments(StatLineFormat format,
                                             const std::vector<StatLineDocument>& docs,
                                             const internal::StatLineLoader& load,
                                             const StatLineMapping& mapping,
                                             const StatLineReadOptions& options) {
  absl::StatusOr<StatLineResult> result =
      ReadDocumentsUnescaped(format, docs, load, mapping, options);
  if (result.ok()) return result;
  return absl::Status(result.status().code(),
                      internal::EscapeControl(internal::ToStd(result.status().message())));
}

}  // namespace

absl::StatusOr<StatLineResult> ReadStatLine(StatLineFormat format,
                                            const std::vector<std::string>& paths,
                                            const StatLineMapping& mapping,
                                            const StatLineReadOptions& options) {
  std::vector<StatLineDocument> docs;
  for (const std::string& p : paths) {
    ZVDJ_ASSIGN_OR_RETURN(std::string text, internal::ReadFileToString(p));
    docs.push_back({p, std::move(text)});
  }
  // A followed page must be a regular file within the size limit, checked
  // before anything is read (a link to /dev/zero or a fifo reads nothing).
  const internal::StatLineLoader load =
      [](const std::string& path) -> absl::StatusOr<StatLineDocument> {
    std::error_code ec;
    const auto st = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(st)) {
      return absl::NotFoundError(absl::StrCat(path, ": cannot open: no such file"));
    }
    if (!std::filesystem::is_regular_file(st)) {
      return absl::InvalidArgumentError(absl::StrCat(path, ": not a regular file"));
    }
    const uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec || size > kMaxFileBytes) {
      return absl::ResourceExhaustedError(
          absl::StrFormat("%s: file larger than the limit of %d bytes", path, kMaxFileBytes));
    }
    ZVDJ_ASSIGN_OR_RETURN(std::string text, internal::ReadFileToString(path, kMaxFileBytes));
    return StatLineDocument{path, std::move(text)};
  };
  return ReadDocuments(format, docs, load, mapping, options);
}

absl::StatusOr<StatLineResult> ParseStatLine(StatLineFormat format,
                                             const std::vector<StatLineDocument>& documents,
                                             const StatLineMapping& mapping,
                                             const StatLineReadOptions& options) {
  const internal::StatLineLoader load =
      [](const std::string& path) -> absl::StatusOr<StatLineDocument> {
    return absl::NotFoundError(absl::StrCat("no document named '", path, "'"));
  };
  return ReadDocuments(format, documents, load, mapping, options);
}

}  // namespace v1
}  // namespace zvdj
