#!/usr/bin/env bash
# Memory growth, whole process: wall time and peak RSS of `cortado run` on
#   grow N      a loop growing memory one page at a time to N pages (128 MiB = 2048, 1 GiB = 16384)
#   malloc      a C program making a million small mallocs (wasi-libc grows a page or a few at a time)
# Median of RUNS runs (default 3). Usage: cortado-bench/memory-bench.sh [RUNS]
# Needs GNU time (apt-get install time) for peak RSS.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
. "$here/bench-args.sh"
bench_runs 3 "$@"
runs=$RUNS
programs="$here/programs/memory"
if [ ! -x /usr/bin/time ]; then
  echo "memory-bench: needs GNU time for peak RSS: apt-get install time" >&2
  exit 1
fi
"$repo/mvnw" -q -f "$repo/pom.xml" install -DskipTests
cortado="$repo/bin/cortado"

# Prints "seconds peak-MiB" for one run of the command given.
measure() {
  local out
  out=$(mktemp)
  /usr/bin/time -f '%e %M' -o "$out" "$@" >/dev/null
  awk '{ printf "%.2f %.0f\n", $1, $2 / 1024 }' "$out"
  rm -f "$out"
}

# Prints the median wall time and median peak RSS of $runs runs.
median_of_runs() {
  local i
  for ((i = 0; i < runs; i++)); do measure "$@"; done |
    sort -n | awk '{ t[NR] = $1; r[NR] = $2 } END { m = int((NR + 1) / 2); printf "%8.2f s %8d MiB\n", t[m], r[m] }'
}

printf '%-28s %10s %12s\n' case "wall" "peak RSS"
for pages in 2048 16384; do
  printf '%-28s ' "grow to $((pages / 16)) MiB by pages"
  median_of_runs "$cortado" run --invoke grow "$programs/grow.wat" "$pages"
done
printf '%-28s ' "malloc x 1,000,000"
median_of_runs "$cortado" run "$programs/malloc.wasm"
