// zvdj compute: the kernindicatoren from person-level records, as a dataset.
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <ostream>

#include "absl/strings/str_format.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
#include "cli/command.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/indicators.hpp"
#include "zvdj/number_format.hpp"
#include "zvdj/records_io.hpp"
#include "zvdj/regions.hpp"

namespace zvdj::cli {
namespace {

constexpr char kUsage[] =
    "zvdj compute  --jeugdhulp F [--jeugdbescherming F] [--verzuim F] [--persons F]\n"
    "              [--regions F] [--herindeling F] [--from YEAR] [--to YEAR]\n"
    "              [--classification-year YEAR] [--level gemeente,jeugdregio,provincie,land]\n"
    "              [--round5] [--suppress N (default 10; 0 = off)] [--lenient]\n"
    "              [--age-basis period_end|period_start|record_start] [--feb29 mar1|feb28]\n"
    "              [--no-merge] [--vots-separate] [--closure F] [--format csv|json|md|table]\n"
    "              [--threads N (reading the files and the jeugdhulp pass; default 2,\n"
    "                            0 = one per core)]";

absl::StatusOr<int> ParseYear(const std::string& flag, const std::string& text) {
  int y = 0;
  if (!absl::SimpleAtoi(text, &y) || y < 1401 || y > 9998) {
    return absl::InvalidArgumentError(
        absl::StrFormat("--%s: '%s' is not a year", flag, text));
  }
  return y;
}

// Progress on stderr: only on a terminal, and only once the run is slow.
class Progress {
 public:
  explicit Progress(std::ostream& err)
      : err_(err), tty_(&err == &std::cerr && isatty(STDERR_FILENO) == 1),
        start_(std::chrono::steady_clock::now()) {}
  void Step(std::string_view what) {
    if (!tty_) return;
    const double s = Seconds();
    if (s < 1.0) return;
    err_ << absl::StrFormat("\rzvdj compute: %s (%.1f s)\x1b[K", what, s) << std::flush;
    shown_ = true;
  }
  void Done() {
    if (shown_) err_ << "\r\x1b[K" << std::flush;
  }

 private:
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  std::ostream& err_;
  bool tty_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
};

std::string Cell(const Dataset& ds, size_t row) {
  return HasValue(ds.status(row)) ? FormatPlain(ds.value(row)) : std::string();
}

void WriteTable(const Dataset& ds, bool markdown, std::ostream& out) {
  std::vector<std::string> head = {"indicator", "period", "region"};
  for (const auto& d : ds.dimension_names()) head.push_back(d);
  head.push_back("value");
  head.push_back("status");
  std::vector<std::vector<std::string>> rows;
  rows.reserve(ds.size());
  for (size_t r = 0; r < ds.size(); ++r) {
    std::vector<std::string> row = {std::string(ds.indicator(r)), ds.period(r).ToString(),
                                    std::string(ds.region(r))};
    for (size_t d = 0; d < ds.dimension_names().size(); ++d) {
      row.emplace_back(ds.dimension(r, d));
    }
    row.push_back(Cell(ds, r));
    row.emplace_back(StatusSymbol(ds.status(r)));
    rows.push_back(std::move(row));
  }
  std::vector<size_t> width(head.size());
  for (size_t c = 0; c < head.size(); ++c) {
    width[c] = head[c].size();
    for (const auto& row : rows) width[c] = std::max(width[c], row[c].size());
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) {
      if (markdown) out << "| ";
      const bool right = c + 2 == cells.size();  // the value column
      const std::string pad(width[c] - cells[c].size(), ' ');
      out << (right ? pad + cells[c] : cells[c] + pad);
      out << (markdown ? " " : (c + 1 < cells.size() ? "  " : ""));
    }
    out << (markdown ? "|\n" : "\n");
  };
  line(head);
  if (markdown) {
    for (size_t c = 0; c < head.size(); ++c) {
      out << "|" << std::string(width[c] + 1, '-') << (c + 2 == head.size() ? ":" : "-");
    }
    out << "|\n";
  }
  for (const auto& row : rows) line(row);
}

std::string JsonString(std::string_view s) {
  std::string o = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      o += '\\';
      o += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      o += absl::StrFormat("\\u%04x", c);
    } else {
      o += c;
    }
  }
  return o + "\"";
}

void WriteJson(const Dataset& ds, std::ostream& out) {
  out << "[\n";
  for (size_t r = 0; r < ds.size(); ++r) {
    out << "  {\"indicator\": " << JsonString(ds.indicator(r))
        << ", \"period\": " << JsonString(ds.period(r).ToString())
        << ", \"region\": " << JsonString(ds.region(r));
    for (size_t d = 0; d < ds.dimension_names().size(); ++d) {
      out << ", " << JsonString(ds.dimension_names()[d]) << ": "
          << JsonString(ds.dimension(r, d));
    }
    out << ", \"value\": " << (HasValue(ds.status(r)) ? FormatPlain(ds.value(r)) : "null")
        << ", \"status\": " << JsonString(StatusSymbol(ds.status(r))) << "}"
        << (r + 1 < ds.size() ? ",\n" : "\n");
  }
  out << "]\n";
}

int Run(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  constexpr std::string_view kName = "compute";
  auto args = Args::Parse(argv,
                          {"jeugdhulp", "jeugdbescherming", "verzuim", "persons", "regions",
                           "herindeling", "from", "to", "classification-year", "level",
                           "suppress", "age-basis", "feb29", "closure", "format", "threads"},
                          {"round5", "lenient", "no-merge", "vots-separate"});
  if (!args.ok()) return ReportError(err, kName, args.status());
  if (!args->positional().empty()) {
    return ReportError(err, kName,
                       absl::InvalidArgumentError(absl::StrFormat(
                           "unexpected argument '%s'\nusage: %s", args->positional()[0], kUsage)));
  }
  if (!args->Has("jeugdhulp")) {
    return ReportError(err, kName, absl::InvalidArgumentError(
                                       absl::StrFormat("--jeugdhulp is required\nusage: %s", kUsage)));
  }
  ComputeOptions opt;
  const auto bad = [&](const absl::Status& s) { return ReportError(err, kName, s); };
  for (const char* flag : {"from", "to", "classification-year"}) {
    if (auto v = args->Get(flag)) {
      auto y = ParseYear(flag, *v);
      if (!y.ok()) return bad(y.status());
      if (std::string_view(flag) == "from") opt.from_year = *y;
      else if (std::string_view(flag) == "to") opt.to_year = *y;
      else opt.classification_year = *y;
    }
  }
  if (auto v = args->Get("level")) {
    auto levels = ParseRegionLevels(*v);
    if (!levels.ok()) return bad(levels.status());
    opt.levels = *levels;
  }
  if (auto v = args->Get("suppress")) {
    int64_t n = 0;
    if (!absl::SimpleAtoi(*v, &n) || n < 0) {
      return bad(absl::InvalidArgumentError(
          absl::StrFormat("--suppress: '%s' is not a non-negative whole number", *v)));
    }
    opt.publication.suppress_below = n;
  }
  opt.publication.round5 = args->Has("round5");
  opt.merge_trajectories = !args->Has("no-merge");
  opt.vots_counts_as_ots = !args->Has("vots-separate");
  if (auto v = args->Get("age-basis")) {
    if (*v == "period_end") opt.age_basis = AgeBasis::kPeriodEnd;
    else if (*v == "period_start") opt.age_basis = AgeBasis::kPeriodStart;
    else if (*v == "record_start") opt.age_basis = AgeBasis::kRecordStart;
    else return bad(absl::InvalidArgumentError(absl::StrFormat(
        "--age-basis: '%s' (expected period_end, period_start or record_start)", *v)));
  }
  if (auto v = args->Get("feb29")) {
    if (*v == "mar1") opt.feb29_rule = Feb29Rule::kMarch1;
    else if (*v == "feb28") opt.feb29_rule = Feb29Rule::kFeb28;
    else return bad(absl::InvalidArgumentError(
        absl::StrFormat("--feb29: '%s' (expected mar1 or feb28)", *v)));
  }
  LoadOptions load{.mode = args->Has("lenient") ? LoadMode::kLenient : LoadMode::kStrict};
  if (auto v = args->Get("threads")) {
    int n = 0;
    if (!absl::SimpleAtoi(*v, &n) || n < 0 || n > 256) {
      return bad(absl::InvalidArgumentError(
          absl::StrFormat("--threads: '%s' is not a whole number from 0 to 256", *v)));
    }
    load.threads = n;
    opt.threads = n;
  }
  const std::string format = args->GetOr("format", "csv");
  if (format != "csv" && format != "json" && format != "md" && format != "table") {
    return bad(absl::InvalidArgumentError(
        absl::StrFormat("--format: '%s' (expected csv, json, md or table)", format)));
  }

  Progress progress(err);
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

  RecordFilePaths paths;
  paths.jeugdhulp = *args->Get("jeugdhulp");
  paths.jeugdbescherming = args->GetOr("jeugdbescherming", "");
  paths.verzuim = args->GetOr("verzuim", "");
  paths.persons = args->GetOr("persons", "");
  RecordStore store;
  LoadReport report;
  progress.Step("loading records");
  if (absl::Status s = LoadRecordFiles(paths, &store, load, &report); !s.ok()) {
    progress.Done();
    return bad(s);
  }
  for (const SkippedRow& r : report.skipped) {
    err << "zvdj compute: skipped " << r.file << ':' << r.line;
    if (r.column > 0) err << ':' << r.column;
    err << ": " << r.reason << '\n';
  }
  if (report.skipped_rows > 0) {
    err << absl::StrFormat("zvdj compute: skipped %d of %d rows; loaded %d\n",
                           report.skipped_rows, report.input_rows, report.loaded_rows);
  }
  progress.Step("computing indicators");
  auto result = ComputeIndicators(store, opt, regions ? &*regions : nullptr,
                                  herindeling ? &*herindeling : nullptr);
  progress.Done();
  if (!result.ok()) return bad(result.status());
  if (!result->unmapped_municipalities.empty() && regions) {
    std::vector<std::string> codes;
    for (uint16_t m : result->unmapped_municipalities) codes.push_back(MunicipalityCodeString(m));
    err << absl::StrFormat(
        "zvdj compute: warning: no jeugdregio or provincie in %d for %s; counted in the "
        "gemeente and NL01 only\n",
        result->classification_year, absl::StrJoin(codes, ", "));
  }
  if (auto path = args->Get("closure")) {
    std::ofstream f(*path);
    if (!f) {
      return bad(absl::PermissionDeniedError(absl::StrFormat("%s: cannot write", *path)));
    }
    WriteClosureCsv(result->closure, f);
  }
  if (format == "csv") {
    WriteDatasetCsv(result->dataset, out);
  } else if (format == "json") {
    WriteJson(result->dataset, out);
  } else {
    WriteTable(result->dataset, format == "md", out);
  }
  return kExitOk;
}

}  // namespace

ZVDJ_REGISTER_COMMAND(Command{"compute", kUsage, &Run});

}  // namespace zvdj::cli
