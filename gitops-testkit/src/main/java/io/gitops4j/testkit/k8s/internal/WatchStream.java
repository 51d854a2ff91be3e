package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Streams watch events over a chunked HTTP response, one JSON object per line, until the watch times out,
 * the client goes away or the server closes.
 */
final class WatchStream {

    /** How long a watch without {@code timeoutSeconds} stays open; clients re-establish watches, as with a real one. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** How often a watch that asked for bookmarks gets one, as the real server's watch cache sends them. */
    static final Duration BOOKMARK_INTERVAL = Duration.ofMinutes(1);
    /** How long before its end a watch that asked for bookmarks gets its last one. */
    static final Duration LAST_BOOKMARK = Duration.ofMillis(500);

    private final ObjectStore store;

    WatchStream(ObjectStore store) {
        this.store = store;
    }

    void serve(HttpExchange exchange, ResourceRequest request, Selector selector) throws IOException {
        ResourceType type = request.type();
        WatchSubscription subscription = new WatchSubscription(type.storageKey(), request.namespace(), selector);
        String from = request.query().get("resourceVersion");
        Duration timeout = timeout(request);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache, private");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            try {
                store.watch(subscription, type.storageKey(), request.namespace(),
                        from.isEmpty() ? null : Long.parseLong(from));
            } catch (ApiError expired) {
                write(out, "ERROR", expired.toStatus());
                return;
            } catch (NumberFormatException e) {
                write(out, "ERROR", ApiError.badRequest("invalid resourceVersion " + from).toStatus());
                return;
            }
            stream(out, subscription, request, timeout, request.query().flag("allowWatchBookmarks"));
        } finally {
            store.unwatch(subscription);
            exchange.close();
        }
    }

    private static Duration timeout(ResourceRequest request) {
        String seconds = request.query().get("timeoutSeconds");
        try {
            return seconds.isEmpty() ? DEFAULT_TIMEOUT : Duration.ofSeconds(Long.parseLong(seconds));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid timeoutSeconds \"" + seconds + "\"");
        }
    }

    /*
     * With allowWatchBookmarks, a BOOKMARK (an object holding only kind, apiVersion and a resourceVersion) is sent
     * every BOOKMARK_INTERVAL and shortly before the watch ends, when every change up to that resourceVersion has been
     * streamed: the client may then resume from it, as from a real server's bookmark.
     */
    private void stream(OutputStream out, WatchSubscription subscription, ResourceRequest request,
            Duration timeout, boolean bookmarks) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextBookmark = nextBookmark(deadline);
        try {
            while (true) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    return;
                }
                if (bookmarks && now >= nextBookmark) {
                    Optional<Long> version = store.bookmark(subscription);
                    if (version.isPresent()) {
                        write(out, "BOOKMARK", bookmark(request.type(), version.get()));
                    }
                    nextBookmark = nextBookmark(deadline);
                }
                long wait = (bookmarks ? Math.min(deadline, nextBookmark) : deadline) - now;
                Optional<WatchEvent> event = subscription.next(Duration.ofNanos(Math.max(wait, 1_000_000)));
                if (event.isPresent()) {
                    ObjectNode object = event.get().object().deepCopy();
                    object.put("apiVersion", request.type().apiVersion());
                    write(out, event.get().type(), object);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (CancellationException closed) {
            return;
        }
    }

    private static long nextBookmark(long deadline) {
        long now = System.nanoTime();
        long beforeEnd = deadline - LAST_BOOKMARK.toNanos();
        long periodic = now + BOOKMARK_INTERVAL.toNanos();
        return beforeEnd > now ? Math.min(periodic, beforeEnd) : periodic;
    }

    private static ObjectNode bookmark(ResourceType type, long resourceVersion) {
        ObjectNode object = Json.object();
        object.put("kind", type.kind());
        object.put("apiVersion", type.apiVersion());
        Json.metadata(object).put("resourceVersion", Long.toString(resourceVersion));
        return object;
    }

    private static void write(OutputStream out, String type, ObjectNode object) throws IOException {
        ObjectNode line = Json.object();
        line.put("type", type);
        line.set("object", object);
        out.write(Json.bytes(line));
        out.write('\n');
        out.flush();
    }
}
