package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.kinds.BuiltinKinds;
import io.gitops4j.kinds.KindInfo;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Kubernetes target, which learns scopes from discovery, places every built-in kind as the table does. */
class BuiltinKindsOnKubernetesTest {
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

    @Test
    void everyBuiltinKindResolvesToTheScopeTheTableGivesIt() {
        try (KubernetesTarget target = KubernetesTarget.builder().client(client).defaultNamespace("shop").build()) {
            for (KindInfo info : BuiltinKinds.all()) {
                ResourceKey resolved = target.resolve(new ResourceKey(info.group(), info.kind(), "", "x"));

                assertThat(resolved.namespace()).as("namespace of %s", info).isEqualTo(info.namespaced() ? "shop" : "");
            }
        }
    }
}
