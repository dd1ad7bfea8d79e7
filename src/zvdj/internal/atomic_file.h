// Checked output: every file the library writes goes to a temporary file in the
// same folder and is renamed into place only when complete, so a failed run
// (full disk, I/O error) leaves the previous file untouched and no temporary
// file behind. Every write, the flush, fsync and close are checked; failures
// are "cannot write FILE: reason" (strerror).
//
//   ZVDJ_RETURN_IF_ERROR(internal::WriteFileAtomically(
//       "out.csv", [&](std::ostream& os) { WriteDatasetCsv(ds, os); }));
//
//   // Standard output (or any already open descriptor), checked the same way:
//   internal::CheckedOutput out(STDOUT_FILENO, "standard output");
//   WriteDatasetCsv(ds, out);
//   if (absl::Status s = out.Close(); !s.ok()) { /* report, exit 1 */ }
//
// Tests inject failures with SetFileOpsForTesting (a failing write or fsync).
#ifndef ZVDJ_INTERNAL_ATOMIC_FILE_H_
#define ZVDJ_INTERNAL_ATOMIC_FILE_H_

#include <sys/types.h>

#include <cstddef>
#include <concepts>
#include <functional>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace zvdj::internal {

// The system calls the checked writers go through. Tests replace them to inject
// faults; set them before any writer runs and restore them afterwards.
struct FileOps {
  ssize_t (*write)(int fd, const void* data, size_t size);
  int (*fsync)(int fd);
};
FileOps DefaultFileOps();
// Installs `ops` for every checked writer; returns the previous ones.
FileOps SetFileOpsForTesting(FileOps ops);

// "cannot write NAME: strerror(err)": NotFound for a missing folder,
// PermissionDenied for EACCES/EPERM/EROFS, DataLoss otherwise (ENOSPC, EIO ...).
absl::Status WriteError(std::string_view name, int err);

// A streambuf over a file descriptor that checks every write(2) (short writes
// and EINTR are retried). The first failure is kept and later output is
// dropped, so a writer that ignores the stream state cannot fill the disk.
class FdStreamBuf : public std::streambuf {
 public:
  explicit FdStreamBuf(int fd);
  FdStreamBuf(const FdStreamBuf&) = delete;
  FdStreamBuf& operator=(const FdStreamBuf&) = delete;

  // errno of the first failed write; 0 when none failed.
  int error() const { return error_; }
  // Writes what is buffered; false once any write failed.
  bool Drain();
  void set_fd(int fd) { fd_ = fd; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool WriteAll(const char* data, size_t size);

  int fd_;
  int error_ = 0;
  std::vector<char> buf_;
};

// An ostream over an already open descriptor (standard output) whose every
// write is checked. It does not own the descriptor unless Close() is called.
class CheckedOutput : public std::ostream {
 public:
  // `name` is used in messages: "cannot write standard output: No space ...".
  CheckedOutput(int fd, std::string name);
  ~CheckedOutput() override;

  // Flushes; the first failed write as "cannot write NAME: reason".
  absl::Status Finish();
  // Finish(), then close(2) the descriptor (checked: NFS and full disks may
  // report a failure only here).
  absl::Status Close();

 private:
  FdStreamBuf buf_;
  int fd_;
  std::string name_;
  bool closed_ = false;
};

// One file written through a temporary file beside it.
class AtomicFile {
 public:
  // Creates the temporary file ".<name>.tmp-XXXXXX" in the folder of `path`.
  static absl::StatusOr<std::unique_ptr<AtomicFile>> Create(std::string path);
  // Removes the temporary file unless it was published.
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return stream_; }
  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_; }

  // Flushes, fsyncs and closes the temporary file, checking each step.
  absl::Status Finish();
  // Renames the finished temporary file onto `path`.
  absl::Status Publish();
  absl::Status Commit();

 private:
  AtomicFile(std::string path, std::string temp, int fd);

  std::string path_;
  std::string temp_;
  int fd_;
  FdStreamBuf buf_;
  std::ostream stream_;
  bool finished_ = false;
  absl::Status finish_status_;
  bool published_ = false;
};

// Writes `path` through `write`; the file appears only when `write` returned OK
// and every write succeeded. A failed write is reported even when `write`
// returned OK (it need not check the stream).
// `write` returns absl::Status or void.
absl::Status WriteFileAtomicallyWith(const std::string& path,
                                     const std::function<absl::Status(std::ostream&)>& write);
template <class F>
  requires std::invocable<F&, std::ostream&>
absl::Status WriteFileAtomically(const std::string& path, F&& write) {
  if constexpr (std::is_void_v<std::invoke_result_t<F&, std::ostream&>>) {
    return WriteFileAtomicallyWith(path, [&](std::ostream& os) -> absl::Status {
      write(os);
      return absl::OkStatus();
    });
  } else {
    return WriteFileAtomicallyWith(path, write);
  }
}
absl::Status WriteFileAtomically(const std::string& path, std::string_view contents);

// All or nothing for a set of files (a factsheet, a generated data set): each
// is written as a temporary file, and only when all are complete are they
// renamed into place, in the order given (put the file that refers to the
// others last).
absl::Status WriteFilesAtomically(
    const std::vector<std::pair<std::string, std::string_view>>& files);

}  // namespace zvdj::internal

#endif  // ZVDJ_INTERNAL_ATOMIC_FILE_H_
