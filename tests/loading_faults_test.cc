// Faults of the environment while loading: a file truncated while it is read,
// memory that runs out, inputs without an end (devices, pipes), directories,
// input order, millions of skipped rows, gzip input, and the thread pool.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/generator.hpp"
#include "zvdj/core/parallel.h"
#include "zvdj/records_io.hpp"
#include "zvdj/zvdj.h"

namespace zvdj {
namespace {

using ::testing::HasSubstr;

constexpr char kHeader[] =
    "person_id,birth_date,municipality,provider,form,start_date,end_date,end_reason\n";

// `n` valid jeugdhulp rows, one person each; row `bad` (if any) has an unknown form.
std::string Rows(size_t n, size_t bad = SIZE_MAX) {
  std::string s = kHeader;
  s.reserve(n * 80 + 100);
  char buf[200];
  for (size_t i = 0; i < n; ++i) {
    const int len = std::snprintf(
        buf, sizeof buf, "P%09zu,2005-01-01,GM0363,PRV%zu,%s,2019-01-01,2019-06-01,volgens_plan\n",
        i, i % 50, i == bad ? "x" : "ambulant");
    s.append(buf, static_cast<size_t>(len));
  }
  return s;
}

class TempDir {
 public:
  TempDir() {
    std::string t = ::testing::TempDir() + "/zvdj_loading_XXXXXX";
    if (::mkdtemp(t.data()) == nullptr) std::abort();
    path_ = t;
  }
  ~TempDir() { std::system(("rm -rf '" + path_ + "'").c_str()); }
  std::string File(const std::string& name, const std::string& text) const {
    const std::string p = path_ + "/" + name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// ---- A file truncated while it is read ----

// Another thread truncates the file when the first (bad) row is reported,
// while most of the file is still unread: the load must fail with DataLoss
// naming the file (a mapped file would raise SIGBUS here and end the test).
TEST(LoadingFaults, FileTruncatedWhileReadIsDataLossNotSigbus) {
  TempDir dir;
  const std::string path = dir.File("jeugdhulp.csv", Rows(200'000, 0));
  for (const int threads : {1, 2}) {
    SCOPED_TRACE(threads);
    {
      std::ofstream(path, std::ios::binary) << Rows(200'000, 0);
    }
    RecordStore store;
    LoadReport report;
    LoadOptions options{.mode = LoadMode::kLenient, .threads = threads};
    options.parallel_block_bytes = 16 << 10;
    options.on_skipped = [&](const SkippedRow&) {
      std::thread cut([&] { ASSERT_EQ(::truncate(path.c_str(), 4096), 0); });
      cut.join();
    };
    const absl::Status s = LoadJeugdhulpCsv(path, &store, options, &report);
    EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss) << s;
    EXPECT_THAT(std::string(s.message()), HasSubstr(path + ": changed while being read"));
    // The store is left as it was.
    EXPECT_EQ(store.jeugdhulp.size(), 0u);
    EXPECT_EQ(store.persons.size(), 0u);
    EXPECT_EQ(store.persons.ids.size(), 0u);
  }
}

// The same through the C API and the command, with a thread that truncates
// the file at some point of the load: whichever comes first, the result is
// either the whole file or DATA_LOSS, never a crash.
TEST(LoadingFaults, FileTruncatedDuringCApiAndCommandLoads) {
  TempDir dir;
  const std::string text = Rows(400'000);
  for (int round = 0; round < 4; ++round) {
    SCOPED_TRACE(round);
    const std::string path = dir.File("j.csv", text);
    zvdj_records* records = nullptr;
    ASSERT_EQ(zvdj_records_create(&records), ZVDJ_OK);
    std::thread cut([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(15 * round));
      ASSERT_EQ(::truncate(path.c_str(), 20 << 10), 0);
    });
    const zvdj_status s =
        zvdj_records_load_csv(nullptr, records, "jeugdhulp", path.c_str(), nullptr);
    cut.join();
    if (s != ZVDJ_OK) {
      EXPECT_EQ(s, ZVDJ_DATA_LOSS) << zvdj_last_error_message();
      EXPECT_THAT(zvdj_last_error_message(), HasSubstr("changed while being read"));
    }
    zvdj_records_destroy(records);

    const std::string again = dir.File("c.csv", text);
    std::thread cut2([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(40 * round));
      ASSERT_EQ(::truncate(again.c_str(), 20 << 10), 0);
    });
    const std::string cmd = std::string(ZVDJ_CLI_PATH) + " compute --from 2015 --to 2019 --jeugdhulp " + again +
                            " >/dev/null 2>" + dir.path() + "/err.txt";
    const int st = std::system(cmd.c_str());
    cut2.join();
    ASSERT_TRUE(WIFEXITED(st)) << "killed by a signal";
    if (WEXITSTATUS(st) != 0) {
      std::ifstream e(dir.path() + "/err.txt");
      std::string err((std::istreambuf_iterator<char>(e)), std::istreambuf_iterator<char>());
      EXPECT_THAT(err, HasSubstr("changed while being read"));
    }
  }
}

// ---- Memory that runs out ----

// VmSize of this process in bytes.
size_t AddressSpace() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmSize:", 0) == 0) return std::stoull(line.substr(7)) * 1024;
  }
  return 0;
}

// Runs `body` in a child process whose address space may grow by `room`
// bytes only; true when it returned true.
template <typename Fn>
bool InChildWithMemoryLimit(size_t room, Fn body) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const rlimit limit{AddressSpace() + room, RLIM_INFINITY};
    if (::setrlimit(RLIMIT_AS, &limit) != 0) ::_exit(3);
    ::_exit(body() ? 0 : 1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

TEST(LoadingFaults, OutOfMemoryIsResourceExhaustedAndLeavesTheStore) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  GTEST_SKIP() << "a sanitizer reserves more address space than the limit allows";
#endif
  const std::string text = Rows(2'000'000);
  for (const int threads : {1, 2}) {
    SCOPED_TRACE(threads);
    EXPECT_TRUE(InChildWithMemoryLimit(size_t{48} << 20, [&] {
      RecordStore store;
      if (!ParsePersonsCsv("person_id,birth_date\nX1,\n", "p.csv", &store, {}, nullptr).ok()) {
        return false;
      }
      LoadOptions options{.threads = threads};
      const absl::Status s = ParseJeugdhulpCsv(text, "big.csv", &store, options, nullptr);
      std::fprintf(stderr, "%s\n", s.ToString().c_str());
      return s.code() == absl::StatusCode::kResourceExhausted &&
             s.message().find("big.csv: out of memory") != absl::string_view::npos &&
             s.message().find("bytes") != absl::string_view::npos &&
             store.jeugdhulp.size() == 0 && store.persons.size() == 1 &&
             store.persons.ids.size() == 1 && store.persons.ids.Find("X1") == 0u &&
             store.persons.birth[0] == kNoDate && store.providers.size() == 0;
    }));
  }
}

// The command under `ulimit -v`: a clear message and exit status 2, never
// SIGABRT (exit 134) from an uncaught std::bad_alloc.
TEST(LoadingFaults, CommandOutOfMemoryExitsTwoWithAMessage) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  GTEST_SKIP() << "a sanitizer reserves more address space than the limit allows";
#endif
  TempDir dir;
  const std::string path = dir.File("big.csv", Rows(3'000'000));
  for (const int threads : {1, 2}) {
    SCOPED_TRACE(threads);
    // 200 MB of address space: the command and its threads start, but the
    // 3M rows (about 240 MB of text) cannot be held.
    const std::string cmd = "ulimit -v 200000 && exec '" + std::string(ZVDJ_CLI_PATH) +
                            "' compute --from 2019 --to 2019 --threads " +
                            std::to_string(threads) + " --jeugdhulp '" + path +
                            "' >/dev/null 2>'" + dir.path() + "/err.txt'";
    const int st = std::system(("sh -c \"" + cmd + "\"").c_str());
    ASSERT_TRUE(WIFEXITED(st)) << "killed by a signal";
    EXPECT_EQ(WEXITSTATUS(st), 2);
    std::ifstream e(dir.path() + "/err.txt");
    const std::string err((std::istreambuf_iterator<char>(e)), std::istreambuf_iterator<char>());
    EXPECT_THAT(err, HasSubstr("out of memory"));
    EXPECT_THAT(err, HasSubstr("big.csv"));
  }
}

// ---- Memory sized from rows, not line ends ----

TEST(LoadingFaults, BlankLinesDoNotReserveRows) {
  std::string text = kHeader;
  text.append(size_t{8} << 20, '\n');
  text += "P1,2005-01-01,GM0363,PRV,ambulant,2019-01-01,,\n";
  TempDir dir;
  const std::string path = dir.File("jeugdhulp.csv", text);
  for (const int threads : {1, 2}) {
    RecordStore a, b;
    LoadOptions options{.threads = threads};
    ASSERT_TRUE(ParseJeugdhulpCsv(text, "t.csv", &a, options, nullptr).ok());
    ASSERT_TRUE(LoadJeugdhulpCsv(path, &b, options, nullptr).ok());
    for (const RecordStore* s : {&a, &b}) {
      EXPECT_EQ(s->jeugdhulp.size(), 1u);
      // Eight million line ends once reserved eight million rows.
      EXPECT_LT(s->jeugdhulp.person.capacity(), 4096u);
      EXPECT_LT(s->persons.ids.MemoryBytes(), size_t{1} << 20);
    }
  }
}

// ---- Inputs without an end, pipes, directories ----

TEST(LoadingFaults, DeviceWithoutEndStopsAtTheLimit) {
  LoadOptions options;
  options.limits.max_file_bytes = 1 << 20;
  RecordStore store;
  const absl::Status s = LoadJeugdhulpCsv("/dev/zero", &store, options, nullptr);
  EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted) << s;
  EXPECT_THAT(std::string(s.message()), HasSubstr("/dev/zero: file larger than the limit"));

  DatasetReadOptions dopt;
  dopt.limits.max_file_bytes = 1 << 20;
  const auto ds = ReadDatasetCsv("/dev/zero", dopt);
  EXPECT_EQ(ds.status().code(), absl::StatusCode::kResourceExhausted) << ds.status();
}

TEST(LoadingFaults, PipeIsReadWithinTheLimit) {
  ::signal(SIGPIPE, SIG_IGN);  // the reader stops early: the writer gets EPIPE
  for (const size_t rows : {size_t{100}, size_t{100'000}}) {
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    const std::string text = Rows(rows);
    std::thread writer([&] {
      size_t at = 0;
      while (at < text.size()) {
        const ssize_t n = ::write(fds[1], text.data() + at, text.size() - at);
        if (n <= 0) break;
        at += static_cast<size_t>(n);
      }
      ::close(fds[1]);
    });
    LoadOptions options;
    options.limits.max_file_bytes = 1 << 20;
    RecordStore store;
    const absl::Status s =
        LoadJeugdhulpCsv("/dev/fd/" + std::to_string(fds[0]), &store, options, nullptr);
    ::close(fds[0]);
    writer.join();
    if (text.size() <= options.limits.max_file_bytes) {
      EXPECT_TRUE(s.ok()) << s;
      EXPECT_EQ(store.jeugdhulp.size(), rows);
    } else {
      EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted) << s;
    }
  }
}

TEST(LoadingFaults, DirectoryIsNamedAsSuch) {
  TempDir dir;
  RecordStore store;
  const absl::Status s = LoadJeugdhulpCsv(dir.path(), &store, {}, nullptr);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
  EXPECT_THAT(std::string(s.message()), HasSubstr("is a directory"));
  const auto ds = ReadDatasetCsv(dir.path());
  EXPECT_THAT(std::string(ds.status().message()), HasSubstr("is a directory"));
}

// ---- Input order ----

std::string RunCompute(const std::string& args) {
  const std::string cmd = std::string(ZVDJ_CLI_PATH) + " compute --from 2015 --to 2019 " + args + " 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  return out;
}

// Lines of `a` not in `b` at the same place (a short failure message where
// comparing the whole outputs would print megabytes).
size_t LinesThatDiffer(const std::string& a, const std::string& b) {
  std::istringstream x(a), y(b);
  std::string l, m;
  size_t n = 0;
  while (std::getline(x, l)) {
    if (!std::getline(y, m) || l != m) ++n;
  }
  while (std::getline(y, m)) ++n;
  return n;
}

std::string Shuffled(const std::string& text, uint32_t seed) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string header, line;
  std::getline(in, header);
  while (std::getline(in, line)) lines.push_back(line);
  std::mt19937 rng(seed);
  std::shuffle(lines.begin(), lines.end(), rng);
  std::string out = header + "\n";
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

TEST(LoadingFaults, ResultsDoNotDependOnRowOrder) {
  std::ostringstream j;
  GenerateStreams streams;
  streams.jeugdhulp = &j;
  ASSERT_TRUE(GenerateRecords({.seed = 7, .persons = 16'000}, streams).ok());
  // Two rows that differ only in the end reason, in both orders.
  const std::string tie_a = "T1,2005-01-01,GM0363,PRV,pleegzorg,2017-01-01,2017-06-01,volgens_plan\n";
  const std::string tie_b =
      "T1,2005-01-01,GM0363,PRV,pleegzorg,2017-01-01,2017-06-01,eenzijdig_client\n";
  const std::string text = j.str() + tie_a + tie_b;
  ASSERT_GT(std::count(text.begin(), text.end(), '\n'), 100'000);
  TempDir dir;
  const std::string base = RunCompute("--jeugdhulp " + dir.File("a.csv", text));
  ASSERT_THAT(base, HasSubstr("jeugdhulp_beeindigd"));
  for (const uint32_t seed : {1u, 2u}) {
    const std::string path = dir.File("s.csv", Shuffled(text, seed));
    EXPECT_EQ(LinesThatDiffer(RunCompute("--jeugdhulp " + path), base), 0u) << "seed " << seed;
  }
  const std::string swapped = j.str() + tie_b + tie_a;
  EXPECT_EQ(LinesThatDiffer(RunCompute("--jeugdhulp " + dir.File("b.csv", swapped)), base), 0u);
}

// ---- Lenient mode with many skipped rows ----

TEST(LoadingFaults, LenientKeepsCountsAndTheFirstExamples) {
  std::string text = kHeader;
  for (int i = 0; i < 2500; ++i) {
    char row[100];
    if (i % 2 == 0) {
      std::snprintf(row, sizeof row, "P%d,2005-01-01,GM0363,PRV,ambulant,2019-01-01,,\n", i);
    } else {
      std::snprintf(row, sizeof row, "P%d,2005-01-01,GM0363,PRV,x%d,2019-01-01,,\n", i, i);
    }
    text += row;
  }
  for (const int threads : {1, 2}) {
    SCOPED_TRACE(threads);
    std::vector<size_t> lines;
    LoadOptions options{.mode = LoadMode::kLenient, .threads = threads};
    options.parallel_block_bytes = 1 << 10;
    options.on_skipped = [&](const SkippedRow& r) { lines.push_back(r.line); };
    RecordStore store;
    LoadReport report;
    ASSERT_TRUE(ParseJeugdhulpCsv(text, "t.csv", &store, options, &report).ok());
    EXPECT_EQ(report.input_rows, 2500u);
    EXPECT_EQ(report.loaded_rows, 1250u);
    EXPECT_EQ(report.skipped_rows, 1250u);
    EXPECT_EQ(report.skipped.size(), 1000u);  // the default number of examples
    EXPECT_EQ(report.skipped.front().line, 3u);
    ASSERT_EQ(report.skipped_reasons.size(), 1u);
    EXPECT_EQ(report.skipped_reasons.begin()->second, 1250u);
    ASSERT_EQ(lines.size(), 1250u);
    EXPECT_TRUE(std::is_sorted(lines.begin(), lines.end()));
    EXPECT_EQ(lines.back(), 2501u);

    options.max_skipped_examples = 3;
    options.on_skipped = nullptr;
    LoadReport few;
    RecordStore other;
    ASSERT_TRUE(ParseJeugdhulpCsv(text, "t.csv", &other, options, &few).ok());
    EXPECT_EQ(few.skipped.size(), 3u);
    EXPECT_EQ(few.skipped_rows, 1250u);
  }
}

// ---- Gzip input ----

std::string WriteGzip(const std::string& path, const std::string& text) {
  gzFile f = gzopen(path.c_str(), "wb");
  gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
  gzclose(f);
  return path;
}

TEST(LoadingFaults, GzipInputIsDecompressedWithinTheLimit) {
  TempDir dir;
  const std::string text = Rows(50'000);
  const std::string gz = WriteGzip(dir.path() + "/jeugdhulp.csv.gz", text);
  RecordStore plain, packed;
  ASSERT_TRUE(ParseJeugdhulpCsv(text, "t.csv", &plain, {}, nullptr).ok());
  const absl::Status s = LoadJeugdhulpCsv(gz, &packed, {}, nullptr);
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_EQ(packed.jeugdhulp.person, plain.jeugdhulp.person);
  EXPECT_EQ(packed.jeugdhulp.start, plain.jeugdhulp.start);
  EXPECT_EQ(packed.persons.size(), plain.persons.size());

  struct stat st {};
  ASSERT_EQ(::stat(gz.c_str(), &st), 0);
  LoadOptions options;
  options.limits.max_file_bytes = static_cast<uint64_t>(st.st_size) + 100;
  RecordStore limited;
  const absl::Status big = LoadJeugdhulpCsv(gz, &limited, options, nullptr);
  EXPECT_EQ(big.code(), absl::StatusCode::kResourceExhausted) << big;

  // A cut gzip file is an error, not a short table.
  std::ifstream in(gz, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string cut = dir.File("cut.csv.gz", bytes.substr(0, bytes.size() / 2));
  RecordStore partial;
  EXPECT_EQ(LoadJeugdhulpCsv(cut, &partial, {}, nullptr).code(), absl::StatusCode::kDataLoss);
}

// ---- The thread pool ----

TEST(LoadingFaults, ParallelForRunsEveryPartAndRethrowsAfterJoining) {
  std::vector<std::atomic<int>> done(50);
  internal::ParallelFor(done.size(), [&](size_t k) { done[k]++; });
  for (const auto& d : done) EXPECT_EQ(d.load(), 1);
  std::atomic<int> ran{0};
  EXPECT_THROW(internal::ParallelFor(8,
                                     [&](size_t k) {
                                       ++ran;
                                       if (k == 3) throw std::bad_alloc();
                                     }),
               std::bad_alloc);
  EXPECT_GE(ran.load(), 1);
  EXPECT_EQ(internal::ThreadCount(3), 3);
  EXPECT_GE(internal::ThreadCount(0), 1);
  EXPECT_LE(internal::ThreadCount(1000), internal::kMaxThreads);
}

}  // namespace
}  // namespace zvdj
