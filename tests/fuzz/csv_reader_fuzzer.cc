// Fuzzes the CSV reader every loader shares. Invariants: every record has the
// header's field count, no field exceeds the cap, records start on
// non-decreasing lines, and quoting the fields again reads back the same fields.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "zvdj/core/csv_reader.h"

namespace {

std::string Quote(std::string_view field) {
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

// Reads header + records; false on an error.
bool ReadAll(std::string_view text, char sep, Rows* rows) {
  zvdj::internal::CsvReader csv(text, "fuzz.csv", sep);
  if (!csv.ReadHeader().ok()) return false;
  size_t last_line = 0;
  while (true) {
    auto more = csv.Next();
    if (!more.ok()) {
      const std::string msg(more.status().message());
      ZVDJ_FUZZ_CHECK(msg.rfind("fuzz.csv:", 0) == 0, msg);
      return false;
    }
    if (!*more) break;
    ZVDJ_FUZZ_CHECK(csv.size() == csv.header().size(), "field count");
    ZVDJ_FUZZ_CHECK(csv.line() >= last_line && csv.line() >= 1, "line order");
    last_line = csv.line();
    std::vector<std::string> row;
    for (size_t i = 0; i < csv.size(); ++i) {
      ZVDJ_FUZZ_CHECK(csv.field(i).size() <= zvdj::internal::kMaxFieldBytes, "field cap");
      row.emplace_back(csv.field(i));
    }
    rows->push_back(std::move(row));
  }
  ZVDJ_FUZZ_CHECK(csv.records() == rows->size(), "record count");
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the separator, the rest is the file.
  const char sep = (data[0] & 1) ? ';' : ',';
  const std::string_view text = zvdj::fuzz::AsText(data + 1, size - 1);
  Rows rows;
  if (!ReadAll(text, sep, &rows)) return 0;
  if (rows.empty()) return 0;
  const size_t columns = rows[0].size();
  // Re-encode with every field quoted under a synthetic header and read it back.
  std::string again;
  for (size_t i = 0; i < columns; ++i) again += (i ? std::string(1, sep) : "") + "c" + std::to_string(i);
  again += "\r\n";
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) again.push_back(sep);
      again += Quote(row[i]);
    }
    again += "\n";
  }
  Rows reread;
  ZVDJ_FUZZ_CHECK(ReadAll(again, sep, &reread), "re-encoded text does not parse");
  ZVDJ_FUZZ_CHECK(reread == rows, "re-encoded text reads back differently");
  return 0;
}
