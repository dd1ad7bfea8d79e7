// Shared by the libFuzzer targets: an invariant check that aborts (so libFuzzer
// records the input) with a message saying which invariant broke.
#ifndef ZVDJ_TESTS_FUZZ_FUZZ_CHECK_H_
#define ZVDJ_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#define ZVDJ_FUZZ_CHECK(cond, what)                                              \
  do {                                                                           \
    if (!(cond)) {                                                               \
      std::fprintf(stderr, "%s:%d: invariant failed: %s (%s)\n", __FILE__,       \
                   __LINE__, #cond, std::string(what).c_str());                  \
      std::abort();                                                              \
    }                                                                            \
  } while (0)

namespace zvdj::fuzz {

inline std::string_view AsText(const unsigned char* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace zvdj::fuzz

#endif  // ZVDJ_TESTS_FUZZ_FUZZ_CHECK_H_
