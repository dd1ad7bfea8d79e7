#include "zvdj/dataset_io.hpp"

#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace zvdj {
namespace {

using ::testing::HasSubstr;

std::string Message(const absl::Status& s) { return std::string(s.message()); }

TEST(DatasetIo, ReadsPlainFileWithDimensionsAndStatuses) {
  const std::string text =
      "indicator,period,region,age_group,value,status,note\n"
      "jeugdhulp_met_verblijf,2019JJ00,NL01,18-23,2955,,CBS\n"
      "jeugdhulp_met_verblijf,2019JJ00,NL01,,42975,*,\n"
      "thuiszitters,2018/'19,NL01,,4790,,\"DUO, Ingrado\"\n"
      "thuiszitters,2017/'18,NL01,,,.,\n"
      "thuiszitters,2016/'17,NL01,,,x,\n"
      "thuiszitters,2015/'16,NL01,,,-,\n"
      "thuiszitters,2014/'15,NL01,,,,\n";
  auto ds = ParseDatasetCsv(text, "in.csv");
  ASSERT_TRUE(ds.ok()) << ds.status();
  ASSERT_EQ(ds->size(), 7u);
  EXPECT_EQ(ds->dimension_names(), (std::vector<std::string>{"age_group"}));
  EXPECT_EQ(ds->dimension(0, 0), "18-23");
  EXPECT_EQ(ds->status(1), ValueStatus::kProvisional);
  EXPECT_EQ(ds->note(2), "DUO, Ingrado");
  EXPECT_EQ(ds->status(3), ValueStatus::kUnknown);
  EXPECT_EQ(ds->status(4), ValueStatus::kSecret);
  EXPECT_EQ(ds->status(5), ValueStatus::kNil);
  EXPECT_EQ(ds->value(5), 0.0);
  EXPECT_EQ(ds->status(6), ValueStatus::kImpossible);
}

TEST(DatasetIo, ColumnsInAnyOrderBomAndCrlf) {
  const std::string text =
      "\xEF\xBB\xBFvalue,status,region,period,indicator\r\n"
      "10.1,,NL01,2019JJ00,jeugdhulp_met_verblijf_pct\r\n"
      "\r\n";
  auto ds = ParseDatasetCsv(text, "in.csv");
  ASSERT_TRUE(ds.ok()) << ds.status();
  ASSERT_EQ(ds->size(), 1u);
  EXPECT_DOUBLE_EQ(ds->value(0), 10.1);
}

TEST(DatasetIo, DutchNumbers) {
  const std::string comma =
      "indicator,period,region,value,status\n"
      "thuiszitters,2018/'19,NL01,\"4.790\",\n"
      "jeugdhulp_met_verblijf_pct,2019JJ00,NL01,\"10,1\",\n";
  DatasetReadOptions dutch;
  dutch.number_format = NumberFormat::kDutch;
  auto ds = ParseDatasetCsv(comma, "in.csv", dutch);
  ASSERT_TRUE(ds.ok()) << ds.status();
  EXPECT_DOUBLE_EQ(ds->value(0), 4790);
  EXPECT_DOUBLE_EQ(ds->value(1), 10.1);
  // A ';' file is read with Dutch numbers by default (the StatLine convention).
  auto semi = ParseDatasetCsv(
      "indicator;period;region;value;status\nx;2019JJ00;NL01;10,1;\ny;2019JJ00;NL01;4.790;\n",
      "semi.csv");
  ASSERT_TRUE(semi.ok()) << semi.status();
  EXPECT_DOUBLE_EQ(semi->value(0), 10.1);
  EXPECT_DOUBLE_EQ(semi->value(1), 4790);
  // The same text read as plain fails on the comma, naming line and column.
  auto plain = ParseDatasetCsv(comma, "in.csv");
  ASSERT_FALSE(plain.ok());
  EXPECT_THAT(Message(plain.status()), HasSubstr("in.csv:3:4:"));
}

TEST(DatasetIo, ErrorsNameFileLineAndColumn) {
  struct Case {
    std::string text;
    std::string expect;
  };
  const std::string h = "indicator,period,region,value,status\n";
  const Case cases[] = {
      {h + "a,2019JJ00,NL01,1,\nb,2019JJ07,NL01,1,\n", "bad.csv:3:2: '2019JJ07' is not a period"},
      {h + "a,2019-02-29,NL01,1,\n", "bad.csv:2:2:"},
      {h + "a,2019JJ00,NL01,abc,\n", "bad.csv:2:4: 'abc' is not a number"},
      {h + "a,2019JJ00,NL01,1,?\n", "bad.csv:2:5: unknown status '?'"},
      {h + "a,2019JJ00,NL01,1,.\n", "bad.csv:2:4: status '.' must have an empty value"},
      {h + "a,2019JJ00,NL01,,*\n", "bad.csv:2:4: status '*' needs a value"},
      {h + "a,2019JJ00,NL01,1\n", "bad.csv:2: expected 5 fields"},
      {h + ",2019JJ00,NL01,1,\n", "bad.csv:2:1: empty indicator"},
      {h + "a,2019JJ00,,1,\n", "bad.csv:2:3: empty region"},
      {h + "a,2019JJ00,NL01,1,\na,2019JJ00,NL01,2,\n", "bad.csv:3: duplicate observation"},
      {h + "a,2019JJ00,NL01,\"1,\n", "bad.csv:2:4: quote opened here is never closed"},
      {"indicator,period,value,status\na,2019JJ00,1,\n", "bad.csv:1: missing required column 'region'"},
      {"", "bad.csv:1: empty file"},
      {"indicator,period,region,value,status,value\n", "duplicated column 'value'"},
  };
  for (const auto& c : cases) {
    auto ds = ParseDatasetCsv(c.text, "bad.csv");
    ASSERT_FALSE(ds.ok()) << c.text;
    EXPECT_EQ(ds.status().code(), absl::StatusCode::kInvalidArgument) << c.text;
    EXPECT_THAT(Message(ds.status()), HasSubstr(c.expect)) << c.text;
  }
}

TEST(DatasetIo, HeaderOnlyIsAnEmptyDataset) {
  auto ds = ParseDatasetCsv("indicator,period,region,value,status\n", "h.csv");
  ASSERT_TRUE(ds.ok());
  EXPECT_EQ(ds->size(), 0u);
}

TEST(DatasetIo, MissingFileIsNotFound) {
  auto ds = ReadDatasetCsv("no/such/file.csv");
  EXPECT_EQ(ds.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(ds.status()), HasSubstr("no/such/file.csv"));
}

TEST(DatasetIo, WriteReadRoundTrip) {
  const std::string text =
      "indicator,period,region,age_group,form,value,status,note\n"
      "jeugdhulp_met_verblijf,2019JJ00,NL01,18-23,,2955,,\"a, b\"\n"
      "jeugdhulp_met_verblijf,2019JJ00,NL01,,gezinsgericht,5550,**,\n"
      "uithuisplaatsing_ots_pct,2019-12-31,NL01,,,27,,\n"
      "thuiszitters,2018/'19,NL01,,,,.,\n"
      "x,2019KW03,GM0363,,,0.1,,\n";
  auto ds = ParseDatasetCsv(text, "in.csv");
  ASSERT_TRUE(ds.ok()) << ds.status();
  std::ostringstream out;
  WriteDatasetCsv(*ds, out);
  EXPECT_EQ(out.str(), text);
  auto again = ParseDatasetCsv(out.str(), "out.csv");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->size(), ds->size());
}

TEST(DatasetIo, CsvEscape) {
  EXPECT_EQ(CsvEscape("plain"), "plain");
  EXPECT_EQ(CsvEscape("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvEscape("say \"hi\""), "\"say \"\"hi\"\"\"");
}

}  // namespace
}  // namespace zvdj
