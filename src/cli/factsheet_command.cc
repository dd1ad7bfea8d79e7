// zvdj factsheet: dataset -> "Feiten & Cijfers" page (index.html + SVG charts).
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cli/command.h"
#include "zvdj/breaks.hpp"
#include "zvdj/dataset_io.hpp"
#include "zvdj/factsheet.hpp"

namespace zvdj::cli {
namespace {

constexpr char kName[] = "factsheet";

const std::vector<Flag> kFlags = {
    {"out", "DIR", "folder for index.html and the SVG charts; required"},
    {"config", "FILE", "factsheet configuration (default: the kernindicatoren page)"},
    {"breaks", "FILE", "break register (default DATASET.breaks.csv when present)"},
    {"region", "CODE", "region of the page (default NL01)"},
    {"compare", "LIST", "comma list of regions drawn beside --region"},
    {"title", "T", "page title"},
    {"subtitle", "T", "page subtitle"},
    {"regions", "FILE", "regions file whose name columns name the regions on the page"},
};

// Every region asked for must occur in the dataset: an unknown code would give
// a page without numbers.
absl::Status CheckRegions(const Dataset& ds, const FactsheetOptions& options) {
  std::vector<std::string> wanted = options.compare;
  if (!options.region.empty()) wanted.push_back(options.region);
  for (const std::string& code : wanted) {
    bool found = false;
    for (size_t r = 0; r < ds.size() && !found; ++r) found = ds.region(r) == code;
    if (!found) {
      return absl::NotFoundError(absl::StrCat("region '", code, "' does not occur in the dataset"));
    }
  }
  return absl::OkStatus();
}

absl::Status LoadBreaks(const Args& args, const std::string& path, BreakRegister* breaks) {
  // Breaks: --breaks, else DATASET.breaks.csv next to the dataset when present.
  std::string breaks_path = args.GetOr("breaks", "");
  if (breaks_path.empty() && path != "-") {
    std::filesystem::path p(path);
    std::filesystem::path candidate = p.parent_path() / (p.stem().string() + ".breaks.csv");
    std::error_code ec;
    if (std::filesystem::exists(candidate, ec)) breaks_path = candidate.string();
  }
  if (breaks_path.empty()) return absl::OkStatus();
  return breaks->LoadCsv(breaks_path);
}

int RunFactsheet(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  absl::StatusOr<Args> args = Args::Parse(argv, kFlags);
  if (!args.ok()) return UsageError(err, kName, args.status().message());
  if (args->positional().size() != 1 || !args->Has("out")) {
    return UsageError(err, kName, "expected one DATASET.csv (or -) and --out DIR");
  }
  const std::string path = args->positional()[0];
  auto text = ReadInput(path);
  if (!text.ok()) return ReportError(err, kName, text.status());
  absl::StatusOr<Dataset> ds = ParseDatasetCsv(*text, path == "-" ? "<stdin>" : path);
  if (!ds.ok()) return ReportError(err, kName, ds.status());
  FactsheetConfig config = FactsheetConfig::Default();
  if (args->Has("config")) {
    absl::StatusOr<FactsheetConfig> c = FactsheetConfig::Load(*args->Get("config"));
    if (!c.ok()) return ReportError(err, kName, c.status());
    config = *std::move(c);
  }
  BreakRegister breaks;
  if (absl::Status st = LoadBreaks(*args, path, &breaks); !st.ok()) {
    return ReportError(err, kName, st);
  }
  absl::StatusOr<RegionNames> names = LoadRegionNames(args->GetOr("regions", ""));
  if (!names.ok()) return ReportError(err, kName, names.status());
  FactsheetOptions options;
  options.breaks = &breaks;
  options.region_names = &*names;
  options.region = args->GetOr("region", "");
  if (args->Has("compare")) {
    for (const std::string& c : CommaList(*args->Get("compare"))) options.compare.push_back(c);
  }
  if (absl::Status st = CheckRegions(*ds, options); !st.ok()) return ReportError(err, kName, st);
  if (args->Has("title")) options.title = *args->Get("title");
  if (args->Has("subtitle")) options.subtitle = *args->Get("subtitle");
  absl::StatusOr<Factsheet> sheet = RenderFactsheet(*ds, config, options);
  if (!sheet.ok()) return ReportError(err, kName, sheet.status());
  const std::string dir = *args->Get("out");
  if (absl::Status st = WriteFactsheet(*sheet, dir); !st.ok()) {
    return ReportError(err, kName, st);
  }
  for (const std::string& w : sheet->warnings) {
    err << "zvdj factsheet: warning: " << EscapeControl(w) << '\n';
  }
  out << dir << "/index.html (" << sheet->charts.size() << " charts)\n";
  return kExitOk;
}

}  // namespace

ZVDJ_REGISTER_COMMAND(Command{
    kName, "zvdj factsheet DATASET.csv --out DIR [options]",
    "  A \"Feiten & Cijfers\" page (index.html and one SVG per chart) in DIR; the\n"
    "  path of the page on standard output, warnings on standard error. DATASET '-'\n"
    "  reads standard input. Files are written complete or not at all.",
    kFlags, &RunFactsheet});

}  // namespace zvdj::cli
