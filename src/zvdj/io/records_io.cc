// Loaders for the person-level files: the drivers that tie the file source
// (internal/file_source.h), the record schemas (internal/record_schema.h) and
// the block scheduler (internal/block_scheduler.h) together, and the
// public functions of zvdj/records_io.hpp.
#include "zvdj/records_io.hpp"

#include <array>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "zvdj/io/block_scheduler.h"
#include "zvdj/core/csv_reader.h"
#include "zvdj/core/file_source.h"
#include "zvdj/core/parallel.h"
#include "zvdj/io/record_schema.h"
#include "zvdj/core/status_macros.h"
#include "zvdj/core/strings.h"

namespace zvdj {
inline namespace v1 {

bool ParseIsoDateFast(std::string_view s, int32_t* days) noexcept {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  const auto digit = [&](size_t i) { return static_cast<unsigned>(s[i] - '0'); };
  const unsigned d0 = digit(0), d1 = digit(1), d2 = digit(2), d3 = digit(3), d5 = digit(5),
                 d6 = digit(6), d8 = digit(8), d9 = digit(9);
  // A byte that is not a digit wraps around to a large unsigned value.
  if ((d0 > 9) | (d1 > 9) | (d2 > 9) | (d3 > 9) | (d5 > 9) | (d6 > 9) | (d8 > 9) | (d9 > 9)) {
    return false;
  }
  const int y = static_cast<int>(d0 * 1000 + d1 * 100 + d2 * 10 + d3);
  const int m = static_cast<int>(d5 * 10 + d6);
  const int d = static_cast<int>(d8 * 10 + d9);
  if (y < Date::kMinYear || m < 1 || m > 12 || d < 1) return false;
  // Three dates a row: tables instead of the general civil-from-days formula.
  static constexpr int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  static constexpr int kDaysBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > kMonthDays[m - 1] + (m == 2 && leap)) return false;
  const int y1 = y - 1;
  // Days from 1970-01-01 to 1 January of y, then into the year.
  const int year_start = 365 * y + y1 / 4 - y1 / 100 + y1 / 400 - 719527;
  *days = year_start + kDaysBefore[m - 1] + (m > 2 && leap) + d - 1;
  return true;
}


namespace {

using internal::BlockScheduler;
using internal::CsvReader;
using internal::FileSource;
using internal::Issue;
using internal::kReleaseStep;
using internal::NoteSkipped;
using internal::ScheduleOutcome;
using internal::Sink;
using internal::SkippedFromStatus;

// Reads the records of `reader` from where it stands to the end of `text`
// into `sink` (which carries what earlier rows of the call left: the last
// person, the persons listed). Pages of a mapped file below `released` are
// already released.
template <typename T>
absl::Status ReadSerial(const FileSource& file, std::string_view source, RecordStore* store,
                        const LoadOptions& options, LoadReport* rep, CsvReader& reader,
                        const int* col, Sink& sink, size_t released) {
  const std::string_view text = file.text();
  const bool strict = options.mode == LoadMode::kStrict;
  // With the person id in the first column, the next record's id is found
  // cheaply and its dictionary slot fetched while this record is handled.
  const bool prefetch = col[0] == 0;
  const auto text_begin = reinterpret_cast<uintptr_t>(text.data());
  const auto text_end = text_begin + text.size();

  const internal::Fields fields(reader, col);
  typename T::Input in{};
  Issue issue;
  while (true) {
    auto more = reader.Next();
    if (!more.ok()) {
      // A malformed record: wrong field count, a stray or unclosed quote.
      ++rep->input_rows;
      // Limits are never skipped: the rest of the file would exceed them too.
      if (strict || more.status().code() == absl::StatusCode::kResourceExhausted) {
        return more.status();
      }
      NoteSkipped(options, rep, SkippedFromStatus(more.status(), source, reader.line()));
      reader.SkipToNextLine();
      continue;
    }
    if (!*more) break;
    ++rep->input_rows;
    if ((rep->input_rows & 0xFFFF) == 0 && options.on_progress) {
      options.on_progress(rep->input_rows);
    }
    if (file.streamed() && (rep->input_rows & 0xFFFF) == 0) {
      // The record's first field points into the text (unless it was unescaped).
      const auto at = reinterpret_cast<uintptr_t>(reader.field(0).data());
      const auto base = reinterpret_cast<uintptr_t>(text.data());
      if (at >= base + released + kReleaseStep && at < base + text.size()) {
        file.Release(released, at - base);
        released = (at - base) / kReleaseStep * kReleaseStep;
      }
    }
    if (prefetch) {
      const std::string_view last = reader.field(reader.size() - 1);
      const auto at = reinterpret_cast<uintptr_t>(last.data() + last.size());
      if (at >= text_begin && at < text_end) {
        const char* p = last.data() + last.size();
        const char* end = text.data() + text.size();
        const auto* nl =
            static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
        if (nl != nullptr) {
          const char* id = nl + 1;
          const size_t room = std::min<size_t>(64, static_cast<size_t>(end - id));
          const char* comma = static_cast<const char*>(std::memchr(id, ',', room));
          if (comma != nullptr) {
            const std::string_view next(id, static_cast<size_t>(comma - id));
            if (next != reader.field(0)) store->persons.ids.Prefetch(next);
          }
        }
      }
    }
    if (T::FromCsv(fields, &in, &issue) && internal::AddRecord<T>(in, sink, &issue)) {
      ++rep->loaded_rows;
      continue;
    }
    const int c = issue.field >= 0 ? col[static_cast<size_t>(issue.field)] : -1;
    if (strict) {
      return c >= 0 ? reader.FieldError(static_cast<size_t>(c), issue.message)
                    : reader.RecordError(issue.message);
    }
    NoteSkipped(options, rep,
                SkippedRow{std::string(source), reader.line(),
                           c >= 0 ? static_cast<size_t>(c) + 1 : 0, std::move(issue.message)});
  }
  return absl::OkStatus();
}


// Reads the header: through its line end, past blank lines before it, and
// the whole text when it has a quote (a quoted name may span lines).
absl::Status FillHeader(const FileSource& file) {
  const std::string_view text = file.text();
  size_t end = 0;
  do {
    ZVDJ_ASSIGN_OR_RETURN(end, file.FillLine(end));
  } while (end < text.size() &&
           text.find_first_not_of("\r\n\xEF\xBB\xBF") >= end);
  if (text.substr(0, end).find('"') != std::string_view::npos) {
    return file.Fill(0, text.size());
  }
  return absl::OkStatus();
}

template <typename T>
absl::Status ReadRecords(const FileSource& file, std::string_view source, RecordStore* store,
                         const LoadOptions& options, LoadReport* rep, Sink& sink) {
  ZVDJ_RETURN_IF_ERROR(FillHeader(file));
  CsvReader reader(file.text(), std::string(source), ',', options.limits);
  ZVDJ_RETURN_IF_ERROR(reader.ReadHeader());
  std::array<int, std::size(T::kColumns)> col;
  ZVDJ_RETURN_IF_ERROR(internal::MapColumns<T>(reader, source, &col));
  ScheduleOutcome outcome;
  size_t released = 0;
  {
    BlockScheduler<T> scheduler(file, source, store, options, rep, reader, col.data(), sink);
    ZVDJ_RETURN_IF_ERROR(
        scheduler.Run(internal::ThreadCount(options.threads), &outcome, &released));
  }
  if (outcome == ScheduleOutcome::kDone) return absl::OkStatus();
  // A quote, or the row limit: the rest is read on this thread, with the
  // same sink, so its rows are checked against everything before them.
  ZVDJ_RETURN_IF_ERROR(file.Fill(reader.offset(), file.text().size()));
  return ReadSerial<T>(file, source, store, options, rep, reader, col.data(), sink, released);
}

// A load either adds what it read (strict mode: up to the first bad row) or,
// when the environment fails it (memory runs out, the file changes under
// it), leaves the store as it found it.
template <typename T>
absl::Status ParseCsv(const FileSource& file, std::string_view source, RecordStore* store,
                      const LoadOptions& options, LoadReport* report) {
  ZVDJ_RETURN_IF_ERROR(internal::NeedReport(options, report));
  LoadReport scratch;
  LoadReport* rep = report != nullptr ? report : &scratch;
  const internal::StoreMark mark = internal::MarkStore(*store);
  static const std::vector<Sink::PersonChange> kNoChanges;
  std::unique_ptr<Sink> sink;
  try {
    sink = std::make_unique<Sink>(store);
    absl::Status s = ReadRecords<T>(file, source, store, options, rep, *sink);
    if (s.code() == absl::StatusCode::kDataLoss) {
      internal::RollBack(store, mark, sink->changes());
    }
    return s;
  } catch (const std::bad_alloc&) {
    const size_t held = MemoryBytes(*store);
    internal::RollBack(store, mark, sink != nullptr ? sink->changes() : kNoChanges);
    return internal::OutOfMemoryError(source, file.text().size(), held);
  }
}

template <typename T>
absl::Status ParseText(std::string_view text, std::string_view source, RecordStore* store,
                       const LoadOptions& options, LoadReport* report) {
  try {
    const std::unique_ptr<FileSource> file = FileSource::FromText(text);
    return ParseCsv<T>(*file, source, store, options, report);
  } catch (const std::bad_alloc&) {
    return internal::OutOfMemoryError(source, text.size(), MemoryBytes(*store));
  }
}

template <typename T>
absl::Status LoadCsv(const std::string& path, RecordStore* store, const LoadOptions& options,
                     LoadReport* report) {
  const std::string source = path == "-" ? "<stdin>" : path;
  try {
    ZVDJ_ASSIGN_OR_RETURN(const std::unique_ptr<FileSource> file,
                          FileSource::Open(path, options.limits));
    return ParseCsv<T>(*file, source, store, options, report);
  } catch (const std::bad_alloc&) {
    return internal::OutOfMemoryError(source, 0, MemoryBytes(*store));
  }
}

}  // namespace

// The public entry points: a Load (a path) and a Parse (text in memory) per
// file kind, each the shared template with the kind's schema.
#define ZVDJ_RECORD_FILE_ENTRY_POINTS(Kind)                                            \
  absl::Status Load##Kind##Csv(const std::string& path, RecordStore* store,             \
                               const LoadOptions& options, LoadReport* report) {        \
    return LoadCsv<internal::Kind##Traits>(path, store, options, report);               \
  }                                                                                      \
  absl::Status Parse##Kind##Csv(std::string_view text, std::string_view source,         \
                                RecordStore* store, const LoadOptions& options,         \
                                LoadReport* report) {                                   \
    return ParseText<internal::Kind##Traits>(text, source, store, options, report);     \
  }
ZVDJ_RECORD_FILE_ENTRY_POINTS(Jeugdhulp)
ZVDJ_RECORD_FILE_ENTRY_POINTS(Jeugdbescherming)
ZVDJ_RECORD_FILE_ENTRY_POINTS(Verzuim)
ZVDJ_RECORD_FILE_ENTRY_POINTS(Vervolgzorg)
ZVDJ_RECORD_FILE_ENTRY_POINTS(Persons)
#undef ZVDJ_RECORD_FILE_ENTRY_POINTS

absl::Status LoadRecordFiles(const RecordFilePaths& paths, RecordStore* store,
                             const LoadOptions& options, LoadReport* report) {
  if (!paths.persons.empty()) {
    ZVDJ_RETURN_IF_ERROR(LoadPersonsCsv(paths.persons, store, options, report));
  }
  if (!paths.jeugdhulp.empty()) {
    ZVDJ_RETURN_IF_ERROR(LoadJeugdhulpCsv(paths.jeugdhulp, store, options, report));
  }
  if (!paths.jeugdbescherming.empty()) {
    ZVDJ_RETURN_IF_ERROR(
        LoadJeugdbeschermingCsv(paths.jeugdbescherming, store, options, report));
  }
  if (!paths.verzuim.empty()) {
    ZVDJ_RETURN_IF_ERROR(LoadVerzuimCsv(paths.verzuim, store, options, report));
  }
  if (!paths.vervolgzorg.empty()) {
    ZVDJ_RETURN_IF_ERROR(LoadVervolgzorgCsv(paths.vervolgzorg, store, options, report));
  }
  return absl::OkStatus();
}

absl::Status AddJeugdhulpRecords(RecordStore* store, const JeugdhulpInput* rows, size_t n,
                                 const LoadOptions& options, LoadReport* report) {
  return internal::AddRows<internal::JeugdhulpTraits>(store, rows, n, options, report);
}
absl::Status AddJeugdbeschermingRecords(RecordStore* store,
                                        const JeugdbeschermingInput* rows, size_t n,
                                        const LoadOptions& options, LoadReport* report) {
  return internal::AddRows<internal::JeugdbeschermingTraits>(store, rows, n, options, report);
}
absl::Status AddVerzuimRecords(RecordStore* store, const VerzuimInput* rows, size_t n,
                               const LoadOptions& options, LoadReport* report) {
  return internal::AddRows<internal::VerzuimTraits>(store, rows, n, options, report);
}
absl::Status AddVervolgzorgRecords(RecordStore* store, const VervolgzorgInput* rows,
                                   size_t n, const LoadOptions& options,
                                   LoadReport* report) {
  return internal::AddRows<internal::VervolgzorgTraits>(store, rows, n, options, report);
}
absl::Status AddPersonRecords(RecordStore* store, const PersonInput* rows, size_t n,
                              const LoadOptions& options, LoadReport* report) {
  return internal::AddRows<internal::PersonsTraits>(store, rows, n, options, report);
}

}  // namespace v1
}  // namespace zvdj