// libzvdj periods: the reporting periods of CBS youth-care statistics and their
// codes.
//
//   #include "zvdj/period.hpp"
//   auto p = zvdj::Period::Parse("2019KW03").value();
//   p.ToString();                 // "2019KW03"
//   p.Predecessor().ToString();   // "2019KW02"
//   p.first_day().ToString();     // "2019-07-01"
//   zvdj::Period::Parse("2018/2019")->ToString();  // "2018/'19" (school year)
//
// Kinds and codes (parsed and written):
//   year        2019JJ00            half year  2019HJ01 .. 2019HJ02
//   quarter     2019KW01 .. KW04    month      2019MM01 .. MM12
//   school year 2018/'19 (1 Aug 2018 - 31 Jul 2019); also read as 2018/2019,
//               2018/19 and 2018-2019
//   peildatum   an ISO date, 2019-12-31 (a stock is counted on that day)
// A bare year "2019" is read as 2019JJ00.
//
// The predecessor is the calendar predecessor of the same kind (never "the
// previous row"); a peildatum's predecessor is the same day a year earlier
// (29 February -> 28 February). Periods order by kind first, then by time, so a
// series of one kind sorts chronologically.
//
// Year range: every day of a period lies in 1400-01-01 .. 9999-12-31, the
// range of zvdj::Date. So years, half years, quarters and months are 1400..9999,
// a school year starts in 1400..9998 (2018/'19 ends in 2019), and a peildatum
// is a date of those years. Parse, Make and CheckedSuccessor/CheckedPredecessor
// reject anything else ("0000JJ00", "1399JJ00", the successor of 9999JJ00), and
// every reader (datasets, StatLine, break registers) and the C API go through
// them.
#ifndef ZVDJ_PERIOD_HPP_
#define ZVDJ_PERIOD_HPP_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "zvdj/date.hpp"

namespace zvdj {
inline namespace v1 {

enum class PeriodKind : uint8_t {
  kYear = 0,
  kHalfYear = 1,
  kQuarter = 2,
  kMonth = 3,
  kSchoolYear = 4,
  kPeildatum = 5,
};

// "year", "half_year", "quarter", "month", "school_year", "peildatum".
std::string_view PeriodKindName(PeriodKind kind) noexcept;
absl::StatusOr<PeriodKind> ParsePeriodKind(std::string_view name);

class Period {
 public:
  constexpr Period() noexcept = default;  // 1970JJ00

  static constexpr Period Year(int year) noexcept { return {PeriodKind::kYear, year, 0}; }
  static constexpr Period HalfYear(int year, int half) noexcept {  // half in [1, 2]
    return {PeriodKind::kHalfYear, year, half};
  }
  static constexpr Period Quarter(int year, int quarter) noexcept {  // [1, 4]
    return {PeriodKind::kQuarter, year, quarter};
  }
  static constexpr Period Month(int year, int month) noexcept {  // [1, 12]
    return {PeriodKind::kMonth, year, month};
  }
  // The school year that starts on 1 August of `start_year`.
  static constexpr Period SchoolYear(int start_year) noexcept {
    return {PeriodKind::kSchoolYear, start_year, 0};
  }
  static constexpr Period Peildatum(Date date) noexcept {
    return {PeriodKind::kPeildatum, date.days(), 0};
  }
  // The school year containing `date` (1 Aug .. 31 Jul).
  static Period SchoolYearOf(Date date) noexcept;

  // The year range of the banner.
  static constexpr int kMinYear = Date::kMinYear;  // 1400
  static constexpr int kMaxYear = Date::kMaxYear;  // 9999

  // Parses any code listed in the banner; InvalidArgument with the reason
  // (also for a year outside the range).
  static absl::StatusOr<Period> Parse(std::string_view code);
  // A checked constructor: `value` is the year (the start year of a school
  // year) or, for a peildatum, a day number; `index` the half, quarter or month
  // (0 for the other kinds). InvalidArgument for an index or year out of range.
  static absl::StatusOr<Period> Make(PeriodKind kind, int value, int index);

  constexpr PeriodKind kind() const noexcept { return kind_; }
  // Calendar year; for a school year the start year; for a peildatum its year.
  int year() const noexcept;
  // Half, quarter or month number; 0 for year, school year and peildatum.
  constexpr int index() const noexcept { return index_; }

  Date first_day() const noexcept;
  Date last_day() const noexcept;  // inclusive; the peildatum itself for a peildatum
  // Unchecked: at the ends of the year range the result lies outside it
  // (InRange() is false). Use the Checked forms where that can happen.
  Period Predecessor() const noexcept;
  Period Successor() const noexcept;
  // InvalidArgument "no period after 9999JJ00 (years 1400..9999)" at the ends.
  absl::StatusOr<Period> CheckedPredecessor() const;
  absl::StatusOr<Period> CheckedSuccessor() const;
  // Whether every day of the period lies in years kMinYear..kMaxYear.
  bool InRange() const noexcept;
  // The CBS code (or school-year label, or ISO date).
  std::string ToString() const;
  // Time between the two periods in years (a quarter is 0.25), for growth rates.
  // Both must be of the same kind.
  static double YearsBetween(Period from, Period to) noexcept;
  // Whether `date` lies in [first_day, last_day].
  bool Contains(Date date) const noexcept {
    return first_day() <= date && date <= last_day();
  }

  friend constexpr auto operator<=>(const Period&, const Period&) noexcept = default;
  friend constexpr bool operator==(const Period&, const Period&) noexcept = default;

  // A 64-bit key that orders like operator<=> (kind, then time).
  constexpr int64_t key() const noexcept {
    return (static_cast<int64_t>(kind_) << 40) + (static_cast<int64_t>(value_) << 5) +
           index_;
  }

 private:
  // Parse without the year-range check.
  static absl::StatusOr<Period> ParseAnyYear(std::string_view code);
  constexpr Period(PeriodKind kind, int32_t value, int index) noexcept
      : kind_(kind), value_(value), index_(static_cast<int8_t>(index)) {}

  PeriodKind kind_ = PeriodKind::kYear;
  int32_t value_ = 1970;  // year, or day number for a peildatum
  int8_t index_ = 0;
};

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_PERIOD_HPP_
