/**
 * JMH benchmarks of the core. {@link io.gitops4j.bench.core.DiffPlanBenchmark}: diff plus plan of Deployment-sized
 * desired states against their live state, uncached. {@link io.gitops4j.bench.core.ColdDiffBenchmark}: a cold diff
 * beside zjsonpatch and Jackson {@code equals} in the same run. {@link io.gitops4j.bench.core.CachedDiffPlanBenchmark}:
 * steady state and a 1% change through the engine's memory of its last run ({@link io.gitops4j.reconcile.BenchMemo}).
 * {@link io.gitops4j.bench.core.MemoryBenchmark}: retained heap of desired + live + that memo. Run them all with
 * {@code gitops-bench/run-all.sh}, or one with {@code gitops-bench/run.sh ColdDiff}.
 */
package io.gitops4j.bench.core;
