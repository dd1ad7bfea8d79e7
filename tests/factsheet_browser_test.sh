#!/usr/bin/env bash
# Renders the default factsheet (data/kernindicatoren.csv) with the built zvdj and
# loads it in headless Chromium: the DOM must hold the published figures, the
# page must load without failed requests or console errors, and a screenshot is
# kept as <build>/factsheet.png. Exit 77 (skip) when chromium is not installed.
#
# usage: factsheet_browser_test.sh ZVDJ SOURCE_DIR BUILD_DIR
set -u
zvdj=$1
src=$2
build=$3

# shellcheck source=tests/browser_common.sh
. "$(dirname "$0")/browser_common.sh"

out="$build/factsheet"
rm -rf "$out"
"$zvdj" factsheet "$src/data/kernindicatoren.csv" --out "$out" ||
  fail "zvdj factsheet exited with $?"
[ -s "$out/index.html" ] || fail "no $out/index.html"

profiles=()
cleanup() { rm -rf "${profiles[@]}"; }
trap cleanup EXIT
new_profile() {
  local d
  d=$(mktemp -d "${TMPDIR:-/tmp}/zvdj-chromium.XXXXXX")
  profiles+=("$d")
  echo "$d"
}

flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --enable-logging=stderr --v=0)
url="file://$out/index.html"

dom="$build/factsheet.dom.html"
log="$build/factsheet.chromium.log"
profile=$(new_profile)
timeout 180 "$browser" "${flags[@]}" --user-data-dir="$profile" --dump-dom "$url" \
  >"$dom" 2>"$log"
rc=$?
[ $rc -eq 0 ] || fail "chromium --dump-dom exited with $rc (see $log)"

for want in "Feiten &amp; Cijfers" "Kernindicatoren" "4.790" "10,1%" \
  "−0,3 procentpunt" "+6,0%" "2018/'19" "peildatum 31 december" \
  "Actielijn 2: Meer kinderen zo thuis mogelijk" "Actielijn 5: Jeugdigen beter beschermen" \
  "trendbreuk"; do
  grep -qF -- "$want" "$dom" || fail "the rendered page lacks '$want'"
done
charts=$(grep -o '<svg ' "$dom" | wc -l)
[ "$charts" -eq 7 ] || fail "expected 7 charts in the page, found $charts"
if grep -E "net::ERR_|CONSOLE|Uncaught" "$log"; then
  fail "the page logged errors (see $log)"
fi

png="$build/factsheet.png"
rm -f "$png"
profile=$(new_profile)
timeout 180 "$browser" "${flags[@]}" --user-data-dir="$profile" --screenshot="$png" \
  --window-size=1280,2400 "$url" >>"$log" 2>&1
rc=$?
[ $rc -eq 0 ] || fail "chromium --screenshot exited with $rc (see $log)"
[ -s "$png" ] || fail "no screenshot at $png"
[ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] ||
  fail "$png is not a PNG"
echo "factsheet: $out/index.html; screenshot: $png"
