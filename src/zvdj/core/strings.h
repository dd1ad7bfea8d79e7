// String helpers. Debian's Abseil is built with its own absl::string_view (not
// an alias of std::string_view), so the library converts at the seams.
#ifndef ZVDJ_INTERNAL_STRINGS_H_
#define ZVDJ_INTERNAL_STRINGS_H_

#include <cstdint>
#include <cstring>
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

// a == b for the short strings of the record files (ids, codes), without a
// call to memcmp: 8 bytes at a time, the last word overlapping the one before.
inline bool ShortEqual(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  const auto load8 = [](const char* x) {
    uint64_t w;
    std::memcpy(&w, x, 8);
    return w;
  };
  const auto load4 = [](const char* x) {
    uint32_t w;
    std::memcpy(&w, x, 4);
    return w;
  };
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) {
      if (load8(p + i) != load8(q + i)) return false;
    }
    return load8(p + n - 8) == load8(q + n - 8);
  }
  if (n >= 4) return load4(p) == load4(q) && load4(p + n - 4) == load4(q + n - 4);
  for (size_t i = 0; i < n; ++i) {
    if (p[i] != q[i]) return false;
  }
  return true;
}

}  // namespace zvdj::internal

#endif  // ZVDJ_INTERNAL_STRINGS_H_
