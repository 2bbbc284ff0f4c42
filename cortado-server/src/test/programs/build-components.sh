#!/usr/bin/env bash
# Rebuilds the wasi:http test component components/http.c into
# ../resources/components/http.wasm, or OUT.wasm if given (committed, so tests run without the
# toolchain; run this after changing the source), with cortado-component's build-c-component.sh: Debian's clang and
# wasi-libc, then jco 1.35.0 (set JCO to a jco binary to skip the npm install).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/../../../../cortado-component/src/test/resources/components/build-c-component.sh" \
  "$here/components/http.c" "$here/components/wit" http-test \
  "${1:-$here/../resources/components/http.wasm}" reactor
