#!/usr/bin/env bash
# Rebuilds sockets/sockets.wasm (run by hand; the tests use the committed file): sockets/sockets.c,
# which calls wasi:sockets@0.2.0 and wasi:io@0.2.0 through the canonical ABI by hand, compiled by
# Debian's clang for wasm32-wasi (wasi-libc, lld, libclang-rt-14-dev-wasm32), its world
# (sockets/wit/world.wit) embedded by jco's wasm-tools (`component embed`) with the WASI WIT that
# jco 1.35.0 ships (at 0.2.12, renamed 0.2.0: wasi:sockets' stable API has not changed since),
# then made a wasi:cli/command component by `jco new --wasi-command` (jco's preview1 adapter
# serves wasi-libc's own imports). wasm-tools merges the 0.2.0 imports with the adapter's 0.2.12
# ones, so the component imports wasi:sockets@0.2.12.
# Set JCO to a jco 1.35.0 binary to skip the npm install. Usage: build-sockets.sh [OUT.wasm]
# (SocketsFixtureTest builds elsewhere and compares: the build is deterministic.)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(realpath -m "${1:-$here/sockets/sockets.wasm}")
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
jco=${JCO:-}
if [ -z "$jco" ]; then
  (cd "$tools" && npm install --silent @bytecodealliance/jco@1.35.0)
  jco="$tools/node_modules/.bin/jco"
fi
builtin=$(cd "$(dirname "$(readlink -f "$jco")")/.." && pwd)/lib/wit/builtin/0.2.12
mkdir -p "$tools/wit/deps"
cp "$here/sockets/wit/world.wit" "$tools/wit/world.wit"
for pkg in io clocks sockets; do
  mkdir -p "$tools/wit/deps/$pkg"
  sed 's/0\.2\.12/0.2.0/g' "$builtin/wasi-$pkg/package.wit" > "$tools/wit/deps/$pkg/package.wit"
done
clang --target=wasm32-wasi -O2 -Wall -Werror -o "$tools/sockets.core.wasm" "$here/sockets/sockets.c"
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
node "$tools/embed.mjs" "$(dirname "$builtin")/../.." "$tools/sockets.core.wasm" "$tools/wit" \
  sockets-test "$tools/sockets.embedded.wasm"
"$jco" new "$tools/sockets.embedded.wasm" --wasi-command -o "$out"
echo "built $out"
