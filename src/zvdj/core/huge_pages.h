// Reserving large column vectors on transparent huge pages (where the system
// gives them on request): filling hundreds of megabytes then takes one page
// fault per 2 MiB instead of one per 4 KiB, and random look-ups miss the TLB
// less often. Capacity that is never written still costs no memory.
#ifndef ZVDJ_INTERNAL_HUGE_PAGES_H_
#define ZVDJ_INTERNAL_HUGE_PAGES_H_

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace zvdj::internal {

// Asks for huge pages on the 2 MiB-aligned part of [p, p + bytes); a hint only.
inline void AdviseHugePages(const void* p, size_t bytes) {
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  const auto begin = reinterpret_cast<uintptr_t>(p);
  const uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t last = (begin + bytes) & ~(kHuge - 1);
  if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}

// v->reserve(n), with the untouched capacity of a large vector advised as huge pages.
template <typename T>
void ReserveHuge(std::vector<T>* v, size_t n) {
  if (n <= v->capacity()) return;
  v->reserve(n);
  if (n * sizeof(T) >= (size_t{4} << 20)) {
    AdviseHugePages(v->data() + v->size(), (v->capacity() - v->size()) * sizeof(T));
  }
}

}  // namespace zvdj::internal

#endif  // ZVDJ_INTERNAL_HUGE_PAGES_H_
