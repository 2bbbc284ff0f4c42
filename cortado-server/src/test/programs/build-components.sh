#!/usr/bin/env bash
# Rebuilds the wasi:http test components: components/http.c into
# ../resources/components/http.wasm, or OUT.wasm if given, and components/unlinkable.c (which
# imports an interface no host gives) into ../resources/components/unlinkable.wasm, or
# OUT-unlinkable.wasm (committed, so tests run without the toolchain; run this after changing a
# source), with cortado-component's build-c-component.sh: Debian's clang and
# wasi-libc, then jco 1.35.0 (set JCO to a jco binary to skip the npm install).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build="$here/../../../../cortado-component/src/test/resources/components/build-c-component.sh"
out=${1:-$here/../resources/components/http.wasm}
"$build" "$here/components/http.c" "$here/components/wit" http-test "$out" reactor
"$build" "$here/components/unlinkable.c" "$here/components/unlinkable-wit" unlinkable-test \
  "${out%http.wasm}unlinkable.wasm" reactor
