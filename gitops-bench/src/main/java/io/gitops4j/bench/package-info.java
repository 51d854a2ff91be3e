/**
 * JMH benchmarks of gitops4j: diff and plan, Git loads, the loop. Build with
 * {@code mvn -Pbench -pl gitops-bench -am package -DskipTests} and run {@code gitops-bench/run.sh}.
 */
package io.gitops4j.bench;
