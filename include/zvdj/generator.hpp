// libzvdj synthetic data: a deterministic generator of national-scale
// person-level youth-care files (jeugdhulp, jeugdbescherming, verzuim,
// vervolgzorg, persons) plus the regions and herindeling tables, for tests,
// demos and benchmarks.
//
//   #include "zvdj/generator.hpp"
//   zvdj::GenerateOptions opt{.seed = 1, .persons = 450000, .from_year = 2016,
//                             .to_year = 2019};
//   absl::StatusOr<zvdj::GenerateSummary> s = zvdj::GenerateRecordFiles(opt, "out");
//
// `persons` is the number of distinct youths with jeugdhulp in a year; 450 000
// is national scale, and everything else (measures, verzuim, cohorts) scales
// with it. The same options give the same bytes on every run.
//
// The model (rates from CBS Beleidsinformatie Jeugd and the Zorg voor de Jeugd
// voortgangsrapportages, at national scale):
//  - each youth has one care career starting uniformly over the four years
//    before `from_year` up to the cut-off (31 December of `to_year`), a chain of
//    trajectories with gaps, parallel wijkteam/ambulant help, and about 4%
//    overlapping duplicates with the same form and provider (to be merged);
//  - about 10.5% of the youths in a year have jeugdhulp met verblijf, older
//    youths more often; pleegzorg, gezinsgericht, gesloten and overig_verblijf;
//  - about 11 000 new jeugdbeschermingsmaatregelen a year (vots followed by ots,
//    ots extended per year, voogdij to 18), children under OTS more often placed;
//  - about 4 500 thuiszitters and 5 500 vrijstellingen (art. 5 onder a, one row
//    per school year) per school year;
//  - youths turning 18 with jeugdhulp in the last quarter: about 54% continue
//    jeugdhulp after 18; Zvw-GGZ within 1/3/6 months about 22/25/26%, Wmo
//    6/7/8%, Wlz 2%;
//  - about 1.2% emigrate and 0.15% die (persons.csv);
//  - messiness: open ends at the cut-off, 29 February birthdays, records
//    crossing year ends, some trajectories ending exactly on 31 December, some
//    youths moving municipality, and municipalities merged on 1 January 2017
//    (Meierijstad) and 1 January 2019 (Westerkwartier, Vijfheerenlanden) whose
//    old codes are used before the merger.
// Municipality codes other than the large cities and the mergers, the region
// membership and all ids are synthetic.
//
// Files written: jeugdhulp.csv, jeugdbescherming.csv, verzuim.csv,
// vervolgzorg.csv, persons.csv (every person that appears in another file),
// regions.csv (each municipality once with its jeugdregio JZ01..JZ42 and once
// with its provincie PV20..PV31, years of validity), herindeling.csv.
#ifndef ZVDJ_GENERATOR_HPP_
#define ZVDJ_GENERATOR_HPP_

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>

#include "absl/status/statusor.h"

namespace zvdj {
inline namespace v1 {

struct GenerateOptions {
  uint64_t seed = 1;
  int64_t persons = 450000;  // distinct youths with jeugdhulp per year
  int from_year = 2016;
  int to_year = 2019;
};

// Rows written per file (header rows excluded).
struct GenerateSummary {
  int64_t persons = 0;
  int64_t jeugdhulp = 0;
  int64_t jeugdbescherming = 0;
  int64_t verzuim = 0;
  int64_t vervolgzorg = 0;
  int64_t regions = 0;
  int64_t herindeling = 0;
};

// Where to write; a null stream skips that file (and saves its formatting).
struct GenerateStreams {
  std::ostream* jeugdhulp = nullptr;
  std::ostream* jeugdbescherming = nullptr;
  std::ostream* verzuim = nullptr;
  std::ostream* vervolgzorg = nullptr;
  std::ostream* persons = nullptr;
  std::ostream* regions = nullptr;
  std::ostream* herindeling = nullptr;
};

// Called now and then with the fraction done, in [0, 1].
using GenerateProgress = std::function<void(double fraction)>;

// InvalidArgument for persons < 1, years outside [1990, 2100] or from > to.
absl::StatusOr<GenerateSummary> GenerateRecords(const GenerateOptions& options,
                                                const GenerateStreams& streams,
                                                const GenerateProgress& progress = {});

// Writes the seven files into `dir` (created when missing). They are written
// as temporary files and renamed into place only when all seven are complete;
// a failed write is DataLoss "cannot write FILE: reason" and leaves previous
// files as they were.
absl::StatusOr<GenerateSummary> GenerateRecordFiles(const GenerateOptions& options,
                                                    const std::string& dir,
                                                    const GenerateProgress& progress = {});

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_GENERATOR_HPP_
