// Result tables declared as lists of columns: each column has a name, a kind,
// a role and a function that gives a row's cell, so that a result's columns
// are written once (the header and every row come from the same list). Used by
// the conversions of engine results to zvdj::Table (stats, publish).
#ifndef ZVDJ_STATS_TABLE_COLUMNS_H_
#define ZVDJ_STATS_TABLE_COLUMNS_H_

#include <cstddef>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "zvdj/table.hpp"

namespace zvdj::internal {

// One column of a result made of rows of type Row: its name, kind and role,
// and how a row gives its cell. A result's columns are then one list, read
// once for the header and once per row.
template <typename Row>
struct ColumnOf {
  std::string name;
  ColumnKind kind = ColumnKind::kText;
  ColumnRole role = ColumnRole::kValue;
  std::function<std::string(const Row&)> text;  // text columns
  std::function<std::optional<double>(const Row&)> number;  // numbers, counts
  bool wrap_first = false;
};

template <typename Row>
ColumnOf<Row> TextColumn(std::string name, ColumnRole role,
                         std::function<std::string(const Row&)> text) {
  return {std::move(name), ColumnKind::kText, role, std::move(text), nullptr};
}
template <typename Row>
ColumnOf<Row> NoteColumn(std::string name, std::function<std::string(const Row&)> text) {
  return {std::move(name), ColumnKind::kText, ColumnRole::kValue, std::move(text), nullptr,
          /*wrap_first=*/true};
}
template <typename Row>
ColumnOf<Row> NumberColumn(std::string name,
                           std::function<std::optional<double>(const Row&)> number) {
  return {std::move(name), ColumnKind::kNumber, ColumnRole::kValue, nullptr, std::move(number)};
}
template <typename Row>
ColumnOf<Row> IntegerColumn(std::string name,
                            std::function<std::optional<double>(const Row&)> count) {
  return {std::move(name), ColumnKind::kInteger, ColumnRole::kValue, nullptr, std::move(count)};
}

// Adds `columns` after those `t` has, then a row per element of `rows`;
// `before` (if set) writes the cells of the columns that were there already.
template <typename Row, typename Rows>
void AppendColumns(Table& t, const Rows& rows, const std::vector<ColumnOf<Row>>& columns,
                   const std::function<void(Table&, const Row&)>& before = nullptr) {
  const size_t first = t.columns().size();
  for (const ColumnOf<Row>& c : columns) {
    const size_t i = c.kind == ColumnKind::kText     ? t.AddText(c.name, c.role)
                     : c.kind == ColumnKind::kNumber ? t.AddNumber(c.name)
                                                     : t.AddInteger(c.name);
    Table::Column& column = t.column(i);
    column.wrap_first = c.wrap_first;
    // Reserved up front: the cells are moved in once, not again as a column grows.
    if (c.kind == ColumnKind::kText) {
      column.texts.reserve(t.rows() + std::size(rows));
    } else {
      column.numbers.reserve(t.rows() + std::size(rows));
    }
  }
  for (const Row& r : rows) {
    if (before) before(t, r);
    for (size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].kind == ColumnKind::kText) {
        t.Text(first + i, columns[i].text(r));
      } else {
        t.Number(first + i, columns[i].number(r));
      }
    }
    t.EndRow();
  }
}

template <typename Row, typename Rows>
Table TableOf(const Rows& rows, const std::vector<ColumnOf<Row>>& columns) {
  Table t;
  AppendColumns<Row>(t, rows, columns);
  return t;
}

}  // namespace zvdj::internal

#endif  // ZVDJ_STATS_TABLE_COLUMNS_H_
