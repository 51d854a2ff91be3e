package io.gitops4j.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.inventory.HistoryStore;
import io.gitops4j.testkit.contract.HistoryStoreContract;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApiExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The testkit's history store contract, kept by {@link KubernetesHistoryStore} in the default inventory namespace
 * of a fresh embedded API per case.
 */
class KubernetesHistoryStoreContractTest extends HistoryStoreContract {
    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension();

    private final List<KubernetesClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(KubernetesClient::close);
    }

    @Override
    protected HistoryStore newStore(int limit) {
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(k8s.api().kubeconfig())).build();
        clients.add(client);
        return new KubernetesHistoryStore(client, KubernetesTarget.DEFAULT_INVENTORY_NAMESPACE, limit);
    }
}
