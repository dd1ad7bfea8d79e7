// Fuzzes the JSON reader used by the StatLine OData readers. Invariants: errors
// are "fuzz.json:line:column: reason"; an accepted document serialized again
// (strings escaped, numbers as their source text) parses to the same tree, and
// every value's line and column lie inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <regex>
#include <string>

#include "fuzz_check.h"
#include "zvdj/core/json.h"

namespace {

using zvdj::internal::JsonValue;

void AppendString(std::string& out, const std::string& s) {
  out += '"';
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
}

void Serialize(const JsonValue& v, std::string& out) {
  switch (v.type()) {
    case JsonValue::Type::kNull: out += "null"; break;
    case JsonValue::Type::kBool: out += v.bool_value() ? "true" : "false"; break;
    case JsonValue::Type::kNumber: out += v.text(); break;
    case JsonValue::Type::kString: AppendString(out, v.text()); break;
    case JsonValue::Type::kArray: {
      out += '[';
      for (size_t i = 0; i < v.items().size(); ++i) {
        if (i > 0) out += ",\n";
        Serialize(v.items()[i], out);
      }
      out += ']';
      break;
    }
    case JsonValue::Type::kObject: {
      out += '{';
      for (size_t i = 0; i < v.members().size(); ++i) {
        if (i > 0) out += ",\n";
        AppendString(out, v.members()[i].first);
        out += ':';
        Serialize(v.members()[i].second, out);
      }
      out += '}';
      break;
    }
  }
}

bool Equal(const JsonValue& a, const JsonValue& b) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case JsonValue::Type::kNull: return true;
    case JsonValue::Type::kBool: return a.bool_value() == b.bool_value();
    case JsonValue::Type::kNumber: return a.text() == b.text() && a.number() == b.number();
    case JsonValue::Type::kString: return a.text() == b.text();
    case JsonValue::Type::kArray:
      if (a.items().size() != b.items().size()) return false;
      for (size_t i = 0; i < a.items().size(); ++i) {
        if (!Equal(a.items()[i], b.items()[i])) return false;
      }
      return true;
    case JsonValue::Type::kObject:
      if (a.members().size() != b.members().size()) return false;
      for (size_t i = 0; i < a.members().size(); ++i) {
        if (a.members()[i].first != b.members()[i].first) return false;
        if (!Equal(a.members()[i].second, b.members()[i].second)) return false;
      }
      return true;
  }
  return false;
}

void CheckPositions(const JsonValue& v, size_t lines, size_t size) {
  ZVDJ_FUZZ_CHECK(v.line() >= 1 && v.line() <= lines, "line out of range");
  ZVDJ_FUZZ_CHECK(v.column() >= 1 && v.column() <= size + 1, "column out of range");
  for (const JsonValue& item : v.items()) CheckPositions(item, lines, size);
  for (const auto& m : v.members()) CheckPositions(m.second, lines, size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = zvdj::fuzz::AsText(data, size);
  auto doc = zvdj::internal::ParseJson(text, "fuzz.json");
  if (!doc.ok()) {
    static const std::regex kWhere(R"(^fuzz\.json:[0-9]+:[0-9]+: .+)");
    const std::string msg(doc.status().message());
    ZVDJ_FUZZ_CHECK(doc.status().code() == absl::StatusCode::kInvalidArgument, msg);
    ZVDJ_FUZZ_CHECK(std::regex_search(msg, kWhere), msg);
    return 0;
  }
  size_t lines = 1;
  for (const char c : text) lines += c == '\n' ? 1 : 0;
  CheckPositions(*doc, lines, size);
  std::string written;
  Serialize(*doc, written);
  auto again = zvdj::internal::ParseJson(written, "written.json");
  ZVDJ_FUZZ_CHECK(again.ok(), std::string(again.status().message()) + "\n" + written);
  ZVDJ_FUZZ_CHECK(Equal(*doc, *again), written);
  return 0;
}
