package io.gitops4j.testkit.k8s;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.testkit.k8s.internal.ApiError;
import io.gitops4j.testkit.k8s.internal.ApiHandler;
import io.gitops4j.testkit.k8s.internal.ApiHttpServer;
import io.gitops4j.testkit.k8s.internal.Cluster;
import io.gitops4j.testkit.k8s.internal.Deletions;
import io.gitops4j.testkit.k8s.internal.Json;
import io.gitops4j.testkit.k8s.internal.Kubeconfig;
import io.gitops4j.testkit.k8s.internal.Query;
import io.gitops4j.testkit.k8s.internal.ResourceRequest;
import io.gitops4j.testkit.k8s.internal.ResourceType;
import io.gitops4j.testkit.k8s.internal.Writes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process HTTP server on 127.0.0.1 that speaks the Kubernetes REST protocol faithfully enough for the
 * fabric8 client and the real {@code kubectl} binary: discovery, OpenAPI v3, CRUD with resourceVersions and
 * generations, label and field selectors, JSON/merge/strategic-merge patches, server-side apply with managed
 * fields and conflicts, {@code dryRun=All}, finalizers, namespace and owner cascades, CustomResourceDefinitions
 * and watches.
 *
 * <p>Test and demo infrastructure, like {@code envtest} for Go controllers but without binaries. It runs no
 * controllers: use {@link #setStatus} to play one. No authentication, TLS, admission, defaulting beyond
 * server-populated metadata, or protobuf. Start with {@code EmbeddedKubernetesApi.builder().build().start()},
 * point a client at {@link #url()} (or {@link #writeKubeconfig(Path)}), and {@link #close()} when done.
 *
 * <p>It starts with the namespaces of a fresh cluster ({@code default}, {@code kube-system}, {@code kube-public},
 * {@code kube-node-lease}) and {@code gitops4j-system}, as on a cluster prepared for gitops4j, which keeps its
 * inventories and run records there by default; add more with {@link Builder#namespaces}.
 *
 * <p>Thread-safe. Each instance has its own state; nothing is shared between instances.
 */
public final class EmbeddedKubernetesApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKubernetesApi.class);
    /** The namespaces of a fresh cluster, and gitops4j-system, where gitops4j keeps inventories by default. */
    private static final List<String> INITIAL_NAMESPACES = List.of("default", "kube-system", "kube-public",
            "kube-node-lease", "gitops4j-system");

    private final int requestedPort;
    private final Cluster cluster;
    private final ScheduledExecutorService controller;
    private final Deletions deletions;
    private final Writes writes;
    private final List<String> namespaces;
    private ApiHttpServer server;
    private ExecutorService executor;

    private EmbeddedKubernetesApi(Builder builder) {
        this.requestedPort = builder.port;
        this.cluster = new Cluster(builder.clock);
        this.controller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embedded-k8s-api-namespace-controller");
            thread.setDaemon(true);
            return thread;
        });
        long delay = builder.namespaceCleanupDelay.toMillis();
        this.deletions = new Deletions(cluster, task -> controller.schedule(task, delay, TimeUnit.MILLISECONDS));
        this.writes = new Writes(cluster, deletions);
        this.namespaces = List.copyOf(builder.namespaces);
    }

    /** A builder with defaults: a free port, the system UTC clock, the standard initial namespaces. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds 127.0.0.1 on the configured port, creates the initial namespaces and starts serving.
     *
     * @return this server, for chaining
     * @throws UncheckedIOException when the port cannot be bound
     * @throws IllegalStateException when already started
     */
    public synchronized EmbeddedKubernetesApi start() {
        if (server != null) {
            throw new IllegalStateException("EmbeddedKubernetesApi already started at " + url());
        }
        for (String namespace : namespaces) {
            createNamespace(namespace);
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "embedded-k8s-api-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            server = ApiHttpServer.start(requestedPort, new ApiHandler(cluster, writes, deletions), executor,
                    Clock.systemUTC());
        } catch (IOException e) {
            executor.shutdownNow();
            executor = null;
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + requestedPort
                    + " for the embedded Kubernetes API; choose another port or 0 for a free one", e);
        }
        LOG.info("Embedded Kubernetes API serving at {}", url());
        return this;
    }

    private void createNamespace(String name) {
        if (cluster.store().get("/namespaces", "", name) != null) {
            return;
        }
        ResourceType type = cluster.registry().byKind("v1", "Namespace").orElseThrow();
        ObjectNode namespace = Json.object();
        Json.metadata(namespace).put("name", name);
        writes.create(new ResourceRequest(type, "", name, "", Query.empty(), "kube-apiserver"), namespace);
    }

    /**
     * The base URL, {@code http://127.0.0.1:<port>}.
     *
     * @throws IllegalStateException when not started
     */
    public synchronized URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /**
     * The bound port.
     *
     * @throws IllegalStateException when not started
     */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("EmbeddedKubernetesApi is not started; call start() first");
        }
        return server.port();
    }

    /** A kubeconfig (YAML) whose current context points at this server, namespace {@code default}, no credentials. */
    public String kubeconfig() {
        return Kubeconfig.forServer(url().toString(), "gitops4j-embedded", "default");
    }

    /**
     * Writes {@link #kubeconfig()} to {@code file}, creating parent directories.
     *
     * @return the file
     * @throws UncheckedIOException when the file cannot be written
     */
    public Path writeKubeconfig(Path file) {
        requireNonNull(file, "file is null");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, kubeconfig(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kubeconfig to " + file, e);
        }
    }

    /**
     * Sets an object's {@code status} as a controller would (e.g. to mark a Deployment available): bumps the
     * resourceVersion, fires a MODIFIED watch event, records the manager on the status subresource, and leaves
     * {@code generation} unchanged.
     *
     * @param namespace the namespace, "" for cluster-scoped kinds
     * @return the updated object
     * @throws IllegalArgumentException when the kind is not served or the object does not exist
     */
    public JsonNode setStatus(String apiVersion, String kind, String namespace, String name, JsonNode status) {
        requireNonNull(status, "status is null");
        ResourceRequest request = new ResourceRequest(type(apiVersion, kind), namespace, name, "status",
                Query.empty().with("fieldManager", "gitops4j-test-controller"), "gitops4j-test-controller");
        try {
            return writes.setStatus(request, status);
        } catch (ApiError e) {
            throw new IllegalArgumentException("cannot set the status of " + kind + " " + namespace + "/" + name
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The stored object, as a GET would return it.
     *
     * @param namespace the namespace, "" for cluster-scoped kinds
     * @throws IllegalArgumentException when the kind is not served
     */
    public Optional<JsonNode> get(String apiVersion, String kind, String namespace, String name) {
        ResourceType type = type(apiVersion, kind);
        return Optional.ofNullable(cluster.store().get(type.storageKey(), namespace, name));
    }

    private ResourceType type(String apiVersion, String kind) {
        return cluster.registry().byKind(apiVersion, kind).orElseThrow(() -> new IllegalArgumentException(
                "kind " + kind + " in " + apiVersion + " is not served; create its CustomResourceDefinition first"));
    }

    /**
     * Compacts the history of changes to the current resourceVersion, as etcd's periodic compaction does: a watch
     * started from an older resourceVersion is answered with an {@code ERROR} event of status 410 Gone ("too old
     * resource version"), and the client has to list again. Open watches go on.
     */
    public void compactHistory() {
        cluster.store().compact();
    }

    /**
     * Ends every open watch, as an API server restart or a dropped connection does; clients watch again (or list
     * again). The server keeps serving.
     */
    public void endWatches() {
        cluster.store().closeWatches();
    }

    /** Stops serving, ends open watches and releases the port. Idempotent. */
    @Override
    public synchronized void close() {
        controller.shutdownNow();
        if (server == null || executor.isShutdown()) {
            return;
        }
        cluster.store().closeWatches();
        server.close();
        executor.shutdownNow();
        LOG.info("Embedded Kubernetes API at 127.0.0.1:{} stopped", server.port());
    }

    /** Configures an {@link EmbeddedKubernetesApi}; not thread-safe, use from one thread. */
    public static final class Builder {

        private int port;
        private Clock clock = Clock.systemUTC();
        private Duration namespaceCleanupDelay = Duration.ofMillis(500);
        private final List<String> namespaces = new ArrayList<>(INITIAL_NAMESPACES);

        private Builder() {
        }

        /** The port to bind on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The clock for creation, deletion and managed-fields timestamps (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        /**
         * How long after a namespace DELETE its contents are deleted (default 500 ms), standing in for the
         * namespace controller: a request that deletes a namespace and then the objects in it still finds them,
         * as with a real cluster.
         */
        public Builder namespaceCleanupDelay(Duration delay) {
            requireNonNull(delay, "delay is null");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("namespaceCleanupDelay must not be negative, got " + delay);
            }
            this.namespaceCleanupDelay = delay;
            return this;
        }

        /** Extra namespaces that exist from the start (besides default, kube-system, kube-public, kube-node-lease and gitops4j-system). */
        public Builder namespaces(String... names) {
            for (String name : names) {
                namespaces.add(requireNonNull(name, "namespace name is null"));
            }
            return this;
        }

        /** Builds a server; call {@link EmbeddedKubernetesApi#start()} to serve. */
        public EmbeddedKubernetesApi build() {
            return new EmbeddedKubernetesApi(this);
        }
    }
}
