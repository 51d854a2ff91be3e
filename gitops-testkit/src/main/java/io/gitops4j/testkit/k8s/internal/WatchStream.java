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
            stream(out, subscription, request, timeout);
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

    private static void stream(OutputStream out, WatchSubscription subscription, ResourceRequest request,
            Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                Optional<WatchEvent> event = subscription.next(Duration.ofNanos(remaining));
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

    private static void write(OutputStream out, String type, ObjectNode object) throws IOException {
        ObjectNode line = Json.object();
        line.put("type", type);
        line.set("object", object);
        out.write(Json.bytes(line));
        out.write('\n');
        out.flush();
    }
}
