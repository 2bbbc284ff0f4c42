#!/usr/bin/env bash
# Benchmarks `cortado serve` on loopback with wrk (Debian package wrk), a fresh instance per
# request: the committed WAGI hello module (/hello), the C wasi:http component (/component/hello,
# components/http.c), the JavaScript wasi:http component from componentize-js (/js/hello,
# cortado-component's js/hello.wasm), and a static_response route (no WebAssembly). Each is warmed
# for WARMUP (default 20s: HotSpot compiles the server's and the component model's code for half
# a minute, and rounds after 5 s ran at 7,500, 12,800, then 16,700 requests a second) and then
# measured for DURATION (default 10s) at CONNECTIONS (default 64) connections, ROUNDS times
# (default 1; this machine's runs differ by 10% and more, so compare medians). PATHS picks routes.
# Prints wrk's summary and the server's mean instantiation time from its metrics, and with several
# rounds the median throughput and p99 of each route. SERVE_ARGS adds options to `cortado serve`
# (for example --max-concurrency 4).
# Needs bin/cortado built (./mvnw -q install -DskipTests, or package in the reactor).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
duration=${DURATION:-10s}
connections=${CONNECTIONS:-64}
port=${PORT:-3311}
admin=$((port + 1))
command -v wrk >/dev/null || { echo "serve-bench: needs wrk (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$here/src/test/resources/wagi/hello.wasm" "$work/"
cp "$here/src/test/resources/components/http.wasm" "$work/"
cp "$repo/cortado-component/src/test/resources/components/js/hello.wasm" "$work/js.wasm"
cat >"$work/spin.toml" <<'TOML'
spin_manifest_version = 2
[application]
name = "bench"
[[trigger.http]]
route = "/hello"
component = "hello"
executor = { type = "wagi" }
[[trigger.http]]
route = "/component/..."
component = "component"
[[trigger.http]]
route = "/js/..."
component = "js"
[[trigger.http]]
route = "/static"
static_response = { body = "Hello, world!\n", headers = { content-type = "text/plain" } }
[component.hello]
source = "hello.wasm"
[component.component]
source = "http.wasm"
[component.js]
source = "js.wasm"
TOML
"$repo/bin/cortado" serve --listen "127.0.0.1:$port" --admin-listen "127.0.0.1:$admin" \
  ${SERVE_ARGS:-} "$work/spin.toml" >"$work/access.log" 2>"$work/error.log" &
server=$!
for _ in $(seq 100); do
  grep -q '^Serving' "$work/access.log" 2>/dev/null && break
  sleep 0.1
done
instantiation() {
  curl -s "http://127.0.0.1:$admin/metrics" |
    awk '/^cortado_instantiation_duration_seconds_sum/ {s=$2} /^cortado_instantiation_duration_seconds_count/ {n=$2} END {print s, n}'
}
warmup=${WARMUP:-20s}
for path in ${PATHS:-/hello /component/hello /js/hello /static}; do
  wrk -t2 -c"$connections" -d"$warmup" "http://127.0.0.1:$port$path" >/dev/null
  rates=()
  p99s=()
  for ((round = 1; round <= ${ROUNDS:-1}; round++)); do
    read -r s0 n0 < <(instantiation)
    echo "== $path: $connections connections, $duration (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
    out=$(wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port$path" |
      grep -E 'Requests/sec|Latency Distribution| 50%| 90%| 99%|requests in')
    echo "$out"
    rates+=("$(awk '/Requests\/sec/ {print $2}' <<<"$out")")
    p99s+=("$(awk '/ 99%/ {v = $2; if (v ~ /us$/) v = v / 1000; else if (v ~ /s$/ && v !~ /ms$/) v = v * 1000; print v + 0}' <<<"$out")")
    read -r s1 n1 < <(instantiation)
    awk -v s0="$s0" -v n0="$n0" -v s1="$s1" -v n1="$n1" \
      'BEGIN { if (n1 > n0) printf "instantiations: %d, mean %.1f us\n", n1 - n0, (s1 - s0) / (n1 - n0) * 1e6 }'
  done
  if [ "${ROUNDS:-1}" -gt 1 ]; then
    median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
    echo "== $path: median of ${ROUNDS} rounds: $(median "${rates[@]}") requests/s, p99 $(median "${p99s[@]}") ms"
  fi
done
