package io.gitops4j.k8s;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the target suite against a real cluster named by the kubeconfig in {@code GITOPS4J_IT_KUBECONFIG}; skipped
 * when that variable is not set. Every test works in a namespace {@code gitops4j-test-*} it creates and deletes.
 */
class RealClusterKubernetesTargetTest extends KubernetesTargetContract {
    private static final String VARIABLE = "GITOPS4J_IT_KUBECONFIG";
    private static KubernetesClient client;

    @BeforeAll
    static void connect() {
        String kubeconfig = System.getenv(VARIABLE);
        if (kubeconfig == null || kubeconfig.isBlank()) {
            return;
        }
        try {
            client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(
                    Files.readString(Path.of(kubeconfig)))).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + VARIABLE + "=" + kubeconfig, e);
        }
    }

    @AfterAll
    static void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    protected KubernetesClient client() {
        assumeTrue(client != null,
                "skipped: set " + VARIABLE + " to a kubeconfig to run the Kubernetes target suite against a real cluster");
        return client;
    }
}
