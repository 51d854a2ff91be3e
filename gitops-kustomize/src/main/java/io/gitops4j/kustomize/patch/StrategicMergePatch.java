package io.gitops4j.kustomize.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a Kubernetes strategic merge patch to an object, as Kustomize does: maps merge recursively, lists of
 * built-in kinds merge by their merge key ({@code containers} by {@code name}, a container's {@code ports} by
 * {@code containerPort}, a Service's {@code ports} by {@code port}, ...), other lists are replaced; {@code null}
 * deletes a field; {@code $patch: delete} removes a list item, a map or (at the top) the whole object,
 * {@code $patch: replace} replaces a map or (as a list item) the whole list.
 *
 * <p>Kustomize merges with its own YAML merger (kyaml), not the API server's, and this class follows it where the
 * two differ: merged list items come in the patch's order, followed by the target's other items; a custom resource
 * has no schema, so all its lists (even {@code metadata.finalizers}) are replaced; the API server directives
 * {@code $retainKeys}, {@code $setElementOrder/<field>} and {@code $deleteFromPrimitiveList/<field>} are not
 * interpreted and stay in the result as ordinary fields; the keys of every map of the result are sorted. Stateless
 * and thread-safe.
 */
public final class StrategicMergePatch {
    private static final String PATCH = "$patch";

    private StrategicMergePatch() {
    }

    /**
     * Returns {@code target} with {@code patch} applied; neither argument is modified.
     *
     * @param target the object to patch (a whole Kubernetes object, with apiVersion and kind)
     * @param patch the patch (an object of the same kind)
     * @param where where the patch was declared, for errors
     * @return the patched copy, or {@code null} when the patch deletes the whole object ({@code $patch: delete} at
     *     the top)
     * @throws io.gitops4j.ManifestException when the patch cannot apply (a map in the patch where the target has a
     *     scalar, an unknown {@code $patch} directive, ...), naming {@code where} and the field
     */
    public static ObjectNode apply(ObjectNode target, ObjectNode patch, Provenance where) {
        MergeSchema schema = MergeSchema.forKind(target.path("apiVersion").asText(""), target.path("kind").asText(""));
        JsonNode merged = new Merge(where).map(target, patch, schema, "");
        return merged == null ? null : (ObjectNode) sorted(merged);
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }

    /** One application of a patch: knows where it was declared, for errors. */
    private record Merge(Provenance where) {

        /** Merges a patch map into a target map (or into nothing); {@code null} means "delete". */
        JsonNode map(ObjectNode target, ObjectNode patch, MergeSchema schema, String path) {
            String directive = directive(patch, path);
            if (directive.equals("delete")) {
                return null;
            }
            ObjectNode result = directive.equals("replace") || target == null
                    ? JsonNodeFactory.instance.objectNode() : target.deepCopy();
            for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                if (name.equals(PATCH)) {
                    continue;
                }
                JsonNode merged = value(result.get(name), field.getValue(), schema, name, join(path, name));
                if (merged == null) {
                    result.remove(name);
                } else {
                    result.set(name, merged);
                }
            }
            return result;
        }

        private JsonNode value(JsonNode target, JsonNode patch, MergeSchema parent, String name, String path) {
            if (patch.isNull()) {
                return null;
            }
            JsonNode existing = target == null || target.isNull() ? null : target;
            if (patch.isObject()) {
                expectKind(existing, patch, path);
                return map((ObjectNode) existing, (ObjectNode) patch, parent.child(name), path);
            }
            if (patch.isArray()) {
                expectKind(existing, patch, path);
                return list((ArrayNode) existing, (ArrayNode) patch, parent, name, path);
            }
            expectKind(existing, patch, path);
            return patch.deepCopy();
        }

        private JsonNode list(ArrayNode target, ArrayNode patch, MergeSchema parent, String name, String path) {
            return switch (parent.listRule(name)) {
                case REPLACE -> patch.deepCopy();
                case SET -> set(target, patch);
                case KEYED -> keyed(target, patch, parent.child(name), parent.keyFields(name), path);
            };
        }

        private static ArrayNode set(ArrayNode target, ArrayNode patch) {
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            patch.forEach(item -> addAbsent(result, item));
            if (target != null) {
                target.forEach(item -> addAbsent(result, item));
            }
            return result;
        }

        private static void addAbsent(ArrayNode list, JsonNode item) {
            for (JsonNode present : list) {
                if (present.equals(item)) {
                    return;
                }
            }
            list.add(item.deepCopy());
        }

        private ArrayNode keyed(ArrayNode target, ArrayNode patch, MergeSchema items, List<String> keys,
                String path) {
            for (JsonNode item : patch) {
                if (item.isObject() && item.size() == 1 && directive((ObjectNode) item, path).equals("replace")) {
                    ArrayNode result = JsonNodeFactory.instance.arrayNode();
                    for (JsonNode other : patch) {
                        if (other != item) {
                            result.add(other.deepCopy());
                        }
                    }
                    return result;
                }
            }
            List<JsonNode> existing = new ArrayList<>();
            if (target != null) {
                target.forEach(existing::add);
            }
            List<String> used = usedKeys(existing, keys);
            boolean inPlace = used.size() < keys.size() && anyHas(existing, keys.subList(1, keys.size()));
            List<JsonNode> merged = new ArrayList<>();
            List<JsonNode> result = new ArrayList<>(existing);
            for (int i = 0; i < patch.size(); i++) {
                JsonNode item = patch.get(i);
                String itemPath = path + "[" + i + "]";
                if (!item.isObject()) {
                    throw new ManifestException(where, "strategic merge patch: '" + itemPath + "' is a "
                            + kindName(item) + "; the items of '" + path + "' are maps merged by "
                            + String.join(", ", keys));
                }
                List<String> match = inPlace ? keys : used;
                int at = indexOf(result, item, match);
                JsonNode value = map(at < 0 ? null : (ObjectNode) result.get(at), (ObjectNode) item, items, itemPath);
                if (value == null) {
                    if (at >= 0) {
                        result.remove(at);
                    }
                } else if (inPlace && at >= 0) {
                    result.set(at, value);
                } else if (inPlace) {
                    merged.add(value);
                } else {
                    if (at >= 0) {
                        result.remove(at);
                    }
                    merged.add(value);
                }
            }
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            merged.forEach(out::add);
            result.forEach(item -> out.add(item.deepCopy()));
            return out;
        }

        /** The key fields the target's items use: the merge key, and the others when every item has them. */
        private static List<String> usedKeys(List<JsonNode> items, List<String> keys) {
            List<String> used = new ArrayList<>(keys.subList(0, 1));
            for (String key : keys.subList(1, keys.size())) {
                if (!items.isEmpty() && items.stream().allMatch(item -> item.has(key))) {
                    used.add(key);
                }
            }
            return used;
        }

        private static boolean anyHas(List<JsonNode> items, List<String> keys) {
            return items.stream().anyMatch(item -> keys.stream().anyMatch(item::has));
        }

        private static int indexOf(List<JsonNode> items, JsonNode wanted, List<String> keys) {
            if (!wanted.has(keys.get(0))) {
                return -1;
            }
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                boolean same = item.isObject();
                for (String key : keys) {
                    same = same && scalar(item.get(key)).equals(scalar(wanted.get(key)));
                }
                if (same) {
                    return i;
                }
            }
            return -1;
        }

        private static String scalar(JsonNode value) {
            return value == null || value.isNull() ? "" : value.asText();
        }

        private String directive(ObjectNode patch, String path) {
            JsonNode value = patch.get(PATCH);
            if (value == null) {
                return "merge";
            }
            String text = value.asText();
            if (!text.equals("merge") && !text.equals("replace") && !text.equals("delete")) {
                throw new ManifestException(where, "strategic merge patch: unknown directive '$patch: " + text
                        + "' at '" + (path.isEmpty() ? "<top>" : path) + "'; expected merge, replace or delete");
            }
            return text;
        }

        private void expectKind(JsonNode target, JsonNode patch, String path) {
            if (target == null) {
                return;
            }
            boolean same = target.isObject() == patch.isObject() && target.isArray() == patch.isArray();
            if (!same) {
                throw new ManifestException(where, "strategic merge patch: '" + path + "' is a " + kindName(patch)
                        + " in the patch but a " + kindName(target) + " in the target");
            }
        }

        private static String kindName(JsonNode node) {
            return node.isObject() ? "map" : node.isArray() ? "list" : "scalar";
        }

        private static String join(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }
    }
}
