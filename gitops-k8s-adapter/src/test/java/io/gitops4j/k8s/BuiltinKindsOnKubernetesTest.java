package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.kinds.BuiltinKinds;
import io.gitops4j.kinds.KindInfo;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApiExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Kubernetes target, which learns scopes from discovery, places every built-in kind as the table does. */
class BuiltinKindsOnKubernetesTest {

    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension();

    @Test
    void everyBuiltinKindResolvesToTheScopeTheTableGivesIt() {
        Config config = Config.fromKubeconfig(k8s.api().kubeconfig());
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
                KubernetesTarget target = KubernetesTarget.builder().client(client).defaultNamespace("shop").build()) {
            for (KindInfo info : BuiltinKinds.all()) {
                ResourceKey resolved = target.resolve(new ResourceKey(info.group(), info.kind(), "", "x"));

                assertThat(resolved.namespace()).as("namespace of %s", info).isEqualTo(info.namespaced() ? "shop" : "");
            }
        }
    }
}
