#include "cli/records_support.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "cli/command.h"
#include "cli/io.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/internal/record_schema.h"

namespace zvdj::cli {

namespace {

std::string Where(const SkippedRow& r) {
  std::string w = absl::StrCat(r.file, ":", r.line);
  if (r.column > 0) absl::StrAppend(&w, ":", r.column);
  return w;
}

}  // namespace

absl::Status RejectsFile::Attach(const std::string& path, LoadOptions* load) {
  if (path.empty()) return absl::OkStatus();
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  file_ = std::move(*file);
  file_->stream() << "file,line,column,reason\n";
  std::ostream* f = &file_->stream();
  load->on_skipped = [f](const SkippedRow& r) {
    *f << CsvEscape(r.file) << ',' << r.line << ',' << r.column << ',' << CsvEscape(r.reason)
       << '\n';
  };
  return absl::OkStatus();
}

absl::Status RejectsFile::Commit() { return file_ ? file_->Commit() : absl::OkStatus(); }

void ReportSkipped(const LoadReport& report, std::string_view command, std::ostream& err,
                   const std::string& rejects_path) {
  if (report.skipped_rows == 0) return;
  std::map<std::string, std::vector<const SkippedRow*>> examples;
  for (const SkippedRow& r : report.skipped) {
    auto& e = examples[internal::ReasonKey(r.reason)];
    if (e.size() < kSkippedExamples) e.push_back(&r);
  }
  std::vector<std::pair<std::string, size_t>> order(report.skipped_reasons.begin(),
                                                    report.skipped_reasons.end());
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  err << absl::StrFormat("zvdj %s: skipped %d of %d rows (loaded %d)%s:\n", command,
                         report.skipped_rows, report.input_rows, report.loaded_rows,
                         rejects_path.empty() ? "; --rejects FILE lists every one"
                                              : "; every one is in " + rejects_path);
  for (const auto& [kind, count] : order) {
    err << absl::StrFormat("  %d x %s\n", count, EscapeControl(kind));
    for (const SkippedRow* r : examples[kind]) {
      err << "      " << EscapeControl(Where(*r)) << ": " << EscapeControl(r->reason) << '\n';
    }
  }
}

int32_t LatestDate(const RecordStore& s) {
  int32_t latest = kNoDate;
  const auto see = [&](const std::vector<int32_t>& dates) {
    for (int32_t d : dates) {
      if (d != kOpenEnd && d != kNoDate) latest = latest == kNoDate ? d : std::max(latest, d);
    }
  };
  see(s.jeugdhulp.start);
  see(s.jeugdhulp.end);
  see(s.jeugdbescherming.start);
  see(s.jeugdbescherming.end);
  see(s.verzuim.start);
  see(s.verzuim.end);
  see(s.vervolgzorg.start);
  see(s.vervolgzorg.end);
  see(s.persons.exit);
  return latest;
}

absl::StatusOr<Coverage> ReadCoverage(const std::string& path) {
  auto text = ReadInput(path);
  if (!text.ok()) return text.status();
  std::vector<std::string> lines = absl::StrSplit(*text, '\n', absl::SkipWhitespace());
  const auto bad = [&](absl::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ": ", why, " (expected a header from_year,to_year and one row such as 2016,2019)"));
  };
  if (lines.size() != 2 || absl::StripSuffix(lines[0], "\r") != "from_year,to_year") {
    return bad("not a coverage file");
  }
  std::vector<std::string> f = absl::StrSplit(absl::StripSuffix(lines[1], "\r"), ',');
  Coverage c;
  if (f.size() != 2 || !absl::SimpleAtoi(f[0], &c.from_year) ||
      !absl::SimpleAtoi(f[1], &c.to_year) || c.from_year < 1401 || c.to_year > 9998 ||
      c.from_year > c.to_year) {
    return bad(absl::StrCat("line 2: '", lines[1], "' is not two years in order"));
  }
  return c;
}

absl::Status WriteCoverage(const std::string& path, const Coverage& c) {
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  (*file)->stream() << "from_year,to_year\n" << c.from_year << ',' << c.to_year << '\n';
  return (*file)->Commit();
}

std::optional<std::string> CoverageBeside(const std::string& records_path) {
  if (records_path == "-") return std::nullopt;
  const std::filesystem::path p =
      std::filesystem::path(records_path).parent_path() / "coverage.csv";
  std::error_code ec;
  if (std::filesystem::is_regular_file(p, ec)) return p.string();
  return std::nullopt;
}

}  // namespace zvdj::cli
