// libzvdj publication rules: CBS-style rounding of counts to multiples of 5 and
// suppression of small cells, with suppression propagated to percentages.
//
//   #include "zvdj/publication.hpp"
//   zvdj::PublicationOptions pub{.suppress_below = 10, .round5 = true};
//   // `bases` lists each percentage row with the counts it was computed from.
//   zvdj::Dataset published = zvdj::Publish(raw, pub, bases);
//
// Rules, in this order, on unrounded counts:
//   - a count c with 0 < c < suppress_below gets status `.` and no value
//     (0 is not suppressed: it discloses nothing about a person);
//   - a percentage whose numerator or denominator would be suppressed is
//     suppressed too;
//   - percentages are computed from unrounded counts and never recomputed from
//     rounded ones; with round5 only the counts are rounded (42127 -> 42125).
// Rows already without a value are copied unchanged. A percentage row not
// listed in `bases` (its counts are unknown) is copied unchanged.
#ifndef ZVDJ_PUBLICATION_HPP_
#define ZVDJ_PUBLICATION_HPP_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "zvdj/dataset.hpp"

namespace zvdj {
inline namespace v1 {

struct PublicationOptions {
  int64_t suppress_below = 10;  // 0 = no suppression
  bool round5 = false;
};

// The counts behind one percentage row of a dataset.
struct PercentageBasis {
  size_t row;
  double numerator;
  double denominator;
};

// Whether a count is suppressed under `options`.
constexpr bool IsSuppressed(double count, const PublicationOptions& options) noexcept {
  return count > 0 && count < static_cast<double>(options.suppress_below);
}

// A copy of `in` with the rules above applied. Rows listed in `bases` are
// percentages; rows of an indicator whose built-in catalogue unit is a
// percentage are never rounded; every other row with a value is a count.
Dataset Publish(const Dataset& in, const PublicationOptions& options,
                const std::vector<PercentageBasis>& bases = {});

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_PUBLICATION_HPP_
