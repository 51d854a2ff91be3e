package io.gitops4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.model.ResourceKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of some kinds that an {@link InMemoryTarget} refuses to change once an object exists, as a Kubernetes
 * API server refuses changes to a Job's {@code spec.template}. Immutable and thread-safe.
 */
final class ImmutableFields {
    private final Map<String, List<String>> pointersByKind;

    ImmutableFields(Map<String, List<String>> pointersByKind) {
        this.pointersByKind = Map.copyOf(pointersByKind);
    }

    /** Returns the immutable fields (as dotted paths, {@code spec.template}) whose value differs between two trees. */
    List<String> changed(ResourceKey key, JsonNode before, JsonNode after) {
        List<String> changed = new ArrayList<>();
        for (String pointer : pointersByKind.getOrDefault(key.kind(), List.of())) {
            if (!before.at(pointer).equals(after.at(pointer))) {
                changed.add(pointer.substring(1).replace('/', '.'));
            }
        }
        return changed;
    }
}
