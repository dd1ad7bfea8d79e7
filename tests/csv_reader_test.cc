#include "zvdj/core/csv_reader.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace zvdj::internal {
namespace {

using ::testing::HasSubstr;

TEST(CsvReader, QuotedFieldsWithCommasQuotesAndNewlines) {
  const std::string text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nplain,,end\n";
  CsvReader csv(text, "q.csv");
  ASSERT_TRUE(csv.ReadHeader().ok());
  ASSERT_TRUE(csv.Next().value());
  EXPECT_EQ(csv.field(0), "x, y");
  EXPECT_EQ(csv.field(1), "say \"hi\"");
  EXPECT_EQ(csv.field(2), "two\nlines");
  EXPECT_EQ(csv.line(), 2u);
  ASSERT_TRUE(csv.Next().value());
  EXPECT_EQ(csv.line(), 4u);  // the quoted newline moved the line count on
  EXPECT_EQ(csv.field(1), "");
  EXPECT_FALSE(csv.Next().value());
  EXPECT_EQ(csv.records(), 2u);
}

TEST(CsvReader, EscapedFieldsStayValidAcrossARecord) {
  // Several "" escapes in one record must not invalidate earlier fields.
  std::string text = "a,b,c,d,e\n";
  text += "\"1\"\"\",\"2\"\"\",\"3\"\"\",\"4\"\"\",\"5\"\"\"\n";
  CsvReader csv(text, "e.csv");
  ASSERT_TRUE(csv.ReadHeader().ok());
  ASSERT_TRUE(csv.Next().value());
  for (size_t i = 0; i < 5; ++i) EXPECT_EQ(csv.field(i), std::to_string(i + 1) + "\"");
}

TEST(CsvReader, BomCrlfAndBlankLines) {
  CsvReader csv("\xEF\xBB\xBFid,v\r\n1,2\r\n\r\n\r\n3,4\r\n\n", "b.csv");
  ASSERT_TRUE(csv.ReadHeader().ok());
  EXPECT_EQ(csv.header()[0], "id");
  ASSERT_TRUE(csv.Next().value());
  EXPECT_EQ(csv.field(1), "2");
  ASSERT_TRUE(csv.Next().value());
  EXPECT_EQ(csv.field(0), "3");
  EXPECT_EQ(csv.line(), 5u);
  EXPECT_FALSE(csv.Next().value());
}

TEST(CsvReader, LoneCarriageReturnEndsALine) {
  // Old Mac files end lines with a lone CR; each one counts as a line, mixed
  // with LF and CRLF, inside quotes too, so that lines match an editor's.
  CsvReader csv("id,v\r1,2\r\n3,\"a\rb\"\r4,5\n\r6,7", "m.csv");
  ASSERT_TRUE(csv.ReadHeader().ok());
  ASSERT_TRUE(csv.Next().value());
  EXPECT_EQ(csv.line(), 2u);
  ASSERT_TRUE(csv.Next().value());
  EXPECT_EQ(csv.line(), 3u);
  EXPECT_EQ(csv.field(1), "a\rb");
  ASSERT_TRUE(csv.Next().value());
  EXPECT_EQ(csv.line(), 5u);
  EXPECT_EQ(csv.field(0), "4");
  ASSERT_TRUE(csv.Next().value());
  EXPECT_EQ(csv.line(), 7u);  // the blank line "\r" counted
  EXPECT_EQ(csv.field(1), "7");
  EXPECT_FALSE(csv.Next().value());
}

TEST(CsvReader, SkipToNextLineStopsAtALoneCarriageReturn) {
  CsvReader csv("a,b\r1,\"x\"y,2\r3,4\r", "s.csv");
  ASSERT_TRUE(csv.ReadHeader().ok());
  auto r = csv.Next();
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("s.csv:2:2: unexpected text"));
  csv.SkipToNextLine();
  ASSERT_TRUE(csv.Next().value());
  EXPECT_EQ(csv.line(), 3u);
  EXPECT_EQ(csv.field(0), "3");
}

TEST(CsvReader, Errors) {
  {
    CsvReader csv("a,b\n1,2,3\n", "f.csv");
    ASSERT_TRUE(csv.ReadHeader().ok());
    auto r = csv.Next();
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(std::string(r.status().message()), HasSubstr("f.csv:2: expected 2 fields"));
  }
  {
    CsvReader csv("a,b\n1,\"open\n", "f.csv");
    ASSERT_TRUE(csv.ReadHeader().ok());
    auto r = csv.Next();
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(std::string(r.status().message()), HasSubstr("f.csv:2:2: quote opened here"));
  }
  {
    CsvReader csv("a,b\n1,x\"y\n", "f.csv");
    ASSERT_TRUE(csv.ReadHeader().ok());
    EXPECT_FALSE(csv.Next().ok());
  }
  {
    CsvReader csv("a,b\n1,\"x\"y\n", "f.csv");
    ASSERT_TRUE(csv.ReadHeader().ok());
    EXPECT_FALSE(csv.Next().ok());
  }
  {
    CsvReader csv("", "f.csv");
    EXPECT_FALSE(csv.ReadHeader().ok());
  }
  {
    CsvReader csv("a,a\n", "f.csv");
    EXPECT_THAT(std::string(csv.ReadHeader().message()), HasSubstr("duplicated column 'a'"));
  }
  {
    CsvReader csv("a,b\n1,2\n", "f.csv");
    ASSERT_TRUE(csv.ReadHeader().ok());
    ASSERT_TRUE(csv.Next().value());
    EXPECT_EQ(std::string(csv.FieldError(1, "bad").message()), "f.csv:2:2: bad (column 'b')");
  }
}

TEST(CsvReader, RejectsOverlongFields) {
  std::string text = "a\n" + std::string(kMaxFieldBytes + 1, 'x') + "\n";
  CsvReader csv(text, "long.csv");
  ASSERT_TRUE(csv.ReadHeader().ok());
  auto r = csv.Next();
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("field longer than"));
}

TEST(CsvReader, SemicolonSeparator) {
  CsvReader csv("a;b\n\"1;2\";3\n", "s.csv", ';');
  ASSERT_TRUE(csv.ReadHeader().ok());
  ASSERT_TRUE(csv.Next().value());
  EXPECT_EQ(csv.field(0), "1;2");
}

}  // namespace
}  // namespace zvdj::internal
