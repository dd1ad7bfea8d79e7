// Reading a CSV text on several threads gives exactly what one thread gives:
// the same store (row order, person and provider codes in first-seen order,
// birth dates), the same first error in strict mode and the same skipped rows
// in lenient mode, wherever the text is cut into blocks.
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/generator.hpp"
#include "zvdj/records_io.hpp"

namespace zvdj {
namespace {

using ParseFn = absl::Status (*)(std::string_view, std::string_view, RecordStore*,
                                 const LoadOptions&, LoadReport*);

struct Outcome {
  absl::Status status;
  LoadReport report;
  RecordStore store;
};

Outcome Parse(ParseFn parse, const std::string& text, LoadMode mode, int threads,
            size_t block_bytes, const InputLimits& limits = {}) {
  Outcome o;
  LoadOptions options{.mode = mode, .limits = limits};
  options.threads = threads;
  options.parallel_block_bytes = block_bytes;
  o.status = parse(text, "t.csv", &o.store, options, &o.report);
  return o;
}

void ExpectSameIds(const IdDictionary& a, const IdDictionary& b, const char* what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (uint32_t i = 0; i < a.size(); ++i) ASSERT_EQ(a.id(i), b.id(i)) << what << " " << i;
}

void ExpectSameStore(const RecordStore& a, const RecordStore& b) {
  ExpectSameIds(a.persons.ids, b.persons.ids, "persons");
  ExpectSameIds(a.providers, b.providers, "providers");
  EXPECT_EQ(a.persons.birth, b.persons.birth);
  EXPECT_EQ(a.persons.exit, b.persons.exit);
  EXPECT_EQ(a.persons.exit_reason, b.persons.exit_reason);
  const auto& j = a.jeugdhulp;
  const auto& k = b.jeugdhulp;
  EXPECT_EQ(j.person, k.person);
  EXPECT_EQ(j.municipality, k.municipality);
  EXPECT_EQ(j.provider, k.provider);
  EXPECT_EQ(j.form, k.form);
  EXPECT_EQ(j.start, k.start);
  EXPECT_EQ(j.end, k.end);
  EXPECT_EQ(j.end_reason, k.end_reason);
  EXPECT_EQ(a.jeugdbescherming.person, b.jeugdbescherming.person);
  EXPECT_EQ(a.jeugdbescherming.municipality, b.jeugdbescherming.municipality);
  EXPECT_EQ(a.jeugdbescherming.measure, b.jeugdbescherming.measure);
  EXPECT_EQ(a.jeugdbescherming.start, b.jeugdbescherming.start);
  EXPECT_EQ(a.jeugdbescherming.end, b.jeugdbescherming.end);
  EXPECT_EQ(a.verzuim.person, b.verzuim.person);
  EXPECT_EQ(a.verzuim.municipality, b.verzuim.municipality);
  EXPECT_EQ(a.verzuim.kind, b.verzuim.kind);
  EXPECT_EQ(a.verzuim.start, b.verzuim.start);
  EXPECT_EQ(a.verzuim.end, b.verzuim.end);
  EXPECT_EQ(a.vervolgzorg.person, b.vervolgzorg.person);
  EXPECT_EQ(a.vervolgzorg.kind, b.vervolgzorg.kind);
  EXPECT_EQ(a.vervolgzorg.start, b.vervolgzorg.start);
  EXPECT_EQ(a.vervolgzorg.end, b.vervolgzorg.end);
}

void ExpectSame(const Outcome& a, const Outcome& b, const std::string& context) {
  SCOPED_TRACE(context);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.report.input_rows, b.report.input_rows);
  EXPECT_EQ(a.report.loaded_rows, b.report.loaded_rows);
  ASSERT_EQ(a.report.skipped.size(), b.report.skipped.size());
  for (size_t i = 0; i < a.report.skipped.size(); ++i) {
    const SkippedRow& x = a.report.skipped[i];
    const SkippedRow& y = b.report.skipped[i];
    EXPECT_EQ(x.file, y.file) << i;
    EXPECT_EQ(x.line, y.line) << i;
    EXPECT_EQ(x.column, y.column) << i;
    EXPECT_EQ(x.reason, y.reason) << i;
  }
  ExpectSameStore(a.store, b.store);
}

// Compares one thread with 2 and 4 threads over many block sizes, in both modes.
void ExpectSameEverywhere(ParseFn parse, const std::string& text, const std::string& name,
                          const InputLimits& limits = {}) {
  for (const LoadMode mode : {LoadMode::kStrict, LoadMode::kLenient}) {
    const Outcome one = Parse(parse, text, mode, 1, 0, limits);
    for (const int threads : {2, 4}) {
      for (const size_t block : {size_t{1}, size_t{2}, size_t{3}, size_t{7}, size_t{16},
                                 size_t{61}, size_t{200}, size_t{4096}, size_t{0}}) {
        const Outcome many = Parse(parse, text, mode, threads, block, limits);
        ExpectSame(one, many,
                   name + (mode == LoadMode::kStrict ? " strict" : " lenient") + " threads " +
                       std::to_string(threads) + " block " + std::to_string(block));
        if (::testing::Test::HasFailure()) return;
      }
    }
  }
}

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

struct Generated {
  std::string jeugdhulp, jeugdbescherming, verzuim, vervolgzorg, persons;
};

const Generated& GeneratedTexts() {
  static const Generated* g = [] {
    std::ostringstream j, b, v, z, p;
    GenerateStreams streams;
    streams.jeugdhulp = &j;
    streams.jeugdbescherming = &b;
    streams.verzuim = &v;
    streams.vervolgzorg = &z;
    streams.persons = &p;
    auto summary = GenerateRecords({.seed = 3, .persons = 300, .from_year = 2018, .to_year = 2019},
                                   streams);
    EXPECT_TRUE(summary.ok());
    return new Generated{j.str(), b.str(), v.str(), z.str(), p.str()};
  }();
  return *g;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string Join(const std::vector<std::string>& lines, const std::string& eol = "\n") {
  std::string out;
  for (const std::string& l : lines) out += l + eol;
  return out;
}

// Breaks a few data lines in ways the loaders reject (or that are legal but
// unusual), chosen by `seed`.
std::string Mutate(const std::string& text, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<std::string> lines = Lines(text);
  const size_t n = lines.size();
  const int changes = 1 + static_cast<int>(rng() % 6);
  for (int c = 0; c < changes && n > 2; ++c) {
    const size_t i = 1 + rng() % (n - 1);
    std::string& l = lines[i];
    switch (rng() % 12) {
      case 0: {  // a date that does not exist
        const size_t at = l.find("-0");
        if (at != std::string::npos) l.replace(at, 3, "-02-30");
        break;
      }
      case 1:  // a field too few
        l = l.substr(0, l.rfind(','));
        break;
      case 2:  // a field too many
        l += ",x";
        break;
      case 3:  // no person id
        l = l.substr(l.find(','));
        break;
      case 4: {  // another birth date for a person seen before (or an unknown code)
        const size_t at = l.find(",20");
        if (at != std::string::npos) l[at + 4] = l[at + 4] == '9' ? '8' : '9';
        break;
      }
      case 5:  // a blank line
        l.insert(0, 1, '\n');
        break;
      case 6:  // an unknown code in the first text column after the dates
        l += "zz";
        break;
      case 7:  // invalid UTF-8
        l.insert(l.size() / 2, "\xC3\x28");
        break;
      case 8:  // a NUL byte
        l.insert(l.size() / 3, std::string(1, '\0'));
        break;
      case 9:  // a duplicated line (twice listed in persons.csv)
        l.append(1, '\n').append(lines[i]);
        break;
      case 10:  // spaces around a field
        l.insert(0, 1, ' ');
        break;
      default:  // a Windows line end
        l += "\r";
        break;
    }
  }
  return Join(lines);
}

TEST(RecordsIoParallelTest, FixturesAreReadAlikeOnAnyThreadCount) {
  const std::pair<const char*, ParseFn> files[] = {
      {"jeugdhulp.csv", &ParseJeugdhulpCsv},
      {"jeugdbescherming.csv", &ParseJeugdbeschermingCsv},
      {"verzuim.csv", &ParseVerzuimCsv},
      {"vervolgzorg.csv", &ParseVervolgzorgCsv},
      {"persons.csv", &ParsePersonsCsv},
  };
  for (const auto& [name, parse] : files) {
    const std::string text =
        ReadFile(std::string(ZVDJ_SOURCE_DIR) + "/tests/data/records/" + name);
    ASSERT_FALSE(text.empty()) << name;
    ExpectSameEverywhere(parse, text, name);
  }
}

TEST(RecordsIoParallelTest, GeneratedFilesAreReadAlike) {
  const Generated& g = GeneratedTexts();
  ASSERT_GT(g.jeugdhulp.size(), 10000u);
  ExpectSameEverywhere(&ParseJeugdhulpCsv, g.jeugdhulp, "jeugdhulp");
  ExpectSameEverywhere(&ParseJeugdbeschermingCsv, g.jeugdbescherming, "jeugdbescherming");
  ExpectSameEverywhere(&ParseVerzuimCsv, g.verzuim, "verzuim");
  ExpectSameEverywhere(&ParseVervolgzorgCsv, g.vervolgzorg, "vervolgzorg");
  ExpectSameEverywhere(&ParsePersonsCsv, g.persons, "persons");
}

TEST(RecordsIoParallelTest, BrokenRowsGiveTheSameErrorsAndSkips) {
  const Generated& g = GeneratedTexts();
  const std::pair<const std::string*, ParseFn> files[] = {
      {&g.jeugdhulp, &ParseJeugdhulpCsv},
      {&g.jeugdbescherming, &ParseJeugdbeschermingCsv},
      {&g.verzuim, &ParseVerzuimCsv},
      {&g.vervolgzorg, &ParseVervolgzorgCsv},
      {&g.persons, &ParsePersonsCsv},
  };
  for (uint32_t seed = 1; seed <= 12; ++seed) {
    for (const auto& [text, parse] : files) {
      ExpectSameEverywhere(parse, Mutate(*text, seed), "seed " + std::to_string(seed));
      if (HasFailure()) return;
    }
  }
}

TEST(RecordsIoParallelTest, ParallelRunReportsTheFirstBadLineInFileOrder) {
  // Two bad rows far apart: the first one in the file is the error, whichever
  // block is read first.
  std::vector<std::string> lines = Lines(GeneratedTexts().jeugdhulp);
  ASSERT_GT(lines.size(), 1000u);
  lines[900] = lines[900].substr(0, lines[900].rfind(','));
  lines[700].insert(lines[700].find(',') + 1, 1, 'x');
  const std::string text = Join(lines);
  const Outcome o = Parse(&ParseJeugdhulpCsv, text, LoadMode::kStrict, 4, 64);
  ASSERT_FALSE(o.status.ok());
  EXPECT_THAT(std::string(o.status.message()), ::testing::StartsWith("t.csv:701:2: "));
  EXPECT_EQ(o.store.jeugdhulp.size(), 699u);  // the rows before it stay in the store
  const Outcome lenient = Parse(&ParseJeugdhulpCsv, text, LoadMode::kLenient, 4, 64);
  ASSERT_TRUE(lenient.status.ok());
  ASSERT_EQ(lenient.report.skipped.size(), 2u);
  EXPECT_EQ(lenient.report.skipped[0].line, 701u);
  EXPECT_EQ(lenient.report.skipped[1].line, 901u);
  EXPECT_EQ(lenient.report.loaded_rows + 2, lenient.report.input_rows);
}

TEST(RecordsIoParallelTest, LineEndsBlankLinesAndByteOrderMark) {
  const std::string& text = GeneratedTexts().verzuim;
  const std::vector<std::string> lines = Lines(text);
  ExpectSameEverywhere(&ParseVerzuimCsv, Join(lines, "\r\n"), "crlf");
  ExpectSameEverywhere(&ParseVerzuimCsv, "\xEF\xBB\xBF" + text, "bom");
  ExpectSameEverywhere(&ParseVerzuimCsv, "\n\n" + Join(lines, "\n\n") + "\n\r\n",
                       "blank lines");
  ExpectSameEverywhere(&ParseVerzuimCsv, text.substr(0, text.size() - 1), "no final newline");
  // A lone CR ends a record without starting a line.
  std::string cr = text;
  for (size_t at = cr.find('\n', 1000); at != std::string::npos && at < 3000;
       at = cr.find('\n', at + 200)) {
    cr[at] = '\r';
  }
  ExpectSameEverywhere(&ParseVerzuimCsv, cr, "lone CR");
  // Lone CRs count as line ends in the line numbers of later errors.
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    std::string broken = Mutate(cr, seed);
    ExpectSameEverywhere(&ParseVerzuimCsv, broken, "lone CR, broken rows");
    std::vector<std::string> mac = Lines(Mutate(text, seed + 10));
    ExpectSameEverywhere(&ParseVerzuimCsv, Join(mac, "\r"), "CR only, broken rows");
    ExpectSameEverywhere(&ParseVerzuimCsv, Join(mac, "\r\r\n"), "CR CR LF, broken rows");
  }
}

TEST(RecordsIoParallelTest, QuotedFieldsAndLimitsFallBackToTheSameResult) {
  std::vector<std::string> lines = Lines(GeneratedTexts().jeugdhulp);
  // A quoted provider with a line break inside, far from the start.
  {
    std::string& l = lines[500];
    const size_t comma = l.find(',', l.find(',', l.find(',') + 1) + 1);
    const size_t next = l.find(',', comma + 1);
    l = l.substr(0, comma + 1) + "\"A\n" + l.substr(comma + 1, next - comma - 1) + "\"" +
        l.substr(next);
  }
  ExpectSameEverywhere(&ParseJeugdhulpCsv, Join(lines), "quoted newline");
  // A quote inside an unquoted field.
  lines = Lines(GeneratedTexts().jeugdhulp);
  lines[300].insert(3, 1, '"');
  ExpectSameEverywhere(&ParseJeugdhulpCsv, Join(lines), "stray quote");

  const std::string& text = GeneratedTexts().jeugdhulp;
  InputLimits rows;
  rows.max_rows = Lines(text).size() / 2;
  ExpectSameEverywhere(&ParseJeugdhulpCsv, text, "row limit", rows);
  InputLimits field;
  field.max_field_bytes = 9;  // dates are 10 bytes
  ExpectSameEverywhere(&ParseJeugdhulpCsv, text, "field limit", field);
  std::vector<std::string> wide = Lines(text);
  ASSERT_GT(wide.size(), 60u);
  wide[wide.size() / 2] += std::string(40, ',');
  InputLimits columns;
  columns.max_columns = 20;
  ExpectSameEverywhere(&ParseJeugdhulpCsv, Join(wide), "column limit", columns);
}

TEST(RecordsIoParallelTest, RowsAfterAQuoteAreCheckedAgainstTheRowsBefore) {
  // From the block with a quote on, the calling thread reads alone; a person
  // listed there a second time was listed in the part read in parallel.
  std::vector<std::string> lines = Lines(GeneratedTexts().persons);
  ASSERT_GT(lines.size(), 200u);
  lines[150].insert(2, 1, '"');
  lines.push_back(lines[10]);
  ExpectSameEverywhere(&ParsePersonsCsv, Join(lines), "listed twice after a quote");
}

TEST(RecordsIoParallelTest, SeveralFilesIntoOneStore) {
  // persons.csv first, then the other files: the person codes and birth
  // dates carried from file to file come out the same.
  const Generated& g = GeneratedTexts();
  std::vector<std::string> j = Lines(g.jeugdhulp);
  j[40][j[40].find(",20") + 4] = '7';  // another birth date than persons.csv
  const std::string jeugdhulp = Join(j);
  for (const LoadMode mode : {LoadMode::kStrict, LoadMode::kLenient}) {
    Outcome results[3];
    const int counts[3] = {1, 2, 3};
    for (int k = 0; k < 3; ++k) {
      LoadOptions options{.mode = mode};
      options.threads = counts[k];
      options.parallel_block_bytes = 97;
      Outcome& o = results[k];
      o.status = ParsePersonsCsv(g.persons, "p.csv", &o.store, options, &o.report);
      if (o.status.ok()) {
        o.status = ParseJeugdhulpCsv(jeugdhulp, "j.csv", &o.store, options, &o.report);
      }
      if (o.status.ok()) {
        o.status = ParseVervolgzorgCsv(g.vervolgzorg, "v.csv", &o.store, options, &o.report);
      }
    }
    ExpectSame(results[0], results[1], "2 threads");
    ExpectSame(results[0], results[2], "3 threads");
    if (mode == LoadMode::kLenient) {
      EXPECT_FALSE(results[0].report.skipped.empty());
    } else {
      EXPECT_FALSE(results[0].status.ok());
    }
  }
}

TEST(RecordsIoParallelTest, FilesOnDiskAreReadAlike) {
  const std::string path = ::testing::TempDir() + "/records_io_parallel_jeugdhulp.csv";
  {
    std::ofstream f(path, std::ios::binary);
    f << GeneratedTexts().jeugdhulp;
  }
  RecordStore one, two;
  LoadReport r1, r2;
  LoadOptions o1;
  o1.threads = 1;
  LoadOptions o2;
  o2.threads = 2;
  o2.parallel_block_bytes = 333;
  ASSERT_TRUE(LoadJeugdhulpCsv(path, &one, o1, &r1).ok());
  ASSERT_TRUE(LoadJeugdhulpCsv(path, &two, o2, &r2).ok());
  EXPECT_EQ(r1.loaded_rows, r2.loaded_rows);
  ExpectSameStore(one, two);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace zvdj
