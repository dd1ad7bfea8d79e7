#include "zvdj/dataset.hpp"

#include <cmath>

#include "gtest/gtest.h"

namespace zvdj {
namespace {

Observation Obs(std::string ind, Period p, double v, Dimensions dims = {},
                ValueStatus s = ValueStatus::kDefinitive) {
  Observation o;
  o.indicator = std::move(ind);
  o.period = p;
  o.dims = std::move(dims);
  o.value = v;
  o.status = s;
  return o;
}

TEST(Dataset, AddsAndReadsColumns) {
  Dataset ds;
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2018), 4790)).ok());
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_met_verblijf", Period::Year(2019), 2955,
                         {{"age_group", "18-23"}})).ok());
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds.indicator(0), "thuiszitters");
  EXPECT_EQ(ds.region(0), "NL01");
  EXPECT_EQ(ds.period(0), Period::SchoolYear(2018));
  EXPECT_EQ(ds.value(1), 2955);
  ASSERT_EQ(ds.dimension_names().size(), 1u);
  EXPECT_EQ(ds.dimension(0, 0), "");  // added before the dimension existed: total
  EXPECT_EQ(ds.dimension(1, 0), "18-23");
  EXPECT_EQ(ds.dimensions(1), (Dimensions{{"age_group", "18-23"}}));
  EXPECT_TRUE(ds.dimensions(0).empty());
}

TEST(Dataset, StatusesAndValues) {
  Dataset ds;
  Observation secret;
  secret.indicator = "x";
  secret.period = Period::Year(2019);
  secret.status = ValueStatus::kUnknown;
  ASSERT_TRUE(ds.Add(secret).ok());
  EXPECT_TRUE(std::isnan(ds.value(0)));
  Observation nil = secret;
  nil.period = Period::Year(2018);
  nil.status = ValueStatus::kNil;
  ASSERT_TRUE(ds.Add(nil).ok());
  EXPECT_EQ(ds.value(1), 0.0);
  // A value with a secret status, and a definitive status without a value, are refused.
  Observation bad = secret;
  bad.period = Period::Year(2017);
  bad.value = 5;
  EXPECT_EQ(ds.Add(bad).code(), absl::StatusCode::kInvalidArgument);
  bad.value.reset();
  bad.status = ValueStatus::kProvisional;
  EXPECT_EQ(ds.Add(bad).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasValue(ValueStatus::kRevisedProvisional));
  EXPECT_FALSE(HasValue(ValueStatus::kSecret));
  EXPECT_TRUE(IsProvisional(ValueStatus::kProvisional));
}

TEST(Dataset, StatusSymbols) {
  for (auto s : {ValueStatus::kDefinitive, ValueStatus::kProvisional,
                 ValueStatus::kRevisedProvisional, ValueStatus::kUnknown, ValueStatus::kSecret,
                 ValueStatus::kNil}) {
    EXPECT_EQ(ParseStatusSymbol(StatusSymbol(s)).value(), s);
  }
  EXPECT_FALSE(ParseStatusSymbol("?").ok());
  EXPECT_FALSE(ParseStatusSymbol("***").ok());
}

TEST(Dataset, RejectsDuplicateKeys) {
  Dataset ds;
  ASSERT_TRUE(ds.Add(Obs("a", Period::Year(2019), 1, {{"age_group", "0-4"}})).ok());
  EXPECT_EQ(ds.Add(Obs("a", Period::Year(2019), 2, {{"age_group", "0-4"}})).code(),
            absl::StatusCode::kAlreadyExists);
  // Same key except for the dimension, region or period: fine.
  EXPECT_TRUE(ds.Add(Obs("a", Period::Year(2019), 2, {{"age_group", "4-12"}})).ok());
  EXPECT_TRUE(ds.Add(Obs("a", Period::Year(2019), 2)).ok());
  EXPECT_TRUE(ds.Add(Obs("a", Period::Year(2018), 2, {{"age_group", "0-4"}})).ok());
  // An explicit empty dimension value is the total.
  EXPECT_EQ(ds.Add(Obs("a", Period::Year(2019), 3, {{"age_group", ""}})).code(),
            absl::StatusCode::kAlreadyExists);
}

TEST(Dataset, SelectAndFind) {
  Dataset ds;
  for (int y = 2016; y <= 2019; ++y) {
    ASSERT_TRUE(ds.Add(Obs("jmv", Period::Year(y), y, {{"age_group", "0-4"}})).ok());
    ASSERT_TRUE(ds.Add(Obs("jmv", Period::Year(y), y + 1)).ok());
  }
  Observation gm = Obs("jmv", Period::Year(2019), 7);
  gm.region = "GM0363";
  ASSERT_TRUE(ds.Add(gm).ok());
  EXPECT_EQ(ds.Select({.indicator = "jmv"}).size(), 9u);
  EXPECT_EQ(ds.Select({.indicator = "jmv", .region = "NL01"}).size(), 8u);
  EXPECT_EQ(ds.Select({.indicator = "jmv", .dims = {{"age_group", "0-4"}}}).size(), 4u);
  EXPECT_EQ(ds.Select({.indicator = "jmv", .region = "NL01", .dims = {{"age_group", ""}}}).size(),
            4u);
  EXPECT_EQ(ds.Select({.indicator = "jmv", .from = Period::Year(2018), .to = Period::Year(2019)})
                .size(),
            5u);
  EXPECT_TRUE(ds.Select({.indicator = "nope"}).empty());
  EXPECT_TRUE(ds.Select({.indicator = "jmv", .period_kind = PeriodKind::kSchoolYear}).empty());
  auto row = ds.Find("jmv", "NL01", Period::Year(2017), {{"age_group", "0-4"}});
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(ds.value(*row), 2017);
  EXPECT_FALSE(ds.Find("jmv", "NL01", Period::Year(2015)).has_value());
  EXPECT_EQ(ds.value(*ds.Find("jmv", "NL01", Period::Year(2017))), 2018);
}

TEST(Dataset, SeriesIds) {
  Dataset ds;
  ASSERT_TRUE(ds.Add(Obs("a", Period::Year(2018), 1)).ok());
  ASSERT_TRUE(ds.Add(Obs("a", Period::Year(2018), 1, {{"g", "x"}})).ok());
  ASSERT_TRUE(ds.Add(Obs("a", Period::Year(2019), 1)).ok());
  ASSERT_TRUE(ds.Add(Obs("b", Period::Year(2019), 1)).ok());
  ASSERT_TRUE(ds.Add(Obs("a", Period::Year(2019), 1, {{"g", "x"}})).ok());
  uint32_t n = 0;
  const auto ids = ds.SeriesIds(&n);
  EXPECT_EQ(n, 3u);
  EXPECT_EQ(ids, (std::vector<uint32_t>{0, 1, 0, 2, 1}));
  EXPECT_EQ(ds.Indicators(), (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace zvdj
