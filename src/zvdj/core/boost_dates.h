// The only place that includes Boost.Date_Time. Boost is the reference calendar
// for validation; its months()/years() durations are never used (they snap to
// the end of the month, which gives wrong birthdays and uneven windows).
#ifndef ZVDJ_INTERNAL_BOOST_DATES_H_
#define ZVDJ_INTERNAL_BOOST_DATES_H_

#include "absl/status/statusor.h"
#include "zvdj/date.hpp"

namespace zvdj::internal {

// Validates (year, month, day) with boost::gregorian::date and converts its
// exceptions (bad_year, bad_month, bad_day_of_month) into InvalidArgument.
absl::StatusOr<Date> BoostValidatedDate(int year, int month, int day);

// Day of week by Boost, 0 = Sunday .. 6 = Saturday.
int BoostDayOfWeek(Date date);

}  // namespace zvdj::internal

#endif  // ZVDJ_INTERNAL_BOOST_DATES_H_
