// A progress line on standard error for long work (loading, generating,
// cohorts): only when standard error is a terminal, redrawn at most four
// times a second, and cleared when the work is done.
#ifndef ZVDJ_CLI_PROGRESS_H_
#define ZVDJ_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace zvdj::cli {

class Progress {
 public:
  Progress(std::ostream& err, std::string command);
  ~Progress() { Done(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  bool active() const { return tty_; }
  // Rows read so far: shown from a million rows on (or after a second), with
  // the bytes read, their rate and the time taken.
  void Rows(size_t rows);
  // A share of the work done, in [0, 1].
  void Fraction(double done);
  // What is being done now ("computing indicators"); shown once the run has
  // taken a second.
  void Phase(std::string_view what);
  // Clears the line.
  void Done();

 private:
  double Seconds() const;
  bool Due();
  void Show(const std::string& text);
  std::ostream& err_;
  std::string command_;
  bool tty_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_, last_;
  uint64_t start_bytes_ = 0;
};

}  // namespace zvdj::cli

#endif  // ZVDJ_CLI_PROGRESS_H_
