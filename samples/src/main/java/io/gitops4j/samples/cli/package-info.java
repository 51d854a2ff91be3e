/**
 * The {@code gitops4j} command-line tool (picocli): {@code demo}, {@code plan}, {@code diff}, {@code apply}
 * ({@code reconcile}), {@code watch}, {@code history}, {@code status}, {@code rollback} and {@code embedded-api}.
 * Sources are a Git repository or a local folder; targets are a kubeconfig context, an in-process embedded API, or
 * a folder. Run records, like inventories, live on the target (in the cluster: ConfigMaps in the inventory
 * namespace, {@code gitops4j-system} by default), so {@code history}, {@code status} and {@code rollback} read what
 * every run did, whoever ran it.
 * Exit codes: 0 success (in sync), 2 changes pending ({@code plan}, {@code diff}), 1 error.
 */
package io.gitops4j.samples.cli;
