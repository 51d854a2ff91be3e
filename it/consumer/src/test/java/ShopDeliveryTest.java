import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.git.GitRef;
import io.gitops4j.git.GitSource;
import io.gitops4j.k8s.KubernetesTarget;
import io.gitops4j.testkit.git.GitRepoFixture;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's {@code ShopDelivery}: the controller runs the application, takes a webhook trigger and closes. */
class ShopDeliveryTest {
    @TempDir
    Path temp;

    @Test
    void runsTheApplicationAndReportsItsStatus() {
        try (EmbeddedKubernetesApi cluster = EmbeddedKubernetesApi.builder().build().start();
             GitRepoFixture repo = GitRepoFixture.create()) {
            repo.commit(ShopManifests.files());
            try (GitSource source = GitSource.builder().uri(repo.fileUri()).ref(GitRef.branch("main"))
                         .path("deploy/production").build();
                 KubernetesTarget target = KubernetesTarget.builder()
                         .kubeconfig(cluster.writeKubeconfig(temp.resolve("kubeconfig")))
                         .defaultNamespace("shop").build();
                 ShopDelivery delivery = new ShopDelivery(source, target)) {
                delivery.onPush();

                assertThat(delivery.status().application()).isEqualTo("shop");
                assertThat(delivery.status().suspended()).isFalse();
            }
        }
    }
}
