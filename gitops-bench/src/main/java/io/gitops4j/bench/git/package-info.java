/**
 * JMH benchmarks of the Git source: initial load, no-change refresh and the load of a new commit that changed one
 * file of a repository with 5,000 manifests in 50 folders, beside {@code git clone} plus reading and parsing the
 * same files and beside a full load of the same commit. Run with
 * {@code gitops-bench/run-git-bench.sh}.
 */
package io.gitops4j.bench.git;
