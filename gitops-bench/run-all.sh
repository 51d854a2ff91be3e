#!/usr/bin/env bash
# Builds the benchmark jar and the CLI jar once, runs every benchmark with short settings (about 20 minutes on 2 cores)
# and prints one table: figure | gitops4j | peer | ratio | target. JMH results go to gitops-bench/target/results/.
# Usage: gitops-bench/run-all.sh            (from anywhere; needs git on the PATH for the Git peer)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o -Pbench -pl gitops-bench -am package -DskipTests
mvn -q -B -o -pl samples -am package -DskipTests # the CLI jar the CLI-against-kubectl benchmarks run
jar=gitops-bench/target/benchmarks.jar
out=gitops-bench/target/results
rm -rf "$out" && mkdir -p "$out"
quiet=(-jvmArgsAppend "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dgitops4j.cli.jar=$PWD/samples/target/gitops4j.jar")
bench() { # name regex, result file, JMH options...
  local regex=$1 file=$2; shift 2
  java -jar "$jar" "$regex" -rf json -rff "$out/$file" "${quiet[@]}" "$@" > "$out/${file%.json}.log" 2>&1 \
    || { echo "benchmark $regex failed, see $out/${file%.json}.log" >&2; exit 1; }
}
echo "load before: $(uptime)"
bench 'io\.gitops4j\.bench\.core\.(ColdDiff|CachedDiffPlan|EngineSteadyState)Benchmark\.' core.json -f 2 -wi 3 -i 5 -w 1s -r 1s
bench 'io\.gitops4j\.bench\.core\.MemoryBenchmark\.' memory.json
bench 'io\.gitops4j\.bench\.git\.GitSourceBenchmark\.(noChangeRefresh|initialLoad|cliCloneAndLoad|newCommit.*)$' \
  git.json -f 1 -wi 1 -i 3 -w 1s -r 1s
bench 'io\.gitops4j\.bench\.loop\.SteadyStateBenchmark\.' loop.json -f 1 -wi 2 -i 3 -w 2s -r 2s
bench 'io\.gitops4j\.bench\.k8s\.KubernetesObserveBenchmark\.' k8s.json -f 1 -wi 2 -i 4 -w 1s -r 1s
bench 'io\.gitops4j\.bench\.render\.RenderCacheBenchmark\.' render-cache.json -f 1 -wi 2 -i 5 -w 1s -r 1s
if command -v kubectl > /dev/null; then
  bench 'io\.gitops4j\.bench\.render\.KustomizeRenderBenchmark\.' kustomize.json -f 1 -wi 2 -i 5 -w 1s -r 1s
else
  bench 'io\.gitops4j\.bench\.render\.KustomizeRenderBenchmark\.nativeRender$' kustomize.json -f 1 -wi 2 -i 5 -w 1s -r 1s
fi
# the CLI rows on Java 25 (its launcher with the AOT cache) run when CliJavas finds one: $JAVA25_HOME, else the newest
# Java 25 or later under /usr/lib/jvm
if java25=$(java -cp "$jar" io.gitops4j.bench.apply.CliJavas); then
  cli_runs='cli.*'; echo "CLI rows on Java 25 use $java25"
  quiet=(-jvmArgsAppend "${quiet[1]} -Dgitops4j.cli.java=$java25")
else
  cli_runs='cli|cliFirstApply|cliJavaJar.*'; echo "no Java 25 or later: the CLI rows on Java 25 are skipped"
fi
if command -v kubectl > /dev/null; then apply_peers='gitops4j|kubectl'; cli_peers="$cli_runs|kubectl.*"; else
  apply_peers='gitops4j'; cli_peers=$cli_runs; echo "no kubectl on the PATH: the kubectl peers are skipped"; fi
bench "io\.gitops4j\.bench\.apply\.(FirstApply|NoChangeApply)Benchmark\.($apply_peers)\$" apply.json
bench "io\.gitops4j\.bench\.apply\.Cli(Apply|NoChange)Benchmark\.($cli_peers)\$" cli.json
bench 'io\.gitops4j\.bench\.apply\.ControllerFirstSyncBenchmark\.' controller.json
bench 'io\.gitops4j\.bench\.loop\.CommitToAppliedBenchmark\.' trigger.json -p mode=trigger -wi 3 -i 30
bench 'io\.gitops4j\.bench\.cluster\.Fleet(Takeover)?Benchmark\.' fleet.json
echo "load after:  $(uptime)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
java -cp "$jar" io.gitops4j.bench.BenchmarkTable "$out"/*.json
