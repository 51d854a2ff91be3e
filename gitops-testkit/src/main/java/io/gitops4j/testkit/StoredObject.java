package io.gitops4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import java.util.Objects;

/**
 * One object held by the in-memory target: its live tree (server fields included), what the engine last
 * applied to it ({@code null} when only others wrote it), and the {@link LiveResource} that observations report,
 * built once per write so that an unchanged object is reported as the same instance. Trees are never modified once
 * stored.
 */
record StoredObject(ObjectNode live, ObjectNode lastApplied, LiveResource liveResource) {

    /** Stores a written object, building the live resource observations report until the next write. */
    static StoredObject of(ObjectNode live, ObjectNode lastApplied) {
        return new StoredObject(live, lastApplied,
                LiveResource.of(Resource.of(live), lastApplied == null ? null : Resource.of(lastApplied)));
    }

    /** Tells whether this stored object has exactly the given live and last-applied trees. */
    boolean holds(ObjectNode otherLive, ObjectNode otherLastApplied) {
        return live.equals(otherLive) && Objects.equals(lastApplied, otherLastApplied);
    }

    String resourceVersion() {
        return live.path("metadata").path("resourceVersion").asText();
    }

    long generation() {
        return live.path("metadata").path("generation").asLong(1);
    }

    /** Tells whether two live trees are equal apart from resourceVersion and generation. */
    static boolean sameContent(ObjectNode a, ObjectNode b) {
        return withoutVersions(a).equals(withoutVersions(b));
    }

    /** Tells whether the {@code spec} of two trees differs. */
    static boolean specChanged(ObjectNode before, ObjectNode after) {
        return !Objects.equals(before.get("spec"), after.get("spec"));
    }

    private static JsonNode withoutVersions(ObjectNode tree) {
        ObjectNode copy = tree.deepCopy();
        JsonNode metadata = copy.get("metadata");
        if (metadata instanceof ObjectNode m) {
            m.remove("resourceVersion");
            m.remove("generation");
        }
        return copy;
    }
}
