// String helpers. Debian's Abseil is built with its own absl::string_view (not
// an alias of std::string_view), so the library converts at the seams.
#ifndef ZVDJ_INTERNAL_STRINGS_H_
#define ZVDJ_INTERNAL_STRINGS_H_

#include <cstdint>
#include <cstring>
#include <string>
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

// The length in bytes of the UTF-8 sequence starting at s[i] when it is
// well-formed (no overlong forms, surrogates or code points past U+10FFFF);
// 0 when it is not.
inline size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  }
  return n;
}

// The longest prefix of `s` of at most `max_bytes` bytes that does not end
// inside a UTF-8 character: shortened text stays valid UTF-8.
inline std::string_view Utf8Prefix(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  // Step back over continuation bytes to the lead byte, then drop that
  // character when it does not fit whole.
  size_t lead = end;
  while (lead > 0 && (static_cast<unsigned char>(s[lead]) & 0xC0) == 0x80 && end - lead < 3) {
    --lead;
  }
  if (lead < end && (static_cast<unsigned char>(s[lead]) & 0xC0) == 0xC0) end = lead;
  return s.substr(0, end);
}

// `s` made safe to quote in a message or print on a terminal: control
// characters (C0, DEL and the C1 range U+0080..U+009F) and bytes that are not
// UTF-8 become visible escapes (\n, \t, \x1b ...), so that data such as
// "\x1b[2J" cannot clear or recolour the terminal. Well-formed UTF-8 text is
// kept as it is.
inline std::string EscapeControl(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  const auto hex = [&](unsigned char c) {
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 15];
  };
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    if (c == '\n' || c == '\r' || c == '\t') {
      out += c == '\n' ? "\\n" : (c == '\r' ? "\\r" : "\\t");
      ++i;
      continue;
    }
    const size_t n = c < 0x80 ? 0 : Utf8SequenceLength(s, i);
    if (n == 0 || (n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0)) {
      hex(c);  // C0, DEL, C1 (U+0080..U+009F) or a byte that is not UTF-8
      if (n == 2) hex(static_cast<unsigned char>(s[i + 1]));
      i += n == 0 ? 1 : n;
      continue;
    }
    out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace zvdj::internal

#endif  // ZVDJ_INTERNAL_STRINGS_H_
