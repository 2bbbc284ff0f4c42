#!/usr/bin/env bash
# Whole-process benchmark: real WASI (preview1) programs in cortado-bench/programs/workloads, each
# run as a command the way a user runs it, start-up included, on
#   node                  Node.js 20+ (node:wasi, V8), the reference
#   cortado-auto          bin/cortado run (the default engine: interpreter, then compiled in the background)
#   cortado-compiler      bin/cortado run --engine=compiler
#   cortado-interpreter   bin/cortado run --engine=interpreter
#   chicory-1.7.5         Chicory's compiler (peers/chicory, from Maven Central)
#   endive-1.0.0          Endive's compiler, published only as 1.0.0 (peers/endive)
# Prints, per program, the median of RUNS wall times per runtime and its ratio to node's, then the
# geometric mean of the ratios; writes target/programs-bench.{txt,csv,json} and the raw times.
# Every run's standard output must equal the program's .expected (node's output, recorded by
# build.sh) and its exit code be 0, else the cell says "fail"; a run over TIMEOUT says "timeout".
# A runtime that cannot be set up (no node, a peer that cannot be fetched) is skipped with a
# message.
#
# Usage: cortado-bench/programs-bench.sh [RUNS]        (RUNS defaults to 3)
# Environment: PROGRAMS="nbody sort ..." (default: all), RUNTIMES="node cortado-compiler ..."
# (default: all five), TIMEOUT=seconds per run (default 300).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
. "$here/bench-args.sh"
bench_runs 3 "$@"
runs=$RUNS
timeout_s=${TIMEOUT:-300}
workloads="$here/programs/workloads"
out="$here/target"
raw="$out/programs-bench.tsv"
failures="$out/programs-bench-failures.txt"
mkdir -p "$out"

"$repo/mvnw" -q -f "$repo/pom.xml" -pl cortado-cli -am package -DskipTests
. "$repo/bin/jdk.sh"
cortado_find_jdk
java="$CORTADO_JAVA_HOME/bin/java"

runtimes=()
for runtime in ${RUNTIMES:-node cortado-auto cortado-compiler cortado-interpreter chicory-1.7.5 endive-1.0.0}; do
  case "$runtime" in
    node)
      if ! command -v node >/dev/null 2>&1; then
        echo "programs-bench: skipping node: node is not on PATH (the ratios need it)" >&2
        continue
      fi
      major=$(node -p 'process.versions.node.split(".")[0]')
      if [ "$major" -lt 20 ]; then
        echo "programs-bench: skipping node: version $major, node:wasi preview1 needs 20+" >&2
        continue
      fi
      ;;
    cortado-auto | cortado-compiler | cortado-interpreter) ;;
    chicory-1.7.5 | endive-1.0.0)
      peer=${runtime%%-*}
      if ! "$repo/mvnw" -q -f "$here/peers/$peer/pom.xml" package >"$out/peer-$peer-build.log" 2>&1; then
        echo "programs-bench: skipping $runtime: its runner did not build (cannot fetch it from" \
          "Maven Central?); see $out/peer-$peer-build.log" >&2
        continue
      fi
      ;;
    *)
      echo "programs-bench: unknown runtime $runtime" >&2
      exit 2
      ;;
  esac
  runtimes+=("$runtime")
done

# Sets cmd to the command line of runtime $1; the program and its arguments follow it. With $2 =
# train, a JVM peer's command line writes its archive instead of reading it.
command_of() {
  case "$1" in
    node) cmd=(node --no-warnings "$here/peers/node/run-wasi.mjs") ;;
    cortado-auto) cmd=("$repo/bin/cortado" run) ;;
    cortado-compiler) cmd=("$repo/bin/cortado" run --engine=compiler) ;;
    cortado-interpreter) cmd=("$repo/bin/cortado" run --engine=interpreter) ;;
    chicory-1.7.5 | endive-1.0.0)
      # The JVM options bin/cortado uses: serial GC and the same kind of archive, trained the same
      # way (by one run on a small program, train_peer): from JDK 25 on an AOT cache, which keeps
      # the training's method profiles too, else a class-data-sharing archive.
      local peer=${1%%-*}
      if [ "$CORTADO_MAJOR" -ge 25 ]; then
        local aot=-XX:AOTCache
        [ "${2:-}" = train ] && aot=-XX:AOTCacheOutput
        cmd=("$java" "$aot=$out/peer-$peer.aot" -Xlog:aot=off -Xlog:cds=off)
      else
        cmd=("$java" -XX:SharedArchiveFile="$out/peer-$peer.jsa" -XX:+AutoCreateSharedArchive
          -Xlog:cds=off -Xlog:cds+dynamic=off)
      fi
      cmd+=(-XX:+UseSerialGC -XX:-UsePerfData -jar "$here/peers/$peer/target/peer.jar")
      ;;
  esac
}

# The untimed training run of a JVM peer, which writes its archive.
train_peer() {
  rm -f "$out/peer-${1%%-*}.aot"
  command_of "$1" train
  "${cmd[@]}" "$workloads/fannkuch.wasm" 7 >/dev/null 2>&1 || true
}

programs=()
for name in ${PROGRAMS:-$(cd "$workloads" && ls *.wasm | sed 's/\.wasm$//')}; do
  if [ ! -f "$workloads/$name.wasm" ]; then
    echo "programs-bench: no program $name in $workloads" >&2
    exit 2
  fi
  programs+=("$name")
done

# One untimed run per JVM runtime first: it creates the archives of their classes. bin/cortado
# trains its archive in the background; the timed runs wait for that to end, so that none of them
# shares the machine with it.
for runtime in "${runtimes[@]}"; do
  case "$runtime" in
    node) ;;
    cortado-*)
      command_of "$runtime"
      "${cmd[@]}" "$workloads/fannkuch.wasm" 7 >/dev/null 2>&1 || true
      ;;
    *) train_peer "$runtime" ;;
  esac
done
# And each program's module goes into Cortado's code cache first, as a second run of it finds it:
# without this, a build whose generated code changed (a new cache key) had one run of each program
# in four compile the module, which moved json's median from 0.39 to 0.47 s.
if [[ " ${runtimes[*]} " == *" cortado-"* ]]; then
  for name in "${programs[@]}"; do
    "$repo/bin/cortado" compile "$workloads/$name.wasm" >/dev/null 2>&1 || true
  done
fi
cortado_cache="${XDG_CACHE_HOME:-$HOME/.cache}/cortado"
for _ in $(seq 1 600); do
  if ! compgen -G "$cortado_cache/cortado-*.lock" >/dev/null; then
    break
  fi
  sleep 0.2
done

echo "programs-bench: ${#programs[@]} programs x ${#runtimes[@]} runtimes x $runs runs;" \
  "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$raw"
: >"$failures"
stdout=$(mktemp)
stderr=$(mktemp)
trap 'rm -f "$stdout" "$stderr"' EXIT
for name in "${programs[@]}"; do
  wasm="$workloads/$name.wasm"
  # Runtimes take turns within each round, so a burst of load hits all of them alike, and each
  # round starts with the next runtime, so a run-to-run pattern (on our VMs, JVMs with transparent
  # huge pages were 20-40% slower every other run) is not charged to one runtime every time.
  for ((run = 1; run <= runs; run++)); do
    n=${#runtimes[@]}
    for ((k = 0; k < n; k++)); do
      runtime=${runtimes[$(((k + run - 1) % n))]}
      command_of "$runtime"
      start=$(date +%s%N)
      set +e
      timeout "$timeout_s" "${cmd[@]}" "$wasm" >"$stdout" 2>"$stderr"
      code=$?
      set -e
      end=$(date +%s%N)
      seconds=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')
      if [ "$code" -eq 124 ]; then
        status=timeout
      elif [ "$code" -ne 0 ] || ! cmp -s "$stdout" "$workloads/$name.expected"; then
        status=fail
      else
        status=ok
      fi
      printf '%s\t%s\t%d\t%s\t%s\n' "$name" "$runtime" "$run" "$status" "$seconds" >>"$raw"
      printf '  %-13s %-20s run %d: %s %s s\n' "$name" "$runtime" "$run" "$status" "$seconds"
      if [ "$status" != ok ]; then
        {
          echo "== $name on $runtime, run $run: $status (exit $code)"
          echo "\$ ${cmd[*]} $wasm"
          head -c 2000 "$stderr"
          if [ "$code" -eq 0 ]; then
            echo "output differs from $name.expected:"
            diff "$stdout" "$workloads/$name.expected" | head -n 10 || true
          fi
          echo
        } >>"$failures"
      fi
    done
  done
done

echo
"$java" "$here/src/main/java/dev/cortado/bench/ReportPrograms.java" "$raw" "$out" "$runs" \
  "${runtimes[@]}" | tee "$out/programs-bench.txt"
echo "machine: $(nproc) cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)" |
  tee -a "$out/programs-bench.txt"
echo "written: $out/programs-bench.{txt,csv,json}, raw times $raw"
if [ -s "$failures" ]; then
  echo "failures (command and standard error): $failures"
  cat "$failures"
fi
