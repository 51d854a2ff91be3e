/**
 * The {@code gitops4j} command-line tool (picocli): {@code demo}, {@code plan}, {@code diff}, {@code apply}
 * ({@code reconcile}), {@code watch}, {@code history}, {@code rollback} and {@code embedded-api}. Sources are a
 * Git repository or a local folder; targets are a kubeconfig context, an in-process embedded API, or a folder.
 * Exit codes: 0 success (in sync), 2 changes pending ({@code plan}, {@code diff}), 1 error.
 */
package io.gitops4j.samples.cli;
