package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.target.DeleteOutcome;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApiExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Kubernetes target honours the same prune protections as the engine, Flux's and Argo CD's included. */
class PruneProtectionOnKubernetesTest {

    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension(b -> b.namespaces("shop"));

    private static String configMap(String name, String annotation) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                  namespace: shop
                  annotations:
                    %s
                data:
                  a: b
                """.formatted(name, annotation);
    }

    @Test
    void neverDeletesAnObjectProtectedByAFluxOrArgoCdAnnotation() {
        Config config = Config.fromKubeconfig(k8s.api().kubeconfig());
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
                KubernetesTarget target = KubernetesTarget.builder().client(client).build()) {
            for (String manifest : List.of(configMap("flux", "kustomize.toolkit.fluxcd.io/prune: Disabled"),
                    configMap("argo", "argocd.argoproj.io/sync-options: 'ServerSideApply=true, Prune=false'"),
                    configMap("ours", "gitops4j.io/prune: ' disabled '"))) {
                var resource = ManifestLoader.defaults().parse("cm.yaml", manifest.getBytes(StandardCharsets.UTF_8))
                        .get(0);
                ResourceKey key = target.apply(resource, ApplyOptions.DEFAULT).key();

                var result = target.delete(key, DeleteOptions.DEFAULT);

                assertThat(result.outcome()).as(key.name()).isEqualTo(DeleteOutcome.NOT_FOUND);
                assertThat(target.observe(List.of(key)).contains(key)).as(key.name()).isTrue();
            }
        }
    }
}
