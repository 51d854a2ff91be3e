package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The stored objects, the cluster-wide resourceVersion counter and the event history that watches replay.
 *
 * <p>Thread-safe: every method synchronises on the store; callers that read-modify-write synchronise on the
 * store around the whole operation. Objects go in and out as deep copies; a stored object is never changed in place
 * (a change stores a new copy), so the watch history shares the stored objects, and readers of the history (watch
 * streams) copy what they change.
 */
public final class ObjectStore {

    private static final int HISTORY_LIMIT = 10_000;

    private final Map<String, ObjectNode> objects = new TreeMap<>();
    private final Deque<WatchEvent> history = new ArrayDeque<>();
    private final List<WatchSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private long resourceVersion = 1;

    private static String key(String storageKey, String namespace, String name) {
        return storageKey + "\u0000" + namespace + "\u0000" + name;
    }

    /** The current resourceVersion of the whole store. */
    public synchronized long resourceVersion() {
        return resourceVersion;
    }

    /** A copy of the stored object, or {@code null}. */
    public synchronized ObjectNode get(String storageKey, String namespace, String name) {
        ObjectNode object = objects.get(key(storageKey, namespace, name));
        return object == null ? null : object.deepCopy();
    }

    /**
     * The stored object itself, not a copy: a stored object is never changed once stored (a write stores a new
     * object), so a reader may serialise it or copy what it changes, under the store's lock or after it, as the
     * watch history does.
     *
     * @return the stored object, or {@code null}; it must not be changed
     */
    public synchronized ObjectNode stored(String storageKey, String namespace, String name) {
        return objects.get(key(storageKey, namespace, name));
    }

    /**
     * The stored objects themselves of a type, in one namespace or in all ("" for all), ordered by namespace and
     * name, for a reader that only serialises them (see {@link #stored}).
     *
     * @return the stored objects; they must not be changed
     */
    public synchronized List<ObjectNode> snapshots(String storageKey, String namespace) {
        String prefix = storageKey + "\u0000" + (namespace.isEmpty() ? "" : namespace + "\u0000");
        List<ObjectNode> result = new ArrayList<>();
        objects.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                result.add(v);
            }
        });
        return result;
    }

    /**
     * Reads the stored object without copying it, for a check that needs one or two of its fields.
     *
     * @param reader reads the object, or {@code null} when absent; it must neither change nor keep the object
     * @return what the reader returned
     */
    public synchronized <T> T read(String storageKey, String namespace, String name, Function<ObjectNode, T> reader) {
        return reader.apply(objects.get(key(storageKey, namespace, name)));
    }

    /** Copies of the objects of a type, in one namespace or in all ("" for all), ordered by namespace and name. */
    public synchronized List<ObjectNode> list(String storageKey, String namespace) {
        List<ObjectNode> result = snapshots(storageKey, namespace);
        result.replaceAll(ObjectNode::deepCopy);
        return result;
    }

    /**
     * A stored object with the storage key of its type.
     *
     * @param storageKey the type's storage key
     * @param object a copy of the object
     */
    public record Stored(String storageKey, ObjectNode object) {
    }

    /** Copies of every stored object, of any type, in storage order. */
    public synchronized List<Stored> all() {
        List<Stored> result = new ArrayList<>();
        objects.forEach((k, v) -> result.add(new Stored(k.substring(0, k.indexOf('\u0000')), v.deepCopy())));
        return result;
    }

    /**
     * Stores the object under a new resourceVersion and notifies watches.
     *
     * @return a copy of what was stored
     */
    public synchronized ObjectNode put(String storageKey, ObjectNode object) {
        return putOwned(storageKey, object.deepCopy());
    }

    /**
     * Stores the object itself, not a copy, under a new resourceVersion and notifies watches: for a writer that built
     * the object for this and hands it over.
     *
     * @param object the object to store; the caller must neither use nor change it afterwards
     * @return a copy of what was stored
     */
    public synchronized ObjectNode putOwned(String storageKey, ObjectNode object) {
        handOver(storageKey, object);
        return object.deepCopy();
    }

    /**
     * Stores the object itself, as {@link #putOwned}, for a writer that needs no copy of what was stored.
     *
     * @param object the object to store; the caller must not change it afterwards
     * @return the stored object itself (for a writer that only serialises it, see {@link #stored}); it must not be
     *     changed
     */
    public synchronized ObjectNode handOver(String storageKey, ObjectNode object) {
        ObjectNode meta = Json.metadata(object);
        String key = key(storageKey, Json.text(meta, "namespace"), Json.text(meta, "name"));
        ObjectNode previous = objects.get(key);
        resourceVersion++;
        meta.put("resourceVersion", Long.toString(resourceVersion));
        objects.put(key, object);
        publish(new WatchEvent(previous == null ? "ADDED" : "MODIFIED", storageKey, resourceVersion, object,
                previous));
        return object;
    }

    /**
     * Removes the object and notifies watches.
     *
     * @return the removed object's last state, with the resourceVersion of the deletion; {@code null} if absent
     */
    public synchronized ObjectNode remove(String storageKey, String namespace, String name) {
        ObjectNode removed = objects.remove(key(storageKey, namespace, name));
        if (removed == null) {
            return null;
        }
        resourceVersion++;
        ObjectNode last = removed.deepCopy();
        Json.metadata(last).put("resourceVersion", Long.toString(resourceVersion));
        publish(new WatchEvent("DELETED", storageKey, resourceVersion, last, last));
        return last.deepCopy();
    }

    /** Removes every object of a type (when its CustomResourceDefinition goes away). */
    public synchronized void removeAll(String storageKey) {
        for (ObjectNode object : list(storageKey, "")) {
            ObjectNode meta = Json.metadata(object);
            remove(storageKey, Json.text(meta, "namespace"), Json.text(meta, "name"));
        }
    }

    private void publish(WatchEvent event) {
        history.addLast(event);
        if (history.size() > HISTORY_LIMIT) {
            history.removeFirst();
        }
        subscriptions.forEach(s -> s.offer(event));
    }

    /**
     * Opens a watch. With {@code fromResourceVersion} null or 0 it first reports every matching object as ADDED;
     * otherwise it replays the retained changes after that version.
     *
     * @throws ApiError 410 when the version is older than the retained history
     */
    public synchronized WatchSubscription watch(WatchSubscription subscription, String storageKey, String namespace,
            Long fromResourceVersion) {
        if (fromResourceVersion == null || fromResourceVersion == 0) {
            list(storageKey, namespace).forEach(o -> subscription.offerExisting(o, resourceVersion));
        } else {
            long oldest = history.isEmpty() ? resourceVersion : history.peekFirst().resourceVersion() - 1;
            if (fromResourceVersion < oldest) {
                throw ApiError.expired("too old resource version: " + fromResourceVersion + " (" + oldest + ")");
            }
            history.stream().filter(e -> e.resourceVersion() > fromResourceVersion).forEach(subscription::offer);
        }
        subscriptions.add(subscription);
        return subscription;
    }

    /**
     * The resourceVersion a bookmark for a watch may carry: the current one, when the watch has taken every event
     * queued for it (changes are queued under this store's lock, so none up to that version is still to come).
     *
     * @return the version, or empty while events are queued for the watch
     */
    public synchronized Optional<Long> bookmark(WatchSubscription subscription) {
        return subscription.drained() ? Optional.of(resourceVersion) : Optional.empty();
    }

    /** Stops delivering events to a watch. */
    public void unwatch(WatchSubscription subscription) {
        subscriptions.remove(subscription);
    }

    /**
     * Forgets the event history up to now, as etcd's compaction does: a watch from an older resourceVersion then
     * gets 410 Gone.
     */
    public synchronized void compact() {
        history.clear();
    }

    /** Ends every open watch (on shutdown). */
    public void closeWatches() {
        subscriptions.forEach(WatchSubscription::close);
        subscriptions.clear();
    }
}
