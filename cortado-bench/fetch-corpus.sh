#!/usr/bin/env bash
# Fetches the benchmark corpus (large real-world modules from npm packages) into
# cortado-bench/target/corpus, checking each file's SHA-256. Needs npm and network access to the
# npm registry. Nothing fetched is committed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus="$here/target/corpus"
mkdir -p "$corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# name | npm package@version | path in the package | sha256
entries=(
  "duckdb-mvp.wasm|@duckdb/duckdb-wasm@1.32.0|package/dist/duckdb-mvp.wasm|45d72a81fba8e57693d890da837c7041310e385e75619a8559839b15388dfe97"
  "biome.wasm|@biomejs/wasm-nodejs@2.5.14|package/biome_wasm_bg.wasm|898927f0cd131b7679810555c75a4814eb8fe85d067fbf40ac24d8fa3f306554"
  "esbuild.wasm|esbuild-wasm@0.28.2|package/esbuild.wasm|b1831a5c0f6cf688034fb94d0419812f165ea316a3380d3fc00a151e562d2eaf"
)

for e in "${entries[@]}"; do
  IFS='|' read -r name pkg path sha <<<"$e"
  if [ -f "$corpus/$name" ] && echo "$sha  $corpus/$name" | sha256sum -c --status; then
    echo "corpus: $name present"
    continue
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "fetch-corpus: npm is needed to download $pkg (install Node.js and npm)." >&2
    exit 1
  fi
  echo "corpus: fetching $pkg ..."
  tgz=$(cd "$work" && npm pack --silent "$pkg" | tail -n 1)
  tar -xzf "$work/$tgz" -C "$work" "$path"
  if ! echo "$sha  $work/$path" | sha256sum -c --status; then
    echo "fetch-corpus: $pkg's $path does not have the expected SHA-256 $sha; refusing to use it." >&2
    exit 1
  fi
  mv "$work/$path" "$corpus/$name"
  echo "corpus: $name ($(stat -c %s "$corpus/$name") bytes)"
done
