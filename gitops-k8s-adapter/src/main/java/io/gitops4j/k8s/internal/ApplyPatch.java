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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends one server-side apply request ({@code PATCH}, {@code application/apply-patch+yaml}) with a JSON body written
 * straight from the object's tree, and reads the answer straight into a tree: the same request the fabric8 DSL sends
 * (same path, {@code fieldManager}, {@code force}, {@code dryRun} and {@code fieldValidation} parameters, through the
 * client's own HTTP client, so its authentication, headers, retries and request timeout apply), without the trips
 * through the fabric8 object model on the way out and back. A failure answer becomes the
 * {@link KubernetesClientException} the DSL would throw, carrying the server's {@code Status}. Thread-safe.
 */
final class ApplyPatch {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/apply-patch+yaml";

    private final KubernetesClient client;

    /**
     * Creates the sender.
     *
     * @param client the client whose HTTP client, master URL and request configuration are used
     */
    ApplyPatch(KubernetesClient client) {
        this.client = requireNonNull(client, "client is null");
    }

    /**
     * Applies an object.
     *
     * @param address where the object lives
     * @param version the API version to speak, e.g. {@code v1}
     * @param body the object to apply, as sent
     * @param fieldManager the field manager
     * @param force whether to force conflicts
     * @param dryRun whether this is a server dry run
     * @param strict whether unknown fields fail the apply ({@code fieldValidation=Strict}, else {@code Ignore})
     * @return the object as the server answered it
     * @throws KubernetesClientException when the server refuses the apply or cannot be reached
     */
    ObjectNode apply(Address address, String version, JsonNode body, String fieldManager, boolean force,
            boolean dryRun, boolean strict) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new KubernetesClientException("cannot write the object to apply as JSON", e);
        }
        HttpClient http = client.getHttpClient();
        HttpRequest.Builder builder = http.newHttpRequestBuilder()
                .uri(url(address, version, fieldManager, force, dryRun, strict))
                .method("PATCH", CONTENT_TYPE, new ByteArrayInputStream(bytes), (long) bytes.length);
        Integer timeout = client.getConfiguration().getRequestTimeout();
        if (timeout != null && timeout > 0) {
            builder.timeout(timeout, TimeUnit.MILLISECONDS);
        }
        HttpRequest request = builder.build();
        HttpResponse<byte[]> response = send(http, request);
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
            throw new KubernetesClientException("the server answered the apply with a body that is not JSON", e);
        }
        throw new KubernetesClientException("the server answered the apply with a body that is not an object");
    }

    private static HttpResponse<byte[]> send(HttpClient http, HttpRequest request) {
        try {
            return http.sendAsync(request, byte[].class).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted while applying", e);
        } catch (ExecutionException e) {
            RuntimeException failure = KubernetesClientException.launderThrowable(e.getCause());
            throw failure instanceof KubernetesClientException known ? known
                    : new KubernetesClientException(failure.getMessage(), failure);
        }
    }

    /** The object's URL with the apply's query parameters, as the fabric8 DSL builds it. */
    private String url(Address address, String version, String fieldManager, boolean force, boolean dryRun,
            boolean strict) {
        String master = client.getMasterUrl().toString();
        StringBuilder url = new StringBuilder(master.length() + 160);
        url.append(master, 0, master.endsWith("/") ? master.length() - 1 : master.length());
        ApiResource type = address.type();
        if (type.group().isEmpty()) {
            url.append("/api/").append(version);
        } else {
            url.append("/apis/").append(type.group()).append('/').append(version);
        }
        if (type.namespaced()) {
            url.append("/namespaces/").append(segment(address.key().namespace()));
        }
        url.append('/').append(type.plural()).append('/').append(segment(address.key().name()));
        url.append("?fieldManager=").append(URLEncoder.encode(fieldManager, StandardCharsets.UTF_8));
        if (force) {
            url.append("&force=true");
        }
        if (dryRun) {
            url.append("&dryRun=All");
        }
        url.append("&fieldValidation=").append(strict ? "Strict" : "Ignore");
        return url.toString();
    }

    /** Percent-encodes a path segment (object names may hold {@code :}, as RBAC names do, which stays as is). */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
    }
}
