package io.gitops4j.diff;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.gitops4j.model.LiveResource;

/**
 * Who a live object is and which version of it a target reported: {@code metadata.uid}, {@code resourceVersion}
 * and {@code generation}, as the (immutable) value nodes of the live tree, so reading them copies nothing. A uid
 * is unique per object (a recreated object gets a new one), so together they name one exact state of one object;
 * a resourceVersion alone does not (a recreated object may reuse it).
 */
record LiveIdentity(JsonNode uid, JsonNode resourceVersion, JsonNode generation) {

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
        JsonNode uid = metadata.path("uid");
        JsonNode resourceVersion = metadata.path("resourceVersion");
        if (!present(uid) || !present(resourceVersion)) {
            return null;
        }
        JsonNode generation = metadata.path("generation");
        return new LiveIdentity(uid, resourceVersion, generation.isValueNode() ? generation : MissingNode.getInstance());
    }

    private static boolean present(JsonNode node) {
        return node.isValueNode() && !node.isNull() && !node.asText().isEmpty();
    }
}
