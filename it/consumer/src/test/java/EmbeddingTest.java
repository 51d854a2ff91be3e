import static io.gitops4j.testkit.assertions.GitOpsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.git.GitCredentials;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.testkit.git.GitRepoFixture;
import io.gitops4j.testkit.git.GitServer;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's {@code Embedding} against a local repository and the embedded Kubernetes API, with and without a token. */
class EmbeddingTest {
    @TempDir
    Path temp;

    private EmbeddedKubernetesApi cluster;
    private GitRepoFixture repo;
    private Path kubeconfig;

    @BeforeEach
    void setUp() {
        cluster = EmbeddedKubernetesApi.builder().build().start();
        kubeconfig = cluster.writeKubeconfig(temp.resolve("kubeconfig"));
        repo = GitRepoFixture.create();
        repo.commit(ShopManifests.files());
    }

    @AfterEach
    void tearDown() {
        repo.close();
        cluster.close();
    }

    @Test
    void deploysFromARepositoryReadWithoutCredentials() {
        ReconcileResult result = Embedding.deploy(repo.fileUri(), kubeconfig, null);

        assertThat(result).succeeded();
        assertThat(cluster.get("v1", "ConfigMap", "shop", "settings")).isPresent();
    }

    @Test
    void deploysFromARepositoryServedOverHttpWithAToken() {
        GitServer server = repo.serveOverHttp(GitCredentials.Token.USER, "s3cret-token");

        ReconcileResult result = Embedding.deploy(server.uri(), kubeconfig, "s3cret-token");

        assertThat(result).succeeded();
        assertThat(cluster.get("v1", "ConfigMap", "shop", "settings")).isPresent();
    }
}
