// zvdj generate --out DIR --persons N [--from YEAR] [--to YEAR] [--seed S]
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <ostream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "cli/command.h"
#include "cli/progress.h"
#include "cli/records_support.h"
#include "zvdj/generator.hpp"

namespace zvdj::cli {
namespace {

constexpr char kName[] = "generate";

const std::vector<Flag> kFlags = {
    {"out", "DIR", "folder for the files; required"},
    {"persons", "N", "youths with jeugdhulp per year; required"},
    {"from", "YEAR", "first year (default 2016)"},
    {"to", "YEAR", "last year (default 2019)"},
    {"seed", "S", "random seed (default 1)"},
};

template <typename T>
absl::Status ParseIntFlag(const Args& args, const std::string& flag, T* out) {
  const auto v = args.Get(flag);
  if (!v) return absl::OkStatus();
  if (!absl::SimpleAtoi(*v, out)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("--%s: '%s' is not a whole number", flag, *v));
  }
  return absl::OkStatus();
}

int RunGenerate(const std::vector<std::string>& argv, std::ostream& /*out*/, std::ostream& err) {
  auto args = Args::Parse(argv, kFlags);
  if (!args.ok()) return UsageError(err, kName, args.status().message());
  if (!args->positional().empty()) {
    return UsageError(err, kName,
                      absl::StrFormat("unexpected argument '%s'", args->positional()[0]));
  }
  const auto dir = args->Get("out");
  if (!dir || dir->empty()) return UsageError(err, kName, "--out DIR is required");
  if (!args->Has("persons")) return UsageError(err, kName, "--persons N is required");
  GenerateOptions opt;
  for (const auto& s : {ParseIntFlag(*args, "persons", &opt.persons),
                        ParseIntFlag(*args, "from", &opt.from_year),
                        ParseIntFlag(*args, "to", &opt.to_year),
                        ParseIntFlag(*args, "seed", &opt.seed)}) {
    if (!s.ok()) return ReportError(err, kName, s);
  }

  Progress line(err, kName);
  GenerateProgress progress;
  if (line.active()) progress = [&line](double f) { line.Fraction(f); };
  auto summary = GenerateRecordFiles(opt, *dir, progress);
  line.Done();
  if (!summary.ok()) return ReportError(err, kName, summary.status());
  // The reporting window beside the files, so that `zvdj compute` needs no
  // --from/--to for them.
  const std::string coverage = (std::filesystem::path(*dir) / "coverage.csv").string();
  if (absl::Status s = WriteCoverage(coverage, {opt.from_year, opt.to_year}); !s.ok()) {
    return ReportError(err, kName, s);
  }
  err << absl::StrFormat(
      "zvdj generate: wrote %d persons, %d jeugdhulp, %d jeugdbescherming, %d verzuim, "
      "%d vervolgzorg, %d regions and %d herindeling rows and coverage.csv to %s\n",
      summary->persons, summary->jeugdhulp, summary->jeugdbescherming, summary->verzuim,
      summary->vervolgzorg, summary->regions, summary->herindeling, *dir);
  return kExitOk;
}

ZVDJ_REGISTER_COMMAND(Command{
    kName, "zvdj generate --out DIR --persons N [options]",
    "  Writes synthetic person-level files to DIR (N youths with jeugdhulp per year;\n"
    "  450000 is national scale) and coverage.csv with the reporting years, which\n"
    "  'zvdj compute' reads. The summary and progress go to standard error.",
    kFlags, &RunGenerate});

}  // namespace
}  // namespace zvdj::cli
