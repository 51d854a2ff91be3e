package io.gitops4j.k8s.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Removes the fields a server-side apply conflict names from the object to apply, so that their other managers keep
 * them (Flux's {@code ssa: Merge}). Paths are the API server's: {@code .spec.replicas},
 * {@code .spec.template.spec.containers[name="app"].image}, {@code .metadata.finalizers[="x"]}. Stateless.
 */
final class ConflictingFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConflictingFields() {
    }

    /**
     * Returns a copy of {@code body} without the fields at {@code paths}, or empty when a path cannot be read or
     * addresses nothing in it (then nothing can be left to the other manager).
     */
    static Optional<ObjectNode> without(ObjectNode body, List<String> paths) {
        ObjectNode copy = body.deepCopy();
        for (String path : paths) {
            if (!remove(copy, path)) {
                return Optional.empty();
            }
        }
        return Optional.of(copy);
    }

    private static boolean remove(ObjectNode root, String path) {
        List<String> elements = elements(path);
        if (elements.isEmpty()) {
            return false;
        }
        JsonNode parent = root;
        for (int i = 0; i < elements.size() - 1 && parent != null; i++) {
            parent = step(parent, elements.get(i));
        }
        String last = elements.get(elements.size() - 1);
        if (parent instanceof ObjectNode object && last.startsWith(".")) {
            return object.remove(last.substring(1)) != null;
        }
        if (parent instanceof ArrayNode array && last.startsWith("[")) {
            int index = indexOf(array, last);
            if (index >= 0) {
                array.remove(index);
                return true;
            }
        }
        return false;
    }

    /** Splits {@code .a.b[k="v"].c} into {@code .a}, {@code .b}, {@code [k="v"]}, {@code .c}; empty when malformed. */
    private static List<String> elements(String path) {
        List<String> elements = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            int end;
            if (c == '.') {
                end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
            } else if (c == '[') {
                end = closing(path, i);
                if (end < 0) {
                    return List.of();
                }
                end++;
            } else {
                return List.of();
            }
            elements.add(path.substring(i, end));
            i = end;
        }
        return elements;
    }

    /** The index of the {@code ]} closing the selector at {@code start}, skipping quoted strings. */
    private static int closing(String path, int start) {
        boolean quoted = false;
        for (int i = start + 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ']' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode step(JsonNode node, String element) {
        if (element.startsWith(".")) {
            return node.isObject() ? node.get(element.substring(1)) : null;
        }
        int index = node instanceof ArrayNode array ? indexOf(array, element) : -1;
        return index < 0 ? null : node.get(index);
    }

    /** Finds the list item a {@code [k="v",...]} key or {@code [=value]} set selector names. */
    private static int indexOf(ArrayNode array, String selector) {
        String inner = selector.substring(1, selector.length() - 1);
        try {
            if (inner.startsWith("=")) {
                JsonNode value = JSON.readTree(inner.substring(1));
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i).equals(value)) {
                        return i;
                    }
                }
                return -1;
            }
            Map<String, JsonNode> key = keyOf(inner);
            for (int i = 0; i < array.size(); i++) {
                if (matches(array.get(i), key)) {
                    return i;
                }
            }
            return -1;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return -1;
        }
    }

    /** Reads {@code name="app",port=80} as field → JSON value. */
    private static Map<String, JsonNode> keyOf(String inner) throws JsonProcessingException {
        Map<String, JsonNode> key = new LinkedHashMap<>();
        for (String part : splitTopLevel(inner)) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("not a key selector: " + inner);
            }
            key.put(part.substring(0, equals), JSON.readTree(part.substring(equals + 1)));
        }
        return key;
    }

    private static List<String> splitTopLevel(String inner) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                parts.add(inner.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(inner.substring(from));
        return parts;
    }

    private static boolean matches(JsonNode item, Map<String, JsonNode> key) {
        return item.isObject() && key.entrySet().stream().allMatch(e -> e.getValue().equals(item.get(e.getKey())));
    }
}
