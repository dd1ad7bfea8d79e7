// Checked, all-or-nothing output: failed writes (injected, /dev/full, a full
// tmpfs) leave the previous file untouched and no temporary file behind.
#include "zvdj/internal/atomic_file.h"

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/dataset.hpp"
#include "zvdj/dataset_io.hpp"
#include "zvdj/factsheet.hpp"
#include "zvdj/generator.hpp"

namespace zvdj::internal {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path MakeTempDir() {
  std::string tmpl = (fs::path(::testing::TempDir()) / "atomic_XXXXXX").string();
  const char* d = ::mkdtemp(tmpl.data());
  EXPECT_NE(d, nullptr);
  return fs::path(tmpl);
}

// Every entry in `dir` (temporary files start with a dot).
std::vector<std::string> Entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// A write(2) that lets `g_budget` bytes through and then fails with ENOSPC, as
// a disk that fills up mid-file.
std::atomic<long> g_budget{0};
ssize_t BudgetWrite(int fd, const void* data, size_t size) {
  const long left = g_budget.load();
  if (left <= 0) {
    errno = ENOSPC;
    return -1;
  }
  const size_t n = std::min<size_t>(size, static_cast<size_t>(left));
  g_budget -= static_cast<long>(n);
  return ::write(fd, data, n);
}
int FailingFsync(int) {
  errno = EIO;
  return -1;
}

// Installs a fault for the lifetime of the object.
class Fault {
 public:
  explicit Fault(long budget, bool fail_fsync = false) {
    g_budget = budget;
    old_ = SetFileOpsForTesting(
        FileOps{&BudgetWrite, fail_fsync ? &FailingFsync : DefaultFileOps().fsync});
  }
  ~Fault() { SetFileOpsForTesting(old_); }

 private:
  FileOps old_{};
};

TEST(AtomicFile, WritesAndLeavesNoTemporaryFile) {
  const fs::path dir = MakeTempDir();
  const std::string path = (dir / "a.csv").string();
  ASSERT_TRUE(WriteFileAtomically(path, std::string_view("one\n")).ok());
  ASSERT_TRUE(WriteFileAtomically(path, std::string_view("two\n")).ok());
  EXPECT_EQ(ReadAll(path), "two\n");
  EXPECT_EQ(Entries(dir), std::vector<std::string>{"a.csv"});
  fs::remove_all(dir);
}

TEST(AtomicFile, FailedWriteKeepsThePreviousFile) {
  const fs::path dir = MakeTempDir();
  const std::string path = (dir / "a.csv").string();
  ASSERT_TRUE(WriteFileAtomically(path, std::string_view("complete\n")).ok());
  const std::string big(1 << 20, 'x');
  absl::Status s;
  {
    Fault fault(1000);
    s = WriteFileAtomically(path, std::string_view(big));
  }
  EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(s.message(), "cannot write " + path + ": " + std::strerror(ENOSPC));
  EXPECT_EQ(ReadAll(path), "complete\n");
  EXPECT_EQ(Entries(dir), std::vector<std::string>{"a.csv"});
  fs::remove_all(dir);
}

TEST(AtomicFile, FailedFsyncKeepsThePreviousFile) {
  const fs::path dir = MakeTempDir();
  const std::string path = (dir / "a.csv").string();
  ASSERT_TRUE(WriteFileAtomically(path, std::string_view("complete\n")).ok());
  absl::Status s;
  {
    Fault fault(1 << 30, /*fail_fsync=*/true);
    s = WriteFileAtomically(path, std::string_view("new\n"));
  }
  EXPECT_THAT(s.message(), HasSubstr(std::strerror(EIO)));
  EXPECT_EQ(ReadAll(path), "complete\n");
  EXPECT_EQ(Entries(dir), std::vector<std::string>{"a.csv"});
  fs::remove_all(dir);
}

TEST(AtomicFile, AWriterThatFailsPublishesNothing) {
  const fs::path dir = MakeTempDir();
  const std::string path = (dir / "a.csv").string();
  const absl::Status s = WriteFileAtomically(path, [](std::ostream& os) -> absl::Status {
    os << "half";
    return absl::InternalError("the writer gave up");
  });
  EXPECT_EQ(s.message(), "the writer gave up");
  EXPECT_TRUE(Entries(dir).empty());
  fs::remove_all(dir);
}

TEST(AtomicFile, MissingFolderIsNotFound) {
  const absl::Status s =
      WriteFileAtomically("/nonexistent/dir/out.csv", std::string_view("x"));
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(s.message(), HasSubstr("cannot write /nonexistent/dir/out.csv: "));
}

TEST(AtomicFile, AFolderInTheWayIsAnError) {
  const fs::path dir = MakeTempDir();
  fs::create_directory(dir / "sub");
  const absl::Status s = WriteFileAtomically((dir / "sub").string(), std::string_view("x"));
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("cannot write"));
  EXPECT_EQ(Entries(dir), std::vector<std::string>{"sub"});
  fs::remove_all(dir);
}

TEST(AtomicFile, SetOfFilesIsAllOrNothing) {
  const fs::path dir = MakeTempDir();
  const std::string a = (dir / "a.svg").string(), b = (dir / "index.html").string();
  ASSERT_TRUE(WriteFilesAtomically({{a, "old a"}, {b, "old index"}}).ok());
  const std::string big(1 << 20, 'x');
  absl::Status s;
  {
    Fault fault(100);  // the first file fits, the second does not
    s = WriteFilesAtomically({{a, "new a"}, {b, big}});
  }
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("cannot write " + b));
  EXPECT_EQ(ReadAll(a), "old a");
  EXPECT_EQ(ReadAll(b), "old index");
  EXPECT_EQ(Entries(dir), (std::vector<std::string>{"a.svg", "index.html"}));
  fs::remove_all(dir);
}

TEST(CheckedOutput, DevFullIsAnError) {
  const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  if (fd < 0) GTEST_SKIP() << "no /dev/full";
  CheckedOutput out(fd, "standard output");
  out << "indicator,period\n";
  const absl::Status s = out.Close();
  EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(s.message(), std::string("cannot write standard output: ") + std::strerror(ENOSPC));
}

TEST(CheckedOutput, InjectedFailureMidStream) {
  const fs::path dir = MakeTempDir();
  const int fd = ::open((dir / "o").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  ASSERT_GE(fd, 0);
  absl::Status s;
  {
    Fault fault(10);
    CheckedOutput out(fd, "standard output");
    for (int i = 0; i < 100000; ++i) out << "2015JJ00,GM0883\n";
    s = out.Close();
  }
  EXPECT_THAT(s.message(), HasSubstr("No space left on device"));
  fs::remove_all(dir);
}

TEST(CheckedOutput, SucceedsOnAFile) {
  const fs::path dir = MakeTempDir();
  const int fd = ::open((dir / "o").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  ASSERT_GE(fd, 0);
  CheckedOutput out(fd, "o");
  const std::string big(300000, 'y');
  out << "a" << big << 'z';
  ASSERT_TRUE(out.Close().ok());
  EXPECT_EQ(ReadAll(dir / "o"), "a" + big + "z");
  fs::remove_all(dir);
}

// A real full disk: a 64 KiB tmpfs (needs the right to mount; skipped otherwise).
class FullTmpfs : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    if (::mount("tmpfs", dir_.c_str(), "tmpfs", 0, "size=64k") != 0) {
      fs::remove(dir_);
      GTEST_SKIP() << "cannot mount a tmpfs: " << std::strerror(errno);
    }
    mounted_ = true;
  }
  void TearDown() override {
    if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  fs::path dir_;
  bool mounted_ = false;
};

TEST_F(FullTmpfs, FailedWriteKeepsThePreviousFile) {
  const std::string path = (dir_ / "out.csv").string();
  ASSERT_TRUE(WriteFileAtomically(path, std::string_view("complete\n")).ok());
  const std::string big(1 << 20, 'x');
  const absl::Status s = WriteFileAtomically(path, std::string_view(big));
  EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(s.message(), "cannot write " + path + ": " + std::strerror(ENOSPC));
  EXPECT_EQ(ReadAll(path), "complete\n");
  EXPECT_EQ(Entries(dir_), std::vector<std::string>{"out.csv"});
}

TEST_F(FullTmpfs, FactsheetRerunKeepsTheCompleteFactsheet) {
  Factsheet sheet;
  sheet.html = "<html>complete</html>";
  sheet.charts.push_back(FactsheetChart{"a.svg", "A", "<svg>a</svg>"});
  const std::string out = (dir_ / "out").string();
  ASSERT_TRUE(WriteFactsheet(sheet, out).ok());
  Factsheet big = sheet;
  big.html = std::string(1 << 20, 'h');
  big.charts[0].svg = "<svg>new</svg>";
  big.charts.push_back(FactsheetChart{"b.svg", "B", "<svg>b</svg>"});
  const absl::Status s = WriteFactsheet(big, out);
  EXPECT_THAT(s.message(), HasSubstr("cannot write " + out + "/index.html: "));
  EXPECT_EQ(ReadAll(dir_ / "out" / "index.html"), "<html>complete</html>");
  EXPECT_EQ(ReadAll(dir_ / "out" / "a.svg"), "<svg>a</svg>");
  EXPECT_EQ(Entries(dir_ / "out"), (std::vector<std::string>{"a.svg", "index.html"}));
}

TEST(AtomicFileUse, FactsheetFailedRerunLeavesTheOldFactsheet) {
  const fs::path dir = MakeTempDir();
  Factsheet sheet;
  sheet.html = "<html>complete</html>";
  sheet.charts.push_back(FactsheetChart{"a.svg", "A", "<svg>a</svg>"});
  ASSERT_TRUE(WriteFactsheet(sheet, dir.string()).ok());
  Factsheet next = sheet;
  next.html = std::string(1 << 20, 'h');
  next.charts[0].svg = "<svg>new</svg>";
  absl::Status s;
  {
    Fault fault(1000);
    s = WriteFactsheet(next, dir.string());
  }
  EXPECT_THAT(s.message(), HasSubstr("cannot write " + (dir / "index.html").string() + ": " +
                                     std::strerror(ENOSPC)));
  EXPECT_EQ(ReadAll(dir / "index.html"), "<html>complete</html>");
  EXPECT_EQ(ReadAll(dir / "a.svg"), "<svg>a</svg>");
  EXPECT_EQ(Entries(dir), (std::vector<std::string>{"a.svg", "index.html"}));
  fs::remove_all(dir);
}

TEST(AtomicFileUse, GeneratorNamesTheFileAndTheReason) {
  const fs::path dir = MakeTempDir();
  GenerateOptions o;
  o.persons = 2000;
  o.from_year = 2017;
  o.to_year = 2018;
  absl::StatusOr<GenerateSummary> s;
  {
    Fault fault(5000);
    s = GenerateRecordFiles(o, dir.string());
  }
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.status().message(), HasSubstr("cannot write " + dir.string() + "/"));
  EXPECT_THAT(s.status().message(), HasSubstr(std::strerror(ENOSPC)));
  EXPECT_TRUE(Entries(dir).empty());
  ASSERT_TRUE(GenerateRecordFiles(o, dir.string()).ok());
  EXPECT_EQ(Entries(dir).size(), 7u);
  fs::remove_all(dir);
}

TEST(AtomicFileUse, DatasetCsvThroughCheckedFile) {
  const fs::path dir = MakeTempDir();
  const std::string path = (dir / "d.csv").string();
  auto ds = ParseDatasetCsv("indicator,period,region,value,status\nx,2019JJ00,NL01,1,\n", "d.csv");
  ASSERT_TRUE(ds.ok()) << ds.status();
  ASSERT_TRUE(
      WriteFileAtomically(path, [&](std::ostream& os) { WriteDatasetCsv(*ds, os); }).ok());
  EXPECT_THAT(ReadAll(path), HasSubstr("x,2019JJ00,NL01"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace zvdj::internal
