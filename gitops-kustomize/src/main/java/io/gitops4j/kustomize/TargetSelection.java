package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.kustomize.patch.PatchTarget;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
        ResId current = item.currentId();
        Set<String> names = new LinkedHashSet<>();
        names.add(current.name());
        if (target.name().isPresent()) {
            names.add(original.name());
        }
        Set<String> namespaces = new LinkedHashSet<>();
        namespaces.add(item.namespace());
        if (target.namespace().isPresent()) {
            namespaces.add(comparable(current));
            namespaces.add(comparable(original));
        }
        for (String name : names) {
            for (String namespace : namespaces) {
                boolean asIs = name.equals(current.name()) && namespace.equals(item.namespace());
                if (!asIs && target.matches(view(item.body(), name, namespace))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The namespace Kustomize compares: {@code default} for an unset one, none for cluster-scoped kinds. */
    private static String comparable(ResId id) {
        String namespace = id.effectiveNamespace();
        return namespace.equals(ResId.NOT_NAMESPACEABLE) ? "" : namespace;
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
