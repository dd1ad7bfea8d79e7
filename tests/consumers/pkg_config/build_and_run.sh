#!/bin/sh
# Builds the C consumer with `pkg-config --cflags --libs zvdj` against an
# installed libzvdj and runs it; then links the static library with
# `pkg-config --static --libs zvdj-static`.
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
# The shared library's flags need no other .pc file (a machine without
# libabsl-dev) and carry no Abseil definitions such as -DNOMINMAX.
shared_flags=$(PKG_CONFIG_LIBDIR="$2" PKG_CONFIG_PATH= pkg-config --cflags --libs zvdj)
case "$shared_flags" in
  *NOMINMAX*|*absl*) echo "zvdj.pc leaks Abseil: $shared_flags" >&2; exit 1 ;;
esac

# Shared library (the C ABI).
# shellcheck disable=SC2046
"$cc" -std=c99 -Wall -Wextra -pedantic -Werror "$source" -o "$out/consumer_shared" \
  $(pkg-config --cflags --libs zvdj) -Wl,-rpath,"$libdir"
"$out/consumer_shared"

# Static library: libzvdj.a plus what `pkg-config --static` lists.
# shellcheck disable=SC2046
"$cc" -std=c99 -Wall -Wextra -pedantic -Werror "$source" -o "$out/consumer_static" \
  $(pkg-config --static --cflags --libs zvdj-static)
"$out/consumer_static"
