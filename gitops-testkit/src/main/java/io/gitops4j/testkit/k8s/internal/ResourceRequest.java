package io.gitops4j.testkit.k8s.internal;

import static java.util.Objects.requireNonNull;

/**
 * A request on a resource path: its type, namespace, name, subresource and query.
 *
 * @param type the served type
 * @param namespace the namespace from the path ("" for cluster-scoped or all-namespaces requests)
 * @param name the object name ("" for collection requests)
 * @param subresource "" or e.g. {@code status}
 * @param query the query parameters
 * @param userAgent the client's User-Agent header ("" when absent)
 */
public record ResourceRequest(ResourceType type, String namespace, String name, String subresource, Query query,
        String userAgent) {

    /** Validates. */
    public ResourceRequest {
        requireNonNull(type, "type is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(name, "name is null");
        requireNonNull(subresource, "subresource is null");
        requireNonNull(query, "query is null");
        requireNonNull(userAgent, "userAgent is null");
    }

    /** The field manager: the {@code fieldManager} parameter, else derived from the User-Agent like the real server. */
    public String fieldManager() {
        String manager = query.get("fieldManager");
        if (!manager.isEmpty()) {
            return manager;
        }
        String agent = userAgent.isEmpty() ? "unknown" : userAgent;
        int slash = agent.indexOf('/');
        return slash > 0 ? agent.substring(0, slash) : agent;
    }
}
