package io.gitops4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceTest {
    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode secret() throws Exception {
        return (ObjectNode) json.readTree("""
                {"apiVersion": "v1", "kind": "Secret",
                 "metadata": {"name": "db", "namespace": "shop", "labels": {"app": "db"}},
                 "data": {"password": "c3VwZXJzZWNyZXQ="}}""");
    }

    @Test
    void bodyIsCopiedInAndOut() throws Exception {
        ObjectNode body = secret();
        Resource resource = Resource.of(body);

        body.put("kind", "ConfigMap");
        resource.body().put("kind", "ConfigMap");

        assertThat(resource.kind()).isEqualTo("Secret");
        assertThat(resource.tree().get("kind").asText()).isEqualTo("Secret");
    }

    @Test
    void toStringNeverShowsTheBody() throws Exception {
        Resource resource = Resource.of(secret());

        assertThat(resource.toString()).isEqualTo("Secret/shop/db").doesNotContain("c3VwZXJzZWNyZXQ=");
    }

    @Test
    void equalityIsByKeyAndCanonicalContent() throws Exception {
        Resource a = Resource.of(json.readTree("{\"apiVersion\":\"v1\",\"kind\":\"X\",\"metadata\":{\"name\":\"a\"},\"n\":1}"));
        Resource b = Resource.of(json.readTree("{\"n\":1.0,\"kind\":\"X\",\"metadata\":{\"name\":\"a\"},\"apiVersion\":\"v1\"}"),
                Provenance.of("b.json", 0, 1));
        Resource c = Resource.of(json.readTree("{\"apiVersion\":\"v1\",\"kind\":\"X\",\"metadata\":{\"name\":\"a\"},\"n\":2}"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    }

    @Test
    void withNamespaceMovesKeyAndBody() throws Exception {
        Resource resource = Resource.of(json.readTree("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"}}"));

        Resource moved = resource.withNamespace("shop");

        assertThat(moved.key()).isEqualTo(ResourceKey.of("", "ConfigMap", "shop", "a"));
        assertThat(moved.tree().at("/metadata/namespace").asText()).isEqualTo("shop");
        assertThat(resource.key().namespace()).isEmpty();
    }

    @Test
    void readsLabelsAnnotationsAndVersion() throws Exception {
        Resource resource = Resource.of(secret());

        assertThat(resource.labels()).containsExactly(java.util.Map.entry("app", "db"));
        assertThat(resource.annotation("none")).isEmpty();
        assertThat(resource.version()).isEqualTo("v1");
        assertThat(resource.resourceVersion()).isEmpty();
    }

    @Test
    void desiredStateDigestDoesNotDependOnInputOrder() throws Exception {
        Resource a = Resource.of(secret());
        Resource b = Resource.of(json.readTree("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"}}"));

        assertThat(DesiredState.of("r", List.of(a, b)).revision())
                .isEqualTo(DesiredState.of("r", List.of(b, a)).revision());
        assertThatThrownBy(() -> DesiredState.of("r", List.of(a, a)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate resource Secret/shop/db");
    }

    @Test
    void rejectsBodiesWithoutIdentity() throws Exception {
        assertThatThrownBy(() -> Resource.of(json.readTree("{\"apiVersion\":\"v1\",\"kind\":\"X\",\"metadata\":{}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata.name");
        assertThatThrownBy(() -> Resource.of(json.readTree("[]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("object");
    }

    @Test
    void rejectsANamespaceThatIsNotAString() {
        assertThatThrownBy(() -> Resource.of(json.readTree(
                "{\"apiVersion\":\"v1\",\"kind\":\"X\",\"metadata\":{\"name\":\"x\",\"namespace\":[\"kube-system\"]}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'metadata.namespace' must be a string");
    }
}
