/**
 * The continuous loop: a {@link io.gitops4j.loop.GitOpsController} runs many
 * {@link io.gitops4j.loop.Application}s inside the embedding process, the way Flux and Argo CD controllers do.
 * Each application is reconciled on its interval (with jitter), at once when a new revision is seen, and on
 * {@link io.gitops4j.loop.GitOpsController#trigger(String)}; runs share one bounded worker pool, one run per
 * application at a time, and triggers during a run coalesce into one follow-up run. Failures back off
 * exponentially ({@link io.gitops4j.loop.RetryPolicy}); drift between revisions is reported with field paths and
 * corrected when self-heal is on; an unreachable source keeps the last applied revision and never prunes. Each
 * application keeps a history of its runs in memory ({@link io.gitops4j.loop.HistoryEntry}); every run the engine
 * makes that changed something (or first found it converged) is also recorded on its target, beside the inventory ({@link io.gitops4j.inventory.RunRecord}, read with
 * {@link io.gitops4j.loop.GitOpsController#records(String)}), so the cluster holds the history whoever ran it. An
 * application can be rolled back to, and pinned at, an earlier revision, or its last healthy one
 * ({@link io.gitops4j.loop.GitOpsController#rollback(String)}). Time comes
 * from an injected {@link java.time.Clock} and {@link io.gitops4j.loop.Scheduler}, so tests never sleep.
 */
package io.gitops4j.loop;
