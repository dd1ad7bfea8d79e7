// libzvdj result tables: every result of the library (trends, summaries,
// computed datasets, cohorts, survival curves, load reports, ...) converts to a
// zvdj::Table, and the table has the one set of writers: csv, json, Markdown
// and a terminal table.
//
//   #include "zvdj/table.hpp"
//   zvdj::Table t;
//   const size_t region = t.AddText("region", zvdj::ColumnRole::kKey);
//   const size_t age = t.AddText("age_group", zvdj::ColumnRole::kDimension);
//   const size_t value = t.AddNumber("value");
//   const size_t n = t.AddInteger("n_cohort");
//   t.Text(region, "NL01"); t.Text(age, "18-23"); t.Number(value, 10.5);
//   t.Number(n, 40); t.EndRow();
//   zvdj::WriteTable(t, zvdj::TableFormat::kCsv, std::cout);
//   zvdj::WriteTable(t, zvdj::TableFormat::kTable, std::cout, {.width = 100});
//
// Columns hold text or numbers. A missing number is NaN, missing text is "".
// Integer columns hold counts (whole numbers) so that bindings can return
// integers; they are numbers everywhere else.
//
// csv: header row of the column names, ',' separators, '.' decimals, numbers
//   in the shortest text that reads back to the same double, empty cells for
//   missing values, fields quoted when they hold ',', '"' or a line break.
// json: an array of objects with the column names as keys; numbers as numbers,
//   null for missing numbers and for empty text (empty key and dimension text
//   stays "": an empty dimension means "total").
// md / table: for readers. Headers are the columns' labels (names when no
//   label is set); numbers in Dutch notation with a readable number of
//   decimals ("4.790", "10,5", "0,105"); dimension columns folded into one
//   "Uitsplitsing" column that lists only the dimensions set in the row
//   ("leeftijd 18-23, vorm gezinsgericht", "totaal" when none is set), left out
//   when no row sets one. Control characters and invalid UTF-8 in any cell are
//   shown escaped ("\x1b"), never sent raw to a terminal. `table` aligns
//   columns by display width and fits `width` terminal columns by wrapping
//   the widest columns' cells over several lines (at spaces where possible,
//   otherwise at character boundaries); numbers are never broken. When the
//   table is too wide, number headers wrap first, then notes, then the other
//   text columns share the space so that the fewest lines wrap. A column
//   marked `footnote` shows markers ([1], [2], ...) in the table and its
//   distinct texts once below it.
#ifndef ZVDJ_TABLE_HPP_
#define ZVDJ_TABLE_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace zvdj {
inline namespace v1 {

// The kind of a column's values. The numbers are those of ZVDJ_COLUMN_* in
// zvdj.h.
enum class ColumnKind : uint8_t { kText = 0, kNumber = 1, kInteger = 2 };

// What a column means for the writers.
enum class ColumnRole : uint8_t {
  kValue,      // an ordinary value; empty text is missing (json null)
  kKey,        // identifies the row (indicator, region, period); "" stays ""
  kDimension,  // a breakdown dimension; "" means total; folded in md/table
};

class Table {
 public:
  struct Column {
    std::string name;
    ColumnKind kind = ColumnKind::kText;
    ColumnRole role = ColumnRole::kValue;
    // Header in md/table; the name when empty (dimensions: a Dutch label).
    std::string label;
    // md/table decimals of a number column; -1 chooses them from the values.
    int decimals = -1;
    // md/table: a text column of formatted numbers, aligned to the right.
    bool align_right = false;
    // table: narrowed before the other text columns when the table is too
    // wide (notes and other long free text).
    bool wrap_first = false;
    // table: each distinct non-empty cell is replaced by a marker ("[1]",
    // "[2]", ...) and the texts are listed once below the table ("[1] text"),
    // wrapped to the table's width: a note repeated on many rows costs one
    // line instead of a tall column. md keeps the cells as they are.
    bool footnote = false;
    // table: not a column but a heading line above the rows it covers (shown
    // again where the text changes), as wide as the table: a long name shared
    // by several rows takes one line instead of a wide or tall column. md
    // keeps it as a column.
    bool heading = false;
    std::vector<double> numbers;     // number and integer columns
    std::vector<std::string> texts;  // text columns

    bool numeric() const { return kind != ColumnKind::kText; }
  };

  // Adds a column and returns its index. Add every column before the first row.
  size_t AddText(std::string name, ColumnRole role = ColumnRole::kValue);
  size_t AddNumber(std::string name);
  size_t AddInteger(std::string name);
  Column& column(size_t index) { return columns_[index]; }

  // The next cell of a column: call once per column, then EndRow().
  void Text(size_t column, std::string value) {
    columns_[column].texts.push_back(std::move(value));
  }
  void Number(size_t column, double value) { columns_[column].numbers.push_back(value); }
  // Missing (NaN) when unset or not finite.
  void Number(size_t column, const std::optional<double>& value);
  void EndRow() { ++rows_; }

  size_t rows() const { return rows_; }
  const std::vector<Column>& columns() const { return columns_; }
  // The column with this name; NotFound listing the columns otherwise.
  absl::StatusOr<const Column*> Find(std::string_view name) const;
  // Index of the column with this name, or -1.
  int64_t IndexOf(std::string_view name) const;
  // A cell as csv shows it: numbers in shortest plain form, "" when missing.
  std::string Cell(const Column& column, size_t row) const;
  // The table as csv text.
  std::string ToCsv() const;

 private:
  std::vector<Column> columns_;
  size_t rows_ = 0;
};

enum class TableFormat : uint8_t { kCsv, kJson, kMarkdown, kTable };

struct TableWriteOptions {
  // `table`: the widest line, in terminal columns (0 = no limit).
  size_t width = 160;
  // md/table: fold the dimension columns into one breakdown column; when
  // false, each dimension set in some row gets its own column.
  bool breakdown = true;
};

// Writes `table` in `format`. Writing errors are left in the stream's state.
void WriteTable(const Table& table, TableFormat format, std::ostream& out,
                const TableWriteOptions& options = {});
std::string TableToString(const Table& table, TableFormat format,
                          const TableWriteOptions& options = {});

// ---- The text helpers behind the writers (the only ones in the library) ----

// A JSON string literal with its quotes: `"a\"b"`, control characters as \n,
// \t, \r or \u00XX.
std::string JsonQuote(std::string_view text);

// Text safe to print on a terminal: control characters (C0, DEL, C1),
// bidirectional overrides and bytes that are not UTF-8 are shown escaped
// ("\x1b", "\n", "\u202e"); everything else is kept. For table cells and for
// messages that quote input.
std::string TerminalSafe(std::string_view text);

// Display width of UTF-8 text in a terminal (code points; combining marks 0,
// East Asian wide characters 2).
size_t DisplayWidth(std::string_view text);

// `text` cut to at most `width` display columns at a character boundary, with
// "…" at the end when it was cut.
std::string ShortenToWidth(std::string_view text, size_t width);

// `text` in lines of at most `width` display columns: broken at spaces where
// possible, inside a word (at a character boundary) where not.
std::vector<std::string> WrapToWidth(std::string_view text, size_t width);

// A number for readers: Dutch notation with `decimals` digits ("4.790",
// "10,5", "−0,3"); "" for NaN.
std::string FormatForReading(double value, int decimals);

// The Dutch label of a dimension or column name: "age_group" -> "leeftijd",
// "form" -> "vorm", "end_reason" -> "reden einde"; other names with '_' shown
// as a space.
std::string DimensionLabelNl(std::string_view name);

// CSV quoting of one field when it needs it (separator, quote, newline).
std::string CsvEscape(std::string_view field);

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_TABLE_HPP_
