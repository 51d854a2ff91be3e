package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.kinds.BuiltinFields;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Server-populated metadata rules shared by every write: identity, immutable fields, generation, no-op checks. */
final class ObjectMetadata {

    private static final Set<String> SERVER_OWNED = BuiltinFields.serverPopulatedMetadataFields();

    /* fields a change of which does not bump the generation */
    private static final Set<String> SPEC_IGNORED = Set.of("metadata", "status", "apiVersion", "kind");
    /* fields compared apart (metadata) or not at all (apiVersion) when telling a no-op write */
    private static final Set<String> NO_OP_IGNORED = Set.of("apiVersion", "metadata");
    private static final Set<String> METADATA_IGNORED = Set.of("resourceVersion", "managedFields");
    private static final Set<String> ENTRY_IGNORED = Set.of("time");

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
        long generation = metadataOf(before).path("generation").asLong(1);
        if (!sameExcept(before, after, SPEC_IGNORED)) {
            generation++;
        }
        Json.metadata(after).put("generation", generation);
    }

    /** Whether a write would change nothing but resourceVersion and managed-fields timestamps. */
    static boolean isNoOp(ObjectNode before, ObjectNode after) {
        return before != null && sameExcept(before, after, NO_OP_IGNORED)
                && sameMetadata(metadataOf(before), metadataOf(after));
    }

    /* The metadata object, or an empty one when absent (without adding it, as the object may be the stored one). */
    private static ObjectNode metadataOf(ObjectNode object) {
        return object.get("metadata") instanceof ObjectNode meta ? meta : Json.object();
    }

    /* Compared in place rather than on stripped copies: a large object (a CRD's schema) is not copied to compare. */
    private static boolean sameMetadata(ObjectNode before, ObjectNode after) {
        if (!sameExcept(before, after, METADATA_IGNORED)) {
            return false;
        }
        JsonNode beforeEntries = before.get("managedFields");
        JsonNode afterEntries = after.get("managedFields");
        if (beforeEntries == null || afterEntries == null) {
            return beforeEntries == afterEntries;
        }
        if (!beforeEntries.isArray() || !afterEntries.isArray() || beforeEntries.size() != afterEntries.size()) {
            return beforeEntries.equals(afterEntries);
        }
        for (int i = 0; i < beforeEntries.size(); i++) {
            if (!sameExcept((ObjectNode) beforeEntries.get(i), (ObjectNode) afterEntries.get(i), ENTRY_IGNORED)) {
                return false;
            }
        }
        return true;
    }

    /** Whether two objects have equal fields apart from the ignored ones, as equal copies without them would be. */
    private static boolean sameExcept(ObjectNode left, ObjectNode right, Set<String> ignored) {
        int compared = 0;
        for (Map.Entry<String, JsonNode> field : left.properties()) {
            if (ignored.contains(field.getKey())) {
                continue;
            }
            if (!field.getValue().equals(right.get(field.getKey()))) {
                return false;
            }
            compared++;
        }
        for (Iterator<String> names = right.fieldNames(); names.hasNext();) {
            if (!ignored.contains(names.next())) {
                compared--;
            }
        }
        return compared == 0;
    }
}
