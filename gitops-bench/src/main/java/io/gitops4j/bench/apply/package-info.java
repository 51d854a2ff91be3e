/**
 * Benchmarks of applying to a Kubernetes API against {@code kubectl apply --server-side} on the same embedded API:
 * a first apply on a fresh server and a no-change run, in process and through the CLI, and a controller's first
 * sync of many applications. The kubectl side runs the real binary as a process; without kubectl on the PATH its
 * benchmarks are left out by {@code run-all.sh}.
 */
package io.gitops4j.bench.apply;
