package io.gitops4j.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.model.Resource;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.Target;
import io.gitops4j.testkit.contract.TargetContract;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The testkit's target SPI contract, kept by {@link KubernetesTarget} on the embedded API. */
class KubernetesTargetSpiContractTest extends TargetContract {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedKubernetesApi api;
    private static KubernetesClient client;
    private String namespace = "contract";

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

    @Override
    protected Target newTarget() {
        namespace = "contract-" + COUNTER.incrementAndGet();
        KubernetesTarget target = configured(KubernetesTarget.builder().client(client).defaultNamespace(namespace))
                .build();
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
