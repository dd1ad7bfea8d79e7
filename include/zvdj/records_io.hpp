// libzvdj person-level record input and output: loaders for jeugdhulp.csv,
// jeugdbescherming.csv, verzuim.csv, vervolgzorg.csv and persons.csv (strict or
// lenient), the same validation for rows already held in memory, and writers.
//
//   #include "zvdj/records_io.hpp"
//   zvdj::RecordStore store;
//   zvdj::LoadReport report;
//   absl::Status s = zvdj::LoadJeugdhulpCsv("jeugdhulp.csv", &store, {}, &report);
//   // s: "jeugdhulp.csv:12:6: 2019-02-29 does not exist (month has 28 days)
//   //     (column 'start_date')"
//
//   zvdj::LoadOptions lenient{.mode = zvdj::LoadMode::kLenient};
//   s = zvdj::LoadJeugdhulpCsv("jeugdhulp.csv", &store, lenient, &report);
//   for (const zvdj::SkippedRow& r : report.skipped) { /* r.line, r.reason */ }
//
// Columns may come in any order; an unknown column is an error, and so is a
// missing column, except that `end_date`, `end_reason`, `exit_date` and
// `exit_reason` may be left out (then every value is empty). Field values are
// compared without surrounding spaces.
//
// Validation (every error names file, line and column):
//  - dates are ISO YYYY-MM-DD and must exist (2019-02-29 is an error);
//  - end_date < start_date is an error; end_date == start_date is accepted: under
//    the rule "active on day d when start <= d < end" such a record is active on
//    no day, but it does count as started and ended on that day;
//  - codes must be known (form, end_reason, measure, kind, exit_reason) and a
//    municipality is GM + 4 digits;
//  - birth_date after start_date is an error (reported on birth_date);
//  - one person with two different birth dates, across rows and files, is an
//    error on the row that brings the second date;
//  - end_reason without end_date is an error; an end_date without end_reason is
//    accepted and stored as `onbekend` (the trajectory ended, reason not known);
//  - persons.csv: a person listed twice, exit_date without exit_reason or the
//    reverse, and exit_date before birth_date are errors; birth_date may be empty.
//  - missing required values, a wrong number of fields, and a quote left open.
//
// Strict mode (the default) stops at the first bad row with InvalidArgument
// "file:line:column: reason (column 'name')"; rows before it stay in the store.
// Lenient mode skips each bad row, counts it per reason, keeps the first
// LoadOptions::max_skipped_examples (1000 by default) in the report and hands
// every one to LoadOptions::on_skipped if set (after a malformed record, such
// as a quote left open, reading resumes on the next line). Always
// report.loaded_rows + report.skipped_rows == report.input_rows. A bad header
// is an error in both modes. A report passed to several loads accumulates.
//
// Faults of the environment leave the store as it was before the call:
//  - a file that changes while it is read (truncated by another program) is
//    DataLoss "PATH: changed while being read (...)"; a file is read, not
//    memory-mapped, so this can never raise SIGBUS in the host program;
//  - memory that runs out (also on a reading thread) is ResourceExhausted
//    naming the file and the memory it needed; every thread is joined.
// Inputs: a regular file, "-" for standard input, a pipe or a device, each
// within LoadOptions::limits (a file, or standard input, larger than
// max_file_bytes is ResourceExhausted; a directory is InvalidArgument). Gzip
// data (a .csv.gz file, recognised by its first bytes) is decompressed on the
// fly; the limits apply to the decompressed text.
//
// A CSV text is read on LoadOptions::threads threads (2 by default): the
// checks of each row that do not depend on other rows (and the hashing of its
// ids) run in parallel on blocks of lines, and the rows are then added in file
// order on the calling thread, so the store, the codes, the error and the
// skipped rows are the same as with one thread. The store is filled only from
// the calling thread. A block in which a quote character occurs (a quoted
// field may span lines), and the block in which the row limit is reached, are
// read from their start on the calling thread, with the rest of the text.
#ifndef ZVDJ_RECORDS_IO_HPP_
#define ZVDJ_RECORDS_IO_HPP_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "zvdj/date.hpp"
#include "zvdj/limits.hpp"
#include "zvdj/records.hpp"
#include "zvdj/table.hpp"

namespace zvdj {
inline namespace v1 {

enum class LoadMode : uint8_t {
  kStrict,   // the first bad row is an error
  kLenient,  // bad rows are skipped and listed in the LoadReport
};

struct SkippedRow {
  std::string file;    // source name; for array input the table name ("jeugdhulp")
  size_t line = 0;     // 1-based line in the file; for array input the 0-based row index
  size_t column = 0;   // 1-based column (field for array input); 0 for the whole row
  std::string reason;  // e.g. "end_date 2019-01-01 is before start_date 2019-02-01"
};

struct LoadOptions {
  LoadMode mode = LoadMode::kStrict;
  // Field length, columns and rows per file (zvdj/limits.hpp). Exceeding one is
  // ResourceExhausted in both modes.
  InputLimits limits;
  // Threads that parse a CSV text: 1 reads it on the calling thread only, 0
  // takes one per core. The result (store, person and provider codes, errors,
  // skipped rows) is the same for every count. From the first block with a
  // quote character on, a text is read on the calling thread.
  int threads = 2;
  // Bytes of text per parallel work unit; 0 for the default (256 KiB). Tests set
  // it tiny to put unit boundaries at awkward places.
  size_t parallel_block_bytes = 0;
  // Lenient mode: the skipped rows kept in LoadReport::skipped as examples
  // (the first ones, in file order). Every skipped row is counted whatever
  // this is; a load of millions of bad rows then takes no memory per row.
  size_t max_skipped_examples = 1000;
  // Lenient mode: when set, called with every skipped row, in file order, on
  // the calling thread (e.g. to write them to a rejects file). It must not
  // touch the store being loaded.
  std::function<void(const SkippedRow&)> on_skipped;
  // When set, called now and then on the calling thread with the data rows
  // read so far (LoadReport::input_rows, after each block of text), for
  // progress displays. It must not touch the store being loaded.
  std::function<void(size_t rows_read)> on_progress;
};

struct LoadReport {
  size_t input_rows = 0;    // data rows read (header and blank lines excluded)
  size_t loaded_rows = 0;   // rows added to the store
  size_t skipped_rows = 0;  // rows skipped (lenient mode)
  // The first LoadOptions::max_skipped_examples skipped rows.
  std::vector<SkippedRow> skipped;
  // Skipped rows per reason, the reason without its values (digits become
  // '#', quoted text '...'): "end_date #-#-# is before start_date #-#-#".
  std::map<std::string, size_t> skipped_reasons;
};

// ---- CSV files ----
// `report` may be null in strict mode; lenient mode requires one.
absl::Status LoadJeugdhulpCsv(const std::string& path, RecordStore* store,
                              const LoadOptions& options, LoadReport* report);
absl::Status LoadJeugdbeschermingCsv(const std::string& path, RecordStore* store,
                                     const LoadOptions& options, LoadReport* report);
absl::Status LoadVerzuimCsv(const std::string& path, RecordStore* store,
                            const LoadOptions& options, LoadReport* report);
absl::Status LoadVervolgzorgCsv(const std::string& path, RecordStore* store,
                                const LoadOptions& options, LoadReport* report);
absl::Status LoadPersonsCsv(const std::string& path, RecordStore* store,
                            const LoadOptions& options, LoadReport* report);

// The same for text in memory; `source` names it in messages.
absl::Status ParseJeugdhulpCsv(std::string_view text, std::string_view source,
                               RecordStore* store, const LoadOptions& options,
                               LoadReport* report);
absl::Status ParseJeugdbeschermingCsv(std::string_view text, std::string_view source,
                                      RecordStore* store, const LoadOptions& options,
                                      LoadReport* report);
absl::Status ParseVerzuimCsv(std::string_view text, std::string_view source,
                             RecordStore* store, const LoadOptions& options,
                             LoadReport* report);
absl::Status ParseVervolgzorgCsv(std::string_view text, std::string_view source,
                                 RecordStore* store, const LoadOptions& options,
                                 LoadReport* report);
absl::Status ParsePersonsCsv(std::string_view text, std::string_view source,
                             RecordStore* store, const LoadOptions& options,
                             LoadReport* report);

// Paths of the files to load; an empty path is skipped.
struct RecordFilePaths {
  std::string jeugdhulp;
  std::string jeugdbescherming;
  std::string verzuim;
  std::string vervolgzorg;
  std::string persons;
};

// Loads persons.csv first (so that its birth dates are the reference), then
// jeugdhulp, jeugdbescherming, verzuim and vervolgzorg, into one report.
absl::Status LoadRecordFiles(const RecordFilePaths& paths, RecordStore* store,
                             const LoadOptions& options, LoadReport* report);

// ---- Rows already in memory ----
// External ids and codes as text (as in the CSV files), dates as Date. The
// strings are only read during the call. Errors name the 0-based row index:
// "jeugdhulp[12]: end_date 2019-01-01 is before start_date 2019-02-01
// (field 'end_date')".
struct JeugdhulpInput {
  std::string_view person_id;
  Date birth_date;
  std::string_view municipality;  // "GM0363"
  std::string_view provider;
  std::string_view form;          // "pleegzorg"
  Date start_date;
  std::optional<Date> end_date;   // nullopt: still running
  std::string_view end_reason;    // "" while running
};

struct JeugdbeschermingInput {
  std::string_view person_id;
  Date birth_date;
  std::string_view municipality;
  std::string_view measure;  // "ots"
  Date start_date;
  std::optional<Date> end_date;
};

struct VerzuimInput {
  std::string_view person_id;
  Date birth_date;
  std::string_view municipality;
  std::string_view kind;  // "relatief", "absoluut", "vrijstelling_5a"
  Date start_date;
  std::optional<Date> end_date;
};

struct VervolgzorgInput {
  std::string_view person_id;
  std::string_view kind;  // "zvw_ggz", "wmo", "wlz"
  Date start_date;
  std::optional<Date> end_date;
};

struct PersonInput {
  std::string_view person_id;
  std::optional<Date> birth_date;
  std::optional<Date> exit_date;
  std::string_view exit_reason;  // "emigratie", "overlijden", "" without exit
};

absl::Status AddJeugdhulpRecords(RecordStore* store, const JeugdhulpInput* rows, size_t n,
                                 const LoadOptions& options, LoadReport* report);
absl::Status AddJeugdbeschermingRecords(RecordStore* store,
                                        const JeugdbeschermingInput* rows, size_t n,
                                        const LoadOptions& options, LoadReport* report);
absl::Status AddVerzuimRecords(RecordStore* store, const VerzuimInput* rows, size_t n,
                               const LoadOptions& options, LoadReport* report);
absl::Status AddVervolgzorgRecords(RecordStore* store, const VervolgzorgInput* rows,
                                   size_t n, const LoadOptions& options,
                                   LoadReport* report);
absl::Status AddPersonRecords(RecordStore* store, const PersonInput* rows, size_t n,
                              const LoadOptions& options, LoadReport* report);

// ---- Writers ----
// Write the tables in the file formats above (columns in the documented order,
// running records with empty end_date/end_reason). The store's birth dates are
// written on every row; a person without one gets an empty birth_date.
absl::Status WriteJeugdhulpCsv(const RecordStore& store, std::ostream& out);
absl::Status WriteJeugdbeschermingCsv(const RecordStore& store, std::ostream& out);
absl::Status WriteVerzuimCsv(const RecordStore& store, std::ostream& out);
absl::Status WriteVervolgzorgCsv(const RecordStore& store, std::ostream& out);
// One row per person in the store.
absl::Status WritePersonsCsv(const RecordStore& store, std::ostream& out);

// Fast strict ISO YYYY-MM-DD parser: true and the day number for a real
// calendar day in years [Date::kMinYear, Date::kMaxYear]; agrees with Date::Parse.
bool ParseIsoDateFast(std::string_view text, int32_t* days) noexcept;

// The skipped rows: file, line, column, reason.
Table ToTable(const LoadReport& report);

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_RECORDS_IO_HPP_
