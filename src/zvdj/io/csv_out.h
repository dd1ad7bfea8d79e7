// A buffered CSV row writer for large person-level files: formats dates,
// municipality codes and integers without allocating, and hands the bytes to an
// ostream in 256 KiB blocks. Shared by the record writers and the generator.
#ifndef ZVDJ_INTERNAL_CSV_OUT_H_
#define ZVDJ_INTERNAL_CSV_OUT_H_

#include <cstdint>
#include <cstring>
#include <ostream>
#include <string_view>
#include <vector>

#include "zvdj/date.hpp"
#include "zvdj/records.hpp"

namespace zvdj::internal {

class CsvOut {
 public:
  explicit CsvOut(std::ostream* out) : out_(out) { buf_.resize(kBlock + kSlack); }
  ~CsvOut() { Flush(); }
  CsvOut(const CsvOut&) = delete;
  CsvOut& operator=(const CsvOut&) = delete;

  // A text field, quoted when it holds a separator, quote or line break.
  void Text(std::string_view s) {
    Sep();
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
      Raw(s);
      return;
    }
    Put('"');
    for (char c : s) {
      if (c == '"') Put('"');
      Put(c);
    }
    Put('"');
  }
  // A day number as YYYY-MM-DD; kOpenEnd and kNoDate as an empty field.
  void Day(int32_t days) {
    Sep();
    if (days == kOpenEnd || days == kNoDate) return;
    const Date d = Date::FromDays(days);
    int y = d.year(), m = d.month(), dd = d.day();
    Reserve(10);
    char* p = buf_.data() + n_;
    p[0] = static_cast<char>('0' + y / 1000);
    p[1] = static_cast<char>('0' + y / 100 % 10);
    p[2] = static_cast<char>('0' + y / 10 % 10);
    p[3] = static_cast<char>('0' + y % 10);
    p[4] = '-';
    p[5] = static_cast<char>('0' + m / 10);
    p[6] = static_cast<char>('0' + m % 10);
    p[7] = '-';
    p[8] = static_cast<char>('0' + dd / 10);
    p[9] = static_cast<char>('0' + dd % 10);
    n_ += 10;
  }
  void Municipality(uint16_t number) {
    Sep();
    Reserve(6);
    char* p = buf_.data() + n_;
    p[0] = 'G';
    p[1] = 'M';
    p[2] = static_cast<char>('0' + number / 1000 % 10);
    p[3] = static_cast<char>('0' + number / 100 % 10);
    p[4] = static_cast<char>('0' + number / 10 % 10);
    p[5] = static_cast<char>('0' + number % 10);
    n_ += 6;
  }
  void Int(int64_t v) {
    Sep();
    char tmp[24];
    int k = 0;
    const bool neg = v < 0;
    uint64_t u = neg ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    do {
      tmp[k++] = static_cast<char>('0' + u % 10);
      u /= 10;
    } while (u != 0);
    if (neg) Put('-');
    while (k > 0) Put(tmp[--k]);
  }
  void Empty() { Sep(); }
  void EndRow() {
    Put('\n');
    first_ = true;
    ++rows_;
    if (n_ >= kBlock) Flush();
  }
  // The header row from names.
  template <size_t N>
  void Header(const std::string_view (&names)[N]) {
    for (std::string_view n : names) Text(n);
    EndRow();
  }
  void Flush() {
    if (n_ > 0) out_->write(buf_.data(), static_cast<std::streamsize>(n_));
    n_ = 0;
  }
  uint64_t rows() const { return rows_; }

 private:
  static constexpr size_t kBlock = 256 * 1024;
  static constexpr size_t kSlack = 64;

  void Sep() {
    if (!first_) Put(',');
    first_ = false;
  }
  void Reserve(size_t k) {
    if (n_ + k > buf_.size()) {
      Flush();
      if (k > buf_.size()) buf_.resize(k);
    }
  }
  void Put(char c) {
    Reserve(1);
    buf_[n_++] = c;
  }
  void Raw(std::string_view s) {
    if (s.empty()) return;  // memcpy from an empty view's null pointer is undefined
    Reserve(s.size());
    std::memcpy(buf_.data() + n_, s.data(), s.size());
    n_ += s.size();
  }

  std::ostream* out_;
  std::vector<char> buf_;
  size_t n_ = 0;
  bool first_ = true;
  uint64_t rows_ = 0;
};

}  // namespace zvdj::internal

#endif  // ZVDJ_INTERNAL_CSV_OUT_H_
