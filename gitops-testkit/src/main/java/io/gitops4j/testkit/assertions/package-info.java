/**
 * Fluent AssertJ assertions for what the engine produces: {@code assertThat(result).applied(key).pruned(key)},
 * {@code assertThat(plan).creates(key).hasNoDeletes()}, {@code assertThat(diff).hasChangeAt(key, "/spec/replicas")}.
 * Entry point: {@link io.gitops4j.testkit.assertions.GitOpsAssertions}. Keys are {@code ResourceKey}s or their text
 * form ({@code apps/Deployment/shop/web}, {@code ConfigMap/shop/settings}, {@code Namespace/shop}). Failure messages
 * show what the run, plan or diff actually holds, never secret values.
 */
package io.gitops4j.testkit.assertions;
