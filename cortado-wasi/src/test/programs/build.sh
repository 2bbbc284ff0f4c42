#!/usr/bin/env bash
# Rebuilds the WASI test programs: every c/*.c and rust/*.rs here becomes
# ../resources/programs/<name>.wasm. The built files are committed, so tests run without the
# toolchains; run this after changing a source.
#
# Needs (Debian): clang lld wasi-libc libclang-rt-14-dev-wasm32 rustc libstd-rust-dev-wasm32, and
# for go/*.go a Go of 1.21 or newer (bookworm-backports: golang-1.23-go), and for
# assemblyscript/*.ts Node.js with npm (the compiler comes from npm, pinned in package.json).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/programs"
mkdir -p "$out"

# Debian's rustc (1.63, with the wasm32-wasi standard library); a rustup rustc may shadow it.
rustc=/usr/bin/rustc
[ -x "$rustc" ] || rustc=$(command -v rustc)

for src in "$here"/c/*.c; do
  [ -e "$src" ] || continue
name=$(basename "$src" .c)
  flags=()
  # threaded.c's handlers end in tail calls (musttail): WebAssembly's return_call.
  [ "$name" = threaded ] && flags+=(-mtail-call)
  clang --target=wasm32-wasi -O2 -Wall -Werror "${flags[@]}" -o "$out/$name.wasm" "$src"
  echo "built $name.wasm (C)"
done
for src in "$here"/rust/*.rs; do
  [ -e "$src" ] || continue
  name=$(basename "$src" .rs)
  "$rustc" --edition 2021 --target wasm32-wasi -O -C strip=symbols -o "$out/$name.wasm" "$src"
  echo "built $name.wasm (Rust)"
done
go=$(command -v go || true)
[ -n "$go" ] || go=$(ls -d /usr/lib/go-1.2[1-9]/bin/go 2>/dev/null | sort -V | tail -n 1 || true)
for src in "$here"/go/*.go; do
  [ -e "$src" ] || continue
  if [ -z "$go" ]; then
    echo "skipped $(basename "$src"): no Go 1.21+ found" >&2
    continue
  fi
  name=$(basename "$src" .go)
  (cd "$here/go" && GOOS=wasip1 GOARCH=wasm GOFLAGS=-trimpath "$go" build -ldflags=-s -o "$out/$name.wasm" "$(basename "$src")")
  echo "built $name.wasm (Go)"
done
as_dir="$here/assemblyscript"
if ls "$as_dir"/*.ts >/dev/null 2>&1; then
  if command -v npm >/dev/null 2>&1; then
    (cd "$as_dir" && npm install --silent --no-audit --no-fund >/dev/null)
    for src in "$as_dir"/*.ts; do
      name=$(basename "$src" .ts)
      (cd "$as_dir" && npx --no-install asc "$name.ts" -O \
        --config ./node_modules/@assemblyscript/wasi-shim/asconfig.json -o "$out/$name.wasm")
      echo "built $name.wasm (AssemblyScript)"
    done
  else
    echo "skipped AssemblyScript programs: npm not found" >&2
  fi
fi
