// Fuzzes the regions.csv and herindeling.csv loaders. Invariants: an accepted
// herindeling has no cycles (Classify terminates and is idempotent) and its
// classification table agrees with Classify.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "zvdj/regions.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text = zvdj::fuzz::AsText(data + 1, size - 1);
  if (data[0] & 1) {
    auto map = zvdj::RegionMap::Parse(text, "fuzz.csv");
    if (!map.ok()) {
      const std::string msg(map.status().message());
      ZVDJ_FUZZ_CHECK(msg.rfind("fuzz.csv:", 0) == 0, msg);
      return 0;
    }
    for (const auto& e : map->entries()) {
      ZVDJ_FUZZ_CHECK(e.from_year <= e.to_year, e.region);
      ZVDJ_FUZZ_CHECK(map->RegionOf(e.municipality, e.from_year, e.kind) == e.region, e.region);
    }
    return 0;
  }
  auto her = zvdj::Herindeling::Parse(text, "fuzz.csv");
  if (!her.ok()) {
    const std::string msg(her.status().message());
    ZVDJ_FUZZ_CHECK(msg.rfind("fuzz.csv:", 0) == 0, msg);
    return 0;
  }
  for (int year : {2000, 2019, 2030}) {
    const auto table = her->ClassificationTable(year);
    for (const auto& c : her->changes()) {
      for (uint16_t code : {c.old_code, c.new_code}) {
        const uint16_t to = her->Classify(code, year);
        ZVDJ_FUZZ_CHECK(table[code] == to, "table disagrees with Classify");
        ZVDJ_FUZZ_CHECK(her->Classify(to, year) == to, "Classify is not idempotent");
      }
    }
  }
  return 0;
}
