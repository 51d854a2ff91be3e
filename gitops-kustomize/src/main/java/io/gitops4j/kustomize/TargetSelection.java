package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.kustomize.patch.PatchTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * Selects the objects a patch {@code target} names, as Kustomize does: the name and the namespace may match either
 * the object's current value or its original one (before prefixes, suffixes and namespaces). Stateless.
 */
final class TargetSelection {
    private TargetSelection() {
    }

    /** Returns the selected objects, in build order. */
    static List<Item> select(PatchTarget target, Accumulator objects) {
        List<Item> result = new ArrayList<>();
        for (Item item : objects.items()) {
            if (matches(target, item)) {
                result.add(item);
            }
        }
        return result;
    }

    static boolean matches(PatchTarget target, Item item) {
        if (target.matches(item.body())) {
            return true;
        }
        ResId original = item.originalId();
        boolean sameName = original.name().equals(item.name());
        String originalNamespace = original.namespace().equals(ResId.NOT_NAMESPACEABLE) ? ""
                : original.namespace();
        boolean sameNamespace = originalNamespace.equals(item.namespace())
                || (item.namespace().isEmpty() && originalNamespace.equals("default"));
        if (sameName && sameNamespace) {
            return false;
        }
        return (!sameName && target.matches(view(item.body(), original.name(), item.namespace())))
                || (!sameNamespace && target.matches(view(item.body(), item.name(), originalNamespace)))
                || (!sameName && !sameNamespace && target.matches(view(item.body(), original.name(),
                        originalNamespace)));
    }

    private static ObjectNode view(ObjectNode body, String name, String namespace) {
        ObjectNode copy = body.objectNode();
        body.fields().forEachRemaining(entry -> copy.set(entry.getKey(), entry.getValue()));
        JsonNode metadata = body.path("metadata");
        ObjectNode meta = copy.putObject("metadata");
        if (metadata.isObject()) {
            metadata.fields().forEachRemaining(entry -> meta.set(entry.getKey(), entry.getValue()));
        }
        meta.put("name", name);
        if (namespace.isEmpty()) {
            meta.remove("namespace");
        } else {
            meta.put("namespace", namespace);
        }
        return copy;
    }
}
