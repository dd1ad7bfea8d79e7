// C API: indicators from person-level records.
#include <cstddef>
#include <cstring>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/dataset_io.hpp"
#include "zvdj/indicators.hpp"
#include "zvdj/core/strings.h"
#include "zvdj/regions.hpp"
#include "zvdj/zvdj.h"

namespace zvdj::capi {
namespace {

// Bytes of the options struct that a caller of `version` knows: fields are
// only appended, so an older caller's struct is a prefix of this one.
size_t ComputeOptionsSize(uint32_t version) {
  return version >= 2 ? sizeof(zvdj_compute_options)
                      : offsetof(zvdj_compute_options, attribution);
}

}  // namespace

absl::StatusOr<ComputeResult> RunCompute(const zvdj_records* records,
                                         const zvdj_compute_options* opts) {
  ZVDJ_CAPI_REQUIRE(records);
  zvdj_compute_options o;
  zvdj_compute_options_init(&o, ZVDJ_COMPUTE_OPTIONS_VERSION);
  if (opts != nullptr) {
    ZVDJ_RETURN_IF_ERROR(CheckOptionsVersion("zvdj_compute_options", opts->version,
                                             ZVDJ_COMPUTE_OPTIONS_VERSION));
    // Defaults first, then the fields the caller's version has.
    zvdj_compute_options_init(&o, ZVDJ_COMPUTE_OPTIONS_VERSION);
    std::memcpy(&o, opts, ComputeOptionsSize(opts->version));
  }
  if (o.threads < 0 || o.threads > 256) {
    return absl::InvalidArgumentError("threads must be from 0 to 256");
  }
  ComputeOptions c;
  if (o.from_year != 0) c.from_year = o.from_year;
  if (o.to_year != 0) c.to_year = o.to_year;
  if (o.suppress_below < 0) return absl::InvalidArgumentError("suppress_below must be >= 0");
  c.publication.suppress_below = o.suppress_below;
  c.publication.round5 = o.round5 != 0;
  switch (o.age_basis) {
    case ZVDJ_AGE_BASIS_PERIOD_END:
      c.age_basis = AgeBasis::kPeriodEnd;
      break;
    case ZVDJ_AGE_BASIS_PERIOD_START:
      c.age_basis = AgeBasis::kPeriodStart;
      break;
    case ZVDJ_AGE_BASIS_RECORD_START:
      c.age_basis = AgeBasis::kRecordStart;
      break;
    default:
      return absl::InvalidArgumentError("unknown age_basis " + std::to_string(o.age_basis));
  }
  c.merge_trajectories = o.merge_trajectories != 0;
  c.vots_counts_as_ots = o.vots_counts_as_ots != 0;
  switch (o.attribution) {
    case ZVDJ_ATTRIBUTION_CBS:
      c.attribution = Attribution::kCbs;
      break;
    case ZVDJ_ATTRIBUTION_LATEST:
      c.attribution = Attribution::kLatest;
      break;
    default:
      return absl::InvalidArgumentError("unknown attribution " + std::to_string(o.attribution));
  }
  if (o.levels < 0 || o.levels > kAllRegionLevels) {
    return absl::InvalidArgumentError("levels must be a set of ZVDJ_LEVEL_* bits");
  }
  c.levels = o.levels == 0 ? kAllRegionLevels : static_cast<uint8_t>(o.levels);
  if (o.classification_year != 0) c.classification_year = o.classification_year;
  c.threads = o.threads;
  std::optional<RegionMap> regions;
  std::optional<Herindeling> herindeling;
  if (o.regions_path != nullptr && o.regions_path[0] != '\0') {
    ZVDJ_ASSIGN_OR_RETURN(regions, RegionMap::Load(o.regions_path));
  }
  if (o.herindeling_path != nullptr && o.herindeling_path[0] != '\0') {
    ZVDJ_ASSIGN_OR_RETURN(herindeling, Herindeling::Load(o.herindeling_path));
  }
  return ComputeIndicators(records->impl, c, regions ? &*regions : nullptr,
                           herindeling ? &*herindeling : nullptr);
}

namespace {

absl::Status Compute(zvdj_dataset** out, const zvdj_records* records,
                     const zvdj_compute_options* opts) {
  ZVDJ_CAPI_REQUIRE(out);
  ZVDJ_CAPI_REQUIRE(records);
  ZVDJ_ASSIGN_OR_RETURN(ComputeResult result, RunCompute(records, opts));
  *out = new zvdj_dataset{std::move(result.dataset)};
  return absl::OkStatus();
}

}  // namespace
}  // namespace zvdj::capi

using zvdj::capi::Guard;

extern "C" {

ZVDJ_API zvdj_status zvdj_compute_options_init(zvdj_compute_options* opts, uint32_t version) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(opts);
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckOptionsVersion("zvdj_compute_options", version,
                                                         ZVDJ_COMPUTE_OPTIONS_VERSION));
    const zvdj::ComputeOptions d;
    zvdj_compute_options o{};
    o.version = version;
    o.round5 = d.publication.round5 ? 1 : 0;
    o.suppress_below = d.publication.suppress_below;
    o.age_basis = ZVDJ_AGE_BASIS_PERIOD_END;
    o.merge_trajectories = d.merge_trajectories ? 1 : 0;
    o.vots_counts_as_ots = d.vots_counts_as_ots ? 1 : 0;
    o.levels = 0;
    o.attribution = d.attribution == zvdj::Attribution::kLatest ? ZVDJ_ATTRIBUTION_LATEST
                                                                : ZVDJ_ATTRIBUTION_CBS;
    o.threads = d.threads;
    // An older caller's struct is shorter: write only what it has.
    std::memcpy(opts, &o, zvdj::capi::ComputeOptionsSize(version));
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_compute(zvdj_dataset** out, const zvdj_records* records,
                                  const zvdj_compute_options* opts) {
  return Guard([&] { return zvdj::capi::Compute(out, records, opts); });
}

}  // extern "C"
