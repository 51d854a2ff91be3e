/**
 * What users put in their tests: {@link io.gitops4j.testkit.InMemoryTarget}, a fake cluster with server fields,
 * server-side-apply merging, drift simulation and fault injection; {@link io.gitops4j.testkit.InMemorySource}, a
 * desired-state source whose revisions the test commits, with rollback loads and injected failures; and
 * {@link io.gitops4j.testkit.ManualClock}, a clock tests advance by hand that is also the engine's
 * {@link io.gitops4j.reconcile.Sleeper}. Sub-packages hold generators ({@code gen}), contract suites
 * ({@code contract}), Git fixtures and an embedded Kubernetes API.
 */
package io.gitops4j.testkit;
