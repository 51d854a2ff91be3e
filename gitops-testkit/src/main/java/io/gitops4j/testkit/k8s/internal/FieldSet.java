package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.kinds.BuiltinFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A set of field paths as server-side apply tracks them, in the {@code FieldsV1} element encoding:
 * {@code f:name} for a field, {@code k:{"name":"web"}} for a list item identified by its merge key,
 * {@code v:"value"} for a member of a set list. Leaves (scalars, atomic lists, empty objects) and keyed list
 * items are members; encoded as FieldsV1, an item that is itself a member gets a {@code ".": {}} entry.
 *
 * <p>Immutable.
 */
public final class FieldSet {

    /* metadata no manager owns: what the server populates, and the object's identity */
    private static final Set<String> SERVER_METADATA = unowned();

    private final Set<List<String>> paths;

    private FieldSet(Collection<List<String>> paths) {
        this.paths = Set.copyOf(paths);
    }

    private static Set<String> unowned() {
        Set<String> fields = new HashSet<>(BuiltinFields.serverPopulatedMetadataFields());
        fields.addAll(List.of("name", "namespace", "generateName"));
        return Set.copyOf(fields);
    }

    /** The empty set. */
    public static FieldSet empty() {
        return new FieldSet(List.of());
    }

    /** The paths, each a list of encoded elements. */
    public Set<List<String>> paths() {
        return paths;
    }

    /** Whether there are no paths. */
    public boolean isEmpty() {
        return paths.isEmpty();
    }

    /** Whether the path is a member. */
    public boolean contains(List<String> path) {
        return paths.contains(path);
    }

    /** Whether the path or any path below it is a member. */
    public boolean containsPrefix(List<String> prefix) {
        return paths.stream().anyMatch(p -> p.size() >= prefix.size() && p.subList(0, prefix.size()).equals(prefix));
    }

    /** This set without the given paths. */
    public FieldSet minus(Collection<List<String>> other) {
        Set<List<String>> result = new LinkedHashSet<>(paths);
        result.removeAll(other);
        return new FieldSet(result);
    }

    /** This set plus the given paths. */
    public FieldSet plus(Collection<List<String>> other) {
        Set<List<String>> result = new LinkedHashSet<>(paths);
        result.addAll(other);
        return new FieldSet(result);
    }

    /**
     * The fields an object sets, skipping server-populated metadata, {@code apiVersion} and {@code kind}.
     *
     * @param object the object or applied configuration
     * @param builtin whether merge keys of built-in kinds apply
     * @param topLevel which top-level fields to include (e.g. everything but {@code status})
     */
    public static FieldSet of(JsonNode object, boolean builtin, Predicate<String> topLevel) {
        Set<List<String>> out = new LinkedHashSet<>();
        object.properties().forEach(e -> {
            String field = e.getKey();
            if (field.equals("apiVersion") || field.equals("kind") || !topLevel.test(field)) {
                return;
            }
            if (field.equals("metadata")) {
                e.getValue().properties().forEach(m -> {
                    if (!SERVER_METADATA.contains(m.getKey())) {
                        collect(m.getValue(), List.of("f:metadata", "f:" + m.getKey()), List.of("metadata"),
                                m.getKey(), builtin, out);
                    }
                });
            } else {
                collect(e.getValue(), List.of("f:" + field), List.of(), field, builtin, out);
            }
        });
        return new FieldSet(out);
    }

    private static void collect(JsonNode value, List<String> path, List<String> parentNames, String field,
            boolean builtin, Set<List<String>> out) {
        if (value.isObject() && value.size() > 0) {
            List<String> names = append(parentNames, field);
            value.properties().forEach(e -> collect(e.getValue(), append(path, "f:" + e.getKey()), names,
                    e.getKey(), builtin, out));
            return;
        }
        if (value.isArray() && value.size() > 0) {
            List<JsonNode> items = new ArrayList<>();
            value.forEach(items::add);
            ListSemantics semantics = ListSemantics.of(builtin, parentNames, field, items);
            if (semantics.kind() == ListSemantics.Kind.KEYED) {
                List<String> names = append(parentNames, field);
                for (JsonNode item : items) {
                    List<String> itemPath = append(path, "k:" + Json.string(semantics.keyOf(item)));
                    out.add(itemPath);
                    item.properties().forEach(e -> collect(e.getValue(), append(itemPath, "f:" + e.getKey()),
                            names, e.getKey(), builtin, out));
                }
                return;
            }
            if (semantics.kind() == ListSemantics.Kind.SET) {
                items.forEach(item -> out.add(append(path, "v:" + Json.string(item))));
                return;
            }
        }
        out.add(path);
    }

    private static List<String> append(List<String> list, String element) {
        String[] elements = list.toArray(new String[list.size() + 1]);
        elements[list.size()] = element;
        return List.of(elements);
    }

    /** Encodes the set as a {@code FieldsV1} object. */
    public ObjectNode toFieldsV1() {
        ObjectNode root = Json.object();
        sortedPaths().forEach(path -> {
            ObjectNode node = root;
            for (int i = 0; i < path.size(); i++) {
                if (i > 0 && node.size() == 0 && paths.contains(path.subList(0, i))) {
                    node.putObject(".");
                }
                String element = path.get(i);
                node = node.has(element) ? (ObjectNode) node.get(element) : node.putObject(element);
            }
            if (isItem(path)) {
                node.putObject(".");
            }
        });
        return root;
    }

    /* The paths in the order of their elements joined with NUL, each joined once rather than at each comparison. */
    private List<List<String>> sortedPaths() {
        List<Map.Entry<String, List<String>>> keyed = new ArrayList<>(paths.size());
        for (List<String> path : paths) {
            keyed.add(Map.entry(String.join("\u0000", path), path));
        }
        keyed.sort(Map.Entry.comparingByKey());
        List<List<String>> sorted = new ArrayList<>(keyed.size());
        keyed.forEach(e -> sorted.add(e.getValue()));
        return sorted;
    }

    private static boolean isItem(List<String> path) {
        return path.get(path.size() - 1).startsWith("k:");
    }

    /** Decodes a {@code FieldsV1} object. */
    public static FieldSet fromFieldsV1(JsonNode fieldsV1) {
        Set<List<String>> out = new LinkedHashSet<>();
        decode(fieldsV1, List.of(), out);
        return new FieldSet(out);
    }

    private static void decode(JsonNode node, List<String> path, Set<List<String>> out) {
        if (node == null || !node.isObject()) {
            return;
        }
        if (node.size() == 0 && !path.isEmpty()) {
            out.add(path);
            return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equals(".")) {
                out.add(path);
            } else {
                decode(e.getValue(), append(path, e.getKey()), out);
            }
        }
    }

    /** A human-readable form of a path, like the real server's conflict messages: {@code .spec.replicas}. */
    public static String display(List<String> path) {
        StringBuilder text = new StringBuilder();
        for (String element : path) {
            String body = element.substring(2);
            if (element.startsWith("f:")) {
                text.append('.').append(body);
            } else if (element.startsWith("k:")) {
                JsonNode key = Json.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
                List<String> parts = new ArrayList<>();
                key.properties().forEach(k -> parts.add(k.getKey() + "=" + k.getValue()));
                text.append('[').append(String.join(",", parts)).append(']');
            } else {
                text.append("[=").append(body).append(']');
            }
        }
        return text.toString();
    }
}
