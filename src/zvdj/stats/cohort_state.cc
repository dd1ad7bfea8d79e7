// State of a cohort at a reference date (e.g. living situation or follow-up
// care at 18), as shares per group and percentage-point differences against a
// reference group.
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "zvdj/cohort.hpp"

namespace zvdj {
inline namespace v1 {

absl::StatusOr<std::vector<StateShare>> StateDistribution(
    std::span<const std::string> group, std::span<const std::string> category,
    std::string_view reference_group) {
  if (group.size() != category.size()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "group and category differ in length (%d vs %d)", group.size(), category.size()));
  }
  std::vector<std::string> groups, categories;
  absl::flat_hash_map<std::string, size_t> gi, ci;
  std::vector<std::vector<int64_t>> counts;  // [group][category]
  for (size_t i = 0; i < group.size(); ++i) {
    auto [git, gnew] = gi.try_emplace(group[i], groups.size());
    if (gnew) {
      groups.push_back(group[i]);
      counts.emplace_back(categories.size(), 0);
    }
    auto [cit, cnew] = ci.try_emplace(category[i], categories.size());
    if (cnew) {
      categories.push_back(category[i]);
      for (auto& c : counts) c.push_back(0);
    }
    ++counts[git->second][cit->second];
  }
  auto ref = gi.find(std::string(reference_group));
  if (ref == gi.end()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("reference group '%s' has no members", std::string(reference_group)));
  }
  std::vector<int64_t> totals(groups.size(), 0);
  for (size_t g = 0; g < groups.size(); ++g) {
    for (int64_t c : counts[g]) totals[g] += c;
  }
  auto share = [&](size_t g, size_t c) {
    return 100.0 * static_cast<double>(counts[g][c]) / static_cast<double>(totals[g]);
  };
  std::vector<StateShare> out;
  out.reserve(groups.size() * categories.size());
  for (size_t g = 0; g < groups.size(); ++g) {
    for (size_t c = 0; c < categories.size(); ++c) {
      StateShare s;
      s.group = groups[g];
      s.category = categories[c];
      s.count = counts[g][c];
      s.group_total = totals[g];
      s.share_pct = share(g, c);
      s.pp_diff = s.share_pct - share(ref->second, c);
      out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace v1
}  // namespace zvdj
