package io.gitops4j.kustomize.patch;

import static io.gitops4j.kustomize.fidelity.KubectlKustomize.object;
import static io.gitops4j.kustomize.fidelity.KubectlKustomize.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;
import org.junit.jupiter.api.Test;

class JsonPatchTest {
    private static final Provenance WHERE = Provenance.of("kustomization.yaml", 0, 1);
    private static final String OBJECT = "{kind: ConfigMap, metadata: {name: c}, data: {a: '1'}, list: [x, y]}";

    private static ObjectNode apply(String operations) {
        return JsonPatch.apply(object(OBJECT), (ArrayNode) yaml(operations), WHERE);
    }

    @Test
    void addsToMapsAndListsWithAppendIndex() {
        ObjectNode result = apply("[{op: add, path: /data/b, value: '2'}, {op: add, path: /list/-, value: z},"
                + " {op: add, path: /list/0, value: w}]");

        assertThat(result.at("/data/b").asText()).isEqualTo("2");
        assertThat(result.at("/list").toString()).isEqualTo("[\"w\",\"x\",\"y\",\"z\"]");
    }

    @Test
    void removesReplacesMovesCopiesAndTests() {
        ObjectNode result = apply("[{op: test, path: /data/a, value: '1'}, {op: copy, from: /data/a, path: /data/c},"
                + " {op: move, from: /list/1, path: /list/0}, {op: replace, path: /data/a, value: '9'},"
                + " {op: remove, path: /metadata}]");

        assertThat(result.toString()).isEqualTo(
                "{\"kind\":\"ConfigMap\",\"data\":{\"a\":\"9\",\"c\":\"1\"},\"list\":[\"y\",\"x\"]}");
    }

    @Test
    void unescapesPointerTokens() {
        ObjectNode result = apply("[{op: add, path: /data/a~1b~0c, value: v}]");

        assertThat(result.at("/data").has("a/b~c")).isTrue();
    }

    @Test
    void testComparesNumbersByValue() {
        assertThat(JsonPatch.apply(object("{n: 1}"), (ArrayNode) yaml("[{op: test, path: /n, value: 1.0}]"), WHERE)
                .get("n").asInt()).isEqualTo(1);
    }

    @Test
    void leavesTheTargetUnchanged() {
        ObjectNode target = object(OBJECT);

        JsonPatch.apply(target, (ArrayNode) yaml("[{op: remove, path: /data}]"), WHERE);

        assertThat(target).isEqualTo(object(OBJECT));
    }

    @Test
    void namesTheOperationIndexOpAndPathOnErrors() {
        assertThatThrownBy(() -> apply("[{op: add, path: /data/b, value: x}, {op: remove, path: /data/zz}]"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("kustomization.yaml")
                .hasMessageContaining("JSON patch operation 1 (remove /data/zz): 'zz' does not exist");
        assertThatThrownBy(() -> apply("[{op: test, path: /data/a, value: '2'}]"))
                .hasMessageContaining("operation 0 (test /data/a): test failed");
        assertThatThrownBy(() -> apply("[{op: add, path: /list/5, value: a}]"))
                .hasMessageContaining("index 5 is out of bounds");
        assertThatThrownBy(() -> apply("[{op: frob, path: /a}]")).hasMessageContaining("unknown op 'frob'");
        assertThatThrownBy(() -> apply("[{op: add, path: /a}]")).hasMessageContaining("missing 'value'");
        assertThatThrownBy(() -> apply("[{op: add, path: a, value: 1}]"))
                .hasMessageContaining("must be empty or start with '/'");
        assertThatThrownBy(() -> apply("[{op: add, path: /a~2, value: 1}]")).hasMessageContaining("invalid escape");
        assertThatThrownBy(() -> apply("[{op: move, from: /data, path: /data/x}]"))
                .hasMessageContaining("into itself");
        assertThatThrownBy(() -> apply("[{op: add, path: /list/01, value: 1}]"))
                .hasMessageContaining("is not a list index");
    }

    @Test
    void tellsJsonPatchesFromStrategicMergePatches() {
        assertThat(JsonPatch.isJsonPatch(yaml("[{op: add, path: /a, value: 1}]"))).isTrue();
        assertThat(JsonPatch.isJsonPatch(yaml("{kind: Deployment}"))).isFalse();
    }
}
