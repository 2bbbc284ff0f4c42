#!/usr/bin/env bash
# Rebuilds ../../resources/components/spin-js.wasm (committed: tests run without the tools; run
# this after changing the source; about a minute) with Spin's JavaScript build tool, j2w
# (@spinframework/build-tools 1.0.7, which componentizes with componentize-js/StarlingMonkey), as a
# Spin JS application's `npm run build` does: the HTTP trigger's world comes from
# @spinframework/wasi-http-proxy 1.0.1, the key-value import from wit/. Needs node and npm.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(realpath -m "${1:-$here/../../resources/components/spin-js.wasm}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$here/package.json" "$here/src" "$here/wit" "$work/"
(cd "$work" && npm install --silent --no-audit --no-fund)
# j2w reports a failure on stderr but exits 0: a missing output is the failure.
(cd "$work" && node node_modules/.bin/j2w -i src/index.js -o "$work/app.wasm")
test -s "$work/app.wasm" || { echo "j2w wrote no component" >&2; exit 1; }
cp "$work/app.wasm" "$out"
echo "built $out"
