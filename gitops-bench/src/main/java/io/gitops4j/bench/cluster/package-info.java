/** Benchmarks of a fleet of controller replicas sharing applications through Kubernetes Leases. */
package io.gitops4j.bench.cluster;
