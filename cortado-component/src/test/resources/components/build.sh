#!/usr/bin/env bash
# Rebuilds the committed test components (run by hand; the tests use the committed files).
# hello.wasm: cortado-wasi's hello test program (wasip1), made a wasi:cli/command component by
# jco's preview1 adapter.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../../.." && pwd)
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
(cd "$tools" && npm install --silent @bytecodealliance/jco@1.35.0)
"$tools/node_modules/.bin/jco" new "$repo/cortado-wasi/src/test/resources/programs/hello.wasm" \
  --wasi-command -o "$here/hello.wasm"
