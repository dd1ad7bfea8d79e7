// Status propagation macros. Abseil LTS 20220623 ships none, so these mirror the
// names Abseil and many Google codebases use.
#ifndef ZVDJ_INTERNAL_STATUS_MACROS_H_
#define ZVDJ_INTERNAL_STATUS_MACROS_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define ZVDJ_STATUS_CONCAT_INNER_(a, b) a##b
#define ZVDJ_STATUS_CONCAT_(a, b) ZVDJ_STATUS_CONCAT_INNER_(a, b)

// Returns from the enclosing function if `expr` (an absl::Status) is not OK.
#define ZVDJ_RETURN_IF_ERROR(expr)                      \
  do {                                                  \
    ::absl::Status zvdj_status_ = (expr);               \
    if (!zvdj_status_.ok()) return zvdj_status_;        \
  } while (false)

// `ZVDJ_ASSIGN_OR_RETURN(auto x, MakeX());` declares/assigns `x` from a StatusOr,
// or returns its status.
#define ZVDJ_ASSIGN_OR_RETURN(lhs, expr) \
  ZVDJ_ASSIGN_OR_RETURN_IMPL_(ZVDJ_STATUS_CONCAT_(zvdj_statusor_, __LINE__), lhs, expr)

#define ZVDJ_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                                \
  if (!statusor.ok()) return std::move(statusor).status(); \
  lhs = std::move(statusor).value()

#endif  // ZVDJ_INTERNAL_STATUS_MACROS_H_
