// Where the loaders' text comes from: a regular file, a pipe or standard
// input, a gzip-compressed file, or text already in memory.
//
// A regular file is not memory-mapped: a file truncated while mapped turns
// every read of the lost pages into SIGBUS, which would take the host program
// down. Its text lives instead in an anonymous region of the file's size,
// filled with pread in chunks just before a reader needs them (Fill); pages
// read are moved ahead to chunks not yet read, or given back (Release), so
// that the system need not zero fresh ones. A file that shrinks is a short
// read, reported as DataLoss "PATH: changed while being read". Pipes, standard input and gzip
// input are read whole (their size is known only at the end), within the
// limits. Every path honours InputLimits::max_file_bytes, for compressed input
// on the decompressed size.
#ifndef ZVDJ_INTERNAL_FILE_SOURCE_H_
#define ZVDJ_INTERNAL_FILE_SOURCE_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "zvdj/limits.hpp"

namespace zvdj::internal {

class FileSource {
 public:
  // Opens `path`; "-" is standard input. NotFound / PermissionDenied name the
  // path; a directory is InvalidArgument "PATH: is a directory"; a file over
  // the limit or memory that cannot be had is ResourceExhausted.
  static absl::StatusOr<std::unique_ptr<FileSource>> Open(const std::string& path,
                                                          const InputLimits& limits);
  // Text already in memory (it must outlive the source): every byte is there.
  static std::unique_ptr<FileSource> FromText(std::string_view text);

  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;
  ~FileSource();

  // The whole text. Only bytes made ready by Fill may be read.
  std::string_view text() const { return {data_, size_}; }
  // Makes [from, to) readable (thread-safe). DataLoss when the file changed.
  absl::Status Fill(size_t from, size_t to) const;
  // Fills from `from` on up to and including the next '\n' (or to the end)
  // and returns the offset after it.
  absl::StatusOr<size_t> FillLine(size_t from) const;
  // Gives back the memory of the pages wholly inside [from, to), or moves
  // them to chunks not read yet; they must not be read again.
  void Release(size_t from, size_t to) const;
  // Whether Fill does anything (false for text read whole or in memory).
  bool streamed() const { return fd_ >= 0; }

 private:
  FileSource() = default;
  absl::Status FillChunk(size_t chunk) const;
  bool Recycle(size_t from, size_t to) const;

  std::string path_;
  const char* data_ = nullptr;
  size_t size_ = 0;
  std::string owned_;     // text read whole
  char* region_ = nullptr;   // the text of a streamed file, in mapping_
  char* mapping_ = nullptr;  // anonymous mapping of a streamed file
  size_t mapping_bytes_ = 0;
  // Release moves pages read to chunks from here on (see Recycle); only the
  // thread that releases touches these.
  mutable size_t recycle_at_ = 0;
  mutable bool recycle_ = true;
  int fd_ = -1;
  // Per chunk of a streamed file: 0 empty, 1 being read, 2 ready, 3 pages
  // being moved into it.
  mutable std::unique_ptr<std::atomic<uint8_t>[]> state_;
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  mutable absl::Status error_;  // the first read error, under mu_
};

// Decompresses gzip data (one or more members), at most `max_bytes` of output.
absl::StatusOr<std::string> GunzipText(std::string_view data, const std::string& path,
                                       uint64_t max_bytes);

// Whether `data` starts like gzip data.
inline bool LooksGzipped(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

// The whole of file descriptor `fd` (a pipe, say), at most `max_bytes`;
// `size_hint` is the size expected (0 when not known).
absl::StatusOr<std::string> ReadAll(int fd, const std::string& path, uint64_t max_bytes,
                                    size_t size_hint = 0);

// The whole text of `path` ("-": standard input), gzip data decompressed, at
// most `max_bytes` (after decompression). NotFound / PermissionDenied when it
// cannot be opened, InvalidArgument for a directory, ResourceExhausted over
// the limit or out of memory.
absl::StatusOr<std::string> ReadWholeFile(const std::string& path, uint64_t max_bytes);

}  // namespace zvdj::internal

#endif  // ZVDJ_INTERNAL_FILE_SOURCE_H_
