// Fuzzes FactsheetConfig::Parse. Invariants: errors are
// "fuzz.csv:line[:column]: reason"; an accepted configuration written back as
// CSV parses to the same items.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "zvdj/factsheet.hpp"

namespace {
// Always quoted, so that a field starting with '#' is not read as a comment.
std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = zvdj::fuzz::AsText(data, size);
  auto config = zvdj::FactsheetConfig::Parse(text, "fuzz.csv");
  if (!config.ok()) {
    const std::string msg(config.status().message());
    ZVDJ_FUZZ_CHECK(msg.rfind("fuzz.csv:", 0) == 0, msg);
    return 0;
  }
  std::string written = "section,indicator,dims,chart,title\n";
  for (const zvdj::FactsheetItem& item : config->items) {
    written += Quote(item.section) + "," + Quote(item.indicator) + "," +
               Quote(item.dims) + "," +
               std::string(zvdj::ChartKindName(item.chart)) + "," +
               Quote(item.title) + "\n";
  }
  auto again = zvdj::FactsheetConfig::Parse(written, "written.csv");
  ZVDJ_FUZZ_CHECK(again.ok(), std::string(again.status().message()) + "\n" + written);
  ZVDJ_FUZZ_CHECK(again->items.size() == config->items.size(), written);
  for (size_t i = 0; i < config->items.size(); ++i) {
    const auto& a = config->items[i];
    const auto& b = again->items[i];
    ZVDJ_FUZZ_CHECK(a.section == b.section && a.indicator == b.indicator && a.dims == b.dims &&
                        a.chart == b.chart && a.title == b.title,
                    written);
  }
  return 0;
}
