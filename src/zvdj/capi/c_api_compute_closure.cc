// C API: indicators together with the jeugdbescherming stock-flow closure.
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/indicators.hpp"
#include "zvdj/zvdj.h"

namespace zvdj::capi {
namespace {

absl::Status ComputeWithClosure(zvdj_dataset** out, zvdj_table** out_closure,
                                const zvdj_records* records, const zvdj_compute_options* opts) {
  ZVDJ_CAPI_REQUIRE(out);
  ZVDJ_CAPI_REQUIRE(out_closure);
  ZVDJ_CAPI_REQUIRE(records);
  ZVDJ_ASSIGN_OR_RETURN(ComputeResult result, RunCompute(records, opts));
  auto closure = std::make_unique<zvdj_table>();
  closure->table = ToTable(result.closure);
  auto ds = std::make_unique<zvdj_dataset>(zvdj_dataset{std::move(result.dataset)});
  *out = ds.release();
  *out_closure = closure.release();
  return absl::OkStatus();
}

}  // namespace
}  // namespace zvdj::capi

extern "C" {

ZVDJ_API zvdj_status zvdj_compute_with_closure(zvdj_dataset** out, zvdj_table** out_closure,
                                               const zvdj_records* records,
                                               const zvdj_compute_options* opts) {
  return zvdj::capi::Guard(
      [&] { return zvdj::capi::ComputeWithClosure(out, out_closure, records, opts); });
}

}  // extern "C"
