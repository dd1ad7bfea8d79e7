// zvdj: the command-line front of libzvdj. Run `zvdj help` for the commands.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "zvdj/internal/atomic_file.h"
#include "zvdj/version.h"

namespace {

using zvdj::cli::Command;
using zvdj::cli::Commands;

void Overview(std::ostream& out) {
  out << "usage: zvdj COMMAND [options]   (zvdj COMMAND --help for one command)\n\n"
         "commands:\n";
  for (const auto& [n, c] : Commands()) out << "  " << c.synopsis << '\n';
  out << "\nconventions: --format csv|json|md|table is the output format (table on a\n"
         "terminal, csv otherwise); '-' reads standard input; results go to standard\n"
         "output, messages and progress to standard error; multi-valued flags take\n"
         "comma lists; exit status 0 done, 1 could not write or other runtime failure,\n"
         "2 bad input or usage.\n";
}

bool WantsHelp(const std::vector<std::string>& args) {
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // Every byte of the result goes through a buffer that remembers a failed
  // write, and the final flush and close are checked (a full disk is exit 1).
  zvdj::internal::CheckedOutput out(STDOUT_FILENO, "standard output");
  zvdj::cli::SetStdoutStream(&out);
  const std::string name = argc > 1 ? argv[1] : "help";
  const auto finish = [&](int rc) {
    absl::Status st = out.Close();
    if (!st.ok()) {
      std::cerr << "zvdj " << name << ": " << st.message() << '\n';
      return rc == 0 ? zvdj::cli::kExitFailure : rc;
    }
    return rc;
  };
  const std::vector<std::string> args(argv + 2, argv + std::max(argc, 2));
  if (name == "help" || name == "--help" || name == "-h") {
    if (name == "help" && !args.empty()) {
      auto it = Commands().find(args[0]);
      if (it == Commands().end()) {
        std::cerr << "zvdj: unknown command '" << zvdj::cli::EscapeControl(args[0])
                  << "'; try 'zvdj help'\n";
        return zvdj::cli::kExitBadInput;
      }
      out << zvdj::cli::HelpText(it->second);
      return finish(0);
    }
    Overview(out);
    return finish(0);
  }
  if (name == "--version" || name == "version") {
    out << "zvdj " << ZVDJ_VERSION_MAJOR << '.' << ZVDJ_VERSION_MINOR << '.'
        << ZVDJ_VERSION_PATCH << '\n';
    return finish(0);
  }
  auto it = Commands().find(name);
  if (it == Commands().end()) {
    std::cerr << "zvdj: unknown command '" << zvdj::cli::EscapeControl(name)
              << "'; try 'zvdj help'\n";
    return zvdj::cli::kExitBadInput;
  }
  if (WantsHelp(args)) {
    out << zvdj::cli::HelpText(it->second);
    return finish(0);
  }
  const int rc = it->second.run(args, out, std::cerr);
  return finish(rc);
}
