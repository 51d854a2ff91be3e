package io.gitops4j.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the target suite against the embedded API with {@link KubernetesTarget.Builder#watchCache(boolean)} on. */
class WatchCachedKubernetesTargetTest extends KubernetesTargetContract {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster();

    @AfterEach
    void closeTarget() {
        target.close();
    }

    @Override
    protected KubernetesClient client() {
        return CLUSTER.client();
    }

    @Override
    protected KubernetesTarget.Builder targetBuilder() {
        return super.targetBuilder().watchCache(true);
    }
}
