package io.gitops4j.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.git.GitRef;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.testkit.git.GitRepoFixture;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's switches to a user's repository ({@code --repo}) and cluster ({@code --kubeconfig}): here a Git
 * fixture stands in for the repository and an embedded API, reached only through a kubeconfig file and with its
 * own simulated controller, for the cluster.
 */
class DemoOnRealThingsTest {

    @Test
    void readsTheGivenRepositoryAndAppliesThroughTheKubeconfig(@TempDir Path temp) {
        try (GitRepoFixture repo = GitRepoFixture.create();
             EmbeddedKubernetesApi api = EmbeddedKubernetesApi.builder().build().start();
             KubernetesClient client = new KubernetesClientBuilder()
                     .withConfig(Config.fromKubeconfig(api.kubeconfig())).build();
             SimulatedController controller = new SimulatedController(api, client)) {
            // given
            String head = repo.commit("main", "the app", DemoManifests.version("v2"));
            controller.start();
            Path kubeconfig = api.writeKubeconfig(temp.resolve("kubeconfig.yaml"));
            StringWriter out = new StringWriter();

            // when
            DemoReport report = Demo.builder().out(new PrintWriter(out))
                    .repository(repo.fileUri(), GitRef.branch("main"), DemoManifests.REPOSITORY_FOLDER)
                    .kubeconfig(kubeconfig, null).build().run();

            // then
            assertThat(report.steps()).extracting(step -> step.result().outcome())
                    .containsExactly(Outcome.APPLIED, Outcome.CONVERGED, Outcome.APPLIED, Outcome.CONVERGED);
            assertThat(report.steps()).allSatisfy(step ->
                    assertThat(step.result().revision().orElseThrow().id()).isEqualTo(head));
            assertThat(report.target()).startsWith("cluster http://127.0.0.1:");
            assertThat(out.toString()).contains("the demo never writes to your repository")
                    .doesNotContain("SIMULATED");
            assertThat(repo.head("main")).isEqualTo(head);
        }
    }
}
