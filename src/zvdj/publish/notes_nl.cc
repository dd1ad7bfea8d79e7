#include "zvdj/publish/notes_nl.h"

#include <cctype>
#include <utility>

#include "zvdj/period.hpp"
#include "zvdj/trend_report.hpp"

namespace zvdj::internal {
namespace {

void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  for (size_t p = 0; (p = s->find(from, p)) != std::string::npos; p += to.size()) {
    s->replace(p, from.size(), to);
  }
}

// Longer phrases first, so that a phrase inside another is not cut up.
constexpr std::pair<std::string_view, std::string_view> kPhrases[] = {
    {"change between a provisional (", "verandering tussen een voorlopige ("},
    {") and a definitive (", ") en een definitieve ("},
    {") value", ") waarde"},
    {"relative change undefined: ", "relatieve verandering niet te berekenen: "},
    {"series break between ", "trendbreuk tussen "},
    {" period(s) without a number skipped", " periode(n) zonder getal overgeslagen"},
    {"only one period with a number", "maar één periode met een getal"},
    {"no period with a number", "geen periode met een getal"},
    {"both values provisional", "beide waarden voorlopig"},
    {"first value provisional", "eerste waarde voorlopig"},
    {"last value provisional", "laatste waarde voorlopig"},
    {"CAGR undefined: ", "groei per jaar niet te berekenen: "},
    {"no time between the first and last value", "geen tijd tussen de eerste en laatste waarde"},
    {"the first value is 0", "de eerste waarde is 0"},
    {"the values change sign", "de waarden wisselen van teken"},
    {"status '.': unknown", "status '.': onbekend"},
    {"status 'x': secret", "status 'x': geheim"},
    {"impossible (empty value)", "onmogelijk (lege waarde)"},
    {"no number for ", "geen getal voor "},
    {"no value for ", "geen waarde voor "},
};

// Period codes (2018JJ00, 2019KW03, 2019MM05, ...) as readers write them.
std::string ReadablePeriods(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const bool start = i + 8 <= s.size() && (i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1])));
    if (start) {
      auto p = Period::Parse(std::string_view(s).substr(i, 8));
      const bool end = i + 8 == s.size() || !std::isalnum(static_cast<unsigned char>(s[i + 8]));
      if (p.ok() && end) {
        out += DisplayPeriod(*p);
        i += 8;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

}  // namespace

std::string NoteNl(std::string_view note, const BreakRegister* breaks) {
  std::string s(note);
  if (breaks != nullptr) {
    for (const SeriesBreak& b : breaks->breaks()) {
      if (!b.reason.empty() && !b.reason_nl.empty()) ReplaceAll(&s, b.reason, b.reason_nl);
    }
  }
  // "; summary covers 2019JJ00-2019JJ00 only" -> "; samenvatting alleen over ...".
  constexpr std::string_view kCovers = "; summary covers ";
  for (size_t p = 0; (p = s.find(kCovers, p)) != std::string::npos;) {
    const size_t only = s.find(" only", p + kCovers.size());
    const size_t next = s.find(';', p + kCovers.size());
    const bool ends = only != std::string::npos && (next == std::string::npos || only < next);
    std::string span = s.substr(p + kCovers.size(),
                                (ends ? only : std::min(next, s.size())) - p - kCovers.size());
    std::string nl = std::string(ends ? "; samenvatting alleen over " : "; samenvatting over ") + span;
    s.replace(p, (ends ? only + 5 : p + kCovers.size() + span.size()) - p, nl);
    p += nl.size();
  }
  for (const auto& [en, nl] : kPhrases) ReplaceAll(&s, en, nl);
  ReplaceAll(&s, " and ", " en ");
  return ReadablePeriods(s);
}

}  // namespace zvdj::internal
