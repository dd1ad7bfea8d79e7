#!/usr/bin/env bash
# Tests of the Python and R packages, with Debian's interpreters:
#   - pytest (python/tests) over the module of the source tree and the ci
#     build's libzvdj, plus a `pip install` of the repository into a fresh
#     virtual environment (test_install.py);
#   - `R CMD build r`, `R CMD INSTALL` of the tarball into a fresh library
#     folder, then testthat (r/tests/testthat) against that installed package;
#   - `R CMD check --no-manual` of the tarball on that installation and its
#     log (--install=check:, seconds): any ERROR or WARNING fails. NOTEs are
#     shown; "information on .o files is not available" comes from reusing the
#     installation.
# Both compare with the ci build's `zvdj` command (run scripts/run-tests.sh, or
# build the zvdj_shared and zvdj_cli targets of the ci preset, first).
#   ZVDJ_R_CHECK=full  a complete `R CMD check --no-manual` instead, which
#                      builds the bundled library once more (~5-8 min)
# The checks run offline: the package repository is an empty local one.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ZVDJ_CLI="$root/build/ci/zvdj" ZVDJ_SOURCE_DIR="$root"
export ZVDJ_BUILD_JOBS="${ZVDJ_BUILD_JOBS:-2}"
if command -v ccache >/dev/null; then
  # The bundled library is compiled in a new temporary folder each time:
  # relative paths let ccache reuse the objects.
  export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache
  export CCACHE_BASEDIR=/ CCACHE_NOHASHDIR=1
fi

# pytest's exit status: 0 passed, 1 tests failed, 2 interrupted, 3 internal
# error, 4 usage error, 5 no tests collected. Anything but 0 fails the stage.
set +e
ZVDJ_LIBRARY="$root/build/ci/libzvdj.so" PYTHONPATH="$root/python" PYTHONDONTWRITEBYTECODE=1 \
  "$py" -m pytest -q -p no:cacheprovider --rootdir="$root/python" "$root/python/tests"
status=$?
set -e
case $status in
  0) ;;
  5) echo "test-packages: pytest collected no tests" >&2; exit 1 ;;
  *) echo "test-packages: pytest failed (exit status $status)" >&2; exit 1 ;;
esac

if ! command -v R >/dev/null; then
  echo "test-packages: R not installed; the R package is not tested (scripts/setup.sh)" >&2
  exit 1
fi
mkdir "$tmp/r" "$tmp/lib"
(cd "$tmp/r" && R CMD build "$root/r" >/dev/null)
tarball=$(ls "$tmp"/r/zvdj_*.tar.gz)
R CMD INSTALL --no-test-load -l "$tmp/lib" "$tarball" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log" >&2; echo "test-packages: R CMD INSTALL failed" >&2; exit 1; }
R_LIBS="$tmp/lib" Rscript -e 'testthat::test_dir(commandArgs(TRUE)[1], package = "zvdj",
  load_package = "installed", stop_on_failure = TRUE, reporter = "summary")' \
  "$root/r/tests/testthat"
# R CMD check, offline: an empty repository, so that the dependency check
# does not try to download an index; suggested packages need not be there.
mkdir -p "$tmp/repo/src/contrib"
: >"$tmp/repo/src/contrib/PACKAGES"
echo "options(repos = c(CRAN = 'file://$tmp/repo'))" >"$tmp/Rprofile"
if [ "${ZVDJ_R_CHECK:-}" = full ] || [ "${ZVDJ_R_CHECK:-}" = 1 ]; then
  install=()
else
  install=(--install="check:$tmp/install.log" --library="$tmp/lib")
fi
(cd "$tmp/r" && R_PROFILE_USER="$tmp/Rprofile" _R_CHECK_FORCE_SUGGESTS_=false \
  R CMD check --no-manual "${install[@]}" "$tarball" >"$tmp/check.out" 2>&1) || true
log="$tmp/r/zvdj.Rcheck/00check.log"
status=$(sed -n 's/^Status: //p' "$log" 2>/dev/null || true)
grep -E -A3 '\.\.\. (NOTE|WARNING|ERROR)$' "$log" >&2 || true
if [ -z "$status" ] || [[ "$status" == *ERROR* || "$status" == *WARNING* ]]; then
  cat "$tmp/check.out" >&2
  echo "test-packages: R CMD check: ${status:-did not finish}" >&2
  exit 1
fi
echo "test-packages: R CMD check: $status"
