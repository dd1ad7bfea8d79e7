// A compact strict JSON reader (RFC 8259) for the StatLine OData documents.
// Every value remembers the line and column where it starts, so callers can
// report "file:line:column: reason" for semantic errors too.
#ifndef ZVDJ_INTERNAL_JSON_H_
#define ZVDJ_INTERNAL_JSON_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace zvdj::internal {

class JsonValue {
 public:
  enum class Type : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }
  bool is_bool() const { return type_ == Type::kBool; }
  bool is_number() const { return type_ == Type::kNumber; }
  bool is_string() const { return type_ == Type::kString; }
  bool is_array() const { return type_ == Type::kArray; }
  bool is_object() const { return type_ == Type::kObject; }

  bool bool_value() const { return bool_; }
  double number() const { return number_; }
  // The string value, or the number's source text.
  const std::string& text() const { return text_; }
  const std::vector<JsonValue>& items() const { return items_; }
  const std::vector<std::pair<std::string, JsonValue>>& members() const { return members_; }
  // The member with this key (the first one), or nullptr; nullptr for non-objects.
  const JsonValue* Find(std::string_view key) const;

  size_t line() const { return line_; }
  size_t column() const { return column_; }

  // "name of the type" for messages: "null", "string", ...
  static std::string_view TypeName(Type type);

 private:
  friend class JsonParser;
  Type type_ = Type::kNull;
  bool bool_ = false;
  double number_ = 0;
  std::string text_;
  std::vector<JsonValue> items_;
  std::vector<std::pair<std::string, JsonValue>> members_;
  size_t line_ = 1, column_ = 1;
};

// Parses a whole document. Errors are InvalidArgument
// "source:line:column: reason". Nesting deeper than 256 levels is refused.
absl::StatusOr<JsonValue> ParseJson(std::string_view text, std::string_view source);

}  // namespace zvdj::internal

#endif  // ZVDJ_INTERNAL_JSON_H_
