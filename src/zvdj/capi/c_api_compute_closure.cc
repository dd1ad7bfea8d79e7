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
  ResultTable& t = closure->table;
  const size_t period = t.AddText("period");
  const size_t region = t.AddText("region");
  const size_t measure = t.AddText("measure");
  const size_t begin = t.AddNumber("begin");
  const size_t inflow = t.AddNumber("inflow");
  const size_t outflow = t.AddNumber("outflow");
  const size_t end = t.AddNumber("end");
  const size_t difference = t.AddNumber("difference");
  for (const ClosureRow& r : result.closure) {
    t.Text(period, r.period.ToString());
    t.Text(region, r.region);
    t.Text(measure, r.measure);
    t.Number(begin, static_cast<double>(r.begin));
    t.Number(inflow, static_cast<double>(r.inflow));
    t.Number(outflow, static_cast<double>(r.outflow));
    t.Number(end, static_cast<double>(r.end));
    t.Number(difference, static_cast<double>(r.difference));
    t.EndRow();
  }
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
