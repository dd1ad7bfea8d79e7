#!/usr/bin/env bash
# Screenshots of the national factsheet and of a municipal one with --compare,
# in headless Chromium at 1280 px, kept as OUT_DIR/factsheet-national.png and
# OUT_DIR/factsheet-gemeente.png for a person to look at. Checks that both pages
# render, that the source line comes from the dataset and that the pages name
# the regions (Nederland; Amsterdam for GM0363). Exit 77 (skip) when chromium
# is not installed.
#
# usage: cli_factsheet_screenshots.sh ZVDJ SOURCE_DIR BUILD_DIR [OUT_DIR]
#   OUT_DIR defaults to BUILD_DIR; scripts/screenshots.sh passes docs/screenshots.
set -u
zvdj=$1
src=$2
build=$3
out=${4:-$build}

# shellcheck source=tests/browser_common.sh
. "$(dirname "$0")/browser_common.sh"
mkdir -p "$out" || fail "cannot create $out"
work=$(mktemp -d "${TMPDIR:-/tmp}/zvdj-shots.XXXXXX")
trap 'rm -rf "$work"' EXIT

shoot() {  # shoot PAGE_DIR PNG
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size=1280,2600 \
    --screenshot="$2" "file://$1/index.html" >"$work/chromium.log" 2>&1 ||
    fail "chromium exited with $? (see $work/chromium.log)"
  [ -s "$2" ] || fail "no screenshot $2"
}

# National: the shipped data.
"$zvdj" factsheet "$src/data/kernindicatoren.csv" --out "$work/national" >/dev/null ||
  fail "zvdj factsheet (national) exited with $?"
grep -q "Bron: CBS Beleidsinformatie Jeugd" "$work/national/index.html" ||
  fail "the national page lacks the source named in the dataset's notes"
grep -q "Nederland" "$work/national/index.html" || fail "the national page does not name Nederland"
shoot "$work/national" "$out/factsheet-national.png"

# A municipality against Nederland: synthetic records, computed per region.
"$zvdj" generate --out "$work/gen" --persons 20000 --seed 7 2>/dev/null ||
  fail "zvdj generate exited with $?"
"$zvdj" compute --jeugdhulp "$work/gen/jeugdhulp.csv" \
  --jeugdbescherming "$work/gen/jeugdbescherming.csv" --verzuim "$work/gen/verzuim.csv" \
  --regions "$work/gen/regions.csv" --herindeling "$work/gen/herindeling.csv" \
  --suppress 0 >"$work/gen.csv" 2>/dev/null || fail "zvdj compute exited with $?"
"$zvdj" factsheet "$work/gen.csv" --out "$work/gemeente" --region GM0363 --compare NL01 \
  >/dev/null || fail "zvdj factsheet (gemeente) exited with $?"
if grep -q "Bron: CBS" "$work/gemeente/index.html"; then
  fail "synthetic data is labelled with a CBS source"
fi
grep -q "Amsterdam vergeleken met Nederland" "$work/gemeente/index.html" ||
  fail "the municipal page does not name GM0363 Amsterdam"
shoot "$work/gemeente" "$out/factsheet-gemeente.png"
echo "screenshots: $out/factsheet-national.png $out/factsheet-gemeente.png"
