package io.gitops4j.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The lines of the fields that identify a resource ({@code apiVersion}, {@code kind}, {@code metadata} and its
 * {@code name}, {@code namespace}, {@code generateName}), recorded while a document's tree is built, so that an
 * error about one of them names its own line. Keyed by the identity of the mapping that holds the field. One
 * instance per document; not thread-safe.
 */
final class FieldLines {
    private static final Set<String> RECORDED = Set.of("apiVersion", "kind", "metadata", "name", "namespace",
            "generateName");

    private final Map<JsonNode, Map<String, Integer>> lines = new IdentityHashMap<>();

    /** Remembers that {@code field} of {@code object} is written on {@code line} (when it is a recorded field). */
    void record(ObjectNode object, String field, int line) {
        if (line > 0 && RECORDED.contains(field)) {
            lines.computeIfAbsent(object, o -> new HashMap<>(4)).put(field, line);
        }
    }

    /** Returns the line of {@code field} of {@code object}, or {@code fallback} when not recorded. */
    int lineOf(JsonNode object, String field, int fallback) {
        Map<String, Integer> fields = lines.get(object);
        Integer line = fields == null ? null : fields.get(field);
        return line == null ? fallback : line;
    }
}
