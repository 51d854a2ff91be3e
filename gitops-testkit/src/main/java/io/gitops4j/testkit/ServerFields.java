package io.gitops4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.kinds.BuiltinFields;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fields the in-memory target sets like an API server: uid, a monotonically increasing resourceVersion,
 * generation (bumped when spec changes), creationTimestamp and a default status; it also folds a Secret's
 * {@code stringData} into {@code data}. Not thread-safe: the target
 * calls it under its lock.
 */
final class ServerFields {

    private final Clock clock;
    private long resourceVersion;
    private long uids;

    ServerFields(Clock clock) {
        this.clock = clock;
    }

    /** Returns a copy of the body without the fields only a server sets (status, server metadata). */
    static ObjectNode declared(Resource resource) {
        ObjectNode body = resource.body();
        body.remove(BuiltinFields.serverPopulatedTopLevelFields());
        ObjectNode metadata = (ObjectNode) body.get("metadata");
        metadata.remove(BuiltinFields.serverPopulatedMetadataFields());
        return body;
    }

    /**
     * Folds a core Secret's write-only {@code stringData} into {@code data} (base64), as the API server does;
     * other objects are left alone.
     */
    static void foldStringData(ResourceKey key, ObjectNode live) {
        JsonNode stringData = live.get("stringData");
        if (!key.group().isEmpty() || !key.kind().equals("Secret") || stringData == null) {
            return;
        }
        live.remove("stringData");
        if (!stringData.isObject() || stringData.isEmpty()) {
            return;
        }
        ObjectNode data = live.withObjectProperty("data");
        for (Map.Entry<String, JsonNode> entry : stringData.properties()) {
            data.put(entry.getKey(), Base64.getEncoder().encodeToString(
                    entry.getValue().asText().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Sets the server fields of a new object; a dry run computes them without consuming counters. */
    void stampNew(ResourceKey key, ObjectNode live, boolean dryRun) {
        long version = dryRun ? resourceVersion + 1 : ++resourceVersion;
        long uid = dryRun ? uids + 1 : ++uids;
        ObjectNode metadata = (ObjectNode) live.get("metadata");
        metadata.put("uid", UUID.nameUUIDFromBytes((key + "#" + uid).getBytes(StandardCharsets.UTF_8)).toString());
        metadata.put("resourceVersion", Long.toString(version));
        metadata.put("generation", 1);
        metadata.put("creationTimestamp", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        if (!live.has("status")) {
            live.putObject("status");
        }
    }

    /**
     * Copies server fields from the previous tree into the next, bumping resourceVersion (and generation when
     * spec changed) when the content changed; returns whether it changed.
     */
    boolean carry(ObjectNode previous, ObjectNode next, boolean dryRun) {
        ObjectNode before = (ObjectNode) previous.get("metadata");
        ObjectNode metadata = (ObjectNode) next.get("metadata");
        for (String field : List.of("uid", "creationTimestamp", "resourceVersion", "generation")) {
            metadata.set(field, before.get(field));
        }
        if (!next.has("status")) {
            next.set("status", previous.has("status") ? previous.get("status").deepCopy()
                    : JsonNodeFactory.instance.objectNode());
        }
        if (StoredObject.sameContent(previous, next)) {
            return false;
        }
        long version = dryRun ? resourceVersion + 1 : ++resourceVersion;
        metadata.put("resourceVersion", Long.toString(version));
        if (StoredObject.specChanged(previous, next)) {
            metadata.put("generation", before.path("generation").asLong(1) + 1);
        }
        return true;
    }
}
