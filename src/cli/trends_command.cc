// zvdj trends: year-over-year changes (or one summary per series) of a dataset.
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "absl/strings/str_format.h"
#include "cli/command.h"
#include "zvdj/assessment.hpp"
#include "zvdj/breaks.hpp"
#include "zvdj/catalogue.hpp"
#include "zvdj/dataset_io.hpp"
#include "zvdj/number_format.hpp"
#include "zvdj/trend.hpp"
#include "zvdj/trend_report.hpp"

namespace zvdj::cli {
namespace {

constexpr const char* kName = "trends";

const std::vector<Flag> kFlags = {
    {"summary", nullptr, "one row per series instead of one per period"},
    {"from", "P", "first period to use (e.g. 2016JJ00)"},
    {"to", "P", "last period to use"},
    {"base", "P", "base period for indexed series"},
    {"format", "FMT", "output: csv, json, md or table (default table on a terminal, else csv)"},
    {"breaks", "FILE", "break register (default DATASET.breaks.csv when present)"},
    {"catalogue", "FILE", "indicator catalogue added to the built-in one"},
    {"rule", "R", "assessment rule: cagr (default) or tolerance"},
    {"tolerance", "X", "with --rule tolerance: changes within X count as stable"},
    {"cagr-scale", "C", "with --rule cagr: scale of the thresholds, in (0, 1]"},
    {"dutch-numbers", nullptr, "the dataset writes numbers the Dutch way (1.234,5)"},
    {"regions", "FILE", "regions file whose name columns name the regions in md and table"},
};

absl::Status Bad(const std::string& msg) { return absl::InvalidArgumentError(msg); }

absl::StatusOr<Period> ParsePeriodFlag(const Args& args, const std::string& flag) {
  auto p = Period::Parse(*args.Get(flag));
  if (!p.ok()) {
    return Bad(absl::StrFormat("--%s: %s", flag, std::string(p.status().message())));
  }
  return *p;
}

// <dataset without .csv>.breaks.csv next to the dataset, if it exists.
std::optional<std::string> DefaultBreaksFile(const std::string& dataset) {
  if (dataset == "-") return std::nullopt;
  std::string stem = dataset;
  if (stem.size() > 4 && stem.compare(stem.size() - 4, 4, ".csv") == 0) {
    stem.resize(stem.size() - 4);
  }
  std::string path = stem + ".breaks.csv";
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) return path;
  return std::nullopt;
}

// A dataset with rows that gives no output: say why (usually --from/--to
// outside the periods of the dataset).
void WarnEmpty(const Dataset& ds, const Args& args, std::ostream& err) {
  Period first = ds.period(0), last = ds.period(0);
  for (size_t r = 1; r < ds.size(); ++r) {
    if (ds.period(r) < first) first = ds.period(r);
    if (last < ds.period(r)) last = ds.period(r);
  }
  err << "zvdj trends: warning: no output although the dataset has " << ds.size()
      << " rows (periods " << first.ToString() << " to " << last.ToString() << ")";
  if (args.Has("from") || args.Has("to")) err << "; check --from/--to";
  err << '\n';
}

int RunTrends(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  auto args = Args::Parse(argv, kFlags);
  if (!args.ok()) return UsageError(err, kName, args.status().message());
  if (args->positional().size() != 1) {
    return UsageError(err, kName, "expected exactly one DATASET.csv (or - for standard input)");
  }
  const std::string path = args->positional()[0];

  auto format = ParseReportFormat(args->GetOr("format", DefaultFormat(out)));
  if (!format.ok()) return ReportError(err, kName, format.status());

  TrendOptions topt;
  for (const char* flag : {"from", "to", "base"}) {
    if (!args->Get(flag)) continue;
    auto p = ParsePeriodFlag(*args, flag);
    if (!p.ok()) return ReportError(err, kName, p.status());
    if (std::string(flag) == "from") topt.from = *p;
    if (std::string(flag) == "to") topt.to = *p;
    if (std::string(flag) == "base") topt.base = *p;
  }

  // --tolerance alone implies the tolerance rule.
  const std::string rule_name =
      args->GetOr("rule", args->Get("tolerance") ? "tolerance" : "cagr");
  std::unique_ptr<AssessmentRule> rule;
  if (rule_name == "cagr") {
    CagrThresholds t;
    if (auto c = args->Get("cagr-scale")) {
      auto v = ParseNumber(*c, NumberFormat::kPlain);
      if (!v.ok() || *v <= 0 || *v > 1) {
        return ReportError(err, kName, Bad("--cagr-scale must be a number in (0, 1]"));
      }
      t.scale = *v;
    }
    rule = std::make_unique<CagrRule>(t);
  } else if (rule_name == "tolerance") {
    ToleranceOptions o;
    if (auto tol = args->Get("tolerance")) {
      auto v = ParseNumber(*tol, NumberFormat::kPlain);
      if (!v.ok() || *v < 0) {
        return ReportError(err, kName, Bad("--tolerance must be a number >= 0"));
      }
      o.tolerance = *v;
    }
    rule = std::make_unique<ToleranceRule>(o);
  } else {
    return ReportError(err, kName,
                       Bad("unknown --rule '" + rule_name + "' (expected cagr or tolerance)"));
  }
  if (args->Get("tolerance") && rule_name != "tolerance") {
    return ReportError(err, kName, Bad("--tolerance goes with --rule tolerance"));
  }
  if (args->Get("cagr-scale") && rule_name != "cagr") {
    return ReportError(err, kName, Bad("--cagr-scale goes with --rule cagr"));
  }

  Catalogue catalogue = Catalogue::BuiltIn();
  if (auto file = args->Get("catalogue")) {
    if (absl::Status s = catalogue.LoadCsv(*file); !s.ok()) return ReportError(err, kName, s);
  }
  BreakRegister breaks;
  std::optional<std::string> breaks_file = args->Get("breaks");
  if (!breaks_file) breaks_file = DefaultBreaksFile(path);
  if (breaks_file) {
    if (absl::Status s = breaks.LoadCsv(*breaks_file); !s.ok()) {
      return ReportError(err, kName, s);
    }
  }

  auto text = ReadInput(path);
  if (!text.ok()) return ReportError(err, kName, text.status());
  DatasetReadOptions ropt;
  if (args->Has("dutch-numbers")) ropt.number_format = NumberFormat::kDutch;
  auto ds = ParseDatasetCsv(*text, path == "-" ? "<stdin>" : path, ropt);
  if (!ds.ok()) return ReportError(err, kName, ds.status());

  absl::StatusOr<RegionNames> names = LoadRegionNames(args->GetOr("regions", ""));
  if (!names.ok()) return ReportError(err, kName, names.status());
  const ReportOptions report{.catalogue = &catalogue, .breaks = &breaks, .region_names = &*names};
  // Tables for a person are rendered first so that control characters from the
  // data are shown escaped instead of reaching the terminal.
  const bool human = *format == ReportFormat::kTable || *format == ReportFormat::kMarkdown;
  std::ostringstream rendered;
  std::ostream& sink = human ? rendered : out;
  size_t written = 0;
  if (args->Has("summary")) {
    SummaryTable sums = ComputeTrendSummaries(*ds, catalogue, breaks, topt);
    AssessSummaries(sums, *rule);
    written = sums.summaries.size();
    WriteTrendSummaries(sums, *format, sink, report);
  } else {
    TrendTable rows = ComputeTrendRows(*ds, catalogue, breaks, topt);
    written = rows.rows.size();
    WriteTrendRows(rows, *format, sink, report);
  }
  if (human) out << EscapeControl(rendered.str(), true);
  if (written == 0 && ds->size() > 0) WarnEmpty(*ds, *args, err);
  return kExitOk;
}

}  // namespace

ZVDJ_REGISTER_COMMAND(Command{
    kName, "zvdj trends DATASET.csv [options]",
    "  Year-over-year changes per series and period (calendar predecessor), or with\n"
    "  --summary one row per series (first vs last, CAGR, Theil-Sen, Mann-Kendall,\n"
    "  assessment), on standard output. DATASET '-' reads standard input. Breaks\n"
    "  default to DATASET.breaks.csv next to the dataset when it exists.",
    kFlags, &RunTrends});

}  // namespace zvdj::cli
