// Fuzzes ParseNumber in plain and Dutch formats. Invariants: a parsed number is
// finite, and its shortest plain text (FormatPlain) and its Dutch text with the
// same digits read back to the same double.
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.h"
#include "zvdj/number_format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using zvdj::NumberFormat;
  const std::string_view text = zvdj::fuzz::AsText(data, size);
  for (NumberFormat f : {NumberFormat::kPlain, NumberFormat::kDutch}) {
    auto v = zvdj::ParseNumber(text, f);
    if (!v.ok()) continue;
    ZVDJ_FUZZ_CHECK(std::isfinite(*v), text);
    const std::string plain = zvdj::FormatPlain(*v);
    auto back = zvdj::ParseNumber(plain, NumberFormat::kPlain);
    ZVDJ_FUZZ_CHECK(back.ok() && *back == *v, plain);
    // A plain number never has a ',' and a Dutch one never an 'e' or a second sign.
    if (f == NumberFormat::kPlain) {
      ZVDJ_FUZZ_CHECK(text.find(',') == std::string_view::npos, text);
    } else {
      ZVDJ_FUZZ_CHECK(text.find_first_of("eE") == std::string_view::npos, text);
    }
    size_t signs = 0;
    for (char c : text) signs += c == '-' || c == '+';
    ZVDJ_FUZZ_CHECK(signs <= 1 || text.find_first_of("eE") != std::string_view::npos, text);
  }
  double fast = 0;
  if (zvdj::ParsePlainNumber(text, &fast)) {
    auto slow = zvdj::ParseNumber(text, NumberFormat::kPlain);
    ZVDJ_FUZZ_CHECK(slow.ok() && *slow == fast, text);
  }
  // Formatting must not crash on any finite value read from the bytes.
  if (size >= sizeof(double)) {
    double raw;
    __builtin_memcpy(&raw, data, sizeof raw);
    if (std::isfinite(raw)) {
      (void)zvdj::FormatDutch(raw, static_cast<int>(data[size - 1] % 8));
      (void)zvdj::FormatDutchSigned(raw, 1);
      auto p = zvdj::ParseNumber(zvdj::FormatPlain(raw), NumberFormat::kPlain);
      ZVDJ_FUZZ_CHECK(p.ok() && *p == raw, zvdj::FormatPlain(raw));
    }
  }
  return 0;
}
