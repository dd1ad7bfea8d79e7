// Output and input plumbing of the zvdj command: writes that are checked to the
// last byte, files that appear only when complete, and standard input as a file.
#ifndef ZVDJ_CLI_IO_H_
#define ZVDJ_CLI_IO_H_

#include <ostream>
#include <streambuf>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace zvdj::cli {

// A buffered stream buffer over a file descriptor that remembers the first
// failed write (errno), so that a full disk or a closed pipe is reported instead
// of being lost in a stream's bad bit.
class FdOutBuf : public std::streambuf {
 public:
  explicit FdOutBuf(int fd) : fd_(fd) { setp(buf_, buf_ + sizeof buf_); }
  FdOutBuf(const FdOutBuf&) = delete;
  FdOutBuf& operator=(const FdOutBuf&) = delete;
  ~FdOutBuf() override = default;
  // 0 while every write succeeded, else the errno of the first failure.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override;
  int sync() override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;

 private:
  bool Drain();
  bool WriteAll(const char* p, size_t n);
  int fd_;
  int error_ = 0;
  char buf_[1 << 16];
};

// Flushes `out` (over `buf`), closes `fd` and turns a failure into
// "cannot write NAME: reason".
absl::Status FinishOutput(std::ostream& out, FdOutBuf& buf, int fd, const std::string& name);

// A file written under a temporary name in the same folder and renamed into
// place by Commit(); destroyed uncommitted, it removes the temporary file and
// leaves any earlier file at `path` untouched.
class AtomicFile {
 public:
  static absl::StatusOr<std::unique_ptr<AtomicFile>> Create(const std::string& path);
  ~AtomicFile();
  std::ostream& stream() { return out_; }
  absl::Status Commit();

 private:
  AtomicFile(std::string path, std::string temp, int fd);
  std::string path_, temp_;
  int fd_;
  FdOutBuf buf_;
  std::ostream out_;
  bool done_ = false;
};

// Input paths of the record loaders: "-" (standard input, which the library's
// file source reads within the size limits) at most once, directories named.
class StdinFile {
 public:
  absl::StatusOr<std::string> Resolve(const std::string& path);

 private:
  bool used_ = false;
};

}  // namespace zvdj::cli

#endif  // ZVDJ_CLI_IO_H_
