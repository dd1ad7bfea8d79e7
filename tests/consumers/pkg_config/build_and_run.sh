#!/bin/sh
# Builds the C consumer with `pkg-config --cflags --libs zvdj` against an
# installed libzvdj and runs it; then links the static library with
# `pkg-config --static`.
# Usage: build_and_run.sh CC PKGCONFIG_DIR SOURCE OUTPUT_DIR
set -eu
cc=$1
export PKG_CONFIG_PATH="$2"
source=$3
out=$4
mkdir -p "$out"

pkg-config --exists --print-errors zvdj
libdir=$(pkg-config --variable=libdir zvdj)
echo "zvdj $(pkg-config --modversion zvdj): $(pkg-config --cflags --libs zvdj)"

# Shared library (the C ABI).
# shellcheck disable=SC2046
"$cc" -std=c99 -Wall -Wextra -pedantic -Werror "$source" -o "$out/consumer_shared" \
  $(pkg-config --cflags --libs zvdj) -Wl,-rpath,"$libdir"
"$out/consumer_shared"

# Static library: libzvdj.a plus what `pkg-config --static` lists.
# shellcheck disable=SC2046
"$cc" -std=c99 -Wall -Wextra -pedantic -Werror "$source" -o "$out/consumer_static" \
  $(pkg-config --cflags zvdj) "$libdir/libzvdj.a" \
  $(pkg-config --static --libs zvdj | sed 's/-lzvdj / /')
"$out/consumer_static"
