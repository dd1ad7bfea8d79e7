#!/usr/bin/env bash
# Side-by-side comparison of `zvdj compute` and DuckDB on jeugdhulp met verblijf
# by year x municipality x age group, from the same generated jeugdhulp.csv.
#
#   benchmarks/compare_duckdb.sh [ROWS]     (default 1000000 jeugdhulp rows)
#
# Needs a built zvdj (ZVDJ=path, default build/ci/zvdj or build/release/zvdj),
# node and npm. Installs @duckdb/node-api into benchmarks/duckdb/node_modules
# from the npm registry when missing. Generated data is kept in
# ${ZVDJ_COMPARE_DIR:-${TMPDIR:-/tmp}/zvdj-compare}/ROWS for reruns.
# Both sides read the CSV and write their result; the numbers must agree
# (exit 1 otherwise). zvdj reads the CSV on 2 threads (its default; set
# ZVDJ_THREADS=1 for one) and computes every jeugdhulp indicator (all
# municipalities, regions and NL01) on one; DuckDB uses all cores and computes
# only the compared table. Wall time and peak memory come from
# /usr/bin/time -v.
set -euo pipefail

ROWS="${1:-1000000}"
FROM=2016
TO=2019
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
ZVDJ="${ZVDJ:-}"
if [[ -z "$ZVDJ" ]]; then
  for c in "$root/build/ci/zvdj" "$root/build/release/zvdj"; do
    [[ -x "$c" ]] && { ZVDJ="$c"; break; }
  done
fi
[[ -x "$ZVDJ" ]] || { echo "compare_duckdb: build zvdj first (or set ZVDJ=...)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "compare_duckdb: /usr/bin/time is required" >&2; exit 2; }
command -v node >/dev/null || { echo "compare_duckdb: node is required" >&2; exit 2; }

if [[ ! -d "$here/duckdb/node_modules/@duckdb/node-api" ]]; then
  echo "installing @duckdb/node-api (npm registry) ..." >&2
  (cd "$here/duckdb" && npm ci --no-audit --no-fund >&2)
fi

data="${ZVDJ_COMPARE_DIR:-${TMPDIR:-/tmp}/zvdj-compare}/$ROWS"
if [[ ! -s "$data/jeugdhulp.csv" ]]; then
  # The generator writes about 6.4 jeugdhulp rows per `--persons` unit.
  persons=$(( (ROWS * 10 + 63) / 64 ))
  mkdir -p "$data"
  "$ZVDJ" generate --out "$data" --persons "$persons" --from "$FROM" --to "$TO" --seed 1 >&2
fi
rows=$(( $(wc -l < "$data/jeugdhulp.csv") - 1 ))
bytes=$(stat -c %s "$data/jeugdhulp.csv")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

measure() {  # name, output file, command...; prints "wall_s max_rss_kib cpu_s"
  local name="$1" out="$2"; shift 2
  /usr/bin/time -v -o "$work/$name.time" "$@" > "$out"
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$name.time")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/$name.time")
  # h:mm:ss or m:ss.ss -> seconds
  awk -v t="$wall" -v r="$rss" -v c="$cpu" 'BEGIN { n = split(t, a, ":"); s = 0;
                                        for (i = 1; i <= n; i++) s = s * 60 + a[i];
                                        print s, r, c }'
}

echo "jeugdhulp.csv: $rows rows, $bytes bytes ($data)" >&2
# Warm the page cache so that neither side pays for the first read.
cat "$data/jeugdhulp.csv" > /dev/null

threads=()
[[ -n "${ZVDJ_THREADS:-}" ]] && threads=(--threads "$ZVDJ_THREADS")
# The SQL puts each person in the municipality of their latest trajectory, so
# zvdj is compared under that rule (--attribution latest); the default CBS
# per-cell rule is timed on its own by ZVDJ_ATTRIBUTION=cbs (no comparison).
attribution="${ZVDJ_ATTRIBUTION-latest}"
[[ -n "$attribution" ]] && threads+=(--attribution "$attribution")
read -r z_wall z_rss z_cpu < <(measure zvdj "$work/zvdj.csv" "$ZVDJ" compute \
    --jeugdhulp "$data/jeugdhulp.csv" --from "$FROM" --to "$TO" --suppress 0 --level gemeente \
    "${threads[@]}")
read -r d_wall d_rss d_cpu < <(measure duckdb /dev/null node "$here/duckdb/run_duckdb.mjs" \
    "$data/jeugdhulp.csv" "$work/duckdb.csv" "$FROM" "$TO")

# zvdj's dataset -> year,municipality,age_group,n (non-zero cells; empty age
# group = total), sorted like DuckDB's output.
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
         $c["indicator"] == "jeugdhulp_met_verblijf" && $c["form"] == "" && $c["value"] > 0 {
           g = $c["age_group"] == "" ? "total" : $c["age_group"]
           print substr($c["period"], 1, 4) "," $c["region"] "," g "," $c["value"] }' \
    "$work/zvdj.csv" | LC_ALL=C sort > "$work/zvdj.cmp"
tail -n +2 "$work/duckdb.csv" | LC_ALL=C sort > "$work/duckdb.cmp"
cells=$(wc -l < "$work/duckdb.cmp")
if [[ "$attribution" != cbs ]] && ! diff -q "$work/zvdj.cmp" "$work/duckdb.cmp" > /dev/null; then
  echo "MISMATCH between zvdj and DuckDB (first differences):" >&2
  diff "$work/zvdj.cmp" "$work/duckdb.cmp" | head -20 >&2
  exit 1
fi

awk -v attr="$attribution" -v rows="$rows" -v cells="$cells" -v zw="$z_wall" -v zr="$z_rss" -v dw="$d_wall" \
    -v dr="$d_rss" -v zc="$z_cpu" -v dc="$d_cpu" 'BEGIN {
  if (attr != "cbs") printf "same numbers: %d cells (year x municipality x age group, non-zero)\n", cells
  printf "%-8s %10s %10s %14s %12s\n", "tool", "wall_s", "cpu_s", "rows_per_s", "peak_rss_MiB"
  printf "%-8s %10.2f %10.2f %14.0f %12.1f\n", "zvdj", zw, zc, rows / (zw > 0 ? zw : 1e-9), zr / 1024
  printf "%-8s %10.2f %10.2f %14.0f %12.1f\n", "duckdb", dw, dc, rows / (dw > 0 ? dw : 1e-9), dr / 1024
  printf "zvdj is %.2fx faster than DuckDB and uses %.2fx its peak memory\n",
         dw / (zw > 0 ? zw : 1e-9), zr / dr
  # On a shared machine wall time depends on the load; CPU time much less.
  printf "by CPU time (user + system) zvdj is %.2fx faster\n", dc / (zc > 0 ? zc : 1e-9)
  printf "(rows_per_s = jeugdhulp rows / wall time; cpu_s = user + system)\n"
}'
