#!/usr/bin/env bash
# Compute kernels on Cortado's interpreter and compiler and Endive's interpreter, in one JMH run;
# prints ms/op and the ratios.
# Usage: cortado-bench/kernel-bench.sh [extra JMH options]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
"$repo/mvnw" -q -f "$repo/pom.xml" -pl cortado-bench -am package -DskipTests
. "$repo/bin/jdk.sh"
cortado_find_jdk
java="$CORTADO_JAVA_HOME/bin/java"
result="$here/target/kernel-bench.json"
(cd "$here" && "$java" -jar target/benchmarks.jar KernelBenchmark -rf json -rff "$result" "$@")
echo
"$java" "$here/src/main/java/dev/cortado/bench/ReportKernels.java" "$result"
