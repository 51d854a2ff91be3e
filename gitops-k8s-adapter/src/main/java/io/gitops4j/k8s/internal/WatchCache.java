package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.gitops4j.model.ResourceKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live objects kept current by watches, the way an informer (or Argo CD's cluster cache) keeps them: per type and
 * namespace (one group per cluster-scoped type), the first observation LISTs, and a WATCH from that LIST's
 * resourceVersion ({@code allowWatchBookmarks}) keeps the group's objects current, so later observations of the group
 * send no request. Watches are namespace-scoped, so a client allowed to read only some namespaces works.
 *
 * <p>Correctness first: a group that is not synced (never listed, or its watch ended: a timeout, a lost connection,
 * {@code 410 Gone} for a compacted resourceVersion) answers nothing, and the observer lists it again, which starts a
 * new watch; the client's own reconnects are turned off for these watches, so a broken watch is never mistaken for a
 * quiet one. Each watch asks the server to end it after 5 to 10 minutes ({@code timeoutSeconds}, as client-go's
 * reflector does), and is not trusted 30 s past that, so even a connection that hangs without closing is bounded. What this target writes or deletes is read from the server until the watch has delivered it
 * ({@link #written}, {@link #deleted}). Staleness is otherwise at most the watch's delivery lag: an object someone
 * else changed is seen once its event has arrived.
 *
 * <p>Thread-safe. Holds no threads of its own: events arrive on the client's executor. {@link #close()} ends every
 * watch.
 */
public final class WatchCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WatchCache.class);
    /** Watches ask the server to end them after between this and twice this, as client-go's reflector does. */
    private static final Duration MIN_WATCH_TIMEOUT = Duration.ofMinutes(5);
    /** How long past its timeout a watch that has not ended is still trusted. */
    private static final Duration HUNG_WATCH_GRACE = Duration.ofSeconds(30);

    private final KubernetesClient watching;
    private final ConcurrentMap<String, WatchedGroup> groups = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * Creates a cache whose watches go through the client's connection, without the client's own reconnects.
     *
     * @param client the client
     */
    public WatchCache(KubernetesClient client) {
        requireNonNull(client, "client is null");
        RequestConfig noReconnects = new RequestConfigBuilder(client.getConfiguration().getRequestConfig())
                .withWatchReconnectLimit(0).build();
        this.watching = client.newClient(noReconnects).adapt(KubernetesClient.class);
    }

    /**
     * Returns whether the group of an address answers from its watch.
     *
     * @param address any address of the group
     * @return {@code true} when synced
     */
    public boolean synced(Address address) {
        WatchedGroup group = groups.get(address.collectionId());
        return group != null && group.synced();
    }

    /**
     * Returns what the cache knows of one object.
     *
     * @param address the object
     * @return known present (with the object, not to be modified), known absent, or unknown: then ask the server
     */
    public Lookup lookup(Address address) {
        WatchedGroup group = groups.get(address.collectionId());
        return group == null ? new Lookup(false, null) : group.lookup(address.key().name());
    }

    /**
     * Starts a group from a LIST of its whole collection: its items answer from now on, and a watch from the list's
     * resourceVersion keeps them current. A group already there is replaced (its watch closed).
     *
     * @param address any address of the group
     * @param items every object of the collection, with apiVersion and kind set; not modified afterwards
     * @param resourceVersion the list's resourceVersion
     */
    public void start(Address address, List<GenericKubernetesResource> items, String resourceVersion) {
        if (closed || resourceVersion == null || resourceVersion.isEmpty()) {
            return;
        }
        String id = address.collectionId();
        long timeout = MIN_WATCH_TIMEOUT.toSeconds() + ThreadLocalRandom.current().nextLong(MIN_WATCH_TIMEOUT.toSeconds());
        WatchedGroup group = new WatchedGroup(id, items, ended -> groups.remove(id, ended),
                Duration.ofSeconds(timeout).plus(HUNG_WATCH_GRACE));
        WatchedGroup previous = groups.put(id, group);
        if (previous != null) {
            previous.end();
        }
        try {
            Watch watch = address.collection(watching, address.type().version()).watch(new ListOptionsBuilder()
                    .withResourceVersion(resourceVersion).withAllowWatchBookmarks(true).withTimeoutSeconds(timeout).build(),
                    group);
            group.watchedBy(watch);
            LOG.debug("watching {} from resourceVersion {}", id, resourceVersion);
        } catch (KubernetesClientException e) {
            LOG.debug("cannot watch {}; observing it with requests: {}", id, e.getMessage());
            group.end();
        }
        if (closed) {
            group.end();
        }
    }

    /**
     * Notes a write of one object by this target: until the watch delivers an event of it at least this new, the
     * object is read from the server.
     *
     * @param key the resolved key
     * @param resourceVersion the resourceVersion the write returned, {@code null} when unknown
     */
    public void written(ResourceKey key, String resourceVersion) {
        WatchedGroup group = groups.get(Address.collectionId(key));
        if (group != null) {
            group.written(key.name(), resourceVersion);
        }
    }

    /**
     * Notes a deletion by this target: until the watch delivers the deletion (or a later change), the object is
     * read from the server.
     *
     * @param key the resolved key
     * @param lastSeen the resourceVersion the target last observed or wrote of it, {@code null} when unknown
     */
    public void deleted(ResourceKey key, String lastSeen) {
        WatchedGroup group = groups.get(Address.collectionId(key));
        if (group != null) {
            group.deleted(key.name(), lastSeen);
        }
    }

    /**
     * Returns how many groups answer from their watches.
     *
     * @return the number of synced groups
     */
    public int syncedGroups() {
        return (int) groups.values().stream().filter(WatchedGroup::synced).count();
    }

    /** Ends every watch; later observations send requests, and no new watch starts. */
    @Override
    public void close() {
        closed = true;
        groups.values().forEach(WatchedGroup::end);
        groups.clear();
    }

    /**
     * What the cache knows of one object.
     *
     * @param known whether the answer can be trusted; when not, ask the server
     * @param object the object when known present, {@code null} when known absent or unknown
     */
    public record Lookup(boolean known, GenericKubernetesResource object) {
    }
}
