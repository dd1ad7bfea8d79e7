#include "cli/io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/command.h"
#include "zvdj/limits.hpp"

namespace zvdj::cli {

bool FdOutBuf::WriteAll(const char* p, size_t n) {
  while (n > 0 && error_ == 0) {
    const ssize_t w = ::write(fd_, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      break;
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
  return error_ == 0;
}

bool FdOutBuf::Drain() {
  const bool ok = WriteAll(pbase(), static_cast<size_t>(pptr() - pbase()));
  setp(buf_, buf_ + sizeof buf_);
  return ok;
}

FdOutBuf::int_type FdOutBuf::overflow(int_type c) {
  if (!Drain()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

int FdOutBuf::sync() { return Drain() ? 0 : -1; }

std::streamsize FdOutBuf::xsputn(const char* s, std::streamsize n) {
  if (n >= epptr() - pptr()) {
    if (!Drain()) return 0;
    if (n >= static_cast<std::streamsize>(sizeof buf_)) {
      return WriteAll(s, static_cast<size_t>(n)) ? n : 0;
    }
  }
  std::memcpy(pptr(), s, static_cast<size_t>(n));
  pbump(static_cast<int>(n));
  return n;
}

absl::Status FinishOutput(std::ostream& out, FdOutBuf& buf, int fd, const std::string& name) {
  out.flush();
  int error = buf.error();
  if (error == 0 && !out) error = EIO;
  if (::close(fd) != 0 && error == 0 && errno != EINTR) error = errno;
  if (error != 0) {
    return absl::UnavailableError(absl::StrCat("cannot write ", name, ": ", std::strerror(error)));
  }
  return absl::OkStatus();
}

AtomicFile::AtomicFile(std::string path, std::string temp, int fd)
    : path_(std::move(path)), temp_(std::move(temp)), fd_(fd), buf_(fd), out_(&buf_) {}

absl::StatusOr<std::unique_ptr<AtomicFile>> AtomicFile::Create(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return absl::FailedPreconditionError(absl::StrCat("cannot write ", path, ": is a directory"));
  }
  const std::filesystem::path p(path);
  std::string temp =
      (p.parent_path() / absl::StrCat(".", p.filename().string(), ".XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    return absl::UnavailableError(absl::StrCat("cannot write ", path, ": ", std::strerror(errno)));
  }
  // mkstemp makes the file 0600; a finished output gets the usual mode.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  return std::unique_ptr<AtomicFile>(new AtomicFile(path, temp, fd));
}

AtomicFile::~AtomicFile() {
  if (!done_) {
    ::close(fd_);
    ::unlink(temp_.c_str());
  }
}

absl::Status AtomicFile::Commit() {
  done_ = true;
  out_.flush();
  int error = buf_.error();
  if (error == 0 && !out_) error = EIO;
  if (error == 0 && ::fsync(fd_) != 0 && errno != EINVAL) error = errno;
  if (::close(fd_) != 0 && error == 0 && errno != EINTR) error = errno;
  if (error == 0 && ::rename(temp_.c_str(), path_.c_str()) != 0) error = errno;
  if (error != 0) {
    ::unlink(temp_.c_str());
    return absl::UnavailableError(absl::StrCat("cannot write ", path_, ": ", std::strerror(error)));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> StdinFile::Resolve(const std::string& path) {
  if (path != "-") {
    if (absl::Status s = CheckInputPath(path); !s.ok()) return s;
    return path;
  }
  // The library's file source reads "-" as standard input, within the limits.
  if (used_) return absl::InvalidArgumentError("standard input ('-') can be read only once");
  used_ = true;
  return path;
}

}  // namespace zvdj::cli
