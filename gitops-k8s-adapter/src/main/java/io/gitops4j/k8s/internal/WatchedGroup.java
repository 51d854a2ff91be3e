package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
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
    private final long expiresAt;
    private final Map<String, GenericKubernetesResource> objects = new HashMap<>();
    private final Map<String, Pending> pending = new HashMap<>();
    private final Map<String, String> tombstones = new HashMap<>();
    private boolean synced = true;
    private Watch watch;

    /**
     * A group holding the items of a LIST.
     *
     * @param id the group's name in logs: type and namespace
     * @param items the listed objects, with apiVersion and kind set
     * @param onEnd called once when the group stops being synced, to drop it from its cache
     * @param lifetime how long the group may answer at most: a little longer than its watch's {@code timeoutSeconds},
     *     so a watch whose connection hangs without closing is not trusted past the server's own deadline for it
     */
    WatchedGroup(String id, List<GenericKubernetesResource> items, Consumer<WatchedGroup> onEnd, Duration lifetime) {
        this.id = requireNonNull(id, "id is null");
        this.expiresAt = System.nanoTime() + lifetime.toNanos();
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
    WatchCache.Lookup lookup(String name) {
        if (!synced()) {
            return UNKNOWN;
        }
        return known(name);
    }

    private synchronized WatchCache.Lookup known(String name) {
        if (!synced || pending.containsKey(name)) {
            return UNKNOWN;
        }
        GenericKubernetesResource object = objects.get(name);
        return object == null ? ABSENT : new WatchCache.Lookup(true, object);
    }

    /** Returns whether the group still answers from its watch; past its lifetime it ends. */
    boolean synced() {
        synchronized (this) {
            if (!synced) {
                return false;
            }
        }
        if (System.nanoTime() - expiresAt >= 0) {
            LOG.debug("watch of {} outlived its timeout without ending; listing again", id);
            end();
            return false;
        }
        return true;
    }

    /** Marks a name pending until an event at least as new as the resourceVersion a write of it returned. */
    synchronized void written(String name, String resourceVersion) {
        GenericKubernetesResource held = objects.get(name);
        Long written = ResourceVersions.numeric(resourceVersion);
        Long holds = held == null ? null : ResourceVersions.numeric(held.getMetadata().getResourceVersion());
        if (written != null && holds != null && holds >= written) {
            return;
        }
        pending.put(name, new Pending(written, false));
    }

    /**
     * Marks a deleted name pending until the watch reports it gone, being deleted, or created again, newer than both
     * what the group holds of it and what this target last saw of it; nothing to wait for when the group already
     * received such a deletion.
     *
     * @param name the object's name
     * @param lastSeen the resourceVersion this target last observed or wrote of it, {@code null} when unknown
     */
    synchronized void deleted(String name, String lastSeen) {
        GenericKubernetesResource held = objects.get(name);
        Long holds = held == null ? null : ResourceVersions.numeric(held.getMetadata().getResourceVersion());
        Long seen = ResourceVersions.numeric(lastSeen);
        Long newest = holds == null ? seen : seen == null ? holds : Long.valueOf(Math.max(holds, seen));
        Long threshold = newest == null ? null : newest + 1;
        String gone = tombstones.get(name);
        if (held == null && gone != null && threshold != null && ResourceVersions.atLeast(gone, threshold)) {
            return;
        }
        pending.put(name, new Pending(threshold, true));
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
            Pending waiting = pending.get(name);
            if (waiting != null && waiting.settledBy(action, object)) {
                pending.remove(name);
            }
            GenericKubernetesResource held = objects.get(name);
            if (held != null && !ResourceVersions.atLeast(version, held.getMetadata().getResourceVersion())) {
                return;
            }
            if (action == Action.DELETED) {
                objects.remove(name);
                tombstones.put(name, version);
            } else {
                objects.put(name, object);
                tombstones.remove(name);
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

    /**
     * What a name waits for: an event at least {@code threshold} new ({@code null}: any event), and for a deletion one
     * that shows the object gone, being deleted or created again.
     */
    private record Pending(Long threshold, boolean deletion) {
        boolean settledBy(Action action, GenericKubernetesResource object) {
            boolean afterDeletion = action != Action.MODIFIED || object.getMetadata().getDeletionTimestamp() != null;
            return ResourceVersions.atLeast(object.getMetadata().getResourceVersion(), threshold)
                    && (!deletion || afterDeletion);
        }
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
            tombstones.clear();
            toClose = watch;
        }
        onEnd.accept(this);
        if (toClose != null) {
            toClose.close();
        }
    }
}
