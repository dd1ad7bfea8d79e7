#!/bin/sh
# Times zvdj's Aalen–Johansen estimator against R survival on the same data,
# in one run:
#   benchmarks/compare_r_survival.sh [N] [BUILD_DIR]
# (default N = 1000000, BUILD_DIR = build/ci; build the cohort_benchmark target
# first). R writes the data and times survfit + summary(times = 30, 91, 183);
# the benchmark binary reads the same file (BM_AalenJohansenFromFile) and times
# the fit plus all-cause survival and 3 cumulative incidences with standard
# errors at the same 3 times. Prints both times (fastest run, CPU and wall
# clock) and the ratios.
set -eu
N=${1:-1000000}
BUILD=${2:-build/ci}
BIN="$BUILD/benchmarks/cohort_benchmark"
HERE=$(dirname "$0")
[ -x "$BIN" ] || { echo "missing $BIN: cmake --build --preset ci --target cohort_benchmark" >&2; exit 1; }
command -v Rscript >/dev/null || { echo "Rscript not found" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

Rscript "$HERE/r_survival_timing.R" "$N" 1 "$TMP/subjects.csv" 3 > "$TMP/r.txt"
ZVDJ_SURVIVAL_INPUT="$TMP/subjects.csv" "$BIN" --benchmark_filter='BM_AalenJohansenFromFile' \
  --benchmark_repetitions=5 --benchmark_min_time=0.2 --benchmark_format=json > "$TMP/cc.json" 2>/dev/null

r_wall=$(sed -n 's/^r_elapsed_seconds=//p' "$TMP/r.txt")
r_cpu=$(sed -n 's/^r_cpu_seconds=//p' "$TMP/r.txt")
# Fastest repetition (ms) of real_time and cpu_time (aggregates skipped).
pick() {
  awk -F': ' -v key="\"$1\"" '
    $1 ~ /"name"/ { keep = ($2 == "\"BM_AalenJohansenFromFile\",") }
    keep && index($1, key) { v = $2; sub(/,$/, "", v); if (best == "" || v + 0 < best + 0) best = v }
    END { print best }' "$TMP/cc.json"
}
cc_wall=$(pick real_time)
cc_cpu=$(pick cpu_time)
awk -v n="$N" -v rw="$r_wall" -v rc="$r_cpu" -v cw="$cc_wall" -v cc="$cc_cpu" 'BEGIN {
  printf "subjects: %d (days 0..399, 3 competing event types, censoring), horizons 30/91/183\n", n
  printf "R survival survfit+summary: %.3f s CPU, %.3f s wall\n", rc, rw
  printf "zvdj CompetingRisksFit:     %.4f s CPU, %.4f s wall\n", cc / 1000, cw / 1000
  printf "ratio (R / zvdj): %.0fx CPU, %.0fx wall\n", rc / (cc / 1000), rw / (cw / 1000)
}'
sed -n 's/^r_cif1_183=/check: R    CIF_1(183) = /p; s/^r_se1_183=/check: R    std.err    = /p' "$TMP/r.txt"
printf 'check: zvdj CIF_1(183) = %.12f\ncheck: zvdj std.err    = %.12f\n' "$(pick cif1_183)" "$(pick se1_183)"
