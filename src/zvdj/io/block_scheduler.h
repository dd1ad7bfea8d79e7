// The block scheduler of the CSV loaders.
//
// The text after the header is cut into blocks that each start after a line
// end. Without a quote character, every line start is a record start, so each
// block can be read on its own. Threads read blocks into "pending" rows (every
// check that does not depend on earlier rows done, person ids hashed); the
// calling thread takes the blocks in file order and does the rest (person and
// provider codes, birth dates against earlier rows, appending), exactly as the
// single-threaded loop would, so that codes, errors and skipped rows come out
// the same. A block reader does not know on which line its block starts: it
// counts from 1, and the calling thread adds the block's offset (and reads a
// block with errors again from its real line, for the messages). There is no
// counting pass over the text: each byte is read from the file once, just
// before its block is read.
#ifndef ZVDJ_INTERNAL_BLOCK_SCHEDULER_H_
#define ZVDJ_INTERNAL_BLOCK_SCHEDULER_H_

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "zvdj/core/csv_reader.h"
#include "zvdj/core/file_source.h"
#include "zvdj/core/parallel.h"
#include "zvdj/io/record_schema.h"
#include "zvdj/core/status_macros.h"

namespace zvdj::internal {

// A piece of the text, ending after a line end (or at the end of the text).
struct TextBlock {
  size_t begin = 0, end = 0;
};

// A problem found while reading a block, placed before its `before`-th row.
struct BlockIssue {
  size_t before = 0;
  bool fatal = false;  // stops the load in both modes (limits)
  absl::Status status;  // strict mode, or fatal
  SkippedRow skipped;   // lenient mode
};

template <typename T>
struct BlockResult {
  struct Row {
    typename T::Pending pending;
    size_t line = 0;
  };
  std::vector<Row> rows;
  std::vector<BlockIssue> issues;
  size_t first_line = 1;  // the line number the reader gave the block's start
  size_t lines = 0;       // line ends in the block (when read to its end)
  size_t records = 0;     // records for the row limit, as CsvReader counts them
  bool quote = false;     // the reader met a quote: the rows are not used (ReadBlock)
  bool out_of_memory = false;  // an allocation failed while the block was read
  absl::Status fill;           // the text of the block could not be read (DataLoss)

  // Empties the result but keeps its memory for the next block.
  void Clear() {
    rows.clear();
    issues.clear();
    first_line = 1;
    lines = records = 0;
    quote = out_of_memory = false;
    fill = absl::OkStatus();
  }
};

template <typename T>
void ReadBlockRows(internal::CsvReader& reader, std::string_view source, const int* col,
                   const LoadOptions& options, BlockResult<T>* out) {
  const bool strict = options.mode == LoadMode::kStrict;
  const Fields fields(reader, col);
  typename T::Input in{};
  Issue issue;
  while (true) {
    auto more = reader.Next();
    if (!more.ok()) {
      const bool fatal = more.status().code() == absl::StatusCode::kResourceExhausted;
      BlockIssue& b = out->issues.emplace_back();
      b.before = out->rows.size();
      b.fatal = fatal;
      if (strict || fatal) {
        b.status = more.status();
        return;  // nothing after the first error matters
      }
      b.skipped = SkippedFromStatus(more.status(), source, reader.line());
      reader.SkipToNextLine();
      continue;
    }
    if (!*more) break;
    typename BlockResult<T>::Row& row = out->rows.emplace_back();
    if (T::FromCsv(fields, &in, &issue) && T::Validate(in, &row.pending, &issue)) {
      row.line = reader.line();
      if constexpr (requires { row.pending.same_person; }) {
        // The calling thread then compares ids only at the start of a block.
        const size_t n = out->rows.size();
        if (n > 1) {
          row.pending.same_person =
              internal::ShortEqual(out->rows[n - 2].pending.person_id, row.pending.person_id) ? 1
                                                                                           : -1;
        }
      }
      continue;
    }
    out->rows.pop_back();
    const int c = issue.field >= 0 ? col[static_cast<size_t>(issue.field)] : -1;
    BlockIssue& b = out->issues.emplace_back();
    b.before = out->rows.size();
    if (strict) {
      b.status = c >= 0 ? reader.FieldError(static_cast<size_t>(c), issue.message)
                        : reader.RecordError(issue.message);
      return;
    }
    b.skipped = SkippedRow{std::string(source), reader.line(),
                           c >= 0 ? static_cast<size_t>(c) + 1 : 0, std::move(issue.message)};
  }
  out->lines = reader.current_line() - out->first_line;
  out->records = reader.records();
}

// Reads one block (reading its text from the file first). A quote may open a
// field that spans lines, so a block in which the reader met one is marked
// and left to the single-threaded reader.
// Bytes the reader skips (the rest of a bad line in lenient mode) are skipped
// alike by that reader, so a quote among them changes nothing.
template <typename T>
void ReadBlock(const FileSource& file, const TextBlock& block, size_t first_line,
               std::string_view source, const internal::CsvReader& main, const int* col,
               const LoadOptions& options, BlockResult<T>* out) {
  out->Clear();
  out->first_line = first_line;
  out->fill = file.Fill(block.begin, block.end);
  if (!out->fill.ok()) return;
  try {
    internal::CsvReader reader(file.text().substr(block.begin, block.end - block.begin),
                               std::string(source), ',', options.limits, first_line,
                               main.header());
    ReadBlockRows<T>(reader, source, col, options, out);
    out->quote = reader.saw_quote();
  } catch (const std::bad_alloc&) {
    // Reported by the merging thread, which stops the load.
    out->out_of_memory = true;
  }
}

// The person id of a pending row, for prefetching.
template <typename T>
std::string_view PendingId(const typename T::Pending& p) {
  if constexpr (requires { p.person_id; }) {
    return p.person_id;
  } else {
    return p.in.person_id;
  }
}

// Adds a block's rows and issues to the store and report in file order; the
// block's line numbers are shifted by `line_shift`.
template <typename T>
absl::Status MergeBlock(BlockResult<T>& block, size_t line_shift, std::string_view source,
                        const internal::CsvReader& main, const int* col,
                        const LoadOptions& options, Sink& sink, LoadReport* rep) {
  const bool strict = options.mode == LoadMode::kStrict;
  const auto& rows = block.rows;
  IdDictionary& ids = sink.store().persons.ids;
  constexpr size_t kAhead = 8;
  for (size_t i = 0; i < std::min(kAhead, rows.size()); ++i) {
    ids.Prefetch(rows[i].pending.person_hash);
  }
  Issue issue;
  size_t r = 0;
  const auto add_rows = [&](size_t until) -> absl::Status {
    for (; r < until; ++r) {
      if (r + 4 * kAhead < rows.size()) {
        // Rows were written on another core: fetch them well ahead.
        const char* far = reinterpret_cast<const char*>(&rows[r + 4 * kAhead]);
        __builtin_prefetch(far);
        __builtin_prefetch(far + sizeof(rows[0]) - 1);
      }
      if (r + kAhead < rows.size()) {
        const typename T::Pending& ahead = rows[r + kAhead].pending;
        if (ahead.person_hash != rows[r + kAhead - 1].pending.person_hash) {
          ids.Prefetch(ahead.person_hash);
          __builtin_prefetch(PendingId<T>(ahead).data());  // copied when the id is new
        }
      }
      ++rep->input_rows;
      if (T::Commit(rows[r].pending, sink, &issue)) {
        ++rep->loaded_rows;
        continue;
      }
      const size_t line = rows[r].line + line_shift;
      const int c = issue.field >= 0 ? col[static_cast<size_t>(issue.field)] : -1;
      if (strict) {
        return c >= 0 ? main.FieldErrorAt(line, static_cast<size_t>(c), issue.message)
                      : main.RecordErrorAt(line, issue.message);
      }
      NoteSkipped(options, rep,
                SkippedRow{std::string(source), line, c >= 0 ? static_cast<size_t>(c) + 1 : 0,
                           std::move(issue.message)});
    }
    return absl::OkStatus();
  };
  for (BlockIssue& b : block.issues) {
    ZVDJ_RETURN_IF_ERROR(add_rows(b.before));
    ++rep->input_rows;
    if (strict || b.fatal) return b.status;
    NoteSkipped(options, rep, std::move(b.skipped));
  }
  ZVDJ_RETURN_IF_ERROR(add_rows(rows.size()));
  if (options.on_progress) options.on_progress(rep->input_rows);
  return absl::OkStatus();
}


// How BlockScheduler::Run ended.
enum class ScheduleOutcome {
  kDone,        // the whole text is read (or an error stopped the load)
  kContinueAt,  // the text before main.offset() is read: go on with `main`
};

// Pages of a file already read are given back in steps of kReleaseStep bytes,
// so that at most a few steps stay resident.
inline constexpr size_t kReleaseStep = size_t{8} << 20;

// Reads the text after the header that `main` has read, in blocks, on
// `threads` threads (the calling one included; 1 reads every block on the
// calling thread). A block with a quote (whose fields may span lines) and the
// block where the row limit is reached are left to `main`, from their start.
// The store is sized from the rows of the first block (rows actually read,
// not line ends) and grows geometrically past that. Every thread is joined
// when Run returns or throws.
template <typename T>
class BlockScheduler {
 public:
  BlockScheduler(const FileSource& file, std::string_view source, RecordStore* store,
                 const LoadOptions& options, LoadReport* rep, internal::CsvReader& main,
                 const int* col, Sink& sink)
      : file_(file), text_(file.text()), source_(source), store_(store), options_(options),
        rep_(rep), main_(main), col_(col), sink_(sink) {}
  BlockScheduler(const BlockScheduler&) = delete;
  BlockScheduler& operator=(const BlockScheduler&) = delete;
  ~BlockScheduler() { Stop(); }

  // *released: the offset below which the file's pages were given back.
  absl::Status Run(int threads, ScheduleOutcome* outcome, size_t* released);

 private:
  // Under mu_: whether every block is handed out; whether block next_ may be
  // read now; the same, cutting it if need be.
  // (A file that could not be read to cut the next block has no more blocks.)
  bool AllTaken() const {
    return next_ >= blocks_.size() && (cut_ >= text_.size() || !cut_error_.ok());
  }
  bool MayTake() const { return next_ < merged_ + window_ && !AllTaken(); }
  bool CanTake() { return MayTake() && (next_ < blocks_.size() || CutNext()); }
  // Under mu_: cuts the next block (reading the file up to its line end).
  bool CutNext();
  // Not under mu_: reads the file a little past the next cut (see below).
  void FillAhead();
  size_t BlockBytes() const {
    return options_.parallel_block_bytes > 0 ? options_.parallel_block_bytes
                                             : size_t{256} << 10;
  }
  void Read(size_t b);
  void Work();
  void Stop();
  // Waits for block m, reading blocks meanwhile; false when there is none.
  bool WaitFor(size_t m, TextBlock* block);

  const FileSource& file_;
  const std::string_view text_;
  const std::string_view source_;
  RecordStore* const store_;
  const LoadOptions& options_;
  LoadReport* const rep_;
  internal::CsvReader& main_;
  const int* const col_;
  Sink& sink_;

  // Threads read blocks ahead of the merge, at most window_ of them, each
  // into the result slot of its number modulo window_ (reused, not freed).
  // Blocks are cut as they are handed out, not all beforehand, so that the
  // file is read only a little ahead of the merge.
  size_t window_ = 0;
  std::vector<BlockResult<T>> results_;
  std::mutex mu_;  // guards what follows (the vectors grow)
  std::condition_variable cv_;
  std::vector<TextBlock> blocks_;
  std::vector<char> ready_;  // whether block i is read
  size_t cut_ = 0;           // where the next block begins
  std::atomic<size_t> cut_seen_{0};  // cut_, for FillAhead outside mu_
  absl::Status cut_error_;   // the file could not be read to cut a block
  size_t next_ = 0, merged_ = 0;
  bool stop_ = false;
  std::unique_ptr<ThreadGroup> group_;
};

template <typename T>
bool BlockScheduler<T>::CutNext() {
  if (cut_ >= text_.size() || !cut_error_.ok()) return false;
  const size_t probe = cut_ + BlockBytes() - 1;
  size_t end = text_.size();
  if (probe < text_.size()) {
    absl::StatusOr<size_t> line_end = file_.FillLine(probe);
    if (!line_end.ok()) {
      cut_error_ = line_end.status();
      return false;
    }
    end = *line_end;
  }
  blocks_.push_back({cut_, end});
  ready_.push_back(0);
  cut_ = end;
  cut_seen_.store(end, std::memory_order_relaxed);
  return true;
}

// A streamed file's text is copied in when first needed, and cutting a block
// needs the text up to its end: without this, nearly all of the file would be
// read under mu_ by whichever thread cuts, one copy at a time, while the
// others wait for the lock. Each thread instead reads the next two blocks'
// worth before it takes the lock, so that the copies run in parallel and the
// cut finds its text ready. A read error is kept by the file and reported
// when the block is cut.
template <typename T>
void BlockScheduler<T>::FillAhead() {
  if (!file_.streamed()) return;
  const size_t at = cut_seen_.load(std::memory_order_relaxed);
  if (at >= text_.size()) return;
  file_.Fill(at, std::min(text_.size(), at + 2 * BlockBytes())).IgnoreError();
}

template <typename T>
void BlockScheduler<T>::Read(size_t b) {
  TextBlock block;
  {
    std::lock_guard<std::mutex> lock(mu_);
    block = blocks_[b];
  }
  ReadBlock<T>(file_, block, 1, source_, main_, col_, options_, &results_[b % window_]);
  std::lock_guard<std::mutex> lock(mu_);
  ready_[b] = 1;
  cv_.notify_all();
}

template <typename T>
void BlockScheduler<T>::Work() {
  while (true) {
    FillAhead();
    size_t b;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [&] { return stop_ || AllTaken() || MayTake(); });
      if (stop_ || !CanTake()) return;
      b = next_++;
    }
    Read(b);
  }
}

template <typename T>
void BlockScheduler<T>::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
    cv_.notify_all();
  }
  group_.reset();  // joins
}

template <typename T>
bool BlockScheduler<T>::WaitFor(size_t m, TextBlock* block) {
  FillAhead();
  std::unique_lock<std::mutex> lock(mu_);
  if (m == blocks_.size() && !CutNext()) return false;  // every block merged
  while (!ready_[m]) {
    if (CanTake()) {
      const size_t b = next_++;
      lock.unlock();
      Read(b);
      lock.lock();
      continue;
    }
    cv_.wait(lock, [&] { return ready_[m] != 0 || MayTake(); });
  }
  *block = blocks_[m];
  return true;
}

template <typename T>
absl::Status BlockScheduler<T>::Run(int threads, ScheduleOutcome* outcome, size_t* released) {
  *outcome = ScheduleOutcome::kDone;
  const size_t start = main_.offset();
  cut_ = start;
  cut_seen_.store(start, std::memory_order_relaxed);
  window_ = 2 * static_cast<size_t>(threads) + 2;
  results_.resize(window_);
  bool more_than_one;
  {
    std::lock_guard<std::mutex> lock(mu_);
    CutNext();
    more_than_one = cut_ < text_.size();
  }
  if (threads > 1 && more_than_one) {
    group_ = std::make_unique<ThreadGroup>(threads - 1, [this] { Work(); });
  }
  size_t freed = start / kReleaseStep * kReleaseStep;
  size_t line = main_.current_line();
  size_t records = 0;
  TextBlock block;
  for (size_t m = 0; WaitFor(m, &block); ++m) {
    BlockResult<T>& result = results_[m % window_];
    if (result.out_of_memory) throw std::bad_alloc();
    if (!result.fill.ok()) return result.fill;
    if (result.quote || records + result.records > options_.limits.max_rows) {
      // The rest is read on this thread, which reports the limit exactly.
      main_.ContinueAt(block.begin, line, records);
      *outcome = ScheduleOutcome::kContinueAt;
      *released = freed;
      return absl::OkStatus();
    }
    if (m == 0) {
      // Rows actually read in the first block, scaled to the whole text.
      const double rows = static_cast<double>(result.rows.size() + result.issues.size());
      const double share = static_cast<double>(text_.size() - start) /
                           static_cast<double>(std::max<size_t>(block.end - block.begin, 1));
      ReserveFor<T>(store_, static_cast<size_t>(rows * share));
    }
    if (!result.issues.empty()) {
      // Messages carry line numbers: read the block again from its real line.
      ReadBlock<T>(file_, block, line, source_, main_, col_, options_, &result);
      if (result.out_of_memory) throw std::bad_alloc();
    }
    ZVDJ_RETURN_IF_ERROR(MergeBlock<T>(result, line - result.first_line, source_, main_, col_,
                                       options_, sink_, rep_));
    line += result.lines;
    records += result.records;
    {
      std::lock_guard<std::mutex> lock(mu_);
      merged_ = m + 1;
      cv_.notify_all();
    }
    if (block.end >= freed + kReleaseStep) {
      file_.Release(freed, block.end);
      freed = block.end / kReleaseStep * kReleaseStep;
    }
  }
  std::lock_guard<std::mutex> lock(mu_);
  return cut_error_;
}

}  // namespace zvdj::internal

#endif  // ZVDJ_INTERNAL_BLOCK_SCHEDULER_H_
