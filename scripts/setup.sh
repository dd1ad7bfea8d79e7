#!/usr/bin/env bash
# Installs the Debian packages libzvdj needs to build and test, if any are missing.
# As root it runs apt-get; otherwise it prints the exact command to run and fails.
set -euo pipefail

packages=(
  build-essential cmake pkg-config python3
  libabsl-dev libboost-date-time-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev chromium
  clang libclang-rt-14-dev ccache
  python3-pandas python3-pytest python3-venv python3-pip python3-setuptools python3-wheel
  python3-build r-base-dev r-cran-testthat
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
else
  echo "setup: missing packages; run as root:" >&2
  echo "  apt-get install -y ${missing[*]}" >&2
  exit 1
fi
