// Factsheet configuration file and the Dutch formatting used on the page.
#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "zvdj/factsheet.hpp"
#include "zvdj/number_format.hpp"
#include "zvdj/core/csv_reader.h"
#include "zvdj/core/status_macros.h"
#include "zvdj/core/strings.h"

namespace zvdj {
inline namespace v1 {

std::string_view ChartKindName(ChartKind kind) noexcept {
  switch (kind) {
    case ChartKind::kTable: return "table";
    case ChartKind::kLine: return "line";
    case ChartKind::kBar: return "bar";
  }
  return "?";
}

absl::StatusOr<ChartKind> ParseChartKind(std::string_view name) {
  if (name == "table") return ChartKind::kTable;
  if (name == "line") return ChartKind::kLine;
  if (name == "bar") return ChartKind::kBar;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown chart '", std::string(name), "' (table, line, bar)"));
}

absl::StatusOr<FactsheetConfig> FactsheetConfig::Load(const std::string& path) {
  ZVDJ_ASSIGN_OR_RETURN(std::string text, internal::ReadFileToString(path));
  return Parse(text, path);
}

absl::StatusOr<FactsheetConfig> FactsheetConfig::Parse(std::string_view text,
                                                       std::string_view source) {
  // Comment lines are dropped but keep their line break, so line numbers hold.
  const std::string clean = internal::BlankCommentLines(text);
  internal::CsvReader reader(clean, std::string(source));
  ZVDJ_RETURN_IF_ERROR(reader.ReadHeader());
  const int unknown = reader.FirstUnknownColumn({"section", "indicator", "dims", "chart", "title"});
  if (unknown >= 0) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s:1:%d: unknown column '%s' (section, indicator, dims, chart, title)",
                        std::string(source), unknown + 1,
                        internal::EscapeControl(reader.header()[static_cast<size_t>(unknown)])));
  }
  const int ind = reader.ColumnIndex("indicator");
  if (ind < 0) {
    return absl::InvalidArgumentError(absl::StrCat(std::string(source),
                                                   ":1:1: missing column 'indicator'"));
  }
  FactsheetConfig config;
  while (true) {
    ZVDJ_ASSIGN_OR_RETURN(bool more, reader.Next());
    if (!more) break;
    auto get = [&](const char* name) {
      const int i = reader.ColumnIndex(name);
      return i < 0 ? std::string() : std::string(internal::Trim(reader.field(static_cast<size_t>(i))));
    };
    FactsheetItem item;
    item.section = get("section");
    item.indicator = get("indicator");
    item.dims = get("dims");
    item.title = get("title");
    if (item.indicator.empty()) {
      return reader.FieldError(static_cast<size_t>(ind), "empty indicator");
    }
    const std::string chart = get("chart");
    if (!chart.empty()) {
      absl::StatusOr<ChartKind> k = ParseChartKind(chart);
      if (!k.ok()) {
        return reader.FieldError(static_cast<size_t>(reader.ColumnIndex("chart")),
                                 k.status().message());
      }
      item.chart = *k;
    }
    // Validate dims: name=value[|value...][;name=value...]
    if (!item.dims.empty()) {
      for (absl::string_view part : absl::StrSplit(item.dims, ';')) {
        if (part.find('=') == absl::string_view::npos || part.front() == '=') {
          return reader.FieldError(static_cast<size_t>(reader.ColumnIndex("dims")),
                                   absl::StrCat("expected name=value, found '",
                                                std::string(part), "'"));
        }
      }
    }
    config.items.push_back(std::move(item));
  }
  return config;
}

// Kept identical to data/factsheet.default.csv (a test compares them).
constexpr std::string_view kDefaultConfig = R"csv(# Default "Feiten & Cijfers" factsheet: the kernindicatoren table and the charts of
# factsheets actielijn 2 and 5 (4e voortgangsrapportage Zorg voor de Jeugd, mei 2020).
# Columns: section, indicator, dims (name=value, several values with |, several
# dimensions with ;), chart (table, line, bar), title.
section,indicator,dims,chart,title
Kernindicatoren,client_snel_geholpen_pct,,table,Cliënt vindt dat hij/zij snel wordt geholpen
Kernindicatoren,client_samen_beslissen_pct,,table,Cliënt vindt dat beslissingen samen met hem/haar worden genomen
Kernindicatoren,jeugdhulp_met_verblijf_pct,,table,Jeugdhulp met verblijf % totale jeugdhulp
Kernindicatoren,jeugdhulp_met_verblijf,age_group=18-23,table,Jeugdhulp met verblijf (18-23 jaar)
Kernindicatoren,uithuisplaatsing_ots_pct,,table,% uithuisplaatsingen bij ondertoezichtstelling
Kernindicatoren,thuiszitters_langer_3m,,table,Aantal langdurige thuiszitters (langer dan 3 maanden)
Kernindicatoren,vrijstellingen_5a,,table,Aantal vrijstellingen van leerplicht (artikel 5 onder a)
Kernindicatoren,professionals_uitstroom_pct,sector=jeugdzorg,table,Uitstroom jeugdprofessionals naar sector buiten zorg en welzijn (3e kwartaal)
Kernindicatoren,professionals_invloed_pct,sector=jeugdzorg,table,Jeugdprofessionals hebben invloed op de inhoud van hun werk
Kernindicatoren,professionals_tevreden_pct,sector=jeugdzorg,table,Jeugdprofessionals zijn (zeer) tevreden over hun werk
Actielijn 2: Meer kinderen zo thuis mogelijk,jeugdhulp_met_verblijf_pct,,line,Jeugdhulp met verblijf als % van totale jeugdhulp (0-23 jaar)
Actielijn 2: Meer kinderen zo thuis mogelijk,jeugdhulp_met_verblijf,age_group=0-23,line,Jongeren met jeugdhulp met verblijf (0-23 jaar)
Actielijn 2: Meer kinderen zo thuis mogelijk,jeugdhulp_met_verblijf,age_group=0-4|4-12|12-18|18-23,bar,Jeugdhulp met verblijf naar leeftijd
Actielijn 2: Meer kinderen zo thuis mogelijk,jeugdhulp_met_verblijf,age_group=0-23;form=gezinsgericht,bar,Gezinsgerichte jeugdhulp met verblijf (0-23 jaar)
Actielijn 2: Meer kinderen zo thuis mogelijk,pleegzorg_gezinsgericht_pct_verblijf,,bar,Pleegzorg en gezinsgericht als % van jeugdhulp met verblijf
Actielijn 5: Jeugdigen beter beschermen,jeugdbescherming_instroom,,bar,Instroom cliënten in de jeugdbescherming
Actielijn 5: Jeugdigen beter beschermen,uithuisplaatsing_ots_pct,,line,Percentage uithuisplaatsing bij ondertoezichtstelling (peildatum 31 december)
)csv";

std::string_view FactsheetConfig::DefaultText() { return kDefaultConfig; }

const FactsheetConfig& FactsheetConfig::Default() {
  static const FactsheetConfig* config = [] {
    absl::StatusOr<FactsheetConfig> c = Parse(kDefaultConfig, "factsheet.default.csv");
    return new FactsheetConfig(c.ok() ? *std::move(c) : FactsheetConfig{});
  }();
  return *config;
}

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string PeriodLabelNl(Period p) {
  static constexpr const char* kMonths[] = {"januari", "februari", "maart",     "april",
                                            "mei",     "juni",     "juli",      "augustus",
                                            "september", "oktober", "november", "december"};
  switch (p.kind()) {
    case PeriodKind::kYear: return absl::StrCat(p.year());
    case PeriodKind::kHalfYear: return absl::StrFormat("%de halfjaar %d", p.index(), p.year());
    case PeriodKind::kQuarter: return absl::StrFormat("%de kwartaal %d", p.index(), p.year());
    case PeriodKind::kMonth: return absl::StrFormat("%s %d", kMonths[p.index() - 1], p.year());
    case PeriodKind::kSchoolYear: return p.ToString();
    case PeriodKind::kPeildatum: {
      const Date d = p.first_day();
      return absl::StrFormat("%d %s %d", d.day(), std::string(kMonths[d.month() - 1]).substr(0, 3),
                             d.year());
    }
  }
  return p.ToString();
}

std::string FormatValueNl(double value, Unit unit, int decimals) {
  return unit == Unit::kPercentage ? FormatDutchPercent(value, decimals)
                                   : FormatDutch(value, decimals);
}

std::string FormatChangeNl(double change, Unit unit, int decimals) {
  if (unit == Unit::kPercentage) {
    return absl::StrCat(FormatDutchSigned(change, decimals), " procentpunt");
  }
  return absl::StrCat(FormatDutchSigned(change, decimals), "%");
}

}  // namespace v1
}  // namespace zvdj
