// libzvdj series-break register: between which periods a series is not
// comparable (a source change, a reclassification, a new population).
//
//   #include "zvdj/breaks.hpp"
//   zvdj::BreakRegister breaks;
//   breaks.Add({.indicator = "jeugdhulp_met_verblijf", .dims = {{"form", "pleegzorg"}},
//               .before = zvdj::Period::Year(2018), .after = zvdj::Period::Year(2019),
//               .reason = "gezinsgericht -> pleegzorg reclassification"});
//   breaks.Blocking("jeugdhulp_met_verblijf", "NL01", {{"form", "pleegzorg"}},
//                   zvdj::Period::Year(2016), zvdj::Period::Year(2019));  // the break
//
// A break between `before` and `after` blocks every comparison from a period
// <= before to a period >= after. An empty region matches every region; each
// dimension given must match the series' value exactly, and dimensions not given
// match anything (so a break without dims covers all breakdowns).
//
// CSV: indicator, before, after, reason, source, and optional region, reden
// (the reason in Dutch, shown in tables and factsheets) plus any dimension
// columns (empty = any).
#ifndef ZVDJ_BREAKS_HPP_
#define ZVDJ_BREAKS_HPP_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "zvdj/dataset.hpp"
#include "zvdj/period.hpp"

namespace zvdj {
inline namespace v1 {

struct SeriesBreak {
  std::string indicator;
  std::string region;  // empty = every region
  Dimensions dims;     // conditions; empty = every breakdown
  Period before;       // last period of the old series
  Period after;        // first period of the new series
  std::string reason;
  std::string source;
  std::string reason_nl;  // the reason in Dutch (CSV column `reden`), for readers
};

class BreakRegister {
 public:
  // InvalidArgument when before/after differ in kind or after <= before.
  absl::Status Add(SeriesBreak b);
  const std::vector<SeriesBreak>& breaks() const { return breaks_; }
  bool empty() const { return breaks_.empty(); }

  // The first registered break that separates `from` and `to` for this series,
  // or nullptr.
  const SeriesBreak* Blocking(std::string_view indicator, std::string_view region,
                              const Dimensions& dims, Period from, Period to) const;

  absl::Status LoadCsv(const std::string& path);
  absl::Status ParseCsv(std::string_view text, std::string_view source);
  void WriteCsv(std::ostream& out) const;

 private:
  std::vector<SeriesBreak> breaks_;
};

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_BREAKS_HPP_
