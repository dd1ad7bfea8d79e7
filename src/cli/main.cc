// zvdj: the command-line front of libzvdj. Run `zvdj help` for the commands.
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "zvdj/version.h"

int main(int argc, char** argv) {
  using zvdj::cli::Commands;
  std::ios::sync_with_stdio(false);
  const std::string name = argc > 1 ? argv[1] : "help";
  if (name == "help" || name == "--help" || name == "-h") {
    std::cout << "usage:\n";
    for (const auto& [n, c] : Commands()) std::cout << c.usage << '\n';
    return 0;
  }
  if (name == "--version" || name == "version") {
    std::cout << "zvdj " << ZVDJ_VERSION_MAJOR << '.' << ZVDJ_VERSION_MINOR << '.'
              << ZVDJ_VERSION_PATCH << '\n';
    return 0;
  }
  auto it = Commands().find(name);
  if (it == Commands().end()) {
    std::cerr << "zvdj: unknown command '" << name << "'; try 'zvdj help'\n";
    return zvdj::cli::kExitBadInput;
  }
  const std::vector<std::string> args(argv + 2, argv + argc);
  const int rc = it->second.run(args, std::cout, std::cerr);
  std::cout.flush();
  return rc;
}
