// Runs the built zvdj in a shell and captures its exit status, stdout and stderr.
#ifndef ZVDJ_TESTS_CLI_RUN_CLI_H_
#define ZVDJ_TESTS_CLI_RUN_CLI_H_

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace zvdj::cli_test {

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// `shell` is appended to the zvdj path ("trends --help"); it may hold redirections
// and pipes written with the placeholder ZVDJ for the binary.
inline RunResult Zvdj(const std::string& shell) {
  static std::atomic<int> counter{0};
  const std::string err_path = ::testing::TempDir() + "/cli_err_" + std::to_string(::getpid()) +
                               "_" + std::to_string(counter++) + ".txt";
  std::string cmd = shell;
  for (size_t p; (p = cmd.find("ZVDJ")) != std::string::npos;) cmd.replace(p, 4, ZVDJ_CLI_PATH);
  cmd = "{ " + std::string(ZVDJ_CLI_PATH) + " " + cmd + " ; } 2>" + err_path;
  RunResult r;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  r.err = Slurp(err_path);
  std::remove(err_path.c_str());
  return r;
}

inline std::string Src(const std::string& rel) { return std::string(ZVDJ_SOURCE_DIR) + "/" + rel; }

inline std::string TempDir() {
  std::string t = ::testing::TempDir() + "/zvdj_cli_XXXXXX";
  if (mkdtemp(t.data()) == nullptr) return ::testing::TempDir();
  return t;
}

}  // namespace zvdj::cli_test

#endif  // ZVDJ_TESTS_CLI_RUN_CLI_H_
