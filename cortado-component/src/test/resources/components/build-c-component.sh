#!/usr/bin/env bash
# Builds a component from C written against the canonical ABI by hand (run by hand; tests use
# the committed files): compiled by Debian's clang for wasm32-wasi (wasi-libc, lld,
# libclang-rt-14-dev-wasm32), its world embedded by jco's wasm-tools (`component embed`), then
# made a component by `jco new` (jco 1.35.0).
#
# Usage: build-c-component.sh SOURCE.c WIT_DIR WORLD OUT.wasm [command|reactor]
#   WIT_DIR holds the world's own .wit files and, under deps/, packages other than WASI's; the
#   WASI 0.2 packages come from the WIT jco ships (at 0.2.12, renamed 0.2.0: the stable API has
#   not changed since). `command` (a wasi:cli/command, main) adds jco's preview1 adapter for
#   wasi-libc's own imports; `reactor` (the default) builds a library that imports nothing of
#   preview1 (no main; exports what the source exports).
# Set JCO to a jco 1.35.0 binary to skip the npm install. The build is deterministic.
set -euo pipefail
src=$(realpath "$1")
witdir=$(realpath "$2")
world=$3
out=$(realpath -m "$4")
kind=${5:-reactor}
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
jco=${JCO:-}
if [ -z "$jco" ]; then
  (cd "$tools" && npm install --silent @bytecodealliance/jco@1.35.0)
  jco="$tools/node_modules/.bin/jco"
fi
builtin=$(cd "$(dirname "$(readlink -f "$jco")")/.." && pwd)/lib/wit/builtin/0.2.12
mkdir -p "$tools/wit/deps"
cp "$witdir"/*.wit "$tools/wit/"
if [ -d "$witdir/deps" ]; then
  cp -r "$witdir/deps/." "$tools/wit/deps/"
fi
for dir in "$builtin"/wasi-*; do
  pkg=$(basename "$dir")
  mkdir -p "$tools/wit/deps/$pkg"
  sed 's/0\.2\.12/0.2.0/g' "$dir/package.wit" > "$tools/wit/deps/$pkg/package.wit"
done
case "$kind" in
  command) clang --target=wasm32-wasi -O2 -Wall -Werror -o "$tools/core.wasm" "$src" ;;
  reactor) clang --target=wasm32-wasi -mexec-model=reactor -O2 -Wall -Werror \
             -o "$tools/core.wasm" "$src" ;;
  *) echo "unknown kind $kind: give command or reactor" >&2; exit 2 ;;
esac
# `jco embed` 1.35.0 cannot read a WIT folder (its WASI shim starts with no preopened directory),
# so its wasm-tools is called from node with the root directory preopened.
cat > "$tools/embed.mjs" <<'JS'
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
const [jcoDir, core, wit, world, out] = process.argv.slice(2);
const tools = createRequire(`${jcoDir}/package.json`)
  .resolve('@bytecodealliance/jco-transpile/wasm-tools');
const shim = createRequire(tools).resolve('@bytecodealliance/preview2-shim/filesystem');
(await import(pathToFileURL(shim)))._addPreopen('/', '/');
const { componentEmbed } = await import(pathToFileURL(tools));
await writeFile(out, await componentEmbed({ binary: await readFile(core), witPath: wit, world }));
JS
node "$tools/embed.mjs" "$(dirname "$builtin")/../.." "$tools/core.wasm" "$tools/wit" "$world" \
  "$tools/embedded.wasm"
if [ "$kind" = command ]; then
  "$jco" new "$tools/embedded.wasm" --wasi-command -o "$out"
else
  "$jco" new "$tools/embedded.wasm" -o "$out"
fi
echo "built $out"
