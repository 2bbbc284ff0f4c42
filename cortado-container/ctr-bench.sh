#!/usr/bin/env bash
# Wall time of `ctr run --rm` for a Wasm hello world under cortado-runc against busybox's echo under
# runc, on a private containerd (own config, root, state and socket in a temporary folder; stopped
# and removed at the end). Needs root, containerd, ctr, runc, busybox-static, and a built
# cortado-container (./mvnw -q package -DskipTests). Usage: cortado-container/ctr-bench.sh [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/cortado-bench/bench-args.sh"
bench_runs 7 "$@"
runs=$RUNS
runtime=$here/bin/cortado-runc
jar=$here/cortado-container/target/cortado-container.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }
dir=$(mktemp -d /tmp/ctdbench.XXXXXX)
# containerd 1.6 keeps shim sockets and fifos in /run/containerd whatever its state folder.
run_existed=no
[ -e /run/containerd ] && run_existed=yes
sock=$dir/c.sock
cleanup() {
  # The shims this containerd started (daemons of their own), by pid: those naming our socket.
  local p
  for p in /proc/[0-9]*; do
    if { tr '\0' ' ' <"$p/cmdline"; } 2>/dev/null | grep -q -- "-address $sock "; then
      kill "${p#/proc/}" 2>/dev/null || true
    fi
  done
  if [ -n "${ctd:-}" ]; then
    kill "$ctd" 2>/dev/null || true
    wait "$ctd" 2>/dev/null || true
  fi
  rm -rf "$dir"
  if [ "$run_existed" = no ]; then
    rmdir /run/containerd/s /run/containerd/fifo /run/containerd 2>/dev/null || true
  fi
}
trap cleanup EXIT
cat >"$dir/config.toml" <<TOML
version = 2
root = "$dir/root"
state = "$dir/state"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$sock"
[ttrpc]
  address = "$sock.ttrpc"
TOML
containerd --config "$dir/config.toml" >"$dir/containerd.log" 2>&1 &
ctd=$!
for _ in $(seq 100); do ctr --address "$sock" version >/dev/null 2>&1 && break; sleep 0.1; done

# hello.wasm: fd_write "hello\n" (WAT encoded by Cortado's own Training fixture).
mkdir -p "$dir/wasm" "$dir/busybox/bin" "$dir/train"
java=$(. "$here/bin/jdk.sh" && cortado_find_jdk >/dev/null && echo "$CORTADO_JAVA_HOME/bin/java")
"$java" -cp "$jar" dev.cortado.container.internal.Training "$dir/train" >/dev/null
cp "$dir/train/bundle/rootfs/hello.wasm" "$dir/wasm/"
cp "$(command -v busybox)" "$dir/busybox/bin/busybox"
ln -s busybox "$dir/busybox/bin/echo"
# One run each first: the class-data archive and code cache get made, images are warm.
"$runtime" --version >/dev/null
sleep 15

ms() { echo $((($(date +%s%N) - $1) / 1000000)); }
wasm=() native=()
for i in $(seq "$runs"); do
  s=$(date +%s%N)
  ctr --address "$sock" run --rm --runc-binary "$runtime" --runc-root "$dir/runc" \
    --rootfs "$dir/wasm" "w$i" /hello.wasm >/dev/null
  wasm+=("$(ms "$s")")
  s=$(date +%s%N)
  ctr --address "$sock" run --rm --runc-root "$dir/runc" --rootfs "$dir/busybox" "b$i" \
    /bin/echo hello >/dev/null
  native+=("$(ms "$s")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mw=$(median "${wasm[@]}")
mn=$(median "${native[@]}")
echo "cortado-runc, Wasm hello (ms): ${wasm[*]}  median $mw"
echo "runc, busybox echo (ms):       ${native[*]}  median $mn"
echo "ratio of medians: $(awk -v a="$mw" -v b="$mn" 'BEGIN {printf "%.1f", a / b}')  (load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
