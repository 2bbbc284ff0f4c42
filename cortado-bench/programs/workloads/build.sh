#!/usr/bin/env bash
# Builds every *.c here into <name>.wasm (WASI preview1) with Debian's clang and wasi-libc
# (apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32), then records each program's
# standard output on Node.js (20+, node:wasi) as <name>.expected: programs-bench.sh checks every
# runtime's output against it. The .wasm and .expected files are committed, so the benchmark runs
# without the toolchain; run this after changing a source.
set -euo pipefail
cd "$(dirname "$0")"
for src in *.c; do
  name=$(basename "$src" .c)
  clang --target=wasm32-wasi -O2 -Wall -Werror -o "$name.wasm" "$src" -lm
  node --no-warnings ../../peers/node/run-wasi.mjs "$name.wasm" >"$name.expected"
  echo "built $name.wasm ($(stat -c %s "$name.wasm") bytes), recorded $name.expected"
done
