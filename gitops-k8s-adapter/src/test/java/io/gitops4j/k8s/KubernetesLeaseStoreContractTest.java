package io.gitops4j.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.cluster.LeaseStore;
import io.gitops4j.testkit.contract.LeaseStoreContract;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApiExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The testkit's lease store contract, kept by {@link KubernetesLeaseStore} with real Lease objects in
 * {@code gitops4j-system} of a fresh embedded API per case (so the embedded API's optimistic concurrency on Leases
 * is checked too, concurrent updates included).
 */
class KubernetesLeaseStoreContractTest extends LeaseStoreContract {
    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension();

    private final List<KubernetesClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(KubernetesClient::close);
    }

    @Override
    protected LeaseStore newStore() {
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(k8s.api().kubeconfig())).build();
        clients.add(client);
        return KubernetesLeaseStore.of(client);
    }
}
