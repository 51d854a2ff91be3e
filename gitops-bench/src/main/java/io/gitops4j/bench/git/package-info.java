/**
 * JMH benchmarks of the Git source: initial load and no-change refresh of a repository with 5,000 manifests in 50
 * folders, beside {@code git clone} plus reading and parsing the same files. Run with
 * {@code gitops-bench/run-git-bench.sh}.
 */
package io.gitops4j.bench.git;
