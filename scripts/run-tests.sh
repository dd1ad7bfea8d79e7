#!/usr/bin/env bash
# Sets up, builds with warnings as errors and runs the whole test suite; then
# runs it again under AddressSanitizer + UndefinedBehaviorSanitizer (asan
# preset), the multi-threaded tests (thread safety, parallel loading) under
# ThreadSanitizer (tsan preset), and
# every fuzz target briefly when clang is available.
#
#   ZVDJ_SANITIZERS=0   skip the asan and tsan stages
#   ZVDJ_FUZZ_SECONDS=N seconds per fuzz target (default 20; 0 skips fuzzing)
#   ZVDJ_PACKAGES=0     skip the Python and R package tests
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc)"

stage_start=$(date +%s)
stage() {
  local now; now=$(date +%s)
  echo "run-tests: $1 done in $((now - stage_start))s" >&2
  stage_start=$now
}
all_start=$stage_start

scripts/setup.sh
cmake --preset ci
cmake --build --preset ci -j "$jobs"
ctest --preset ci
stage "ci build + tests"

if [ "${ZVDJ_SANITIZERS:-1}" != 0 ]; then
  cmake --preset asan >/dev/null
  cmake --build --preset asan -j "$jobs"
  ctest --preset asan
  stage "asan+ubsan build + tests"

  cmake --preset tsan >/dev/null
  tsan_targets=()
  for f in tests/*thread*_test.cc tests/*parallel*_test.cc; do
    [ -e "$f" ] && tsan_targets+=("$(basename "$f" .cc)")
  done
  if [ ${#tsan_targets[@]} -gt 0 ]; then
    cmake --build --preset tsan -j "$jobs" --target "${tsan_targets[@]}"
    ctest --preset tsan
  fi
  stage "tsan build + threaded tests"
fi

fuzz_seconds="${ZVDJ_FUZZ_SECONDS:-20}"
if [ "$fuzz_seconds" = 0 ]; then
  echo "run-tests: fuzzing skipped (ZVDJ_FUZZ_SECONDS=0)" >&2
elif command -v clang++ >/dev/null &&
   [ -e "$(clang++ -print-resource-dir)/lib/linux/libclang_rt.fuzzer-x86_64.a" ]; then
  FUZZ_JOBS="$jobs" scripts/fuzz.sh "$fuzz_seconds"
  stage "fuzzing (${fuzz_seconds}s per target)"
else
  echo "run-tests: clang with libFuzzer not available; fuzzing skipped" >&2
fi
# The Python and R packages (pytest, testthat), each installed afresh.
if [ "${ZVDJ_PACKAGES:-1}" != 0 ]; then
  scripts/test-packages.sh
  stage "python + R packages"
fi
echo "run-tests: all stages passed in $(( $(date +%s) - all_start ))s" >&2
