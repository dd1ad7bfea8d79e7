// Fuzzes ParseDatasetCsv. Invariants: an accepted dataset writes (WriteDatasetCsv)
// and re-parses to the same observations; errors name the source.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_check.h"
#include "zvdj/dataset_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the number format option: unset, plain or Dutch.
  zvdj::DatasetReadOptions options;
  if (data[0] % 3 == 1) options.number_format = zvdj::NumberFormat::kPlain;
  if (data[0] % 3 == 2) options.number_format = zvdj::NumberFormat::kDutch;
  const std::string_view text = zvdj::fuzz::AsText(data + 1, size - 1);
  auto ds = zvdj::ParseDatasetCsv(text, "fuzz.csv", options);
  if (!ds.ok()) {
    const std::string msg(ds.status().message());
    ZVDJ_FUZZ_CHECK(msg.rfind("fuzz.csv:", 0) == 0, msg);
    return 0;
  }
  std::ostringstream out;
  zvdj::WriteDatasetCsv(*ds, out);
  const std::string written = out.str();
  auto again = zvdj::ParseDatasetCsv(written, "written.csv");
  ZVDJ_FUZZ_CHECK(again.ok(), std::string(again.status().message()) + "\n" + written);
  ZVDJ_FUZZ_CHECK(again->size() == ds->size(), written);
  for (size_t r = 0; r < ds->size(); ++r) {
    const zvdj::Observation a = ds->observation(r), b = again->observation(r);
    ZVDJ_FUZZ_CHECK(a.indicator == b.indicator && a.region == b.region && a.period == b.period,
                    written);
    ZVDJ_FUZZ_CHECK(a.dims == b.dims && a.status == b.status && a.note == b.note, written);
    ZVDJ_FUZZ_CHECK(a.value.has_value() == b.value.has_value(), written);
    if (a.value) ZVDJ_FUZZ_CHECK(*a.value == *b.value, written);
  }
  for (size_t r = 0; r < ds->size(); ++r) {
    const auto found = ds->Find(ds->indicator(r), ds->region(r), ds->period(r), ds->dimensions(r));
    ZVDJ_FUZZ_CHECK(found && *found == r, "Find does not return the row it was given");
  }
  uint32_t series = 0;
  const auto ids = ds->SeriesIds(&series);
  ZVDJ_FUZZ_CHECK(ids.size() == ds->size() && series <= ds->size(), "series ids");
  return 0;
}
