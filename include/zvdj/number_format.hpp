// libzvdj number reading and publication formatting: plain and Dutch numbers,
// CBS rounding of counts to multiples of 5.
//
//   #include "zvdj/number_format.hpp"
//   zvdj::ParseNumber("4.790", zvdj::NumberFormat::kDutch);   // 4790
//   zvdj::ParseNumber("10,1", zvdj::NumberFormat::kDutch);    // 10.1
//   zvdj::FormatDutch(4790, 0);                               // "4.790"
//   zvdj::FormatDutchPercent(10.1, 1);                        // "10,1%"
//   zvdj::FormatDutchSigned(-0.3, 1);                         // "−0,3" (U+2212)
//   zvdj::RoundToMultipleOf5(42127);                          // 42125
#ifndef ZVDJ_NUMBER_FORMAT_HPP_
#define ZVDJ_NUMBER_FORMAT_HPP_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace zvdj {
inline namespace v1 {

enum class NumberFormat : uint8_t {
  kPlain,  // 4790, 10.1, -0.3, 1e3 (no thousands separators)
  kDutch,  // 4.790, 10,1, -0,3 (dot groups thousands, comma is the decimal mark)
};

// Parses the whole of `text` (surrounding spaces allowed) as a finite number.
// InvalidArgument with the reason for anything else, including misplaced
// thousands dots ("47.90" in Dutch) and a comma in a plain number.
absl::StatusOr<double> ParseNumber(std::string_view text, NumberFormat format);

// Fast path for plain numbers in hot loops; false when `text` is not a plain
// finite number.
bool ParsePlainNumber(std::string_view text, double* out) noexcept;

// CBS publication rounding of a count to the nearest multiple of 5
// (deterministic; 42127 -> 42125, 42128 -> 42130, -7 -> -5).
int64_t RoundToMultipleOf5(int64_t count) noexcept;

// Dutch formatting with `decimals` digits: 4790 -> "4.790", 10.14 -> "10,1",
// -1234.5 -> "−1.234,5" (U+2212 MINUS SIGN, as in print).
std::string FormatDutch(double value, int decimals);
// FormatDutch plus "%": "10,1%".
std::string FormatDutchPercent(double value, int decimals);
// With an explicit sign: "+77,5", "−0,3", "0,0".
std::string FormatDutchSigned(double value, int decimals);

// Shortest plain text that reads back to the same double ("10.1", "4790").
std::string FormatPlain(double value);

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_NUMBER_FORMAT_HPP_
