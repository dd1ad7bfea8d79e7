// Fuzzes StatLineMapping::Parse. Invariants: errors are
// "fuzz.csv:line[:column]: reason"; every accepted rule is accepted again by
// Add, and the rules written back as CSV parse to the same rules.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "zvdj/statline.hpp"

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
  auto m = zvdj::StatLineMapping::Parse(text, "fuzz.csv");
  if (!m.ok()) {
    const std::string msg(m.status().message());
    ZVDJ_FUZZ_CHECK(msg.rfind("fuzz.csv:", 0) == 0, msg);
    return 0;
  }
  zvdj::StatLineMapping copy;
  std::string written = "table,topic,dimension,code,indicator,dim_name,dim_value\n";
  for (const zvdj::StatLineMappingRule& r : m->rules()) {
    absl::Status s = copy.Add(r);
    ZVDJ_FUZZ_CHECK(s.ok(), std::string(s.message()));
    for (const std::string* f : {&r.table, &r.topic, &r.dimension, &r.code, &r.indicator,
                                 &r.dim_name, &r.dim_value}) {
      if (f != &r.table) written += ',';
      written += Quote(*f);
    }
    written += '\n';
  }
  auto again = zvdj::StatLineMapping::Parse(written, "written.csv");
  ZVDJ_FUZZ_CHECK(again.ok(), std::string(again.status().message()) + "\n" + written);
  ZVDJ_FUZZ_CHECK(again->rules().size() == m->rules().size(), written);
  for (size_t i = 0; i < m->rules().size(); ++i) {
    const auto& a = m->rules()[i];
    const auto& b = again->rules()[i];
    ZVDJ_FUZZ_CHECK(a.table == b.table && a.topic == b.topic && a.dimension == b.dimension &&
                        a.code == b.code && a.indicator == b.indicator &&
                        a.dim_name == b.dim_name && a.dim_value == b.dim_value,
                    written);
  }
  return 0;
}
