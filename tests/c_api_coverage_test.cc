// Every function declared in include/zvdj/zvdj.h is called by some C API test
// (tests/c_api*_test.cc or the strict C99 header test): the header is parsed
// for `ZVDJ_API ... zvdj_name(` declarations outside comments, and each name
// must appear as a whole word in one of those test files.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "zvdj/zvdj.h"

namespace {

const std::filesystem::path kRoot = ZVDJ_SOURCE_DIR;

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The text without /* */ and // comments, so that names in documentation do
// not count as declarations.
std::string StripComments(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, 2, "/*") == 0) {
      const size_t end = text.find("*/", i + 2);
      i = end == std::string::npos ? text.size() : end + 2;
    } else if (text.compare(i, 2, "//") == 0) {
      const size_t end = text.find('\n', i);
      i = end == std::string::npos ? text.size() : end;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::vector<std::string> DeclaredFunctions() {
  const std::string header = StripComments(Slurp(kRoot / "include/zvdj/zvdj.h"));
  // ZVDJ_API, the return type (possibly a pointer), then the name and '('.
  const std::regex decl(R"(ZVDJ_API\s+[A-Za-z_][A-Za-z0-9_ ]*[\s*]+(zvdj_[A-Za-z0-9_]+)\s*\()");
  std::vector<std::string> names;
  for (auto it = std::sregex_iterator(header.begin(), header.end(), decl);
       it != std::sregex_iterator(); ++it) {
    names.push_back((*it)[1].str());
  }
  return names;
}

std::string TestSources() {
  std::string all;
  for (const auto& entry : std::filesystem::directory_iterator(kRoot / "tests")) {
    const std::string name = entry.path().filename().string();
    const bool c_api_test =
        name.rfind("c_api", 0) == 0 &&
        (name.ends_with("_test.cc") || name.ends_with("_test.c")) &&
        name != "c_api_coverage_test.cc";
    if (c_api_test) all += Slurp(entry.path()) + "\n";
  }
  return all;
}

bool MentionsWord(const std::string& text, const std::string& word) {
  const auto is_ident = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  for (size_t pos = text.find(word); pos != std::string::npos; pos = text.find(word, pos + 1)) {
    const bool left_ok = pos == 0 || !is_ident(text[pos - 1]);
    const size_t end = pos + word.size();
    const bool right_ok = end >= text.size() || !is_ident(text[end]);
    if (left_ok && right_ok) return true;
  }
  return false;
}

TEST(CApiCoverage, HeaderParsesIntoManyUniqueFunctions) {
  const std::vector<std::string> names = DeclaredFunctions();
  EXPECT_GE(names.size(), 150u);
  const std::set<std::string> unique(names.begin(), names.end());
  EXPECT_EQ(unique.size(), names.size()) << "a function is declared twice";
  // Spot checks across the header, first to last section.
  for (const char* n : {"zvdj_status_name", "zvdj_dataset_read_csv", "zvdj_table_to_csv",
                        "zvdj_survival_evaluate", "zvdj_factsheet_html", "zvdj_generate_files"}) {
    EXPECT_TRUE(unique.count(n)) << n;
  }
}

TEST(CApiCoverage, EveryDeclaredFunctionIsCalledByATest) {
  const std::string tests = TestSources();
  ASSERT_FALSE(tests.empty());
  std::vector<std::string> untested;
  for (const std::string& name : DeclaredFunctions()) {
    if (!MentionsWord(tests, name)) untested.push_back(name);
  }
  std::string list;
  for (const std::string& n : untested) list += "\n  " + n;
  EXPECT_TRUE(untested.empty()) << untested.size()
                                << " function(s) of zvdj.h are used by no C API test:" << list;
}

// Every enumerator and option-version macro of the header resolves through
// zvdj_constant (macros are invisible to ctypes and R).
TEST(CApiCoverage, EveryHeaderConstantResolvesAtRunTime) {
  const std::string header = StripComments(Slurp(kRoot / "include/zvdj/zvdj.h"));
  const std::regex enumerator(R"((ZVDJ_[A-Z0-9_]+)\s*=\s*-?[0-9])");
  const std::regex version(R"(#define\s+(ZVDJ_[A-Z0-9_]+_VERSION)\s+[0-9])");
  std::vector<std::string> names;
  for (const std::regex* re : {&enumerator, &version}) {
    for (auto it = std::sregex_iterator(header.begin(), header.end(), *re);
         it != std::sregex_iterator(); ++it) {
      names.push_back((*it)[1].str());
    }
  }
  EXPECT_GE(names.size(), 70u);  // 77 when written
  for (const std::string& name : names) {
    int64_t value = -12345;
    EXPECT_EQ(zvdj_constant(&value, name.c_str()), ZVDJ_OK) << name;
  }
}

TEST(CApiCoverage, WordMatchingIsExact) {
  EXPECT_TRUE(MentionsWord("x(zvdj_table_rows(&n, t))", "zvdj_table_rows"));
  EXPECT_FALSE(MentionsWord("zvdj_table_rows_extra", "zvdj_table_rows"));
  EXPECT_FALSE(MentionsWord("my_zvdj_table_rows", "zvdj_table_rows"));
  EXPECT_EQ(StripComments("a /* zvdj_x( */ b // zvdj_y(\nc"), "a  b \nc");
}

}  // namespace
