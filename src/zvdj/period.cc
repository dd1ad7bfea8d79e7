#include "zvdj/period.hpp"

#include <cctype>

#include "zvdj/internal/strings.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"

namespace zvdj {
inline namespace v1 {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

absl::Status BadCode(std::string_view code, std::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrFormat("'%s' is not a period: %s", internal::EscapeControl(code), why));
}

// "2018/'19", "2018/2019", "2018/19", "2018-2019", "2018-'19", "2018/'2019" is rejected.
absl::StatusOr<Period> ParseSchoolYear(std::string_view code, std::string_view s) {
  const std::string_view first = s.substr(0, 4);
  std::string_view second = s.substr(5);
  const bool typographic = second.size() >= 3 && (second.substr(0, 3) == "\xe2\x80\x98" ||
                                                   second.substr(0, 3) == "\xe2\x80\x99");
  if (!second.empty() && (second[0] == '\'' || typographic)) {
    // ASCII apostrophe, or a typographic one (U+2018/U+2019, 3 bytes in UTF-8).
    second.remove_prefix(second[0] == '\'' ? 1 : 3);
    if (second.size() != 2) return BadCode(code, "school year needs two digits after the apostrophe");
  }
  if (!AllDigits(first) || !AllDigits(second) || (second.size() != 2 && second.size() != 4)) {
    return BadCode(code, "school year must look like 2018/'19, 2018/19 or 2018/2019");
  }
  const int start = ToInt(first);
  const int end = ToInt(second);
  const int expected = second.size() == 2 ? (start + 1) % 100 : start + 1;
  if (end != expected) {
    return BadCode(code, "a school year runs from one year to the next");
  }
  return Period::SchoolYear(start);
}

absl::Status OutsideRange(const Period& p) {
  return absl::InvalidArgumentError(absl::StrFormat("%s is outside years %d..%d", p.ToString(),
                                               Period::kMinYear, Period::kMaxYear));
}

}  // namespace

std::string_view PeriodKindName(PeriodKind kind) noexcept {
  switch (kind) {
    case PeriodKind::kYear: return "year";
    case PeriodKind::kHalfYear: return "half_year";
    case PeriodKind::kQuarter: return "quarter";
    case PeriodKind::kMonth: return "month";
    case PeriodKind::kSchoolYear: return "school_year";
    case PeriodKind::kPeildatum: return "peildatum";
  }
  return "?";
}

absl::StatusOr<PeriodKind> ParsePeriodKind(std::string_view name) {
  for (PeriodKind k : {PeriodKind::kYear, PeriodKind::kHalfYear, PeriodKind::kQuarter,
                       PeriodKind::kMonth, PeriodKind::kSchoolYear, PeriodKind::kPeildatum}) {
    if (PeriodKindName(k) == name) return k;
  }
  return absl::InvalidArgumentError(absl::StrFormat(
      "unknown period kind '%s' (year, half_year, quarter, month, school_year, peildatum)",
      internal::EscapeControl(name)));
}

Period Period::SchoolYearOf(Date date) noexcept {
  return SchoolYear(date.year() - (date.month() < 8 ? 1 : 0));
}

absl::StatusOr<Period> Period::Parse(std::string_view code) {
  absl::StatusOr<Period> p = ParseAnyYear(code);
  if (p.ok() && !p->InRange()) {
    return BadCode(code, absl::StrFormat("years must lie in %d..%d", kMinYear, kMaxYear));
  }
  return p;
}

absl::StatusOr<Period> Period::Make(PeriodKind kind, int value, int index) {
  const auto bad_index = [&](int max) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s index %d is outside 1..%d", PeriodKindName(kind), index, max));
  };
  Period p;
  switch (kind) {
    case PeriodKind::kYear:
    case PeriodKind::kSchoolYear:
      if (index != 0) {
        return absl::InvalidArgumentError(
            absl::StrFormat("%s index must be 0, got %d", PeriodKindName(kind), index));
      }
      p = Period(kind, value, 0);
      break;
    case PeriodKind::kHalfYear:
      if (index < 1 || index > 2) return bad_index(2);
      p = HalfYear(value, index);
      break;
    case PeriodKind::kQuarter:
      if (index < 1 || index > 4) return bad_index(4);
      p = Quarter(value, index);
      break;
    case PeriodKind::kMonth:
      if (index < 1 || index > 12) return bad_index(12);
      p = Month(value, index);
      break;
    case PeriodKind::kPeildatum:
      p = Peildatum(Date::FromDays(value));
      break;
    default:
      return absl::InvalidArgumentError(
          absl::StrFormat("unknown period kind %d", static_cast<int>(kind)));
  }
  if (!p.InRange()) {
    if (kind == PeriodKind::kPeildatum) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "day number %d is outside years %d..%d", value, kMinYear, kMaxYear));
    }
    return absl::InvalidArgumentError(absl::StrFormat(
        "year %d is outside %d..%d%s", value, kMinYear,
        kind == PeriodKind::kSchoolYear ? kMaxYear - 1 : kMaxYear,
        kind == PeriodKind::kSchoolYear ? " for a school year" : ""));
  }
  return p;
}

bool Period::InRange() const noexcept {
  switch (kind_) {
    case PeriodKind::kYear:
    case PeriodKind::kHalfYear:
    case PeriodKind::kQuarter:
    case PeriodKind::kMonth:
      return value_ >= kMinYear && value_ <= kMaxYear;
    case PeriodKind::kSchoolYear:
      return value_ >= kMinYear && value_ < kMaxYear;  // it ends in the next year
    case PeriodKind::kPeildatum: {
      constexpr int32_t kFirst = Date::FromYmdUnchecked(kMinYear, 1, 1).days();
      constexpr int32_t kLast = Date::FromYmdUnchecked(kMaxYear, 12, 31).days();
      return value_ >= kFirst && value_ <= kLast;
    }
  }
  return false;
}

absl::StatusOr<Period> Period::CheckedSuccessor() const {
  if (!InRange()) return OutsideRange(*this);
  const Period next = Successor();
  if (!next.InRange()) {
    return absl::InvalidArgumentError(absl::StrFormat("no period after %s (years %d..%d)",
                                                 ToString(), kMinYear, kMaxYear));
  }
  return next;
}

absl::StatusOr<Period> Period::CheckedPredecessor() const {
  if (!InRange()) return OutsideRange(*this);
  const Period prev = Predecessor();
  if (!prev.InRange()) {
    return absl::InvalidArgumentError(absl::StrFormat("no period before %s (years %d..%d)",
                                                 ToString(), kMinYear, kMaxYear));
  }
  return prev;
}

absl::StatusOr<Period> Period::ParseAnyYear(std::string_view code) {
  const std::string_view s = internal::Trim(code);
  if (s.size() == 4 && AllDigits(s)) return Year(ToInt(s));
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    auto date = Date::Parse(s);
    if (!date.ok()) return BadCode(code, internal::ToStd(date.status().message()));
    return Peildatum(*date);
  }
  if (s.size() >= 7 && (s[4] == '/' || s[4] == '-') && AllDigits(s.substr(0, 4))) {
    return ParseSchoolYear(code, s);
  }
  if (s.size() == 8 && AllDigits(s.substr(0, 4)) && AllDigits(s.substr(6, 2))) {
    const int year = ToInt(s.substr(0, 4));
    const int n = ToInt(s.substr(6, 2));
    const std::string_view tag = s.substr(4, 2);
    if (tag == "JJ") {
      if (n != 0) return BadCode(code, "a year code ends in JJ00");
      return Year(year);
    }
    if (tag == "HJ") {
      if (n < 1 || n > 2) return BadCode(code, "half year must be HJ01 or HJ02");
      return HalfYear(year, n);
    }
    if (tag == "KW") {
      if (n < 1 || n > 4) return BadCode(code, "quarter must be KW01..KW04");
      return Quarter(year, n);
    }
    if (tag == "MM") {
      if (n < 1 || n > 12) return BadCode(code, "month must be MM01..MM12");
      return Month(year, n);
    }
    return BadCode(code, "unknown CBS period type (JJ, HJ, KW, MM)");
  }
  return BadCode(code, "expected a CBS code (2019JJ00, 2019HJ01, 2019KW03, 2019MM05), "
                       "a school year (2018/'19) or an ISO date");
}

int Period::year() const noexcept {
  return kind_ == PeriodKind::kPeildatum ? Date::FromDays(value_).year() : value_;
}

Date Period::first_day() const noexcept {
  switch (kind_) {
    case PeriodKind::kYear: return Date::FromYmdUnchecked(value_, 1, 1);
    case PeriodKind::kHalfYear: return Date::FromYmdUnchecked(value_, index_ == 1 ? 1 : 7, 1);
    case PeriodKind::kQuarter: return Date::FromYmdUnchecked(value_, 3 * (index_ - 1) + 1, 1);
    case PeriodKind::kMonth: return Date::FromYmdUnchecked(value_, index_, 1);
    case PeriodKind::kSchoolYear: return Date::FromYmdUnchecked(value_, 8, 1);
    case PeriodKind::kPeildatum: return Date::FromDays(value_);
  }
  return Date();
}

Date Period::last_day() const noexcept {
  switch (kind_) {
    case PeriodKind::kPeildatum: return Date::FromDays(value_);
    default: return Successor().first_day() - 1;
  }
}

Period Period::Predecessor() const noexcept {
  switch (kind_) {
    case PeriodKind::kYear:
    case PeriodKind::kSchoolYear: return Period(kind_, value_ - 1, 0);
    case PeriodKind::kHalfYear:
      return index_ == 1 ? HalfYear(value_ - 1, 2) : HalfYear(value_, 1);
    case PeriodKind::kQuarter:
      return index_ == 1 ? Quarter(value_ - 1, 4) : Quarter(value_, index_ - 1);
    case PeriodKind::kMonth:
      return index_ == 1 ? Month(value_ - 1, 12) : Month(value_, index_ - 1);
    case PeriodKind::kPeildatum: return Peildatum(AddMonths(Date::FromDays(value_), -12));
  }
  return *this;
}

Period Period::Successor() const noexcept {
  switch (kind_) {
    case PeriodKind::kYear:
    case PeriodKind::kSchoolYear: return Period(kind_, value_ + 1, 0);
    case PeriodKind::kHalfYear:
      return index_ == 2 ? HalfYear(value_ + 1, 1) : HalfYear(value_, 2);
    case PeriodKind::kQuarter:
      return index_ == 4 ? Quarter(value_ + 1, 1) : Quarter(value_, index_ + 1);
    case PeriodKind::kMonth:
      return index_ == 12 ? Month(value_ + 1, 1) : Month(value_, index_ + 1);
    case PeriodKind::kPeildatum: return Peildatum(AddMonths(Date::FromDays(value_), 12));
  }
  return *this;
}

std::string Period::ToString() const {
  switch (kind_) {
    case PeriodKind::kYear: return absl::StrFormat("%04dJJ00", value_);
    case PeriodKind::kHalfYear: return absl::StrFormat("%04dHJ%02d", value_, index_);
    case PeriodKind::kQuarter: return absl::StrFormat("%04dKW%02d", value_, index_);
    case PeriodKind::kMonth: return absl::StrFormat("%04dMM%02d", value_, index_);
    case PeriodKind::kSchoolYear: return absl::StrFormat("%04d/'%02d", value_, (value_ + 1) % 100);
    case PeriodKind::kPeildatum: return Date::FromDays(value_).ToString();
  }
  return "?";
}

double Period::YearsBetween(Period from, Period to) noexcept {
  switch (from.kind_) {
    case PeriodKind::kYear:
    case PeriodKind::kSchoolYear: return to.value_ - from.value_;
    case PeriodKind::kHalfYear:
      return ((to.value_ * 2 + to.index_) - (from.value_ * 2 + from.index_)) / 2.0;
    case PeriodKind::kQuarter:
      return ((to.value_ * 4 + to.index_) - (from.value_ * 4 + from.index_)) / 4.0;
    case PeriodKind::kMonth:
      return ((to.value_ * 12 + to.index_) - (from.value_ * 12 + from.index_)) / 12.0;
    case PeriodKind::kPeildatum: {
      // Whole years between the same calendar day count as whole years.
      const Date a = Date::FromDays(from.value_), b = Date::FromDays(to.value_);
      const int months = (b.year() - a.year()) * 12 + (b.month() - a.month());
      const Date anchor = AddMonths(a, months);
      return months / 12.0 + (b - anchor) / 365.25;
    }
  }
  return 0;
}

}  // namespace v1
}  // namespace zvdj
