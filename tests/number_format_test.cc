#include "zvdj/number_format.hpp"

#include "gtest/gtest.h"

namespace zvdj {
namespace {

TEST(NumberFormat, ParsesPlainNumbers) {
  EXPECT_DOUBLE_EQ(ParseNumber("4790", NumberFormat::kPlain).value(), 4790);
  EXPECT_DOUBLE_EQ(ParseNumber("10.1", NumberFormat::kPlain).value(), 10.1);
  EXPECT_DOUBLE_EQ(ParseNumber("-0.3", NumberFormat::kPlain).value(), -0.3);
  EXPECT_DOUBLE_EQ(ParseNumber("+2", NumberFormat::kPlain).value(), 2);
  EXPECT_DOUBLE_EQ(ParseNumber(" 1e3 ", NumberFormat::kPlain).value(), 1000);
  for (const char* bad : {"", "10,1", "4.790.0", "abc", "1e400", "nan", "inf", "12a", "--1"}) {
    EXPECT_FALSE(ParseNumber(bad, NumberFormat::kPlain).ok()) << bad;
  }
}

TEST(NumberFormat, ParsesDutchNumbers) {
  EXPECT_DOUBLE_EQ(ParseNumber("4.790", NumberFormat::kDutch).value(), 4790);
  EXPECT_DOUBLE_EQ(ParseNumber("10,1", NumberFormat::kDutch).value(), 10.1);
  EXPECT_DOUBLE_EQ(ParseNumber("1.234.567,89", NumberFormat::kDutch).value(), 1234567.89);
  EXPECT_DOUBLE_EQ(ParseNumber("-0,3", NumberFormat::kDutch).value(), -0.3);
  EXPECT_DOUBLE_EQ(ParseNumber("\xE2\x88\x92" "0,3", NumberFormat::kDutch).value(), -0.3);
  EXPECT_DOUBLE_EQ(ParseNumber("4194", NumberFormat::kDutch).value(), 4194);
  EXPECT_DOUBLE_EQ(ParseNumber("42125", NumberFormat::kDutch).value(), 42125);
  for (const char* bad : {"47.90", "1.2", ".5", "1,", "1,2,3", "4.7900", "12.345.6", "1.2a",
                          ",5", "1.234,5x"}) {
    EXPECT_FALSE(ParseNumber(bad, NumberFormat::kDutch).ok()) << bad;
  }
}

TEST(NumberFormat, RoundsCountsToMultiplesOfFive) {
  EXPECT_EQ(RoundToMultipleOf5(42125), 42125);
  EXPECT_EQ(RoundToMultipleOf5(42127), 42125);
  EXPECT_EQ(RoundToMultipleOf5(42128), 42130);
  EXPECT_EQ(RoundToMultipleOf5(2), 0);
  EXPECT_EQ(RoundToMultipleOf5(3), 5);
  EXPECT_EQ(RoundToMultipleOf5(0), 0);
  EXPECT_EQ(RoundToMultipleOf5(-7), -5);
  EXPECT_EQ(RoundToMultipleOf5(-8), -10);
}

TEST(NumberFormat, FormatsDutch) {
  EXPECT_EQ(FormatDutch(4790, 0), "4.790");
  EXPECT_EQ(FormatDutch(42125, 0), "42.125");
  EXPECT_EQ(FormatDutch(443000, 0), "443.000");
  EXPECT_EQ(FormatDutch(1234567.891, 2), "1.234.567,89");
  EXPECT_EQ(FormatDutch(999, 0), "999");
  EXPECT_EQ(FormatDutch(10.14, 1), "10,1");
  EXPECT_EQ(FormatDutch(-1234.5, 1), "\xE2\x88\x92" "1.234,5");
  EXPECT_EQ(FormatDutch(-0.04, 1), "0,0");  // no sign on a zero
  EXPECT_EQ(FormatDutchPercent(10.1, 1), "10,1%");
  EXPECT_EQ(FormatDutchPercent(34, 0), "34%");
  EXPECT_EQ(FormatDutchSigned(-0.3, 1), "\xE2\x88\x92" "0,3");
  EXPECT_EQ(FormatDutchSigned(77.477, 1), "+77,5");
  EXPECT_EQ(FormatDutchSigned(0.0, 1), "0,0");
}

TEST(NumberFormat, PlainFormattingRoundTrips) {
  for (double v : {0.0, 10.1, 4790.0, -0.3, 1.0 / 3.0, 123456789.125}) {
    EXPECT_DOUBLE_EQ(ParseNumber(FormatPlain(v), NumberFormat::kPlain).value(), v);
  }
  EXPECT_EQ(FormatPlain(10.1), "10.1");
  EXPECT_EQ(FormatPlain(4790), "4790");
}

}  // namespace
}  // namespace zvdj
