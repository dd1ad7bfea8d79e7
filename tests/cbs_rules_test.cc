// CBS's publication conventions, each on a small hand-checked case: explicit
// age totals, the thuiszitters series, provisional 2019 figures, exact
// decimal changes, StatLine symbols in the value column, reference groups
// and the 29 February rule of `zvdj cohort`.
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/assessment.hpp"
#include "zvdj/breaks.hpp"
#include "zvdj/catalogue.hpp"
#include "zvdj/dataset_io.hpp"
#include "zvdj/indicators.hpp"
#include "zvdj/number_format.hpp"
#include "zvdj/records_io.hpp"
#include "zvdj/trend.hpp"

namespace zvdj {
namespace {

using ::testing::HasSubstr;

const std::string kData = std::string(ZVDJ_SOURCE_DIR) + "/data/";

Dataset Kernindicatoren() {
  auto ds = ReadDatasetCsv(kData + "kernindicatoren.csv");
  EXPECT_TRUE(ds.ok()) << ds.status();
  return ds.ok() ? std::move(*ds) : Dataset{};
}

double Value(const Dataset& d, std::string_view indicator, std::string_view period,
             const Dimensions& dims = {}) {
  auto p = Period::Parse(period);
  EXPECT_TRUE(p.ok());
  auto row = d.Find(indicator, "NL01", *p, dims);
  return row ? d.value(*row) : -1;
}

// ---- Age groups ----

TEST(CbsRules, JeugdhulpJongerenHasTheAgeGroupsAndExplicitTotals) {
  // Ages on 31 Dec 2019: P1 3, P2 15, P3 20, P4 25, P5 unknown birth date.
  // P2 and P3 have pleegzorg.
  RecordStore s;
  const absl::Status loaded = ParseJeugdhulpCsv(
                  "person_id,birth_date,municipality,provider,form,start_date,end_date,"
                  "end_reason\n"
                  "P1,2016-05-01,GM0363,A,ambulant,2019-01-01,,\n"
                  "P2,2004-05-01,GM0363,A,pleegzorg,2019-01-01,,\n"
                  "P3,1999-05-01,GM0363,A,pleegzorg,2019-01-01,,\n"
                  "P4,1994-05-01,GM0363,A,ambulant,2019-01-01,,\n"
                  "P5,2000-01-01,GM0363,A,ambulant,2019-01-01,,\n",
                  "jh.csv", &s, LoadOptions{}, nullptr);
  ASSERT_TRUE(loaded.ok()) << loaded;
  ASSERT_EQ(s.persons.birth.size(), 5u);
  s.persons.birth.back() = kNoDate;  // P5: birth date unknown (a record without persons.csv)
  ComputeOptions o;
  o.from_year = o.to_year = 2019;
  o.publication.suppress_below = 0;
  auto r = ComputeIndicators(s, o);
  ASSERT_TRUE(r.ok()) << r.status();
  const auto v = [&](std::string_view ind, std::string_view age) {
    Dimensions dims;
    if (!age.empty()) dims.emplace_back("age_group", std::string(age));
    auto row = r->dataset.Find(ind, "NL01", Period::Year(2019), dims);
    return row ? r->dataset.value(*row) : -1;
  };
  EXPECT_EQ(v("jeugdhulp_jongeren", "0-4"), 1);
  EXPECT_EQ(v("jeugdhulp_jongeren", "4-12"), 0);
  EXPECT_EQ(v("jeugdhulp_jongeren", "12-18"), 1);
  EXPECT_EQ(v("jeugdhulp_jongeren", "18-23"), 1);
  EXPECT_EQ(v("jeugdhulp_jongeren", "0-18"), 2);
  EXPECT_EQ(v("jeugdhulp_jongeren", "0-23"), 3);
  EXPECT_EQ(v("jeugdhulp_jongeren", ""), 5);  // all ages: 23+ and unknown included
  EXPECT_EQ(v("jeugdhulp_met_verblijf", "0-18"), 1);
  EXPECT_EQ(v("jeugdhulp_met_verblijf", "0-23"), 2);
  EXPECT_EQ(v("jeugdhulp_met_verblijf", ""), 2);
}

TEST(CbsRules, PublishedZeroToTwentyThreeTotalsCarryTheirAgeGroup) {
  const Dataset d = Kernindicatoren();
  // 43.790 = 42.125 (0-18) + 1.665 (18-23): a 0-23 total, never an all-ages one.
  EXPECT_EQ(Value(d, "jeugdhulp_met_verblijf", "2016JJ00", {{"age_group", "0-23"}}), 43790);
  EXPECT_EQ(Value(d, "jeugdhulp_met_verblijf", "2017JJ00", {{"age_group", "0-23"}}), 46185);
  EXPECT_EQ(Value(d, "jeugdhulp_met_verblijf", "2016JJ00"), -1);
  EXPECT_EQ(Value(d, "jeugdhulp_jongeren", "2019JJ00", {{"age_group", "0-23"}}), 431000);
  EXPECT_EQ(Value(d, "jeugdhulp_met_verblijf", "2019JJ00",
                  {{"age_group", "0-23"}, {"form", "gezinsgericht"}}),
            5550);
}

// ---- Thuiszitters ----

TEST(CbsRules, TheSeedsLongTermThuiszittersAreThuiszittersLanger3m) {
  const Catalogue& c = Catalogue::BuiltIn();
  ASSERT_NE(c.Find("thuiszitters_langer_3m"), nullptr);
  EXPECT_EQ(c.Find("thuiszitters_langer_3m")->name_nl,
            "Langdurige thuiszitters (langer dan 3 maanden)");
  EXPECT_EQ(c.Find("thuiszitters")->name_nl, "Thuiszitters (4 weken of langer)");
  const Dataset d = Kernindicatoren();
  EXPECT_EQ(Value(d, "thuiszitters_langer_3m", "2015/'16"), 4194);
  EXPECT_EQ(Value(d, "thuiszitters_langer_3m", "2018/'19"), 4790);
  EXPECT_EQ(Value(d, "thuiszitters", "2018/'19"), -1);
}

// ---- Provisional 2019 ----

TEST(CbsRules, A2018To2019ChangeIsFlaggedProvisionalAgainstDefinitive) {
  const Dataset d = Kernindicatoren();
  BreakRegister breaks;
  ASSERT_TRUE(breaks.LoadCsv(kData + "kernindicatoren.breaks.csv").ok());
  const TrendTable t = ComputeTrendRows(d, Catalogue::BuiltIn(), breaks);
  int checked = 0;
  for (const TrendRow& row : t.rows) {
    const TrendSeries& s = t.series[row.series];
    if (row.period != Period::Year(2019) && row.period.ToString() != "2019-12-31") continue;
    if (s.indicator == "jeugdhulp_met_verblijf_pct" || s.indicator == "uithuisplaatsing_ots_pct") {
      EXPECT_EQ(row.status, ValueStatus::kProvisional) << s.indicator;
      EXPECT_TRUE(row.flags & kFlagProvisionalMix) << s.indicator;
      EXPECT_THAT(row.note, HasSubstr("provisional")) << s.indicator;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 2);
  // Every 2019 figure of CBS Beleidsinformatie Jeugd is provisional.
  int provisional = 0;
  for (size_t row = 0; row < d.size(); ++row) {
    if (d.period(row) == Period::Year(2019) &&
        d.note(row).rfind("CBS Beleidsinformatie Jeugd;", 0) == 0) {
      EXPECT_EQ(d.status(row), ValueStatus::kProvisional) << d.indicator(row);
      ++provisional;
    }
  }
  EXPECT_GE(provisional, 18);
}

TEST(CbsRules, SeedCorrectionsTheDirectlyPrintedLevelAndTheMissing2016Level) {
  const Dataset d = Kernindicatoren();
  const auto row = d.Find("werk_onderwijs_pct", "NL01", Period::Year(2016),
                          {{"group", "geen_jeugdhulp"}});
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(d.value(*row), 98.2);
  EXPECT_THAT(d.note(*row), HasSubstr("printed directly"));
  EXPECT_EQ(Value(d, "economisch_zelfstandig_pct", "2016JJ00", {{"group", "geen_jeugdhulp"}}),
            40);
}

// ---- Exact changes ----

TEST(CbsRules, ChangesBetweenPublishedDecimalsAreThatDecimal) {
  EXPECT_EQ(AbsoluteChange(97.7, 97.5), -0.2);
  EXPECT_EQ(FormatPlain(AbsoluteChange(97.7, 97.5)), "-0.2");
  EXPECT_EQ(FormatPlain(PercentagePointChange(97.7, 97.5)), "-0.2");
  EXPECT_EQ(FormatPlain(PercentagePointChange(10.4, 10.1)), "-0.3");
  EXPECT_EQ(FormatPlain(PercentagePointChange(11.6, 10.1)), "-1.5");
  EXPECT_EQ(FormatPlain(AbsoluteChange(4194, 4790)), "596");
  EXPECT_EQ(FormatPlain(AbsoluteChange(0.1, 0.25)), "0.15");
  // Computed values without a short decimal form are not rounded.
  EXPECT_EQ(AbsoluteChange(1.0 / 3.0, 1.0), 1.0 - 1.0 / 3.0);
  // Through the trend table: onderwijs met jeugdhulp 97,7 -> 97,5 over two years.
  const Dataset d = Kernindicatoren();
  const SummaryTable s = ComputeTrendSummaries(d, Catalogue::BuiltIn(), BreakRegister{});
  bool found = false;
  for (const TrendSummary& sum : s.summaries) {
    const TrendSeries& se = s.series[sum.series];
    if (se.indicator != "onderwijs_ingeschreven_pct") continue;
    const auto g = std::find(s.dimension_names.begin(), s.dimension_names.end(), "group");
    if (se.dims[static_cast<size_t>(g - s.dimension_names.begin())] != "met_jeugdhulp") continue;
    ASSERT_TRUE(sum.pp_change.has_value());
    EXPECT_EQ(FormatPlain(*sum.pp_change), "-0.2");
    found = true;
  }
  EXPECT_TRUE(found);
}

// ---- StatLine symbols in the value column ----

TEST(CbsRules, ASymbolInTheValueColumnIsReadAsItsStatus) {
  const std::string head = "indicator,period,region,value,status\n";
  auto d = ParseDatasetCsv(head +
                               "a,2019JJ00,GM0363,.,.\n"
                               "a,2019JJ00,GM0518,.,\n"
                               "a,2019JJ00,GM0599,x,\n"
                               "a,2019JJ00,GM0014,-,\n"
                               "a,2019JJ00,NL01,12,*\n",
                           "statline.csv");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->status(*d->Find("a", "GM0363", Period::Year(2019))), ValueStatus::kUnknown);
  EXPECT_EQ(d->status(*d->Find("a", "GM0518", Period::Year(2019))), ValueStatus::kUnknown);
  EXPECT_EQ(d->status(*d->Find("a", "GM0599", Period::Year(2019))), ValueStatus::kSecret);
  EXPECT_EQ(d->status(*d->Find("a", "GM0014", Period::Year(2019))), ValueStatus::kNil);
  EXPECT_EQ(d->status(*d->Find("a", "NL01", Period::Year(2019))), ValueStatus::kProvisional);
  // A symbol that contradicts the status column: an error naming both.
  auto bad = ParseDatasetCsv(head + "a,2019JJ00,GM0363,.,*\n", "statline.csv");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("statline.csv:2:4"));
  EXPECT_THAT(bad.status().message(), HasSubstr("value '.'"));
  EXPECT_THAT(bad.status().message(), HasSubstr("status '*'"));
  EXPECT_FALSE(ParseDatasetCsv(head + "a,2019JJ00,GM0363,x,.\n", "s.csv").ok());
}

// ---- Reference groups ----

TEST(CbsRules, ReferenceGroupsHaveNoDesiredDirection) {
  const Catalogue& c = Catalogue::BuiltIn();
  EXPECT_EQ(c.DirectionFor("werk_onderwijs_pct", {{"group", "geen_jeugdhulp"}}),
            Direction::kNone);
  EXPECT_EQ(c.DirectionFor("werk_onderwijs_pct", {{"group", "wel_jeugdhulp"}}), Direction::kUp);
  EXPECT_EQ(c.DirectionFor("economisch_zelfstandig_pct", {{"group", "geen_jeugdhulp"}}),
            Direction::kNone);
  EXPECT_EQ(c.DirectionFor("woonsituatie_18_19_pct",
                           {{"group", "geen_jeugdhulp"}, {"woonsituatie", "zelfstandig"}}),
            Direction::kNone);
  EXPECT_EQ(c.DirectionFor("woonsituatie_18_19_pct",
                           {{"group", "jeugdhulp_met_verblijf"}, {"woonsituatie", "zelfstandig"}}),
            Direction::kUp);
  EXPECT_EQ(c.DirectionFor("op_afstroom_pct", {{"group", "zonder_jeugdhulp"}, {"niveau", "lager"}}),
            Direction::kNone);
  // And in the summary: "no_direction", not an improvement or a decline.
  SummaryTable s = ComputeTrendSummaries(Kernindicatoren(), c, BreakRegister{});
  AssessSummaries(s, ToleranceRule{});
  const auto g = std::find(s.dimension_names.begin(), s.dimension_names.end(), "group");
  ASSERT_NE(g, s.dimension_names.end());
  int reference = 0;
  for (const TrendSummary& sum : s.summaries) {
    const std::string& group =
        s.series[sum.series].dims[static_cast<size_t>(g - s.dimension_names.begin())];
    if (group == "geen_jeugdhulp" || group == "zonder_jeugdhulp") {
      EXPECT_EQ(sum.assessment, "no_direction") << s.series[sum.series].indicator;
      ++reference;
    }
  }
  EXPECT_GT(reference, 5);
}

// ---- zvdj cohort --feb29 ----

std::string RunZvdj(const std::string& args, int* status) {
  const std::string cmd = std::string("'") + ZVDJ_CLI_PATH + "' " + args + " 2>&1";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int st = pclose(p);
  *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

TEST(CbsRules, CohortFeb29ChoosesTheBirthdayInCommonYears) {
  // P1 is born on 29 Feb 2000 and starts jeugdhulp on 28 Feb 2018. Under mar1
  // the 18th birthday is 1 Mar 2018, so 28 Feb lies in the window before it;
  // under feb28 the birthday is 28 Feb, the window ends the day before, and P1
  // is no member. P2 (born 15 Mar 2000, care all along) is a member in both.
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("zvdj_feb29_" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir);
  const std::string jh = (dir / "jeugdhulp.csv").string();
  std::ofstream(jh) << "person_id,birth_date,municipality,provider,form,start_date,end_date,"
                       "end_reason\n"
                       "P1,2000-02-29,GM0363,A,ambulant,2018-02-28,2018-06-01,volgens_plan\n"
                       "P2,2000-03-15,GM0363,A,ambulant,2017-06-01,2018-06-01,volgens_plan\n";
  const auto n_cohort = [&](const std::string& rule) {
    int status = -1;
    const std::string out =
        RunZvdj("cohort --jeugdhulp '" + jh + "' --year-of-18 2018 --cutoff 2019-12-31"
                " --horizons 1m --method naive --feb29 " + rule, &status);
    EXPECT_EQ(status, 0) << out;
    // The first data row's n_cohort (5th column).
    const size_t line = out.find("\n2018,");
    if (line == std::string::npos) return std::string("?") + out;
    std::string rest = out.substr(line + 1);
    for (int i = 0; i < 4; ++i) rest = rest.substr(rest.find(',') + 1);
    return rest.substr(0, rest.find(','));
  };
  EXPECT_EQ(n_cohort("mar1"), "2");
  EXPECT_EQ(n_cohort("feb28"), "1");
  int status = -1;
  const std::string out = RunZvdj("cohort --jeugdhulp '" + jh +
                                      "' --year-of-18 2018 --cutoff 2019-12-31 --feb29 mar31",
                                  &status);
  EXPECT_EQ(status, 2);
  EXPECT_THAT(out, HasSubstr("--feb29"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace zvdj
