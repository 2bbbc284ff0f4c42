#!/usr/bin/env bash
# Rebuilds the committed test components (run by hand; the tests use the committed files).
# hello.wasm and programs/*.wasm: cortado-wasi's test programs (wasip1), each made a
# wasi:cli/command component by jco's preview1 adapter (jco 1.35.0, pinned).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../../.." && pwd)
programs="$repo/cortado-wasi/src/test/resources/programs"
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
(cd "$tools" && npm install --silent @bytecodealliance/jco@1.35.0)
jco="$tools/node_modules/.bin/jco"
"$jco" new "$programs/hello.wasm" --wasi-command -o "$here/hello.wasm"
mkdir -p "$here/programs"
for name in args_env as_hello clocks escape exitcode files go_runtime pathops poll renumber \
  rust_files rust_io stdio; do
  "$jco" new "$programs/$name.wasm" --wasi-command -o "$here/programs/$name.wasm"
done
