// Output and input plumbing of the zvdj command: files that appear only when
// complete, and the input paths of the record loaders.
#ifndef ZVDJ_CLI_IO_H_
#define ZVDJ_CLI_IO_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "zvdj/internal/atomic_file.h"

namespace zvdj::cli {

// Files the command writes (--closure, --rejects) go through a temporary file
// beside them and are renamed into place when complete.
using internal::AtomicFile;

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
