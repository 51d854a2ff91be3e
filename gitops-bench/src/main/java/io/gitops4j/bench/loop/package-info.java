/**
 * Benchmarks of the continuous loop ({@link io.gitops4j.loop.GitOpsController}): latency from a commit landing
 * in a Git repository to the change applied, by polling and by trigger; and the cost of a no-change cycle of many
 * applications.
 */
package io.gitops4j.bench.loop;
