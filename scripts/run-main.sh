#!/usr/bin/env bash
# Sets up, builds and runs the main job: the trends report over the shipped national data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target zvdj_cli -j "$(nproc)" >/dev/null
exec build/release/zvdj trends data/kernindicatoren.csv --summary --format table "$@"
