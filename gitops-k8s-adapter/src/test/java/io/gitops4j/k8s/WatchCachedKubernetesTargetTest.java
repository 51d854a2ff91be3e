package io.gitops4j.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Runs the target suite against the embedded API with {@link KubernetesTarget.Builder#watchCache(boolean)} on. */
class WatchCachedKubernetesTargetTest extends KubernetesTargetContract {
    private static EmbeddedKubernetesApi api;
    private static KubernetesClient client;

    @BeforeAll
    static void startApi() {
        api = EmbeddedKubernetesApi.builder().build().start();
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(api.kubeconfig())).build();
    }

    @AfterAll
    static void stopApi() {
        client.close();
        api.close();
    }

    @AfterEach
    void closeTarget() {
        target.close();
    }

    @Override
    protected KubernetesClient client() {
        return client;
    }

    @Override
    protected KubernetesTarget.Builder targetBuilder() {
        return super.targetBuilder().watchCache(true);
    }
}
