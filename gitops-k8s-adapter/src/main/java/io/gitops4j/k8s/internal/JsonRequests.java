package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.internal.OperationSupport;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends REST requests to the API server through the client's own HTTP client (so its authentication, headers,
 * retries and request timeout apply) and reads each answer straight into a Jackson tree, with one mapper shared by
 * every target: no trip through the fabric8 object model, whose (de)serializers a new client builds again, and no
 * parsing on the HTTP client's event loop. A failure answer becomes the {@link KubernetesClientException} the fabric8
 * DSL would throw, carrying the server's {@code Status}. Thread-safe.
 */
final class JsonRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCEPT = "application/json";

    private final KubernetesClient client;

    /**
     * Creates the sender.
     *
     * @param client the client whose HTTP client, master URL and request configuration are used
     */
    JsonRequests(KubernetesClient client) {
        this.client = requireNonNull(client, "client is null");
    }

    /**
     * Reads one object or list.
     *
     * @param path the path below the master URL, starting with {@code /}, with any query
     * @return the answer, or empty when the server answers 404
     * @throws KubernetesClientException when the server refuses the read or cannot be reached
     */
    Optional<ObjectNode> get(String path) {
        HttpRequest request = builder(path).build();
        HttpResponse<byte[]> response = send(request);
        if (response.code() == 404) {
            return Optional.empty();
        }
        return Optional.of(answer(request, response));
    }

    /**
     * Sends a request with a JSON body.
     *
     * @param method the HTTP method, e.g. {@code PATCH}
     * @param path the path below the master URL, starting with {@code /}, with any query
     * @param contentType the body's content type
     * @param body the body, written as JSON
     * @return the answer
     * @throws KubernetesClientException when the server refuses the request or cannot be reached
     */
    ObjectNode send(String method, String path, String contentType, JsonNode body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new KubernetesClientException("cannot write the request body as JSON", e);
        }
        HttpRequest request = builder(path)
                .method(method, contentType, new ByteArrayInputStream(bytes), (long) bytes.length).build();
        return answer(request, send(request));
    }

    private HttpRequest.Builder builder(String path) {
        String master = client.getMasterUrl().toString();
        String url = (master.endsWith("/") ? master.substring(0, master.length() - 1) : master) + path;
        HttpRequest.Builder builder = client.getHttpClient().newHttpRequestBuilder().uri(url).header("Accept", ACCEPT);
        Integer timeout = client.getConfiguration().getRequestTimeout();
        if (timeout != null && timeout > 0) {
            builder.timeout(timeout, TimeUnit.MILLISECONDS);
        }
        return builder;
    }

    private ObjectNode answer(HttpRequest request, HttpResponse<byte[]> response) {
        if (!response.isSuccessful()) {
            throw OperationSupport.requestFailure(request,
                    OperationSupport.createStatus(response, client.getKubernetesSerialization()));
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            if (answer instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw new KubernetesClientException("the server answered " + request.method() + " " + request.uri()
                    + " with a body that is not JSON", e);
        }
        throw new KubernetesClientException("the server answered " + request.method() + " " + request.uri()
                + " with a body that is not an object");
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        HttpClient http = client.getHttpClient();
        try {
            return http.sendAsync(request, byte[].class).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted while waiting for " + request.method() + " "
                    + request.uri(), e);
        } catch (ExecutionException e) {
            RuntimeException failure = KubernetesClientException.launderThrowable(e.getCause());
            throw failure instanceof KubernetesClientException known ? known
                    : new KubernetesClientException(failure.getMessage(), failure);
        }
    }

    /**
     * Returns the path of a type's collection at a version: {@code /api/v1/namespaces/ns/configmaps}.
     *
     * @param address an object of the collection (its namespace is used when the type is namespaced)
     * @param version the API version to speak, e.g. {@code v1}
     * @return the path, without a trailing {@code /}
     */
    static String collectionPath(Address address, String version) {
        ApiResource type = address.type();
        StringBuilder path = new StringBuilder(96);
        path.append(type.group().isEmpty() ? "/api/" : "/apis/" + type.group() + "/").append(version);
        if (type.namespaced()) {
            path.append("/namespaces/").append(segment(address.key().namespace()));
        }
        return path.append('/').append(type.plural()).toString();
    }

    /**
     * Returns the path of an object at a version: {@code /api/v1/namespaces/ns/configmaps/name}.
     *
     * @param address the object
     * @param version the API version to speak
     * @return the path
     */
    static String objectPath(Address address, String version) {
        return collectionPath(address, version) + "/" + segment(address.key().name());
    }

    /**
     * Percent-encodes a path segment (object names may hold {@code :}, as RBAC names do, which stays as is).
     *
     * @param value the segment
     * @return the encoded segment
     */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
    }

    /**
     * Percent-encodes a query parameter value.
     *
     * @param value the value
     * @return the encoded value
     */
    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
