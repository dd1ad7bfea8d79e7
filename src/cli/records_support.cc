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

namespace zvdj::cli {

std::string ReasonKind(std::string_view reason) {
  std::string out;
  for (size_t i = 0; i < reason.size();) {
    const char c = reason[i];
    if (c == '\'') {
      const size_t close = reason.find('\'', i + 1);
      if (close != std::string_view::npos) {
        out += "'…'";
        i = close + 1;
        continue;
      }
    }
    const bool starts_number = std::isdigit(static_cast<unsigned char>(c)) &&
                               (out.empty() || !std::isalpha(static_cast<unsigned char>(out.back())));
    if (starts_number) {
      while (i < reason.size() && (std::isalnum(static_cast<unsigned char>(reason[i])) ||
                                   reason[i] == '-' || reason[i] == '.' || reason[i] == ':')) {
        ++i;
      }
      out += "…";
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

namespace {

std::string Where(const SkippedRow& r) {
  std::string w = absl::StrCat(r.file, ":", r.line);
  if (r.column > 0) absl::StrAppend(&w, ":", r.column);
  return w;
}

absl::Status WriteRejects(const LoadReport& report, const std::string& path) {
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  std::ostream& f = (*file)->stream();
  f << "file,line,column,reason\n";
  for (const SkippedRow& r : report.skipped) {
    f << CsvEscape(r.file) << ',' << r.line << ',' << r.column << ',' << CsvEscape(r.reason)
      << '\n';
  }
  return (*file)->Commit();
}

}  // namespace

absl::Status ReportSkipped(const LoadReport& report, std::string_view command,
                           std::ostream& err, const std::string& rejects_path) {
  if (!rejects_path.empty()) {
    if (absl::Status s = WriteRejects(report, rejects_path); !s.ok()) return s;
  }
  if (report.skipped.empty()) return absl::OkStatus();
  struct Group {
    size_t count = 0;
    size_t first = 0;  // order of first appearance
    std::vector<const SkippedRow*> examples;
  };
  std::map<std::string, Group> groups;
  for (const SkippedRow& r : report.skipped) {
    Group& g = groups[ReasonKind(r.reason)];
    if (g.count++ == 0) g.first = static_cast<size_t>(&r - report.skipped.data());
    if (g.examples.size() < kSkippedExamples) g.examples.push_back(&r);
  }
  std::vector<std::pair<const std::string*, const Group*>> order;
  for (const auto& [k, g] : groups) order.emplace_back(&k, &g);
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.second->count != b.second->count ? a.second->count > b.second->count
                                              : a.second->first < b.second->first;
  });
  err << absl::StrFormat("zvdj %s: skipped %d of %d rows (loaded %d)%s:\n", command,
                         report.skipped.size(), report.input_rows, report.loaded_rows,
                         rejects_path.empty() ? "; --rejects FILE lists every one"
                                              : "; every one is in " + rejects_path);
  for (const auto& [kind, g] : order) {
    err << absl::StrFormat("  %d x %s\n", g->count, EscapeControl(*kind));
    for (const SkippedRow* r : g->examples) {
      err << "      " << EscapeControl(Where(*r)) << ": " << EscapeControl(r->reason) << '\n';
    }
  }
  return absl::OkStatus();
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
