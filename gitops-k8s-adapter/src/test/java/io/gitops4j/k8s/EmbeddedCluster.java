package io.gitops4j.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded Kubernetes API and a fabric8 client connected to it, for the adapter's tests. Registered on a static
 * field with {@code @RegisterExtension} it serves every test of the class; on an instance field each test gets a
 * fresh server. Closed after the class or the test.
 */
final class EmbeddedCluster implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private boolean perClass;
    private EmbeddedKubernetesApi api;
    private KubernetesClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    /** The running server. */
    EmbeddedKubernetesApi api() {
        return running(api);
    }

    /** A client of the running server. */
    KubernetesClient client() {
        return running(client);
    }

    private void start() {
        api = EmbeddedKubernetesApi.builder().build().start();
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(api.kubeconfig())).build();
    }

    private void stop() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (api != null) {
            api.close();
            api = null;
        }
    }

    private static <T> T running(T value) {
        if (value == null) {
            throw new IllegalStateException("no embedded cluster outside a test: register EmbeddedCluster with"
                    + " @RegisterExtension and use it from a test or a @BeforeEach method");
        }
        return value;
    }
}
