package io.gitops4j.k8s;

import io.gitops4j.model.Resource;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.Target;
import io.gitops4j.testkit.contract.TargetContract;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit's target SPI contract, kept by {@link KubernetesTarget} on the embedded API. */
class KubernetesTargetSpiContractTest extends TargetContract {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster();

    private String namespace = "contract";

    @Override
    protected Target newTarget() {
        namespace = "contract-" + COUNTER.incrementAndGet();
        KubernetesTarget target = configured(KubernetesTarget.builder().client(CLUSTER.client())
                .defaultNamespace(namespace)).build();
        target.apply(Manifests.namespace(namespace), ApplyOptions.DEFAULT);
        return target;
    }

    /** Configures the target under test beyond its client and namespace; nothing more here. */
    protected KubernetesTarget.Builder configured(KubernetesTarget.Builder builder) {
        return builder;
    }

    @Override
    protected String namespace() {
        return namespace;
    }

    @Override
    protected Optional<Resource> invalidResource() {
        return Optional.of(Manifests.resource("""
                apiVersion: example.gitops4j.io/v1
                kind: Gadget
                metadata:
                  name: not-served
                """));
    }
}
