// The zvdj command's subcommand registry and argument parsing. Each
// src/cli/<name>_command.cc registers itself with a static ZVDJ_REGISTER_COMMAND.
//
// Shared conventions (every subcommand): `--help`/`-h`; `--format` is the output
// format (csv|json|md|table; table on a terminal, csv otherwise); `-` is standard
// input; results on stdout, messages and progress on stderr; multi-valued flags
// take comma lists; exit 0 done, 1 runtime failure (e.g. cannot write), 2 bad
// input or usage.
#ifndef ZVDJ_CLI_COMMAND_H_
#define ZVDJ_CLI_COMMAND_H_

#include <iosfwd>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "zvdj/regions.hpp"

namespace zvdj::cli {

// Exit statuses: 0 success, 2 bad input or usage, 1 anything else.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

// One command-line flag: `value` names its argument ("FILE"); nullptr for a
// boolean flag. The help shows one line per flag, and the parser accepts exactly
// these flags, so the two cannot drift apart.
struct Flag {
  const char* name;
  const char* value;
  const char* help;
};

// Parsed command line: `--name value`, `--name=value`, boolean `--name`, and
// positional arguments ("-" is positional: standard input).
class Args {
 public:
  static absl::StatusOr<Args> Parse(const std::vector<std::string>& argv,
                                    const std::vector<Flag>& flags);
  // `value_flags` take a value; `bool_flags` don't. Anything else is an error.
  static absl::StatusOr<Args> Parse(const std::vector<std::string>& argv,
                                    const std::set<std::string>& value_flags,
                                    const std::set<std::string>& bool_flags);
  std::optional<std::string> Get(const std::string& name) const;
  std::string GetOr(const std::string& name, std::string fallback) const;
  bool Has(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> bools_;
  std::vector<std::string> positional_;
};

struct Command {
  std::string name;
  std::string synopsis;     // "zvdj compute --jeugdhulp F --from Y --to Y [options]"
  std::string description;  // a few lines: what it does, where results go
  std::vector<Flag> flags;
  int (*run)(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
};

bool RegisterCommand(const Command& command);
const std::map<std::string, Command>& Commands();

// The full help of one command: synopsis, description, one line per flag, exit
// statuses.
std::string HelpText(const Command& command);

// Prints "zvdj <command>: <message>" (control characters escaped) and returns
// the exit status for `status`.
int ReportError(std::ostream& err, std::string_view command, const absl::Status& status);
// "usage" error with a pointer to the help.
int UsageError(std::ostream& err, std::string_view command, absl::string_view message);

// `text` with control characters shown as \xHH (newlines kept when `keep_newlines`),
// so that input quoted in a message or a table cannot steer the terminal.
std::string EscapeControl(absl::string_view text, bool keep_newlines = false);

// The stream that main() passes as `out` for standard output.
void SetStdoutStream(const std::ostream* out);
// "table" when `out` is standard output on a terminal, else "csv": a person at a
// terminal gets a readable table, a pipe or file gets the machine format.
std::string DefaultFormat(const std::ostream& out);
// The --format value (default DefaultFormat(out)), checked against `allowed`.
absl::StatusOr<std::string> OutputFormat(const Args& args, const std::ostream& out,
                                         const std::vector<std::string>& allowed = {
                                             "csv", "json", "md", "table"});

// A directory where a file is expected is named as such (not "too large").
absl::Status CheckInputPath(const std::string& path);
// Reads a whole file, or standard input for "-", up to the file size limit.
absl::StatusOr<std::string> ReadInput(const std::string& path);

// The region names readers see: the built-in ones, with those of the regions
// file `path` (municipality_name, region_name columns) over them; only the
// built-in ones when `path` is empty.
absl::StatusOr<RegionNames> LoadRegionNames(const std::string& path);

// Splits a comma list ("aj,km"), dropping empty pieces.
std::vector<std::string> CommaList(absl::string_view text);

}  // namespace zvdj::cli

#define ZVDJ_REGISTER_COMMAND(...) \
  [[maybe_unused]] static const bool zvdj_registered_command_ = ::zvdj::cli::RegisterCommand(__VA_ARGS__)

#endif  // ZVDJ_CLI_COMMAND_H_
