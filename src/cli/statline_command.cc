// zvdj statline: StatLine exports -> dataset.
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/command.h"
#include "cli/dataset_output.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/internal/csv_reader.h"
#include "zvdj/statline.hpp"

namespace zvdj::cli {
namespace {

constexpr char kName[] = "statline";

const std::vector<Flag> kFlags = {
    {"input", "FMT", "input format: odata3, odata4 or csv (default: detected from the first file)"},
    {"mapping", "M.csv", "topic and category mapping to indicators; required"},
    {"table", "ID", "table id (default: from the files)"},
    {"region", "CODE", "region of tables without a region dimension (default NL01)"},
    {"note", "TEXT", "note for every row"},
    {"format", "FMT", "output: csv, json, md or table (default table on a terminal, else csv)"},
    {"quiet", nullptr, "no report on standard error"},
};

// The input format from the first file's content: OData v3 JSON names
// "odata.metadata", v4 "@odata.context"; anything not JSON is CSV.
absl::StatusOr<StatLineFormat> DetectFormat(const std::string& path) {
  auto text = internal::ReadFileToString(path);
  if (!text.ok()) return text.status();
  absl::string_view head = absl::string_view(*text).substr(0, 4096);
  if (absl::StartsWith(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  head = absl::StripLeadingAsciiWhitespace(head);
  if (head.empty() || (head[0] != '{' && head[0] != '[')) return StatLineFormat::kCsv;
  if (absl::StrContains(head, "@odata.context")) return StatLineFormat::kODataV4;
  if (absl::StrContains(head, "odata.metadata") || absl::StrContains(head, "odata.nextLink")) {
    return StatLineFormat::kODataV3;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      path, ": JSON without odata.metadata or @odata.context; give --input odata3 or odata4"));
}

int RunStatLine(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  absl::StatusOr<Args> args = Args::Parse(argv, kFlags);
  if (!args.ok()) return UsageError(err, kName, args.status().message());
  if (args->positional().empty() || !args->Has("mapping")) {
    return UsageError(err, kName, "expected --mapping M.csv and one or more FILEs");
  }
  if (auto f = args->Get("format"); f && (*f == "odata3" || *f == "odata4")) {
    return UsageError(err, kName, absl::StrFormat(
        "--format is the output format; the input format is --input %s", *f));
  }
  auto out_format = OutputFormat(*args, out);
  if (!out_format.ok()) return ReportError(err, kName, out_format.status());
  absl::StatusOr<StatLineFormat> format =
      args->Has("input") ? ParseStatLineFormat(*args->Get("input"))
                         : DetectFormat(args->positional()[0]);
  if (!format.ok()) return ReportError(err, kName, format.status());
  absl::StatusOr<StatLineMapping> mapping = StatLineMapping::Load(*args->Get("mapping"));
  if (!mapping.ok()) return ReportError(err, kName, mapping.status());
  StatLineReadOptions options;
  options.table = args->GetOr("table", "");
  options.default_region = args->GetOr("region", "NL01");
  if (args->Has("note")) options.note = *args->Get("note");
  absl::StatusOr<StatLineResult> result =
      ReadStatLine(*format, args->positional(), *mapping, options);
  if (!result.ok()) return ReportError(err, kName, result.status());
  if (!args->Has("quiet")) err << EscapeControl(result->report.ToString(), true);
  if (result->dataset.size() == 0) {
    return ReportError(err, kName, absl::InvalidArgumentError(absl::StrFormat(
        "no observations from %d cells read as %s; is the input format right (--input), and "
        "does the mapping name these topics?",
        result->report.cells, StatLineFormatName(*format))));
  }
  WriteDataset(result->dataset, *out_format, out);
  return kExitOk;
}

}  // namespace

ZVDJ_REGISTER_COMMAND(Command{
    kName, "zvdj statline --mapping M.csv [--input odata3|odata4|csv] [options] FILE...",
    "  CBS StatLine exports (OData v3 or v4 JSON pages, or the CSV download) as a\n"
    "  dataset on standard output; a report of what was read on standard error.\n"
    "  The input format is detected from the first file unless --input names it.\n"
    "  No observations at all is an error (exit 2).",
    kFlags, &RunStatLine});

}  // namespace zvdj::cli
