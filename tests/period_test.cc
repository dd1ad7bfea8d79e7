#include "zvdj/period.hpp"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace zvdj {
namespace {

TEST(Period, ParsesAndWritesCbsCodes) {
  for (const char* code : {"2019JJ00", "2019HJ01", "2019HJ02", "2019KW03", "2019MM05",
                           "2019MM12", "2018/'19", "1999/'00", "2019-12-31"}) {
    auto p = Period::Parse(code);
    ASSERT_TRUE(p.ok()) << code << ": " << p.status();
    EXPECT_EQ(p->ToString(), code);
  }
}

}  // namespace
}  // namespace zvdj
