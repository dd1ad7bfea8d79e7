// C API: dates, periods and number formatting.
#include <cstdint>
#include <limits>
#include <string>

#include "absl/status/status.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/date.hpp"
#include "zvdj/core/strings.h"
#include "zvdj/number_format.hpp"
#include "zvdj/period.hpp"
#include "zvdj/zvdj.h"

namespace zvdj::capi {
namespace {

// Guards day numbers passed in by callers: the calendar is defined for years
// 1400..9999 only.
absl::Status CheckDays(int32_t days, const char* what) {
  constexpr int32_t kMin = Date::FromYmdUnchecked(Date::kMinYear, 1, 1).days();
  constexpr int32_t kMax = Date::FromYmdUnchecked(Date::kMaxYear, 12, 31).days();
  if (days < kMin || days > kMax) {
    return absl::OutOfRangeError(std::string(what) + " " + std::to_string(days) +
                                 " is outside years 1400..9999");
  }
  return absl::OkStatus();
}

absl::Status CheckDecimals(int32_t decimals) {
  if (decimals < 0 || decimals > 17) {
    return absl::InvalidArgumentError("decimals must be in 0..17, got " +
                                      std::to_string(decimals));
  }
  return absl::OkStatus();
}

absl::StatusOr<NumberFormat> ToNumberFormat(int32_t format) {
  switch (format) {
    case ZVDJ_NUMBER_FORMAT_AUTO:
    case ZVDJ_NUMBER_FORMAT_PLAIN:
      return NumberFormat::kPlain;
    case ZVDJ_NUMBER_FORMAT_DUTCH:
      return NumberFormat::kDutch;
    default:
      return absl::InvalidArgumentError("unknown number format " + std::to_string(format));
  }
}

// The three Dutch number formatters share the decimals check and the copy-out.
zvdj_status FormatWithDecimals(std::string (*format)(double, int), char* buffer,
                               size_t capacity, size_t* written, double value,
                               int32_t decimals) {
  return Guard([&]() -> absl::Status {
    ZVDJ_RETURN_IF_ERROR(CheckDecimals(decimals));
    return CopyString(format(value, decimals), buffer, capacity, written);
  });
}

}  // namespace
}  // namespace zvdj::capi

using zvdj::capi::CopyString;
using zvdj::capi::Guard;

extern "C" {

ZVDJ_API zvdj_status zvdj_date_parse(int32_t* out_days, const char* iso_date) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out_days);
    ZVDJ_CAPI_REQUIRE(iso_date);
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Date d, zvdj::Date::Parse(iso_date));
    *out_days = d.days();
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_date_format(char* buffer, size_t capacity, size_t* written,
                                      int32_t days) {
  return Guard([&]() -> absl::Status {
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckDays(days, "day number"));
    return CopyString(zvdj::Date::FromDays(days).ToString(), buffer, capacity, written);
  });
}

ZVDJ_API zvdj_status zvdj_date_from_ymd(int32_t* out_days, int32_t year, int32_t month,
                                        int32_t day) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out_days);
    if (year < zvdj::Date::kMinYear || year > zvdj::Date::kMaxYear) {
      return absl::InvalidArgumentError("year " + std::to_string(year) +
                                        " is outside 1400..9999");
    }
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Date d, zvdj::Date::FromYmd(year, month, day));
    *out_days = d.days();
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_age_on(int32_t* out_age, int32_t birth_days, int32_t on_days) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out_age);
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckDays(birth_days, "birth day number"));
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckDays(on_days, "day number"));
    *out_age = zvdj::AgeOn(zvdj::Date::FromDays(birth_days), zvdj::Date::FromDays(on_days));
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_add_months(int32_t* out_days, int32_t days, int32_t months) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out_days);
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckDays(days, "day number"));
    if (months < -12 * 8000 || months > 12 * 8000) {
      return absl::OutOfRangeError("months " + std::to_string(months) + " is too large");
    }
    const zvdj::Date d = zvdj::AddMonths(zvdj::Date::FromDays(days), months);
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckDays(d.days(), "result"));
    *out_days = d.days();
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_period_normalize(char* buffer, size_t capacity, size_t* written,
                                           const char* code) {
  return Guard([&]() -> absl::Status {
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Period p, zvdj::capi::ParsePeriodArg(code, "code"));
    return CopyString(p.ToString(), buffer, capacity, written);
  });
}

ZVDJ_API zvdj_status zvdj_period_predecessor(char* buffer, size_t capacity,
                                             size_t* written, const char* code) {
  return Guard([&]() -> absl::Status {
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Period p, zvdj::capi::ParsePeriodArg(code, "code"));
    ZVDJ_ASSIGN_OR_RETURN(const zvdj::Period prev, p.CheckedPredecessor());
    return CopyString(prev.ToString(), buffer, capacity, written);
  });
}

ZVDJ_API zvdj_status zvdj_period_successor(char* buffer, size_t capacity, size_t* written,
                                           const char* code) {
  return Guard([&]() -> absl::Status {
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Period p, zvdj::capi::ParsePeriodArg(code, "code"));
    ZVDJ_ASSIGN_OR_RETURN(const zvdj::Period next, p.CheckedSuccessor());
    return CopyString(next.ToString(), buffer, capacity, written);
  });
}

ZVDJ_API zvdj_status zvdj_period_info(int32_t* out_kind, int32_t* out_year,
                                      int32_t* out_index, int32_t* out_first_day,
                                      int32_t* out_last_day, const char* code) {
  return Guard([&]() -> absl::Status {
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Period p, zvdj::capi::ParsePeriodArg(code, "code"));
    if (out_kind != nullptr) *out_kind = static_cast<int32_t>(p.kind());
    if (out_year != nullptr) *out_year = p.year();
    if (out_index != nullptr) *out_index = p.index();
    if (out_first_day != nullptr) *out_first_day = p.first_day().days();
    if (out_last_day != nullptr) *out_last_day = p.last_day().days();
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_period_make(char* buffer, size_t capacity, size_t* written,
                                      int32_t kind, int32_t value, int32_t index) {
  return Guard([&]() -> absl::Status {
    // One range for every path: Period::Make checks what Period::Parse checks.
    if (kind < ZVDJ_PERIOD_YEAR || kind > ZVDJ_PERIOD_PEILDATUM) {
      return absl::InvalidArgumentError("unknown period kind " + std::to_string(kind));
    }
    ZVDJ_ASSIGN_OR_RETURN(
        const zvdj::Period p,
        zvdj::Period::Make(static_cast<zvdj::PeriodKind>(kind), value,
                           kind == ZVDJ_PERIOD_HALF_YEAR || kind == ZVDJ_PERIOD_QUARTER ||
                                   kind == ZVDJ_PERIOD_MONTH
                               ? index
                               : 0));
    return CopyString(p.ToString(), buffer, capacity, written);
  });
}

ZVDJ_API zvdj_status zvdj_period_years_between(double* out_years, const char* from,
                                               const char* to) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out_years);
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Period a, zvdj::capi::ParsePeriodArg(from, "from"));
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Period b, zvdj::capi::ParsePeriodArg(to, "to"));
    if (a.kind() != b.kind()) {
      return absl::InvalidArgumentError(
          "periods of different kinds: " + a.ToString() + " (" +
          std::string(zvdj::PeriodKindName(a.kind())) + ") and " + b.ToString() + " (" +
          std::string(zvdj::PeriodKindName(b.kind())) + ")");
    }
    *out_years = zvdj::Period::YearsBetween(a, b);
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_period_compare(int32_t* out, const char* a, const char* b) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Period pa, zvdj::capi::ParsePeriodArg(a, "a"));
    ZVDJ_ASSIGN_OR_RETURN(zvdj::Period pb, zvdj::capi::ParsePeriodArg(b, "b"));
    *out = pa < pb ? -1 : (pa == pb ? 0 : 1);
    return absl::OkStatus();
  });
}

ZVDJ_API const char* zvdj_period_kind_name(int32_t kind) {
  switch (kind) {
    case ZVDJ_PERIOD_YEAR:
      return "year";
    case ZVDJ_PERIOD_HALF_YEAR:
      return "half_year";
    case ZVDJ_PERIOD_QUARTER:
      return "quarter";
    case ZVDJ_PERIOD_MONTH:
      return "month";
    case ZVDJ_PERIOD_SCHOOL_YEAR:
      return "school_year";
    case ZVDJ_PERIOD_PEILDATUM:
      return "peildatum";
    default:
      return nullptr;
  }
}

ZVDJ_API zvdj_status zvdj_parse_number(double* out, const char* text, int32_t format) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    ZVDJ_CAPI_REQUIRE(text);
    ZVDJ_ASSIGN_OR_RETURN(zvdj::NumberFormat f, zvdj::capi::ToNumberFormat(format));
    ZVDJ_ASSIGN_OR_RETURN(double v, zvdj::ParseNumber(text, f));
    *out = v;
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_format_dutch(char* buffer, size_t capacity, size_t* written,
                                       double value, int32_t decimals) {
  return zvdj::capi::FormatWithDecimals(&zvdj::FormatDutch, buffer, capacity, written,
                                        value, decimals);
}

ZVDJ_API zvdj_status zvdj_format_dutch_percent(char* buffer, size_t capacity,
                                               size_t* written, double value,
                                               int32_t decimals) {
  return zvdj::capi::FormatWithDecimals(&zvdj::FormatDutchPercent, buffer, capacity, written,
                                        value, decimals);
}

ZVDJ_API zvdj_status zvdj_format_dutch_signed(char* buffer, size_t capacity,
                                              size_t* written, double value,
                                              int32_t decimals) {
  return zvdj::capi::FormatWithDecimals(&zvdj::FormatDutchSigned, buffer, capacity, written,
                                        value, decimals);
}

ZVDJ_API zvdj_status zvdj_format_plain(char* buffer, size_t capacity, size_t* written,
                                       double value) {
  return Guard([&]() -> absl::Status {
    return CopyString(zvdj::FormatPlain(value), buffer, capacity, written);
  });
}

ZVDJ_API zvdj_status zvdj_round_to_multiple_of_5(int64_t* out, int64_t count) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    if (count > std::numeric_limits<int64_t>::max() - 5 ||
        count < std::numeric_limits<int64_t>::min() + 5) {
      return absl::OutOfRangeError("count too large to round");
    }
    *out = zvdj::RoundToMultipleOf5(count);
    return absl::OkStatus();
  });
}

}  // extern "C"
