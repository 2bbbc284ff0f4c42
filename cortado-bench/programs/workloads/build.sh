#!/usr/bin/env bash
# Builds every *.c here into <name>.wasm (WASI preview1) with Debian's clang and wasi-libc
# (apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32). The .wasm files are committed,
# so the benchmark runs without the toolchain; run this after changing a source.
set -euo pipefail
cd "$(dirname "$0")"
for src in *.c; do
  name=$(basename "$src" .c)
  clang --target=wasm32-wasi -O2 -Wall -Werror -o "$name.wasm" "$src" -lm
  echo "built $name.wasm ($(stat -c %s "$name.wasm") bytes)"
done
