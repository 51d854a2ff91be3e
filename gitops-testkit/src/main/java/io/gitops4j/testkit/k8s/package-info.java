/**
 * Test and demo infrastructure that speaks the Kubernetes REST protocol in-process: {@link
 * io.gitops4j.testkit.k8s.EmbeddedKubernetesApi} serves discovery, CRUD, patches (including server-side apply
 * with managed fields), deletion with finalizers, and watches on 127.0.0.1, well enough for the fabric8 client
 * and the real {@code kubectl} binary. It is what {@code envtest} is for Go controllers, without binaries; it is
 * not a Kubernetes cluster (no controllers, scheduling, admission or authentication).
 */
package io.gitops4j.testkit.k8s;
