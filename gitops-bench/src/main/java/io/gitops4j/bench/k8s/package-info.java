/**
 * JMH benchmarks of the Kubernetes target against the testkit's embedded API server.
 * {@link io.gitops4j.bench.k8s.KubernetesObserveBenchmark}: a no-change observe (and observe + cached diff + plan)
 * of 1,000 Deployments with reuse of unchanged live objects on and off. Run with
 * {@code gitops-bench/run.sh KubernetesObserve}, or with everything through {@code gitops-bench/run-all.sh}.
 */
package io.gitops4j.bench.k8s;
