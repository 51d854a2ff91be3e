/**
 * The demo behind README's first command: a local Git repository seeded with a small app, reconciled into an
 * embedded Kubernetes API (or a real cluster), changed, drifted and rolled back, with plan, diff and health
 * printed at each step.
 */
package io.gitops4j.samples.demo;
