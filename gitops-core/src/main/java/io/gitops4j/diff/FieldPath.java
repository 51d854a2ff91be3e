package io.gitops4j.diff;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.gitops4j.kinds.BuiltinFields;
import io.gitops4j.kinds.ListItemKey;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a field change's JSON Pointer the way people read Kubernetes fields:
 * {@code /spec/template/spec/containers/0/env/1/value} becomes
 * {@code spec.template.spec.containers[name=web].env[name=A].value}. A list item is named by its merge key
 * ({@link BuiltinFields#listKeys(String)}: {@code containers[name=web]}, {@code volumeMounts[mountPath=/data]},
 * {@code ports[containerPort=80,protocol=TCP]}), or by {@code name} in other lists of named objects, else by its
 * index ({@code args[0]}). Map keys that are not plain words are quoted: {@code labels["app.kubernetes.io/name"]}.
 * The items are looked up in the object the pointer is about (desired for additions and replacements, live for
 * removals); where the object does not have them, indices stay. Stateless and thread-safe.
 */
public final class FieldPath {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private FieldPath() {
    }

    /**
     * Returns the readable form of a JSON Pointer.
     *
     * @param pointer a JSON Pointer such as {@code /spec/containers/0/image}; {@code ""} is the whole object
     * @param document the object the pointer indexes, or {@code null} when unknown (then indices stay)
     * @return the readable path; {@code "(object)"} for the empty pointer
     * @throws IllegalArgumentException when the pointer is not a JSON Pointer
     */
    public static String readable(String pointer, JsonNode document) {
        requireNonNull(pointer, "pointer is null");
        List<String> segments = JsonPointers.parse(pointer);
        if (segments.isEmpty()) {
            return "(object)";
        }
        StringBuilder text = new StringBuilder(pointer.length() + 16);
        JsonNode node = document == null ? MissingNode.getInstance() : document;
        String field = null;
        for (String segment : segments) {
            if (!node.isObject() && isIndex(segment)) {
                JsonNode item = node.path(Integer.parseInt(segment));
                text.append('[').append(node.isArray() ? itemName(field, node, item, segment) : segment).append(']');
                node = item;
            } else {
                appendField(text, segment);
                node = node.path(segment);
            }
            field = segment;
        }
        return text.toString();
    }

    /**
     * Returns the readable path of a change in a resource diff, looked up in the desired object (or the live one
     * for a removal).
     *
     * @param change the field change
     * @param desired the desired body, or {@code null}
     * @param live the live body, or {@code null}
     * @return the readable path
     */
    public static String readable(FieldChange change, JsonNode desired, JsonNode live) {
        requireNonNull(change, "change is null");
        JsonNode document = change.operation() == FieldChange.Operation.REMOVE ? live : desired;
        return readable(change.path(), document != null ? document : desired != null ? desired : live);
    }

    /**
     * Returns the readable path of a change of a resource diff, looked up in its desired object (or its live one for
     * a removal).
     *
     * @param change the field change
     * @param diff the resource diff the change belongs to
     * @return the readable path
     */
    public static String readable(FieldChange change, ResourceDiff diff) {
        requireNonNull(diff, "diff is null");
        JsonNode desired = diff instanceof ResourceDiff.Declared declared ? declared.desired().body() : null;
        JsonNode live = diff instanceof ResourceDiff.Existing existing ? existing.live().object().body() : null;
        return readable(change, desired, live);
    }

    private static void appendField(StringBuilder text, String segment) {
        if (PLAIN.matcher(segment).matches()) {
            if (text.length() > 0) {
                text.append('.');
            }
            text.append(segment);
        } else {
            text.append("[\"").append(segment.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
        }
    }

    private static String itemName(String field, JsonNode list, JsonNode item, String index) {
        if (!item.isObject() || (field != null && BuiltinFields.atomicLists().contains(field))) {
            return index;
        }
        List<ListItemKey> keys = field == null ? List.of() : BuiltinFields.listKeys(field);
        for (ListItemKey key : keys) {
            if (item.path(key.primaryField()).isValueNode()) {
                return keyText(key, item);
            }
        }
        if (keys.isEmpty() && item.path("name").isTextual() && uniqueNames(list)) {
            return "name=" + item.path("name").asText();
        }
        return index;
    }

    private static String keyText(ListItemKey key, JsonNode item) {
        StringBuilder text = new StringBuilder();
        for (String keyField : key.keyFields()) {
            JsonNode value = item.path(keyField);
            String shown = value.isValueNode() ? value.asText() : key.defaults().get(keyField);
            if (shown != null) {
                text.append(text.length() == 0 ? "" : ",").append(keyField).append('=').append(shown);
            }
        }
        return text.toString();
    }

    private static boolean uniqueNames(JsonNode list) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (JsonNode item : list) {
            if (!item.path("name").isTextual() || !names.add(item.path("name").asText())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIndex(String segment) {
        if (segment.isEmpty() || segment.length() > 9) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
