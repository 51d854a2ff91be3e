package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.kinds.BuiltinFields;
import io.gitops4j.kinds.WellKnownMetadata;

/**
 * Create, update, patch (JSON, merge, strategic merge, server-side apply) and status writes, with the real
 * server's preconditions, server-populated metadata, managed fields and {@code dryRun=All}.
 *
 * <p>Thread-safe: each operation reads and writes the store while holding the store's lock; an apply parses and
 * checks its body before taking it.
 */
public final class Writes {

    private final Cluster cluster;
    private final Deletions deletions;
    private final CustomResourceDefinitions crds;

    /** Writes over the cluster; {@code deletions} finishes objects whose last finalizer is removed. */
    public Writes(Cluster cluster, Deletions deletions) {
        this.cluster = cluster;
        this.deletions = deletions;
        this.crds = new CustomResourceDefinitions(cluster);
    }

    /**
     * A write result.
     *
     * @param code HTTP status: 201 when created, else 200
     * @param object the object as stored (or as it would be, on a dry run)
     */
    public record Result(int code, ObjectNode object) {
    }

    private FieldOwner owner(ResourceRequest request) {
        return new FieldOwner(request.fieldManager(), request.type().apiVersion(), request.subresource(),
                request.type(), cluster.now());
    }

    /** POST: creates the object in the request's namespace. */
    public Result create(ResourceRequest request, ObjectNode body) {
        synchronized (cluster.store()) {
            ResourceType type = request.type();
            ObjectMetadata.checkKind(body, type);
            FieldValidation.check(request, body);
            ObjectNode meta = Json.metadata(body);
            String name = Json.text(meta, "name");
            if (name.isEmpty() && !Json.text(meta, "generateName").isEmpty()) {
                name = Json.text(meta, "generateName") + cluster.newNameSuffix();
            }
            if (name.isEmpty()) {
                throw ApiError.invalid(type.kind(), "", "metadata.name",
                        "Required value: name or generateName is required");
            }
            ObjectMetadata.checkIdentity(body, request, name);
            requireNamespace(request, true);
            if (cluster.store().get(type.storageKey(), request.namespace(), name) != null) {
                throw ApiError.alreadyExists(type.group(), type.plural(), name);
            }
            prepareNew(body, type);
            cluster.fieldManager().recordUpdate(null, body, owner(request));
            return new Result(201, commit(request, null, body));
        }
    }

    private void prepareNew(ObjectNode object, ResourceType type) {
        ObjectNode meta = Json.metadata(object);
        meta.remove(BuiltinFields.serverPopulatedMetadataFields());
        meta.put("uid", cluster.newUid());
        meta.put("creationTimestamp", cluster.now());
        if (type.statusSubresource()) {
            object.remove("status");
        }
        if (type.isNamespace()) {
            meta.withObjectProperty("labels").put(WellKnownMetadata.NAMESPACE_NAME_LABEL, Json.text(meta, "name"));
            object.withObjectProperty("spec").withArrayProperty("finalizers").removeAll().add("kubernetes");
            object.withObjectProperty("status").put("phase", "Active");
        }
        ObjectMetadata.updateGeneration(type, null, object);
    }

    /** PUT: replaces the object (or only its status, on the status subresource). */
    public Result update(ResourceRequest request, ObjectNode body) {
        synchronized (cluster.store()) {
            ObjectNode existing = existing(request);
            ObjectMetadata.checkKind(body, request.type());
            ObjectMetadata.checkIdentity(body, request, request.name());
            if (request.subresource().isEmpty()) {
                FieldValidation.check(request, body);
            }
            checkPrecondition(request, existing, body);
            return new Result(200, updateFrom(request, existing, body));
        }
    }

    /** PATCH with any supported content type. */
    public Result patch(ResourceRequest request, String contentType, byte[] body) {
        String type = contentType.split(";")[0].trim();
        if (type.equals("application/apply-patch+yaml")) {
            ObjectNode config = Json.parseObject(body, true);
            checkApply(request, config);
            synchronized (cluster.store()) {
                return apply(request, config);
            }
        }
        synchronized (cluster.store()) {
            ObjectNode existing = existing(request);
            JsonNode patched;
            switch (type) {
                case "application/json-patch+json":
                    patched = JsonPatch.apply(existing, Json.parse(body, false));
                    break;
                case "application/merge-patch+json":
                    patched = MergePatch.apply(existing, Json.parseObject(body, false));
                    break;
                case "application/strategic-merge-patch+json":
                    if (request.type().custom()) {
                        throw ApiError.unsupportedMediaType(type + " (not supported for custom resources)");
                    }
                    patched = new StrategicMerge(true).apply(existing, Json.parseObject(body, false));
                    break;
                default:
                    throw ApiError.unsupportedMediaType(contentType);
            }
            if (!(patched instanceof ObjectNode patchedObject)) {
                throw ApiError.unprocessable("the patch result is not an object");
            }
            ObjectMetadata.checkKind(patchedObject, request.type());
            ObjectMetadata.checkIdentity(patchedObject, request, request.name());
            checkPrecondition(request, existing, patchedObject);
            return new Result(200, updateFrom(request, existing, patchedObject));
        }
    }

    /**
     * The checks of an apply that read only the request and its body, not the store, so they run before the store's
     * lock is taken (in the order the server makes them).
     */
    private static void checkApply(ResourceRequest request, ObjectNode config) {
        if (request.query().get("fieldManager").isEmpty()) {
            throw ApiError.badRequest("PATCH " + request.type().plural() + ": fieldManager is required for apply"
                    + " requests");
        }
        ObjectMetadata.checkKind(config, request.type());
        ObjectMetadata.checkIdentity(config, request, request.name());
        if (request.subresource().isEmpty()) {
            FieldValidation.check(request, config);
        }
    }

    /**
     * The part of an apply that reads and writes the store; call with the store's lock held. It reads the stored
     * object in place (every step copies what it takes from it), so a large definition is not copied to be merged.
     */
    private Result apply(ResourceRequest request, ObjectNode config) {
        boolean force = request.query().flag("force");
        ResourceType type = request.type();
        ObjectNode existing = cluster.store().stored(type.storageKey(), request.namespace(), request.name());
        if (existing == null) {
            if (!request.subresource().isEmpty()) {
                throw ApiError.notFound(type.group(), type.plural(), request.name());
            }
            requireNamespace(request, true);
            ObjectNode base = Json.object();
            base.put("apiVersion", type.apiVersion());
            base.put("kind", type.kind());
            base.set("metadata", Json.metadata(config).deepCopy());
            Json.metadata(base).remove("managedFields");
            ObjectNode created = cluster.fieldManager().apply(null, base, config, force, owner(request),
                    request.name());
            JsonNode managed = Json.metadata(created).get("managedFields");
            prepareNew(created, type);
            setOrRemove(Json.metadata(created), "managedFields", managed);
            return new Result(201, commitShared(request, null, created));
        }
        checkPrecondition(request, existing, config);
        ObjectNode merged = cluster.fieldManager().apply(existing, existing, config, force, owner(request),
                request.name());
        JsonNode managed = Json.metadata(merged).get("managedFields");
        ObjectNode after = scopedOwned(request, existing, merged);
        ObjectMetadata.carryServerFields(existing, after);
        setOrRemove(Json.metadata(after), "managedFields", managed);
        ObjectMetadata.updateGeneration(request.type(), existing, after);
        return new Result(200, commitShared(request, existing, after));
    }

    /**
     * Sets an object's status as a controller would: bumps resourceVersion, records the manager on the status
     * subresource, leaves generation alone.
     */
    public ObjectNode setStatus(ResourceRequest request, JsonNode status) {
        synchronized (cluster.store()) {
            ObjectNode existing = existing(request);
            ObjectNode after = existing.deepCopy();
            after.set("status", status.deepCopy());
            return updateFrom(request, existing, after);
        }
    }

    private ObjectNode updateFrom(ResourceRequest request, ObjectNode existing, ObjectNode body) {
        ObjectNode after = scoped(request, existing, body);
        ObjectMetadata.carryServerFields(existing, after);
        ObjectMetadata.updateGeneration(request.type(), existing, after);
        cluster.fieldManager().recordUpdate(existing, after, owner(request));
        return commit(request, existing, after);
    }

    private static ObjectNode scoped(ResourceRequest request, ObjectNode existing, ObjectNode body) {
        return scopedOwned(request, existing, request.subresource().equals("status") ? body : body.deepCopy());
    }

    /** As {@link #scoped}, taking over {@code body} (built for this write, and not used by the caller afterwards). */
    private static ObjectNode scopedOwned(ResourceRequest request, ObjectNode existing, ObjectNode body) {
        if (request.subresource().equals("status")) {
            ObjectNode after = existing.deepCopy();
            setOrRemove(after, "status", body.get("status"));
            return after;
        }
        if (request.type().statusSubresource()) {
            setOrRemove(body, "status", existing.get("status"));
        }
        return body;
    }

    private static void setOrRemove(ObjectNode object, String field, JsonNode value) {
        if (value == null) {
            object.remove(field);
        } else {
            object.set(field, value.deepCopy());
        }
    }

    private ObjectNode commit(ResourceRequest request, ObjectNode before, ObjectNode after) {
        ObjectNode result = commitShared(request, before, after);
        return result == before || result == after ? result.deepCopy() : result;
    }

    /**
     * As {@link #commit}, answering the stored object itself (or {@code before}, the stored object, for a no-op)
     * rather than a copy, for a caller that only serialises it: it must not be changed.
     */
    private ObjectNode commitShared(ResourceRequest request, ObjectNode before, ObjectNode after) {
        if (before != null && request.subresource().isEmpty()) {
            ImmutableFieldRules.check(request.type(), before, after);
        }
        if (ObjectMetadata.isNoOp(before, after)) {
            return before;
        }
        ObjectNode meta = Json.metadata(after);
        if (meta.has("deletionTimestamp") && meta.path("finalizers").isEmpty()) {
            return deletions.finish(request.type(), after, request.query().dryRun());
        }
        if (request.query().dryRun()) {
            return after;
        }
        ObjectNode stored = cluster.store().handOver(request.type().storageKey(), after);
        if (request.type().isCustomResourceDefinition()) {
            crds.established(stored);
        }
        return stored;
    }

    private ObjectNode existing(ResourceRequest request) {
        ResourceType type = request.type();
        ObjectNode existing = cluster.store().get(type.storageKey(), request.namespace(), request.name());
        if (existing == null) {
            throw ApiError.notFound(type.group(), type.plural(), request.name());
        }
        return existing;
    }

    private static void checkPrecondition(ResourceRequest request, ObjectNode existing, ObjectNode body) {
        String wanted = Json.text(body.path("metadata"), "resourceVersion");
        if (!wanted.isEmpty() && !wanted.equals(Json.text(existing.path("metadata"), "resourceVersion"))) {
            ResourceType type = request.type();
            throw ApiError.staleResourceVersion(type.group(), type.plural(), request.name());
        }
    }

    private void requireNamespace(ResourceRequest request, boolean creating) {
        if (!request.type().namespaced()) {
            return;
        }
        Boolean terminating = cluster.store().read("/namespaces", "", request.namespace(),
                namespace -> namespace == null ? null : namespace.path("metadata").has("deletionTimestamp"));
        if (terminating == null) {
            throw ApiError.notFound("", "namespaces", request.namespace());
        }
        if (creating && terminating) {
            throw ApiError.forbidden(request.type().plural() + " \"" + request.name() + "\" is forbidden: unable to"
                    + " create new content in namespace " + request.namespace() + " because it is being terminated");
        }
    }
}
