#!/usr/bin/env bash
# Decode + validate throughput benchmark (JMH) on large real modules, reported in MB/s.
# Usage: cortado-bench/decode-bench.sh [extra JMH options]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
"$here/fetch-corpus.sh"
"$repo/mvnw" -q -f "$repo/pom.xml" -pl cortado-bench -am package -DskipTests
. "$repo/bin/jdk.sh"
cortado_find_jdk
java="$CORTADO_JAVA_HOME/bin/java"
files=$(cd "$here" && ls target/corpus/*.wasm | paste -sd, -)
result="$here/target/decode-bench.json"
(cd "$here" && "$java" -jar target/benchmarks.jar DecodeValidateBenchmark -p file="$files" \
  -rf json -rff "$result" "$@")
echo
echo "Throughput (MB/s = file size / average time; 1 MB = 10^6 bytes):"
"$java" "$here/src/main/java/dev/cortado/bench/ReportThroughput.java" "$result" "$here"
