#!/usr/bin/env bash
# Builds malloc.wasm from malloc.c with Debian's clang and wasi-libc (apt-get install clang lld
# wasi-libc libclang-rt-14-dev-wasm32). The .wasm is committed; run this after changing the C.
set -euo pipefail
cd "$(dirname "$0")"
clang --target=wasm32-wasi -O2 -Wall -Werror -o malloc.wasm malloc.c
