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
#include "zvdj/cohort.hpp"
#include "zvdj/dataset_io.hpp"
#include "zvdj/number_format.hpp"
#include "zvdj/records_io.hpp"

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

// The latest date in the data: starts, ends and exits.
int32_t LatestDate(const RecordStore& s) {
  int32_t latest = kNoDate;
  auto see = [&](int32_t d) {
    if (d != kOpenEnd && d != kNoDate) latest = std::max(latest, d);
  };
  for (size_t i = 0; i < s.jeugdhulp.size(); ++i) {
    see(s.jeugdhulp.start[i]);
    see(s.jeugdhulp.end[i]);
  }
  for (size_t i = 0; i < s.vervolgzorg.size(); ++i) {
    see(s.vervolgzorg.start[i]);
    see(s.vervolgzorg.end[i]);
  }
  for (int32_t d : s.persons.exit) see(d);
  return latest;
}

std::string Num(double v) { return std::isnan(v) ? "" : FormatPlain(v); }
std::string Fixed(double v, int decimals) {
  return std::isnan(v) ? "" : absl::StrFormat("%.*f", decimals, v);
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += absl::StrFormat("\\u%04x", c);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

const std::vector<std::string> kColumns = {
    "year_of_18", "region", "outcome", "horizon", "n_cohort", "n_at_risk", "n_events", "estimate",
    "std_err", "ci_low", "ci_high", "method", "denominator", "note"};

std::vector<std::string> Cells(const Cohort& c, const CohortEstimate& e, bool human) {
  const CohortGroup& g = c.groups[e.group];
  auto num = [&](double v) { return human ? Fixed(v, 4) : Num(v); };
  return {absl::StrCat(g.year), g.region, e.outcome, e.horizon, absl::StrCat(e.n_cohort),
          absl::StrCat(e.n_at_risk), absl::StrCat(e.n_events), num(e.estimate), num(e.std_err),
          num(e.ci_low), num(e.ci_high), std::string(CohortMethodName(e.method)),
          std::string(DenominatorName(e.denominator)), e.note};
}

void WriteOutput(const std::string& format, const Cohort& c,
                 const std::vector<CohortEstimate>& rows, std::ostream& out) {
  if (format == "csv") {
    for (size_t i = 0; i < kColumns.size(); ++i) out << (i ? "," : "") << kColumns[i];
    out << '\n';
    for (const auto& e : rows) {
      auto cells = Cells(c, e, false);
      for (size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << CsvEscape(cells[i]);
      out << '\n';
    }
  } else if (format == "json") {
    out << "[";
    for (size_t r = 0; r < rows.size(); ++r) {
      auto cells = Cells(c, rows[r], false);
      out << (r ? ",\n " : "\n ") << "{";
      for (size_t i = 0; i < cells.size(); ++i) {
        const bool text = i <= 3 || i >= 11;  // year_of_18 is a number too
        out << (i ? ", " : "") << JsonString(kColumns[i]) << ": ";
        if (i == 0 || !text) {
          out << (cells[i].empty() ? "null" : cells[i]);
        } else {
          out << JsonString(cells[i]);
        }
      }
      out << "}";
    }
    out << "\n]\n";
  } else {  // md, table
    std::vector<std::vector<std::string>> all = {kColumns};
    for (const auto& e : rows) all.push_back(Cells(c, e, true));
    std::vector<size_t> width(kColumns.size(), 0);
    for (const auto& r : all) {
      for (size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], r[i].size());
    }
    const bool md = format == "md";
    for (size_t r = 0; r < all.size(); ++r) {
      std::string line = md ? "|" : "";
      for (size_t i = 0; i < all[r].size(); ++i) {
        const bool right = i >= 4 && i <= 10;
        const std::string& cell = all[r][i];
        const std::string pad(width[i] - cell.size(), ' ');
        const std::string padded = right ? absl::StrCat(pad, cell) : absl::StrCat(cell, pad);
        absl::StrAppend(&line, md ? " " : (i ? "  " : ""), padded, md ? " |" : "");
      }
      if (!md) line.erase(line.find_last_not_of(' ') + 1);
      out << line << '\n';
      if (md && r == 0) {
        out << "|";
        for (size_t i = 0; i < width.size(); ++i) {
          const bool right = i >= 4 && i <= 10;
          out << ' ' << std::string(right ? width[i] - 1 : width[i], '-') << (right ? ": |" : " |");
        }
        out << '\n';
      }
    }
  }
}

int Run(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  auto args = Args::Parse(argv,
                          {"jeugdhulp", "vervolgzorg", "persons", "year-of-18", "horizons",
                           "cutoff", "format", "method", "ci", "denominator", "death", "feb29"},
                          {"by-municipality", "lenient"});
  if (!args.ok()) return ReportError(err, kName, args.status());
  if (!args->positional().empty()) {
    return ReportError(err, kName, absl::InvalidArgumentError(absl::StrFormat(
                                       "unexpected argument '%s'", args->positional()[0])));
  }
  if (!args->Get("jeugdhulp") || !args->Get("year-of-18")) {
    return ReportError(err, kName,
                       absl::InvalidArgumentError("--jeugdhulp and --year-of-18 are required"));
  }
  const std::string format = args->GetOr("format", "csv");
  if (format != "csv" && format != "dataset" && format != "json" && format != "md" &&
      format != "table") {
    return ReportError(err, kName, absl::InvalidArgumentError(absl::StrFormat(
                                       "unknown --format '%s' (expected csv, dataset, json, md "
                                       "or table)", format)));
  }
  auto years = ParseYears(*args->Get("year-of-18"));
  if (!years.ok()) return ReportError(err, kName, years.status());
  OutflowOptions opt;
  auto horizons = ParseHorizons(args->GetOr("horizons", "1m,3m,6m"));
  if (!horizons.ok()) return ReportError(err, kName, horizons.status());
  opt.horizons = *horizons;
  auto methods = ParseCohortMethods(args->GetOr("method", "aj"));
  if (!methods.ok()) return ReportError(err, kName, methods.status());
  opt.methods = *methods;
  auto ci = ParseCiTransform(args->GetOr("ci", "log"));
  if (!ci.ok()) return ReportError(err, kName, ci.status());
  opt.survival.ci = *ci;
  auto denominator = ParseDenominator(args->GetOr("denominator", "all"));
  if (!denominator.ok()) return ReportError(err, kName, denominator.status());
  opt.denominator = *denominator;
  auto death = ParseDeathHandling(args->GetOr("death", "competing"));
  if (!death.ok()) return ReportError(err, kName, death.status());
  opt.death = *death;

  RecordStore store;
  RecordFilePaths paths;
  paths.jeugdhulp = *args->Get("jeugdhulp");
  paths.vervolgzorg = args->GetOr("vervolgzorg", "");
  paths.persons = args->GetOr("persons", "");
  LoadOptions load;
  if (args->Has("lenient")) load.mode = LoadMode::kLenient;
  LoadReport report;
  if (auto st = LoadRecordFiles(paths, &store, load, &report); !st.ok()) {
    return ReportError(err, kName, st);
  }
  for (const SkippedRow& s : report.skipped) {
    err << "zvdj cohort: skipped " << s.file << ":" << s.line << ":" << s.column << ": "
        << s.reason << '\n';
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
  const Cohort cohort = EighteenthBirthdayCohort(store, *years, copt);
  const std::vector<Outcome> outcomes = BuiltinOutcomes(store);
  auto rows = CohortOutflow(store, cohort, outcomes, opt);
  if (!rows.ok()) return ReportError(err, kName, rows.status());

  if (format == "dataset") {
    auto ds = CohortEstimatesToDataset(cohort, *rows);
    if (!ds.ok()) return ReportError(err, kName, ds.status());
    WriteDatasetCsv(*ds, out);
  } else {
    WriteOutput(format, cohort, *rows, out);
  }
  return kExitOk;
}

}  // namespace

ZVDJ_REGISTER_COMMAND(Command{
    "cohort",
    "  zvdj cohort   --jeugdhulp F [--vervolgzorg F] [--persons F] --year-of-18 Y[,Y|-Y]\n"
    "                [--horizons 1m,3m,6m] [--cutoff DATE] [--method aj|km|naive|all]\n"
    "                [--ci log|log-log|plain] [--denominator all|zonder_verlengde]\n"
    "                [--death competing|censor] [--by-municipality] [--lenient]\n"
    "                [--feb29 mar1|feb28 (29 February birthdays in common years)]\n"
    "                [--format csv|dataset|json|md|table]",
    &Run});

}  // namespace zvdj::cli
