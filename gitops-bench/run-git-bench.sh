#!/usr/bin/env bash
# Runs the Git source benchmarks (io.gitops4j.bench.git) with few iterations: about four minutes on 2 cores.
# Extra arguments go to JMH, e.g. -i 10 for more measurement iterations.
set -euo pipefail
exec "$(dirname "$0")/run.sh" 'io\.gitops4j\.bench\.git\..*' -f 1 -wi 2 -i 5 -w 2s -r 3s \
  -jvmArgsAppend -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@"
