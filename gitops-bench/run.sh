#!/usr/bin/env bash
# Builds the benchmark jar and runs JMH benchmarks. Arguments go to JMH (e.g. a benchmark name regex, -f 1 -wi 2 -i 3).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Pbench -pl gitops-bench -am package -DskipTests
exec java -jar gitops-bench/target/benchmarks.jar "$@"
