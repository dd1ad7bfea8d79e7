// zvdj::Table and the text helpers its writers share (JSON quoting, terminal
// escaping, display widths).
#include "zvdj/table.hpp"

#include <cmath>
#include <string>
#include <string_view>

#include "absl/strings/str_format.h"
#include "zvdj/number_format.hpp"

namespace zvdj {
inline namespace v1 {
namespace {

// One UTF-8 sequence at `i`: its code point and length, or length 0 when the
// bytes there are not valid UTF-8 (stray, truncated, overlong, surrogate).
struct CodePoint {
  uint32_t cp = 0;
  size_t len = 0;
};

CodePoint DecodeAt(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  size_t len = 0;
  uint32_t cp = 0;
  uint32_t min = 0;
  if ((b0 >> 5) == 6) {
    len = 2, cp = b0 & 0x1Fu, min = 0x80;
  } else if ((b0 >> 4) == 14) {
    len = 3, cp = b0 & 0x0Fu, min = 0x800;
  } else if ((b0 >> 3) == 30) {
    len = 4, cp = b0 & 0x07u, min = 0x10000;
  } else {
    return {};
  }
  if (i + len > s.size()) return {};
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b >> 6) != 2) return {};
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {cp, len};
}

size_t CodePointWidth(uint32_t cp) {
  const bool combining = (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
                         (cp >= 0xFE20 && cp <= 0xFE2F);
  const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x1F300 && cp <= 0x1FAFF);
  return combining ? 0 : wide ? 2 : 1;
}

// Code points a terminal acts on instead of showing: C1 controls and the
// bidirectional embeddings, overrides and isolates.
bool IsUnsafeCodePoint(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

size_t Table::AddText(std::string name, ColumnRole role) {
  Column c;
  c.name = std::move(name);
  c.kind = ColumnKind::kText;
  c.role = role;
  columns_.push_back(std::move(c));
  return columns_.size() - 1;
}

size_t Table::AddNumber(std::string name) {
  Column c;
  c.name = std::move(name);
  c.kind = ColumnKind::kNumber;
  columns_.push_back(std::move(c));
  return columns_.size() - 1;
}

size_t Table::AddInteger(std::string name) {
  const size_t i = AddNumber(std::move(name));
  columns_[i].kind = ColumnKind::kInteger;
  return i;
}

void Table::Number(size_t column, const std::optional<double>& value) {
  Number(column, value && std::isfinite(*value) ? *value : std::nan(""));
}

absl::StatusOr<const Table::Column*> Table::Find(std::string_view name) const {
  const int64_t i = IndexOf(name);
  if (i >= 0) return &columns_[static_cast<size_t>(i)];
  std::string names;
  for (const Column& c : columns_) names += (names.empty() ? "" : ", ") + c.name;
  return absl::NotFoundError("no column '" + std::string(name) + "' (columns: " + names + ")");
}

int64_t Table::IndexOf(std::string_view name) const {
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].name == name) return static_cast<int64_t>(i);
  }
  return -1;
}

std::string Table::Cell(const Column& column, size_t row) const {
  if (!column.numeric()) return column.texts[row];
  const double v = column.numbers[row];
  return std::isfinite(v) ? FormatPlain(v) : std::string();
}

std::string Table::ToCsv() const { return TableToString(*this, TableFormat::kCsv); }

std::string JsonQuote(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += absl::StrFormat("\\u%04x", c);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
  return out;
}

std::string TerminalSafe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const CodePoint p = DecodeAt(s, i);
    if (p.len == 0) {
      out += absl::StrFormat("\\x%02x", static_cast<unsigned char>(s[i]));
      ++i;
      continue;
    }
    if (p.cp == '\n') {
      out += "\\n";
    } else if (p.cp == '\t') {
      out += "\\t";
    } else if (p.cp == '\r') {
      out += "\\r";
    } else if (p.cp < 0x20 || p.cp == 0x7F) {
      out += absl::StrFormat("\\x%02x", p.cp);
    } else if (IsUnsafeCodePoint(p.cp)) {
      out += absl::StrFormat("\\u%04x", p.cp);
    } else {
      out.append(s.substr(i, p.len));
    }
    i += p.len;
  }
  return out;
}

size_t DisplayWidth(std::string_view text) {
  size_t w = 0;
  for (size_t i = 0; i < text.size();) {
    const CodePoint p = DecodeAt(text, i);
    if (p.len == 0) {  // a stray byte shows as one replacement character
      ++w;
      ++i;
      continue;
    }
    w += CodePointWidth(p.cp);
    i += p.len;
  }
  return w;
}

std::string ShortenToWidth(std::string_view text, size_t width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  if (width == 0) return std::string();
  // Keep whole characters while they fit in width - 1, then add the ellipsis.
  size_t w = 0;
  size_t end = 0;
  for (size_t i = 0; i < text.size();) {
    const CodePoint p = DecodeAt(text, i);
    const size_t len = p.len == 0 ? 1 : p.len;
    const size_t cw = p.len == 0 ? 1 : CodePointWidth(p.cp);
    if (w + cw > width - 1) break;
    w += cw;
    i += len;
    end = i;
  }
  // Drop a trailing space so the ellipsis sits against the text.
  while (end > 0 && text[end - 1] == ' ') --end;
  return std::string(text.substr(0, end)) + "…";
}

std::vector<std::string> WrapToWidth(std::string_view text, size_t width) {
  std::vector<std::string> lines;
  if (width == 0 || DisplayWidth(text) <= width) {
    lines.emplace_back(text);
    return lines;
  }
  std::string line;
  size_t line_w = 0;
  size_t i = 0;
  while (i < text.size()) {
    // The next word (up to a space) with its width.
    size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(i, end - i);
    const size_t word_w = DisplayWidth(word);
    const size_t sep = line.empty() ? 0 : 1;
    if (line_w + sep + word_w <= width) {
      if (sep) line.push_back(' ');
      line.append(word);
      line_w += sep + word_w;
    } else if (word_w <= width) {
      lines.push_back(std::move(line));
      line.assign(word);
      line_w = word_w;
    } else {
      // A word longer than a line: fill the line, then break it at characters.
      if (!line.empty()) {
        lines.push_back(std::move(line));
        line.clear();
        line_w = 0;
      }
      for (size_t k = 0; k < word.size();) {
        const CodePoint p = DecodeAt(word, k);
        const size_t len = p.len == 0 ? 1 : p.len;
        const size_t cw = p.len == 0 ? 1 : CodePointWidth(p.cp);
        if (line_w + cw > width && !line.empty()) {
          lines.push_back(std::move(line));
          line.clear();
          line_w = 0;
        }
        line.append(word.substr(k, len));
        line_w += cw;
        k += len;
      }
    }
    i = end + 1;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string FormatForReading(double value, int decimals) {
  if (!std::isfinite(value)) return std::string();
  return FormatDutch(value, decimals);
}

std::string DimensionLabelNl(std::string_view name) {
  struct Label {
    std::string_view name, nl;
  };
  static constexpr Label kLabels[] = {
      {"age_group", "leeftijd"},   {"age", "leeftijd"},        {"form", "vorm"},
      {"measure", "maatregel"},    {"end_reason", "reden einde"}, {"group", "groep"},
      {"sector", "sector"},        {"outcome", "uitkomst"},    {"horizon", "termijn"},
      {"method", "methode"},       {"denominator", "noemer"},  {"gender", "geslacht"},
      {"sex", "geslacht"},         {"region", "regio"},        {"indicator", "indicator"},
      {"period", "periode"},       {"state", "toestand"},      {"provider", "aanbieder"},
  };
  for (const Label& l : kLabels) {
    if (l.name == name) return std::string(l.nl);
  }
  std::string out(name);
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  return out;
}

}  // namespace v1
}  // namespace zvdj
