#!/usr/bin/env bash
# Rebuilds sockets/sockets.wasm (run by hand; the tests use the committed file): sockets/sockets.c,
# which calls wasi:sockets@0.2.0 and wasi:io@0.2.0 through the canonical ABI by hand, its world in
# sockets/wit/world.wit, made a wasi:cli/command component by build-c-component.sh (jco's preview1
# adapter serves wasi-libc's own imports). wasm-tools merges the 0.2.0 imports with the adapter's
# 0.2.12 ones, so the component imports wasi:sockets@0.2.12.
# Set JCO to a jco 1.35.0 binary to skip the npm install. Usage: build-sockets.sh [OUT.wasm]
# (SocketsFixtureTest builds elsewhere and compares: the build is deterministic.)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/build-c-component.sh" "$here/sockets/sockets.c" "$here/sockets/wit" sockets-test \
  "${1:-$here/sockets/sockets.wasm}" command
