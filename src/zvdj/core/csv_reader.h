// A fast CSV reader over an in-memory buffer, shared by every loader.
// RFC 4180 quoting ("a ""b"", c"), CRLF or LF line ends, a UTF-8 byte-order mark,
// and blank lines (skipped) are accepted. Every field must be valid UTF-8.
// Errors carry file, line and column; inputs over the InputLimits
// (zvdj/limits.hpp) are ResourceExhausted.
#ifndef ZVDJ_INTERNAL_CSV_READER_H_
#define ZVDJ_INTERNAL_CSV_READER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <deque>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "zvdj/limits.hpp"

namespace zvdj::internal {

// Reads a whole file ("-": standard input; gzip data is decompressed);
// NotFound / PermissionDenied name the path; InvalidArgument for a directory;
// ResourceExhausted when it is larger than `max_bytes` or memory runs out.
absl::StatusOr<std::string> ReadFileToString(const std::string& path,
                                             uint64_t max_bytes = kMaxFileBytes);

// `text` with every line that starts with '#' emptied; the line breaks stay, so
// the reader's line numbers are those of `text` (the reader skips blank lines).
std::string BlankCommentLines(std::string_view text);

// Longest field accepted, so that a runaway quote cannot eat a whole file silently.
using ::zvdj::kMaxFieldBytes;

// The offset of the first byte that is not part of valid UTF-8 (overlong forms,
// surrogates and code points above U+10FFFF are invalid), or npos.
size_t FindInvalidUtf8(std::string_view text);

class CsvReader {
 public:
  // `text` must outlive the reader; `source` names it in error messages.
  CsvReader(std::string_view text, std::string source, char separator = ',',
            const InputLimits& limits = {});
  // A reader for one piece of a larger text, split at the start of a line:
  // `text` begins on line `first_line` of `source`, has no byte-order mark and
  // no header row of its own (`header` is the one of the whole text).
  CsvReader(std::string_view text, std::string source, char separator,
            const InputLimits& limits, size_t first_line, std::vector<std::string> header);

  // Reads the header row. InvalidArgument for an empty input or duplicated names.
  absl::Status ReadHeader();
  const std::vector<std::string>& header() const { return header_; }
  // Index of a header column, or -1.
  int ColumnIndex(std::string_view name) const;
  // Checks that every name in `required` is a header column:
  // "source:1: missing required column 'name'" for the first one absent.
  absl::Status RequireColumns(std::initializer_list<std::string_view> required) const;
  // The index of the first header column not among `known`, or -1.
  int FirstUnknownColumn(std::initializer_list<std::string_view> known) const;

  // Reads the next record. Returns false at the end of the input. A record with
  // a different number of fields than the header is an error, as is a quote
  // left open.
  absl::StatusOr<bool> Next();

  // After an error inside a record, moves past the end of the current line so
  // that a lenient caller can go on with the next record (no-op when the
  // failed record was read to its end).
  void SkipToNextLine();

  size_t size() const { return fields_.size(); }
  std::string_view field(size_t i) const { return fields_[i]; }
  // 1-based line on which the current record starts.
  size_t line() const { return record_line_; }
  // Number of data records read so far (header excluded).
  size_t records() const { return records_; }
  const std::string& source() const { return source_; }
  // Byte offset in the text where reading continues, and the line it is on.
  size_t offset() const { return pos_; }
  size_t current_line() const { return line_; }
  // Whether a record read so far had a quote character (bytes skipped by
  // SkipToNextLine are not looked at).
  bool saw_quote() const { return saw_quote_; }
  // Goes on reading at `offset`, the start of line `line`, as if `records`
  // data records had been read (for the row limit): a caller that read part of
  // the text by other means hands the rest back to this reader.
  void ContinueAt(size_t offset, size_t line, size_t records) {
    pos_ = offset;
    line_ = line;
    records_ = records;
  }

  // "source:line:column: message (column 'name')" as InvalidArgument.
  // `column` is the 0-based field index; the message shows it 1-based.
  absl::Status FieldError(size_t column, std::string_view message) const;
  // "source:line: message" for errors about the whole record.
  absl::Status RecordError(std::string_view message) const;
  // The same for a record that started on `line` (not the current one).
  absl::Status FieldErrorAt(size_t line, size_t column, std::string_view message) const;
  absl::Status RecordErrorAt(size_t line, std::string_view message) const;
  // Overloads for absl::Status::message() (absl::string_view is its own type in
  // Debian's Abseil build).
  absl::Status FieldError(size_t column, absl::string_view message) const {
    return FieldError(column, std::string_view(message.data(), message.size()));
  }
  absl::Status RecordError(absl::string_view message) const {
    return RecordError(std::string_view(message.data(), message.size()));
  }
  absl::Status FieldError(size_t column, const char* message) const {
    return FieldError(column, std::string_view(message));
  }
  absl::Status RecordError(const char* message) const {
    return RecordError(std::string_view(message));
  }
  absl::Status FieldError(size_t column, const std::string& message) const {
    return FieldError(column, std::string_view(message));
  }
  absl::Status RecordError(const std::string& message) const {
    return RecordError(std::string_view(message));
  }

 private:
  void InitStopTable();
  absl::StatusOr<bool> ParseRecord(std::vector<std::string_view>* out);
  // The common record: one line of unquoted ASCII fields within limits, read
  // 64 bytes at a time. False (nothing consumed) for anything else, which
  // ParseRecord then reads byte by byte.
  bool ParsePlainRecord(std::vector<std::string_view>* out);
  absl::Status CheckField(std::string_view field, size_t column, size_t line) const;
  // Line ends are "\n", "\r\n" and a lone "\r".
  bool IsLineEndAt(size_t i) const;
  void SkipLineEnd();  // at a '\r' or '\n': steps over one line end

  std::string_view text_;
  std::string source_;
  char sep_;
  InputLimits limits_;
  // Per byte: kPlain, kStop (ends an unquoted field: separator, CR, LF, quote)
  // or kCheck (NUL or non-ASCII: the field needs the UTF-8 check).
  enum : uint8_t { kPlain = 0, kStop = 1, kCheck = 2 };
  std::array<uint8_t, 256> stop_{};
  size_t pos_ = 0;
  size_t line_ = 1;         // line of pos_
  size_t record_line_ = 0;  // line where the current record started
  size_t records_ = 0;
  bool saw_quote_ = false;
  std::vector<std::string> header_;
  std::vector<std::string_view> fields_;
  std::deque<std::string> unescaped_;  // stable storage for quoted fields with "" escapes
};

}  // namespace zvdj::internal

#endif  // ZVDJ_INTERNAL_CSV_READER_H_
