// Every engine result as a zvdj::Table: the column lists are defined here once
// and shared by the command, the C API and the bindings.
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "zvdj/cohort.hpp"
#include "zvdj/dataset.hpp"
#include "zvdj/indicators.hpp"
#include "zvdj/records_io.hpp"
#include "zvdj/statline.hpp"
#include "zvdj/survival.hpp"
#include "zvdj/stats/table_columns.h"
#include "zvdj/table.hpp"

namespace zvdj {
inline namespace v1 {

using internal::ColumnOf;
using internal::IntegerColumn;
using internal::NoteColumn;
using internal::NumberColumn;
using internal::TableOf;
using internal::TextColumn;
Table ToTable(const Dataset& ds) {
  Table t;
  bool any_note = false;
  for (size_t r = 0; r < ds.size() && !any_note; ++r) any_note = !ds.note(r).empty();
  const size_t indicator = t.AddText("indicator", ColumnRole::kKey);
  const size_t period = t.AddText("period", ColumnRole::kKey);
  const size_t region = t.AddText("region", ColumnRole::kKey);
  const size_t n_dims = ds.dimension_names().size();
  const size_t first_dim = t.columns().size();
  for (const std::string& d : ds.dimension_names()) t.AddText(d, ColumnRole::kDimension);
  const size_t value = t.AddNumber("value");
  // "" is a definitive value, not a missing status.
  const size_t status = t.AddText("status", ColumnRole::kKey);
  const size_t note = any_note ? t.AddText("note") : 0;
  if (any_note) t.column(note).wrap_first = true;
  for (size_t r = 0; r < ds.size(); ++r) {
    t.Text(indicator, std::string(ds.indicator(r)));
    t.Text(period, ds.period(r).ToString());
    t.Text(region, std::string(ds.region(r)));
    for (size_t d = 0; d < n_dims; ++d) t.Text(first_dim + d, std::string(ds.dimension(r, d)));
    t.Number(value, HasValue(ds.status(r)) ? ds.value(r) : std::nan(""));
    t.Text(status, std::string(StatusSymbol(ds.status(r))));
    if (any_note) t.Text(note, std::string(ds.note(r)));
    t.EndRow();
  }
  return t;
}

Table ToTable(std::span<const ClosureRow> closure) {
  using R = ClosureRow;
  return TableOf<R>(closure, {
      TextColumn<R>("period", ColumnRole::kKey, [](const R& r) { return r.period.ToString(); }),
      TextColumn<R>("region", ColumnRole::kKey, [](const R& r) { return r.region; }),
      TextColumn<R>("measure", ColumnRole::kDimension, [](const R& r) { return r.measure; }),
      IntegerColumn<R>("begin", [](const R& r) { return r.begin; }),
      IntegerColumn<R>("inflow", [](const R& r) { return r.inflow; }),
      IntegerColumn<R>("outflow", [](const R& r) { return r.outflow; }),
      IntegerColumn<R>("end", [](const R& r) { return r.end; }),
      IntegerColumn<R>("difference", [](const R& r) { return r.difference; }),
  });
}

Table ToTable(const Cohort& cohort, std::span<const CohortEstimate> rows,
              CohortTableLayout layout) {
  using R = CohortEstimate;
  const auto group = [&cohort](const R& e) -> const CohortGroup& { return cohort.groups[e.group]; };
  std::vector<ColumnOf<R>> columns;
  const bool groups = layout == CohortTableLayout::kGroups;
  if (groups) {
    columns.push_back(
        TextColumn<R>("group", ColumnRole::kKey, [=](const R& e) { return group(e).label; }));
  }
  columns.push_back(IntegerColumn<R>(groups ? "year" : "year_of_18",
                                     [=](const R& e) { return group(e).year; }));
  columns.push_back(
      TextColumn<R>("region", ColumnRole::kKey, [=](const R& e) { return group(e).region; }));
  columns.insert(columns.end(), {
      TextColumn<R>("outcome", ColumnRole::kDimension, [](const R& e) { return e.outcome; }),
      TextColumn<R>("horizon", ColumnRole::kDimension, [](const R& e) { return e.horizon; }),
      IntegerColumn<R>("n_cohort", [](const R& e) { return e.n_cohort; }),
      IntegerColumn<R>("n_at_risk", [](const R& e) { return e.n_at_risk; }),
      IntegerColumn<R>("n_events", [](const R& e) { return e.n_events; }),
      NumberColumn<R>("estimate", [](const R& e) { return e.estimate; }),
      NumberColumn<R>("std_err", [](const R& e) { return e.std_err; }),
      NumberColumn<R>("ci_low", [](const R& e) { return e.ci_low; }),
      NumberColumn<R>("ci_high", [](const R& e) { return e.ci_high; }),
      TextColumn<R>("method", ColumnRole::kDimension,
                    [](const R& e) { return std::string(CohortMethodName(e.method)); }),
      TextColumn<R>("denominator", ColumnRole::kDimension,
                    [](const R& e) { return std::string(DenominatorName(e.denominator)); }),
      NoteColumn<R>("note", [](const R& e) { return e.note; }),
  });
  return TableOf<R>(rows, columns);
}

Table ToTable(std::span<const StateShare> shares) {
  using R = StateShare;
  return TableOf<R>(shares, {
      TextColumn<R>("group", ColumnRole::kKey, [](const R& s) { return s.group; }),
      TextColumn<R>("category", ColumnRole::kKey, [](const R& s) { return s.category; }),
      IntegerColumn<R>("count", [](const R& s) { return s.count; }),
      IntegerColumn<R>("group_total", [](const R& s) { return s.group_total; }),
      NumberColumn<R>("share_pct", [](const R& s) { return s.share_pct; }),
      NumberColumn<R>("pp_diff", [](const R& s) { return s.pp_diff; }),
  });
}

Table ToTable(std::span<const SurvivalPoint> curve) {
  using R = SurvivalPoint;
  return TableOf<R>(curve, {
      NumberColumn<R>("time", [](const R& p) { return p.time; }),
      NumberColumn<R>("estimate", [](const R& p) { return p.estimate; }),
      NumberColumn<R>("std_err", [](const R& p) { return p.std_err; }),
      NumberColumn<R>("ci_low", [](const R& p) { return p.ci_low; }),
      NumberColumn<R>("ci_high", [](const R& p) { return p.ci_high; }),
      IntegerColumn<R>("n_at_risk", [](const R& p) { return p.n_at_risk; }),
      IntegerColumn<R>("n_events", [](const R& p) { return p.n_events; }),
      IntegerColumn<R>("n_censored_before", [](const R& p) { return p.n_censored_before; }),
  });
}

Table ToTable(const LoadReport& report) {
  using R = SkippedRow;
  return TableOf<R>(report.skipped, {
      TextColumn<R>("file", ColumnRole::kKey, [](const R& s) { return s.file; }),
      IntegerColumn<R>("line", [](const R& s) { return static_cast<int64_t>(s.line); }),
      IntegerColumn<R>("column", [](const R& s) { return static_cast<int64_t>(s.column); }),
      NoteColumn<R>("reason", [](const R& s) { return s.reason; }),
  });
}

Table ToTable(const StatLineReport& r) {
  Table t;
  const size_t item = t.AddText("item", ColumnRole::kKey);
  const size_t key = t.AddText("key", ColumnRole::kKey);
  const size_t count = t.AddInteger("count");
  const auto add = [&](const char* what, const std::string& k, double n) {
    t.Text(item, what);
    t.Text(key, k);
    t.Number(count, n);
    t.EndRow();
  };
  for (const std::string& f : r.files) add("file", f, std::nan(""));
  for (const std::string& tb : r.tables) add("table", tb, std::nan(""));
  add("cells", "", static_cast<double>(r.cells));
  add("observations", "", static_cast<double>(r.observations));
  for (const auto& [k, n] : r.unmapped_topics) add("unmapped_topic", k, static_cast<double>(n));
  for (const auto& [k, n] : r.unmapped_categories) {
    add("unmapped_category", k, static_cast<double>(n));
  }
  for (const std::string& w : r.warnings) add("warning", w, std::nan(""));
  return t;
}

}  // namespace v1
}  // namespace zvdj
