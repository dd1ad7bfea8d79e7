// Fuzzes Catalogue::ParseCsv. Invariant: an accepted catalogue writes
// (WriteCsv) and re-parses to the same definitions.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_check.h"
#include "zvdj/catalogue.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = zvdj::fuzz::AsText(data, size);
  zvdj::Catalogue cat;
  absl::Status s = cat.ParseCsv(text, "fuzz.csv");
  if (!s.ok()) {
    const std::string msg(s.message());
    ZVDJ_FUZZ_CHECK(msg.rfind("fuzz.csv:", 0) == 0 || cat.indicators().empty(), msg);
    return 0;
  }
  std::ostringstream out;
  cat.WriteCsv(out);
  zvdj::Catalogue again;
  absl::Status s2 = again.ParseCsv(out.str(), "written.csv");
  ZVDJ_FUZZ_CHECK(s2.ok(), std::string(s2.message()) + "\n" + out.str());
  ZVDJ_FUZZ_CHECK(again.indicators().size() == cat.indicators().size(), out.str());
  for (size_t i = 0; i < cat.indicators().size(); ++i) {
    const auto& a = cat.indicators()[i];
    const auto& b = again.indicators()[i];
    ZVDJ_FUZZ_CHECK(a.id == b.id && a.name_nl == b.name_nl && a.name_en == b.name_en &&
                        a.unit == b.unit && a.counting_unit == b.counting_unit &&
                        a.period_kind == b.period_kind && a.direction == b.direction &&
                        a.source == b.source && a.overrides.size() == b.overrides.size(),
                    out.str());
    ZVDJ_FUZZ_CHECK(cat.Find(a.id) != nullptr, a.id);
  }
  return 0;
}
