#!/usr/bin/env bash
# Makes the factsheet screenshots the README shows: docs/screenshots/
# factsheet-national.png (the shipped data) and factsheet-gemeente.png
# (synthetic GM0363 beside Nederland), in headless Chromium at 1280 px, with the
# checks of the test cli_factsheet_screenshots.
#
# usage: scripts/screenshots.sh [ZVDJ]   (default build/ci/zvdj)
set -euo pipefail
cd "$(dirname "$0")/.."
zvdj=${1:-build/ci/zvdj}
[ -x "$zvdj" ] || { echo "no zvdj at $zvdj; build first (cmake --build build/ci)" >&2; exit 2; }
bash tests/cli_factsheet_screenshots.sh "$zvdj" "$PWD" "$(dirname "$zvdj")" docs/screenshots
