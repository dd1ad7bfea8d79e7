#include "zvdj/publication.hpp"

#include <cmath>
#include <optional>

#include "gtest/gtest.h"

namespace zvdj {
namespace {

Observation Obs(const char* indicator, Period period, const char* region,
                std::optional<double> value, ValueStatus status = ValueStatus::kDefinitive) {
  Observation o;
  o.indicator = indicator;
  o.period = period;
  o.region = region;
  o.value = value;
  o.status = status;
  return o;
}

TEST(Publication, SuppressesSmallCountsAndPropagatesToPercentages) {
  Dataset in;
  const Period y = Period::Year(2019);
  ASSERT_TRUE(in.Add(Obs("jeugdhulp_jongeren", y, "GM0001", 12)).ok());  // row 0
  ASSERT_TRUE(in.Add(Obs("jeugdhulp_met_verblijf", y, "GM0001", 3)).ok());  // row 1
  ASSERT_TRUE(in.Add(Obs("jeugdhulp_met_verblijf_pct", y, "GM0001", 25.0)).ok());  // row 2
  ASSERT_TRUE(in.Add(Obs("jeugdhulp_met_verblijf", y, "GM0002", 0)).ok());  // row 3
  ASSERT_TRUE(in.Add(Obs("jeugdhulp_met_verblijf_pct", y, "GM0002", 0.0)).ok());  // row 4
  ASSERT_TRUE(in.Add(Obs("jeugdhulp_jongeren", y, "NL01", 42127)).ok());  // row 5
  ASSERT_TRUE(in.Add(Obs("jeugdhulp_met_verblijf_pct", y, "NL01", 13.57)).ok());  // row 6 
  ASSERT_TRUE(in.Add(Obs("thuiszitters", y, "GM0003", std::nullopt, ValueStatus::kUnknown)).ok());
  const std::vector<PercentageBasis> bases = {{2, 3, 12}, {4, 0, 20}};

  const Dataset out = Publish(in, {.suppress_below = 10, .round5 = true}, bases);
  ASSERT_EQ(out.size(), in.size());
  EXPECT_EQ(out.value(0), 10);  // 12 -> 10
  EXPECT_EQ(out.status(1), ValueStatus::kUnknown);
  EXPECT_TRUE(std::isnan(out.value(1)));
  EXPECT_EQ(out.status(2), ValueStatus::kUnknown);  // numerator 3 suppressed
  EXPECT_EQ(out.value(3), 0);                        // zero stays
  EXPECT_EQ(out.value(4), 0.0);                      // 0 of 20 is publishable
  EXPECT_EQ(out.value(5), 42125);
  EXPECT_EQ(out.value(6), 13.57);  // a percentage is never rounded to 5
  EXPECT_EQ(out.status(7), ValueStatus::kUnknown);

  const Dataset off = Publish(in, {.suppress_below = 0, .round5 = false}, bases);
  EXPECT_EQ(off.value(1), 3);
  EXPECT_EQ(off.value(2), 25.0);
  EXPECT_EQ(off.value(5), 42127);
}

TEST(Publication, SuppressedDenominatorSuppressesThePercentage) {
  Dataset in;
  ASSERT_TRUE(in.Add(Obs("uithuisplaatsing_ots_pct",
                         Period::Peildatum(Date::FromYmdUnchecked(2019, 12, 31)), "GM0001", 50.0))
                  .ok());
  const Dataset out = Publish(in, {.suppress_below = 5}, {{0, 2, 4}});
  EXPECT_EQ(out.status(0), ValueStatus::kUnknown);
  EXPECT_TRUE(IsSuppressed(4, {.suppress_below = 5}));
  EXPECT_FALSE(IsSuppressed(5, {.suppress_below = 5}));
  EXPECT_FALSE(IsSuppressed(0, {.suppress_below = 5}));
}

}  // namespace
}  // namespace zvdj
