#!/usr/bin/env bash
# Speed of the Python and R bindings: compute on a 1M-row jeugdhulp data frame
# against the same from the CSV path (bindings_benchmark.py / .R).
#   ZVDJ_BENCH_PERSONS  persons of the generated data (160000: ~1M jeugdhulp rows)
#   ZVDJ_BENCH_REPEAT   runs per measurement (3; the median is reported)
#   R_LIBS              where the R package is installed (skipped when absent)
# The Python module is the installed one, else the source tree with the ci
# build's libzvdj (build it first: cmake --build build/ci --target zvdj_shared).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
persons="${ZVDJ_BENCH_PERSONS:-160000}"
repeat="${ZVDJ_BENCH_REPEAT:-3}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
py=/usr/bin/python3
if ! "$py" -c "import zvdj" 2>/dev/null; then
  export PYTHONPATH="$root/python" ZVDJ_LIBRARY="$root/build/ci/libzvdj.so"
fi
"$py" -c "import zvdj; zvdj.generate('$tmp', persons=$persons, from_year=2016, to_year=2019)" \
  >/dev/null
"$py" "$root/benchmarks/bindings_benchmark.py" "$tmp" --repeat "$repeat"
if Rscript -e 'library(zvdj)' >/dev/null 2>&1; then
  Rscript "$root/benchmarks/bindings_benchmark.R" "$tmp" "$repeat"
else
  echo "R package zvdj not installed (set R_LIBS); R part skipped" >&2
fi
