/**
 * JMH benchmarks of the core: {@link io.gitops4j.bench.core.DiffPlanBenchmark} measures diff plus plan of
 * Deployment-sized desired states against their live state. Run with {@code gitops-bench/run.sh DiffPlan}.
 */
package io.gitops4j.bench.core;
