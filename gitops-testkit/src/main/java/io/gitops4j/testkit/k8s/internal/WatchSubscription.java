package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One open watch: the events matching its type, namespace and selector, queued for the HTTP stream.
 *
 * <p>A change that makes an object start (stop) matching the selector is delivered as ADDED (DELETED), as the
 * real server does. Thread-safe: the store offers, one stream thread polls.
 */
public final class WatchSubscription {

    private static final WatchEvent CLOSED = new WatchEvent("CLOSED", "", 0, Json.object(), null);

    private final String storageKey;
    private final String namespace;
    private final Selector selector;
    private final BlockingQueue<WatchEvent> queue = new LinkedBlockingQueue<>();

    /**
     * A subscription.
     *
     * @param namespace the namespace to watch, or "" for all namespaces
     */
    public WatchSubscription(String storageKey, String namespace, Selector selector) {
        this.storageKey = storageKey;
        this.namespace = namespace;
        this.selector = selector;
    }

    /** Queues the event if it concerns this watch, translated for the selector. */
    void offer(WatchEvent event) {
        if (!event.storageKey().equals(storageKey)
                || !namespace.isEmpty() && !namespace.equals(event.namespace())) {
            return;
        }
        boolean now = selector.matches(event.object());
        boolean before = event.previous() != null && selector.matches(event.previous());
        if (event.type().equals("MODIFIED") && now != before) {
            queue.add(new WatchEvent(now ? "ADDED" : "DELETED", event.storageKey(), event.resourceVersion(),
                    event.object(), event.previous()));
        } else if (now || event.type().equals("DELETED") && before) {
            queue.add(event);
        }
    }

    /** Queues a synthetic ADDED event for an object that exists when the watch starts. */
    void offerExisting(ObjectNode object, long resourceVersion) {
        if (selector.matches(object)) {
            queue.add(new WatchEvent("ADDED", storageKey, resourceVersion, object, null));
        }
    }

    /** Whether no event is queued. */
    boolean drained() {
        return queue.isEmpty();
    }

    /** Ends the stream: the next poll after queued events reports closed. */
    void close() {
        queue.add(CLOSED);
    }

    /**
     * The next event, waiting at most {@code timeout}.
     *
     * @return the event; empty when none arrived in time
     * @throws InterruptedException when interrupted while waiting
     * @throws java.util.concurrent.CancellationException when the watch was closed
     */
    public Optional<WatchEvent> next(Duration timeout) throws InterruptedException {
        WatchEvent event = queue.poll(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        if (event == CLOSED) {
            throw new java.util.concurrent.CancellationException("watch closed");
        }
        return Optional.ofNullable(event);
    }
}
