#include "zvdj/internal/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include "absl/strings/str_cat.h"

namespace zvdj::internal {
namespace {

using WriteFn = ssize_t (*)(int, const void*, size_t);
using FsyncFn = int (*)(int);

std::atomic<WriteFn> g_write{&::write};
std::atomic<FsyncFn> g_fsync{&::fsync};

constexpr size_t kBufferBytes = size_t{64} << 10;

// ".<name>.tmp-<pid>-<n>" beside `path`; the counter and a random part keep
// concurrent writers of the same file apart.
std::string TempName(const std::string& path, unsigned attempt) {
  static std::atomic<uint64_t> counter{0};
  thread_local std::mt19937_64 rng{std::random_device{}()};
  const std::filesystem::path p(path);
  const std::string name = absl::StrCat(".", p.filename().string(), ".tmp-", ::getpid(), "-",
                                        counter.fetch_add(1), "-", rng() % 1000000, attempt);
  return (p.parent_path() / name).string();
}

// Best effort: makes a rename durable. A failure here loses nothing already
// written, so it is not reported.
void SyncFolder(const std::string& path) {
  const std::string parent = std::filesystem::path(path).parent_path().string();
  const int fd =
      ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)g_fsync.load()(fd);
  ::close(fd);
}

}  // namespace

FileOps DefaultFileOps() { return FileOps{&::write, &::fsync}; }

FileOps SetFileOpsForTesting(FileOps ops) {
  FileOps old{g_write.load(), g_fsync.load()};
  g_write.store(ops.write != nullptr ? ops.write : &::write);
  g_fsync.store(ops.fsync != nullptr ? ops.fsync : &::fsync);
  return old;
}

absl::Status WriteError(std::string_view name, int err) {
  const std::string msg = absl::StrCat("cannot write ", std::string(name), ": ",
                                       err != 0 ? std::strerror(err) : "write failed");
  if (err == ENOENT || err == ENOTDIR) return absl::NotFoundError(msg);
  if (err == EACCES || err == EPERM || err == EROFS) return absl::PermissionDeniedError(msg);
  return absl::DataLossError(msg);
}

// ---- FdStreamBuf ----

FdStreamBuf::FdStreamBuf(int fd) : fd_(fd), buf_(kBufferBytes) {
  setp(buf_.data(), buf_.data() + buf_.size());
}

bool FdStreamBuf::WriteAll(const char* data, size_t size) {
  if (error_ != 0) return false;
  const WriteFn write = g_write.load();
  while (size > 0) {
    const ssize_t n = write(fd_, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error_ = n < 0 ? errno : EIO;
      if (error_ == 0) error_ = EIO;
      return false;
    }
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

bool FdStreamBuf::Drain() {
  const size_t n = static_cast<size_t>(pptr() - pbase());
  setp(buf_.data(), buf_.data() + buf_.size());
  if (n > 0) WriteAll(buf_.data(), n);
  return error_ == 0;
}

FdStreamBuf::int_type FdStreamBuf::overflow(int_type c) {
  if (!Drain()) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

std::streamsize FdStreamBuf::xsputn(const char* s, std::streamsize n) {
  const size_t size = static_cast<size_t>(n);
  if (size <= static_cast<size_t>(epptr() - pptr())) {
    std::memcpy(pptr(), s, size);
    pbump(static_cast<int>(size));
    return n;
  }
  // Large blocks (the CSV writers hand over 256 KiB) go straight through.
  if (!Drain() || !WriteAll(s, size)) return 0;
  return n;
}

int FdStreamBuf::sync() { return Drain() ? 0 : -1; }

// ---- CheckedOutput ----

CheckedOutput::CheckedOutput(int fd, std::string name)
    : std::ostream(nullptr), buf_(fd), fd_(fd), name_(std::move(name)) {
  rdbuf(&buf_);
}

CheckedOutput::~CheckedOutput() {
  if (!closed_) buf_.Drain();
}

absl::Status CheckedOutput::Finish() {
  if (!buf_.Drain()) {
    setstate(std::ios::badbit);
    return WriteError(name_, buf_.error());
  }
  if (fail()) return WriteError(name_, EIO);
  return absl::OkStatus();
}

absl::Status CheckedOutput::Close() {
  if (closed_) return absl::OkStatus();
  absl::Status s = Finish();
  closed_ = true;
  if (::close(fd_) != 0 && s.ok()) s = WriteError(name_, errno);
  return s;
}

// ---- AtomicFile ----

AtomicFile::AtomicFile(std::string path, std::string temp, int fd)
    : path_(std::move(path)), temp_(std::move(temp)), fd_(fd), buf_(fd), stream_(&buf_) {}

absl::StatusOr<std::unique_ptr<AtomicFile>> AtomicFile::Create(std::string path) {
  if (path.empty()) return absl::InvalidArgumentError("cannot write a file with an empty name");
  for (unsigned attempt = 0;; ++attempt) {
    std::string temp = TempName(path, attempt);
    // 0666 and the umask, as for any file the program creates.
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      return std::unique_ptr<AtomicFile>(new AtomicFile(std::move(path), std::move(temp), fd));
    }
    if (errno != EEXIST || attempt >= 16) return WriteError(path, errno);
  }
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!published_) ::unlink(temp_.c_str());
}

absl::Status AtomicFile::Finish() {
  if (finished_) return finish_status_;
  finished_ = true;
  int err = 0;
  if (!buf_.Drain()) err = buf_.error();
  if (err == 0 && stream_.fail()) err = EIO;
  if (err == 0 && g_fsync.load()(fd_) != 0) err = errno;
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err != 0) finish_status_ = WriteError(path_, err);
  return finish_status_;
}

absl::Status AtomicFile::Publish() {
  if (published_) return absl::OkStatus();
  if (absl::Status s = Finish(); !s.ok()) return s;
  if (::rename(temp_.c_str(), path_.c_str()) != 0) return WriteError(path_, errno);
  published_ = true;
  SyncFolder(path_);
  return absl::OkStatus();
}

absl::Status AtomicFile::Commit() {
  if (absl::Status s = Finish(); !s.ok()) return s;
  return Publish();
}

// ---- helpers ----

absl::Status WriteFileAtomicallyWith(const std::string& path,
                                     const std::function<absl::Status(std::ostream&)>& write) {
  absl::StatusOr<std::unique_ptr<AtomicFile>> file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  absl::Status s = write((*file)->stream());
  // A write error is the better message when the writer failed because of it.
  absl::Status finished = (*file)->Finish();
  if (!finished.ok()) return finished;
  if (!s.ok()) return s;
  return (*file)->Publish();
}

absl::Status WriteFileAtomically(const std::string& path, std::string_view contents) {
  return WriteFileAtomicallyWith(path, [&](std::ostream& os) -> absl::Status {
    os.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    return absl::OkStatus();
  });
}

absl::Status WriteFilesAtomically(
    const std::vector<std::pair<std::string, std::string_view>>& files) {
  std::vector<std::unique_ptr<AtomicFile>> temps;
  temps.reserve(files.size());
  for (const auto& [path, contents] : files) {
    absl::StatusOr<std::unique_ptr<AtomicFile>> f = AtomicFile::Create(path);
    if (!f.ok()) return f.status();
    (*f)->stream().write(contents.data(), static_cast<std::streamsize>(contents.size()));
    if (absl::Status s = (*f)->Finish(); !s.ok()) return s;
    temps.push_back(*std::move(f));
  }
  for (auto& f : temps) {
    if (absl::Status s = f->Publish(); !s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace zvdj::internal
