package io.gitops4j.diff;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.model.LiveResource;

/**
 * Who a live object is and which version of it a target reported: {@code metadata.uid}, {@code resourceVersion}
 * and {@code generation}. A uid is unique per object (a recreated object gets a new one), so together they name
 * one exact state of one object; a resourceVersion alone does not (a recreated object may reuse it).
 */
record LiveIdentity(String uid, String resourceVersion, String generation) {

    LiveIdentity {
        requireNonNull(uid, "uid is null");
        requireNonNull(resourceVersion, "resourceVersion is null");
        requireNonNull(generation, "generation is null");
    }

    /**
     * Reads the identity of a live object.
     *
     * @param live the live object
     * @return the identity, or {@code null} when the object lacks a uid or a resourceVersion (never cacheable)
     */
    static LiveIdentity of(LiveResource live) {
        JsonNode metadata = live.object().tree().path("metadata");
        String uid = text(metadata.get("uid"));
        String resourceVersion = text(metadata.get("resourceVersion"));
        if (uid == null || uid.isEmpty() || resourceVersion == null || resourceVersion.isEmpty()) {
            return null;
        }
        String generation = text(metadata.get("generation"));
        return new LiveIdentity(uid, resourceVersion, generation == null ? "" : generation);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
