#include "zvdj/internal/json.h"

#include <charconv>
#include <cmath>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_format.h"
#include "zvdj/internal/csv_reader.h"
#include "zvdj/internal/strings.h"
#include "zvdj/limits.hpp"

namespace zvdj::internal {

std::string_view JsonValue::TypeName(Type type) {
  switch (type) {
    case Type::kNull: return "null";
    case Type::kBool: return "boolean";
    case Type::kNumber: return "number";
    case Type::kString: return "string";
    case Type::kArray: return "array";
    case Type::kObject: return "object";
  }
  return "?";
}

const JsonValue* JsonValue::Find(std::string_view key) const {
  for (const auto& [k, v] : members_) {
    if (k == key) return &v;
  }
  return nullptr;
}

class JsonParser {
 public:
  JsonParser(std::string_view text, std::string_view source) : s_(text), source_(source) {
    // A UTF-8 byte-order mark is tolerated (Windows tools write one).
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  }

  absl::StatusOr<JsonValue> Document() {
    // JSON text is UTF-8 (RFC 8259 section 8.1); say where it is not.
    if (const size_t bad = FindInvalidUtf8(s_.substr(pos_)); bad != std::string_view::npos) {
      const size_t at = pos_ + bad;
      size_t line = 1, line_start = 0;
      for (size_t i = 0; i < at; ++i) {
        if (s_[i] == '\n') {
          ++line;
          line_start = i + 1;
        }
      }
      return ErrorAt(line, at - line_start + 1,
                     absl::StrFormat("invalid UTF-8 (byte 0x%02X)",
                                     static_cast<unsigned char>(s_[at])));
    }
    JsonValue v;
    SkipSpace();
    if (auto st = Value(v, 0); !st.ok()) return st;
    SkipSpace();
    if (pos_ != s_.size()) return Error("unexpected text after the JSON document");
    return v;
  }

 private:
  static constexpr int kMaxDepth = 256;

  absl::Status Error(std::string_view reason) const {
    return ErrorAt(line_, pos_ - line_start_ + 1, reason);
  }
  absl::Status ErrorAt(size_t line, size_t col, std::string_view reason) const {
    // The reason may quote the document: control characters are escaped.
    return absl::InvalidArgumentError(EscapeControl(
        absl::StrFormat("%s:%d:%d: %s", std::string(source_), line, col, std::string(reason))));
  }
  bool AtEnd() const { return pos_ >= s_.size(); }
  char Peek() const { return s_[pos_]; }

  void SkipSpace() {
    while (!AtEnd()) {
      const char c = Peek();
      if (c == '\n') {
        ++pos_;
        ++line_;
        line_start_ = pos_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
      } else {
        break;
      }
    }
  }

  void Mark(JsonValue& v) const {
    v.line_ = line_;
    v.column_ = pos_ - line_start_ + 1;
  }

  absl::Status Value(JsonValue& v, int depth) {
    if (AtEnd()) return Error("unexpected end of input, expected a value");
    Mark(v);
    const char c = Peek();
    switch (c) {
      case '{': return Object(v, depth);
      case '[': return Array(v, depth);
      case '"': v.type_ = JsonValue::Type::kString; return String(v.text_);
      case 't': return Literal(v, "true", JsonValue::Type::kBool, true);
      case 'f': return Literal(v, "false", JsonValue::Type::kBool, false);
      case 'n': return Literal(v, "null", JsonValue::Type::kNull, false);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return Number(v);
        return Error(absl::StrFormat("unexpected character '%c', expected a value", c));
    }
  }

  absl::Status Literal(JsonValue& v, std::string_view word, JsonValue::Type type, bool b) {
    if (s_.substr(pos_, word.size()) != word) return Error("invalid literal");
    pos_ += word.size();
    v.type_ = type;
    v.bool_ = b;
    return absl::OkStatus();
  }

  absl::Status Number(JsonValue& v) {
    const size_t start = pos_;
    auto digits = [&] {
      size_t n = 0;
      while (!AtEnd() && Peek() >= '0' && Peek() <= '9') { ++pos_; ++n; }
      return n;
    };
    if (Peek() == '-') ++pos_;
    if (AtEnd()) return Error("incomplete number");
    if (Peek() == '0') {
      ++pos_;
      if (!AtEnd() && Peek() >= '0' && Peek() <= '9') return Error("leading zero in number");
    } else if (digits() == 0) {
      return Error("invalid number");
    }
    if (!AtEnd() && Peek() == '.') {
      ++pos_;
      if (digits() == 0) return Error("expected digits after the decimal point");
    }
    if (!AtEnd() && (Peek() == 'e' || Peek() == 'E')) {
      ++pos_;
      if (!AtEnd() && (Peek() == '+' || Peek() == '-')) ++pos_;
      if (digits() == 0) return Error("expected digits in the exponent");
    }
    v.type_ = JsonValue::Type::kNumber;
    v.text_ = std::string(s_.substr(start, pos_ - start));
    const auto [ptr, ec] = std::from_chars(v.text_.data(), v.text_.data() + v.text_.size(),
                                           v.number_);
    if (ec != std::errc() || !std::isfinite(v.number_)) {
      return ErrorAt(v.line_, v.column_, "number out of range");
    }
    return absl::OkStatus();
  }

  static void AppendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  absl::Status Hex4(uint32_t& out) {
    out = 0;
    for (int i = 0; i < 4; ++i) {
      if (AtEnd()) return Error("incomplete \\u escape");
      const char c = Peek();
      uint32_t d;
      if (c >= '0' && c <= '9') d = static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') d = static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') d = static_cast<uint32_t>(c - 'A' + 10);
      else return Error("invalid hex digit in \\u escape");
      out = out * 16 + d;
      ++pos_;
    }
    return absl::OkStatus();
  }

  absl::Status String(std::string& out) {
    const size_t start_line = line_, start_col = pos_ - line_start_ + 1;
    ++pos_;  // opening quote
    out.clear();
    while (true) {
      if (AtEnd()) return Error("unterminated string");
      if (out.size() > kMaxFieldBytes) {
        // As for CSV fields: a runaway string should not eat the document silently.
        return ErrorAt(start_line, start_col,
                       absl::StrFormat("string longer than %d bytes", kMaxFieldBytes));
      }
      const char c = Peek();
      if (c == '"') {
        ++pos_;
        return absl::OkStatus();
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        return Error(c == '\n' ? "unterminated string (newline inside a string)"
                               : "control character inside a string");
      }
      if (c != '\\') {
        out += c;
        ++pos_;
        continue;
      }
      ++pos_;
      if (AtEnd()) return Error("unterminated escape");
      const char e = Peek();
      ++pos_;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          uint32_t cp;
          if (auto st = Hex4(cp); !st.ok()) return st;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (s_.substr(pos_, 2) != "\\u") return Error("unpaired surrogate in \\u escape");
            pos_ += 2;
            uint32_t lo;
            if (auto st = Hex4(lo); !st.ok()) return st;
            if (lo < 0xDC00 || lo > 0xDFFF) return Error("invalid low surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return Error("unpaired surrogate in \\u escape");
          }
          AppendUtf8(out, cp);
          break;
        }
        default:
          --pos_;
          return Error(absl::StrFormat("invalid escape '\\%c'", e));
      }
    }
  }

  absl::Status Array(JsonValue& v, int depth) {
    if (depth >= kMaxDepth) return Error("nesting too deep");
    v.type_ = JsonValue::Type::kArray;
    ++pos_;
    SkipSpace();
    if (!AtEnd() && Peek() == ']') {
      ++pos_;
      return absl::OkStatus();
    }
    while (true) {
      SkipSpace();
      JsonValue item;
      if (auto st = Value(item, depth + 1); !st.ok()) return st;
      v.items_.push_back(std::move(item));
      SkipSpace();
      if (AtEnd()) return Error("unexpected end of input inside an array, expected ',' or ']'");
      if (Peek() == ',') {
        ++pos_;
        SkipSpace();
        if (!AtEnd() && Peek() == ']') return Error("trailing comma in array");
        continue;
      }
      if (Peek() == ']') {
        ++pos_;
        return absl::OkStatus();
      }
      return Error("expected ',' or ']' in array");
    }
  }

  absl::Status Object(JsonValue& v, int depth) {
    if (depth >= kMaxDepth) return Error("nesting too deep");
    v.type_ = JsonValue::Type::kObject;
    ++pos_;
    SkipSpace();
    if (!AtEnd() && Peek() == '}') {
      ++pos_;
      return absl::OkStatus();
    }
    // Duplicate keys make Find() ambiguous (RFC 8259 leaves their meaning open).
    absl::flat_hash_set<std::string> keys;
    while (true) {
      SkipSpace();
      if (AtEnd()) return Error("unexpected end of input inside an object");
      if (Peek() != '"') {
        return Error(Peek() == '}' ? "trailing comma in object" : "expected a string key");
      }
      std::string key;
      const size_t key_line = line_, key_col = pos_ - line_start_ + 1;
      if (auto st = String(key); !st.ok()) return st;
      bool duplicate = false;
      if (v.members_.size() < 16) {  // rows are small: no set needed
        for (const auto& m : v.members_) duplicate |= m.first == key;
      } else {
        if (keys.empty()) {
          for (const auto& m : v.members_) keys.insert(m.first);
        }
        duplicate = !keys.insert(key).second;
      }
      if (duplicate) {
        return ErrorAt(key_line, key_col, absl::StrFormat("duplicate key \"%s\"", key));
      }
      SkipSpace();
      if (AtEnd() || Peek() != ':') return Error("expected ':' after the key");
      ++pos_;
      SkipSpace();
      JsonValue item;
      if (auto st = Value(item, depth + 1); !st.ok()) return st;
      v.members_.emplace_back(std::move(key), std::move(item));
      SkipSpace();
      if (AtEnd()) return Error("unexpected end of input inside an object, expected ',' or '}'");
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      if (Peek() == '}') {
        ++pos_;
        return absl::OkStatus();
      }
      return Error("expected ',' or '}' in object");
    }
  }

  std::string_view s_;
  std::string_view source_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t line_start_ = 0;
};

absl::StatusOr<JsonValue> ParseJson(std::string_view text, std::string_view source) {
  return JsonParser(text, source).Document();
}

}  // namespace zvdj::internal
