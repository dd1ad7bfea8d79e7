// Fuzzes Date::Parse. Invariants: the strict ISO reader only accepts text that
// it writes back identically, and month arithmetic stays on real days.
#include <cstddef>
#include <cstdint>

#include "fuzz_check.h"
#include "zvdj/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using zvdj::Date;
  const std::string_view text = zvdj::fuzz::AsText(data, size);
  auto d = Date::Parse(text);
  if (!d.ok()) return 0;
  ZVDJ_FUZZ_CHECK(d->ToString() == text, text);
  auto ymd = Date::FromYmd(d->year(), d->month(), d->day());
  ZVDJ_FUZZ_CHECK(ymd.ok() && *ymd == *d, text);
  ZVDJ_FUZZ_CHECK(d->year() >= Date::kMinYear && d->year() <= Date::kMaxYear, text);
  for (int months : {-12, -1, 1, 12}) {
    const Date m = zvdj::AddMonths(*d, months);
    ZVDJ_FUZZ_CHECK(m.day() <= d->day(), text);
    ZVDJ_FUZZ_CHECK((months > 0) == (m > *d), text);
  }
  const Date birthday = zvdj::NthBirthday(*d, 18);
  ZVDJ_FUZZ_CHECK(zvdj::AgeOn(*d, birthday) == 18, text);
  ZVDJ_FUZZ_CHECK(zvdj::AgeOn(*d, birthday - 1) == 17, text);
  return 0;
}
