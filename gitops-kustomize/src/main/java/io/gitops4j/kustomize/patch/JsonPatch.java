package io.gitops4j.kustomize.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Applies an RFC 6902 JSON patch ({@code add}, {@code remove}, {@code replace}, {@code move}, {@code copy},
 * {@code test}) with RFC 6901 pointers ({@code ~1} is {@code /}, {@code ~0} is {@code ~}, {@code -} appends to a
 * list), as Kustomize's {@code patchesJson6902} and {@code patches} do. Stateless and thread-safe.
 */
public final class JsonPatch {
    private static final Set<String> OPS = Set.of("add", "remove", "replace", "move", "copy", "test");
    private static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonPatch() {
    }

    /**
     * Returns {@code target} with the operations applied in order; {@code target} is not modified.
     *
     * @param target the object to patch
     * @param operations the patch: an array of operation objects
     * @param where where the patch was declared, for errors
     * @return the patched copy
     * @throws io.gitops4j.ManifestException when an operation is malformed, a path does not exist or a {@code test}
     *     fails, naming {@code where}, the operation's index and its path
     */
    public static ObjectNode apply(ObjectNode target, ArrayNode operations, Provenance where) {
        JsonNode document = target.deepCopy();
        for (int i = 0; i < operations.size(); i++) {
            document = applyOne(document, operations.get(i), i, where);
        }
        if (!document.isObject()) {
            throw new ManifestException(where, "JSON patch: the result is a " + document.getNodeType()
                    .toString().toLowerCase(java.util.Locale.ROOT) + ", not an object");
        }
        return (ObjectNode) document;
    }

    /**
     * Tells whether a parsed patch document is a JSON 6902 patch (an array of operations) rather than a strategic
     * merge patch (an object), as Kustomize's {@code patches} field decides.
     *
     * @param document the parsed patch
     * @return {@code true} for a JSON 6902 patch
     */
    public static boolean isJsonPatch(JsonNode document) {
        return document.isArray();
    }

    private static JsonNode applyOne(JsonNode document, JsonNode operation, int index, Provenance where) {
        if (!operation.isObject()) {
            throw new ManifestException(where, "JSON patch operation " + index + " is not a map");
        }
        String op = operation.path("op").asText("");
        String path = text(operation, "path", index, op, where);
        String context = "JSON patch operation " + index + " (" + op + " " + path + ")";
        if (!OPS.contains(op)) {
            throw new ManifestException(where, context + ": unknown op '" + op
                    + "'; expected add, remove, replace, move, copy or test");
        }
        Pointer pointer = Pointer.parse(path, where, context);
        return switch (op) {
            case "add" -> pointer.add(document, value(operation, context, where), where, context);
            case "remove" -> {
                pointer.remove(document, where, context);
                yield document;
            }
            case "replace" -> {
                JsonNode value = value(operation, context, where);
                pointer.get(document, where, context);
                if (pointer.isRoot()) {
                    yield value;
                }
                yield pointer.replace(document, value, where, context);
            }
            case "move", "copy" -> {
                String from = text(operation, "from", index, op, where);
                Pointer source = Pointer.parse(from, where, context);
                if (op.equals("move") && source.isProperPrefixOf(pointer)) {
                    throw new ManifestException(where, context + ": cannot move '" + from + "' into itself");
                }
                JsonNode value = source.get(document, where, context + " from " + from).deepCopy();
                if (op.equals("move")) {
                    source.remove(document, where, context + " from " + from);
                }
                yield pointer.add(document, value, where, context);
            }
            default -> {
                JsonNode actual = pointer.get(document, where, context);
                if (!actual.equals(NUMERIC, value(operation, context, where))) {
                    throw new ManifestException(where, context + ": test failed, the value is not the expected one");
                }
                yield document;
            }
        };
    }

    private static String text(JsonNode operation, String field, int index, String op, Provenance where) {
        JsonNode value = operation.get(field);
        if (value == null || !value.isTextual()) {
            throw new ManifestException(where, "JSON patch operation " + index + " (" + op + "): missing '" + field
                    + "'");
        }
        return value.asText();
    }

    private static JsonNode value(JsonNode operation, String context, Provenance where) {
        if (!operation.has("value")) {
            throw new ManifestException(where, context + ": missing 'value'");
        }
        return operation.get("value").deepCopy();
    }

    /** An RFC 6901 pointer, as its unescaped tokens. */
    private record Pointer(List<String> tokens) {
        static Pointer parse(String text, Provenance where, String context) {
            if (text.isEmpty()) {
                return new Pointer(List.of());
            }
            if (!text.startsWith("/")) {
                throw new ManifestException(where, context + ": the path must be empty or start with '/'");
            }
            String[] raw = text.substring(1).split("/", -1);
            String[] tokens = new String[raw.length];
            for (int i = 0; i < raw.length; i++) {
                if (raw[i].matches(".*~([^01].*)?")) {
                    throw new ManifestException(where, context + ": invalid escape in '" + raw[i]
                            + "'; use ~0 for ~ and ~1 for /");
                }
                tokens[i] = raw[i].replace("~1", "/").replace("~0", "~");
            }
            return new Pointer(List.of(tokens));
        }

        boolean isRoot() {
            return tokens.isEmpty();
        }

        boolean isProperPrefixOf(Pointer other) {
            return tokens.size() < other.tokens.size() && other.tokens.subList(0, tokens.size()).equals(tokens);
        }

        JsonNode get(JsonNode document, Provenance where, String context) {
            JsonNode node = document;
            for (String token : tokens) {
                node = child(node, token, where, context);
            }
            return node;
        }

        JsonNode add(JsonNode document, JsonNode value, Provenance where, String context) {
            if (isRoot()) {
                return value;
            }
            JsonNode parent = parent(document, where, context);
            String last = last();
            if (parent.isObject()) {
                ((ObjectNode) parent).set(last, value);
            } else if (parent.isArray()) {
                ArrayNode list = (ArrayNode) parent;
                int at = last.equals("-") ? list.size() : index(last, list.size(), where, context);
                list.insert(at, value);
            } else {
                throw new ManifestException(where, context + ": the parent is a scalar");
            }
            return document;
        }

        JsonNode replace(JsonNode document, JsonNode value, Provenance where, String context) {
            JsonNode parent = parent(document, where, context);
            child(parent, last(), where, context);
            if (parent.isObject()) {
                ((ObjectNode) parent).set(last(), value);
            } else {
                ((ArrayNode) parent).set(Integer.parseInt(last()), value);
            }
            return document;
        }

        void remove(JsonNode document, Provenance where, String context) {
            if (isRoot()) {
                throw new ManifestException(where, context + ": cannot remove the whole document");
            }
            JsonNode parent = parent(document, where, context);
            child(parent, last(), where, context);
            if (parent.isObject()) {
                ((ObjectNode) parent).remove(last());
            } else {
                ((ArrayNode) parent).remove(Integer.parseInt(last()));
            }
        }

        private JsonNode parent(JsonNode document, Provenance where, String context) {
            return new Pointer(tokens.subList(0, tokens.size() - 1)).get(document, where, context);
        }

        private String last() {
            return tokens.get(tokens.size() - 1);
        }

        private static JsonNode child(JsonNode node, String token, Provenance where, String context) {
            JsonNode child = null;
            if (node.isObject()) {
                child = node.get(token);
            } else if (node.isArray() && !token.equals("-")) {
                int at = index(token, node.size() - 1, where, context);
                child = node.get(at);
            }
            if (child == null) {
                throw new ManifestException(where, context + ": '" + token + "' does not exist");
            }
            return child;
        }

        private static int index(String token, int max, Provenance where, String context) {
            if (!token.matches("0|[1-9][0-9]{0,8}")) {
                throw new ManifestException(where, context + ": '" + token + "' is not a list index");
            }
            int at = Integer.parseInt(token);
            if (at > max) {
                throw new ManifestException(where, context + ": index " + at + " is out of bounds");
            }
            return at;
        }
    }
}
