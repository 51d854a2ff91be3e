package io.gitops4j.kustomize.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.Provenance;

/**
 * Applies an RFC 6902 JSON patch ({@code add}, {@code remove}, {@code replace}, {@code move}, {@code copy},
 * {@code test}) with RFC 6901 pointers, as Kustomize's {@code patchesJson6902} and {@code patches} do. Stateless.
 */
public final class JsonPatch {
    private JsonPatch() {
    }

    /**
     * Returns {@code target} with the operations applied in order; {@code target} is not modified.
     *
     * @param target the object to patch
     * @param operations the patch: an array of operation objects
     * @param where where the patch was declared, for errors
     * @return the patched copy
     * @throws io.gitops4j.ManifestException when an operation is malformed, a path does not exist or a {@code test}
     *     fails, naming {@code where}, the operation's index and its path
     */
    public static ObjectNode apply(ObjectNode target, ArrayNode operations, Provenance where) {
        throw new UnsupportedOperationException("JSON patch is not implemented yet");
    }

    /**
     * Tells whether a parsed patch document is a JSON 6902 patch (an array of operations) rather than a strategic
     * merge patch (an object), as Kustomize's {@code patches} field decides.
     *
     * @param document the parsed patch
     * @return {@code true} for a JSON 6902 patch
     */
    public static boolean isJsonPatch(JsonNode document) {
        return document.isArray();
    }
}
