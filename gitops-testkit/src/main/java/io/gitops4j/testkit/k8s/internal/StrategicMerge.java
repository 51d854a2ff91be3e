package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge of a patch into an object: objects merge recursively, {@code null} removes a field, lists
 * merge by their {@link ListSemantics} (merge key, set, or atomic replace). Honours the {@code $patch: delete}
 * and {@code $patch: replace} directives and {@code $deleteFromPrimitiveList}; ignores {@code $setElementOrder}
 * and {@code $retainKeys}. Server-side apply uses the same merge for the applied configuration.
 */
public final class StrategicMerge {

    private static final String DIRECTIVE = "$patch";
    private static final String DELETE_FROM_PRIMITIVE = "$deleteFromPrimitiveList/";

    private final boolean builtin;

    /**
     * A merge for objects of a built-in kind (merge keys apply) or a custom kind (lists are atomic).
     */
    public StrategicMerge(boolean builtin) {
        this.builtin = builtin;
    }

    /** Merges {@code patch} into a copy of {@code target} and returns the result; {@code target} is not changed. */
    public ObjectNode apply(ObjectNode target, ObjectNode patch) {
        return mergeObject(target, patch, new ArrayList<>());
    }

    /*
     * Builds the merged object afresh rather than merging into a deep copy of the target: what the patch sets is built
     * from the patch, and only the fields it leaves alone are copied from the target (a CRD's large schema, applied
     * whole, is not copied only to be replaced). The field order is the target's, then the patch's new fields.
     */
    private ObjectNode mergeObject(ObjectNode original, ObjectNode patch, List<String> path) {
        if ("replace".equals(Json.text(patch, DIRECTIVE))) {
            return strip(patch);
        }
        ObjectNode target = Json.object();
        original.properties().forEach(e -> target.set(e.getKey(), e.getValue()));
        Set<String> built = new HashSet<>();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String field = entry.getKey();
            JsonNode value = entry.getValue();
            if (field.startsWith(DELETE_FROM_PRIMITIVE)) {
                String list = field.substring(DELETE_FROM_PRIMITIVE.length());
                if (target.get(list) instanceof ArrayNode array && built.add(list)) {
                    target.set(list, array.deepCopy());
                }
                deleteFromPrimitiveList(target, list, value);
            } else if (field.startsWith("$")) {
                continue;
            } else if (value.isNull()) {
                target.remove(field);
            } else {
                target.set(field, mergeValue(target.get(field), value, path, field));
                built.add(field);
            }
        }
        target.properties().forEach(e -> {
            if (!built.contains(e.getKey())) {
                e.setValue(e.getValue().deepCopy());
            }
        });
        return target;
    }

    private JsonNode mergeValue(JsonNode current, JsonNode value, List<String> path, String field) {
        if (value.isObject() && current != null && current.isObject()) {
            path.add(field);
            ObjectNode merged = mergeObject((ObjectNode) current, (ObjectNode) value, path);
            path.remove(path.size() - 1);
            return merged;
        }
        if (value.isArray() && current != null && current.isArray()) {
            return mergeList((ArrayNode) current, (ArrayNode) value, path, field);
        }
        return strip(value);
    }

    private JsonNode mergeList(ArrayNode current, ArrayNode patch, List<String> path, String field) {
        List<JsonNode> seen = new ArrayList<>();
        current.forEach(seen::add);
        patch.forEach(seen::add);
        ListSemantics semantics = ListSemantics.of(builtin, path, field, seen);
        if (semantics.kind() == ListSemantics.Kind.ATOMIC) {
            return strip(patch);
        }
        if (semantics.kind() == ListSemantics.Kind.SET) {
            ArrayNode result = current.deepCopy();
            patch.forEach(v -> {
                if (!contains(result, v)) {
                    result.add(v.deepCopy());
                }
            });
            return result;
        }
        for (JsonNode item : patch) {
            if ("replace".equals(Json.text(item, DIRECTIVE))) {
                ArrayNode replaced = Json.MAPPER.createArrayNode();
                patch.forEach(i -> {
                    if (!i.has(DIRECTIVE)) {
                        replaced.add(strip(i));
                    }
                });
                return replaced;
            }
        }
        ArrayNode result = current.deepCopy();
        path.add(field);
        for (JsonNode item : patch) {
            int at = indexOfKey(result, semantics.keyOf(item), semantics);
            if ("delete".equals(Json.text(item, DIRECTIVE))) {
                if (at >= 0) {
                    result.remove(at);
                }
            } else if (at >= 0) {
                result.set(at, mergeObject((ObjectNode) result.get(at), (ObjectNode) item, path));
            } else {
                result.add(strip(item));
            }
        }
        path.remove(path.size() - 1);
        return result;
    }

    private static int indexOfKey(ArrayNode list, ObjectNode key, ListSemantics semantics) {
        for (int i = 0; i < list.size(); i++) {
            if (semantics.keyOf(list.get(i)).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode item : array) {
            if (item.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static void deleteFromPrimitiveList(ObjectNode target, String field, JsonNode values) {
        JsonNode list = target.get(field);
        if (list instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (contains((ArrayNode) values, array.get(i))) {
                    array.remove(i);
                }
            }
        }
    }

    /** A deep copy of {@code value} without patch directives ({@code $}-prefixed keys). */
    static JsonNode strip(JsonNode value) {
        if (value.isObject()) {
            ObjectNode copy = Json.object();
            value.properties().forEach(e -> {
                if (!e.getKey().startsWith("$")) {
                    copy.set(e.getKey(), strip(e.getValue()));
                }
            });
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            value.forEach(v -> {
                if (!v.has(DIRECTIVE)) {
                    copy.add(strip(v));
                }
            });
            return copy;
        }
        return value.deepCopy();
    }

    private static ObjectNode strip(ObjectNode value) {
        return (ObjectNode) strip((JsonNode) value);
    }
}
