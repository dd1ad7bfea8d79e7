// The CBS merge of overlapping trajectories ("Jeugdhulp 2020", CBS): the same
// form at the same provider counts as one trajectory from the first start to
// the last end.
#include <algorithm>

#include "zvdj/internal/indicators_internal.h"

namespace zvdj::internal {

size_t MergeTrajectories(Trajectory* t, size_t n) {
  if (n <= 1) return n;
  const auto less = [](const Trajectory& a, const Trajectory& b) {
    if (a.form != b.form) return a.form < b.form;
    if (a.provider != b.provider) return a.provider < b.provider;
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end < b.end;
    // A full order: rows that differ only in end reason or municipality sort
    // the same whatever the input order, so the merged row does not depend
    // on it (the row last in this order wins a tie on the end).
    if (a.end_reason != b.end_reason) return a.end_reason < b.end_reason;
    return a.municipality < b.municipality;
  };
  // Persons have few trajectories: insertion sort beats std::sort here.
  for (size_t i = 1; i < n; ++i) {
    Trajectory x = t[i];
    size_t j = i;
    while (j > 0 && less(x, t[j - 1])) {
      t[j] = t[j - 1];
      --j;
    }
    t[j] = x;
  }
  size_t out = 0;
  for (size_t i = 1; i < n; ++i) {
    Trajectory& cur = t[out];
    const Trajectory& next = t[i];
    if (next.form == cur.form && next.provider == cur.provider && next.start <= cur.end) {
      // Sorted by start, so `next` starts no earlier: it wins ties on the end.
      if (next.end >= cur.end) {
        cur.end = next.end;
        cur.end_reason = next.end_reason;
        cur.municipality = next.municipality;
      }
    } else {
      t[++out] = next;
    }
  }
  return out + 1;
}

}  // namespace zvdj::internal
