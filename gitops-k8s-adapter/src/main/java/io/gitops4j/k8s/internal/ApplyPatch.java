package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Sends one server-side apply request ({@code PATCH}, {@code application/apply-patch+yaml}) with a JSON body written
 * straight from the object's tree, and reads the answer straight into a tree: the same request the fabric8 DSL sends
 * (same path, {@code fieldManager}, {@code force}, {@code dryRun} and {@code fieldValidation} parameters, through the
 * client's own HTTP client, so its authentication, headers, retries and request timeout apply; see
 * {@link JsonRequests}), without the trips through the fabric8 object model on the way out and back. Thread-safe.
 */
final class ApplyPatch {
    private static final String CONTENT_TYPE = "application/apply-patch+yaml";

    private final JsonRequests requests;

    /**
     * Creates the sender.
     *
     * @param requests how requests reach the API server
     */
    ApplyPatch(JsonRequests requests) {
        this.requests = requireNonNull(requests, "requests is null");
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
        StringBuilder path = new StringBuilder(JsonRequests.objectPath(address, version));
        path.append("?fieldManager=").append(JsonRequests.query(fieldManager));
        if (force) {
            path.append("&force=true");
        }
        if (dryRun) {
            path.append("&dryRun=All");
        }
        path.append("&fieldValidation=").append(strict ? "Strict" : "Ignore");
        return requests.send("PATCH", path.toString(), CONTENT_TYPE, body);
    }
}
