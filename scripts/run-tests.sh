#!/usr/bin/env bash
# Sets up, builds with warnings as errors and runs the whole test suite; then
# runs it again under AddressSanitizer + UndefinedBehaviorSanitizer (asan
# preset, building only the programs the tests run), the multi-threaded tests
# (thread safety, parallel loading) under ThreadSanitizer (tsan preset, only
# those), and every fuzz target over its committed corpus plus a fixed-seed,
# fixed-count exploration when clang is available (scripts/fuzz.sh --fixed;
# open-ended fuzzing is scripts/fuzz.sh alone). ccache is used when installed.
# Each stage prints its time, and the end the total.
#
#   ZVDJ_SANITIZERS=0    skip the asan and tsan stages
#   ZVDJ_FUZZ_RUNS=N     fuzzing executions per target after its corpus
#                        (default 20000; 0 skips fuzzing)
#   ZVDJ_FUZZ_BUDGET=S   upper bound in seconds for all fuzz targets together
#                        (default 300)
#   ZVDJ_PACKAGES=0      skip the Python and R package tests
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc)"

stage_start=$(date +%s)
all_start=$stage_start
timings=()
stage() {
  local now; now=$(date +%s)
  echo "run-tests: $1 done in $((now - stage_start))s" >&2
  timings+=("$(printf '%-40s %5ss' "$1" "$((now - stage_start))")")
  stage_start=$now
}

# Compiler caching where the machine has it; the cache key ignores the
# checkout's path, so clones share it.
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
  # Debug-info builds (asan, tsan) would otherwise key on the build folder.
  export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  echo "run-tests: compiling through ccache" >&2
fi

scripts/setup.sh
cmake --preset ci "${launcher[@]}"
cmake --build --preset ci -j "$jobs"
ctest --preset ci
stage "ci build + tests"

if [ "${ZVDJ_SANITIZERS:-1}" != 0 ]; then
  cmake --preset asan "${launcher[@]}" >/dev/null
  cmake --build --preset asan -j "$jobs" --target zvdj_test_programs
  ctest --preset asan
  stage "asan+ubsan build + tests"

  cmake --preset tsan "${launcher[@]}" >/dev/null
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

fuzz_runs="${ZVDJ_FUZZ_RUNS:-20000}"
if [ "$fuzz_runs" = 0 ]; then
  echo "run-tests: fuzzing skipped (ZVDJ_FUZZ_RUNS=0)" >&2
elif command -v clang++ >/dev/null &&
   [ -e "$(clang++ -print-resource-dir)/lib/linux/libclang_rt.fuzzer-x86_64.a" ]; then
  FUZZ_JOBS="$jobs" FUZZ_RUNS="$fuzz_runs" FUZZ_BUDGET="${ZVDJ_FUZZ_BUDGET:-300}" \
    scripts/fuzz.sh --fixed
  stage "fuzzing (corpus + ${fuzz_runs} runs per target)"
else
  echo "run-tests: clang with libFuzzer not available; fuzzing skipped" >&2
fi
# The Python and R packages (pytest, testthat), each installed afresh.
if [ "${ZVDJ_PACKAGES:-1}" != 0 ]; then
  scripts/test-packages.sh
  stage "python + R packages"
fi
printf 'run-tests: %s\n' "${timings[@]}" >&2
echo "run-tests: all stages passed in $(( $(date +%s) - all_start ))s" >&2
