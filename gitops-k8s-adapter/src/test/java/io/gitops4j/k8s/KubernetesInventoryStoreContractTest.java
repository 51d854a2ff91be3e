package io.gitops4j.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.inventory.InventoryStore;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.testkit.contract.InventoryStoreContract;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The testkit's inventory store contract, kept by {@link KubernetesInventoryStore} on the embedded API. */
class KubernetesInventoryStoreContractTest extends InventoryStoreContract {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedKubernetesApi api;
    private static KubernetesClient client;
    private static KubernetesTarget target;

    @BeforeAll
    static void startApi() {
        api = EmbeddedKubernetesApi.builder().build().start();
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(api.kubeconfig())).build();
        target = KubernetesTarget.builder().client(client).build();
    }

    @AfterAll
    static void stopApi() {
        client.close();
        api.close();
    }

    @Override
    protected InventoryStore newStore() {
        String namespace = "inventories-" + COUNTER.incrementAndGet();
        target.apply(Manifests.namespace(namespace), ApplyOptions.DEFAULT);
        return new KubernetesInventoryStore(client, namespace);
    }
}
