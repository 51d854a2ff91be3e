import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.git.GitRef;
import io.gitops4j.git.GitSource;
import io.gitops4j.testkit.git.GitRepoFixture;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** README's {@code ShopFleet}: two replicas on one cluster agree on one owner of the application. */
class ShopFleetTest {
    @Test
    void twoReplicasAgreeOnOneOwner() throws Exception {
        try (EmbeddedKubernetesApi cluster = EmbeddedKubernetesApi.builder().build().start();
             GitRepoFixture repo = GitRepoFixture.create()) {
            repo.commit(ShopManifests.files());
            try (KubernetesClient client = new KubernetesClientBuilder()
                         .withConfig(Config.fromKubeconfig(cluster.kubeconfig())).build();
                 GitSource source = GitSource.builder().uri(repo.fileUri()).ref(GitRef.branch("main"))
                         .path("deploy/production").build();
                 ShopFleet a = new ShopFleet("replica-a", client, Map.of("shop", source));
                 ShopFleet b = new ShopFleet("replica-b", client, Map.of("shop", source))) {
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (a.fleet().owners().get("shop") == null && System.nanoTime() < deadline) {
                    Thread.sleep(100); // waiting for the replicas' first lease round, in real time
                }
                String owner = a.fleet().owners().get("shop");
                assertThat(owner).isIn("replica-a", "replica-b");
                assertThat(a.fleet().owned().size() + b.fleet().owned().size()).isLessThanOrEqualTo(1);
            }
        }
    }
}
