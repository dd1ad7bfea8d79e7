// zvdj cohort: outflow of the 18th-birthday cohort into verlengde jeugdhulp and
// vervolgzorg within 1, 3 and 6 months.
//
// Formats: csv (default; one row per cohort x outcome x horizon x method with
// year_of_18, region, outcome, horizon, n_cohort, n_at_risk, n_events,
// estimate, std_err, ci_low, ci_high, method, denominator, note), dataset (the
// dataset format: indicator vervolgzorg_pct, period, region, outcome, horizon,
// value = estimate x 100, status; `zvdj cohort ... --format dataset | zvdj
// trends -` works), json, md and table.
#include <algorithm>
#include <cmath>
#include <iomanip>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "cli/command.h"
#include "cli/io.h"
#include "cli/progress.h"
#include "cli/records_support.h"
#include "zvdj/cohort.hpp"
#include "zvdj/dataset_io.hpp"
#include "zvdj/number_format.hpp"
#include "zvdj/records_io.hpp"
#include "zvdj/table.hpp"

namespace zvdj::cli {
namespace {

constexpr char kName[] = "cohort";

absl::StatusOr<std::vector<int>> ParseYears(const std::string& text) {
  std::vector<int> years;
  for (absl::string_view piece : absl::StrSplit(text, ',')) {
    std::vector<std::string> range = absl::StrSplit(piece, '-');
    int a = 0, b = 0;
    const bool ok = (range.size() == 1 && absl::SimpleAtoi(range[0], &a) && (b = a, true)) ||
                    (range.size() == 2 && absl::SimpleAtoi(range[0], &a) &&
                     absl::SimpleAtoi(range[1], &b));
    if (!ok || a < Date::kMinYear || b > Date::kMaxYear || b < a) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "--year-of-18: bad year '%s' (expected e.g. 2017, 2016,2017 or 2015-2018)",
          std::string(piece)));
    }
    for (int y = a; y <= b; ++y) years.push_back(y);
  }
  return years;
}

// Notes in Dutch for the reader table (the csv keeps the library's English).
std::string CohortNoteNl(const std::string& note) {
  static const std::vector<std::pair<std::string, std::string>> kNl = {
      {"no members", "geen leden"},
      {"1 - Kaplan-Meier, death treated as censoring", "1 - Kaplan-Meier, overlijden als censurering"},
      {"death treated as censoring", "overlijden als censurering"},
      {"share of the cohort, complete follow-up", "aandeel van het cohort, volledige follow-up"},
      {"refused: follow-up incomplete at the horizon for", "geen schatting: follow-up onvolledig op de horizon voor"},
      {" member(s) left out: entry after the cut-off or exit before entry",
       " leden weggelaten: instroom na de einddatum of uitstroom voor instroom"},
      {" member(s)", " leden"},
  };
  std::string out = note;
  for (const auto& [en, nl] : kNl) {
    for (size_t p; (p = out.find(en)) != std::string::npos;) out.replace(p, en.size(), nl);
  }
  return out;
}

// Years whose cohort has no members: a year of 18 outside the records gives
// rows that look like results but are all "no members".
void WarnEmptyCohorts(const Cohort& c, const std::vector<CohortEstimate>& rows,
                      const std::vector<int>& years, std::ostream& err) {
  for (int y : years) {
    bool members = false;
    for (const CohortEstimate& e : rows) {
      if (c.groups[e.group].year == y && e.n_cohort > 0) members = true;
    }
    if (!members) {
      err << "zvdj cohort: warning: nobody in the records turns 18 in " << y
          << " (the cohort is empty)\n";
    }
  }
}

std::string Percent(double v) {
  return std::isnan(v) ? "" : absl::StrCat(FormatForReading(100 * v, 1), "%");
}

// For readers: Dutch labels, estimates as percentages with their 95% interval.
Table ReaderTable(const Cohort& c, const std::vector<CohortEstimate>& rows) {
  Table t;
  const auto text = [&](const char* name, const char* label, bool right = false) {
    const size_t i = t.AddText(name);
    t.column(i).label = label;
    t.column(i).align_right = right;
    return i;
  };
  const size_t year = text("year_of_18", "18 in"), region = text("region", "Regio"),
               outcome = text("outcome", "Uitkomst"), horizon = text("horizon", "Binnen"),
               n = text("n_cohort", "Cohort", true), events = text("n_events", "Met uitkomst", true),
               est = text("estimate", "Schatting", true), ci = text("ci", "95%-interval", true),
               method = text("method", "Methode"), note = text("note", "Opmerking");
  for (const CohortEstimate& e : rows) {
    const CohortGroup& g = c.groups[e.group];
    t.Text(year, absl::StrCat(g.year));
    t.Text(region, g.region);
    t.Text(outcome, DimensionLabelNl(e.outcome));
    t.Text(horizon, e.horizon);
    t.Text(n, FormatForReading(static_cast<double>(e.n_cohort), 0));
    t.Text(events, FormatForReading(static_cast<double>(e.n_events), 0));
    t.Text(est, Percent(e.estimate));
    t.Text(ci, std::isnan(e.ci_low) ? "" : Percent(e.ci_low) + " – " + Percent(e.ci_high));
    t.Text(method, std::string(CohortMethodName(e.method)));
    t.Text(note, CohortNoteNl(e.note));
    t.EndRow();
  }
  return t;
}

void WriteOutput(const std::string& format, const Cohort& c,
                 const std::vector<CohortEstimate>& rows, std::ostream& out) {
  if (format == "csv" || format == "json") {
    // The estimates as data: the library's table, the documented English columns.
    WriteTable(ToTable(c, rows), format == "csv" ? TableFormat::kCsv : TableFormat::kJson, out);
  } else {
    WriteTable(ReaderTable(c, rows), format == "md" ? TableFormat::kMarkdown : TableFormat::kTable,
               out);
  }
}

const std::vector<Flag> kFlags = {
    {"jeugdhulp", "F", "jeugdhulp records (CSV; '-' = standard input); required"},
    {"vervolgzorg", "F", "vervolgzorg records"},
    {"persons", "F", "persons (birth, exit)"},
    {"year-of-18", "Y", "cohort years: 2017, 2016,2017 or 2015-2018; required"},
    {"horizons", "LIST", "comma list of horizons (default 1m,3m,6m)"},
    {"cutoff", "DATE", "end of follow-up (default the latest date in the records)"},
    {"method", "LIST", "comma list of aj, km, naive (or all); default aj"},
    {"ci", "T", "confidence interval transform: log (default), log-log or plain"},
    {"denominator", "D", "all (default) or excluding_extended (alias zonder_verlengde)"},
    {"death", "D", "death: competing (default) or censor"},
    {"feb29", "R", "18th birthday of someone born on 29 February: mar1 (default) or feb28"},
    {"by-municipality", nullptr, "one cohort per municipality as well"},
    {"lenient", nullptr, "skip bad rows; print a count per reason with examples"},
    {"rejects", "FILE", "with --lenient: write every skipped row (file,line,column,reason)"},
    {"format", "FMT", "output: csv, dataset, json, md or table (default table on a terminal, else csv)"},
};

// --method as a comma list ("aj,km"); each name once, in the order given.
absl::StatusOr<std::vector<CohortMethod>> ParseMethods(const std::string& text) {
  std::vector<CohortMethod> methods;
  for (const std::string& name : CommaList(text)) {
    auto m = ParseCohortMethods(name);
    if (!m.ok()) return absl::InvalidArgumentError(absl::StrCat("--method: ", m.status().message()));
    for (CohortMethod x : *m) {
      if (std::find(methods.begin(), methods.end(), x) == methods.end()) methods.push_back(x);
    }
  }
  if (methods.empty()) return absl::InvalidArgumentError("--method: empty list");
  return methods;
}

absl::Status ParseOutflowOptions(const Args& args, OutflowOptions* opt) {
  auto horizons = ParseHorizons(args.GetOr("horizons", "1m,3m,6m"));
  if (!horizons.ok()) return horizons.status();
  opt->horizons = *horizons;
  auto methods = ParseMethods(args.GetOr("method", "aj"));
  if (!methods.ok()) return methods.status();
  opt->methods = *methods;
  auto ci = ParseCiTransform(args.GetOr("ci", "log"));
  if (!ci.ok()) return ci.status();
  opt->survival.ci = *ci;
  std::string denominator = args.GetOr("denominator", "all");
  if (denominator == "excluding_extended") denominator = "zonder_verlengde";
  auto d = ParseDenominator(denominator);
  if (!d.ok()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "--denominator: '%s' (expected all or excluding_extended)", denominator));
  }
  opt->denominator = *d;
  auto death = ParseDeathHandling(args.GetOr("death", "competing"));
  if (!death.ok()) return death.status();
  opt->death = *death;
  return absl::OkStatus();
}

absl::Status LoadCohortRecords(const Args& args, RecordStore* store, Progress& progress,
                               std::ostream& err) {
  StdinFile stdin_file;
  RecordFilePaths paths;
  for (auto [flag, path] : {std::pair{"jeugdhulp", &paths.jeugdhulp},
                            {"vervolgzorg", &paths.vervolgzorg}, {"persons", &paths.persons}}) {
    if (!args.Has(flag)) continue;
    auto p = stdin_file.Resolve(*args.Get(flag));
    if (!p.ok()) return p.status();
    *path = *p;
  }
  LoadOptions load;
  if (args.Has("lenient")) load.mode = LoadMode::kLenient;
  if (progress.active()) load.on_progress = [&progress](size_t rows) { progress.Rows(rows); };
  if (args.Has("rejects") && !args.Has("lenient")) {
    return absl::InvalidArgumentError("--rejects goes with --lenient");
  }
  LoadReport report;
  RejectsFile rejects;
  if (absl::Status s = rejects.Attach(args.GetOr("rejects", ""), &load); !s.ok()) return s;
  absl::Status loaded = LoadRecordFiles(paths, store, load, &report);
  progress.Done();
  if (!loaded.ok()) return loaded;
  if (absl::Status s = rejects.Commit(); !s.ok()) return s;
  ReportSkipped(report, kName, err, args.GetOr("rejects", ""));
  return absl::OkStatus();
}

int Run(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  auto args = Args::Parse(argv, kFlags);
  if (!args.ok()) return UsageError(err, kName, args.status().message());
  if (!args->positional().empty()) {
    return UsageError(err, kName,
                      absl::StrFormat("unexpected argument '%s'", args->positional()[0]));
  }
  if (!args->Get("jeugdhulp") || !args->Get("year-of-18")) {
    return UsageError(err, kName, "--jeugdhulp and --year-of-18 are required");
  }
  auto format = OutputFormat(*args, out, {"csv", "dataset", "json", "md", "table"});
  if (!format.ok()) return ReportError(err, kName, format.status());
  auto years = ParseYears(*args->Get("year-of-18"));
  if (!years.ok()) return ReportError(err, kName, years.status());
  OutflowOptions opt;
  if (absl::Status s = ParseOutflowOptions(*args, &opt); !s.ok()) {
    return ReportError(err, kName, s);
  }
  RecordStore store;
  Progress progress(err, kName);
  if (absl::Status s = LoadCohortRecords(*args, &store, progress, err); !s.ok()) {
    return ReportError(err, kName, s);
  }
  if (auto c = args->Get("cutoff")) {
    auto d = Date::Parse(*c);
    if (!d.ok()) {
      return ReportError(err, kName, absl::InvalidArgumentError(absl::StrCat(
                                         "--cutoff: ", std::string(d.status().message()))));
    }
    opt.cutoff = d->days();
  } else {
    opt.cutoff = LatestDate(store);
    if (opt.cutoff == kNoDate) {
      return ReportError(err, kName,
                         absl::InvalidArgumentError("no dates in the data; give --cutoff"));
    }
    err << "zvdj cohort: cut-off " << Date::FromDays(opt.cutoff).ToString()
        << " (the latest date in the data)\n";
  }

  EighteenCohortOptions copt;
  copt.by_municipality = args->Has("by-municipality");
  if (auto v = args->Get("feb29")) {
    if (*v == "mar1") copt.feb29 = Feb29Rule::kMarch1;
    else if (*v == "feb28") copt.feb29 = Feb29Rule::kFeb28;
    else return ReportError(err, kName, absl::InvalidArgumentError(absl::StrFormat(
        "--feb29: '%s' (expected mar1 or feb28)", *v)));
  }
  copt.cutoff = opt.cutoff;
  progress.Phase("building the cohorts");
  const Cohort cohort = EighteenthBirthdayCohort(store, *years, copt);
  progress.Phase("estimating the outflow");
  const std::vector<Outcome> outcomes = BuiltinOutcomes(store);
  auto rows = CohortOutflow(store, cohort, outcomes, opt);
  progress.Done();
  if (!rows.ok()) return ReportError(err, kName, rows.status());
  WarnEmptyCohorts(cohort, *rows, *years, err);

  if (*format == "dataset") {
    auto ds = CohortEstimatesToDataset(cohort, *rows);
    if (!ds.ok()) return ReportError(err, kName, ds.status());
    WriteDatasetCsv(*ds, out);
  } else {
    WriteOutput(*format, cohort, *rows, out);
  }
  return kExitOk;
}

}  // namespace

ZVDJ_REGISTER_COMMAND(Command{
    "cohort", "zvdj cohort --jeugdhulp F --year-of-18 Y [options]",
    "  Outflow of the cohort turning 18 in year Y into verlengde jeugdhulp and\n"
    "  vervolgzorg within each horizon (Aalen-Johansen, Kaplan-Meier or naive), one\n"
    "  row per cohort, outcome, horizon and method on standard output; the cut-off\n"
    "  and warnings on standard error. One input may be '-' (standard input).",
    kFlags, &Run});

}  // namespace zvdj::cli
