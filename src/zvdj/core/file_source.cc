#include "zvdj/core/file_source.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>

#include "absl/strings/str_format.h"
#include "zvdj/core/huge_pages.h"
#include "zvdj/core/status_macros.h"

namespace zvdj::internal {
namespace {

// Bytes read by one pread: large enough that the system call costs nothing,
// small enough that the reading threads do not wait on one another.
constexpr size_t kChunk = size_t{1} << 20;
constexpr size_t kHugePage = size_t{2} << 20;
// Released pages are moved at least this far past the text being read, so
// that no reader is near the chunks they are moved to.
constexpr size_t kRecycleGap = size_t{16} << 20;

absl::Status OpenError(const std::string& path, int err) {
  const std::string msg = absl::StrFormat("%s: cannot open: %s", path, std::strerror(err));
  return err == ENOENT ? absl::NotFoundError(msg) : absl::PermissionDeniedError(msg);
}

absl::Status TooLarge(const std::string& path, uint64_t max_bytes) {
  return absl::ResourceExhaustedError(
      absl::StrFormat("%s: file larger than the limit of %d bytes", path, max_bytes));
}

absl::Status OutOfMemory(const std::string& path, uint64_t bytes) {
  return absl::ResourceExhaustedError(
      absl::StrFormat("%s: out of memory: reading it needs %d bytes", path, bytes));
}

// Closes a descriptor on every path out of Open, unless released.
struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd > 0) ::close(fd);
  }
};

// Opens `path` ("-" is standard input) and stats it into `st`; a directory is an
// error. A descriptor it opens is handed to `closer`.
absl::StatusOr<int> OpenInput(const std::string& path, FdCloser& closer, struct stat* st) {
  const bool is_stdin = path == "-";
  const int fd = is_stdin ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return OpenError(path, errno);
  closer.fd = is_stdin ? -1 : fd;
  if (::fstat(fd, st) != 0) return OpenError(path, errno);
  if (S_ISDIR(st->st_mode)) {
    return absl::InvalidArgumentError(absl::StrFormat("%s: is a directory, not a file", path));
  }
  return fd;
}

}  // namespace

absl::StatusOr<std::string> ReadAll(int fd, const std::string& path, uint64_t max_bytes,
                                    size_t size_hint) {
  std::string out;
  size_t used = 0;
  try {
    // One byte past the expected size, so that the end is seen without a copy.
    out.resize(std::min<uint64_t>(std::max<size_t>(size_hint + 1, size_t{64} << 10),
                                  max_bytes + 1));
    while (true) {
      if (used == out.size()) {
        if (out.size() > max_bytes) return TooLarge(path, max_bytes);
        out.resize(std::min<uint64_t>(out.size() * 2, max_bytes + 1));
      }
      const ssize_t n = ::read(fd, out.data() + used, out.size() - used);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        return absl::DataLossError(
            absl::StrFormat("%s: read error: %s", path, std::strerror(errno)));
      }
      if (n == 0) break;
      used += static_cast<size_t>(n);
      if (used > max_bytes) return TooLarge(path, max_bytes);
    }
    out.resize(used);
    out.shrink_to_fit();
  } catch (const std::bad_alloc&) {
    return OutOfMemory(path, std::max<uint64_t>(used, out.size()) * 2);
  }
  return out;
}

absl::StatusOr<std::string> GunzipText(std::string_view data, const std::string& path,
                                       uint64_t max_bytes) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) return OutOfMemory(path, sizeof(z_stream));
  struct End {
    z_stream* z;
    ~End() { inflateEnd(z); }
  } end{&z};
  std::string out;
  size_t used = 0;
  size_t in_at = 0;
  try {
    out.resize(std::min<uint64_t>(std::max<size_t>(data.size() * 4, 1 << 16), max_bytes + 1));
    while (true) {
      if (z.avail_in == 0 && in_at < data.size()) {
        // avail_in is 32 bits wide: feed the input in pieces.
        const size_t piece = std::min<size_t>(data.size() - in_at, size_t{1} << 30);
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + in_at));
        z.avail_in = static_cast<uInt>(piece);
        in_at += piece;
      }
      if (used == out.size()) {
        if (out.size() > max_bytes) return TooLarge(path, max_bytes);
        out.resize(std::min<uint64_t>(out.size() * 2, max_bytes + 1));
      }
      const size_t room = std::min<size_t>(out.size() - used, size_t{1} << 30);
      z.next_out = reinterpret_cast<Bytef*>(out.data() + used);
      z.avail_out = static_cast<uInt>(room);
      const int rc = inflate(&z, Z_NO_FLUSH);
      used += room - z.avail_out;
      if (used > max_bytes) return TooLarge(path, max_bytes);
      if (rc == Z_STREAM_END) {
        // Another gzip member may follow (concatenated .gz files).
        if (z.avail_in == 0 && in_at == data.size()) break;
        if (inflateReset(&z) != Z_OK) break;
        continue;
      }
      if (rc == Z_BUF_ERROR && z.avail_in == 0 && in_at == data.size()) {
        return absl::DataLossError(absl::StrFormat("%s: the compressed data ends early", path));
      }
      if (rc == Z_MEM_ERROR) return OutOfMemory(path, out.size());
      if (rc != Z_OK && rc != Z_BUF_ERROR) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "%s: not valid gzip data: %s", path, z.msg != nullptr ? z.msg : "inflate failed"));
      }
    }
    out.resize(used);
    out.shrink_to_fit();
  } catch (const std::bad_alloc&) {
    return OutOfMemory(path, out.size() * 2);
  }
  return out;
}

absl::StatusOr<std::unique_ptr<FileSource>> FileSource::Open(const std::string& path,
                                                             const InputLimits& limits) {
  auto src = std::unique_ptr<FileSource>(new FileSource);
  src->path_ = path;
  const std::string name = path == "-" ? "<stdin>" : path;
  FdCloser closer{-1};
  struct stat st {};
  ZVDJ_ASSIGN_OR_RETURN(const int fd, OpenInput(path, closer, &st));
  if (S_ISREG(st.st_mode)) {
    if (static_cast<uint64_t>(st.st_size) > limits.max_file_bytes) {
      return TooLarge(path, limits.max_file_bytes);
    }
    src->size_ = static_cast<size_t>(st.st_size);
    char magic[2] = {0, 0};
    const bool gz = src->size_ >= 2 && ::pread(fd, magic, 2, 0) == 2 &&
                    LooksGzipped(std::string_view(magic, 2));
    if (!gz && src->size_ > 0) {
      // 2 MiB more than the file, so that the text starts on a huge-page
      // boundary and Release can move whole huge pages.
      const size_t bytes = src->size_ + kHugePage;
      void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
      if (p == MAP_FAILED) return OutOfMemory(path, src->size_);
      src->mapping_ = static_cast<char*>(p);
      src->mapping_bytes_ = bytes;
      const auto at = reinterpret_cast<uintptr_t>(p);
      src->region_ = reinterpret_cast<char*>((at + kHugePage - 1) & ~(uintptr_t{kHugePage} - 1));
      src->data_ = src->region_;
      AdviseHugePages(src->region_, src->size_);
      const size_t chunks = (src->size_ + kChunk - 1) / kChunk;
      src->state_.reset(new (std::nothrow) std::atomic<uint8_t>[chunks]);
      if (src->state_ == nullptr) return OutOfMemory(path, chunks);
      for (size_t c = 0; c < chunks; ++c) src->state_[c].store(0, std::memory_order_relaxed);
      src->fd_ = fd;
      closer.fd = -1;
      return src;
    }
  }
  // Read whole: a pipe, standard input, a device, or gzip data.
  ZVDJ_ASSIGN_OR_RETURN(src->owned_, ReadAll(fd, name, limits.max_file_bytes, src->size_));
  if (LooksGzipped(src->owned_)) {
    ZVDJ_ASSIGN_OR_RETURN(src->owned_, GunzipText(src->owned_, name, limits.max_file_bytes));
  }
  src->data_ = src->owned_.data();
  src->size_ = src->owned_.size();
  return src;
}

absl::StatusOr<std::string> ReadWholeFile(const std::string& path, uint64_t max_bytes) {
  const std::string name = path == "-" ? "<stdin>" : path;
  FdCloser closer{-1};
  struct stat st {};
  ZVDJ_ASSIGN_OR_RETURN(const int fd, OpenInput(path, closer, &st));
  size_t hint = 0;
  if (S_ISREG(st.st_mode)) {
    if (static_cast<uint64_t>(st.st_size) > max_bytes) return TooLarge(path, max_bytes);
    hint = static_cast<size_t>(st.st_size);
  }
  absl::StatusOr<std::string> text = ReadAll(fd, name, max_bytes, hint);
  if (text.ok() && LooksGzipped(*text)) return GunzipText(*text, name, max_bytes);
  return text;
}

std::unique_ptr<FileSource> FileSource::FromText(std::string_view text) {
  auto src = std::unique_ptr<FileSource>(new FileSource);
  src->data_ = text.data();
  src->size_ = text.size();
  return src;
}

FileSource::~FileSource() {
  if (mapping_ != nullptr) ::munmap(mapping_, mapping_bytes_);
  if (fd_ > 0) ::close(fd_);
}

absl::Status FileSource::FillChunk(size_t chunk) const {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    if (state_[chunk].load(std::memory_order_acquire) == 2) return absl::OkStatus();
    if (!error_.ok()) return error_;
    if (state_[chunk].load(std::memory_order_relaxed) == 0) break;
    cv_.wait(lock);  // another thread reads this chunk, or pages are moved into it
  }
  state_[chunk].store(1, std::memory_order_relaxed);
  lock.unlock();
  const size_t begin = chunk * kChunk, end = std::min(size_, begin + kChunk);
  absl::Status status;
  for (size_t at = begin; at < end;) {
    const ssize_t n = ::pread(fd_, region_ + at, end - at, static_cast<off_t>(at));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      status = absl::DataLossError(
          absl::StrFormat("%s: read error: %s", path_, std::strerror(errno)));
      break;
    }
    if (n == 0) {
      status = absl::DataLossError(absl::StrFormat(
          "%s: changed while being read (it had %d bytes, now it ends at byte %d)", path_,
          size_, at));
      break;
    }
    at += static_cast<size_t>(n);
  }
  lock.lock();
  if (status.ok()) {
    state_[chunk].store(2, std::memory_order_release);
  } else {
    state_[chunk].store(0, std::memory_order_relaxed);
    if (error_.ok()) error_ = status;
  }
  cv_.notify_all();
  return status;
}

absl::Status FileSource::Fill(size_t from, size_t to) const {
  if (fd_ < 0) return absl::OkStatus();
  to = std::min(to, size_);
  if (from >= to) return absl::OkStatus();
  for (size_t c = from / kChunk; c <= (to - 1) / kChunk; ++c) {
    if (state_[c].load(std::memory_order_acquire) == 2) continue;
    ZVDJ_RETURN_IF_ERROR(FillChunk(c));
  }
  return absl::OkStatus();
}

absl::StatusOr<size_t> FileSource::FillLine(size_t from) const {
  for (size_t at = from; at < size_;) {
    const size_t end = std::min(size_, (at / kChunk + 1) * kChunk);
    ZVDJ_RETURN_IF_ERROR(Fill(at, end));
    const void* nl = std::memchr(data_ + at, '\n', end - at);
    if (nl != nullptr) return static_cast<size_t>(static_cast<const char*>(nl) - data_) + 1;
    at = end;
  }
  return size_;
}

void FileSource::Release(size_t from, size_t to) const {
  if (region_ == nullptr) return;
  static const auto page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  from = (from + page - 1) / page * page;
  to = std::min(to, size_) / page * page;
  if (to <= from) return;
  if (!Recycle(from, to)) ::madvise(region_ + from, to - from, MADV_DONTNEED);
}

// Fresh anonymous pages are zeroed by the system before the file is copied
// into them, which is about a third of the system time of loading a large
// file (0.35-0.48 s against 0.26-0.37 s at 758 MB). Pages read
// already are therefore moved (mremap, no copy) to chunks of the file that
// are not read yet, far enough ahead that nobody is filling them: they are
// overwritten whole by Fill. Those chunks are marked (state 3) while the pages
// move, so a Fill that reaches them waits. False when nothing was moved (a
// small file, the end of the file, or a system without MREMAP_DONTUNMAP).
bool FileSource::Recycle(size_t from, size_t to) const {
#ifdef MREMAP_DONTUNMAP
  if (!recycle_) return false;
  // Whole huge pages from `from` on, to whole chunks far enough ahead.
  const size_t begin = (from + kHugePage - 1) / kHugePage * kHugePage;
  const size_t len = to > begin ? (to - begin) / kHugePage * kHugePage : 0;
  if (len == 0) return false;
  size_t target = std::max(recycle_at_, (to + kRecycleGap) / kHugePage * kHugePage);
  if (target + len > size_ / kChunk * kChunk) return false;
  const size_t first = target / kChunk, last = (target + len) / kChunk;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (size_t c = first; c < last; ++c) {
      if (state_[c].load(std::memory_order_relaxed) != 0) return false;
    }
    for (size_t c = first; c < last; ++c) state_[c].store(3, std::memory_order_relaxed);
  }
  void* moved = ::mremap(region_ + begin, len, len,
                         MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP, region_ + target);
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (size_t c = first; c < last; ++c) state_[c].store(0, std::memory_order_relaxed);
    cv_.notify_all();
  }
  if (moved == MAP_FAILED) {
    recycle_ = false;  // not supported here: give pages back instead
    return false;
  }
  recycle_at_ = target + len;
  // The pages before `begin` (less than a huge page) go back as before.
  if (begin > from) ::madvise(region_ + from, begin - from, MADV_DONTNEED);
  if (to > begin + len) ::madvise(region_ + begin + len, to - begin - len, MADV_DONTNEED);
  return true;
#else
  (void)from;
  (void)to;
  return false;
#endif
}

}  // namespace zvdj::internal
