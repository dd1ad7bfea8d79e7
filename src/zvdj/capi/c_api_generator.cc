// C API: the synthetic national data generator.
#include <memory>
#include <sstream>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/generator.hpp"
#include "zvdj/records_io.hpp"
#include "zvdj/zvdj.h"

namespace zvdj::capi {
namespace {

absl::StatusOr<GenerateOptions> ToGenerateOptions(const zvdj_generate_options* opts) {
  GenerateOptions g;
  if (opts == nullptr) return g;
  ZVDJ_RETURN_IF_ERROR(CheckOptionsVersion("zvdj_generate_options", opts->version,
                                           ZVDJ_GENERATE_OPTIONS_VERSION));
  g.seed = opts->seed;
  g.persons = opts->persons;
  g.from_year = opts->from_year;
  g.to_year = opts->to_year;
  return g;
}

std::unique_ptr<zvdj_table> SummaryTable(const GenerateSummary& s, bool with_regions) {
  auto result = std::make_unique<zvdj_table>();
  ResultTable& t = result->table;
  const size_t file = t.AddText("file");
  const size_t rows = t.AddNumber("rows");
  const auto add = [&](const char* name, int64_t n) {
    t.Text(file, name);
    t.Number(rows, static_cast<double>(n));
    t.EndRow();
  };
  add("jeugdhulp.csv", s.jeugdhulp);
  add("jeugdbescherming.csv", s.jeugdbescherming);
  add("verzuim.csv", s.verzuim);
  add("vervolgzorg.csv", s.vervolgzorg);
  add("persons.csv", s.persons);
  if (with_regions) {
    add("regions.csv", s.regions);
    add("herindeling.csv", s.herindeling);
  }
  return result;
}

absl::Status GenerateFiles(zvdj_table** out_summary, const char* dir,
                           const zvdj_generate_options* opts) {
  ZVDJ_CAPI_REQUIRE(dir);
  if (dir[0] == '\0') return absl::InvalidArgumentError("dir is empty");
  ZVDJ_ASSIGN_OR_RETURN(const GenerateOptions g, ToGenerateOptions(opts));
  ZVDJ_ASSIGN_OR_RETURN(const GenerateSummary s, GenerateRecordFiles(g, dir));
  if (out_summary != nullptr) *out_summary = SummaryTable(s, true).release();
  return absl::OkStatus();
}

absl::Status GenerateIntoRecords(zvdj_table** out_summary, zvdj_records* records,
                                 const zvdj_generate_options* opts) {
  ZVDJ_CAPI_REQUIRE(records);
  ZVDJ_ASSIGN_OR_RETURN(const GenerateOptions g, ToGenerateOptions(opts));
  // Through the CSV formats, so that the rows pass the loaders' validation
  // exactly as the written files would.
  std::ostringstream jh, jb, vz, vv, ps;
  GenerateStreams streams;
  streams.jeugdhulp = &jh;
  streams.jeugdbescherming = &jb;
  streams.verzuim = &vz;
  streams.vervolgzorg = &vv;
  streams.persons = &ps;
  ZVDJ_ASSIGN_OR_RETURN(const GenerateSummary s, GenerateRecords(g, streams));
  RecordStore store = records->impl;  // the caller's store is unchanged on failure
  const LoadOptions load;
  ZVDJ_RETURN_IF_ERROR(ParsePersonsCsv(ps.view(), "persons.csv", &store, load, nullptr));
  ZVDJ_RETURN_IF_ERROR(ParseJeugdhulpCsv(jh.view(), "jeugdhulp.csv", &store, load, nullptr));
  ZVDJ_RETURN_IF_ERROR(
      ParseJeugdbeschermingCsv(jb.view(), "jeugdbescherming.csv", &store, load, nullptr));
  ZVDJ_RETURN_IF_ERROR(ParseVerzuimCsv(vz.view(), "verzuim.csv", &store, load, nullptr));
  ZVDJ_RETURN_IF_ERROR(
      ParseVervolgzorgCsv(vv.view(), "vervolgzorg.csv", &store, load, nullptr));
  std::unique_ptr<zvdj_table> summary;
  if (out_summary != nullptr) summary = SummaryTable(s, false);
  records->impl = std::move(store);
  if (out_summary != nullptr) *out_summary = summary.release();
  return absl::OkStatus();
}

}  // namespace
}  // namespace zvdj::capi

using zvdj::capi::Guard;

extern "C" {

ZVDJ_API zvdj_status zvdj_generate_options_init(zvdj_generate_options* opts,
                                                uint32_t version) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(opts);
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckOptionsVersion("zvdj_generate_options", version,
                                                         ZVDJ_GENERATE_OPTIONS_VERSION));
    const zvdj::GenerateOptions d;
    *opts = zvdj_generate_options{};
    opts->version = version;
    opts->seed = d.seed;
    opts->persons = d.persons;
    opts->from_year = d.from_year;
    opts->to_year = d.to_year;
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_generate_files(zvdj_table** out_summary, const char* dir,
                                         const zvdj_generate_options* opts) {
  return Guard([&] { return zvdj::capi::GenerateFiles(out_summary, dir, opts); });
}

ZVDJ_API zvdj_status zvdj_generate_records(zvdj_table** out_summary, zvdj_records* records,
                                           const zvdj_generate_options* opts) {
  return Guard([&] { return zvdj::capi::GenerateIntoRecords(out_summary, records, opts); });
}

}  // extern "C"
