package io.gitops4j.k8s;

/** The testkit's target SPI contract, kept by {@link KubernetesTarget} with its watch cache on. */
class WatchCachedTargetSpiContractTest extends KubernetesTargetSpiContractTest {
    @Override
    protected KubernetesTarget.Builder configured(KubernetesTarget.Builder builder) {
        return builder.watchCache(true);
    }
}
