// zvdj factsheet: dataset -> "Feiten & Cijfers" page (index.html + SVG charts).
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "cli/command.h"
#include "zvdj/breaks.hpp"
#include "zvdj/dataset_io.hpp"
#include "zvdj/factsheet.hpp"

namespace zvdj::cli {
namespace {

int RunFactsheet(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  absl::StatusOr<Args> args = Args::Parse(
      argv, {"out", "config", "breaks", "region", "compare", "title", "subtitle"}, {});
  if (!args.ok()) return ReportError(err, "factsheet", args.status());
  if (args->positional().size() != 1 || !args->Has("out")) {
    return ReportError(err, "factsheet",
                       absl::InvalidArgumentError(
                           "usage: zvdj factsheet DATASET.csv --out DIR [--config FILE] ..."));
  }
  const std::string path = args->positional()[0];
  absl::StatusOr<Dataset> ds = ReadDatasetCsv(path);
  if (!ds.ok()) return ReportError(err, "factsheet", ds.status());
  FactsheetConfig config = FactsheetConfig::Default();
  if (args->Has("config")) {
    absl::StatusOr<FactsheetConfig> c = FactsheetConfig::Load(*args->Get("config"));
    if (!c.ok()) return ReportError(err, "factsheet", c.status());
    config = *std::move(c);
  }
  // Breaks: --breaks, else DATASET.breaks.csv next to the dataset when present.
  BreakRegister breaks;
  std::string breaks_path = args->GetOr("breaks", "");
  if (breaks_path.empty()) {
    std::filesystem::path p(path);
    std::filesystem::path candidate = p.parent_path() / (p.stem().string() + ".breaks.csv");
    if (path != "-" && std::filesystem::exists(candidate)) breaks_path = candidate.string();
  }
  if (!breaks_path.empty()) {
    if (absl::Status st = breaks.LoadCsv(breaks_path); !st.ok()) {
      return ReportError(err, "factsheet", st);
    }
  }
  FactsheetOptions options;
  options.breaks = &breaks;
  options.region = args->GetOr("region", "");
  if (args->Has("compare")) {
    for (absl::string_view c : absl::StrSplit(*args->Get("compare"), ',', absl::SkipEmpty())) {
      options.compare.emplace_back(c);
    }
  }
  if (args->Has("title")) options.title = *args->Get("title");
  if (args->Has("subtitle")) options.subtitle = *args->Get("subtitle");
  absl::StatusOr<Factsheet> sheet = RenderFactsheet(*ds, config, options);
  if (!sheet.ok()) return ReportError(err, "factsheet", sheet.status());
  const std::string dir = *args->Get("out");
  if (absl::Status st = WriteFactsheet(*sheet, dir); !st.ok()) {
    return ReportError(err, "factsheet", st);
  }
  for (const std::string& w : sheet->warnings) err << "zvdj factsheet: warning: " << w << '\n';
  out << dir << "/index.html (" << sheet->charts.size() << " charts)\n";
  return kExitOk;
}

}  // namespace

ZVDJ_REGISTER_COMMAND(Command{
    "factsheet",
    "zvdj factsheet DATASET.csv --out DIR [--config FILE] [--breaks FILE]\n"
    "              [--region CODE --compare CODE,CODE] [--title T] [--subtitle T]",
    &RunFactsheet});

}  // namespace zvdj::cli
