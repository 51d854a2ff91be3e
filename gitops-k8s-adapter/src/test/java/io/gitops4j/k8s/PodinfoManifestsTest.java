package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.source.DirectorySource;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reconciles podinfo's real {@code deploy/webapp} manifests (namespace, RBAC, service accounts, Deployments,
 * Services, HorizontalPodAutoscalers) into the embedded API, twice; skipped when the shared fixtures are absent.
 */
class PodinfoManifestsTest {
    private static final Path WEBAPP = Path.of("/work/shared/fixtures/podinfo/deploy/webapp");

    @Test
    void appliesPodinfoAndConvergesOnTheSecondRun() {
        assumeTrue(Files.isDirectory(WEBAPP), "skipped: " + WEBAPP + " is absent");
        try (EmbeddedKubernetesApi api = EmbeddedKubernetesApi.builder().build().start();
                KubernetesClient client = new KubernetesClientBuilder()
                        .withConfig(Config.fromKubeconfig(api.kubeconfig())).build()) {
            GitOpsEngine engine = GitOpsEngine.builder().application("webapp").source(DirectorySource.of(WEBAPP))
                    .target(KubernetesTarget.builder().client(client).build()).build();

            ReconcileResult first = engine.reconcile(ReconcileOptions.defaults());
            ReconcileResult second = engine.reconcile(ReconcileOptions.defaults());

            assertThat(first.outcome()).as(first.failedSteps().toString()).isEqualTo(ReconcileResult.Outcome.APPLIED);
            assertThat(first.steps()).hasSizeGreaterThanOrEqualTo(10);
            assertThat(client.apps().deployments().inNamespace("webapp").withName("frontend").get()).isNotNull();
            assertThat(client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("webapp").withName("backend")
                    .get()).isNotNull();
            assertThat(second.outcome()).as(second.plan().toText()).isEqualTo(ReconcileResult.Outcome.CONVERGED);
        }
    }
}
