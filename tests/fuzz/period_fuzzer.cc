// Fuzzes Period::Parse (CBS codes, school years, peildatums). Invariants: a parsed
// period writes a code that parses back to the same period, lies in the year
// range, and calendar navigation stays consistent.
#include <cstddef>
#include <cstdint>

#include "fuzz_check.h"
#include "zvdj/period.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using zvdj::Period;
  using zvdj::PeriodKind;
  const std::string_view text = zvdj::fuzz::AsText(data, size);
  auto p = Period::Parse(text);
  if (!p.ok()) return 0;
  const std::string code = p->ToString();
  auto again = Period::Parse(code);
  ZVDJ_FUZZ_CHECK(again.ok(), code);
  ZVDJ_FUZZ_CHECK(*again == *p, code);
  ZVDJ_FUZZ_CHECK(p->first_day() <= p->last_day(), code);
  ZVDJ_FUZZ_CHECK(p->Contains(p->first_day()) && p->Contains(p->last_day()), code);
  if (p->kind() != PeriodKind::kPeildatum) {
    // Peildatums clamp 29 February, so only the other kinds are exact inverses.
    ZVDJ_FUZZ_CHECK(p->Predecessor().Successor() == *p, code);
    ZVDJ_FUZZ_CHECK(p->Successor().Predecessor() == *p, code);
    ZVDJ_FUZZ_CHECK(p->Predecessor().last_day() + 1 == p->first_day(), code);
    ZVDJ_FUZZ_CHECK(Period::YearsBetween(p->Predecessor(), *p) > 0, code);
  }
  ZVDJ_FUZZ_CHECK(p->Predecessor() < *p, code);
  // One year range: what parses is in range, and the checked navigation fails
  // exactly where the unchecked one leaves the range.
  ZVDJ_FUZZ_CHECK(p->InRange(), code);
  auto next = p->CheckedSuccessor();
  ZVDJ_FUZZ_CHECK(next.ok() == p->Successor().InRange(), code);
  if (next.ok()) ZVDJ_FUZZ_CHECK(*next == p->Successor(), code);
  auto prev = p->CheckedPredecessor();
  ZVDJ_FUZZ_CHECK(prev.ok() == p->Predecessor().InRange(), code);
  if (prev.ok()) ZVDJ_FUZZ_CHECK(*prev == p->Predecessor(), code);
  // The only non-ASCII text accepted is a typographic apostrophe in a school year.
  for (size_t i = 0; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) {
      ZVDJ_FUZZ_CHECK(p->kind() == PeriodKind::kSchoolYear && i + 2 < text.size() &&
                          text.substr(i, 2) == "\xe2\x80" &&
                          (text[i + 2] == '\x98' || text[i + 2] == '\x99'),
                      code);
      i += 2;
    }
  }
  return 0;
}
