#!/usr/bin/env bash
# What a call into a component costs beside a core call (JMH, ns/op).
# Usage: cortado-bench/component-bench.sh [extra JMH options]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
"$repo/mvnw" -q -f "$repo/pom.xml" -pl cortado-bench -am package -DskipTests
. "$repo/bin/jdk.sh"
cortado_find_jdk
(cd "$here" && "$CORTADO_JAVA_HOME/bin/java" -jar target/benchmarks.jar ComponentCallBenchmark "$@")
