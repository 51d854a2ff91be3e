package io.gitops4j.testkit.k8s.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP entry point: routes discovery, OpenAPI and health paths, and hands resource paths to the resource
 * endpoint. Failures become {@code Status} bodies.
 */
public final class ApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final Cluster cluster;
    private final Discovery discovery;
    private final OpenApi openApi;
    private final ResourceEndpoint resources;

    /** A handler serving the given cluster through the given write and delete operations. */
    public ApiHandler(Cluster cluster, Writes writes, Deletions deletions) {
        this.cluster = cluster;
        this.discovery = new Discovery(cluster.registry());
        this.openApi = new OpenApi(cluster.registry());
        this.resources = new ResourceEndpoint(cluster, writes, deletions);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        LOG.debug("{} {}", exchange.getRequestMethod(), exchange.getRequestURI());
        try {
            route(exchange, path);
        } catch (ApiError error) {
            LOG.debug("{} {} -> {} {}", exchange.getRequestMethod(), path, error.code(), error.getMessage());
            Responses.failure(exchange, error);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", exchange.getRequestMethod(), path, e);
            Responses.failure(exchange, ApiError.internal(e));
        }
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.equals("/healthz") || trimmed.equals("/livez") || trimmed.equals("/readyz")) {
            Responses.text(exchange, 200, "ok");
            return;
        }
        if (trimmed.equals("/version")) {
            Responses.json(exchange, 200, discovery.version());
            return;
        }
        if (trimmed.equals("/api")) {
            Responses.json(exchange, 200, discovery.coreVersions(serverAddress(exchange)));
            return;
        }
        if (trimmed.equals("/apis")) {
            Responses.json(exchange, 200, discovery.groups());
            return;
        }
        if (trimmed.equals("/openapi/v3")) {
            Responses.json(exchange, 200, openApi.index());
            return;
        }
        if (trimmed.startsWith("/openapi/v3/")) {
            Responses.json(exchange, 200, openApi.document(trimmed.substring("/openapi/v3/".length()))
                    .orElseThrow(() -> ApiError.noSuchPath(path)));
            return;
        }
        String[] segments = trimmed.substring(1).split("/");
        if (segments.length == 2 && segments[0].equals("api")) {
            Responses.json(exchange, 200, discovery.resources(segments[1])
                    .orElseThrow(() -> ApiError.noSuchPath(path)));
            return;
        }
        if (segments.length == 2 && segments[0].equals("apis")) {
            Responses.json(exchange, 200, discovery.group(segments[1]).orElseThrow(() -> ApiError.noSuchPath(path)));
            return;
        }
        if (segments.length == 3 && segments[0].equals("apis")) {
            Responses.json(exchange, 200, discovery.resources(segments[1] + "/" + segments[2])
                    .orElseThrow(() -> ApiError.noSuchPath(path)));
            return;
        }
        ResourcePath resourcePath = ResourcePath.parse(trimmed).orElseThrow(() -> ApiError.noSuchPath(path));
        resources.serve(exchange, request(exchange, resourcePath), resourcePath.legacyWatch());
    }

    private ResourceRequest request(HttpExchange exchange, ResourcePath path) {
        Optional<ResourceType> found = cluster.registry().byPlural(path.group(), path.version(), path.plural());
        ResourceType type = found.orElseThrow(() -> ApiError.noSuchPath(exchange.getRequestURI().getPath()));
        boolean badScope = type.namespaced() ? !path.name().isEmpty() && path.namespace().isEmpty()
                : !path.namespace().isEmpty();
        boolean badSubresource = !path.subresource().isEmpty()
                && !(path.subresource().equals("status") && type.statusSubresource());
        if (badScope || badSubresource) {
            throw ApiError.noSuchPath(exchange.getRequestURI().getPath());
        }
        String agent = exchange.getRequestHeaders().getFirst("User-Agent");
        return new ResourceRequest(type, path.namespace(), path.name(), path.subresource(),
                Query.parse(exchange.getRequestURI().getRawQuery()), agent == null ? "" : agent);
    }

    private static String serverAddress(HttpExchange exchange) {
        return "127.0.0.1:" + exchange.getLocalAddress().getPort();
    }
}
