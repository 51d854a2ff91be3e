package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;

/** Serves the verbs on one resource path: get, list, watch, create, update, patch, delete, deletecollection. */
final class ResourceEndpoint {

    private final Cluster cluster;
    private final Writes writes;
    private final Deletions deletions;
    private final WatchStream watches;

    ResourceEndpoint(Cluster cluster, Writes writes, Deletions deletions) {
        this.cluster = cluster;
        this.writes = writes;
        this.deletions = deletions;
        this.watches = new WatchStream(cluster.store());
    }

    void serve(HttpExchange exchange, ResourceRequest request, boolean watch) throws IOException {
        String method = exchange.getRequestMethod();
        boolean collection = request.name().isEmpty();
        if (collection && request.type().namespaced() && request.namespace().isEmpty()
                && !method.equals("GET")) {
            throw ApiError.methodNotAllowed(method);
        }
        String upgrade = exchange.getRequestHeaders().getFirst("Upgrade");
        if (upgrade != null && upgrade.equalsIgnoreCase("websocket")) {
            // fabric8 tries a websocket watch first and falls back to an HTTP streaming watch when the handshake
            // is answered with 200 or 503; 503 is retried with backoff first, so answer 200 without upgrading.
            Responses.json(exchange, 200, ApiError.serviceUnavailable("websocket upgrades are not supported by this"
                    + " server; use a streaming HTTP watch").toStatus());
            return;
        }
        if (method.equals("GET") && (watch || request.query().flag("watch"))) {
            watches.serve(exchange, request, selector(request));
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.contains("protobuf")) {
            throw ApiError.unsupportedMediaType(contentType + " (this server speaks JSON only; kubectl's"
                    + " imperative generators such as 'kubectl create configmap' send protobuf, use 'kubectl apply')");
        }
        switch (method + (collection ? " collection" : " item")) {
            case "GET collection":
                Responses.json(exchange, 200, list(request));
                return;
            case "GET item":
                Responses.json(exchange, 200, versioned(request, get(request)));
                return;
            case "POST collection": {
                Writes.Result result = writes.create(request, Json.parseObject(body(exchange), false));
                Responses.json(exchange, result.code(), versioned(request, result.object()));
                return;
            }
            case "PUT item":
                Responses.json(exchange, 200, versioned(request,
                        writes.update(request, Json.parseObject(body(exchange), false)).object()));
                return;
            case "PATCH item": {
                Writes.Result result = writes.patch(request, contentType == null ? "" : contentType, body(exchange));
                Responses.json(exchange, result.code(), versioned(request, result.object()));
                return;
            }
            case "DELETE item": {
                byte[] body = body(exchange);
                JsonNode options = body.length == 0 ? Json.object() : Json.parse(body, false);
                Responses.json(exchange, 200, versioned(request, deletions.delete(request, options)));
                return;
            }
            case "DELETE collection":
                Responses.json(exchange, 200, deletions.deleteCollection(request, selector(request)));
                return;
            default:
                throw ApiError.methodNotAllowed(method);
        }
    }

    private ObjectNode get(ResourceRequest request) {
        ResourceType type = request.type();
        ObjectNode object = cluster.store().stored(type.storageKey(), request.namespace(), request.name());
        if (object == null) {
            throw ApiError.notFound(type.group(), type.plural(), request.name());
        }
        return object;
    }

    private ObjectNode list(ResourceRequest request) {
        ResourceType type = request.type();
        Selector selector = selector(request);
        ObjectNode list = Json.object();
        list.put("apiVersion", type.apiVersion());
        list.put("kind", type.kind() + "List");
        ArrayNode items;
        synchronized (cluster.store()) {
            Json.metadata(list).put("resourceVersion", Long.toString(cluster.store().resourceVersion()));
            items = list.putArray("items");
            for (ObjectNode object : cluster.store().snapshots(type.storageKey(), request.namespace())) {
                if (selector.matches(object)) {
                    items.add(versioned(request, object));
                }
            }
        }
        return list;
    }

    private static Selector selector(ResourceRequest request) {
        return Selector.parse(request.query().get("labelSelector"), request.query().get("fieldSelector"));
    }

    /**
     * The object with the request's apiVersion, never changing the object it is given (which may be the stored one,
     * read after the store's lock): the same object when it has that apiVersion already, else a copy of its top
     * level (its fields are shared, not changed).
     */
    private static ObjectNode versioned(ResourceRequest request, ObjectNode object) {
        String apiVersion = request.type().apiVersion();
        if (!object.path("kind").asText().equals(request.type().kind())
                || object.path("apiVersion").asText().equals(apiVersion)) {
            return object;
        }
        ObjectNode copy = Json.object();
        copy.setAll(object);
        copy.put("apiVersion", apiVersion);
        return copy;
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }
}
