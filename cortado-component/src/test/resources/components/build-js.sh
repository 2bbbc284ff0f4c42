#!/usr/bin/env bash
# Rebuilds js/hello.wasm, a wasi:http/proxy component from js/hello.js (run by hand, about a
# minute; the tests use the committed file): componentize-js 0.23.0 (StarlingMonkey), with the
# WASI 0.2 WIT that jco 1.35.0 ships, at 0.2.10, the version StarlingMonkey's fetch event exports.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
(cd "$tools" && npm install --silent @bytecodealliance/componentize-js@0.23.0 @bytecodealliance/jco@1.35.0)
mkdir -p "$tools/wit/deps"
for d in "$tools"/node_modules/@bytecodealliance/jco/lib/wit/builtin/0.2.12/*; do
  mkdir -p "$tools/wit/deps/$(basename "$d")"
  sed 's/0\.2\.12/0.2.10/g' "$d/package.wit" > "$tools/wit/deps/$(basename "$d")/package.wit"
done
printf 'package local:app;\n\nworld app {\n  include wasi:http/proxy@0.2.10;\n}\n' > "$tools/wit/world.wit"
cp "$here/js/hello.js" "$tools/hello.js"
cat > "$tools/build.mjs" <<'JS'
import { componentize } from '@bytecodealliance/componentize-js';
import { writeFile } from 'node:fs/promises';
const { component } = await componentize({ sourcePath: 'hello.js', witPath: 'wit', worldName: 'app' });
await writeFile(process.argv[2], component);
JS
(cd "$tools" && node build.mjs "$here/js/hello.wasm")
