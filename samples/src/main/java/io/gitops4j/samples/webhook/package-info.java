/**
 * A Git host's push webhook in front of the continuous controller: GitHub push events (HMAC SHA-256 signature in
 * {@code X-Hub-Signature-256}) and GitLab push hooks ({@code X-Gitlab-Token}) name a repository and a ref, which
 * a route table maps to the fetch keys of the controller's sources for
 * {@link io.gitops4j.loop.GitOpsController#triggerSource}; the same server serves Prometheus metrics at
 * {@code /metrics} and a liveness check at {@code /healthz}. Copy it into your service and adapt.
 */
package io.gitops4j.samples.webhook;
