#!/usr/bin/env bash
# Rebuilds the WAGI test programs: every c/*.c here becomes ../resources/wagi/<name>.wasm. The built
# files are committed, so tests run without the toolchain; run this after changing a source.
#
# Needs (Debian): clang lld wasi-libc libclang-rt-14-dev-wasm32
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/wagi"
mkdir -p "$out"
for src in "$here"/c/*.c; do
  name=$(basename "$src" .c)
  clang --target=wasm32-wasi -O2 -Wall -Werror -Wl,--strip-all -o "$out/$name.wasm" "$src"
  echo "built $name.wasm"
done
