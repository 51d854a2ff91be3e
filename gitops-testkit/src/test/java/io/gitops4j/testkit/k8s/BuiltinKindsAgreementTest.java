package io.gitops4j.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.kinds.BuiltinKinds;
import io.gitops4j.kinds.KindInfo;
import io.gitops4j.ManifestException;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.testkit.InMemoryTarget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded API server, the in-memory target and the manifest loader all follow {@link BuiltinKinds}. */
class BuiltinKindsAgreementTest {

    private KubeHttp http;

    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension();

    @BeforeEach
    void connect() {
        http = new KubeHttp(k8s.api().url());
    }

    private JsonNode discovered(KindInfo info, String name) {
        String path = info.group().isEmpty() ? "/api/" + info.apiVersion() : "/apis/" + info.apiVersion();
        for (JsonNode resource : http.get(path).body().path("resources")) {
            if (resource.path("name").asText().equals(name)) {
                return resource;
            }
        }
        return null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    @Test
    void discoveryServesEveryBuiltinKindAsTheTableDescribesIt() {
        for (KindInfo info : BuiltinKinds.all()) {
            JsonNode resource = discovered(info, info.plural());

            assertThat(resource).as("%s is served", info).isNotNull();
            assertThat(resource.path("kind").asText()).isEqualTo(info.kind());
            assertThat(resource.path("namespaced").asBoolean()).as("scope of %s", info).isEqualTo(info.namespaced());
            assertThat(texts(resource.path("shortNames"))).as("short names of %s", info)
                    .isEqualTo(info.shortNames());
            assertThat(texts(resource.path("categories"))).as("categories of %s", info)
                    .isEqualTo(info.categories());
            assertThat(discovered(info, info.plural() + "/status") != null).as("status subresource of %s", info)
                    .isEqualTo(info.statusSubresource());
        }
    }

    @Test
    void clusterScopedKindsAreClusterScopedForTheLoaderTheEmbeddedApiAndTheInMemoryTargetAlike() {
        InMemoryTarget target = InMemoryTarget.create();
        ManifestLoader loader = ManifestLoader.defaults();
        for (String groupKind : List.of("/Namespace", "/PersistentVolume", "rbac.authorization.k8s.io/ClusterRole",
                "storage.k8s.io/StorageClass", "node.k8s.io/RuntimeClass", "storage.k8s.io/CSIDriver",
                "flowcontrol.apiserver.k8s.io/FlowSchema", "certificates.k8s.io/CertificateSigningRequest")) {
            int slash = groupKind.indexOf('/');
            KindInfo info = BuiltinKinds.find(groupKind.substring(0, slash), groupKind.substring(slash + 1))
                    .orElseThrow();
            byte[] manifest = ("apiVersion: " + info.apiVersion() + "\nkind: " + info.kind()
                    + "\nmetadata:\n  name: x\n  namespace: shop\n").getBytes(StandardCharsets.UTF_8);

            assertThat(discovered(info, info.plural()).path("namespaced").asBoolean()).as(groupKind).isFalse();
            assertThat(target.resolve(new ResourceKey(info.group(), info.kind(), "", "x")).namespace())
                    .as(groupKind).isEmpty();
            assertThatThrownBy(() -> loader.parse("k.yaml", manifest)).as(groupKind)
                    .isInstanceOf(ManifestException.class).hasMessageContaining("cluster-scoped");
        }
    }

    @Test
    void theInMemoryTargetPlacesEveryBuiltinKindAsTheTableSays() {
        InMemoryTarget target = InMemoryTarget.builder().defaultNamespace("shop").build();
        for (KindInfo info : BuiltinKinds.all()) {
            ResourceKey placed = target.resolve(new ResourceKey(info.group(), info.kind(), "", "x"));

            assertThat(placed.namespace()).as("namespace of %s", info).isEqualTo(info.namespaced() ? "shop" : "");
        }
    }
}
