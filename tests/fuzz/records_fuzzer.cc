// Fuzzes the person-level CSV loaders (jeugdhulp, jeugdbescherming, verzuim,
// vervolgzorg, persons) in strict and lenient mode. Invariants: lenient loading
// accounts for every row (loaded + skipped = input rows), skipped rows name a
// line, strict errors name the source, and the parallel reader (tiny blocks so
// that block boundaries fall everywhere) gives exactly the one-thread result.
#include <cstddef>
#include <algorithm>
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

template <typename T>
bool SameColumn(const T& a, const T& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

bool SameIds(const zvdj::IdDictionary& a, const zvdj::IdDictionary& b) {
  if (a.size() != b.size()) return false;
  for (uint32_t i = 0; i < a.size(); ++i) {
    if (a.id(i) != b.id(i)) return false;
  }
  return true;
}

bool SameStore(const zvdj::RecordStore& a, const zvdj::RecordStore& b) {
  return SameIds(a.persons.ids, b.persons.ids) && SameIds(a.providers, b.providers) &&
         SameColumn(a.persons.birth, b.persons.birth) &&
         SameColumn(a.persons.exit, b.persons.exit) &&
         SameColumn(a.jeugdhulp.person, b.jeugdhulp.person) &&
         SameColumn(a.jeugdhulp.start, b.jeugdhulp.start) &&
         SameColumn(a.jeugdhulp.end, b.jeugdhulp.end) &&
         SameColumn(a.jeugdhulp.municipality, b.jeugdhulp.municipality) &&
         SameColumn(a.jeugdbescherming.person, b.jeugdbescherming.person) &&
         SameColumn(a.jeugdbescherming.start, b.jeugdbescherming.start) &&
         SameColumn(a.verzuim.person, b.verzuim.person) &&
         SameColumn(a.verzuim.start, b.verzuim.start) &&
         SameColumn(a.vervolgzorg.person, b.vervolgzorg.person) &&
         SameColumn(a.vervolgzorg.start, b.vervolgzorg.start);
}

bool SameReport(const zvdj::LoadReport& a, const zvdj::LoadReport& b) {
  if (a.input_rows != b.input_rows || a.loaded_rows != b.loaded_rows ||
      a.skipped.size() != b.skipped.size()) {
    return false;
  }
  for (size_t i = 0; i < a.skipped.size(); ++i) {
    const auto& x = a.skipped[i];
    const auto& y = b.skipped[i];
    if (x.line != y.line || x.column != y.column || x.reason != y.reason) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // First byte: loader (low bits), mode (bit 3), parallel block size (bits 4-7).
  const ParseFn parse = kParsers[(data[0] & 7) % 5];
  zvdj::LoadOptions options;
  options.mode = (data[0] & 8) ? zvdj::LoadMode::kLenient : zvdj::LoadMode::kStrict;
  options.threads = 1;
  const std::string_view text = zvdj::fuzz::AsText(data + 1, size - 1);
  zvdj::RecordStore store;
  zvdj::LoadReport report;
  absl::Status s = parse(text, "fuzz.csv", &store, options, &report);

  zvdj::LoadOptions parallel = options;
  parallel.threads = 2 + (data[0] >> 7);
  parallel.parallel_block_bytes = 1 + ((data[0] >> 4) & 7) * 5;
  zvdj::RecordStore pstore;
  zvdj::LoadReport preport;
  const absl::Status ps = parse(text, "fuzz.csv", &pstore, parallel, &preport);
  ZVDJ_FUZZ_CHECK(ps == s, std::string(s.message()) + " | parallel: " + std::string(ps.message()));
  ZVDJ_FUZZ_CHECK(SameReport(report, preport), "parallel report differs");
  ZVDJ_FUZZ_CHECK(SameStore(store, pstore), "parallel store differs");

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
