// Every engine result as a zvdj::Table: the column lists are defined here once
// and shared by the command, the C API and the bindings.
#include <cmath>
#include <span>
#include <string>

#include "zvdj/cohort.hpp"
#include "zvdj/dataset.hpp"
#include "zvdj/indicators.hpp"
#include "zvdj/records_io.hpp"
#include "zvdj/statline.hpp"
#include "zvdj/survival.hpp"
#include "zvdj/table.hpp"

namespace zvdj {
inline namespace v1 {
namespace {

double Int(int64_t v) { return static_cast<double>(v); }

}  // namespace

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
  Table t;
  const size_t period = t.AddText("period", ColumnRole::kKey);
  const size_t region = t.AddText("region", ColumnRole::kKey);
  const size_t measure = t.AddText("measure", ColumnRole::kDimension);
  const size_t begin = t.AddInteger("begin");
  const size_t inflow = t.AddInteger("inflow");
  const size_t outflow = t.AddInteger("outflow");
  const size_t end = t.AddInteger("end");
  const size_t difference = t.AddInteger("difference");
  for (const ClosureRow& r : closure) {
    t.Text(period, r.period.ToString());
    t.Text(region, r.region);
    t.Text(measure, r.measure);
    t.Number(begin, Int(r.begin));
    t.Number(inflow, Int(r.inflow));
    t.Number(outflow, Int(r.outflow));
    t.Number(end, Int(r.end));
    t.Number(difference, Int(r.difference));
    t.EndRow();
  }
  return t;
}

Table ToTable(const Cohort& cohort, std::span<const CohortEstimate> rows,
              CohortTableLayout layout) {
  Table t;
  const bool groups = layout == CohortTableLayout::kGroups;
  const size_t group = groups ? t.AddText("group", ColumnRole::kKey) : 0;
  const size_t year = t.AddInteger(groups ? "year" : "year_of_18");
  const size_t region = t.AddText("region", ColumnRole::kKey);
  const size_t outcome = t.AddText("outcome", ColumnRole::kDimension);
  const size_t horizon = t.AddText("horizon", ColumnRole::kDimension);
  const size_t n_cohort = t.AddInteger("n_cohort");
  const size_t n_at_risk = t.AddInteger("n_at_risk");
  const size_t n_events = t.AddInteger("n_events");
  const size_t estimate = t.AddNumber("estimate");
  const size_t std_err = t.AddNumber("std_err");
  const size_t ci_low = t.AddNumber("ci_low");
  const size_t ci_high = t.AddNumber("ci_high");
  const size_t method = t.AddText("method", ColumnRole::kDimension);
  const size_t denominator = t.AddText("denominator", ColumnRole::kDimension);
  const size_t note = t.AddText("note");
  t.column(note).wrap_first = true;
  for (const CohortEstimate& e : rows) {
    const CohortGroup& g = cohort.groups[e.group];
    if (groups) t.Text(group, g.label);
    t.Number(year, g.year);
    t.Text(region, g.region);
    t.Text(outcome, e.outcome);
    t.Text(horizon, e.horizon);
    t.Number(n_cohort, Int(e.n_cohort));
    t.Number(n_at_risk, Int(e.n_at_risk));
    t.Number(n_events, Int(e.n_events));
    t.Number(estimate, e.estimate);
    t.Number(std_err, e.std_err);
    t.Number(ci_low, e.ci_low);
    t.Number(ci_high, e.ci_high);
    t.Text(method, std::string(CohortMethodName(e.method)));
    t.Text(denominator, std::string(DenominatorName(e.denominator)));
    t.Text(note, e.note);
    t.EndRow();
  }
  return t;
}

Table ToTable(std::span<const StateShare> shares) {
  Table t;
  const size_t group = t.AddText("group", ColumnRole::kKey);
  const size_t category = t.AddText("category", ColumnRole::kKey);
  const size_t count = t.AddInteger("count");
  const size_t total = t.AddInteger("group_total");
  const size_t share = t.AddNumber("share_pct");
  const size_t pp = t.AddNumber("pp_diff");
  for (const StateShare& s : shares) {
    t.Text(group, s.group);
    t.Text(category, s.category);
    t.Number(count, Int(s.count));
    t.Number(total, Int(s.group_total));
    t.Number(share, s.share_pct);
    t.Number(pp, s.pp_diff);
    t.EndRow();
  }
  return t;
}

Table ToTable(std::span<const SurvivalPoint> curve) {
  Table t;
  const size_t time = t.AddNumber("time");
  const size_t est = t.AddNumber("estimate");
  const size_t se = t.AddNumber("std_err");
  const size_t lo = t.AddNumber("ci_low");
  const size_t hi = t.AddNumber("ci_high");
  const size_t risk = t.AddInteger("n_at_risk");
  const size_t events = t.AddInteger("n_events");
  const size_t cens = t.AddInteger("n_censored_before");
  for (const SurvivalPoint& p : curve) {
    t.Number(time, p.time);
    t.Number(est, p.estimate);
    t.Number(se, p.std_err);
    t.Number(lo, p.ci_low);
    t.Number(hi, p.ci_high);
    t.Number(risk, Int(p.n_at_risk));
    t.Number(events, Int(p.n_events));
    t.Number(cens, Int(p.n_censored_before));
    t.EndRow();
  }
  return t;
}

Table ToTable(const LoadReport& report) {
  Table t;
  const size_t file = t.AddText("file", ColumnRole::kKey);
  const size_t line = t.AddInteger("line");
  const size_t column = t.AddInteger("column");
  const size_t reason = t.AddText("reason");
  t.column(reason).wrap_first = true;
  for (const SkippedRow& s : report.skipped) {
    t.Text(file, s.file);
    t.Number(line, static_cast<double>(s.line));
    t.Number(column, static_cast<double>(s.column));
    t.Text(reason, s.reason);
    t.EndRow();
  }
  return t;
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
