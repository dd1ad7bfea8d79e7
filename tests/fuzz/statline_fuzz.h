// Shared by the StatLine reader fuzz targets. An input holds one or more
// documents, each introduced by a line "=== <name>" (text before the first
// such line is a document with the target's default name). A document named
// "mapping.csv" replaces the built-in mapping (that of the test tables).
// Invariants: errors are InvalidArgument (ResourceExhausted for limits) and
// start with "<document name>:" (control characters in the name escaped) followed by a line and column where the
// reader points at a place; an accepted result has one observation per
// mapped cell, and its dataset writes and re-parses to the same rows.
#ifndef ZVDJ_TESTS_FUZZ_STATLINE_FUZZ_H_
#define ZVDJ_TESTS_FUZZ_STATLINE_FUZZ_H_

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "zvdj/core/strings.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/statline.hpp"

namespace zvdj::fuzz {

inline constexpr std::string_view kStatLineTestMapping =
    "table,topic,dimension,code,indicator,dim_name,dim_value\n"
    "82972NED,JongerenMetJeugdhulpInNatura_1,,,jeugdhulp_jongeren_pct,,\n"
    "82972NED,JongerenMetJeugdhulpMetVerblijf_2,,,jeugdhulp_met_verblijf_pct,,\n"
    "85098NED,M001534,,,jeugdhulp_jongeren_pct,,\n"
    "85098NED,M001535,,,jeugdhulp_met_verblijf_pct,,\n"
    "85098NED,,Leeftijd,T001,,,\n"
    "85098NED,,Leeftijd,L1823,,age_group,18-23\n"
    "85098NED,Jongeren met jeugdhulp (%),,,jeugdhulp_jongeren_pct,,\n"
    "85098NED,Jongeren met jeugdhulp met verblijf (%),,,jeugdhulp_met_verblijf_pct,,\n"
    "85098NED,,Leeftijd,Totaal,,,\n"
    "85098NED,,Leeftijd,18 tot 23 jaar,,age_group,18-23\n"
    "85098NED,,Regio's,Amsterdam,,region,GM0363\n"
    "85098NED,,Regio's,Amsterdam-Amstelland (JZ),,region,JZ13\n";

inline std::vector<StatLineDocument> SplitDocuments(std::string_view text,
                                                    std::string_view default_name) {
  std::vector<StatLineDocument> docs;
  StatLineDocument current{std::string(default_name), {}};
  bool started = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    const size_t next = end == std::string_view::npos ? text.size() : end + 1;
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    if (line.substr(0, 4) == "=== ") {
      if (started || !current.text.empty()) docs.push_back(std::move(current));
      current = StatLineDocument{std::string(line.substr(4)), {}};
      started = true;
    } else {
      current.text.append(text.substr(pos, next - pos));
    }
    pos = next;
  }
  if (started || !current.text.empty()) docs.push_back(std::move(current));
  return docs;
}

inline bool StartsWithSomeName(const std::string& msg, const std::vector<StatLineDocument>& docs) {
  for (const StatLineDocument& d : docs) {
    // Names are quoted with their control characters escaped.
    if (msg.rfind(internal::EscapeControl(d.name) + ":", 0) == 0) return true;
  }
  return false;
}

inline void FuzzStatLine(StatLineFormat format, std::string_view default_name,
                         const uint8_t* data, size_t size) {
  std::vector<StatLineDocument> docs = SplitDocuments(AsText(data, size), default_name);
  static const StatLineMapping* const kDefault = [] {
    auto m = StatLineMapping::Parse(kStatLineTestMapping, "mapping.csv");
    ZVDJ_FUZZ_CHECK(m.ok(), std::string(m.status().message()));
    return new StatLineMapping(*std::move(m));
  }();
  StatLineMapping mapping = *kDefault;
  for (auto it = docs.begin(); it != docs.end(); ++it) {
    if (it->name != "mapping.csv") continue;
    auto m = StatLineMapping::Parse(it->text, "mapping.csv");
    if (!m.ok()) return;  // the mapping parser has its own target
    mapping = *std::move(m);
    docs.erase(it);
    break;
  }
  if (docs.empty()) return;
  auto result = ParseStatLine(format, docs, mapping);
  if (!result.ok()) {
    const std::string msg(result.status().message());
    ZVDJ_FUZZ_CHECK(result.status().code() == absl::StatusCode::kInvalidArgument ||
                        result.status().code() == absl::StatusCode::kResourceExhausted ||
                        result.status().code() == absl::StatusCode::kAlreadyExists ||
                        result.status().code() == absl::StatusCode::kNotFound,
                    msg);
    // Errors in how the mapping applies name the mapping instead.
    ZVDJ_FUZZ_CHECK(StartsWithSomeName(msg, docs) || msg.rfind("mapping: ", 0) == 0, msg);
    return;
  }
  const Dataset& ds = result->dataset;
  ZVDJ_FUZZ_CHECK(result->report.observations == ds.size(), result->report.ToString());
  ZVDJ_FUZZ_CHECK(result->report.observations <= result->report.cells,
                  result->report.ToString());
  std::ostringstream out;
  WriteDatasetCsv(ds, out);
  const std::string written = out.str();
  auto again = ParseDatasetCsv(written, "written.csv");
  ZVDJ_FUZZ_CHECK(again.ok(), std::string(again.status().message()) + "\n" + written);
  ZVDJ_FUZZ_CHECK(again->size() == ds.size(), written);
  for (size_t r = 0; r < ds.size(); ++r) {
    const Observation a = ds.observation(r), b = again->observation(r);
    ZVDJ_FUZZ_CHECK(a.indicator == b.indicator && a.region == b.region && a.period == b.period &&
                        a.dims == b.dims && a.status == b.status,
                    written);
    ZVDJ_FUZZ_CHECK(a.value.has_value() == b.value.has_value(), written);
    if (a.value) ZVDJ_FUZZ_CHECK(*a.value == *b.value, written);
  }
}

}  // namespace zvdj::fuzz

#endif  // ZVDJ_TESTS_FUZZ_STATLINE_FUZZ_H_
