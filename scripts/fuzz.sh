#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/*_fuzzer.cc) with clang, ASan and
# UBSan in build/fuzz, then runs each for a bounded time, one after another.
#
#   scripts/fuzz.sh                 # 60 s per target
#   scripts/fuzz.sh 300             # 300 s per target (or FUZZ_SECONDS=300)
#   scripts/fuzz.sh 30 dataset csv_reader   # only these targets
#
# Each target starts from its seed corpus tests/fuzz/corpus/<name>/ (copied to
# build/fuzz/corpus/<name>/, where new inputs accumulate between runs). A crash,
# leak, timeout or failed invariant leaves the input in
# build/fuzz/artifacts/<name>/; copy it into tests/fuzz/corpus/<name>/ once it
# is fixed so that CTest replays it. Exit status 1 when any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-60}"
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then seconds="$1"; shift; fi
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

flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g"
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DZVDJ_FUZZ=ON -DZVDJ_BUILD_TESTS=ON -DZVDJ_BUILD_BENCHMARKS=OFF -DZVDJ_WERROR=OFF \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" >/dev/null
cmake --build "$build" -j "${FUZZ_JOBS:-2}" --target "${targets[@]/%/_fuzzer}" >/dev/null

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

failed=0
total=0
summary=()
for n in "${targets[@]}"; do
  corpus="$build/corpus/$n"
  artifacts="$build/artifacts/$n"
  mkdir -p "$corpus" "$artifacts"
  [ -d "tests/fuzz/corpus/$n" ] && cp -n "tests/fuzz/corpus/$n"/* "$corpus"/ 2>/dev/null || true
  log="$build/fuzz-$n.log"
  start=$(date +%s)
  set +e
  nice -n 10 "$build/tests/${n}_fuzzer" "$corpus" -max_total_time="$seconds" \
    -timeout=10 -max_len=16384 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" >"$log" 2>&1
  rc=$?
  set -e
  elapsed=$(( $(date +%s) - start ))
  total=$((total + elapsed))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  crashes=0
  if [ $rc -ne 0 ]; then
    crashes=1
    failed=1
    echo "fuzz: $n crashed; last lines of $log:" >&2
    grep -E 'ERROR|invariant|SUMMARY|Test unit written' "$log" | head -20 >&2 || tail -20 "$log" >&2
  fi
  summary+=("$(printf '%-16s %6ss %12s execs  %d crash(es)' "$n" "$elapsed" "${execs:-?}" "$crashes")")
done

echo "fuzz summary (${seconds}s per target):"
printf '  %s\n' "${summary[@]}"
echo "  total fuzzing time: ${total}s"
exit $failed
