#include "cli/progress.h"

#include <unistd.h>

#include <fstream>
#include <iostream>

#include "absl/strings/str_format.h"
#include "zvdj/table.hpp"

namespace zvdj::cli {
namespace {

// Bytes this process has read so far (Linux /proc/self/io "rchar"; 0 elsewhere).
uint64_t BytesRead() {
  std::ifstream io("/proc/self/io");
  std::string key;
  uint64_t value = 0;
  while (io >> key >> value) {
    if (key == "rchar:") return value;
  }
  return 0;
}

constexpr auto kInterval = std::chrono::milliseconds(250);

}  // namespace

Progress::Progress(std::ostream& err, std::string command)
    : err_(err), command_(std::move(command)),
      tty_(&err == &std::cerr && isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()), last_(start_ - kInterval) {
  if (tty_) start_bytes_ = BytesRead();
}

double Progress::Seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

bool Progress::Due() {
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < kInterval) return false;
  last_ = now;
  return true;
}

void Progress::Show(const std::string& text) {
  err_ << "\r" << text << "\x1b[K" << std::flush;
  shown_ = true;
}

void Progress::Rows(size_t rows) {
  if (!tty_ || (rows < 1'000'000 && Seconds() < 1.0) || !Due()) return;
  const double s = Seconds();
  const double mb = static_cast<double>(BytesRead() - start_bytes_) / 1e6;
  Show(absl::StrFormat("zvdj %s: %s rows read, %s MB, %s MB/s, %.1f s", command_,
                       FormatForReading(static_cast<double>(rows), 0), FormatForReading(mb, 0),
                       FormatForReading(s > 0 ? mb / s : 0, 0), s));
}

void Progress::Fraction(double done) {
  if (!tty_ || !Due()) return;
  Show(absl::StrFormat("zvdj %s: %.0f%% (%.1f s)", command_, done * 100, Seconds()));
}

void Progress::Phase(std::string_view what) {
  if (!tty_ || Seconds() < 1.0) return;
  last_ = std::chrono::steady_clock::now();
  Show(absl::StrFormat("zvdj %s: %s (%.1f s)", command_, what, Seconds()));
}

void Progress::Done() {
  if (shown_) err_ << "\r\x1b[K" << std::flush;
  shown_ = false;
}

}  // namespace zvdj::cli
