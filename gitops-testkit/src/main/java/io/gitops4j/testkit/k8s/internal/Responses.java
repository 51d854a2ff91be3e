package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes HTTP responses: JSON bodies, plain text, and {@code Status} failures. */
final class Responses {

    private Responses() {
    }

    static void json(HttpExchange exchange, int code, JsonNode body) throws IOException {
        bytes(exchange, code, "application/json", Json.bytes(body));
    }

    static void text(HttpExchange exchange, int code, String body) throws IOException {
        bytes(exchange, code, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    static void failure(HttpExchange exchange, ApiError error) throws IOException {
        json(exchange, error.code(), error.toStatus());
    }

    private static void bytes(HttpExchange exchange, int code, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache, private");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(code, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}
