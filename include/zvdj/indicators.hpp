// libzvdj person-level engine: the kernindicatoren computed from person-level
// records, per period x region x breakdown, counting unique persons (or
// trajectories / measures where the indicator says so).
//
//   #include "zvdj/indicators.hpp"
//   zvdj::RecordStore store = ...;                  // filled by the loaders
//   auto regions = zvdj::RegionMap::Load("regions.csv");
//   zvdj::ComputeOptions opt;
//   opt.from_year = 2016;
//   opt.to_year = 2019;
//   opt.publication = {.suppress_below = 10, .round5 = true};
//   absl::StatusOr<zvdj::ComputeResult> r =
//       zvdj::ComputeIndicators(store, opt, &*regions, /*herindeling=*/nullptr);
//   zvdj::WriteDatasetCsv(r->dataset, std::cout);
//
// Indicators (ids from the built-in catalogue; period kind in brackets):
//   jeugdhulp_jongeren [year]            persons with any trajectory active
//                                        during the year; dim age_group (as
//                                        jeugdhulp_met_verblijf)
//   jeugdhulp_met_verblijf [year]        persons with a met-verblijf trajectory
//                                        active during the year; dims age_group
//                                        (0-4, 4-12, 12-18, 18-23, 0-18, 0-23;
//                                        totals counted, never summed) and form
//   jeugdhulp_met_verblijf_pct [year]    met verblijf 0-23 / any jeugdhulp 0-23
//   pleegzorg_gezinsgericht_pct_verblijf pleegzorg or gezinsgericht 0-23 /
//                                [year]  met verblijf 0-23
//   jeugdhulp_beeindigd_pct [year]       trajectories (after merging) ended in
//                                        the year, by end_reason, as % of all
//                                        ended; plus volgens_plan_of_samen
//   uithuisplaatsingen [peildatum]       persons with a measure active on 31
//                                        December and met verblijf active that
//                                        day; dim measure (total = any measure)
//   uithuisplaatsing_ots_pct [peildatum] the same among persons with an ots
//                                        measure (and vots when
//                                        vots_counts_as_ots), as %
//   jeugdbescherming_beginstand / _instroom / _uitstroom / _eindstand [year]:
//                                        active on 31 Dec Y-1 / started in Y /
//                                        ended in Y / active on 31 Dec Y. Rows
//                                        with a `measure` count measures; the
//                                        total row (empty measure) counts
//                                        persons. See ComputeResult::closure.
//   thuiszitters, thuiszitters_langer_3m, vrijstellingen_5a [school year]
//
// Definitions (README-ready, each a ComputeOptions field where it can vary):
//   - Active on day d: start <= d and (end empty or end > d). Active during a
//     period: start <= last day and (end empty or end >= first day).
//   - Trajectories of one person with the same form and provider that overlap
//     or touch (next start <= current end) are merged into one, from the first
//     start to the last end, before anything is counted. The merged
//     trajectory ends with the end reason of its last-ending part.
//   - Regions (Attribution::kCbs, the default): a person counts in every
//     municipality where they had a record active during the period (for a
//     peildatum: active on it), each cell where the record that makes it is
//     (met verblijf where the met-verblijf trajectory was); jeugdregio,
//     provincie and NL01 count each person once. Trajectory and measure counts
//     follow each record's own municipality. Under Attribution::kLatest a
//     person counts in one municipality per period and source file: that of
//     the most recent relevant record (latest start, ties -> latest end, ties
//     -> highest municipality code), with all their cells there, so region
//     totals are sums of municipality cells. Municipality codes are first
//     mapped through the herindeling to the classification of
//     `classification_year` (default: to_year); regions come from the regions
//     file for that same year.
//   - Age: integer yyyymmdd rule on the basis date; persons with an unknown
//     birth date count in totals only, never in an age group or in the 0-23
//     populations of the percentages.
//   - Thuiszitter in school year S (1 Aug - 31 Jul): a relatief episode of at
//     least `thuiszitter_min_days` or any absoluut episode, active during S and
//     not covered by a vrijstelling_5a. An episode is covered when a
//     vrijstelling_5a of the same person is active during the episode's
//     overlap with S (at least one common day). Durations run from the start
//     to the episode's end or the end of S, whichever is first; "langer dan 3
//     maanden" means that end lies after start + 3 months (clamped month
//     arithmetic).
#ifndef ZVDJ_INDICATORS_HPP_
#define ZVDJ_INDICATORS_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "zvdj/dataset.hpp"
#include "zvdj/date.hpp"
#include "zvdj/period.hpp"
#include "zvdj/publication.hpp"
#include "zvdj/records.hpp"
#include "zvdj/regions.hpp"
#include "zvdj/table.hpp"

namespace zvdj {
inline namespace v1 {

// The day on which a person's age is taken for the age breakdowns.
enum class AgeBasis : uint8_t {
  kPeriodEnd,    // last day of the period (31 December) — default, as the peildatum
  kPeriodStart,  // first day of the period (1 January; CBS 85075NED)
  kRecordStart,  // start of the person's most recent trajectory of the period
};

// Which municipality (or municipalities) a person counts in for a period.
enum class Attribution : uint8_t {
  // CBS's per-cell rule (default): a person counts in every municipality where
  // they had a record active during the period (for a peildatum: active on
  // that day); jeugdregio, provincie and Nederland count each person once.
  kCbs,
  // One municipality per person and period: that of their most recent record
  // relevant to the period, so that every region total is a sum of
  // municipality cells.
  kLatest,
};

// Region levels, combinable as a bit set.
enum RegionLevel : uint8_t {
  kLevelGemeente = 1,
  kLevelJeugdregio = 2,
  kLevelProvincie = 4,
  kLevelLand = 8,
};
inline constexpr uint8_t kAllRegionLevels = 15;
// "gemeente,jeugdregio,provincie,land" (any subset, any order; "nl" = land).
absl::StatusOr<uint8_t> ParseRegionLevels(std::string_view list);

struct ComputeOptions {
  // Years to compute. Unset: from the earliest start to the latest start or
  // end in the records. At most 64. School years are those ending in these
  // years (from_year 2016, to_year 2019: 2015/'16 .. 2018/'19), so that the
  // last one is complete when the data run to 31 December of to_year.
  std::optional<int> from_year;
  std::optional<int> to_year;
  AgeBasis age_basis = AgeBasis::kPeriodEnd;
  Feb29Rule feb29_rule = Feb29Rule::kMarch1;
  bool merge_trajectories = true;
  Attribution attribution = Attribution::kCbs;
  // Whether a voorlopige OTS counts as OTS for uithuisplaatsing_ots_pct and the
  // `ots` row of uithuisplaatsingen (then no separate `vots` row). Off by
  // default: CBS and the seeds report VOTS as a measure of its own, and the
  // published 34% -> 27% share is "uithuisplaatsing bij ondertoezichtstelling".
  bool vots_counts_as_ots = false;
  uint8_t levels = kAllRegionLevels;
  // Herindeling and region classification year. Unset: to_year.
  std::optional<int> classification_year;
  int thuiszitter_min_relatief_days = 28;
  int thuiszitter_long_months = 3;
  PublicationOptions publication;  // suppression below 10 by default; no rounding
  // Threads for the jeugdhulp pass (persons are split into ranges and the
  // counts added up, so the result does not depend on it); 0 = one per core.
  int threads = 2;
};

// Stock-flow closure of jeugdbescherming for one year and region:
// difference = end - (begin + inflow - outflow). Exactly 0 for measures; for
// persons (empty `measure`) it is what it is and is reported.
struct ClosureRow {
  Period period;
  std::string region;
  std::string measure;  // "" = persons
  int64_t begin = 0, inflow = 0, outflow = 0, end = 0, difference = 0;
};

struct ComputeResult {
  Dataset dataset;                   // with publication rules applied
  std::vector<ClosureRow> closure;   // unrounded, unsuppressed
  // Municipalities (after herindeling) without a jeugdregio or provincie in the
  // classification year; their persons count in the gemeente and NL01 only.
  std::vector<uint16_t> unmapped_municipalities;
  int from_year = 0;
  int to_year = 0;
  int classification_year = 0;
};

// Computes every indicator whose source table is non-empty. `regions` may be
// null (then only gemeente and NL01 are available); asking for jeugdregio or
// provincie without it is InvalidArgument. `herindeling` may be null.
// InvalidArgument for a record that ends before it starts, naming the table,
// row and person.
absl::StatusOr<ComputeResult> ComputeIndicators(const RecordStore& store,
                                                const ComputeOptions& options,
                                                const RegionMap* regions = nullptr,
                                                const Herindeling* herindeling = nullptr);

// Writes the closure rows as CSV: period, region, measure, begin, inflow,
// outflow, end, difference.
void WriteClosureCsv(const std::vector<ClosureRow>& rows, std::ostream& out);

// The closure rows as a result table: period, region, measure, then the integer
// columns begin, inflow, outflow, end, difference.
Table ToTable(std::span<const ClosureRow> closure);

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_INDICATORS_HPP_
