#include "zvdj/publication.hpp"

#include <cmath>

#include "zvdj/catalogue.hpp"
#include "zvdj/number_format.hpp"

namespace zvdj {
inline namespace v1 {

Dataset Publish(const Dataset& in, const PublicationOptions& options,
                const std::vector<PercentageBasis>& bases) {
  std::vector<const PercentageBasis*> basis_of(in.size(), nullptr);
  for (const PercentageBasis& b : bases) {
    if (b.row < in.size()) basis_of[b.row] = &b;
  }
  const Catalogue& catalogue = Catalogue::BuiltIn();
  Dataset out;
  out.Reserve(in.size());
  for (size_t row = 0; row < in.size(); ++row) {
    Observation obs = in.observation(row);
    if (obs.value.has_value() && HasValue(obs.status)) {
      if (const PercentageBasis* b = basis_of[row]) {
        if (IsSuppressed(b->numerator, options) || IsSuppressed(b->denominator, options)) {
          obs.value.reset();
          obs.status = ValueStatus::kUnknown;
        }
      } else {
        const IndicatorDef* def = catalogue.Find(obs.indicator);
        const bool percentage = def != nullptr && def->unit == Unit::kPercentage;
        if (!percentage) {
          if (IsSuppressed(*obs.value, options)) {
            obs.value.reset();
            obs.status = ValueStatus::kUnknown;
          } else if (options.round5) {
            obs.value = static_cast<double>(
                RoundToMultipleOf5(static_cast<int64_t>(std::llround(*obs.value))));
          }
        }
      }
    }
    // Keys are unique in `in`, so Add cannot fail.
    (void)out.Add(obs);
  }
  return out;
}

}  // namespace v1
}  // namespace zvdj
