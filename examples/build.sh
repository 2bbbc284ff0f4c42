#!/usr/bin/env bash
# Rebuilds the example programs (examples/*.c -> examples/*.wasm) with Debian's clang and wasi-libc
# (apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32). The built files are committed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
for src in "$here"/*.c; do
  clang --target=wasm32-wasi -O2 -Wall -Werror -o "${src%.c}.wasm" "$src"
  echo "built $(basename "${src%.c}").wasm"
done
