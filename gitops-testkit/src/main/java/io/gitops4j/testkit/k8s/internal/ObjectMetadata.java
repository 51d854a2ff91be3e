package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.kinds.BuiltinFields;
import java.util.List;
import java.util.Set;

/** Server-populated metadata rules shared by every write: identity, immutable fields, generation, no-op checks. */
final class ObjectMetadata {

    private static final Set<String> SERVER_OWNED = BuiltinFields.serverPopulatedMetadataFields();

    private static final Set<String> WITHOUT_GENERATION = Set.of("configmaps", "secrets", "serviceaccounts",
            "endpoints", "events", "namespaces", "leases", "nodes");

    private ObjectMetadata() {
    }

    /** Checks that the body's apiVersion and kind (filled in when absent) match the request's type. */
    static void checkKind(ObjectNode body, ResourceType type) {
        String kind = Json.text(body, "kind");
        String apiVersion = Json.text(body, "apiVersion");
        if (!kind.isEmpty() && !kind.equals(type.kind())
                || !apiVersion.isEmpty() && !apiVersion.startsWith(type.group().isEmpty() ? "v" : type.group() + "/")) {
            throw ApiError.badRequest("the API version in the data (" + apiVersion + ") does not match the"
                    + " expected API version (" + type.apiVersion() + ") or kind " + kind + " is not " + type.kind());
        }
        body.put("apiVersion", type.apiVersion());
        body.put("kind", type.kind());
    }

    /** Checks that the body's name and namespace agree with the request path, filling them in. */
    static void checkIdentity(ObjectNode body, ResourceRequest request, String name) {
        ObjectNode meta = Json.metadata(body);
        String bodyName = Json.text(meta, "name");
        if (!bodyName.isEmpty() && !name.isEmpty() && !bodyName.equals(name)) {
            throw ApiError.badRequest("the name of the object (" + bodyName + ") does not match the name on the URL ("
                    + name + ")");
        }
        if (!name.isEmpty()) {
            meta.put("name", name);
        }
        if (request.type().namespaced()) {
            String bodyNamespace = Json.text(meta, "namespace");
            if (!bodyNamespace.isEmpty() && !bodyNamespace.equals(request.namespace())) {
                throw ApiError.badRequest("the namespace of the provided object does not match the namespace sent"
                        + " on the request");
            }
            meta.put("namespace", request.namespace());
        } else {
            meta.remove("namespace");
        }
    }

    /** Copies server-owned metadata of the stored object onto the object about to replace it. */
    static void carryServerFields(ObjectNode before, ObjectNode after) {
        ObjectNode from = Json.metadata(before);
        ObjectNode to = Json.metadata(after);
        for (String field : SERVER_OWNED) {
            JsonNode value = from.get(field);
            if (value == null) {
                to.remove(field);
            } else {
                to.set(field, value.deepCopy());
            }
        }
    }

    /**
     * Sets generation 1 on a new object, or bumps it when anything but metadata and status changed; kinds
     * without a spec (ConfigMap, Secret, ...) get no generation, as on the real server.
     */
    static void updateGeneration(ResourceType type, ObjectNode before, ObjectNode after) {
        if (!type.custom() && WITHOUT_GENERATION.contains(type.plural())) {
            Json.metadata(after).remove("generation");
            return;
        }
        if (before == null) {
            Json.metadata(after).put("generation", 1L);
            return;
        }
        long generation = Json.metadata(before).path("generation").asLong(1);
        if (!withoutMetaAndStatus(before).equals(withoutMetaAndStatus(after))) {
            generation++;
        }
        Json.metadata(after).put("generation", generation);
    }

    private static ObjectNode withoutMetaAndStatus(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove(List.of("metadata", "status", "apiVersion", "kind"));
        return copy;
    }

    /** Whether a write would change nothing but resourceVersion and managed-fields timestamps. */
    static boolean isNoOp(ObjectNode before, ObjectNode after) {
        return before != null && comparable(before).equals(comparable(after));
    }

    private static ObjectNode comparable(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        ObjectNode meta = Json.metadata(copy);
        meta.remove("resourceVersion");
        for (JsonNode entry : meta.path("managedFields")) {
            ((ObjectNode) entry).remove("time");
        }
        copy.remove("apiVersion");
        return copy;
    }
}
