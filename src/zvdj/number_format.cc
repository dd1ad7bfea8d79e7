#include "zvdj/number_format.hpp"

#include <charconv>
#include <cmath>
#include <string>

#include "zvdj/internal/strings.h"
#include "absl/strings/str_format.h"

namespace zvdj {
inline namespace v1 {
namespace {

absl::Status NotANumber(std::string_view text, std::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrFormat("'%s' is not a number: %s", internal::EscapeControl(text), why));
}

}  // namespace

bool ParsePlainNumber(std::string_view text, double* out) noexcept {
  if (text.empty()) return false;
  const char* first = text.data();
  const char* last = first + text.size();
  if (*first == '+') {
    ++first;
    // from_chars would read "+-5" as -5; a sign after the '+' is not a number.
    if (first == last || *first == '-') return false;
  }
  const auto [ptr, ec] = std::from_chars(first, last, *out);
  return ec == std::errc() && ptr == last && std::isfinite(*out);
}

absl::StatusOr<double> ParseNumber(std::string_view raw, NumberFormat format) {
  const std::string_view text = internal::Trim(raw);
  if (text.empty()) return NotANumber(raw, "empty");
  if (format == NumberFormat::kPlain) {
    if (text.find(',') != std::string_view::npos) {
      return NotANumber(raw, "a comma in a plain number (is the file in Dutch format?)");
    }
    double v;
    if (!ParsePlainNumber(text, &v)) return NotANumber(raw, "not a plain decimal number");
    return v;
  }
  // Dutch: optional sign, digit groups of 3 separated by '.', optional ',' decimals.
  std::string plain;
  plain.reserve(text.size());
  size_t i = 0;
  if (text[0] == '-' || text[0] == '+') {
    if (text[0] == '-') plain.push_back('-');
    i = 1;
  } else if (text.substr(0, 3) == "\xE2\x88\x92") {  // U+2212 minus sign
    plain.push_back('-');
    i = 3;
  }
  const size_t int_start = i;
  size_t group_len = 0;
  bool grouped = false;
  for (; i < text.size() && text[i] != ','; ++i) {
    const char c = text[i];
    if (c == '.') {
      if (group_len == 0 || (grouped && group_len != 3) || (!grouped && group_len > 3)) {
        return NotANumber(raw, "misplaced thousands separator '.'");
      }
      grouped = true;
      group_len = 0;
    } else if (c >= '0' && c <= '9') {
      plain.push_back(c);
      ++group_len;
    } else {
      return NotANumber(raw, "unexpected character in a Dutch number");
    }
  }
  if (i == int_start || group_len == 0 || (grouped && group_len != 3)) {
    return NotANumber(raw, grouped ? "misplaced thousands separator '.'" : "no digits");
  }
  if (i < text.size()) {  // decimals after ','
    plain.push_back('.');
    ++i;
    if (i == text.size()) return NotANumber(raw, "no digits after the decimal comma");
    for (; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9') return NotANumber(raw, "unexpected character after the decimal comma");
      plain.push_back(text[i]);
    }
  }
  double v;
  if (!ParsePlainNumber(plain, &v)) return NotANumber(raw, "out of range");
  return v;
}

int64_t RoundToMultipleOf5(int64_t count) noexcept {
  const int64_t sign = count < 0 ? -1 : 1;
  const int64_t a = count * sign;
  return sign * ((a + 2) / 5 * 5);
}

std::string FormatDutch(double value, int decimals) {
  if (!std::isfinite(value)) return "";
  std::string plain = absl::StrFormat("%.*f", decimals, std::fabs(value));
  // "-0,0" would mislead; a value that rounds to zero has no sign.
  bool all_zero = true;
  for (char c : plain) all_zero &= (c == '0' || c == '.');
  const size_t dot = plain.find('.');
  const std::string int_part = plain.substr(0, dot);
  std::string out;
  if (value < 0 && !all_zero) out = "\xE2\x88\x92";
  for (size_t i = 0; i < int_part.size(); ++i) {
    if (i > 0 && (int_part.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(int_part[i]);
  }
  if (dot != std::string::npos) {
    out.push_back(',');
    out.append(plain.substr(dot + 1));
  }
  return out;
}

std::string FormatDutchPercent(double value, int decimals) {
  return FormatDutch(value, decimals) + "%";
}

std::string FormatDutchSigned(double value, int decimals) {
  std::string s = FormatDutch(value, decimals);
  if (s.empty()) return s;
  if (s.compare(0, 3, "\xE2\x88\x92") == 0) return s;
  bool all_zero = true;
  for (char c : s) all_zero &= (c == '0' || c == ',' || c == '.');
  return all_zero ? s : "+" + s;
}

std::string FormatPlain(double value) {
  if (!std::isfinite(value)) return "";
  char buf[64];
  const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, value);
  return ec == std::errc() ? std::string(buf, ptr) : absl::StrFormat("%.17g", value);
}

}  // namespace v1
}  // namespace zvdj
