// C API core: status codes, the thread's last error, versions, constants and
// the helpers shared by the c_api_*.cc files.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/core/strings.h"
#include "zvdj/date.hpp"
#include "zvdj/names.hpp"
#include "zvdj/period.hpp"
#include "zvdj/version.h"
#include "zvdj/zvdj.h"

// The C codes are the absl::StatusCode numbers, so conversion is a cast.
#define ZVDJ_SAME_CODE(c, a) \
  static_assert(static_cast<int>(c) == static_cast<int>(absl::StatusCode::a), #c)
ZVDJ_SAME_CODE(ZVDJ_OK, kOk);
ZVDJ_SAME_CODE(ZVDJ_CANCELLED, kCancelled);
ZVDJ_SAME_CODE(ZVDJ_UNKNOWN, kUnknown);
ZVDJ_SAME_CODE(ZVDJ_INVALID_ARGUMENT, kInvalidArgument);
ZVDJ_SAME_CODE(ZVDJ_DEADLINE_EXCEEDED, kDeadlineExceeded);
ZVDJ_SAME_CODE(ZVDJ_NOT_FOUND, kNotFound);
ZVDJ_SAME_CODE(ZVDJ_ALREADY_EXISTS, kAlreadyExists);
ZVDJ_SAME_CODE(ZVDJ_PERMISSION_DENIED, kPermissionDenied);
ZVDJ_SAME_CODE(ZVDJ_RESOURCE_EXHAUSTED, kResourceExhausted);
ZVDJ_SAME_CODE(ZVDJ_FAILED_PRECONDITION, kFailedPrecondition);
ZVDJ_SAME_CODE(ZVDJ_ABORTED, kAborted);
ZVDJ_SAME_CODE(ZVDJ_OUT_OF_RANGE, kOutOfRange);
ZVDJ_SAME_CODE(ZVDJ_UNIMPLEMENTED, kUnimplemented);
ZVDJ_SAME_CODE(ZVDJ_INTERNAL, kInternal);
ZVDJ_SAME_CODE(ZVDJ_UNAVAILABLE, kUnavailable);
ZVDJ_SAME_CODE(ZVDJ_DATA_LOSS, kDataLoss);
ZVDJ_SAME_CODE(ZVDJ_UNAUTHENTICATED, kUnauthenticated);
#undef ZVDJ_SAME_CODE

// The C enumerators mirror the C++ enums.
static_assert(ZVDJ_PERIOD_PEILDATUM == static_cast<int>(zvdj::PeriodKind::kPeildatum));
static_assert(ZVDJ_PERIOD_SCHOOL_YEAR == static_cast<int>(zvdj::PeriodKind::kSchoolYear));
static_assert(ZVDJ_VALUE_IMPOSSIBLE == static_cast<int>(zvdj::ValueStatus::kImpossible));
static_assert(ZVDJ_VALUE_NIL == static_cast<int>(zvdj::ValueStatus::kNil));
static_assert(ZVDJ_UNIT_PERCENTAGE == static_cast<int>(zvdj::Unit::kPercentage));
static_assert(ZVDJ_COUNTING_UNIT_CLIENTS == static_cast<int>(zvdj::CountingUnit::kClients));
static_assert(ZVDJ_DIRECTION_NONE == static_cast<int>(zvdj::Direction::kNone));
static_assert(ZVDJ_DIRECTION_UP == static_cast<int>(zvdj::Direction::kUp));

// The C enumerators of the options are those of the name tables (names.hpp),
// from which zvdj_constant reads them.
namespace {
constexpr int64_t NameValue(const zvdj::EnumTable& t, std::string_view name) {
  for (const zvdj::EnumEntry& e : t.names) {
    if (e.name == name) return e.value;
  }
  return -1;
}
}  // namespace
static_assert(NameValue(zvdj::kAgeBasisTable, "period_end") == ZVDJ_AGE_BASIS_PERIOD_END);
static_assert(NameValue(zvdj::kAgeBasisTable, "period_start") == ZVDJ_AGE_BASIS_PERIOD_START);
static_assert(NameValue(zvdj::kAgeBasisTable, "record_start") == ZVDJ_AGE_BASIS_RECORD_START);
static_assert(NameValue(zvdj::kLoadModeTable, "strict") == ZVDJ_LOAD_STRICT);
static_assert(NameValue(zvdj::kLoadModeTable, "lenient") == ZVDJ_LOAD_LENIENT);
static_assert(NameValue(zvdj::kLevelTable, "gemeente") == ZVDJ_LEVEL_GEMEENTE);
static_assert(NameValue(zvdj::kLevelTable, "jeugdregio") == ZVDJ_LEVEL_JEUGDREGIO);
static_assert(NameValue(zvdj::kLevelTable, "provincie") == ZVDJ_LEVEL_PROVINCIE);
static_assert(NameValue(zvdj::kLevelTable, "land") == ZVDJ_LEVEL_LAND);
static_assert(NameValue(zvdj::kDenominatorTable, "all") == ZVDJ_DENOMINATOR_ALL);
static_assert(NameValue(zvdj::kAttributionTable, "cbs") == ZVDJ_ATTRIBUTION_CBS);
static_assert(NameValue(zvdj::kAttributionTable, "latest") == ZVDJ_ATTRIBUTION_LATEST);
static_assert(static_cast<int>(zvdj::Attribution::kCbs) == ZVDJ_ATTRIBUTION_CBS);
static_assert(static_cast<int>(zvdj::Attribution::kLatest) == ZVDJ_ATTRIBUTION_LATEST);
static_assert(NameValue(zvdj::kDenominatorTable, "zonder_verlengde") == ZVDJ_DENOMINATOR_ZONDER_VERLENGDE);
static_assert(NameValue(zvdj::kCiTable, "log") == ZVDJ_CI_LOG);
static_assert(NameValue(zvdj::kCiTable, "log-log") == ZVDJ_CI_LOG_LOG);
static_assert(NameValue(zvdj::kCiTable, "plain") == ZVDJ_CI_PLAIN);
static_assert(NameValue(zvdj::kStatLineFormatTable, "odata3") == ZVDJ_STATLINE_ODATA3);
static_assert(NameValue(zvdj::kStatLineFormatTable, "odata4") == ZVDJ_STATLINE_ODATA4);
static_assert(NameValue(zvdj::kStatLineFormatTable, "csv") == ZVDJ_STATLINE_CSV);
static_assert(NameValue(zvdj::kAssessmentTable, "cagr") == ZVDJ_ASSESSMENT_CAGR);
static_assert(NameValue(zvdj::kAssessmentTable, "tolerance") == ZVDJ_ASSESSMENT_TOLERANCE);
static_assert(NameValue(zvdj::kAssessmentTable, "none") == ZVDJ_ASSESSMENT_NONE);
static_assert(ZVDJ_COLUMN_INTEGER == static_cast<int>(zvdj::ColumnKind::kInteger));
static_assert(ZVDJ_COLUMN_NUMBER == static_cast<int>(zvdj::ColumnKind::kNumber));

namespace zvdj::capi {
namespace {

struct LastError {
  zvdj_status code = ZVDJ_OK;
  std::string message;
};
thread_local LastError tl_last_error;

struct Constant {
  const char* name;
  int64_t value;
};
#define ZVDJ_C(name) {#name, static_cast<int64_t>(name)}
constexpr Constant kConstants[] = {
    ZVDJ_C(ZVDJ_VERSION_MAJOR),
    ZVDJ_C(ZVDJ_VERSION_MINOR),
    ZVDJ_C(ZVDJ_VERSION_PATCH),
    ZVDJ_C(ZVDJ_VERSION_NUMBER),
    ZVDJ_C(ZVDJ_ABI_VERSION),
    ZVDJ_C(ZVDJ_OK),
    ZVDJ_C(ZVDJ_CANCELLED),
    ZVDJ_C(ZVDJ_UNKNOWN),
    ZVDJ_C(ZVDJ_INVALID_ARGUMENT),
    ZVDJ_C(ZVDJ_DEADLINE_EXCEEDED),
    ZVDJ_C(ZVDJ_NOT_FOUND),
    ZVDJ_C(ZVDJ_ALREADY_EXISTS),
    ZVDJ_C(ZVDJ_PERMISSION_DENIED),
    ZVDJ_C(ZVDJ_RESOURCE_EXHAUSTED),
    ZVDJ_C(ZVDJ_FAILED_PRECONDITION),
    ZVDJ_C(ZVDJ_ABORTED),
    ZVDJ_C(ZVDJ_OUT_OF_RANGE),
    ZVDJ_C(ZVDJ_UNIMPLEMENTED),
    ZVDJ_C(ZVDJ_INTERNAL),
    ZVDJ_C(ZVDJ_UNAVAILABLE),
    ZVDJ_C(ZVDJ_DATA_LOSS),
    ZVDJ_C(ZVDJ_UNAUTHENTICATED),
    ZVDJ_C(ZVDJ_PERIOD_YEAR),
    ZVDJ_C(ZVDJ_PERIOD_HALF_YEAR),
    ZVDJ_C(ZVDJ_PERIOD_QUARTER),
    ZVDJ_C(ZVDJ_PERIOD_MONTH),
    ZVDJ_C(ZVDJ_PERIOD_SCHOOL_YEAR),
    ZVDJ_C(ZVDJ_PERIOD_PEILDATUM),
    ZVDJ_C(ZVDJ_NUMBER_FORMAT_AUTO),
    ZVDJ_C(ZVDJ_NUMBER_FORMAT_PLAIN),
    ZVDJ_C(ZVDJ_NUMBER_FORMAT_DUTCH),
    ZVDJ_C(ZVDJ_VALUE_DEFINITIVE),
    ZVDJ_C(ZVDJ_VALUE_PROVISIONAL),
    ZVDJ_C(ZVDJ_VALUE_REVISED_PROVISIONAL),
    ZVDJ_C(ZVDJ_VALUE_UNKNOWN),
    ZVDJ_C(ZVDJ_VALUE_SECRET),
    ZVDJ_C(ZVDJ_VALUE_NIL),
    ZVDJ_C(ZVDJ_VALUE_IMPOSSIBLE),
    ZVDJ_C(ZVDJ_READ_OPTIONS_VERSION),
    ZVDJ_C(ZVDJ_QUERY_VERSION),
    ZVDJ_C(ZVDJ_UNIT_COUNT),
    ZVDJ_C(ZVDJ_UNIT_PERCENTAGE),
    ZVDJ_C(ZVDJ_COUNTING_UNIT_PERSONS),
    ZVDJ_C(ZVDJ_COUNTING_UNIT_TRAJECTORIES),
    ZVDJ_C(ZVDJ_COUNTING_UNIT_MEASURES),
    ZVDJ_C(ZVDJ_COUNTING_UNIT_EMPLOYEES),
    ZVDJ_C(ZVDJ_COUNTING_UNIT_CLIENTS),
    ZVDJ_C(ZVDJ_DIRECTION_DOWN),
    ZVDJ_C(ZVDJ_DIRECTION_UP),
    ZVDJ_C(ZVDJ_DIRECTION_NONE),
    ZVDJ_C(ZVDJ_TREND_OPTIONS_VERSION),
    ZVDJ_C(ZVDJ_LOAD_OPTIONS_VERSION),
    ZVDJ_C(ZVDJ_COMPUTE_OPTIONS_VERSION),
    ZVDJ_C(ZVDJ_COHORT_OPTIONS_VERSION),
    ZVDJ_C(ZVDJ_SURVIVAL_ALL_CAUSE),
    ZVDJ_C(ZVDJ_SURVIVAL_CUMULATIVE_INCIDENCE),
    ZVDJ_C(ZVDJ_SURVIVAL_TYPE_KAPLAN_MEIER),
    ZVDJ_C(ZVDJ_SURVIVAL_OPTIONS_VERSION),
    ZVDJ_C(ZVDJ_OUTFLOW_OPTIONS_VERSION),
    ZVDJ_C(ZVDJ_GENERATE_OPTIONS_VERSION),
    ZVDJ_C(ZVDJ_STATLINE_OPTIONS_VERSION),
    ZVDJ_C(ZVDJ_COLUMN_TEXT),
    ZVDJ_C(ZVDJ_COLUMN_NUMBER),
    ZVDJ_C(ZVDJ_COLUMN_INTEGER),
    ZVDJ_C(ZVDJ_FACTSHEET_OPTIONS_VERSION),
};
#undef ZVDJ_C

// Every constant of zvdj.h: kConstants, then the options' constants derived
// from their name tables (ZVDJ_CI_LOG_LOG from ci "log-log").
const std::vector<Constant>& AllConstants() {
  static const std::vector<Constant>* all = [] {
    static std::vector<std::string> names;  // owns the derived names
    std::vector<std::pair<size_t, int64_t>> derived;
    for (const EnumTable* t : EnumTables()) {
      for (const EnumEntry& e : t->names) {
        const std::string n = CConstantName(*t, e.name);
        if (n.empty()) continue;
        names.push_back(n);
        derived.emplace_back(names.size() - 1, e.value);
      }
    }
    auto* v = new std::vector<Constant>(std::begin(kConstants), std::end(kConstants));
    for (const auto& [i, value] : derived) v->push_back({names[i].c_str(), value});
    return v;
  }();
  return *all;
}

constexpr const char* kStatusNames[] = {
    "OK",        "CANCELLED",          "UNKNOWN",           "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED", "NOT_FOUND",  "ALREADY_EXISTS",    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
    "UNIMPLEMENTED", "INTERNAL",       "UNAVAILABLE",       "DATA_LOSS",
    "UNAUTHENTICATED",
};

}  // namespace

zvdj_status SetError(const absl::Status& status) {
  const auto code = static_cast<zvdj_status>(status.code());
  LastError& e = tl_last_error;
  e.code = code;
  e.message.assign(status.message().data(), status.message().size());
  return code;
}

absl::Status Require(const void* p, const char* what) {
  if (p != nullptr) return absl::OkStatus();
  return absl::InvalidArgumentError(std::string("argument '") + what +
                                    "' must not be NULL");
}

absl::Status CheckOptionsVersion(const char* type, uint32_t version, uint32_t newest) {
  if (version >= 1 && version <= newest) return absl::OkStatus();
  return absl::InvalidArgumentError(std::string(type) + " version " +
                                    std::to_string(version) + " is not supported");
}

absl::Status CopyString(std::string_view s, char* buffer, size_t capacity,
                        size_t* written) {
  if (written == nullptr) return absl::InvalidArgumentError("written must not be NULL");
  const size_t need = s.size() + 1;
  *written = need;
  if (buffer == nullptr && capacity == 0) return absl::OkStatus();  // size query
  if (buffer == nullptr) return absl::InvalidArgumentError("buffer must not be NULL");
  if (capacity < need) {
    return absl::OutOfRangeError("buffer too small: capacity " + std::to_string(capacity) +
                                 ", required " + std::to_string(need));
  }
  if (!s.empty()) std::memcpy(buffer, s.data(), s.size());
  buffer[s.size()] = '\0';
  return absl::OkStatus();
}

absl::StatusOr<Dimensions> ReadDims(size_t count, const char* const* names,
                                    const char* const* values) {
  Dimensions dims;
  if (count == 0) return dims;
  if (names == nullptr || values == nullptr) {
    return absl::InvalidArgumentError("dim_names and dim_values must not be NULL when "
                                      "dim_count > 0");
  }
  for (size_t i = 0; i < count; ++i) {
    if (names[i] == nullptr || names[i][0] == '\0') {
      return absl::InvalidArgumentError("dimension name " + std::to_string(i) +
                                        " is empty");
    }
    if (values[i] == nullptr || values[i][0] == '\0') continue;  // total
    dims.emplace_back(names[i], values[i]);
  }
  return dims;
}

absl::StatusOr<Period> ParsePeriodArg(const char* code, const char* what) {
  if (code == nullptr) {
    return absl::InvalidArgumentError(std::string("argument '") + what +
                                      "' must not be NULL");
  }
  absl::StatusOr<Period> p = Period::Parse(code);
  if (!p.ok()) {
    return absl::InvalidArgumentError(std::string(what) + ": " +
                                      std::string(internal::ToStd(p.status().message())));
  }
  return p;
}

absl::StatusOr<Date> ParseDateArg(const char* iso, const char* what) {
  if (iso == nullptr) {
    return absl::InvalidArgumentError(std::string("argument '") + what + "' must not be NULL");
  }
  absl::StatusOr<Date> d = Date::Parse(iso);
  if (!d.ok()) {
    return absl::InvalidArgumentError(std::string(what) + ": " +
                                      std::string(internal::ToStd(d.status().message())));
  }
  return d;
}

}  // namespace zvdj::capi

extern "C" {

ZVDJ_API const char* zvdj_status_name(int32_t status) {
  if (status < 0 || status >= static_cast<int32_t>(std::size(zvdj::capi::kStatusNames))) {
    return "UNRECOGNIZED";
  }
  return zvdj::capi::kStatusNames[status];
}

ZVDJ_API const char* zvdj_last_error_message(void) {
  return zvdj::capi::tl_last_error.message.c_str();
}

ZVDJ_API zvdj_status zvdj_last_error_code(void) { return zvdj::capi::tl_last_error.code; }

ZVDJ_API void zvdj_clear_last_error(void) {
  zvdj::capi::tl_last_error.code = ZVDJ_OK;
  zvdj::capi::tl_last_error.message.clear();
}

ZVDJ_API int32_t zvdj_version_number(void) { return ZVDJ_VERSION_NUMBER; }

#define ZVDJ_STR_INNER_(x) #x
#define ZVDJ_STR_(x) ZVDJ_STR_INNER_(x)
ZVDJ_API const char* zvdj_version_string(void) {
  return ZVDJ_STR_(ZVDJ_VERSION_MAJOR) "." ZVDJ_STR_(ZVDJ_VERSION_MINOR) "." ZVDJ_STR_(
      ZVDJ_VERSION_PATCH);
}

ZVDJ_API int32_t zvdj_abi_version(void) { return ZVDJ_ABI_VERSION; }

ZVDJ_API zvdj_status zvdj_constant(int64_t* out, const char* name) {
  return zvdj::capi::Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    ZVDJ_CAPI_REQUIRE(name);
    const std::string_view wanted(name);
    for (const auto& c : zvdj::capi::AllConstants()) {
      if (wanted == c.name) {
        *out = c.value;
        return absl::OkStatus();
      }
    }
    return absl::NotFoundError("no constant named '" + std::string(wanted) + "'");
  });
}

ZVDJ_API zvdj_status zvdj_constant_name(char* buffer, size_t capacity, size_t* written,
                                        size_t index) {
  return zvdj::capi::Guard([&]() -> absl::Status {
    const auto& all = zvdj::capi::AllConstants();
    if (index >= all.size()) {
      return absl::OutOfRangeError("constant index " + std::to_string(index) +
                                   " past the end (" + std::to_string(all.size()) + ")");
    }
    return zvdj::capi::CopyString(all[index].name, buffer, capacity, written);
  });
}

}  // extern "C"
