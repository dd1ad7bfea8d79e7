// zvdj statline: StatLine exports -> dataset CSV.
#include <ostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/statline.hpp"

namespace zvdj::cli {
namespace {

int RunStatLine(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  absl::StatusOr<Args> args =
      Args::Parse(argv, {"format", "mapping", "table", "region", "note"}, {"quiet"});
  if (!args.ok()) return ReportError(err, "statline", args.status());
  if (args->positional().empty() || !args->Has("mapping")) {
    return ReportError(err, "statline",
                       absl::InvalidArgumentError(
                           "usage: zvdj statline --format odata3|odata4|csv --mapping M.csv FILE..."));
  }
  absl::StatusOr<StatLineFormat> format = ParseStatLineFormat(args->GetOr("format", "odata3"));
  if (!format.ok()) return ReportError(err, "statline", format.status());
  absl::StatusOr<StatLineMapping> mapping = StatLineMapping::Load(*args->Get("mapping"));
  if (!mapping.ok()) return ReportError(err, "statline", mapping.status());
  StatLineReadOptions options;
  options.table = args->GetOr("table", "");
  options.default_region = args->GetOr("region", "NL01");
  if (args->Has("note")) options.note = *args->Get("note");
  absl::StatusOr<StatLineResult> result =
      ReadStatLine(*format, args->positional(), *mapping, options);
  if (!result.ok()) return ReportError(err, "statline", result.status());
  WriteDatasetCsv(result->dataset, out);
  if (!args->Has("quiet")) err << result->report.ToString();
  return kExitOk;
}

}  // namespace

ZVDJ_REGISTER_COMMAND(Command{
    "statline",
    "zvdj statline --format odata3|odata4|csv --mapping M.csv [--table ID] [--region CODE]\n"
    "              [--note TEXT] [--quiet] FILE...   (dataset CSV on stdout, report on stderr)",
    &RunStatLine});

}  // namespace zvdj::cli
