#include "zvdj/core/csv_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/strings/str_format.h"
#include "zvdj/core/file_source.h"
#include "zvdj/core/status_macros.h"
#include "zvdj/core/strings.h"

namespace zvdj::internal {

void CsvReader::InitStopTable() {
  stop_[0] = kCheck;
  for (size_t b = 0x80; b < 256; ++b) stop_[b] = kCheck;
  for (const char c : {sep_, '\n', '\r', '"'}) stop_[static_cast<unsigned char>(c)] = kStop;
}

absl::StatusOr<std::string> ReadFileToString(const std::string& path, uint64_t max_bytes) {
  return ReadWholeFile(path, max_bytes);
}

std::string BlankCommentLines(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const size_t end = std::min(text.find('\n', pos), text.size());
    if (text[pos] != '#') clean.append(text.substr(pos, end - pos));
    if (end < text.size()) clean += '\n';
    pos = end + 1;
  }
  return clean;
}

size_t FindInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (s[i] >= 0xC2 && s[i] <= 0xDF) {
      len = 2;
    } else if (s[i] >= 0xE0 && s[i] <= 0xEF) {
      len = 3;
      if (s[i] == 0xE0) lo = 0xA0;  // overlong
      if (s[i] == 0xED) hi = 0x9F;  // UTF-16 surrogates
    } else if (s[i] >= 0xF0 && s[i] <= 0xF4) {
      len = 4;
      if (s[i] == 0xF0) lo = 0x90;  // overlong
      if (s[i] == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + len > n || s[i + 1] < lo || s[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      if (s[i + k] < 0x80 || s[i + k] > 0xBF) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

CsvReader::CsvReader(std::string_view text, std::string source, char separator,
                     const InputLimits& limits)
    : text_(text), source_(std::move(source)), sep_(separator), limits_(limits) {
  InitStopTable();
  if (text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // BOM
}

CsvReader::CsvReader(std::string_view text, std::string source, char separator,
                     const InputLimits& limits, size_t first_line,
                     std::vector<std::string> header)
    : text_(text), source_(std::move(source)), sep_(separator), limits_(limits),
      line_(first_line), header_(std::move(header)) {
  InitStopTable();
}

absl::Status CsvReader::ReadHeader() {
  std::vector<std::string_view> fields;
  auto more = ParseRecord(&fields);
  if (!more.ok()) return more.status();
  if (!*more) {
    return absl::InvalidArgumentError(absl::StrFormat("%s:1: empty file, expected a header row", source_));
  }
  records_ = 0;
  header_.clear();
  for (size_t i = 0; i < fields.size(); ++i) {
    std::string name(fields[i]);
    // Header names are compared without surrounding spaces.
    while (!name.empty() && name.back() == ' ') name.pop_back();
    while (!name.empty() && name.front() == ' ') name.erase(name.begin());
    for (size_t j = 0; j < header_.size(); ++j) {
      if (header_[j] == name) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "%s:%d:%d: duplicated column '%s'", source_, record_line_, i + 1,
            EscapeControl(name)));
      }
    }
    header_.push_back(std::move(name));
  }
  return absl::OkStatus();
}

int CsvReader::ColumnIndex(std::string_view name) const {
  for (size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

int CsvReader::FirstUnknownColumn(std::initializer_list<std::string_view> known) const {
  for (size_t c = 0; c < header_.size(); ++c) {
    bool ok = false;
    for (const std::string_view k : known) ok |= header_[c] == k;
    if (!ok) return static_cast<int>(c);
  }
  return -1;
}

absl::Status CsvReader::RequireColumns(std::initializer_list<std::string_view> required) const {
  for (const std::string_view name : required) {
    if (ColumnIndex(name) < 0) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s:1: missing required column '%s'", source_, name));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> CsvReader::Next() {
  auto more = ParseRecord(&fields_);
  if (!more.ok() || !*more) return more;
  ++records_;
  if (records_ > limits_.max_rows) {
    return absl::ResourceExhaustedError(absl::StrFormat(
        "%s:%d: more than the limit of %d data rows", source_, record_line_, limits_.max_rows));
  }
  if (fields_.size() != header_.size()) {
    return RecordError(absl::StrFormat("expected %d fields as in the header, found %d",
                                       header_.size(), fields_.size()));
  }
  return true;
}

absl::StatusOr<bool> CsvReader::ParseRecord(std::vector<std::string_view>* out) {
  out->clear();
  size_t n_unescaped = 0;
  // Skip blank lines (a trailing newline, or empty lines between records).
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    SkipLineEnd();
  }
  if (pos_ >= text_.size()) return false;
  record_line_ = line_;
  if (ParsePlainRecord(out)) return true;
  const char* data = text_.data();
  const size_t end = text_.size();
  while (true) {
    const size_t field_start = pos_;
    if (pos_ < end && data[pos_] == '"') {
      // Quoted field: find the closing quote, unescaping "" if needed.
      saw_quote_ = true;
      ++pos_;
      const size_t content_start = pos_;
      bool escaped = false;
      while (true) {
        const void* q = std::memchr(data + pos_, '"', end - pos_);
        if (q == nullptr) {
          return absl::InvalidArgumentError(absl::StrFormat(
              "%s:%d:%d: quote opened here is never closed", source_, record_line_,
              out->size() + 1));
        }
        const size_t qpos = static_cast<size_t>(static_cast<const char*>(q) - data);
        for (size_t i = pos_; i < qpos; ++i) line_ += IsLineEndAt(i);
        if (qpos + 1 < end && data[qpos + 1] == '"') {
          escaped = true;
          pos_ = qpos + 2;
          continue;
        }
        pos_ = qpos + 1;
        break;
      }
      std::string_view raw(data + content_start, pos_ - 1 - content_start);
      ZVDJ_RETURN_IF_ERROR(CheckField(raw, out->size(), record_line_));
      if (escaped) {
        if (unescaped_.size() <= n_unescaped) unescaped_.emplace_back();
        std::string& s = unescaped_[n_unescaped++];
        s.clear();
        for (size_t i = 0; i < raw.size(); ++i) {
          s.push_back(raw[i]);
          if (raw[i] == '"') ++i;  // skip the second quote of ""
        }
        raw = s;
      }
      out->push_back(raw);
      if (pos_ < end && data[pos_] != sep_ && data[pos_] != '\n' && data[pos_] != '\r') {
        return absl::InvalidArgumentError(absl::StrFormat(
            "%s:%d:%d: unexpected text after a closing quote", source_, line_, out->size()));
      }
    } else {
      // One table look-up per byte instead of four comparisons; the same scan
      // notes NUL and non-ASCII bytes, so that plain fields skip CheckField.
      bool check = false;
      while (true) {
        while (pos_ < end && stop_[static_cast<unsigned char>(data[pos_])] == kPlain) ++pos_;
        if (pos_ < end && stop_[static_cast<unsigned char>(data[pos_])] == kCheck) {
          check = true;
          ++pos_;
          continue;
        }
        break;
      }
      if (pos_ < end && data[pos_] == '"') {
        saw_quote_ = true;
        return absl::InvalidArgumentError(absl::StrFormat(
            "%s:%d:%d: quote inside an unquoted field", source_, line_, out->size() + 1));
      }
      const std::string_view raw(data + field_start, pos_ - field_start);
      if (check || raw.size() > limits_.max_field_bytes) {
        ZVDJ_RETURN_IF_ERROR(CheckField(raw, out->size(), line_));
      }
      out->emplace_back(raw);
    }
    if (pos_ < end && data[pos_] == sep_) {
      ++pos_;
      if (out->size() >= limits_.max_columns) {
        return absl::ResourceExhaustedError(absl::StrFormat(
            "%s:%d:%d: more than the limit of %d columns", source_, record_line_,
            out->size() + 1, limits_.max_columns));
      }
      continue;
    }
    // End of record.
    if (pos_ < end) SkipLineEnd();
    return true;
  }
}

bool CsvReader::ParsePlainRecord(std::vector<std::string_view>* out) {
#if defined(__SSE2__)
  const char* data = text_.data();
  const size_t end = text_.size();
  const __m128i sep = _mm_set1_epi8(sep_), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                quote = _mm_set1_epi8('"'), nul = _mm_setzero_si128();
  size_t field_start = pos_;
  size_t longest = 0;
  // The text is read once, from memory: fetch ahead of the scan.
  __builtin_prefetch(data + std::min(pos_ + 1024, end - 1));
  // Records longer than 512 bytes are rare enough for the byte loop.
  for (size_t chunk = pos_, round = 0; round < 8 && chunk + 64 <= end; ++round, chunk += 64) {
    uint64_t seps = 0, lfs = 0, special = 0;
    for (int k = 0; k < 4; ++k) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + chunk + 16 * k));
      const auto bits = [&](__m128i m) {
        return static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(m))) << (16 * k);
      };
      seps |= bits(_mm_cmpeq_epi8(x, sep));
      lfs |= bits(_mm_cmpeq_epi8(x, lf));
      // CR, quote, NUL, and bytes >= 0x80 (their own high bit).
      special |= bits(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, cr), _mm_cmpeq_epi8(x, quote)),
                                   _mm_or_si128(_mm_cmpeq_epi8(x, nul), x)));
    }
    const int nl = lfs != 0 ? __builtin_ctzll(lfs) : 64;
    const uint64_t before = nl == 64 ? ~uint64_t{0} : (uint64_t{1} << nl) - 1;
    if ((special & before) != 0) break;
    for (uint64_t s = seps & before; s != 0; s &= s - 1) {
      const size_t at = chunk + static_cast<size_t>(__builtin_ctzll(s));
      longest = std::max(longest, at - field_start);
      out->emplace_back(data + field_start, at - field_start);
      field_start = at + 1;
    }
    if (nl == 64) continue;
    const size_t at = chunk + static_cast<size_t>(nl);
    longest = std::max(longest, at - field_start);
    out->emplace_back(data + field_start, at - field_start);
    // Limits are reported by the byte loop, with its messages.
    if (longest > limits_.max_field_bytes || out->size() > limits_.max_columns) break;
    pos_ = at + 1;
    ++line_;
    return true;
  }
  out->clear();
#else
  (void)out;
#endif
  return false;
}

absl::Status CsvReader::CheckField(std::string_view field, size_t column, size_t line) const {
  if (field.size() > limits_.max_field_bytes) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s:%d:%d: field longer than %d bytes", source_, line, column + 1,
        limits_.max_field_bytes));
  }
  // A cheap scan for non-ASCII and NUL bytes; only such fields need a closer look.
  unsigned char any = 0;
  bool nul = false;
  for (char c : field) {
    any |= static_cast<unsigned char>(c);
    nul |= c == '\0';
  }
  if (nul) {
    // Never part of a text export; usually a UTF-16 file read as UTF-8.
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s:%d:%d: NUL byte at byte %d of the field (is the file UTF-16?)", source_, line,
        column + 1, field.find('\0') + 1));
  }
  if (any & 0x80) {
    const size_t bad = FindInvalidUtf8(field);
    if (bad != std::string_view::npos) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s:%d:%d: invalid UTF-8 (byte 0x%02X at byte %d of the field)", source_, line,
          column + 1, static_cast<unsigned char>(field[bad]), bad + 1));
    }
  }
  return absl::OkStatus();
}

void CsvReader::SkipToNextLine() {
  // A record that was read to its end (e.g. one with too many fields) already
  // left pos_ at the start of the next line.
  if (pos_ == 0 || text_[pos_ - 1] == '\n' ||
      (text_[pos_ - 1] == '\r' && (pos_ == text_.size() || text_[pos_] != '\n'))) {
    return;
  }
  while (pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
  if (pos_ < text_.size()) SkipLineEnd();
}

bool CsvReader::IsLineEndAt(size_t i) const {
  // "\r\n" counts once (at its '\n'); a lone '\r' (old Mac files) is a line end
  // of its own, so that line numbers match what an editor shows.
  return text_[i] == '\n' || (text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n'));
}

void CsvReader::SkipLineEnd() {
  if (text_[pos_] == '\r') ++pos_;
  if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
  ++line_;
}

absl::Status CsvReader::FieldError(size_t column, std::string_view message) const {
  return FieldErrorAt(record_line_, column, message);
}

absl::Status CsvReader::RecordError(std::string_view message) const {
  return RecordErrorAt(record_line_, message);
}

absl::Status CsvReader::FieldErrorAt(size_t line, size_t column,
                                     std::string_view message) const {
  const std::string name = column < header_.size() ? header_[column] : std::string("?");
  // Messages quote input: control characters are escaped for the terminal.
  return absl::InvalidArgumentError(EscapeControl(
      absl::StrFormat("%s:%d:%d: %s (column '%s')", source_, line, column + 1, message, name)));
}

absl::Status CsvReader::RecordErrorAt(size_t line, std::string_view message) const {
  return absl::InvalidArgumentError(
      EscapeControl(absl::StrFormat("%s:%d: %s", source_, line, message)));
}

}  // namespace zvdj::internal
