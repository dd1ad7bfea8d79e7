#include "zvdj/core/boost_dates.h"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <stdexcept>

#include "absl/strings/str_format.h"

namespace zvdj::internal {

absl::StatusOr<Date> BoostValidatedDate(int year, int month, int day) {
  try {
    boost::gregorian::date d(static_cast<unsigned short>(year),
                             static_cast<unsigned short>(month),
                             static_cast<unsigned short>(day));
    (void)d;
  } catch (const std::out_of_range& e) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%04d-%02d-%02d is not a calendar day (%s)", year, month, day, e.what()));
  }
  return Date::FromYmdUnchecked(year, month, day);
}

int BoostDayOfWeek(Date date) {
  boost::gregorian::date d(static_cast<unsigned short>(date.year()),
                           static_cast<unsigned short>(date.month()),
                           static_cast<unsigned short>(date.day()));
  return d.day_of_week().as_number();
}

}  // namespace zvdj::internal
