// The zvdj command's subcommand registry and argument parsing. Each
// src/cli/<name>_command.cc registers itself with a static ZVDJ_REGISTER_COMMAND.
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

namespace zvdj::cli {

// Exit statuses: 0 success, 2 bad input or usage, 1 anything else.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

// Parsed command line: `--name value`, `--name=value`, boolean `--name`, and
// positional arguments ("-" is positional: standard input).
class Args {
 public:
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
  std::string usage;  // one or more lines shown by `zvdj help`
  int (*run)(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
};

bool RegisterCommand(const Command& command);
const std::map<std::string, Command>& Commands();

// Prints "zvdj <command>: <message>" and returns the exit status for `status`.
int ReportError(std::ostream& err, std::string_view command, const absl::Status& status);

// "table" when `out` is standard output on a terminal, else "csv": a person at a
// terminal gets a readable table, a pipe or file gets the machine format.
std::string DefaultFormat(const std::ostream& out);

// Reads a whole file, or standard input for "-".
absl::StatusOr<std::string> ReadInput(const std::string& path);

}  // namespace zvdj::cli

#define ZVDJ_REGISTER_COMMAND(...) \
  [[maybe_unused]] static const bool zvdj_registered_command_ = ::zvdj::cli::RegisterCommand(__VA_ARGS__)

#endif  // ZVDJ_CLI_COMMAND_H_
