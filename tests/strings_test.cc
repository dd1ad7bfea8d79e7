// The internal string helpers: Trim, ShortEqual (against ==) and the id hash
// of IdDictionary (equal ids hash alike; every length takes its own path).
#include "zvdj/core/strings.h"

#include <random>
#include <set>
#include <string>

#include "gtest/gtest.h"
#include "zvdj/records.hpp"

namespace zvdj::internal {
namespace {

TEST(StringsTest, TrimStripsSpacesTabsAndLineEnds) {
  EXPECT_EQ(Trim(" \tGM0363\r\n"), "GM0363");
  EXPECT_EQ(Trim("  "), "");
  EXPECT_EQ(Trim("a b"), "a b");
}

TEST(StringsTest, ShortEqualAgreesWithEqualityAtEveryLength) {
  std::mt19937 rng(11);
  for (size_t n = 0; n <= 40; ++n) {
    std::string a(n, 'x');
    for (char& c : a) c = static_cast<char>('a' + rng() % 3);
    EXPECT_TRUE(ShortEqual(a, a)) << n;
    EXPECT_TRUE(ShortEqual(a, std::string(a))) << n;
    for (size_t i = 0; i < n; ++i) {  // one byte different, at each place
      std::string b = a;
      b[i] = 'z';
      EXPECT_FALSE(ShortEqual(a, b)) << n << " " << i;
    }
    EXPECT_FALSE(ShortEqual(a, a + "a")) << n;
    if (n > 0) {
      EXPECT_FALSE(ShortEqual(a, a.substr(1))) << n;
    }
  }
}

TEST(StringsTest, IdHashSeparatesIdsOfEveryLength) {
  std::set<uint64_t> seen;
  size_t ids = 0;
  for (size_t n = 0; n <= 24; ++n) {
    for (int k = 0; k < 200; ++k) {
      std::string id = std::to_string(k);
      id = std::string(n > id.size() ? n - id.size() : 0, '0') + id;
      if (id.size() != n) continue;
      ++ids;
      EXPECT_EQ(IdDictionary::Hash(id), IdDictionary::Hash(std::string(id))) << id;
      seen.insert(IdDictionary::Hash(id));
    }
  }
  EXPECT_EQ(seen.size(), ids);  // no collision among these few
}

}  // namespace
}  // namespace zvdj::internal
