// The built-in indicator definitions. Ids are a contract (README, "Indicators").
// Desired directions follow the programme's own reading of each series.
#include <iterator>
#include <vector>

#include "zvdj/catalogue.hpp"

namespace zvdj {
inline namespace v1 {
namespace builtin {
namespace {

constexpr const char* kCbsJeugd = "CBS Beleidsinformatie Jeugd";
constexpr const char* kDuo = "DUO, Ingrado (leerplicht)";
constexpr const char* kAzw = "CBS Arbeidsmarkt Zorg en Welzijn (AZW), werknemersenquête";
constexpr const char* kCbsOnderwijs =
    "DUO, Ingrado, CBS Beleidsinformatie Jeugd, CBS onderwijs in cijfers";
constexpr const char* kCbsStatLine = "CBS Beleidsinformatie Jeugd, CBS StatLine";
constexpr const char* kRvdK = "Raad voor de Kinderbescherming";
constexpr const char* kSkj = "Enquête onder SKJ-geregistreerden";
constexpr const char* kClientSurvey =
    "Cliëntervaringsonderzoeken (BMC, I&O Research, ZorgFocuz), bewerkt door NJi";

IndicatorDef Def(const char* id, const char* nl, const char* en, Unit unit, CountingUnit cu,
                 PeriodKind pk, Direction dir, const char* source,
                 std::vector<DirectionOverride> overrides = {}) {
  return IndicatorDef{id, nl, en, unit, cu, pk, dir, source, std::move(overrides)};
}

// The comparison groups of the reports ("geen jeugdhulp", "zonder jeugdhulp",
// the referentiegroep of leeftijdsgenoten) have no desired direction of their
// own: they are there to compare with. Listed first, so that they win over a
// breakdown's override (e.g. woonsituatie=zelfstandig).
std::vector<DirectionOverride> ReferenceGroups(std::vector<DirectionOverride> more = {}) {
  std::vector<DirectionOverride> o = {{"group", "geen_jeugdhulp", Direction::kNone},
                                      {"group", "zonder_jeugdhulp", Direction::kNone}};
  o.insert(o.end(), more.begin(), more.end());
  return o;
}

// The rows below name the enumerators of these without their enum.
using enum Unit;
using enum CountingUnit;
using enum Direction;
using enum PeriodKind;

// Use of jeugdhulp, with and without verblijf.
std::vector<IndicatorDef> JeugdhulpDefs() {
  return {
      Def("jeugdhulp_jongeren", "Jongeren met jeugdhulp", "Youths receiving jeugdhulp", kCount,
          kPersons, kYear, kNone, kCbsJeugd),
      Def("jeugdhulp_met_verblijf", "Jongeren met jeugdhulp met verblijf",
          "Youths in residential youth care", kCount, kPersons, kYear, kDown, kCbsJeugd,
          {{"age_group", "18-23", kUp},
           {"form", "pleegzorg", kUp},
           {"form", "gezinsgericht", kUp}}),
      Def("jeugdhulp_met_verblijf_pct", "Jeugdhulp met verblijf als % van totale jeugdhulp",
          "Residential youth care as % of all youth care", kPercentage, kPersons, kYear, kDown,
          kCbsJeugd),
      Def("pleegzorg_gezinsgericht_pct_verblijf",
          "Pleegzorg en gezinsgerichte jeugdhulp als % van jeugdhulp met verblijf",
          "Foster and family-style care as % of residential youth care", kPercentage, kPersons,
          kYear, kUp, kCbsJeugd),
  };
}

// Jeugdbescherming: out-of-home placements, inflow, outflow and stock.
std::vector<IndicatorDef> JeugdbeschermingDefs() {
  return {
      Def("uithuisplaatsing_ots_pct", "% uithuisplaatsingen bij ondertoezichtstelling",
          "% of youths under a supervision order placed out of home", kPercentage, kPersons,
          kPeildatum, kDown, kCbsJeugd),
      Def("uithuisplaatsingen", "Uithuisplaatsingen binnen OTS of voogdij",
          "Out-of-home placements within supervision or guardianship", kCount, kPersons, kPeildatum,
          kDown, kCbsJeugd),
      Def("jeugdbescherming_instroom", "Instroom in de jeugdbescherming",
          "Inflow into child protection", kCount, kPersons, kYear, kDown, kCbsJeugd),
      Def("jeugdbescherming_uitstroom", "Uitstroom uit de jeugdbescherming",
          "Outflow from child protection", kCount, kPersons, kYear, kNone, kCbsJeugd),
      Def("jeugdbescherming_beginstand", "Jeugdbescherming beginstand (1 januari)",
          "Child protection stock at the start of the year", kCount, kPersons, kYear, kDown,
          kCbsJeugd),
      Def("jeugdbescherming_eindstand", "Jeugdbescherming eindstand (31 december)",
          "Child protection stock at the end of the year", kCount, kPersons, kYear, kDown,
          kCbsJeugd),
  };
}

// Leerplicht: thuiszitters and exemptions.
std::vector<IndicatorDef> ThuiszitterDefs() {
  return {
      // Thuiszitters: langdurig relatief verzuim (4 weeks or more) plus absoluut
      // verzuim; the seeds' "langdurige thuiszitters" are those over 3 months.
      Def("thuiszitters", "Thuiszitters (4 weken of langer)",
          "Home-sitters (4 weeks or longer)", kCount, kPersons, kSchoolYear, kDown, kDuo),
      Def("thuiszitters_langer_3m", "Langdurige thuiszitters (langer dan 3 maanden)",
          "Long-term home-sitters (more than 3 months)", kCount, kPersons, kSchoolYear, kDown,
          kDuo),
      Def("vrijstellingen_5a", "Vrijstellingen van leerplicht (artikel 5 onder a)",
          "Exemptions from compulsory education (art. 5 sub a)", kCount, kPersons, kSchoolYear,
          kDown, kDuo),
  };
}

// How help ends and how clients experience it.
std::vector<IndicatorDef> OutcomeDefs() {
  return {
      Def("jeugdhulp_beeindigd_pct", "Beëindigde jeugdhulptrajecten naar reden einde",
          "Ended youth-care trajectories by reason", kPercentage, kTrajectories, kYear, kNone,
          kCbsJeugd,
          {{"end_reason", "volgens_plan", kUp},
           {"end_reason", "volgens_plan_of_samen", kUp},
           {"end_reason", "samen", kUp},
           {"end_reason", "eenzijdig_client", kDown}}),
      Def("client_snel_geholpen_pct", "Cliënt vindt dat hij/zij snel wordt geholpen",
          "Client feels helped quickly", kPercentage, kClients, kYear, kUp, kClientSurvey),
      Def("client_weet_waar_terecht_pct", "Cliënt weet waar hij/zij terecht kan",
          "Client knows where to go for help", kPercentage, kClients, kYear, kUp, kClientSurvey),
      Def("client_samen_beslissen_pct", "Cliënt vindt dat beslissingen samen worden genomen",
          "Client feels decisions are taken jointly", kPercentage, kClients, kYear, kUp,
          kClientSurvey),
      Def("client_goed_geholpen_pct", "Cliënt vindt dat hij/zij goed wordt geholpen",
          "Client feels helped well", kPercentage, kClients, kYear, kUp, kClientSurvey),
  };
}

// Jeugdprofessionals (AZW werknemersenquête).
std::vector<IndicatorDef> ProfessionalDefs() {
  return {
      Def("professionals_uitstroom_pct",
          "Uitstroom jeugdprofessionals naar sector buiten zorg en welzijn (3e kwartaal)",
          "Staff outflow to jobs outside care and welfare (Q3)", kPercentage, kEmployees,
          kQuarter, kDown, kAzw),
      Def("professionals_invloed_pct",
          "Jeugdprofessionals hebben invloed op de inhoud van hun werk",
          "Staff influence the content of their work", kPercentage, kEmployees, kYear, kUp, kAzw),
      Def("professionals_tevreden_pct", "Jeugdprofessionals zijn (zeer) tevreden over hun werk",
          "Staff (very) satisfied with their work", kPercentage, kEmployees, kYear, kUp, kAzw),
      Def("professionals_ontplooien_pct", "Jeugdprofessionals kunnen zich ontplooien",
          "Staff can develop professionally", kPercentage, kEmployees, kYear, kUp, kAzw),
      Def("professionals_werkdruk_te_hoog_pct", "Werkdruk (veel) te hoog",
          "Workload (much) too high", kPercentage, kEmployees, kYear, kDown, kAzw),
  };
}

// Care after the 18th birthday.
std::vector<IndicatorDef> VervolgzorgDefs() {
  return {
      Def("vervolgzorg_pct", "Vervolgzorg na de 18e verjaardag",
          "Follow-up care after the 18th birthday", kPercentage, kPersons, kYear, kUp,
          kCbsJeugd),
  };
}

// Further series published by the programme (data/kernindicatoren.csv):
// jeugdzorg as a whole and jeugdbescherming measures.
std::vector<IndicatorDef> FurtherCareDefs() {
  return {
      Def("jeugdzorg_jongeren",
          "Jongeren met jeugdhulp, jeugdbescherming en/of jeugdreclassering",
          "Youths receiving youth care, child protection and/or juvenile probation", kCount,
          kPersons, kYear, kNone, kCbsJeugd),
      // Lower repeat use may mean longer aftercare, higher may be useful "waakvlamzorg".
      Def("herhaald_beroep_pct", "Herhaald beroep op jeugdhulp",
          "Repeat use of youth care", kPercentage, kPersons, kYear, kNone, kCbsJeugd),
      Def("ots_opgelegd", "Opgelegde ondertoezichtstellingen",
          "Supervision orders (OTS) imposed", kCount, kMeasures, kYear, kDown, kCbsJeugd),
      Def("vots_opgelegd", "Voorlopige ondertoezichtstellingen",
          "Provisional supervision orders imposed", kCount, kMeasures, kYear, kDown, kCbsJeugd),
      Def("uithuisplaatsing_vots_pct", "% uithuisplaatsingen bij voorlopige ondertoezichtstelling",
          "% of provisional supervision orders with an out-of-home placement", kPercentage,
          kMeasures, kYear, kDown, kRvdK),
  };
}

// Education and independence, compared with peers without jeugdhulp.
std::vector<IndicatorDef> ReferenceGroupDefs() {
  return {
      Def("onderwijs_ingeschreven_pct", "Jongeren 4 t/m 18 jaar ingeschreven in onderwijs",
          "Youths aged 4-18 enrolled in education", kPercentage, kPersons, kSchoolYear, kUp,
          kCbsOnderwijs, ReferenceGroups()),
      // The programme itself cannot say whether more VSV among youths with jeugdhulp is good.
      Def("vsv_aanwas", "Aanwas voortijdig schoolverlaters (t/m 22 jaar)",
          "New early school leavers (up to age 22)", kCount, kPersons, kSchoolYear, kNone,
          kCbsOnderwijs, ReferenceGroups()),
      Def("op_afstroom_pct", "Niveau in 3e leerjaar t.o.v. basisschooladvies",
          "School level in year 3 of secondary school relative to the primary-school advice",
          kPercentage, kPersons, kSchoolYear, kNone, kCbsOnderwijs,
          ReferenceGroups({{"niveau", "lager", kDown}})),
      Def("woonsituatie_18_19_pct", "Woonsituatie van jongeren van 18-19 jaar",
          "Living situation of youths aged 18-19", kPercentage, kPersons, kYear, kNone,
          kCbsStatLine, ReferenceGroups({{"woonsituatie", "zelfstandig", kUp}})),
      Def("economisch_zelfstandig_pct", "Economisch zelfstandig (inkomen boven bijstandsnorm)",
          "Economically independent (income above the social-assistance norm)", kPercentage,
          kPersons, kYear, kUp, kCbsStatLine, ReferenceGroups()),
      Def("werk_onderwijs_pct", "Jongeren van 18-19 jaar met werk of onderwijs",
          "Youths aged 18-19 in work or education", kPercentage, kPersons, kYear, kUp,
          kCbsStatLine, ReferenceGroups()),
  };
}

// The cohort turning 18 and extended jeugdhulp.
std::vector<IndicatorDef> CohortDefs() {
  return {
      Def("cohort_18_omvang",
          "Jongeren met jeugdhulp in het laatste kwartaal voor hun 18e verjaardag",
          "Youths with youth care in the last quarter before their 18th birthday", kCount,
          kPersons, kYear, kNone, kCbsJeugd),
      Def("verlengde_jeugdhulp_pct", "Verlengde jeugdhulp na de 18e verjaardag",
          "Extended youth care after the 18th birthday", kPercentage, kPersons, kYear, kUp,
          kCbsJeugd),
  };
}

// Further jeugdprofessionals series: workload, satisfaction and administrative
// burden.
std::vector<IndicatorDef> FurtherProfessionalDefs() {
  return {
      Def("professionals_werkdruk_goed_pct", "Werkdruk goed", "Workload about right",
          kPercentage, kEmployees, kYear, kUp, kAzw),
      Def("professionals_werkdruk_te_laag_pct", "Werkdruk (veel) te laag",
          "Workload (much) too low", kPercentage, kEmployees, kYear, kNone, kAzw),
      Def("professionals_deels_tevreden_pct",
          "Jeugdprofessionals deels tevreden, deels ontevreden",
          "Staff partly satisfied, partly dissatisfied", kPercentage, kEmployees, kYear, kNone,
          kAzw),
      Def("professionals_ontevreden_pct", "Jeugdprofessionals (zeer) ontevreden over hun werk",
          "Staff (very) dissatisfied with their work", kPercentage, kEmployees, kYear, kDown,
          kAzw),
      Def("administratieve_lasten_pct", "Last van vermijdbare administratieve lasten",
          "Burdened by avoidable administrative work", kPercentage, kEmployees, kYear, kDown,
          kSkj),
  };
}

}  // namespace

std::vector<IndicatorDef> BuiltInIndicatorDefs() {
  // The definitions in the order of the catalogue.
  std::vector<IndicatorDef> defs;
  for (auto* part : {JeugdhulpDefs, JeugdbeschermingDefs, ThuiszitterDefs, OutcomeDefs,
                     ProfessionalDefs, VervolgzorgDefs, FurtherCareDefs, ReferenceGroupDefs,
                     CohortDefs, FurtherProfessionalDefs}) {
    std::vector<IndicatorDef> more = part();
    defs.insert(defs.end(), std::make_move_iterator(more.begin()),
                std::make_move_iterator(more.end()));
  }
  return defs;
}

}  // namespace builtin
}  // namespace v1
}  // namespace zvdj
