package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.kustomize.fidelity.KubectlKustomize;
import io.gitops4j.render.RenderSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a folder both ways, natively and with the real {@code kubectl kustomize}, as canonical JSON texts (keys
 * sorted) in output order, so a fidelity test compares objects, values and order.
 */
final class KustomizeOracle {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private KustomizeOracle() {
    }

    /** Renders {@code folder} of the tree at {@code root} natively. */
    static List<String> nativeRender(Path root, String folder) {
        List<String> result = new ArrayList<>();
        for (ObjectNode body : TestTrees.render(root, folder, RenderSettings.defaults())) {
            result.add(canonical(body));
        }
        return result;
    }

    /** Renders a folder with {@code kubectl kustomize}; the only entry starts with {@code ERROR:} when it fails. */
    static List<String> kubectl(Path folder) {
        List<String> result = new ArrayList<>();
        for (JsonNode document : KubectlKustomize.build(folder, Map.of())) {
            result.add(document.isTextual() ? document.asText() : canonical(document));
        }
        return result;
    }

    /** Returns a tree as JSON with sorted keys; numbers compare by value. */
    static String canonical(JsonNode node) {
        try {
            return JSON.writeValueAsString(JSON.convertValue(node, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
