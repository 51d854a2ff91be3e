package io.gitops4j.testkit.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A raw HTTP client for the server tests: JSON in, status code and JSON out. */
final class KubeHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    KubeHttp(URI base) {
        this.base = base;
    }

    /** A response: HTTP status and parsed JSON body (an empty object when there is none). */
    record Response(int code, JsonNode body) {
    }

    Response get(String path) {
        return send("GET", path, null, null);
    }

    Response post(String path, String json) {
        return send("POST", path, "application/json", json);
    }

    Response put(String path, String json) {
        return send("PUT", path, "application/json", json);
    }

    Response patch(String path, String contentType, String body) {
        return send("PATCH", path, contentType, body);
    }

    Response apply(String path, String manager, String yaml) {
        return apply(path, manager, false, yaml);
    }

    Response apply(String path, String manager, boolean force, String yaml) {
        String separator = path.contains("?") ? "&" : "?";
        return patch(path + separator + "fieldManager=" + manager + (force ? "&force=true" : ""),
                "application/apply-patch+yaml", yaml);
    }

    Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    Response delete(String path, String options) {
        return send("DELETE", path, "application/json", options);
    }

    private Response send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Response(response.statusCode(), text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
