package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The objects of one type in one namespace (or of one cluster-scoped type) as a LIST found them and a WATCH from that
 * LIST's resourceVersion has changed them since: one generation of a {@link WatchCache} entry.
 *
 * <p>A group is synced from its LIST until its watch ends for any reason (the server's timeout, a lost connection,
 * {@code 410 Gone}, an {@code ERROR} event); it never becomes synced again: the cache drops it and the next
 * observation lists afresh. An object this target just wrote or deleted is pending until the watch delivers an event
 * of it at least as new as the write (resourceVersions compared as numbers when both are; an opaque one accepts the
 * event), so an observation reads it from the server meanwhile and an older event never hides a newer write.
 * Thread-safe: events arrive on the client's watch thread, lookups from observers.
 */
final class WatchedGroup implements Watcher<GenericKubernetesResource> {
    private static final Logger LOG = LoggerFactory.getLogger(WatchedGroup.class);

    private static final WatchCache.Lookup UNKNOWN = new WatchCache.Lookup(false, null);
    private static final WatchCache.Lookup ABSENT = new WatchCache.Lookup(true, null);

    private final String id;
    private final Consumer<WatchedGroup> onEnd;
    private final Map<String, GenericKubernetesResource> objects = new HashMap<>();
    private final Map<String, Long> pending = new HashMap<>();
    private boolean synced = true;
    private Watch watch;

    /**
     * A group holding the items of a LIST.
     *
     * @param id the group's name in logs: type and namespace
     * @param items the listed objects, with apiVersion and kind set
     * @param onEnd called once when the group stops being synced, to drop it from its cache
     */
    WatchedGroup(String id, List<GenericKubernetesResource> items, Consumer<WatchedGroup> onEnd) {
        this.id = requireNonNull(id, "id is null");
        this.onEnd = requireNonNull(onEnd, "onEnd is null");
        for (GenericKubernetesResource item : items) {
            objects.put(item.getMetadata().getName(), item);
        }
    }

    /** Keeps the watch feeding this group, to close it with the group; closes it at once if the group ended. */
    void watchedBy(Watch value) {
        boolean ended;
        synchronized (this) {
            ended = !synced;
            watch = value;
        }
        if (ended) {
            value.close();
        }
    }

    /** Returns what the group knows of a name: unknown once it is no longer synced, or while the name is pending. */
    synchronized WatchCache.Lookup lookup(String name) {
        if (!synced || pending.containsKey(name)) {
            return UNKNOWN;
        }
        GenericKubernetesResource object = objects.get(name);
        return object == null ? ABSENT : new WatchCache.Lookup(true, object);
    }

    /** Returns whether the group still answers from its watch. */
    synchronized boolean synced() {
        return synced;
    }

    /** Marks a name pending until an event at least as new as the resourceVersion a write of it returned. */
    synchronized void written(String name, String resourceVersion) {
        GenericKubernetesResource held = objects.get(name);
        if (held != null && resourceVersion != null
                && ResourceVersions.atLeast(held.getMetadata().getResourceVersion(), resourceVersion)) {
            return;
        }
        pending.put(name, ResourceVersions.numeric(resourceVersion));
    }

    /** Marks a deleted name pending until an event newer than what the group holds of it (its deletion). */
    synchronized void deleted(String name) {
        GenericKubernetesResource held = objects.get(name);
        if (held != null) {
            Long version = ResourceVersions.numeric(held.getMetadata().getResourceVersion());
            pending.put(name, version == null ? null : version + 1);
        }
    }

    @Override
    public void eventReceived(Action action, GenericKubernetesResource object) {
        if (action == Action.BOOKMARK) {
            return;
        }
        if (action == Action.ERROR || object == null || object.getMetadata() == null) {
            LOG.debug("watch of {} reported an error; listing again on the next observation", id);
            end();
            return;
        }
        String name = object.getMetadata().getName();
        String version = object.getMetadata().getResourceVersion();
        synchronized (this) {
            if (!synced) {
                return;
            }
            Long threshold = pending.get(name);
            if (pending.containsKey(name) && (threshold == null || ResourceVersions.atLeast(version, threshold))) {
                pending.remove(name);
            }
            GenericKubernetesResource held = objects.get(name);
            if (held != null && !ResourceVersions.atLeast(version, held.getMetadata().getResourceVersion())) {
                return;
            }
            if (action == Action.DELETED) {
                objects.remove(name);
            } else {
                objects.put(name, object);
            }
        }
    }

    @Override
    public void onClose(WatcherException cause) {
        LOG.debug("watch of {} ended ({}); listing again on the next observation", id,
                cause.isHttpGone() ? "410 Gone" : cause.getMessage());
        end();
    }

    @Override
    public void onClose() {
        end();
    }

    /** Stops answering from this group and closes its watch; idempotent. */
    void end() {
        Watch toClose;
        synchronized (this) {
            if (!synced) {
                return;
            }
            synced = false;
            objects.clear();
            pending.clear();
            toClose = watch;
        }
        onEnd.accept(this);
        if (toClose != null) {
            toClose.close();
        }
    }
}
