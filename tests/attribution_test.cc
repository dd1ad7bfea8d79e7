// Which municipality a person counts in: CBS's per-cell rule (the default) and
// the latest-record rule (Attribution::kLatest). Hand-worked fixtures, each
// with the expected cells derived in comments, plus a generated data set.
#include <cmath>
#include <cstddef>
#include <cstring>
#include <map>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include "zvdj/generator.hpp"
#include "zvdj/indicators.hpp"
#include "zvdj/records_io.hpp"
#include "zvdj/zvdj.h"

namespace zvdj {
namespace {

constexpr char kJhHeader[] =
    "person_id,birth_date,municipality,provider,form,start_date,end_date,end_reason\n";
constexpr char kJbHeader[] = "person_id,birth_date,municipality,measure,start_date,end_date\n";
constexpr char kVzHeader[] = "person_id,birth_date,municipality,kind,start_date,end_date\n";

// GM0363 and GM0599 form jeugdregio JZ02 but lie in different provincies;
// GM0518 is in JZ24 and in the same provincie as GM0599.
constexpr char kRegions[] =
    "municipality,region,from_year,to_year\n"
    "GM0363,JZ02,2010,\n"
    "GM0363,PV27,2010,\n"
    "GM0599,JZ02,2010,\n"
    "GM0599,PV28,2010,\n"
    "GM0518,JZ24,2010,\n"
    "GM0518,PV28,2010,\n";

RecordStore Store(const std::string& jh, const std::string& jb = "",
                  const std::string& vz = "") {
  RecordStore s;
  const LoadOptions strict;
  if (!jh.empty()) {
    EXPECT_TRUE(ParseJeugdhulpCsv(kJhHeader + jh, "jh.csv", &s, strict, nullptr).ok());
  }
  if (!jb.empty()) {
    EXPECT_TRUE(ParseJeugdbeschermingCsv(kJbHeader + jb, "jb.csv", &s, strict, nullptr).ok());
  }
  if (!vz.empty()) {
    EXPECT_TRUE(ParseVerzuimCsv(kVzHeader + vz, "vz.csv", &s, strict, nullptr).ok());
  }
  return s;
}

ComputeResult Compute(const RecordStore& s, int year,
                      Attribution attribution = Attribution::kCbs) {
  ComputeOptions o;
  o.from_year = year;
  o.to_year = year;
  o.publication.suppress_below = 0;
  o.attribution = attribution;
  const auto regions = RegionMap::Parse(kRegions, "regions.csv");
  EXPECT_TRUE(regions.ok());
  auto r = ComputeIndicators(s, o, &*regions);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? std::move(*r) : ComputeResult{};
}

// The value of one cell; NaN when it has none, -1 when the row is missing.
double V(const ComputeResult& r, std::string_view indicator, Period period,
         std::string_view region, const Dimensions& dims = {}) {
  auto row = r.dataset.Find(indicator, region, period, dims);
  if (!row) return -1;
  return r.dataset.value(*row);
}

ValueStatus S(const ComputeResult& r, std::string_view indicator, Period period,
              std::string_view region, const Dimensions& dims = {}) {
  auto row = r.dataset.Find(indicator, region, period, dims);
  EXPECT_TRUE(row.has_value()) << indicator << ' ' << region;
  return row ? r.dataset.status(*row) : ValueStatus::kUnknown;
}

const Period k2019 = Period::Year(2019);
const Period kDec31 = Period::Peildatum(Date::FromYmdUnchecked(2019, 12, 31));

// P1 (born 2008, 11 in 2019): pleegzorg in GM0363 until 31 May 2019, ended
// volgens plan; then ambulant in GM0599 from 1 June. P2: ambulant in GM0599.
constexpr char kMoveWithinJeugdregio[] =
    "P1,2008-01-01,GM0363,A,pleegzorg,2019-01-01,2019-05-31,volgens_plan\n"
    "P1,2008-01-01,GM0599,B,ambulant,2019-06-01,,\n"
    "P2,2008-01-01,GM0599,B,ambulant,2019-02-01,,\n";

TEST(Attribution, AMoverWithinAJeugdregioCountsInBothMunicipalitiesAndOnceInTheRegion) {
  const ComputeResult r = Compute(Store(kMoveWithinJeugdregio), 2019);
  // jongeren: GM0363 {P1}, GM0599 {P1, P2}; JZ02 and NL01 {P1, P2}.
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "GM0363"), 1);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "GM0599"), 2);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "JZ02"), 2);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "NL01"), 2);
  // The provincies split the two municipalities: PV27 {P1}, PV28 {P1, P2}.
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "PV27"), 1);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "PV28"), 2);
  // Met verblijf only where the pleegzorg was: GM0363.
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf", k2019, "GM0363"), 1);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf", k2019, "GM0599"), 0);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf", k2019, "JZ02"), 1);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf", k2019, "JZ02", {{"form", "pleegzorg"}}), 1);
  // The share from numerator and denominator under the same rule:
  // GM0363 1/1, GM0599 0/2, JZ02 and NL01 1/2.
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf_pct", k2019, "GM0363"), 100.0);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf_pct", k2019, "GM0599"), 0.0);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf_pct", k2019, "JZ02"), 50.0);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf_pct", k2019, "NL01"), 50.0);
  // The ended trajectory counts in its own municipality only.
  EXPECT_EQ(V(r, "jeugdhulp_beeindigd_pct", k2019, "GM0363", {{"end_reason", "volgens_plan"}}),
            100.0);
  EXPECT_EQ(S(r, "jeugdhulp_beeindigd_pct", k2019, "GM0599", {{"end_reason", "volgens_plan"}}),
            ValueStatus::kImpossible);
}

TEST(Attribution, LatestPutsTheMoverInTheLastMunicipalityOnly) {
  const ComputeResult r = Compute(Store(kMoveWithinJeugdregio), 2019, Attribution::kLatest);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "GM0363"), 0);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "GM0599"), 2);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "JZ02"), 2);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf", k2019, "GM0599"), 1);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf_pct", k2019, "GM0599"), 50.0);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "PV27"), 0);
}

TEST(Attribution, AMoverAcrossJeugdregiosCountsInBothRegionsAndOnceInNederland) {
  // P1: wijkteam in GM0363 (JZ02, PV27) until 30 April 2019, then gesloten in
  // GM0518 (JZ24, PV28). P2: ambulant in GM0518 all year.
  const RecordStore s = Store(
      "P1,2004-07-01,GM0363,A,wijkteam,2019-01-01,2019-04-30,samen\n"
      "P1,2004-07-01,GM0518,C,gesloten,2019-05-01,2020-03-01,volgens_plan\n"
      "P2,2004-07-01,GM0518,C,ambulant,2019-01-01,,\n");
  const ComputeResult r = Compute(s, 2019);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "GM0363"), 1);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "GM0518"), 2);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "JZ02"), 1);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "JZ24"), 2);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "PV27"), 1);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "PV28"), 2);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "NL01"), 2);  // the regions add up to 3
  // Age 15 on 31 Dec 2019: in 12-18, 0-18 and 0-23 wherever counted.
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "JZ02", {{"age_group", "12-18"}}), 1);
  EXPECT_EQ(V(r, "jeugdhulp_jongeren", k2019, "NL01", {{"age_group", "0-18"}}), 2);
  // Met verblijf: GM0518 only; the share JZ24 1/2, JZ02 0/1, NL01 1/2.
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf", k2019, "JZ24", {{"age_group", "12-18"}}), 1);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf", k2019, "JZ02"), 0);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf_pct", k2019, "JZ24"), 50.0);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf_pct", k2019, "JZ02"), 0.0);
  EXPECT_EQ(V(r, "jeugdhulp_met_verblijf_pct", k2019, "NL01"), 50.0);
  // Latest: P1 is missing from GM0363 and from JZ02.
  const ComputeResult l = Compute(s, 2019, Attribution::kLatest);
  EXPECT_EQ(V(l, "jeugdhulp_jongeren", k2019, "JZ02"), 0);
  EXPECT_EQ(V(l, "jeugdhulp_jongeren", k2019, "JZ24"), 2);
  EXPECT_EQ(V(l, "jeugdhulp_jongeren", k2019, "NL01"), 2);
}

TEST(Attribution, OnAPeildatumEveryMunicipalityWithAnActiveRecordCounts) {
  // P1 on 31 Dec 2019: an OTS in GM0363 and a voogdij in GM0599, both active,
  // and a met-verblijf trajectory; a VOTS in GM0518 ended on 31 Dec (so not
  // active that day). P2: an OTS in GM0363 without verblijf.
  const RecordStore s = Store(
      "P1,2010-01-01,GM0599,A,pleegzorg,2019-03-01,,\n"
      "P2,2010-01-01,GM0363,A,ambulant,2019-03-01,,\n",
      "P1,2010-01-01,GM0363,ots,2019-02-01,\n"
      "P1,2010-01-01,GM0599,voogdij,2019-06-01,\n"
      "P1,2010-01-01,GM0518,vots,2019-01-10,2019-12-31\n"
      "P2,2010-01-01,GM0363,ots,2019-04-01,\n");
  const ComputeResult r = Compute(s, 2019);
  // uithuisplaatsing bij OTS: GM0363 {P1 placed, P2 not} = 50%; GM0599 has no
  // OTS (0 / 0); JZ02 and NL01 the same persons as GM0363.
  EXPECT_EQ(V(r, "uithuisplaatsing_ots_pct", kDec31, "GM0363"), 50.0);
  EXPECT_EQ(S(r, "uithuisplaatsing_ots_pct", kDec31, "GM0599"), ValueStatus::kImpossible);
  EXPECT_EQ(V(r, "uithuisplaatsing_ots_pct", kDec31, "JZ02"), 50.0);
  EXPECT_EQ(V(r, "uithuisplaatsing_ots_pct", kDec31, "NL01"), 50.0);
  // Placed persons: P1 in both municipalities, once in JZ02 and NL01; not in
  // GM0518, whose measure was not active on the peildatum.
  EXPECT_EQ(V(r, "uithuisplaatsingen", kDec31, "GM0363"), 1);
  EXPECT_EQ(V(r, "uithuisplaatsingen", kDec31, "GM0599"), 1);
  EXPECT_EQ(V(r, "uithuisplaatsingen", kDec31, "GM0518"), 0);
  EXPECT_EQ(V(r, "uithuisplaatsingen", kDec31, "JZ02"), 1);
  EXPECT_EQ(V(r, "uithuisplaatsingen", kDec31, "NL01"), 1);
  EXPECT_EQ(V(r, "uithuisplaatsingen", kDec31, "GM0599", {{"measure", "voogdij"}}), 1);
  EXPECT_EQ(V(r, "uithuisplaatsingen", kDec31, "GM0599", {{"measure", "ots"}}), 0);
  // End stock: persons in each municipality of an active measure, measures in
  // their own municipality; NL01 persons are unique.
  EXPECT_EQ(V(r, "jeugdbescherming_eindstand", k2019, "GM0363"), 2);
  EXPECT_EQ(V(r, "jeugdbescherming_eindstand", k2019, "GM0599"), 1);
  EXPECT_EQ(V(r, "jeugdbescherming_eindstand", k2019, "JZ02"), 2);
  EXPECT_EQ(V(r, "jeugdbescherming_eindstand", k2019, "NL01"), 2);
  EXPECT_EQ(V(r, "jeugdbescherming_eindstand", k2019, "GM0363", {{"measure", "ots"}}), 2);
  EXPECT_EQ(V(r, "jeugdbescherming_eindstand", k2019, "GM0599", {{"measure", "voogdij"}}), 1);
  // Inflow persons: 3 municipalities for P1 (all three started in 2019).
  EXPECT_EQ(V(r, "jeugdbescherming_instroom", k2019, "GM0518"), 1);
  EXPECT_EQ(V(r, "jeugdbescherming_instroom", k2019, "PV28"), 1);
  EXPECT_EQ(V(r, "jeugdbescherming_instroom", k2019, "NL01"), 2);
  // Measures still close exactly in every region.
  for (const ClosureRow& c : r.closure) {
    if (!c.measure.empty()) {
      EXPECT_EQ(c.difference, 0) << c.region << ' ' << c.measure;
    }
  }
}

TEST(Attribution, ThuiszittersAndVrijstellingenCountWhereTheirRecordIs) {
  // School year 2018/'19. P1: absoluut verzuim in GM0363 from 1 Sep 2018 to
  // 31 Jan 2019 (five months, not covered), then a vrijstelling in GM0599
  // from 1 May 2019.
  const RecordStore s = Store("", "",
                              "P1,2008-01-01,GM0363,absoluut,2018-09-01,2019-01-31\n"
                              "P1,2008-01-01,GM0599,vrijstelling_5a,2019-05-01,2019-07-31\n");
  const ComputeResult r = Compute(s, 2019);
  const Period sy = Period::SchoolYear(2018);
  EXPECT_EQ(V(r, "thuiszitters", sy, "GM0363"), 1);
  EXPECT_EQ(V(r, "thuiszitters", sy, "GM0599"), 0);
  EXPECT_EQ(V(r, "thuiszitters_langer_3m", sy, "GM0363"), 1);
  EXPECT_EQ(V(r, "vrijstellingen_5a", sy, "GM0363"), 0);
  EXPECT_EQ(V(r, "vrijstellingen_5a", sy, "GM0599"), 1);
  EXPECT_EQ(V(r, "thuiszitters", sy, "JZ02"), 1);
  EXPECT_EQ(V(r, "vrijstellingen_5a", sy, "JZ02"), 1);
  // Latest: everything in GM0599, the municipality of the latest record.
  const ComputeResult l = Compute(s, 2019, Attribution::kLatest);
  EXPECT_EQ(V(l, "thuiszitters", sy, "GM0363"), 0);
  EXPECT_EQ(V(l, "thuiszitters", sy, "GM0599"), 1);
}

// ---- A generated data set ----

struct Generated {
  RecordStore store;
  std::string regions, herindeling;
};

Generated Generate() {
  std::stringstream jh, jb, vz, vv, persons, regions, her;
  GenerateStreams streams{&jh, &jb, &vz, &vv, &persons, &regions, &her};
  const auto summary =
      GenerateRecords({.seed = 7, .persons = 4000, .from_year = 2016, .to_year = 2019}, streams);
  EXPECT_TRUE(summary.ok()) << summary.status();
  Generated g;
  const LoadOptions strict;
  EXPECT_TRUE(ParsePersonsCsv(persons.str(), "persons.csv", &g.store, strict, nullptr).ok());
  EXPECT_TRUE(ParseJeugdhulpCsv(jh.str(), "jeugdhulp.csv", &g.store, strict, nullptr).ok());
  EXPECT_TRUE(
      ParseJeugdbeschermingCsv(jb.str(), "jeugdbescherming.csv", &g.store, strict, nullptr).ok());
  EXPECT_TRUE(ParseVerzuimCsv(vz.str(), "verzuim.csv", &g.store, strict, nullptr).ok());
  g.regions = regions.str();
  g.herindeling = her.str();
  return g;
}

// Every person keeps the municipality of their first row in each table.
void NobodyMoves(RecordStore* s) {
  const auto pin = [](const std::vector<uint32_t>& person, std::vector<uint16_t>* municipality) {
    std::map<uint32_t, uint16_t> first;
    for (size_t i = 0; i < person.size(); ++i) {
      auto [it, inserted] = first.emplace(person[i], (*municipality)[i]);
      (*municipality)[i] = it->second;
    }
  };
  pin(s->jeugdhulp.person, &s->jeugdhulp.municipality);
  pin(s->jeugdbescherming.person, &s->jeugdbescherming.municipality);
  pin(s->verzuim.person, &s->verzuim.municipality);
}

// Per count series (indicator, period, dims): the sum over municipalities,
// the sum over jeugdregio's and the NL01 value.
struct Sums {
  double gemeenten = 0, jeugdregios = 0, nl = 0;
};
std::map<std::string, Sums> CountSums(const ComputeResult& r) {
  std::map<std::string, Sums> out;
  const Dataset& d = r.dataset;
  for (size_t row = 0; row < d.size(); ++row) {
    const std::string_view ind = d.indicator(row);
    if (ind.find("_pct") != std::string_view::npos) continue;  // shares do not add up
    if (std::isnan(d.value(row))) continue;
    std::string key(ind);
    key += ' ' + d.period(row).ToString();
    for (const auto& [name, value] : d.dimensions(row)) key += ' ' + name + '=' + value;
    Sums& s = out[key];
    const std::string_view region = d.region(row);
    if (region.substr(0, 2) == "GM") s.gemeenten += d.value(row);
    if (region.substr(0, 2) == "JZ") s.jeugdregios += d.value(row);
    if (region == "NL01") s.nl = d.value(row);
  }
  return out;
}

ComputeResult ComputeGenerated(const Generated& g, const RecordStore& s, Attribution a) {
  ComputeOptions o;
  o.from_year = 2016;
  o.to_year = 2019;
  o.publication.suppress_below = 0;
  o.attribution = a;
  const auto regions = RegionMap::Parse(g.regions, "regions.csv");
  const auto her = Herindeling::Parse(g.herindeling, "herindeling.csv");
  EXPECT_TRUE(regions.ok() && her.ok());
  auto r = ComputeIndicators(s, o, &*regions, &*her);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? std::move(*r) : ComputeResult{};
}

TEST(Attribution, GeneratedMunicipalitiesAddUpToAtLeastNederlandAndExactlyWithoutMoves) {
  const Generated g = Generate();
  const ComputeResult cbs = ComputeGenerated(g, g.store, Attribution::kCbs);
  const ComputeResult latest = ComputeGenerated(g, g.store, Attribution::kLatest);
  const auto sums = CountSums(cbs);
  const auto latest_sums = CountSums(latest);
  ASSERT_GT(sums.size(), 50u);
  bool some_mover = false;
  for (const auto& [key, s] : sums) {
    EXPECT_GE(s.gemeenten, s.nl) << key;
    EXPECT_GE(s.jeugdregios, s.nl) << key;
    if (s.gemeenten > s.nl) some_mover = true;
    // Nederland counts each person once under either rule.
    EXPECT_EQ(s.nl, latest_sums.at(key).nl) << key;
    // The latest rule puts each person in one municipality.
    EXPECT_EQ(latest_sums.at(key).gemeenten, s.nl) << key;
  }
  EXPECT_TRUE(some_mover) << "the generated data should have youths who move";
  EXPECT_GT(sums.at("jeugdhulp_jongeren 2019JJ00").gemeenten,
            sums.at("jeugdhulp_jongeren 2019JJ00").nl);

  RecordStore still = g.store;
  NobodyMoves(&still);
  for (const auto& [key, s] : CountSums(ComputeGenerated(g, still, Attribution::kCbs))) {
    EXPECT_EQ(s.gemeenten, s.nl) << key;
    EXPECT_EQ(s.jeugdregios, s.nl) << key;
  }
}

// ---- The C API ----

double CValue(zvdj_records* rec, const zvdj_compute_options* opts, const char* region) {
  zvdj_dataset* ds = nullptr;
  EXPECT_EQ(zvdj_compute(&ds, rec, opts), ZVDJ_OK);
  size_t row = 0;
  double v = -1;
  if (zvdj_dataset_find(&row, ds, "jeugdhulp_jongeren", region, "2019JJ00", 0, nullptr,
                        nullptr) == ZVDJ_OK) {
    zvdj_dataset_get_value(&v, nullptr, ds, row);
  }
  zvdj_dataset_destroy(ds);
  return v;
}

TEST(Attribution, TheCApiTakesTheAttributionAndStillAcceptsVersion1Options) {
  const std::string text = std::string(kJhHeader) + kMoveWithinJeugdregio;
  zvdj_records* rec = nullptr;
  ASSERT_EQ(zvdj_records_create(&rec), ZVDJ_OK);
  ASSERT_EQ(zvdj_records_parse_csv(nullptr, rec, "jeugdhulp", text.data(), text.size(), "jh.csv",
                                   nullptr),
            ZVDJ_OK);
  int64_t cbs = -1, latest = -1, version = 0;
  ASSERT_EQ(zvdj_constant(&cbs, "ZVDJ_ATTRIBUTION_CBS"), ZVDJ_OK);
  ASSERT_EQ(zvdj_constant(&latest, "ZVDJ_ATTRIBUTION_LATEST"), ZVDJ_OK);
  ASSERT_EQ(zvdj_constant(&version, "ZVDJ_COMPUTE_OPTIONS_VERSION"), ZVDJ_OK);
  EXPECT_EQ(version, 2);

  zvdj_compute_options opts;
  ASSERT_EQ(zvdj_compute_options_init(&opts, ZVDJ_COMPUTE_OPTIONS_VERSION), ZVDJ_OK);
  EXPECT_EQ(opts.attribution, cbs);
  EXPECT_EQ(opts.vots_counts_as_ots, 0);
  opts.from_year = opts.to_year = 2019;
  opts.suppress_below = 0;
  EXPECT_EQ(CValue(rec, &opts, "GM0363"), 1);  // the mover counts where they were
  opts.attribution = static_cast<int32_t>(latest);
  EXPECT_EQ(CValue(rec, &opts, "GM0363"), 0);
  opts.attribution = 7;
  zvdj_dataset* none = nullptr;
  EXPECT_EQ(zvdj_compute(&none, rec, &opts), ZVDJ_INVALID_ARGUMENT);

  // A version 1 caller's struct ends before `attribution`: init writes only
  // that prefix, compute reads only that prefix and uses the default.
  unsigned char buffer[sizeof(zvdj_compute_options) + 8];
  std::memset(buffer, 0xAB, sizeof buffer);
  auto* v1 = reinterpret_cast<zvdj_compute_options*>(buffer);
  ASSERT_EQ(zvdj_compute_options_init(v1, 1), ZVDJ_OK);
  const size_t v1_size = offsetof(zvdj_compute_options, attribution);
  for (size_t i = v1_size; i < sizeof buffer; ++i) EXPECT_EQ(buffer[i], 0xAB) << i;
  v1->from_year = v1->to_year = 2019;
  v1->suppress_below = 0;
  EXPECT_EQ(CValue(rec, v1, "GM0363"), 1);
  zvdj_records_destroy(rec);
}

}  // namespace
}  // namespace zvdj
