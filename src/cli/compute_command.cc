// zvdj compute: the kernindicatoren from person-level records, as a dataset.
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <ostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
#include "cli/command.h"
#include "cli/dataset_output.h"
#include "cli/io.h"
#include "cli/progress.h"
#include "cli/records_support.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/indicators.hpp"
#include "zvdj/names.hpp"
#include "zvdj/number_format.hpp"
#include "zvdj/records_io.hpp"
#include "zvdj/regions.hpp"

namespace zvdj::cli {
namespace {

const std::vector<Flag> kFlags = {
    {"jeugdhulp", "F", "jeugdhulp records (CSV; '-' = standard input); required"},
    {"jeugdbescherming", "F", "jeugdbescherming records"},
    {"verzuim", "F", "verzuim (school absence) records"},
    {"persons", "F", "persons (birth, exit)"},
    {"regions", "F", "municipality -> jeugdregio/provincie file"},
    {"herindeling", "F", "municipal mergers file"},
    {"from", "YEAR", "first reporting year (required unless the input declares it)"},
    {"to", "YEAR", "last reporting year (required unless the input declares it)"},
    {"coverage", "F", "reporting window file (from_year,to_year); default coverage.csv beside --jeugdhulp"},
    {"classification-year", "YEAR", "region classification year (default --to)"},
    {"level", "LIST", "comma list of municipality,youth_region,province,country (aliases gemeente,jeugdregio,provincie,land); default all"},
    {"round5", nullptr, "round counts to multiples of 5"},
    {"suppress", "N", "suppress counts below N (default 10; 0 = off)"},
    {"lenient", nullptr, "skip bad rows; print a count per reason with examples"},
    {"rejects", "FILE", "with --lenient: write every skipped row (file,line,column,reason)"},
    {"age-basis", "B", "period_end (default), period_start or record_start"},
    {"feb29", "R", "birthday of 29 February in other years: mar1 (default) or feb28"},
    {"no-merge", nullptr, "do not merge adjoining trajectories"},
    {"vots-separate", nullptr, "count voorlopige OTS separately from OTS (the default)"},
    {"vots-as-ots", nullptr, "count voorlopige OTS as OTS in the placement share"},
    {"attribution", "RULE", "person counts per municipality: cbs (default; every municipality with a record) or latest"},
    {"closure", "FILE", "write the jeugdbescherming stock-flow closure (CSV)"},
    {"format", "FMT", "output: csv, json, md or table (default table on a terminal, else csv)"},
    {"threads", "N", "threads for reading and the jeugdhulp pass (default 2; 0 = one per core)"},
};

absl::StatusOr<int> ParseYear(const std::string& flag, const std::string& text) {
  int y = 0;
  if (!absl::SimpleAtoi(text, &y) || y < 1401 || y > 9998) {
    return absl::InvalidArgumentError(
        absl::StrFormat("--%s: '%s' is not a year", flag, text));
  }
  return y;
}


// Region levels by their English names or the Dutch ones (aliases).
absl::StatusOr<uint8_t> ParseLevels(const std::string& text) {
  static const std::map<std::string, std::string> kAlias = {
      {"municipality", "gemeente"}, {"youth_region", "jeugdregio"},
      {"province", "provincie"}, {"country", "land"}};
  std::vector<std::string> names;
  for (std::string& n : CommaList(text)) {
    auto it = kAlias.find(n);
    names.push_back(it == kAlias.end() ? n : it->second);
  }
  auto levels = ParseRegionLevels(absl::StrJoin(names, ","));
  if (!levels.ok()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "--level: '%s' (expected a comma list of municipality, youth_region, province, "
        "country; or gemeente, jeugdregio, provincie, land)", text));
  }
  return levels;
}

// The reporting years: --from/--to, else the input's declared window
// (--coverage, or coverage.csv beside the jeugdhulp file). Never guessed from
// the earliest date in the records: a few early trajectories would pass for a
// year of data.
absl::Status ReportingYears(const Args& args, ComputeOptions* opt, std::ostream& err) {
  for (const char* flag : {"from", "to", "classification-year"}) {
    if (auto v = args.Get(flag)) {
      auto y = ParseYear(flag, *v);
      if (!y.ok()) return y.status();
      if (std::string_view(flag) == "from") opt->from_year = *y;
      else if (std::string_view(flag) == "to") opt->to_year = *y;
      else opt->classification_year = *y;
    }
  }
  if (opt->from_year && opt->to_year) {
    if (*opt->from_year > *opt->to_year) {
      return absl::InvalidArgumentError("--from is after --to");
    }
    return absl::OkStatus();
  }
  std::optional<std::string> coverage = args.Get("coverage");
  if (!coverage) coverage = CoverageBeside(*args.Get("jeugdhulp"));
  if (!coverage) {
    return absl::InvalidArgumentError(
        "--from and --to are required: the records do not declare their reporting years "
        "(no --coverage FILE and no coverage.csv beside the jeugdhulp file), and the "
        "earliest date in them is no reporting year");
  }
  auto c = ReadCoverage(*coverage);
  if (!c.ok()) return c.status();
  if (!opt->from_year) opt->from_year = c->from_year;
  if (!opt->to_year) opt->to_year = c->to_year;
  if (*opt->from_year > *opt->to_year) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "the years %d-%d are empty (coverage %s)", *opt->from_year, *opt->to_year, *coverage));
  }
  err << absl::StrFormat("zvdj compute: years %d-%d (from %s)\n", *opt->from_year,
                         *opt->to_year, *coverage);
  return absl::OkStatus();
}

absl::Status ParseComputeOptions(const Args& args, ComputeOptions* opt, LoadOptions* load,
                                 std::ostream& err) {
  if (absl::Status s = ReportingYears(args, opt, err); !s.ok()) return s;
  if (auto v = args.Get("level")) {
    auto levels = ParseLevels(*v);
    if (!levels.ok()) return levels.status();
    opt->levels = *levels;
  }
  if (auto v = args.Get("suppress")) {
    int64_t n = 0;
    if (!absl::SimpleAtoi(*v, &n) || n < 0) {
      return absl::InvalidArgumentError(
          absl::StrFormat("--suppress: '%s' is not a non-negative whole number", *v));
    }
    opt->publication.suppress_below = n;
  }
  opt->publication.round5 = args.Has("round5");
  opt->merge_trajectories = !args.Has("no-merge");
  if (args.Has("vots-as-ots") && args.Has("vots-separate")) {
    return absl::InvalidArgumentError("--vots-as-ots and --vots-separate exclude each other");
  }
  if (args.Has("vots-as-ots")) opt->vots_counts_as_ots = true;
  if (args.Has("vots-separate")) opt->vots_counts_as_ots = false;
  if (auto v = args.Get("attribution")) {
    auto a = ParseEnum<Attribution>(*v);
    if (!a.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("--attribution: ", a.status().message()));
    }
    opt->attribution = *a;
  }
  if (auto v = args.Get("age-basis")) {
    if (*v == "period_end") opt->age_basis = AgeBasis::kPeriodEnd;
    else if (*v == "period_start") opt->age_basis = AgeBasis::kPeriodStart;
    else if (*v == "record_start") opt->age_basis = AgeBasis::kRecordStart;
    else return absl::InvalidArgumentError(absl::StrFormat(
        "--age-basis: '%s' (expected period_end, period_start or record_start)", *v));
  }
  if (auto v = args.Get("feb29")) {
    if (*v == "mar1") opt->feb29_rule = Feb29Rule::kMarch1;
    else if (*v == "feb28") opt->feb29_rule = Feb29Rule::kFeb28;
    else return absl::InvalidArgumentError(
        absl::StrFormat("--feb29: '%s' (expected mar1 or feb28)", *v));
  }
  load->mode = args.Has("lenient") ? LoadMode::kLenient : LoadMode::kStrict;
  if (args.Has("rejects") && !args.Has("lenient")) {
    return absl::InvalidArgumentError("--rejects goes with --lenient");
  }
  if (auto v = args.Get("threads")) {
    int n = 0;
    if (!absl::SimpleAtoi(*v, &n) || n < 0 || n > 256) {
      return absl::InvalidArgumentError(
          absl::StrFormat("--threads: '%s' is not a whole number from 0 to 256", *v));
    }
    load->threads = n;
    opt->threads = n;
  }
  return absl::OkStatus();
}

// Warns for every requested year after the latest date in the records: its
// numbers would come from open-ended trajectories alone.
void WarnBeyondData(const RecordStore& store, const ComputeOptions& opt, std::ostream& err) {
  const int32_t latest = LatestDate(store);
  if (latest == kNoDate) return;
  const Date last = Date::FromDays(latest);
  for (int y = *opt.from_year; y <= *opt.to_year; ++y) {
    if (y > last.year()) {
      err << absl::StrFormat(
          "zvdj compute: warning: %d is after the latest date in the records (%s); its "
          "numbers come from open-ended records only\n",
          y, last.ToString());
    }
  }
}

int Run(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  constexpr std::string_view kName = "compute";
  auto args = Args::Parse(argv, kFlags);
  if (!args.ok()) return UsageError(err, kName, args.status().message());
  if (!args->positional().empty()) {
    return UsageError(err, kName,
                      absl::StrFormat("unexpected argument '%s'", args->positional()[0]));
  }
  if (!args->Has("jeugdhulp")) return UsageError(err, kName, "--jeugdhulp is required");
  const auto bad = [&](const absl::Status& s) { return ReportError(err, kName, s); };
  ComputeOptions opt;
  LoadOptions load;
  if (absl::Status s = ParseComputeOptions(*args, &opt, &load, err); !s.ok()) return bad(s);
  auto format = OutputFormat(*args, out);
  if (!format.ok()) return bad(format.status());

  Progress progress(err, "compute");
  if (progress.active()) load.on_progress = [&progress](size_t rows) { progress.Rows(rows); };
  std::optional<RegionMap> regions;
  std::optional<Herindeling> herindeling;
  if (auto path = args->Get("regions")) {
    auto r = RegionMap::Load(*path);
    if (!r.ok()) return bad(r.status());
    regions = std::move(*r);
  }
  if (auto path = args->Get("herindeling")) {
    auto h = Herindeling::Load(*path);
    if (!h.ok()) return bad(h.status());
    herindeling = std::move(*h);
  }
  if (!regions && (opt.levels & (kLevelJeugdregio | kLevelProvincie)) && args->Has("level")) {
    return bad(absl::InvalidArgumentError("--level jeugdregio/provincie needs --regions"));
  }

  StdinFile stdin_file;
  RecordFilePaths paths;
  for (auto [flag, path] : {std::pair{"jeugdhulp", &paths.jeugdhulp},
                            {"jeugdbescherming", &paths.jeugdbescherming},
                            {"verzuim", &paths.verzuim}, {"persons", &paths.persons}}) {
    if (!args->Has(flag)) continue;
    auto p = stdin_file.Resolve(*args->Get(flag));
    if (!p.ok()) return bad(p.status());
    *path = *p;
  }
  RecordStore store;
  LoadReport report;
  RejectsFile rejects;
  if (absl::Status s = rejects.Attach(args->GetOr("rejects", ""), &load); !s.ok()) return bad(s);
  progress.Phase("loading records");
  if (absl::Status s = LoadRecordFiles(paths, &store, load, &report); !s.ok()) {
    progress.Done();
    return bad(s);
  }
  if (absl::Status s = rejects.Commit(); !s.ok()) {
    progress.Done();
    return bad(s);
  }
  ReportSkipped(report, kName, err, args->GetOr("rejects", ""));
  progress.Phase("computing indicators");
  auto result = ComputeIndicators(store, opt, regions ? &*regions : nullptr,
                                  herindeling ? &*herindeling : nullptr);
  progress.Done();
  if (!result.ok()) return bad(result.status());
  WarnBeyondData(store, opt, err);
  if (!result->unmapped_municipalities.empty() && regions) {
    std::vector<std::string> codes;
    for (uint16_t m : result->unmapped_municipalities) codes.push_back(MunicipalityCodeString(m));
    err << absl::StrFormat(
        "zvdj compute: warning: no jeugdregio or provincie in %d for %s; counted in the "
        "gemeente and NL01 only\n",
        result->classification_year, absl::StrJoin(codes, ", "));
  }
  if (result->dataset.size() == 0 && report.loaded_rows > 0) {
    err << "zvdj compute: warning: no indicator rows for the years " << *opt.from_year << '-'
        << *opt.to_year << " although " << report.loaded_rows << " records were loaded\n";
  }
  if (auto path = args->Get("closure")) {
    auto f = AtomicFile::Create(*path);
    if (!f.ok()) return bad(f.status());
    WriteClosureCsv(result->closure, (*f)->stream());
    if (absl::Status s = (*f)->Commit(); !s.ok()) return bad(s);
  }
  RegionNames names = RegionNames::BuiltIn();
  if (regions) names.Merge(regions->names());
  WriteDataset(result->dataset, *format, out, &names);
  return kExitOk;
}

}  // namespace

ZVDJ_REGISTER_COMMAND(Command{
    "compute",
    "zvdj compute --jeugdhulp F (--from YEAR --to YEAR | --coverage F) [options]",
    "  The kernindicatoren from person-level record files, as a dataset (indicator,\n"
    "  period, region, dimensions, value, status) on standard output, so that\n"
    "  'zvdj compute ... | zvdj trends -' works. The reporting years are --from/--to,\n"
    "  or the window the input declares (--coverage, or coverage.csv beside the\n"
    "  jeugdhulp file as 'zvdj generate' writes it). One input may be '-' (standard\n"
    "  input). Messages and warnings go to standard error.",
    kFlags, &Run});

}  // namespace zvdj::cli
