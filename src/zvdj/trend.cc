#include "zvdj/trend.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace zvdj {
inline namespace v1 {

// ---- Change primitives ----------------------------------------------------

namespace {

// Decimals with which `x` is written in its shortest form (97.7 -> 1, 4790 ->
// 0), or -1 when it needs more than 9 (a computed ratio, say).
int ShortDecimals(double x) noexcept {
  double scale = 1;
  for (int d = 0; d <= 9; ++d, scale *= 10) {
    const double scaled = x * scale;
    if (std::fabs(scaled - std::nearbyint(scaled)) <= 1e-12 * std::max(1.0, std::fabs(scaled))) {
      return d;
    }
  }
  return -1;
}

// to - from in decimal arithmetic at the inputs' precision: two figures
// published with one decimal differ by a number with one decimal (97.7 -> 97.5
// is -0.2, not -0.20000000000000284). Unrounded when either input has no
// short decimal form.
double DecimalDifference(double from, double to) noexcept {
  const double diff = to - from;
  const int a = ShortDecimals(from), b = ShortDecimals(to);
  if (a < 0 || b < 0 || !std::isfinite(diff)) return diff;
  const double scale = std::pow(10.0, std::max(a, b));
  return std::nearbyint(diff * scale) / scale;
}

}  // namespace

double AbsoluteChange(double from, double to) noexcept { return DecimalDifference(from, to); }

std::optional<double> RelativeChangePct(double from, double to) noexcept {
  if (from == 0) return std::nullopt;
  return 100.0 * (to - from) / from;
}

double PercentagePointChange(double from, double to) noexcept {
  return DecimalDifference(from, to);
}

std::optional<double> PercentagePointChangeFor(Unit unit, double from, double to) noexcept {
  if (unit != Unit::kPercentage) return std::nullopt;
  return PercentagePointChange(from, to);
}

std::optional<double> IndexNumber(double base, double value) noexcept {
  if (base == 0) return std::nullopt;
  return 100.0 * value / base;
}

Rate Cagr(double first, double last, double years) {
  Rate r;
  if (!(years > 0)) {
    r.reason = "no time between the first and last value";
  } else if (first == 0) {
    r.reason = "the first value is 0";
  } else if ((first < 0) != (last < 0) && last != 0) {
    r.reason = "the values change sign";
  } else {
    r.value = std::pow(last / first, 1.0 / years) - 1.0;
  }
  return r;
}

Rate CagrBetween(Period from, Period to, double first, double last) {
  if (from.kind() != to.kind()) return {std::nullopt, "periods of different kinds"};
  return Cagr(first, last, Period::YearsBetween(from, to));
}

SpanChange ChangeOverSpan(Unit unit, Period from, Period to, double first, double last) {
  SpanChange c;
  c.abs_change = AbsoluteChange(first, last);
  c.rel_change_pct = RelativeChangePct(first, last);
  c.pp_change = PercentagePointChangeFor(unit, first, last);
  c.years = from.kind() == to.kind() ? Period::YearsBetween(from, to) : 0.0;
  c.cagr = CagrBetween(from, to, first, last);
  return c;
}

namespace {

double Median(std::vector<double>& v) {
  const size_t n = v.size();
  const size_t mid = n / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  const double hi = v[mid];
  if (n % 2 == 1) return hi;
  const double lo = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid));
  return (lo + hi) / 2.0;
}

int Sign(double d) { return (d > 0) - (d < 0); }

int64_t KendallS(const double* x, size_t n, int64_t* concordant) {
  int64_t s = 0, c = 0;
  for (size_t i = 0; i + 1 < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      const int sg = Sign(x[j] - x[i]);
      s += sg;
      c += sg > 0;
    }
  }
  if (concordant) *concordant = c;
  return s;
}

constexpr int kExactMax = 10;

// Mahonian numbers: permutations of n with k inversions, n <= 10 (10! fits easily).
const std::vector<double>& InversionCounts(int n) {
  static const auto* const kTable = [] {
    auto* t = new std::array<std::vector<double>, kExactMax + 1>();
    (*t)[0] = {1};
    (*t)[1] = {1};
    for (int m = 2; m <= kExactMax; ++m) {
      const auto& prev = (*t)[static_cast<size_t>(m - 1)];
      std::vector<double> cur(prev.size() + static_cast<size_t>(m - 1), 0.0);
      for (size_t k = 0; k < prev.size(); ++k) {
        for (int add = 0; add < m; ++add) cur[k + static_cast<size_t>(add)] += prev[k];
      }
      (*t)[static_cast<size_t>(m)] = std::move(cur);
    }
    return t;
  }();
  return (*kTable)[static_cast<size_t>(n)];
}

using Poly = std::vector<double>;

Poly Multiply(const Poly& a, const Poly& b) {
  Poly out(a.size() + b.size() - 1, 0.0);
  for (size_t i = 0; i < a.size(); ++i) {
    for (size_t j = 0; j < b.size(); ++j) out[i + j] += a[i] * b[j];
  }
  return out;
}

// Gaussian binomial [m choose r]_q as coefficients of q^0 .. q^(r(m-r)).
Poly GaussianBinomial(int m, int r) {
  // g[j][k]: [j choose k]_q, by [j, k] = [j-1, k-1] + q^k [j-1, k].
  std::vector<std::vector<Poly>> g(static_cast<size_t>(m + 1));
  for (int j = 0; j <= m; ++j) {
    g[static_cast<size_t>(j)].resize(static_cast<size_t>(std::min(j, r) + 1));
    for (int k = 0; k <= std::min(j, r); ++k) {
      Poly& cur = g[static_cast<size_t>(j)][static_cast<size_t>(k)];
      if (k == 0 || k == j) {
        cur = {1.0};
        continue;
      }
      const Poly& a = g[static_cast<size_t>(j - 1)][static_cast<size_t>(k - 1)];
      const Poly& b = g[static_cast<size_t>(j - 1)][static_cast<size_t>(k)];
      cur.assign(std::max(a.size(), b.size() + static_cast<size_t>(k)), 0.0);
      for (size_t i = 0; i < a.size(); ++i) cur[i] += a[i];
      for (size_t i = 0; i < b.size(); ++i) cur[i + static_cast<size_t>(k)] += b[i];
    }
  }
  return g[static_cast<size_t>(m)][static_cast<size_t>(r)];
}

// Exact two-sided p for data with ties: every distinct arrangement of the
// observed values is equally likely under H0 (each stands for prod(t!)
// orderings). The number of arrangements with k inversions is the coefficient
// of q^k in the q-multinomial [n; t_1, ..., t_m]_q, and S = n0 - n_tied - 2k.
double ExactTiedP(const std::vector<int>& group_sizes, int64_t pairs_untied, int64_t s_obs) {
  Poly dist = {1.0};
  int total = 0;
  for (int t : group_sizes) {
    total += t;
    dist = Multiply(dist, GaussianBinomial(total, t));
  }
  const int64_t a = s_obs < 0 ? -s_obs : s_obs;
  double hits = 0, all = 0;
  for (size_t k = 0; k < dist.size(); ++k) {
    const int64_t s = pairs_untied - 2 * static_cast<int64_t>(k);
    all += dist[k];
    if ((s < 0 ? -s : s) >= a) hits += dist[k];
  }
  return hits / all;
}

}  // namespace

std::optional<double> TheilSenSlope(const std::vector<double>& t, const std::vector<double>& x) {
  const size_t n = std::min(t.size(), x.size());
  std::vector<double> slopes;
  slopes.reserve(n * (n - (n > 0)) / 2);
  for (size_t i = 0; i + 1 < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (t[j] != t[i]) slopes.push_back((x[j] - x[i]) / (t[j] - t[i]));
    }
  }
  if (slopes.empty()) return std::nullopt;
  return Median(slopes);
}

std::string_view MannKendallMethodName(MannKendallMethod m) noexcept {
  switch (m) {
    case MannKendallMethod::kExact: return "exact";
    case MannKendallMethod::kExactPermutation: return "exact_permutation";
    case MannKendallMethod::kNormalApprox: return "normal_cc";
  }
  return "?";
}

std::optional<MannKendall> MannKendallTest(const std::vector<double>& x) {
  const size_t n = x.size();
  if (n < 3) return std::nullopt;
  MannKendall mk;
  mk.n = static_cast<int>(n);
  mk.s = KendallS(x.data(), n, &mk.concordant);

  // Tie groups.
  std::vector<double> sorted = x;
  std::sort(sorted.begin(), sorted.end());
  double tie_pairs = 0, tie_var = 0;
  bool ties = false;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && sorted[j] == sorted[i]) ++j;
    const double t = static_cast<double>(j - i);
    if (t > 1) {
      ties = true;
      tie_pairs += t * (t - 1) / 2;
      tie_var += t * (t - 1) * (2 * t + 5);
    }
    i = j;
  }
  const double nd = static_cast<double>(n);
  const double n0 = nd * (nd - 1) / 2;
  mk.var_s = (nd * (nd - 1) * (2 * nd + 5) - tie_var) / 18.0;
  const double denom = std::sqrt((n0 - tie_pairs) * n0);
  mk.tau = denom > 0 ? static_cast<double>(mk.s) / denom : 0.0;
  const int64_t abs_s = mk.s < 0 ? -mk.s : mk.s;

  if (n <= static_cast<size_t>(kExactMax) && !ties) {
    mk.method = MannKendallMethod::kExact;
    const auto& counts = InversionCounts(static_cast<int>(n));
    double hits = 0, total = 0;
    const auto n0i = static_cast<int64_t>(n0);
    for (size_t k = 0; k < counts.size(); ++k) {
      const int64_t s = n0i - 2 * static_cast<int64_t>(k);
      total += counts[k];
      if ((s < 0 ? -s : s) >= abs_s) hits += counts[k];
    }
    mk.p_value = hits / total;
  } else if (n <= static_cast<size_t>(kExactMax)) {
    mk.method = MannKendallMethod::kExactPermutation;
    std::vector<int> groups;
    for (size_t i = 0; i < n;) {
      size_t j = i;
      while (j < n && sorted[j] == sorted[i]) ++j;
      groups.push_back(static_cast<int>(j - i));
      i = j;
    }
    mk.p_value = ExactTiedP(groups, static_cast<int64_t>(n0 - tie_pairs), mk.s);
  } else {
    mk.method = MannKendallMethod::kNormalApprox;
    if (mk.var_s <= 0 || mk.s == 0) {
      mk.p_value = 1.0;
    } else {
      const double z = static_cast<double>(abs_s - 1) / std::sqrt(mk.var_s);
      mk.p_value = std::min(1.0, std::erfc(z / std::sqrt(2.0)));
    }
  }
  return mk;
}

std::string TrendFlagsString(uint32_t flags) {
  static constexpr std::pair<uint32_t, const char*> kNames[] = {
      {kFlagProvisionalMix, "provisional_mix"},
      {kFlagProvisional, "provisional"},
      {kFlagNoPredecessor, "no_predecessor"},
      {kFlagNoValue, "no_value"},
      {kFlagBreak, "break"},
      {kFlagZeroBase, "zero_base"},
      {kFlagSegment, "segment_after_break"},
      {kFlagProvisionalFirst, "provisional_first"},
      {kFlagProvisionalLast, "provisional_last"},
  };
  std::string out;
  for (const auto& [bit, name] : kNames) {
    if (flags & bit) {
      if (!out.empty()) out.push_back(';');
      out += name;
    }
  }
  return out;
}

Unit UnitFor(const Catalogue& catalogue, std::string_view indicator) {
  if (const IndicatorDef* def = catalogue.Find(indicator)) return def->unit;
  constexpr std::string_view kPct = "_pct";
  if (indicator.size() >= kPct.size() &&
      indicator.substr(indicator.size() - kPct.size()) == kPct) {
    return Unit::kPercentage;
  }
  return Unit::kCount;
}

// ---- Series grouping ---------------------------------------------------------

namespace {

std::string StatusWord(ValueStatus s) {
  switch (s) {
    case ValueStatus::kUnknown: return "status '.': unknown";
    case ValueStatus::kSecret: return "status 'x': secret";
    case ValueStatus::kImpossible: return "impossible (empty value)";
    default: return std::string("status '") + std::string(StatusSymbol(s)) + "'";
  }
}

void AppendNote(std::string* note, std::string_view text) {
  if (!note->empty()) note->append("; ");
  note->append(text);
}

bool InRange(Period p, const TrendOptions& o) {
  if (o.from) {
    if (o.from->kind() == p.kind() ? p < *o.from : p.first_day() < o.from->first_day()) {
      return false;
    }
  }
  if (o.to) {
    if (o.to->kind() == p.kind() ? *o.to < p : o.to->last_day() < p.last_day()) return false;
  }
  return true;
}

struct Grouped {
  std::vector<TrendSeries> series;
  std::vector<Dimensions> series_dims;  // non-total dims, for break/direction lookups
  std::vector<uint32_t> start;          // rows of series s: order[start[s] .. start[s+1])
  std::vector<uint32_t> order;          // dataset rows, chronological within each series
};

Grouped GroupSeries(const Dataset& ds, const Catalogue& catalogue) {
  Grouped g;
  uint32_t base_count = 0;
  const std::vector<uint32_t> base_ids = ds.SeriesIds(&base_count);
  constexpr size_t kKinds = 6;
  std::vector<std::array<int32_t, kKinds>> split(base_count);
  for (auto& a : split) a.fill(-1);
  std::vector<uint32_t> sid(ds.size());
  std::vector<uint32_t> counts;
  struct DefCache {
    const IndicatorDef* def;
    Unit unit;
  };
  absl::flat_hash_map<std::string, DefCache> defs;
  const size_t n_dims = ds.dimension_names().size();
  for (size_t row = 0; row < ds.size(); ++row) {
    const auto kind = static_cast<size_t>(ds.period(row).kind());
    int32_t& id = split[base_ids[row]][kind];
    if (id < 0) {
      id = static_cast<int32_t>(g.series.size());
      TrendSeries s;
      s.indicator = std::string(ds.indicator(row));
      s.region = std::string(ds.region(row));
      s.dims.reserve(n_dims);
      for (size_t d = 0; d < n_dims; ++d) s.dims.emplace_back(ds.dimension(row, d));
      s.period_kind = ds.period(row).kind();
      auto it = defs.find(s.indicator);
      if (it == defs.end()) {
        it = defs.emplace(s.indicator, DefCache{catalogue.Find(s.indicator),
                                                UnitFor(catalogue, s.indicator)})
                 .first;
      }
      s.unit = it->second.unit;
      Dimensions dims = ds.dimensions(row);
      s.direction = it->second.def ? catalogue.DirectionFor(s.indicator, dims) : Direction::kNone;
      g.series.push_back(std::move(s));
      g.series_dims.push_back(std::move(dims));
      counts.push_back(0);
    }
    sid[row] = static_cast<uint32_t>(id);
    ++counts[static_cast<size_t>(id)];
  }
  g.start.assign(g.series.size() + 1, 0);
  for (size_t s = 0; s < g.series.size(); ++s) g.start[s + 1] = g.start[s] + counts[s];
  g.order.resize(ds.size());
  std::vector<uint32_t> fill(g.start.begin(), g.start.end() - 1);
  for (size_t row = 0; row < ds.size(); ++row) g.order[fill[sid[row]]++] = static_cast<uint32_t>(row);
  for (size_t s = 0; s < g.series.size(); ++s) {
    auto b = g.order.begin() + g.start[s], e = g.order.begin() + g.start[s + 1];
    auto by_period = [&ds](uint32_t a, uint32_t c) { return ds.period(a) < ds.period(c); };
    if (!std::is_sorted(b, e, by_period)) std::sort(b, e, by_period);
  }
  return g;
}

std::optional<double> ValueOf(const Dataset& ds, size_t row) {
  if (!HasValue(ds.status(row))) return std::nullopt;
  return ds.value(row);
}

std::string BreakNote(const SeriesBreak& b) {
  std::string s = absl::StrFormat("series break between %s and %s", b.before.ToString(),
                                  b.after.ToString());
  if (!b.reason.empty()) absl::StrAppend(&s, ": ", b.reason);
  return s;
}

}  // namespace

namespace {

// Appends the in-range rows of series `s` of `g` to `rows` (with `series_index`).
void SeriesRows(const Dataset& ds, const Grouped& g, size_t s, const BreakRegister& breaks,
                const TrendOptions& options, uint32_t series_index,
                std::vector<TrendRow>* rows) {
  const bool check_breaks = !breaks.empty();
  {
    const TrendSeries& series = g.series[s];
    const Dimensions& dims = g.series_dims[s];
    const uint32_t begin = g.start[s], end = g.start[s + 1];
    // Index base: the given base period (same kind only) or the first period in
    // range with a value.
    std::optional<uint32_t> base_row;
    if (options.base) {
      if (options.base->kind() == series.period_kind) {
        for (uint32_t k = begin; k < end; ++k) {
          if (ds.period(g.order[k]) == *options.base && HasValue(ds.status(g.order[k]))) {
            base_row = g.order[k];
          }
        }
      }
    } else {
      for (uint32_t k = begin; k < end && !base_row; ++k) {
        const uint32_t r = g.order[k];
        if (InRange(ds.period(r), options) && HasValue(ds.status(r))) base_row = r;
      }
    }
    for (uint32_t k = begin; k < end; ++k) {
      const uint32_t row = g.order[k];
      const Period p = ds.period(row);
      if (!InRange(p, options)) continue;
      TrendRow tr;
      tr.series = series_index;
      tr.period = p;
      tr.status = ds.status(row);
      tr.value = ValueOf(ds, row);
      const Period pred = p.Predecessor();
      tr.prev_period = pred;
      std::optional<uint32_t> prev_row;
      if (k > begin && ds.period(g.order[k - 1]) == pred) prev_row = g.order[k - 1];
      if (prev_row) {
        tr.prev_status = ds.status(*prev_row);
        tr.prev_value = ValueOf(ds, *prev_row);
      }
      if (!prev_row) {
        tr.flags |= kFlagNoPredecessor;
        tr.note = "no value for " + pred.ToString();
      } else if (!tr.value || !tr.prev_value) {
        tr.flags |= kFlagNoValue;
        if (!tr.value) {
          AppendNote(&tr.note, absl::StrFormat("no number for %s (%s)", p.ToString(),
                                               StatusWord(tr.status)));
        }
        if (!tr.prev_value) {
          AppendNote(&tr.note, absl::StrFormat("no number for %s (%s)", pred.ToString(),
                                               StatusWord(*tr.prev_status)));
        }
      } else if (const SeriesBreak* b =
                     check_breaks ? breaks.Blocking(series.indicator, series.region, dims,
                                                    pred, p)
                                  : nullptr) {
        tr.flags |= kFlagBreak;
        tr.note = BreakNote(*b);
      } else {
        const double a = *tr.prev_value, v = *tr.value;
        tr.abs_change = AbsoluteChange(a, v);
        tr.rel_change_pct = RelativeChangePct(a, v);
        tr.pp_change = PercentagePointChangeFor(series.unit, a, v);
        if (!tr.rel_change_pct) {
          tr.flags |= kFlagZeroBase;
          tr.note = "relative change undefined: " + pred.ToString() + " is 0";
        }
        const bool prov_now = IsProvisional(tr.status), prov_prev = IsProvisional(*tr.prev_status);
        if (prov_now != prov_prev) {
          tr.flags |= kFlagProvisionalMix;
          AppendNote(&tr.note, absl::StrFormat(
                                   "change between a provisional (%s) and a definitive (%s) value",
                                   prov_now ? p.ToString() : pred.ToString(),
                                   prov_now ? pred.ToString() : p.ToString()));
        } else if (prov_now) {
          tr.flags |= kFlagProvisional;
          AppendNote(&tr.note, "both values provisional");
        }
      }
      if (tr.value && base_row &&
          (!check_breaks || breaks.Blocking(series.indicator, series.region, dims,
                                            std::min(ds.period(*base_row), p),
                                            std::max(ds.period(*base_row), p)) == nullptr)) {
        tr.index = IndexNumber(ds.value(*base_row), *tr.value);
      }
      rows->push_back(std::move(tr));
    }
  }
}

}  // namespace

TrendTable ComputeTrendRows(const Dataset& ds, const Catalogue& catalogue,
                            const BreakRegister& breaks, const TrendOptions& options) {
  Grouped g = GroupSeries(ds, catalogue);
  TrendTable out;
  out.dimension_names = ds.dimension_names();
  out.rows.reserve(ds.size());
  for (size_t s = 0; s < g.series.size(); ++s) {
    const size_t before = out.rows.size();
    SeriesRows(ds, g, s, breaks, options, static_cast<uint32_t>(out.series.size()), &out.rows);
    if (out.rows.size() > before) out.series.push_back(std::move(g.series[s]));
  }
  return out;
}

void ForEachSeriesTrend(const Dataset& ds, const Catalogue& catalogue,
                        const BreakRegister& breaks, const TrendOptions& options,
                        const std::function<void(const TrendSeries&,
                                                 const std::vector<TrendRow>&)>& sink) {
  Grouped g = GroupSeries(ds, catalogue);
  std::vector<TrendRow> rows;
  for (size_t s = 0; s < g.series.size(); ++s) {
    rows.clear();
    SeriesRows(ds, g, s, breaks, options, 0, &rows);
    if (!rows.empty()) sink(g.series[s], rows);
  }
}

SummaryTable ComputeTrendSummaries(const Dataset& ds, const Catalogue& catalogue,
                                   const BreakRegister& breaks, const TrendOptions& options) {
  Grouped g = GroupSeries(ds, catalogue);
  SummaryTable out;
  out.dimension_names = ds.dimension_names();
  out.summaries.reserve(g.series.size());
  std::vector<uint32_t> vals;
  std::vector<double> t, x;
  for (size_t s = 0; s < g.series.size(); ++s) {
    const TrendSeries& series = g.series[s];
    const Dimensions& dims = g.series_dims[s];
    vals.clear();
    bool any_in_range = false;
    size_t skipped = 0;
    for (uint32_t k = g.start[s]; k < g.start[s + 1]; ++k) {
      const uint32_t row = g.order[k];
      if (!InRange(ds.period(row), options)) continue;
      any_in_range = true;
      if (HasValue(ds.status(row))) {
        vals.push_back(row);
      } else {
        ++skipped;
      }
    }
    if (!any_in_range) continue;
    TrendSummary sum;
    sum.series = static_cast<uint32_t>(out.series.size());
    out.series.push_back(series);
    if (vals.empty()) {
      sum.note = "no period with a number";
      out.summaries.push_back(std::move(sum));
      continue;
    }
    // Latest unbroken segment: the earliest value row comparable with the last.
    const Period last_p = ds.period(vals.back());
    size_t first_k = vals.size() - 1;
    const SeriesBreak* cut = nullptr;
    if (!breaks.empty()) {
      while (first_k > 0) {
        const SeriesBreak* b = breaks.Blocking(series.indicator, series.region, dims,
                                               ds.period(vals[first_k - 1]), last_p);
        if (b) {
          cut = b;
          break;
        }
        --first_k;
      }
    } else {
      first_k = 0;
    }
    const uint32_t first_row = vals[first_k], last_row = vals.back();
    sum.first_period = ds.period(first_row);
    sum.last_period = last_p;
    sum.first_value = ds.value(first_row);
    sum.last_value = ds.value(last_row);
    sum.n_periods = static_cast<int>(vals.size() - first_k);
    if (cut) {
      sum.flags |= kFlagSegment;
      AppendNote(&sum.note, BreakNote(*cut) + "; summary covers " + sum.first_period->ToString() +
                                "-" + last_p.ToString() + " only");
    }
    if (skipped > 0) {
      AppendNote(&sum.note, absl::StrFormat("%d period(s) without a number skipped", skipped));
    }
    if (IsProvisional(ds.status(first_row))) {
      sum.flags |= kFlagProvisionalFirst;
      AppendNote(&sum.note, "first value provisional");
    }
    if (IsProvisional(ds.status(last_row))) {
      sum.flags |= kFlagProvisionalLast;
      AppendNote(&sum.note, "last value provisional");
    }
    if (sum.n_periods < 2) {
      AppendNote(&sum.note, "only one period with a number");
      out.summaries.push_back(std::move(sum));
      continue;
    }
    const SpanChange span = ChangeOverSpan(series.unit, *sum.first_period, last_p,
                                           *sum.first_value, *sum.last_value);
    sum.years = span.years;
    sum.abs_change = span.abs_change;
    sum.rel_change_pct = span.rel_change_pct;
    if (!sum.rel_change_pct) sum.flags |= kFlagZeroBase;
    sum.pp_change = span.pp_change;
    if (span.cagr.value) {
      sum.cagr_pct = 100.0 * *span.cagr.value;
    } else {
      AppendNote(&sum.note, "CAGR undefined: " + span.cagr.reason);
    }
    t.clear();
    x.clear();
    for (size_t k = first_k; k < vals.size(); ++k) {
      t.push_back(Period::YearsBetween(*sum.first_period, ds.period(vals[k])));
      x.push_back(ds.value(vals[k]));
    }
    sum.theil_sen_slope = TheilSenSlope(t, x);
    if (auto mk = MannKendallTest(x)) {
      sum.mk_s = mk->s;
      sum.mk_tau = mk->tau;
      sum.mk_p = mk->p_value;
      sum.mk_method = mk->method;
    }
    out.summaries.push_back(std::move(sum));
  }
  return out;
}

}  // namespace v1
}  // namespace zvdj
