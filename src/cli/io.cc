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
