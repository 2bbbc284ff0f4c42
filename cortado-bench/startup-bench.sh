#!/usr/bin/env bash
# Start-up benchmark: whole-process wall time of `bin/cortado run` against node (node:wasi) on
#   bigapp --version   a generated 48 MB WASI command (36 MiB of code, 6 MiB of data, a name
#                      section; StartupModule.java) that prints its version after a few dozen
#                      instructions: what matters is how little of the module is touched first
#   hello              a 137 KB C program (wasi-libc's printf)
# Cortado runs with an empty code cache ("cold": a new CORTADO_CACHE_DIR each round) and again with
# the cache that run left ("warm"), on the default engine and on the interpreter. Every run's
# standard output and exit code must be node's, else the cell says
# "fail". Runtimes take turns within each round; prints the median of RUNS per cell and its ratio
# to node's median; the table also goes to target/startup-bench.txt, raw times to .tsv.
#
# Usage: cortado-bench/startup-bench.sh [RUNS]    (RUNS defaults to 5)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
. "$here/bench-args.sh"
bench_runs 5 "$@"
runs=$RUNS
out="$here/target"
raw="$out/startup-bench.tsv"
mkdir -p "$out"

"$repo/mvnw" -o -q -f "$repo/pom.xml" -pl cortado-cli -am package -DskipTests
. "$repo/bin/jdk.sh"
cortado_find_jdk
java="$CORTADO_JAVA_HOME/bin/java"
if ! command -v node >/dev/null 2>&1; then
  echo "startup-bench: node is not on PATH (the ratios need it)" >&2
  exit 1
fi

generator="$here/src/main/java/dev/cortado/bench/StartupModule.java"
big="$out/bigapp.wasm"
if [ ! -f "$big" ] || [ "$generator" -nt "$big" ]; then
  "$java" "$generator" "$big"
fi
hello="$repo/cortado-wasi/src/test/resources/programs/hello.wasm"
# What node prints and its exit code (hello exits with 3) are what every run must give.
node_run() {
  set +e
  node --no-warnings "$here/peers/node/run-wasi.mjs" "$@"
  echo "exit $?"
  set -e
}
big_expected=$(node_run "$big" --version)
hello_expected=$(node_run "$hello")

# One untimed run creates the launcher's class-data-sharing archive for this build.
"$repo/bin/cortado" run --engine=interpreter "$hello" >/dev/null || true

echo "startup-bench: $runs runs; bigapp.wasm $(stat -c %s "$big") bytes; $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$raw"
caches=$(mktemp -d)
trap 'rm -rf "$caches"' EXIT

# Times one run: program label, runtime label, expected output, then the command.
measure() {
  local program=$1 runtime=$2 expected=$3
  shift 3
  local start end output status
  start=$(date +%s%N)
  set +e
  output=$("$@" 2>/dev/null)
  output=$(printf '%s\nexit %d' "$output" $?)
  set -e
  end=$(date +%s%N)
  status=ok
  if [ "$output" != "$expected" ]; then
    status=fail
  fi
  printf '%s\t%s\t%s\t%s\n' "$program" "$runtime" "$status" \
    "$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')" >>"$raw"
}

for ((run = 1; run <= runs; run++)); do
  for program in bigapp hello; do
    if [ "$program" = bigapp ]; then
      wasm=("$big" --version) expected=$big_expected
    else
      wasm=("$hello") expected=$hello_expected
    fi
    measure "$program" node "$expected" node --no-warnings "$here/peers/node/run-wasi.mjs" "${wasm[@]}"
    for engine in auto interpreter; do
      cache="$caches/$program-$engine-$run"
      mkdir -p "$cache"
      for state in cold warm; do
        CORTADO_CACHE_DIR=$cache measure "$program" "cortado-$engine-$state" "$expected" \
          "$repo/bin/cortado" run --engine="$engine" "${wasm[@]}"
      done
    done
  done
  echo "  round $run of $runs done"
done

{
  printf '%-8s %-26s %8s %8s\n' program runtime median/s "x node"
  for program in bigapp hello; do
    for runtime in node cortado-auto-cold cortado-auto-warm cortado-interpreter-cold \
      cortado-interpreter-warm; do
      awk -F'\t' -v p="$program" -v r="$runtime" '
        $1 == p && $2 == "node" { node[++n] = $4 }
        $1 == p && $2 == r { t[++m] = $4; if ($3 != "ok") failed = 1 }
        function median(a, k,   i, j, x) {
          for (i = 2; i <= k; i++) { x = a[i]; for (j = i - 1; j > 0 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
          return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
        }
        END {
          if (failed) { printf "%-8s %-26s %8s %8s\n", p, r, "fail", "-"; exit }
          mn = median(node, n); mr = median(t, m)
          printf "%-8s %-26s %8.3f %8.2f\n", p, r, mr, mr / mn
        }' "$raw"
    done
  done
  echo "machine: $(nproc) cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/startup-bench.txt"
