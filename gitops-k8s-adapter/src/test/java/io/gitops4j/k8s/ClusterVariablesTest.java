package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.SourceException;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.Resource;
import io.gitops4j.render.Substitution;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApiExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClusterVariablesTest {
    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension();

    @Test
    void variablesComeFromAConfigMapAndASecretAndAMissingOptionalOneGivesNone() {
        try (KubernetesClient client = client()) {
            // given
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("vars").endMetadata()
                    .build()).create();
            client.configMaps().inNamespace("vars").resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("cluster").endMetadata().withData(Map.of("ENV", "prod", "REGION", "eu")).build())
                    .create();
            client.secrets().inNamespace("vars").resource(new SecretBuilder().withNewMetadata().withName("creds")
                    .endMetadata().withData(Map.of("TOKEN", Base64.getEncoder().encodeToString(
                            "t0ken".getBytes(StandardCharsets.UTF_8)))).build()).create();
            Substitution substitution = Substitution.builder()
                    .from(ClusterVariables.configMap(client, "vars", "cluster"))
                    .from(ClusterVariables.secret(client, "vars", "creds"))
                    .from(ClusterVariables.configMap(client, "vars", "absent").optional())
                    .variable("REGION", "us").build();
            Resource resource = ManifestLoader.defaults().parse("a.yaml", ("apiVersion: v1\nkind: ConfigMap\n"
                    + "metadata:\n  name: app-${ENV}\ndata:\n  region: ${REGION}\n  token: ${TOKEN}\n")
                    .getBytes(StandardCharsets.UTF_8)).get(0);

            // when
            Resource out = substitution.apply(List.of(resource), ManifestLoader.defaults()).get(0);

            // then
            assertThat(out.key().name()).isEqualTo("app-prod");
            assertThat(out.tree().at("/data/region").asText()).isEqualTo("us");
            assertThat(out.tree().at("/data/token").asText()).isEqualTo("t0ken");
        }
    }

    @Test
    void aMissingRequiredSourceIsAClearError() {
        try (KubernetesClient client = client()) {
            assertThatThrownBy(() -> ClusterVariables.secret(client, "vars", "nope").variables())
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("Secret vars/nope, named for variable substitution, does not exist");
        }
    }

    private KubernetesClient client() {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(k8s.api().kubeconfig())).build();
    }
}
