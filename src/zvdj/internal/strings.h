// String helpers. Debian's Abseil is built with its own absl::string_view (not
// an alias of std::string_view), so the library converts at the seams.
#ifndef ZVDJ_INTERNAL_STRINGS_H_
#define ZVDJ_INTERNAL_STRINGS_H_

#include <string_view>

#include "absl/strings/string_view.h"

namespace zvdj::internal {

inline std::string_view ToStd(absl::string_view s) { return {s.data(), s.size()}; }
inline absl::string_view ToAbsl(std::string_view s) { return {s.data(), s.size()}; }

// Strips ASCII spaces, tabs, CR and LF from both ends.
inline std::string_view Trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace zvdj::internal

#endif  // ZVDJ_INTERNAL_STRINGS_H_
