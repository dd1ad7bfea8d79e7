#!/usr/bin/env bash
# Tests of the Python and R packages, with Debian's interpreters:
#   - pytest (python/tests) over the module of the source tree and the ci
#     build's libzvdj, plus a `pip install` of the repository into a fresh
#     virtual environment (test_install.py);
#   - `R CMD build r`, `R CMD INSTALL` of the tarball into a fresh library
#     folder, then testthat (r/tests/testthat) against that installed package.
# Both compare with the ci build's `zvdj` command (run scripts/run-tests.sh, or
# build the zvdj_shared and zvdj_cli targets of the ci preset, first).
#   ZVDJ_R_CHECK=1   also run `R CMD check --no-manual` on the tarball
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
if [ "${ZVDJ_R_CHECK:-0}" = 1 ]; then
  (cd "$tmp/r" && _R_CHECK_FORCE_SUGGESTS_=false R CMD check --no-manual "$tarball")
fi
