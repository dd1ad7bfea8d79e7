#include "zvdj/date.hpp"

#include "absl/strings/str_format.h"
#include "zvdj/internal/strings.h"
#include "zvdj/internal/boost_dates.h"

namespace zvdj {
inline namespace v1 {

absl::StatusOr<Date> Date::FromYmd(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear) {
    return absl::InvalidArgumentError(
        absl::StrFormat("year %d outside [%d, %d]", year, kMinYear, kMaxYear));
  }
  if (month < 1 || month > 12) {
    return absl::InvalidArgumentError(absl::StrFormat("month %d outside [1, 12]", month));
  }
  if (day < 1 || day > DaysInMonth(year, month)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%04d-%02d-%02d does not exist (month has %d days)", year, month,
                        day, DaysInMonth(year, month)));
  }
  return Date::FromYmdUnchecked(year, month, day);
}

absl::StatusOr<Date> Date::Parse(std::string_view s) {
  auto digits = [&](size_t pos, size_t n, int* out) {
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(0, 4, &y) ||
      !digits(5, 2, &m) || !digits(8, 2, &d)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("'%s' is not an ISO date YYYY-MM-DD", internal::EscapeControl(s)));
  }
  return FromYmd(y, m, d);
}

std::string Date::ToString() const {
  const Ymd ymd = ToYmd();
  return absl::StrFormat("%04d-%02d-%02d", ymd.year, ymd.month, ymd.day);
}

int AgeOn(Date birth, Date on, Feb29Rule rule) noexcept {
  int age = (on.yyyymmdd() - birth.yyyymmdd()) / 10000;
  if (on < birth) {
    // Integer division truncates towards zero; ages before birth are negative.
    age = -((birth.yyyymmdd() - on.yyyymmdd() + 9999) / 10000);
  }
  if (rule == Feb29Rule::kFeb28 && birth.month() == 2 && birth.day() == 29 &&
      on.month() == 2 && on.day() == 28 && !IsLeapYear(on.year()) && on > birth) {
    ++age;  // the birthday is celebrated on 28 February in common years
  }
  return age;
}

Date NthBirthday(Date birth, int years, Feb29Rule rule) noexcept {
  const int y = birth.year() + years;
  if (birth.month() == 2 && birth.day() == 29 && !IsLeapYear(y)) {
    return rule == Feb29Rule::kMarch1 ? Date::FromYmdUnchecked(y, 3, 1)
                                      : Date::FromYmdUnchecked(y, 2, 28);
  }
  return Date::FromYmdUnchecked(y, birth.month(), birth.day());
}

Date AddMonths(Date date, int months) noexcept {
  const Date::Ymd ymd = date.ToYmd();
  const int total = ymd.year * 12 + (ymd.month - 1) + months;
  const int y = total >= 0 ? total / 12 : (total - 11) / 12;
  const int m = total - y * 12 + 1;
  const int d = ymd.day < DaysInMonth(y, m) ? ymd.day : DaysInMonth(y, m);
  return Date::FromYmdUnchecked(y, m, d);
}

}  // namespace v1
}  // namespace zvdj
