package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;

/**
 * DELETE as the real server and its garbage collector behave: finalizers hold an object with a
 * {@code deletionTimestamp} until removed; deleting a namespace marks it {@code Terminating} and deletes what it
 * holds shortly after (as the namespace controller does); dependents
 * (by {@code ownerReferences}) are deleted with the {@code Background}/{@code Foreground} propagation policies
 * and orphaned with {@code Orphan}; deleting a CustomResourceDefinition stops serving its kinds.
 *
 * <p>Thread-safe: each operation runs while holding the store's lock.
 */
public final class Deletions {

    private final Cluster cluster;
    private final Consumer<Runnable> namespaceController;

    /**
     * Deletions over the cluster.
     *
     * @param namespaceController runs the deletion of a terminating namespace's contents later, as the real
     *     namespace controller does after the DELETE request has returned
     */
    public Deletions(Cluster cluster, Consumer<Runnable> namespaceController) {
        this.cluster = cluster;
        this.namespaceController = namespaceController;
    }

    /**
     * Deletes one object.
     *
     * @param options the DeleteOptions body (may be empty)
     * @return the response body: the object when finalizers hold it, else a success {@code Status}
     */
    public ObjectNode delete(ResourceRequest request, JsonNode options) {
        synchronized (cluster.store()) {
            ResourceType type = request.type();
            ObjectNode existing = cluster.store().get(type.storageKey(), request.namespace(), request.name());
            if (existing == null) {
                throw ApiError.notFound(type.group(), type.plural(), request.name());
            }
            checkPreconditions(request, existing, options.path("preconditions"));
            boolean dryRun = request.query().dryRun() || options.path("dryRun").toString().contains("All");
            String policy = options.path("propagationPolicy").asText(request.query().get("propagationPolicy"));
            if (existing.path("metadata").has("deletionTimestamp")) {
                return existing;
            }
            if (type.isNamespace()) {
                return deleteNamespace(existing, dryRun);
            }
            ObjectNode result = deleteOne(type, existing, policy, dryRun);
            return result.path("metadata").has("deletionTimestamp") ? result : success(type, result);
        }
    }

    /** Deletes every object of the request's type and namespace matching the selector. */
    public ObjectNode deleteCollection(ResourceRequest request, Selector selector) {
        synchronized (cluster.store()) {
            ResourceType type = request.type();
            ObjectNode list = Json.object();
            list.put("apiVersion", type.apiVersion());
            list.put("kind", type.kind() + "List");
            list.putObject("metadata");
            ArrayNode items = list.putArray("items");
            for (ObjectNode object : cluster.store().list(type.storageKey(), request.namespace())) {
                if (selector.matches(object)) {
                    items.add(deleteOne(type, object, "Background", request.query().dryRun()));
                }
            }
            Json.metadata(list).put("resourceVersion", Long.toString(cluster.store().resourceVersion()));
            return list;
        }
    }

    private ObjectNode deleteOne(ResourceType type, ObjectNode existing, String policy, boolean dryRun) {
        if (existing.path("metadata").has("deletionTimestamp")) {
            return existing;
        }
        if (!existing.path("metadata").path("finalizers").isEmpty()) {
            ObjectNode marked = markDeleted(existing);
            return dryRun ? marked : cluster.store().put(type.storageKey(), marked);
        }
        return removeNow(type, existing, policy, dryRun);
    }

    private ObjectNode markDeleted(ObjectNode existing) {
        ObjectNode marked = existing.deepCopy();
        Json.metadata(marked).put("deletionTimestamp", cluster.now());
        Json.metadata(marked).put("deletionGracePeriodSeconds", 0);
        return marked;
    }

    /** Removes an object whose deletion is due (its last finalizer went away), then its dependents. */
    ObjectNode finish(ResourceType type, ObjectNode object, boolean dryRun) {
        return removeNow(type, object, "Background", dryRun);
    }

    private ObjectNode removeNow(ResourceType type, ObjectNode object, String policy, boolean dryRun) {
        if (dryRun) {
            return object;
        }
        ObjectNode meta = Json.metadata(object);
        String namespace = Json.text(meta, "namespace");
        ObjectNode removed = cluster.store().remove(type.storageKey(), namespace, Json.text(meta, "name"));
        if (type.isCustomResourceDefinition()) {
            cluster.registry().unregister(object);
            JsonNode spec = object.path("spec");
            cluster.store().removeAll(spec.path("group").asText() + "/" + spec.path("names").path("plural").asText());
        }
        collectDependents(Json.text(meta, "uid"), policy);
        if (!namespace.isEmpty()) {
            finalizeNamespaceIfEmpty(namespace);
        }
        return removed == null ? object : removed;
    }

    private void collectDependents(String uid, String policy) {
        for (ObjectStore.Stored stored : cluster.store().all()) {
            JsonNode owners = stored.object().path("metadata").path("ownerReferences");
            for (int i = 0; i < owners.size(); i++) {
                if (!owners.get(i).path("uid").asText().equals(uid)) {
                    continue;
                }
                ResourceType type = cluster.typeOf(stored.storageKey());
                if (policy.equals("Orphan")) {
                    ObjectNode orphan = stored.object().deepCopy();
                    ((ArrayNode) Json.metadata(orphan).get("ownerReferences")).remove(i);
                    cluster.store().put(stored.storageKey(), orphan);
                } else if (type != null) {
                    ObjectNode current = current(stored);
                    if (current != null) {
                        deleteOne(type, current, policy, false);
                    }
                }
                break;
            }
        }
    }

    private ObjectNode current(ObjectStore.Stored stored) {
        ObjectNode meta = Json.metadata(stored.object());
        return cluster.store().get(stored.storageKey(), Json.text(meta, "namespace"), Json.text(meta, "name"));
    }

    private ObjectNode deleteNamespace(ObjectNode namespace, boolean dryRun) {
        ObjectNode marked = markDeleted(namespace);
        marked.withObjectProperty("status").put("phase", "Terminating");
        if (dryRun) {
            return marked;
        }
        ObjectNode stored = cluster.store().put("/namespaces", marked);
        String name = Json.text(namespace.path("metadata"), "name");
        namespaceController.accept(() -> purgeNamespace(name));
        return stored;
    }

    /** Deletes what a terminating namespace holds, then the namespace once nothing is left. */
    public void purgeNamespace(String name) {
        synchronized (cluster.store()) {
            List<ObjectStore.Stored> contents = cluster.store().all().stream()
                    .filter(s -> Json.text(s.object().path("metadata"), "namespace").equals(name)).toList();
            for (ObjectStore.Stored content : contents) {
                ResourceType type = cluster.typeOf(content.storageKey());
                ObjectNode current = current(content);
                if (type != null && current != null) {
                    deleteOne(type, current, "Background", false);
                }
            }
            finalizeNamespaceIfEmpty(name);
        }
    }

    private void finalizeNamespaceIfEmpty(String name) {
        ObjectNode namespace = cluster.store().get("/namespaces", "", name);
        if (namespace == null || !namespace.path("metadata").has("deletionTimestamp")) {
            return;
        }
        boolean empty = cluster.store().all().stream()
                .noneMatch(s -> Json.text(s.object().path("metadata"), "namespace").equals(name));
        if (empty) {
            cluster.store().remove("/namespaces", "", name);
        }
    }

    private static void checkPreconditions(ResourceRequest request, ObjectNode existing, JsonNode preconditions) {
        ObjectNode meta = Json.metadata(existing);
        String resourceVersion = Json.text(preconditions, "resourceVersion");
        String uid = Json.text(preconditions, "uid");
        if (!resourceVersion.isEmpty() && !resourceVersion.equals(Json.text(meta, "resourceVersion"))
                || !uid.isEmpty() && !uid.equals(Json.text(meta, "uid"))) {
            ResourceType type = request.type();
            throw ApiError.staleResourceVersion(type.group(), type.plural(), request.name());
        }
    }

    private static ObjectNode success(ResourceType type, ObjectNode deleted) {
        ObjectNode status = Json.object();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Success");
        ObjectNode details = status.putObject("details");
        details.put("name", Json.text(deleted.path("metadata"), "name"));
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        details.put("kind", type.plural());
        details.put("uid", Json.text(deleted.path("metadata"), "uid"));
        return status;
    }
}
