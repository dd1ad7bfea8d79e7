#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/*_fuzzer.cc) with clang, ASan and
# UBSan in build/fuzz, then runs each one after another, in one of two modes:
#
#   scripts/fuzz.sh                 # explore: 60 s per target, open-ended
#   scripts/fuzz.sh 300             # 300 s per target (or FUZZ_SECONDS=300)
#   scripts/fuzz.sh 30 dataset csv_reader   # only these targets
#   scripts/fuzz.sh --fixed         # the test command's deterministic run
#   scripts/fuzz.sh --fixed period  # the same for one target
#
# explore: each target starts from its seed corpus tests/fuzz/corpus/<name>/
# (copied to build/fuzz/corpus/<name>/, where new inputs accumulate between
# runs) with a random seed. A crash, leak, timeout or failed invariant leaves
# the input in build/fuzz/artifacts/<name>/; copy it into
# tests/fuzz/corpus/<name>/ (keep its crash-<sha1> name) and commit it with the
# fix, so that CTest (fuzz_corpus.<name>) and --fixed replay it for good.
#
# --fixed: each target runs over its committed corpus, then explores from it
# with -seed=1 for FUZZ_RUNS executions (default 20000), starting from an empty
# scratch corpus each time: the same commit runs the same inputs on every
# machine. FUZZ_BUDGET (seconds, default 300) bounds the whole run as a safety
# net: a target may use what is left of it (keeping 5 s for each target still
# to come), and a target cut short by it is reported (its run is then shorter
# than on a faster machine).
#
# Exit status 1 when any target crashed, 2 when clang is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=explore
if [ "${1:-}" = --fixed ]; then mode=fixed; shift; fi
seconds="${FUZZ_SECONDS:-60}"
if [ $mode = explore ] && [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then seconds="$1"; shift; fi
runs="${FUZZ_RUNS:-20000}"
budget="${FUZZ_BUDGET:-300}"
build="${FUZZ_BUILD_DIR:-build/fuzz}"

if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ not found (install clang and libclang-rt-14-dev)" >&2
  exit 2
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in tests/fuzz/*_fuzzer.cc; do
    n="$(basename "$f" _fuzzer.cc)"
    targets+=("$n")
  done
fi

launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g"
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DZVDJ_FUZZ=ON -DZVDJ_BUILD_TESTS=ON -DZVDJ_BUILD_BENCHMARKS=OFF -DZVDJ_WERROR=OFF \
  "${launcher[@]}" \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" >/dev/null
cmake --build "$build" -j "${FUZZ_JOBS:-2}" --target "${targets[@]/%/_fuzzer}" >/dev/null

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

failed=0
total=0
left=${#targets[@]}
summary=()
scratch=""
if [ $mode = fixed ]; then
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
fi
for n in "${targets[@]}"; do
  artifacts="$build/artifacts/$n"
  mkdir -p "$artifacts"
  if [ $mode = fixed ]; then
    # New inputs go to the scratch folder (libFuzzer writes into the first
    # folder only); the committed corpus is read, never changed.
    # What is left of the budget, keeping 5 s for each target still to come.
    share=$(( budget - total - 5 * (left - 1) ))
    [ $share -lt 1 ] && share=1
    rm -rf "${scratch:?}/$n" && mkdir -p "$scratch/$n"
    corpora=("$scratch/$n")
    [ -d "tests/fuzz/corpus/$n" ] && corpora+=("tests/fuzz/corpus/$n")
    fuzz_args=(-seed=1 -runs="$runs" -max_total_time="$share")
  else
    corpus="$build/corpus/$n"
    mkdir -p "$corpus"
    [ -d "tests/fuzz/corpus/$n" ] && cp -n "tests/fuzz/corpus/$n"/* "$corpus"/ 2>/dev/null || true
    corpora=("$corpus")
    fuzz_args=(-max_total_time="$seconds")
  fi
  log="$build/fuzz-$n.log"
  start=$(date +%s)
  set +e
  nice -n 10 "$build/tests/${n}_fuzzer" "${corpora[@]}" "${fuzz_args[@]}" \
    -timeout=10 -max_len=16384 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" >"$log" 2>&1
  rc=$?
  set -e
  elapsed=$(( $(date +%s) - start ))
  total=$((total + elapsed))
  left=$((left - 1))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  note=""
  if [ $rc -ne 0 ]; then
    note="CRASHED"
    failed=1
    echo "fuzz: $n crashed; last lines of $log:" >&2
    grep -E 'ERROR|invariant|SUMMARY|Test unit written' "$log" | head -20 >&2 || tail -20 "$log" >&2
  elif [ $mode = fixed ] && [ "${execs:-0}" -lt "$runs" ]; then
    note="cut short by FUZZ_BUDGET"
  fi
  summary+=("$(printf '%-16s %6ss %12s execs  %s' "$n" "$elapsed" "${execs:-?}" "$note")")
done

if [ $mode = fixed ]; then
  echo "fuzz summary (committed corpus + ${runs} runs from -seed=1 per target, budget ${budget}s):"
else
  echo "fuzz summary (${seconds}s per target):"
fi
printf '  %s\n' "${summary[@]}"
echo "  total fuzzing time: ${total}s"
exit $failed
