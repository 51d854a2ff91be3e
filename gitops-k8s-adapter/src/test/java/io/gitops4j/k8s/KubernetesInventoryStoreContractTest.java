package io.gitops4j.k8s;

import io.gitops4j.inventory.InventoryStore;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.testkit.contract.InventoryStoreContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit's inventory store contract, kept by {@link KubernetesInventoryStore} on the embedded API. */
class KubernetesInventoryStoreContractTest extends InventoryStoreContract {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster();

    private static KubernetesTarget target;

    @BeforeAll
    static void connect() {
        target = KubernetesTarget.builder().client(CLUSTER.client()).build();
    }

    @Override
    protected InventoryStore newStore() {
        String namespace = "inventories-" + COUNTER.incrementAndGet();
        target.apply(Manifests.namespace(namespace), ApplyOptions.DEFAULT);
        return new KubernetesInventoryStore(CLUSTER.client(), namespace);
    }
}
