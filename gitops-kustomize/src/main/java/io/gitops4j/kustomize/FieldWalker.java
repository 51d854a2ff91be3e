package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks a field spec's path in an object as Kustomize's field spec filter does: lists met on the way are entered
 * element by element; with {@code create}, missing (or null) fields are created as mappings along the path and the
 * last one as {@code leaf}; the setter is called on every place the path reaches. Stateless.
 */
final class FieldWalker {
    /** What the last field of a path is created as, when the spec creates. */
    enum Leaf {
        /** Never create (lookups only). */
        NONE,
        /** A mapping (labels, annotations). */
        MAP,
        /** A scalar (namespace, replicas), created empty before the setter runs. */
        SCALAR
    }

    /** A failure of a walk: the path met a scalar before its end. */
    static final class WalkException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WalkException(String message) {
            super(message, null, false, false);
        }
    }

    private FieldWalker() {
    }

    /** Tells whether the spec's kind selector matches the object's current apiVersion and kind. */
    static boolean matches(FieldSpec spec, ObjectNode object) {
        return gvkOf(object).selectedBy(spec.gvk());
    }

    /** Returns an object's current group, version and kind. */
    static Gvk gvkOf(ObjectNode object) {
        return Gvk.of(object.path("apiVersion").asText(""), object.path("kind").asText(""));
    }

    /**
     * Walks {@code spec}'s path in {@code object} when the spec's kind selector matches it.
     *
     * @throws WalkException when the path meets a scalar before its end
     */
    static void walk(ObjectNode object, FieldSpec spec, Leaf leaf, Consumer<Slot> setter) {
        if (!spec.gvk().equals(Gvk.ANY) && !matches(spec, object)) {
            return;
        }
        List<String> path = spec.segments();
        walk(object, null, path, 0, spec.create() && leaf != Leaf.NONE, leaf, setter);
    }

    private static void walk(JsonNode node, Slot slot, List<String> path, int at, boolean create, Leaf leaf,
            Consumer<Slot> setter) {
        if (at == path.size()) {
            setter.accept(slot);
            return;
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), Slot.element(array, i), path, at, create, leaf, setter);
            }
            return;
        }
        if (!node.isObject()) {
            throw new WalkException("expected a mapping or a list at '" + String.join("/", path.subList(0, at))
                    + "', found a " + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        ObjectNode object = (ObjectNode) node;
        String segment = path.get(at);
        boolean isList = segment.endsWith("[]");
        String name = isList ? segment.substring(0, segment.length() - 2) : segment;
        JsonNode field = object.get(name);
        if ((field == null || field.isNull()) && create && !isList) {
            boolean last = at == path.size() - 1;
            field = last && leaf == Leaf.SCALAR ? JsonNodeFactory.instance.textNode("")
                    : JsonNodeFactory.instance.objectNode();
            object.set(name, field);
        }
        if (field == null) {
            return;
        }
        walk(field, Slot.field(object, name), path, at + 1, create, leaf, setter);
    }
}
