// StatLine CSV table downloads: ';'-separated, quoted text, a header row of
// column titles (optionally after title lines), Dutch numbers, symbols, and
// footer lines after a blank line.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "zvdj/core/csv_reader.h"
#include "zvdj/io/statline_table.h"
#include "zvdj/core/status_macros.h"
#include "zvdj/core/strings.h"
#include "zvdj/limits.hpp"

namespace zvdj::internal {
namespace {

struct Field {
  std::string text;
  size_t column = 1;
};
struct Record {
  std::vector<Field> fields;
  size_t line = 1;
  bool blank = false;
};

// The limits and encoding checks of the other CSV readers: a field longer than
// kMaxFieldBytes (a runaway quote), NUL bytes (a UTF-16 file) and invalid UTF-8.
absl::Status CheckField(std::string_view text, std::string_view name, size_t line,
                        size_t column) {
  const std::string where = StatLineWhere(name, line, column);
  if (text.size() > kMaxFieldBytes) {
    return StatLineError(where, absl::StrFormat("field longer than %d bytes", kMaxFieldBytes));
  }
  if (const size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return StatLineError(
        where, absl::StrFormat("NUL byte at byte %d of the field (is the file UTF-16?)", nul + 1));
  }
  if (const size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    return StatLineError(where, absl::StrFormat("invalid UTF-8 (byte 0x%02X at byte %d of the field)",
                                                static_cast<unsigned char>(text[bad]), bad + 1));
  }
  return absl::OkStatus();
}

// Splits the text into records; quoted fields may hold separators, doubled
// quotes and newlines.
absl::StatusOr<std::vector<Record>> SplitRecords(std::string_view text, std::string_view name,
                                                 char sep) {
  std::vector<Record> out;
  size_t pos = 0, line = 1, line_start = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = line_start = 3;
  while (pos < text.size()) {
    Record rec;
    rec.line = line;
    size_t rec_start = pos;
    while (true) {
      Field f;
      f.column = pos - line_start + 1;
      const size_t field_line = line;
      if (pos < text.size() && text[pos] == '"') {
        const size_t qline = line, qcol = f.column;
        ++pos;
        while (true) {
          if (pos >= text.size()) {
            return StatLineError(StatLineWhere(name, qline, qcol), "quote left open");
          }
          const char c = text[pos];
          if (c == '"') {
            if (pos + 1 < text.size() && text[pos + 1] == '"') {
              f.text += '"';
              pos += 2;
              continue;
            }
            ++pos;
            break;
          }
          if (c == '\n') {
            ++line;
            line_start = pos + 1;
          }
          f.text += c;
          ++pos;
        }
        // Spaces after the closing quote are tolerated; anything else is not.
        while (pos < text.size() && text[pos] == ' ') ++pos;
        if (pos < text.size() && text[pos] != sep && text[pos] != '\n' && text[pos] != '\r') {
          return StatLineError(StatLineWhere(name, line, pos - line_start + 1),
                               "unexpected text after a closing quote");
        }
      } else {
        while (pos < text.size() && text[pos] != sep && text[pos] != '\n' && text[pos] != '\r') {
          f.text += text[pos++];
        }
      }
      ZVDJ_RETURN_IF_ERROR(CheckField(f.text, name, field_line, f.column));
      if (rec.fields.size() >= kMaxColumns) {
        return absl::ResourceExhaustedError(
            absl::StrFormat("%s: more than the limit of %d columns",
                            StatLineWhere(name, field_line, f.column), kMaxColumns));
      }
      rec.fields.push_back(std::move(f));
      if (pos < text.size() && text[pos] == sep) {
        ++pos;
        continue;
      }
      break;
    }
    if (pos < text.size() && text[pos] == '\r') ++pos;
    if (pos < text.size() && text[pos] == '\n') ++pos;
    rec.blank = Trim(text.substr(rec_start, pos - rec_start)).empty();
    ++line;
    line_start = pos;
    out.push_back(std::move(rec));
  }
  return out;
}

bool IsTitle(std::string_view s, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (EqualsIgnoreCase(Trim(s), n)) return true;
  }
  return false;
}

#define ZVDJ_PERIOD_TITLES {"Perioden", "Periode", "Periods"}
#define ZVDJ_REGION_TITLES {"Regio's", "RegioS", "Regio", "Gemeenten", "Gemeente", "Regions", "Region"}

std::string TableFromFileName(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  std::string base(slash == std::string_view::npos ? path : path.substr(slash + 1));
  const size_t cut = base.find_first_of("_.");
  if (cut != std::string::npos) base.resize(cut);
  return base;
}

}  // namespace

absl::StatusOr<std::vector<StatLineTable>> ParseStatLineCsvTables(
    const std::vector<StatLineDocument>& documents, const StatLineMapping& mapping,
    const StatLineReadOptions& options, StatLineReport* report) {
  std::vector<StatLineTable> tables;
  for (const StatLineDocument& doc : documents) {
    // ';' is the StatLine convention (with decimal commas); a ',' file is read
    // with plain numbers.
    const size_t first_nl = doc.text.find('\n');
    const std::string_view first_line = std::string_view(doc.text).substr(0, first_nl);
    char sep = ';';
    if (doc.text.find(';') == std::string::npos && first_line.find(',') != std::string::npos) {
      sep = ',';
    }
    ZVDJ_ASSIGN_OR_RETURN(std::vector<Record> records, SplitRecords(doc.text, doc.name, sep));
    StatLineTable table;
    table.id = options.table.empty() ? TableFromFileName(doc.name) : options.table;
    table.period_keys_are_labels = true;
    report->tables.push_back(table.id);
    size_t header = records.size();
    for (size_t r = 0; r < records.size() && header == records.size(); ++r) {
      for (const Field& f : records[r].fields) {
        if (IsTitle(f.text, ZVDJ_PERIOD_TITLES)) header = r;
      }
    }
    if (header == records.size()) {
      return absl::InvalidArgumentError(absl::StrCat(
          doc.name, ":1:1: no header row with a period column (Perioden, Periode or Periods)"));
    }
    const Record& head = records[header];
    // Column roles: -1 skip, -2 topic, else the dimension index.
    std::vector<int> role(head.fields.size(), -2);
    std::vector<std::string> topic(head.fields.size());
    for (size_t c = 0; c < head.fields.size(); ++c) {
      const std::string title(Trim(head.fields[c].text));
      if (title.empty() || EqualsIgnoreCase(title, "ID")) {
        role[c] = -1;
        continue;
      }
      StatLineDimKind kind = StatLineDimKind::kOther;
      bool is_dim = false;
      if (IsTitle(title, ZVDJ_PERIOD_TITLES)) {
        kind = StatLineDimKind::kTime;
        is_dim = true;
      } else if (IsTitle(title, ZVDJ_REGION_TITLES)) {
        kind = StatLineDimKind::kGeo;
        is_dim = true;
      } else if (mapping.MentionsDimension(table.id, title)) {
        is_dim = true;
      }
      if (is_dim) {
        if (table.FindDim(title) >= 0) {
          return StatLineError(StatLineWhere(doc.name, head.line, head.fields[c].column),
                               absl::StrCat("column '", title, "' appears twice"));
        }
        role[c] = static_cast<int>(table.dims.size());
        table.dims.push_back(StatLineDim{title, kind, {}});
      } else {
        topic[c] = title;
      }
    }
    for (size_t r = header + 1; r < records.size(); ++r) {
      const Record& rec = records[r];
      if (rec.blank) break;  // footer follows
      if (rec.fields.size() != head.fields.size()) {
        const std::string_view first = Trim(rec.fields.front().text);
        if (rec.fields.size() == 1 && (first.rfind("Bron", 0) == 0 || first.rfind("Source", 0) == 0)) {
          break;
        }
        return StatLineError(
            StatLineWhere(doc.name, rec.line, rec.fields.back().column),
            absl::StrCat("expected ", head.fields.size(), " fields, found ", rec.fields.size()));
      }
      std::vector<std::string> keys(table.dims.size());
      std::string period_where;
      for (size_t c = 0; c < rec.fields.size(); ++c) {
        if (role[c] < 0) continue;
        keys[static_cast<size_t>(role[c])] = std::string(Trim(rec.fields[c].text));
        if (table.dims[static_cast<size_t>(role[c])].kind == StatLineDimKind::kTime) {
          period_where = StatLineWhere(doc.name, rec.line, rec.fields[c].column);
        }
      }
      for (size_t c = 0; c < rec.fields.size(); ++c) {
        if (role[c] != -2) continue;
        StatLineCell cell;
        cell.topic = topic[c];
        cell.keys = keys;
        cell.where = StatLineWhere(doc.name, rec.line, rec.fields[c].column);
        cell.period_where = period_where;
        if (!ParseStatLineCell(rec.fields[c].text, sep == ';', &cell.value, &cell.symbol)) {
          return StatLineError(cell.where,
                               absl::StrCat("cannot read '", rec.fields[c].text,
                                            "' as a number or symbol (column '", topic[c], "')"));
        }
        ++report->cells;
        table.cells.push_back(std::move(cell));
      }
    }
    tables.push_back(std::move(table));
  }
  return tables;
}

}  // namespace zvdj::internal
