// libzvdj dates: a calendar day as a day number, and the date rules of the
// youth-care statistics (integer age, 29 February, clamped month arithmetic).
//
//   #include "zvdj/date.hpp"
//   auto birth = zvdj::Date::Parse("2004-02-29").value();
//   zvdj::AgeOn(birth, zvdj::Date::FromYmdUnchecked(2022, 2, 28));  // 17
//   zvdj::AgeOn(birth, zvdj::Date::FromYmdUnchecked(2022, 3, 1));   // 18
//   zvdj::AddMonths(zvdj::Date::FromYmdUnchecked(2024, 1, 31), 1);   // 2024-02-29
//
// A Date is the number of days since 1970-01-01 in the proleptic Gregorian
// calendar, so it is 4 bytes, trivially copyable and ordered by `<`. Years 1400
// to 9999 are accepted from text (the range of Boost.Date_Time, which the
// library uses as its reference calendar). Month arithmetic clamps to the end of
// the month and never "snaps" (unlike Boost's months()/years()).
#ifndef ZVDJ_DATE_HPP_
#define ZVDJ_DATE_HPP_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace zvdj {
inline namespace v1 {

constexpr bool IsLeapYear(int year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// [28, 31]; `month` in [1, 12].
constexpr int DaysInMonth(int year, int month) noexcept {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

class Date {
 public:
  static constexpr int kMinYear = 1400;
  static constexpr int kMaxYear = 9999;

  constexpr Date() noexcept = default;  // 1970-01-01

  static constexpr Date FromDays(int32_t days) noexcept { return Date(days); }
  // No validation: the caller guarantees a real calendar day.
  static constexpr Date FromYmdUnchecked(int year, int month, int day) noexcept;
  // InvalidArgument for a day that does not exist (2019-02-29, 2019-13-01).
  static absl::StatusOr<Date> FromYmd(int year, int month, int day);
  // Strict ISO `YYYY-MM-DD`; InvalidArgument with the reason otherwise.
  static absl::StatusOr<Date> Parse(std::string_view text);

  constexpr int32_t days() const noexcept { return days_; }
  struct Ymd {
    int year;
    int month;  // [1, 12]
    int day;    // [1, 31]
  };
  // Year, month and day in one conversion (cheaper than the three accessors).
  constexpr Ymd ToYmd() const noexcept;
  constexpr int year() const noexcept;
  constexpr int month() const noexcept;  // [1, 12]
  constexpr int day() const noexcept;    // [1, 31]
  // 20190231-style integer, the basis of the integer age rule.
  constexpr int32_t yyyymmdd() const noexcept {
    const Ymd ymd = ToYmd();
    return ymd.year * 10000 + ymd.month * 100 + ymd.day;
  }
  std::string ToString() const;  // YYYY-MM-DD

  constexpr Date operator+(int32_t n) const noexcept { return Date(days_ + n); }
  constexpr Date operator-(int32_t n) const noexcept { return Date(days_ - n); }
  constexpr int32_t operator-(Date other) const noexcept { return days_ - other.days_; }
  friend constexpr auto operator<=>(Date, Date) noexcept = default;
  friend constexpr bool operator==(Date, Date) noexcept = default;

 private:
  constexpr explicit Date(int32_t days) noexcept : days_(days) {}
  int32_t days_ = 0;
};

// How a 29 February birthday is reached in a common year.
enum class Feb29Rule : uint8_t {
  kMarch1,  // one year older on 1 March (Dutch legal reading; the integer rule)
  kFeb28,   // one year older on 28 February
};

// Completed years on `on` for someone born on `birth`:
// (yyyymmdd(on) - yyyymmdd(birth)) / 10000 under kMarch1. Negative before birth.
int AgeOn(Date birth, Date on, Feb29Rule rule = Feb29Rule::kMarch1) noexcept;

// The day on which someone born on `birth` turns `years` old.
Date NthBirthday(Date birth, int years, Feb29Rule rule = Feb29Rule::kMarch1) noexcept;

// Same day of month `months` later (or earlier when negative), clamped to the
// last day of the target month: 31 Jan + 1 = 28/29 Feb; 29 Feb + 12 = 28 Feb.
Date AddMonths(Date date, int months) noexcept;

// ---- constexpr implementation (civil-from-days, H. Hinnant) ----

constexpr Date Date::FromYmdUnchecked(int year, int month, int day) noexcept {
  const int y = year - (month <= 2);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (month + 9) % 12;
  const int doy = (153 * mp + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return Date(era * 146097 + doe - 719468);
}

constexpr Date::Ymd Date::ToYmd() const noexcept {
  const int z = days_ + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return Ymd{yoe + era * 400 + (m <= 2), m, d};
}

constexpr int Date::year() const noexcept { return ToYmd().year; }
constexpr int Date::month() const noexcept { return ToYmd().month; }
constexpr int Date::day() const noexcept { return ToYmd().day; }

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_DATE_HPP_
