// Fuzzes BreakRegister::ParseCsv. Invariants: every accepted break has
// before < after of one kind, blocks the comparison across itself, and the
// register writes (WriteCsv) and re-parses to the same breaks.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_check.h"
#include "zvdj/breaks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = zvdj::fuzz::AsText(data, size);
  zvdj::BreakRegister reg;
  absl::Status s = reg.ParseCsv(text, "fuzz.csv");
  if (!s.ok()) {
    const std::string msg(s.message());
    ZVDJ_FUZZ_CHECK(msg.rfind("fuzz.csv:", 0) == 0, msg);
    return 0;
  }
  for (const auto& b : reg.breaks()) {
    ZVDJ_FUZZ_CHECK(b.before.kind() == b.after.kind() && b.before < b.after, b.indicator);
    const std::string region = b.region.empty() ? "NL01" : b.region;
    ZVDJ_FUZZ_CHECK(reg.Blocking(b.indicator, region, b.dims, b.before, b.after) != nullptr,
                    b.indicator);
  }
  std::ostringstream out;
  reg.WriteCsv(out);
  zvdj::BreakRegister again;
  absl::Status s2 = again.ParseCsv(out.str(), "written.csv");
  ZVDJ_FUZZ_CHECK(s2.ok(), std::string(s2.message()) + "\n" + out.str());
  ZVDJ_FUZZ_CHECK(again.breaks().size() == reg.breaks().size(), out.str());
  for (size_t i = 0; i < reg.breaks().size(); ++i) {
    const auto& a = reg.breaks()[i];
    const auto& b = again.breaks()[i];
    ZVDJ_FUZZ_CHECK(a.indicator == b.indicator && a.region == b.region && a.before == b.before &&
                        a.after == b.after && a.reason == b.reason && a.source == b.source &&
                        a.dims.size() == b.dims.size(),
                    out.str());
  }
  return 0;
}
