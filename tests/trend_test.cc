#include "zvdj/trend.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace zvdj {
namespace {

using ::testing::HasSubstr;
using ::testing::Optional;
using ::testing::DoubleNear;

// ---- Primitives ----------------------------------------------------------------

TEST(ChangePrimitives, AbsoluteRelativeAndPercentagePoint) {
  EXPECT_DOUBLE_EQ(AbsoluteChange(1665, 2955), 1290);
  EXPECT_THAT(RelativeChangePct(1665, 2955), Optional(DoubleNear(77.477, 1e-3)));
  EXPECT_THAT(RelativeChangePct(5, 6), Optional(DoubleNear(20.0, 1e-12)));
  EXPECT_EQ(RelativeChangePct(0, 6), std::nullopt);
  EXPECT_NEAR(PercentagePointChange(10.4, 10.1), -0.3, 1e-12);
  // 5% -> 6% is +1 pp and +20%: never label one as the other.
  EXPECT_THAT(PercentagePointChangeFor(Unit::kPercentage, 5, 6), Optional(DoubleNear(1, 1e-12)));
  EXPECT_EQ(PercentagePointChangeFor(Unit::kCount, 5, 6), std::nullopt);
}

TEST(ChangePrimitives, IndexNumber) {
  EXPECT_THAT(IndexNumber(42125, 40020), Optional(DoubleNear(95.0030, 1e-4)));
  EXPECT_THAT(IndexNumber(50, 50), Optional(100.0));
  EXPECT_EQ(IndexNumber(0, 5), std::nullopt);
}

TEST(ChangePrimitives, Cagr) {
  // (121/100)^(1/2) - 1 = 0.1
  EXPECT_THAT(Cagr(100, 121, 2).value, Optional(DoubleNear(0.1, 1e-12)));
  // JmV 0-18 2016 -> 2019: (40020/42125)^(1/3) - 1 = exp(ln(0.950030)/3) - 1 = -1.694%.
  EXPECT_THAT(CagrBetween(Period::Year(2016), Period::Year(2019), 42125, 40020).value,
              Optional(DoubleNear(-0.0169422, 1e-7)));
  // Quarters: four quarters are one year.
  EXPECT_THAT(CagrBetween(Period::Quarter(2019, 1), Period::Quarter(2020, 1), 100, 110).value,
              Optional(DoubleNear(0.1, 1e-12)));
  // Both negative: ratio positive, defined.
  EXPECT_TRUE(Cagr(-100, -121, 2).value.has_value());
  // A fall to zero is -100%.
  EXPECT_THAT(Cagr(100, 0, 2).value, Optional(-1.0));
}

TEST(ChangePrimitives, ChangeOverSpan) {
  // OTS: 34% on 31-12-2016, 27% on 31-12-2019.
  SpanChange ots = ChangeOverSpan(Unit::kPercentage, *Period::Parse("2016-12-31"),
                                  *Period::Parse("2019-12-31"), 34, 27);
  EXPECT_DOUBLE_EQ(ots.abs_change, -7);
  EXPECT_THAT(ots.pp_change, Optional(DoubleNear(-7, 1e-12)));
  EXPECT_THAT(ots.rel_change_pct, Optional(DoubleNear(-20.5882, 1e-4)));
  EXPECT_NEAR(ots.years, 3.0, 1e-12);
  EXPECT_THAT(ots.cagr.value, Optional(DoubleNear(std::pow(27.0 / 34.0, 1.0 / 3) - 1, 1e-12)));
  // Thuiszitters, school years '15-'16 .. '18-'19: a count, no pp.
  SpanChange tz = ChangeOverSpan(Unit::kCount, Period::SchoolYear(2015),
                                 Period::SchoolYear(2018), 4194, 4790);
  EXPECT_DOUBLE_EQ(tz.abs_change, 596);
  EXPECT_FALSE(tz.pp_change);
  EXPECT_DOUBLE_EQ(tz.years, 3);
}

TEST(ChangePrimitives, CagrUndefinedWithReason) {
  Rate zero = Cagr(0, 10, 3);
  EXPECT_FALSE(zero.value);
  EXPECT_THAT(zero.reason, HasSubstr("first value is 0"));
  Rate sign = Cagr(-5, 10, 3);
  EXPECT_FALSE(sign.value);
  EXPECT_THAT(sign.reason, HasSubstr("sign"));
  Rate no_time = Cagr(5, 10, 0);
  EXPECT_FALSE(no_time.value);
  EXPECT_THAT(no_time.reason, HasSubstr("no time"));
  EXPECT_FALSE(CagrBetween(Period::Year(2016), Period::SchoolYear(2018), 1, 2).value);
}

// ---- Mann-Kendall and Theil-Sen ---------------------------------------------

const std::vector<double> kGolden = {10.2, 10.8, 11.1, 11.0, 11.9, 12.3};

TEST(MannKendall, GoldenSeriesExactP) {
  auto mk = MannKendallTest(kGolden);
  ASSERT_TRUE(mk);
  EXPECT_EQ(mk->n, 6);
  EXPECT_EQ(mk->concordant, 14);  // R cor.test's T
  EXPECT_EQ(mk->s, 13);           // 14 concordant - 1 discordant
  EXPECT_NEAR(mk->tau, 0.8667, 5e-5);
  EXPECT_NEAR(mk->p_value, 0.01667, 5e-6);  // 12 / 720
  EXPECT_EQ(mk->method, MannKendallMethod::kExact);
  EXPECT_DOUBLE_EQ(mk->var_s, 6 * 5 * 17 / 18.0);
}

TEST(MannKendall, MinimumAttainablePByN) {
  // Perfectly monotone series: p = 2 / n!.
  const std::pair<int, double> expected[] = {{3, 0.333333}, {4, 0.0833333}, {5, 0.0166667},
                                             {6, 0.00277778}, {7, 0.000396825},
                                             {8, 4.96032e-5}};
  for (const auto& [n, p] : expected) {
    std::vector<double> x;
    for (int i = 0; i < n; ++i) x.push_back(i);
    auto mk = MannKendallTest(x);
    ASSERT_TRUE(mk);
    EXPECT_NEAR(mk->p_value, p, p * 1e-5) << "n=" << n;
    EXPECT_DOUBLE_EQ(mk->tau, 1.0);
    // Decreasing gives the same two-sided p and tau -1.
    std::vector<double> down(x.rbegin(), x.rend());
    EXPECT_NEAR(MannKendallTest(down)->p_value, p, p * 1e-5);
    EXPECT_DOUBLE_EQ(MannKendallTest(down)->tau, -1.0);
  }
}

TEST(MannKendall, FourPointsCannotReachFivePercent) {
  auto mk = MannKendallTest({1, 2, 3, 4});
  EXPECT_GT(mk->p_value, 0.05);
}

TEST(MannKendall, NoTrendHasPOne) {
  // S = 0: every arrangement has |S| >= 0.
  auto mk = MannKendallTest({1, 3, 2});  // (+,+,-) = 1: p(|S| >= 1) = 1 for n=3
  EXPECT_EQ(mk->s, 1);
  EXPECT_DOUBLE_EQ(mk->p_value, 1.0);
}

TEST(MannKendall, TiesUseExactPermutationDistribution) {
  // {1,2,2,3}: 12 distinct arrangements, S in [-5, 5]; only sorted (S=5) and
  // reversed (S=-5) reach |S| >= 5, so p = 2/12.
  auto mk = MannKendallTest({1, 2, 2, 3});
  ASSERT_TRUE(mk);
  EXPECT_EQ(mk->s, 5);
  EXPECT_EQ(mk->method, MannKendallMethod::kExactPermutation);
  EXPECT_NEAR(mk->p_value, 2.0 / 12.0, 1e-12);
  EXPECT_NEAR(mk->tau, 5 / std::sqrt(5.0 * 6.0), 1e-12);  // tau-b
  // Var(S) = [4*3*13 - 2*1*9] / 18 = 138/18.
  EXPECT_NEAR(mk->var_s, 138.0 / 18.0, 1e-12);
  // All equal: no trend at all.
  auto flat = MannKendallTest({5, 5, 5, 5});
  EXPECT_EQ(flat->s, 0);
  EXPECT_DOUBLE_EQ(flat->p_value, 1.0);
  EXPECT_DOUBLE_EQ(flat->tau, 0.0);
}

// Brute force over all distinct arrangements of the values.
double BruteForceP(std::vector<double> x) {
  auto s_of = [](const std::vector<double>& v) {
    int64_t s = 0;
    for (size_t i = 0; i < v.size(); ++i) {
      for (size_t j = i + 1; j < v.size(); ++j) s += (v[j] > v[i]) - (v[j] < v[i]);
    }
    return s;
  };
  const int64_t obs = std::abs(s_of(x));
  std::sort(x.begin(), x.end());
  double hits = 0, all = 0;
  do {
    all += 1;
    hits += std::abs(s_of(x)) >= obs;
  } while (std::next_permutation(x.begin(), x.end()));
  return hits / all;
}

TEST(MannKendall, TiedExactMatchesBruteForce) {
  const std::vector<std::vector<double>> cases = {
      {1, 2, 2, 3},
      {27, 29, 29, 32, 34},
      {5, 5, 4, 4, 3, 6, 7},
      {10, 11, 11, 11, 12, 13, 12, 14, 15, 15},
      {3, 1, 3, 2, 1, 3, 2, 2, 1}};
  for (const auto& x : cases) {
    auto mk = MannKendallTest(x);
    ASSERT_TRUE(mk);
    EXPECT_EQ(mk->method, MannKendallMethod::kExactPermutation);
    EXPECT_NEAR(mk->p_value, BruteForceP(x), 1e-12) << x.size();
  }
}

TEST(MannKendall, NormalApproximationAboveTen) {
  std::vector<double> x;
  for (int i = 0; i < 11; ++i) x.push_back(i);
  auto mk = MannKendallTest(x);
  ASSERT_TRUE(mk);
  EXPECT_EQ(mk->method, MannKendallMethod::kNormalApprox);
  EXPECT_EQ(mk->s, 55);
  EXPECT_DOUBLE_EQ(mk->var_s, 165.0);  // 11*10*27/18
  // z = (55 - 1) / sqrt(165) = 4.20389, two-sided p = 2.6236e-5.
  EXPECT_NEAR(mk->p_value, 2.6236e-5, 1e-8);
  EXPECT_EQ(MannKendallMethodName(mk->method), "normal_cc");
}

TEST(MannKendall, TooShort) {
  EXPECT_FALSE(MannKendallTest({1, 2}));
  EXPECT_FALSE(MannKendallTest({}));
}

TEST(TheilSen, GoldenSlope) {
  EXPECT_THAT(TheilSenSlope({0, 1, 2, 3, 4, 5}, kGolden), Optional(DoubleNear(0.4, 1e-12)));
}

TEST(TheilSen, UsesTimeInYearsAndSkipsEqualTimes) {
  // Gap: 2016, 2017, 2019 -> slopes 2/1, 6/3, 4/2 = all 2.
  EXPECT_THAT(TheilSenSlope({0, 1, 3}, {10, 12, 16}), Optional(DoubleNear(2.0, 1e-12)));
  EXPECT_EQ(TheilSenSlope({0}, {1}), std::nullopt);
  EXPECT_EQ(TheilSenSlope({1, 1}, {1, 2}), std::nullopt);
  // Even number of slopes: mean of the middle two. Slopes 1, 3 -> (x: 0,1,2 ; t 0,1,2)
  // (1-0)/1=1, (4-0)/2=2, (4-1)/1=3 -> median 2.
  EXPECT_THAT(TheilSenSlope({0, 1, 2}, {0, 1, 4}), Optional(DoubleNear(2.0, 1e-12)));
  EXPECT_THAT(TheilSenSlope({0, 1}, {0, 3}), Optional(DoubleNear(3.0, 1e-12)));
}

TEST(TrendFlags, Names) {
  EXPECT_EQ(TrendFlagsString(kFlagNone), "");
  EXPECT_EQ(TrendFlagsString(kFlagProvisionalMix | kFlagBreak), "provisional_mix;break");
}

// ---- Trend rows --------------------------------------------------------------

Observation Obs(std::string ind, Period p, std::optional<double> v,
                ValueStatus st = ValueStatus::kDefinitive, Dimensions dims = {}) {
  Observation o;
  o.indicator = std::move(ind);
  o.period = p;
  o.value = v;
  o.status = st;
  o.dims = std::move(dims);
  return o;
}

SeriesBreak Break(std::string ind, int before, int after, std::string reason) {
  SeriesBreak b;
  b.indicator = std::move(ind);
  b.before = Period::Year(before);
  b.after = Period::Year(after);
  b.reason = std::move(reason);
  return b;
}

TrendOptions Base(Period p) {
  TrendOptions o;
  o.base = p;
  return o;
}

TrendOptions Range(Period from, Period to) {
  TrendOptions o;
  o.from = from;
  o.to = to;
  return o;
}

const TrendRow& RowAt(const TrendTable& t, std::string_view ind, Period p,
                      std::string_view age = "") {
  for (const TrendRow& r : t.rows) {
    const TrendSeries& s = t.series[r.series];
    std::string_view a = s.dims.empty() ? "" : std::string_view(s.dims[0]);
    if (s.indicator == ind && r.period == p && a == age) return r;
  }
  ADD_FAILURE() << "no row " << ind << " " << p.ToString();
  static TrendRow none;
  return none;
}

TEST(TrendRows, ComparesWithCalendarPredecessorNotPreviousRow) {
  Dataset ds;
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_jongeren", Period::Year(2016), 100)).ok());
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_jongeren", Period::Year(2018), 110)).ok());
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_jongeren", Period::Year(2019), 121)).ok());
  TrendTable t = ComputeTrendRows(ds, Catalogue::BuiltIn(), {});
  ASSERT_EQ(t.rows.size(), 3u);
  const TrendRow& r2018 = RowAt(t, "jeugdhulp_jongeren", Period::Year(2018));
  EXPECT_FALSE(r2018.abs_change);
  EXPECT_FALSE(r2018.rel_change_pct);
  EXPECT_FALSE(r2018.prev_value);
  EXPECT_EQ(r2018.prev_period, Period::Year(2017));
  EXPECT_EQ(r2018.note, "no value for 2017JJ00");
  EXPECT_TRUE(r2018.flags & kFlagNoPredecessor);
  const TrendRow& r2019 = RowAt(t, "jeugdhulp_jongeren", Period::Year(2019));
  EXPECT_THAT(r2019.abs_change, Optional(11.0));
  EXPECT_THAT(r2019.rel_change_pct, Optional(DoubleNear(10.0, 1e-12)));
  EXPECT_FALSE(r2019.pp_change);  // a count never gets pp
  EXPECT_EQ(r2019.note, "");
  EXPECT_EQ(RowAt(t, "jeugdhulp_jongeren", Period::Year(2016)).note, "no value for 2015JJ00");
}

TEST(TrendRows, RowsOutOfOrderAreSortedPerSeries) {
  Dataset ds;
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2017), 4479)).ok());
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2015), 4194)).ok());
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2016), 4214)).ok());
  TrendTable t = ComputeTrendRows(ds, Catalogue::BuiltIn(), {});
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].period, Period::SchoolYear(2015));
  EXPECT_EQ(t.rows[2].period, Period::SchoolYear(2017));
  // School year '16-'17 has '15-'16 as predecessor.
  EXPECT_EQ(t.rows[1].prev_period, Period::SchoolYear(2015));
  EXPECT_THAT(t.rows[1].abs_change, Optional(20.0));
  EXPECT_THAT(t.rows[2].abs_change, Optional(265.0));
  EXPECT_EQ(t.rows[0].note, "no value for 2014/'15");
}

TEST(TrendRows, PercentageGetsPpAndRelative) {
  Dataset ds;
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_met_verblijf_pct", Period::Year(2018), 10.4)).ok());
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_met_verblijf_pct", Period::Year(2019), 10.1)).ok());
  TrendTable t = ComputeTrendRows(ds, Catalogue::BuiltIn(), {});
  const TrendRow& r = RowAt(t, "jeugdhulp_met_verblijf_pct", Period::Year(2019));
  EXPECT_THAT(r.pp_change, Optional(DoubleNear(-0.3, 1e-12)));
  EXPECT_THAT(r.rel_change_pct, Optional(DoubleNear(-2.8846, 1e-4)));
  EXPECT_EQ(t.series[r.series].unit, Unit::kPercentage);
  EXPECT_EQ(t.series[r.series].direction, Direction::kDown);
}

TEST(TrendRows, PeildatumSeries) {
  Dataset ds;
  for (auto [y, v] : {std::pair{2016, 34.0}, {2017, 32.0}, {2019, 27.0}}) {
    ASSERT_TRUE(ds.Add(Obs("uithuisplaatsing_ots_pct",
                           Period::Peildatum(Date::FromYmd(y, 12, 31).value()), v))
                    .ok());
  }
  TrendTable t = ComputeTrendRows(ds, Catalogue::BuiltIn(), {});
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_THAT(t.rows[1].pp_change, Optional(DoubleNear(-2, 1e-12)));
  EXPECT_EQ(t.rows[1].prev_period->ToString(), "2016-12-31");
  EXPECT_EQ(t.rows[2].note, "no value for 2018-12-31");
}

TEST(TrendRows, QuarterSeriesCrossesTheYear) {
  Dataset ds;
  ASSERT_TRUE(ds.Add(Obs("professionals_uitstroom_pct", Period::Quarter(2019, 4), 6.8)).ok());
  ASSERT_TRUE(ds.Add(Obs("professionals_uitstroom_pct", Period::Quarter(2020, 1), 6.7)).ok());
  ASSERT_TRUE(ds.Add(Obs("professionals_uitstroom_pct", Period::Quarter(2020, 3), 4.7)).ok());
  TrendTable t = ComputeTrendRows(ds, Catalogue::BuiltIn(), {});
  EXPECT_EQ(t.rows[1].prev_period, Period::Quarter(2019, 4));
  EXPECT_THAT(t.rows[1].pp_change, Optional(DoubleNear(-0.1, 1e-12)));
  EXPECT_EQ(t.rows[2].note, "no value for 2020KW02");
}

TEST(TrendRows, ValuesWithoutNumber) {
  Dataset ds;
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2015), 4194)).ok());
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2016), std::nullopt,
                         ValueStatus::kUnknown)).ok());
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2017), std::nullopt,
                         ValueStatus::kSecret)).ok());
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2018), std::nullopt,
                         ValueStatus::kImpossible)).ok());
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2019), 5000)).ok());
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2020), std::nullopt,
                         ValueStatus::kNil)).ok());
  TrendTable t = ComputeTrendRows(ds, Catalogue::BuiltIn(), {});
  ASSERT_EQ(t.rows.size(), 6u);
  EXPECT_FALSE(t.rows[1].abs_change);
  EXPECT_EQ(t.rows[1].note, "no number for 2016/'17 (status '.': unknown)");
  EXPECT_FALSE(t.rows[2].abs_change);
  EXPECT_THAT(t.rows[2].note, HasSubstr("no number for 2017/'18 (status 'x': secret)"));
  EXPECT_THAT(t.rows[2].note, HasSubstr("no number for 2016/'17 (status '.': unknown)"));
  EXPECT_THAT(t.rows[4].note, HasSubstr("no number for 2018/'19 (impossible"));
  EXPECT_TRUE(t.rows[4].flags & kFlagNoValue);
  // Nil is zero: a change exists (and the relative change of the next would be undefined).
  EXPECT_THAT(t.rows[5].value, Optional(0.0));
  EXPECT_THAT(t.rows[5].abs_change, Optional(-5000.0));
  EXPECT_THAT(t.rows[5].rel_change_pct, Optional(DoubleNear(-100.0, 1e-12)));
}

TEST(TrendRows, ZeroPreviousValueHasNoRelativeChange) {
  Dataset ds;
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2015), std::nullopt,
                         ValueStatus::kNil)).ok());
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2016), 5)).ok());
  TrendTable t = ComputeTrendRows(ds, Catalogue::BuiltIn(), {});
  EXPECT_THAT(t.rows[1].abs_change, Optional(5.0));
  EXPECT_FALSE(t.rows[1].rel_change_pct);
  EXPECT_TRUE(t.rows[1].flags & kFlagZeroBase);
  EXPECT_THAT(t.rows[1].note, HasSubstr("relative change undefined"));
}

TEST(TrendRows, NoChangeAcrossABreak) {
  Dataset ds;
  for (int y = 2015; y <= 2018; ++y) {
    ASSERT_TRUE(ds.Add(Obs("vervolgzorg_pct", Period::Year(y), 20.0 + y - 2015)).ok());
  }
  BreakRegister breaks;
  ASSERT_TRUE(breaks.Add(Break("vervolgzorg_pct", 2016, 2017, "CBS switched source file")).ok());
  TrendTable t = ComputeTrendRows(ds, Catalogue::BuiltIn(), breaks);
  const TrendRow& r2017 = RowAt(t, "vervolgzorg_pct", Period::Year(2017));
  EXPECT_FALSE(r2017.abs_change);
  EXPECT_FALSE(r2017.pp_change);
  EXPECT_EQ(r2017.note, "series break between 2016JJ00 and 2017JJ00: CBS switched source file");
  EXPECT_TRUE(r2017.flags & kFlagBreak);
  EXPECT_THAT(r2017.prev_value, Optional(21.0));  // shown, but not compared
  EXPECT_THAT(RowAt(t, "vervolgzorg_pct", Period::Year(2018)).pp_change,
              Optional(DoubleNear(1.0, 1e-12)));
  // The index (base 2015) stops at the break.
  EXPECT_THAT(RowAt(t, "vervolgzorg_pct", Period::Year(2016)).index, Optional(105.0));
  EXPECT_FALSE(RowAt(t, "vervolgzorg_pct", Period::Year(2017)).index);
}

TEST(TrendRows, ProvisionalMixIsComputedButFlagged) {
  Dataset ds;
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_jongeren", Period::Year(2018), 400000)).ok());
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_jongeren", Period::Year(2019), 410000,
                         ValueStatus::kProvisional)).ok());
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_jongeren", Period::Year(2020), 420000,
                         ValueStatus::kRevisedProvisional)).ok());
  TrendTable t = ComputeTrendRows(ds, Catalogue::BuiltIn(), {});
  EXPECT_THAT(t.rows[1].abs_change, Optional(10000.0));
  EXPECT_TRUE(t.rows[1].flags & kFlagProvisionalMix);
  EXPECT_EQ(TrendFlagsString(t.rows[1].flags), "provisional_mix");
  EXPECT_THAT(t.rows[1].note, HasSubstr("provisional (2019JJ00) and a definitive (2018JJ00)"));
  EXPECT_THAT(t.rows[2].abs_change, Optional(10000.0));
  EXPECT_FALSE(t.rows[2].flags & kFlagProvisionalMix);
  EXPECT_TRUE(t.rows[2].flags & kFlagProvisional);
  EXPECT_EQ(t.rows[2].prev_status, ValueStatus::kProvisional);
}

TEST(TrendRows, IndexDefaultsToFirstPeriodAndAcceptsABase) {
  Dataset ds;
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_jongeren", Period::Year(2016), 200)).ok());
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_jongeren", Period::Year(2017), 250)).ok());
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_jongeren", Period::Year(2018), 300)).ok());
  TrendTable t = ComputeTrendRows(ds, Catalogue::BuiltIn(), {});
  EXPECT_THAT(t.rows[0].index, Optional(100.0));
  EXPECT_THAT(t.rows[2].index, Optional(150.0));
  TrendTable b = ComputeTrendRows(ds, Catalogue::BuiltIn(), {}, Base(Period::Year(2018)));
  EXPECT_THAT(b.rows[0].index, Optional(DoubleNear(66.6667, 1e-4)));
  EXPECT_THAT(b.rows[2].index, Optional(100.0));
  // A base of another kind gives no index.
  TrendTable k = ComputeTrendRows(ds, Catalogue::BuiltIn(), {}, Base(Period::SchoolYear(2016)));
  EXPECT_FALSE(k.rows[0].index);
}

TEST(TrendRows, FromToFilterKeepsPredecessorOutsideRange) {
  Dataset ds;
  for (int y = 2015; y <= 2019; ++y) {
    ASSERT_TRUE(ds.Add(Obs("jeugdhulp_jongeren", Period::Year(y), 100.0 + y)).ok());
  }
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2015), 4194)).ok());
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2016), 4214)).ok());
  TrendTable t = ComputeTrendRows(ds, Catalogue::BuiltIn(), {},
                                  Range(Period::Year(2017), Period::Year(2018)));
  // Year series: 2017, 2018. School years must start on/after 1 Jan 2017 and
  // end by 31 Dec 2018: none.
  ASSERT_EQ(t.rows.size(), 2u);
  ASSERT_EQ(t.series.size(), 1u);
  EXPECT_EQ(t.rows[0].period, Period::Year(2017));
  EXPECT_THAT(t.rows[0].abs_change, Optional(1.0));  // vs 2016, outside the range
  EXPECT_THAT(t.rows[0].index, Optional(100.0));     // base = first period in range
}

TEST(TrendRows, SeriesSplitByDimensionsAndPeriodKind) {
  Dataset ds;
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_met_verblijf", Period::Year(2016), 1665, {},
                         {{"age_group", "18-23"}})).ok());
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_met_verblijf", Period::Year(2017), 2085, {},
                         {{"age_group", "18-23"}})).ok());
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_met_verblijf", Period::Year(2017), 44100, {},
                         {{"age_group", "0-18"}})).ok());
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_met_verblijf", Period::HalfYear(2017, 1), 40000, {},
                         {{"age_group", "0-18"}})).ok());
  TrendTable t = ComputeTrendRows(ds, Catalogue::BuiltIn(), {});
  ASSERT_EQ(t.series.size(), 3u);
  ASSERT_EQ(t.dimension_names, std::vector<std::string>{"age_group"});
  EXPECT_EQ(t.series[0].dims[0], "18-23");
  EXPECT_EQ(t.series[0].direction, Direction::kUp);  // verlengde jeugdhulp is intended
  EXPECT_EQ(t.series[1].direction, Direction::kDown);
  EXPECT_EQ(t.series[2].period_kind, PeriodKind::kHalfYear);
  EXPECT_THAT(RowAt(t, "jeugdhulp_met_verblijf", Period::Year(2017), "18-23").abs_change,
              Optional(420.0));
  EXPECT_FALSE(RowAt(t, "jeugdhulp_met_verblijf", Period::Year(2017), "0-18").abs_change);
}

TEST(TrendRows, UnknownIndicatorsAreCountsUnlessNamedPct) {
  Dataset ds;
  ASSERT_TRUE(ds.Add(Obs("mijn_teller", Period::Year(2018), 10)).ok());
  ASSERT_TRUE(ds.Add(Obs("mijn_teller", Period::Year(2019), 12)).ok());
  ASSERT_TRUE(ds.Add(Obs("mijn_aandeel_pct", Period::Year(2018), 10)).ok());
  ASSERT_TRUE(ds.Add(Obs("mijn_aandeel_pct", Period::Year(2019), 12)).ok());
  TrendTable t = ComputeTrendRows(ds, Catalogue::BuiltIn(), {});
  EXPECT_EQ(t.series[0].unit, Unit::kCount);
  EXPECT_EQ(t.series[0].direction, Direction::kNone);
  EXPECT_FALSE(t.rows[1].pp_change);
  EXPECT_EQ(t.series[1].unit, Unit::kPercentage);
  EXPECT_THAT(t.rows[3].pp_change, Optional(2.0));
  // A user catalogue decides when it knows the id.
  Catalogue cat = Catalogue::BuiltIn();
  IndicatorDef def;
  def.id = "mijn_aandeel_pct";
  def.unit = Unit::kCount;
  def.direction = Direction::kUp;
  ASSERT_TRUE(cat.Add(def).ok());
  TrendTable u = ComputeTrendRows(ds, cat, {});
  EXPECT_EQ(u.series[1].unit, Unit::kCount);
  EXPECT_EQ(u.series[1].direction, Direction::kUp);
}

TEST(TrendRows, StreamingMatchesTheTable) {
  Dataset ds;
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2016), 4214)).ok());
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_jongeren", Period::Year(2016), 100)).ok());
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2015), 4194)).ok());
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_jongeren", Period::Year(2017), 90)).ok());
  TrendTable t = ComputeTrendRows(ds, Catalogue::BuiltIn(), {});
  size_t i = 0, n_series = 0;
  ForEachSeriesTrend(ds, Catalogue::BuiltIn(), {}, {},
                     [&](const TrendSeries& s, const std::vector<TrendRow>& rows) {
                       EXPECT_EQ(s.indicator, t.series[n_series].indicator);
                       ++n_series;
                       for (const TrendRow& r : rows) {
                         ASSERT_LT(i, t.rows.size());
                         EXPECT_EQ(r.period, t.rows[i].period);
                         EXPECT_EQ(r.abs_change, t.rows[i].abs_change);
                         EXPECT_EQ(r.note, t.rows[i].note);
                         ++i;
                       }
                     });
  EXPECT_EQ(i, t.rows.size());
  EXPECT_EQ(n_series, 2u);
}

// ---- Summaries ------------------------------------------------------------------

TEST(TrendSummaries, FirstVersusLastWithStatistics) {
  Dataset ds;
  for (int i = 0; i < 6; ++i) {
    ASSERT_TRUE(ds.Add(Obs("client_goed_geholpen_pct", Period::Year(2014 + i), kGolden[i])).ok());
  }
  SummaryTable s = ComputeTrendSummaries(ds, Catalogue::BuiltIn(), {});
  ASSERT_EQ(s.summaries.size(), 1u);
  const TrendSummary& sum = s.summaries[0];
  EXPECT_EQ(sum.first_period, Period::Year(2014));
  EXPECT_EQ(sum.last_period, Period::Year(2019));
  EXPECT_EQ(sum.n_periods, 6);
  EXPECT_THAT(sum.pp_change, Optional(DoubleNear(2.1, 1e-12)));
  EXPECT_THAT(sum.rel_change_pct, Optional(DoubleNear(20.5882, 1e-4)));
  EXPECT_THAT(sum.cagr_pct, Optional(DoubleNear(100 * (std::pow(12.3 / 10.2, 0.2) - 1), 1e-12)));
  EXPECT_THAT(sum.theil_sen_slope, Optional(DoubleNear(0.4, 1e-12)));
  EXPECT_EQ(sum.mk_s, 13);
  EXPECT_THAT(sum.mk_tau, Optional(DoubleNear(0.8667, 5e-5)));
  EXPECT_THAT(sum.mk_p, Optional(DoubleNear(0.01667, 5e-6)));
  EXPECT_EQ(sum.mk_method, MannKendallMethod::kExact);
  EXPECT_EQ(sum.note, "");
}

TEST(TrendSummaries, LatestUnbrokenSegmentAfterABreak) {
  Dataset ds;
  for (int y = 2015; y <= 2018; ++y) {
    ASSERT_TRUE(ds.Add(Obs("vervolgzorg_pct", Period::Year(y), 20.0 + 5 * (y - 2015))).ok());
  }
  BreakRegister breaks;
  ASSERT_TRUE(breaks.Add(Break("vervolgzorg_pct", 2016, 2017, "bronbestand")).ok());
  SummaryTable s = ComputeTrendSummaries(ds, Catalogue::BuiltIn(), breaks);
  const TrendSummary& sum = s.summaries[0];
  EXPECT_EQ(sum.first_period, Period::Year(2017));
  EXPECT_EQ(sum.n_periods, 2);
  EXPECT_THAT(sum.pp_change, Optional(5.0));
  EXPECT_TRUE(sum.flags & kFlagSegment);
  EXPECT_THAT(sum.note, HasSubstr("series break between 2016JJ00 and 2017JJ00: bronbestand"));
  EXPECT_THAT(sum.note, HasSubstr("summary covers 2017JJ00-2018JJ00 only"));
  EXPECT_FALSE(sum.mk_p);  // two points
}

TEST(TrendSummaries, GapsMissingValuesAndProvisionalEndpoints) {
  Dataset ds;
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2015), 4194,
                         ValueStatus::kRevisedProvisional)).ok());
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2016), std::nullopt,
                         ValueStatus::kUnknown)).ok());
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2018), 4790,
                         ValueStatus::kProvisional)).ok());
  SummaryTable s = ComputeTrendSummaries(ds, Catalogue::BuiltIn(), {});
  const TrendSummary& sum = s.summaries[0];
  EXPECT_EQ(sum.n_periods, 2);
  EXPECT_THAT(sum.years, Optional(3.0));
  EXPECT_THAT(sum.abs_change, Optional(596.0));
  EXPECT_FALSE(sum.pp_change);
  EXPECT_TRUE(sum.flags & kFlagProvisionalFirst);
  EXPECT_TRUE(sum.flags & kFlagProvisionalLast);
  EXPECT_THAT(sum.note, HasSubstr("1 period(s) without a number skipped"));
  EXPECT_THAT(sum.note, HasSubstr("last value provisional"));
}

TEST(TrendSummaries, UndefinedCagrAndSinglePoints) {
  Dataset ds;
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2015), std::nullopt,
                         ValueStatus::kNil)).ok());
  ASSERT_TRUE(ds.Add(Obs("thuiszitters", Period::SchoolYear(2016), 10)).ok());
  ASSERT_TRUE(ds.Add(Obs("jeugdhulp_jongeren", Period::Year(2019), 10)).ok());
  ASSERT_TRUE(ds.Add(Obs("vrijstellingen_5a", Period::SchoolYear(2019), std::nullopt,
                         ValueStatus::kSecret)).ok());
  SummaryTable s = ComputeTrendSummaries(ds, Catalogue::BuiltIn(), {});
  ASSERT_EQ(s.summaries.size(), 3u);
  EXPECT_FALSE(s.summaries[0].cagr_pct);
  EXPECT_FALSE(s.summaries[0].rel_change_pct);
  EXPECT_THAT(s.summaries[0].note, HasSubstr("CAGR undefined: the first value is 0"));
  EXPECT_FALSE(s.summaries[1].abs_change);
  EXPECT_THAT(s.summaries[1].note, HasSubstr("only one period"));
  EXPECT_FALSE(s.summaries[2].first_period);
  EXPECT_EQ(s.summaries[2].note, "no period with a number");
}

}  // namespace
}  // namespace zvdj
