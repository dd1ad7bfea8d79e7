// Fuzzes the person-level CSV loaders (jeugdhulp, jeugdbescherming, verzuim,
// vervolgzorg, persons) in strict and lenient mode. Invariants: lenient loading
// accounts for every row (loaded + skipped = input rows), skipped rows name a
// line, and strict errors name the source.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "zvdj/records.hpp"
#include "zvdj/records_io.hpp"

namespace {

using ParseFn = absl::Status (*)(std::string_view, std::string_view, zvdj::RecordStore*,
                                 const zvdj::LoadOptions&, zvdj::LoadReport*);
constexpr ParseFn kParsers[] = {&zvdj::ParseJeugdhulpCsv, &zvdj::ParseJeugdbeschermingCsv,
                                &zvdj::ParseVerzuimCsv, &zvdj::ParseVervolgzorgCsv,
                                &zvdj::ParsePersonsCsv};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // First byte: loader (low bits) and mode (bit 3).
  const ParseFn parse = kParsers[(data[0] & 7) % 5];
  zvdj::LoadOptions options;
  options.mode = (data[0] & 8) ? zvdj::LoadMode::kLenient : zvdj::LoadMode::kStrict;
  const std::string_view text = zvdj::fuzz::AsText(data + 1, size - 1);
  zvdj::RecordStore store;
  zvdj::LoadReport report;
  absl::Status s = parse(text, "fuzz.csv", &store, options, &report);
  if (!s.ok()) {
    const std::string msg(s.message());
    ZVDJ_FUZZ_CHECK(msg.rfind("fuzz.csv:", 0) == 0, msg);
    return 0;
  }
  ZVDJ_FUZZ_CHECK(report.loaded_rows + report.skipped.size() == report.input_rows, "row accounting");
  if (options.mode == zvdj::LoadMode::kStrict) ZVDJ_FUZZ_CHECK(report.skipped.empty(), "strict skipped");
  size_t last = 0;
  for (const auto& r : report.skipped) {
    ZVDJ_FUZZ_CHECK(r.line >= 2 && r.line >= last && !r.reason.empty(), r.reason);
    last = r.line;
  }
  return 0;
}
