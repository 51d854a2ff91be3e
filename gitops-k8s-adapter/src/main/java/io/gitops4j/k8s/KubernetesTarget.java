package io.gitops4j.k8s;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.gitops4j.health.Health;
import io.gitops4j.health.HealthAssessor;
import io.gitops4j.inventory.HistoryStore;
import io.gitops4j.inventory.InventoryStore;
import io.gitops4j.k8s.health.KubernetesHealth;
import io.gitops4j.k8s.internal.Creation;
import io.gitops4j.k8s.internal.Deletion;
import io.gitops4j.k8s.internal.Discovery;
import io.gitops4j.k8s.internal.KubeconfigClients;
import io.gitops4j.k8s.internal.LiveObjectCache;
import io.gitops4j.k8s.internal.LiveObserver;
import io.gitops4j.k8s.internal.ObservationPool;
import io.gitops4j.k8s.internal.ObjectMapping;
import io.gitops4j.k8s.internal.ResourceTypes;
import io.gitops4j.k8s.internal.Replacement;
import io.gitops4j.k8s.internal.ServerSideApply;
import io.gitops4j.k8s.internal.SyncApply;
import io.gitops4j.k8s.internal.WatchCache;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Provenance;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyResult;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.target.DeleteOutcome;
import io.gitops4j.target.DeleteResult;
import io.gitops4j.target.Target;
import io.gitops4j.TargetException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * A {@link Target} that is a Kubernetes cluster, reached through the fabric8 client: objects are applied with
 * server-side apply under a field manager, read back with what that manager last applied (from
 * {@code managedFields}), deleted with the requested propagation, and assessed by {@link KubernetesHealth}.
 *
 * <p>Kinds are mapped to REST resources through the API server's discovery, cached and refreshed when an
 * unknown kind appears (a kind whose CRD was just applied is waited for until the CRD is {@code Established}), so
 * custom resources work like built-in ones. Namespaced objects that name no namespace go into the default
 * namespace. The target adds no tracking of its own: it applies each object as given, so the engine's
 * {@code gitops4j.io/tracking-id} annotation is kept. An object annotated {@code gitops4j.io/prune: disabled} (or
 * Flux's {@code kustomize.toolkit.fluxcd.io/prune: disabled}, or Argo CD's
 * {@code argocd.argoproj.io/sync-options: Prune=false}; see
 * {@link io.gitops4j.kinds.WellKnownMetadata#pruneDisabledBy}) is never deleted: {@link #delete} leaves it and
 * reports {@link io.gitops4j.target.DeleteOutcome#NOT_FOUND} (nothing was deleted), so the engine stops owning it.
 * Inventories and run records are kept in the cluster, in the inventory namespace
 * ({@value KubernetesInventoryStore#DEFAULT_NAMESPACE} unless {@link Builder#inventoryNamespace} says otherwise;
 * it never follows the default namespace, so an application has one inventory whoever runs it), by a
 * {@link KubernetesInventoryStore} and a {@link KubernetesHistoryStore}. The target creates no namespace of its
 * own: only a Namespace declared in the desired state (or one the engine creates for the sync option
 * {@code CreateNamespace=true}) is created, and a missing inventory namespace fails the run with an error that
 * names it.
 *
 * <p>Like an informer cache, the target hands back the same {@link io.gitops4j.model.LiveResource} instance for an
 * object whose {@code metadata.uid} and {@code resourceVersion} are those of its last observation (see
 * {@link Builder#liveObjectCacheSize(long)}), so a run over unchanged objects neither rebuilds them nor diffs them
 * again: the engine reuses its last diff of the very same objects. With {@link Builder#watchCache(boolean)} on,
 * such a run sends no request at all to observe: the objects come from watches, as from Argo CD's cluster cache.
 *
 * <p>Thread-safe: concurrent calls are allowed. A target built from a kubeconfig owns its client and closes it in
 * {@link #close()}; a target given a client leaves closing it to the caller.
 *
 * <pre>{@code
 * try (KubernetesTarget target = KubernetesTarget.builder()
 *         .kubeconfig(Path.of(System.getProperty("user.home"), ".kube", "config"))
 *         .context("staging")
 *         .defaultNamespace("shop")
 *         .build()) {
 *     ApplyResult result = target.apply(resource, ApplyOptions.DEFAULT);
 * }
 * }</pre>
 */
public final class KubernetesTarget implements Target, AutoCloseable {
    /** The field manager used unless another is configured. */
    public static final String DEFAULT_FIELD_MANAGER = "gitops4j";
    /** How many observed objects a target remembers for reuse unless configured otherwise. */
    public static final long DEFAULT_LIVE_OBJECT_CACHE_SIZE = 100_000;
    /** Where inventories and run records live unless configured otherwise: {@value}. */
    public static final String DEFAULT_INVENTORY_NAMESPACE = KubernetesInventoryStore.DEFAULT_NAMESPACE;
    /** How many applies of one run may be under way at once unless configured otherwise. */
    public static final int DEFAULT_APPLY_CONCURRENCY = 8;
    /** How many times a failed request is retried unless configured otherwise. */
    public static final int DEFAULT_REQUEST_RETRIES = 2;

    private final KubernetesClient client;
    private final boolean ownsClient;
    private final String fieldManager;
    private final ResourceTypes types;
    private final LiveObjectCache liveObjects;
    private final LiveObserver observer;
    private final SyncApply applier;
    private final Deletion deletion;
    private final Creation creation;
    private final KubernetesHealth health;
    private final KubernetesInventoryStore inventoryStore;
    private final KubernetesHistoryStore historyStore;
    private final int applyConcurrency;
    private final WatchCache watches;
    private final ExecutorService observation;

    private KubernetesTarget(Builder builder, KubernetesClient client, boolean ownsClient) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.fieldManager = builder.fieldManager;
        String namespace = builder.defaultNamespace != null ? builder.defaultNamespace
                : client.getNamespace() != null ? client.getNamespace() : "default";
        ObjectMapping mapping = new ObjectMapping(client.getKubernetesSerialization());
        this.types = new ResourceTypes(new Discovery(client, builder.crdEstablishedTimeout, Clock.systemUTC()),
                namespace);
        this.liveObjects = LiveObjectCache.ofMaximumSize(builder.liveObjectCacheSize);
        this.watches = builder.watchCache ? new WatchCache(client) : null;
        this.observation = builder.applyConcurrency > 1 ? ObservationPool.create(builder.applyConcurrency) : null;
        this.observer = new LiveObserver(client, types, mapping, fieldManager, builder.listThreshold, liveObjects,
                watches, observation);
        this.applier = new SyncApply(client, types,
                new ServerSideApply(client, types, fieldManager, builder.forceConflicts, liveObjects),
                new ServerSideApply(client, types, fieldManager, false, liveObjects), new Replacement(client, types, mapping),
                builder.requestTimeout);
        this.applyConcurrency = builder.applyConcurrency;
        this.deletion = new Deletion(client, types);
        this.creation = new Creation(client, types, mapping);
        this.health = KubernetesHealth.withCustom(builder.healthAssessors);
        this.inventoryStore = new KubernetesInventoryStore(client, builder.inventoryNamespace);
        this.historyStore = new KubernetesHistoryStore(client, builder.inventoryNamespace, builder.historyLimit);
    }

    /**
     * Returns a builder.
     *
     * @return a new builder; set either {@link Builder#client} or {@link Builder#kubeconfig}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Resolves a declared key to the key the cluster stores it under, through discovery.
     *
     * @param key the declared key
     * @return the key with the default namespace for namespaced kinds that name none
     * @throws TargetException when the cluster serves no such kind (after refreshing discovery), or a
     *     cluster-scoped kind names a namespace
     */
    @Override
    public ResourceKey resolve(ResourceKey key) {
        return types.resolve(key, Provenance.UNKNOWN).key();
    }

    /**
     * Reads the live objects of some keys, each with what this target's field manager last applied to it
     * (reconstructed from {@code managedFields}); {@code managedFields} themselves are removed. An object whose
     * uid and resourceVersion are unchanged since its last observation is the same instance as then.
     *
     * @param keys resolved keys
     * @return the objects that exist; keys of kinds the cluster no longer serves are absent
     * @throws TargetException when the cluster cannot be read
     */
    @Override
    public LiveState observe(Collection<ResourceKey> keys) {
        return observer.observe(requireNonNull(keys, "keys is null"));
    }

    /**
     * Applies one resource with server-side apply under the field manager; a dry run is a server dry run. The
     * fields are validated strictly ({@code fieldValidation=Strict}: an unknown field fails the apply, as with
     * {@code kubectl}) unless {@link ApplyOptions#validate()} is off ({@code Ignore}: unknown fields are dropped).
     * {@link ApplyOptions#replace()} replaces the object with {@code PUT} (or creates it); {@link ApplyOptions#merge()}
     * never takes over fields other managers own: conflicting fields are left out of the apply and keep their values;
     * {@link ApplyOptions#recreate()} deletes an object whose immutable field the apply changes (background
     * propagation), waits up to the request timeout for it to be gone, and creates it again
     * ({@link io.gitops4j.target.ApplyOutcome#RECREATED}; in a dry run nothing is deleted).
     *
     * @param resource the desired resource
     * @param options dry run, force, replace, recreate, validate and merge; force (or the builder's
     *     {@code forceConflicts}) takes over fields of other managers
     * @return created, configured or unchanged (by resourceVersion; for a dry run by comparing the would-be
     *     object), with the object as the server returned it, without {@code managedFields}
     * @throws io.gitops4j.ConflictException when another field manager owns declared fields with other
     *     values and force is off; its owner is that manager
     * @throws io.gitops4j.ImmutableFieldException when the apply changes an immutable field (a Job's template, a
     *     selector, ...) and recreate is off; it names the fields
     * @throws TargetException for every other failure, with the API server's message and the key
     */
    @Override
    public ApplyResult apply(Resource resource, ApplyOptions options) {
        if (requireNonNull(resource, "resource is null").hasGeneratedName()) {
            throw new TargetException(resource.key(), "server-side apply needs a metadata.name; an object with only "
                    + "metadata.generateName is created with create() (POST)");
        }
        return written(applier.apply(resource, requireNonNull(options, "options is null")), options);
    }

    /** Tells the watch cache of a real write, so the object is read from the server until its event arrives. */
    private ApplyResult written(ApplyResult result, ApplyOptions options) {
        if (watches != null && !options.dryRun()) {
            watches.written(result.key(), result.live().tree().path("metadata").path("resourceVersion").asText(null));
        }
        return result;
    }

    /**
     * Returns how many applies of one run may be under way at once: the target is thread-safe, and the API server
     * handles concurrent requests, so the engine applies the steps of one plan stage side by side.
     *
     * @return {@link Builder#applyConcurrency(int)}, {@value #DEFAULT_APPLY_CONCURRENCY} by default
     */
    @Override
    public int applyConcurrency() {
        return applyConcurrency;
    }

    /**
     * Creates one object with POST, as hooks are created: one with only {@code metadata.generateName} gets its name
     * from the API server (server-side apply cannot create such objects); a dry run is a server dry run.
     *
     * @param resource the object
     * @param options dry run
     * @return created, with the object as the server returned it, without {@code managedFields}
     * @throws TargetException when the server refuses the create (an object of that name exists, or it is invalid)
     */
    @Override
    public ApplyResult create(Resource resource, ApplyOptions options) {
        return written(creation.create(requireNonNull(resource, "resource is null"),
                requireNonNull(options, "options is null")), options);
    }

    /**
     * Lists the objects of one kind in one namespace by label (how the objects earlier runs made of a hook are
     * found).
     *
     * @param group the API group
     * @param kind the kind
     * @param namespace the namespace, {@code ""} for cluster-scoped kinds
     * @param labels the labels to select by
     * @return the objects, in key order; empty when the cluster serves no such kind
     * @throws TargetException when the list fails
     */
    @Override
    public List<Resource> findLabelled(String group, String kind, String namespace, Map<String, String> labels) {
        return creation.findLabelled(requireNonNull(group, "group is null"), requireNonNull(kind, "kind is null"),
                requireNonNull(namespace, "namespace is null"), requireNonNull(labels, "labels is null"));
    }

    /**
     * Deletes one object with the requested propagation; an object protected from pruning by its annotations
     * ({@code gitops4j.io/prune: disabled} or the Flux and Argo CD equivalents) is left in place and reported as
     * {@link io.gitops4j.target.DeleteOutcome#NOT_FOUND}.
     *
     * @param key the object
     * @param options dry run and propagation
     * @return deleted, or not found (also when protected)
     * @throws TargetException when the server refuses or fails the deletion
     */
    @Override
    public DeleteResult delete(ResourceKey key, DeleteOptions options) {
        DeleteResult result = deletion.delete(requireNonNull(key, "key is null"),
                requireNonNull(options, "options is null"));
        if (!options.dryRun()) {
            if (watches != null && result.outcome() == DeleteOutcome.DELETED) {
                watches.deleted(result.key(), liveObjects.seen(result.key()).resourceVersion());
            }
            liveObjects.forget(result.key());
        }
        return result;
    }

    /**
     * Assesses a live object with the configured and built-in health rules.
     *
     * @param live the live object
     * @return its health
     */
    @Override
    public Health health(Resource live) {
        return health.health(live);
    }

    /**
     * Returns the store that keeps inventories as ConfigMaps in the cluster.
     *
     * @return the inventory store
     */
    @Override
    public InventoryStore inventoryStore() {
        return inventoryStore;
    }

    /**
     * Returns the store that keeps run records as ConfigMaps beside the inventories.
     *
     * @return the history store
     */
    @Override
    public HistoryStore historyStore() {
        return historyStore;
    }

    /**
     * Returns the namespace inventories and run records live in.
     *
     * @return the inventory namespace
     */
    public String inventoryNamespace() {
        return inventoryStore.namespace();
    }

    /**
     * Returns the field manager applies are made under.
     *
     * @return the field manager name
     */
    public String fieldManager() {
        return fieldManager;
    }

    /**
     * Returns the namespace given to namespaced objects that name none.
     *
     * @return the default namespace
     */
    public String defaultNamespace() {
        return types.defaultNamespace();
    }

    /** Returns how many observed objects are remembered for reuse (for tests of the reuse contract). */
    long rememberedLiveObjects() {
        return liveObjects.size();
    }

    /** The client, for listeners of this package that write beside the target (Events). */
    KubernetesClient client() {
        return client;
    }

    /** The kind resolution through discovery, shared with listeners of this package. */
    ResourceTypes types() {
        return types;
    }

    /** Returns how many types and namespaces are answered from their watches (for tests of the watch cache). */
    int watchedGroups() {
        return watches == null ? 0 : watches.syncedGroups();
    }

    /**
     * Stops the watches of the {@link Builder#watchCache(boolean) watch cache} and the threads observations run
     * on, and closes the client when this target built it from a kubeconfig.
     */
    @Override
    public void close() {
        if (watches != null) {
            watches.close();
        }
        if (observation != null) {
            observation.shutdownNow();
        }
        if (ownsClient) {
            client.close();
        }
    }

    /** Configures a {@link KubernetesTarget}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private KubernetesClient client;
        private Path kubeconfig;
        private String context;
        private HttpClient.Factory httpClientFactory;
        private String defaultNamespace;
        private String fieldManager = DEFAULT_FIELD_MANAGER;
        private boolean forceConflicts = true;
        private String inventoryNamespace = DEFAULT_INVENTORY_NAMESPACE;
        private int historyLimit = HistoryStore.DEFAULT_LIMIT;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int requestRetries = DEFAULT_REQUEST_RETRIES;
        private Duration requestRetryInterval = Duration.ofMillis(500);
        private Duration crdEstablishedTimeout = Duration.ofSeconds(30);
        private int listThreshold = 8;
        private long liveObjectCacheSize = DEFAULT_LIVE_OBJECT_CACHE_SIZE;
        private int applyConcurrency = DEFAULT_APPLY_CONCURRENCY;
        private boolean watchCache;
        private final List<HealthAssessor> healthAssessors = new ArrayList<>();

        private Builder() {
        }

        /**
         * Uses a client the caller already has (and keeps closing); its timeouts and retries are the caller's.
         *
         * @param value the client
         * @return this builder
         */
        public Builder client(KubernetesClient value) {
            this.client = requireNonNull(value, "client is null");
            return this;
        }

        /**
         * Builds a client from a kubeconfig file, owned (and closed) by the target.
         *
         * @param value the kubeconfig path
         * @return this builder
         */
        public Builder kubeconfig(Path value) {
            this.kubeconfig = requireNonNull(value, "kubeconfig is null");
            return this;
        }

        /**
         * Sets the fabric8 HTTP client factory of a client built from a kubeconfig; by default the one fabric8 finds
         * on the class path.
         *
         * @param value the factory
         * @return this builder
         */
        public Builder httpClientFactory(HttpClient.Factory value) {
            this.httpClientFactory = requireNonNull(value, "httpClientFactory is null");
            return this;
        }

        /**
         * Selects a kubeconfig context; the kubeconfig's current context by default.
         *
         * @param value the context name
         * @return this builder
         */
        public Builder context(String value) {
            this.context = requireNonNull(value, "context is null");
            return this;
        }

        /**
         * Sets the namespace of namespaced objects that name none; by default the client's namespace, else
         * {@code default}.
         *
         * @param value the namespace
         * @return this builder
         */
        public Builder defaultNamespace(String value) {
            this.defaultNamespace = nonEmpty(value, "defaultNamespace");
            return this;
        }

        /**
         * Sets the server-side apply field manager; {@value KubernetesTarget#DEFAULT_FIELD_MANAGER} by default.
         *
         * @param value the field manager name
         * @return this builder
         */
        public Builder fieldManager(String value) {
            this.fieldManager = nonEmpty(value, "fieldManager");
            return this;
        }

        /**
         * Forces conflicts on every apply, taking over fields other managers own: on by default, so that Git wins
         * over a hand edit ({@code kubectl edit} moves a field's ownership to the editor) and self-heal corrects
         * drift, as Flux and Argo CD do with server-side apply. Turn it off to have such fields reported as a
         * {@link io.gitops4j.ConflictException} naming the other manager; {@link ApplyOptions#force()}
         * still forces one run.
         *
         * @param value whether to always force
         * @return this builder
         */
        public Builder forceConflicts(boolean value) {
            this.forceConflicts = value;
            return this;
        }

        /**
         * Sets the namespace of the inventory and run-record ConfigMaps;
         * {@value KubernetesTarget#DEFAULT_INVENTORY_NAMESPACE} by default, whatever the default namespace. It is
         * never created: create it once per cluster ({@code kubectl create namespace gitops4j-system}); a run that
         * finds it missing fails with an error naming it.
         *
         * @param value the namespace
         * @return this builder
         */
        public Builder inventoryNamespace(String value) {
            this.inventoryNamespace = nonEmpty(value, "inventoryNamespace");
            return this;
        }

        /**
         * Sets how many run records per application are kept; {@value HistoryStore#DEFAULT_LIMIT} by default,
         * the oldest deleted beyond it.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder historyLimit(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("historyLimit must be at least 1, got " + value);
            }
            this.historyLimit = value;
            return this;
        }

        /**
         * Sets the connection timeout of a client built from a kubeconfig; 10 s by default.
         *
         * @param value the timeout
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /**
         * Sets the request timeout of a client built from a kubeconfig; 30 s by default.
         *
         * @param value the timeout
         * @return this builder
         */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = positive(value, "requestTimeout");
            return this;
        }

        /**
         * Sets how many times a client built from a kubeconfig retries a request that could not connect or got a
         * 5xx answer; {@value KubernetesTarget#DEFAULT_REQUEST_RETRIES} by default, {@code 0} for none. A request
         * to an API server that is down then fails after at most {@code retries + 1} attempts, each bounded by the
         * connect and request timeouts, plus the waits between them (see {@link #requestRetryInterval}), and the
         * engine's run deadline is checked between requests.
         *
         * @param value the number of retries, not negative
         * @return this builder
         */
        public Builder requestRetries(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("requestRetries must not be negative, got " + value);
            }
            this.requestRetries = value;
            return this;
        }

        /**
         * Sets the wait before the first retry of a failed request, doubled before each further retry; 500 ms by
         * default.
         *
         * @param value the wait
         * @return this builder
         */
        public Builder requestRetryInterval(Duration value) {
            this.requestRetryInterval = positive(value, "requestRetryInterval");
            return this;
        }

        /**
         * Sets how long to wait for a just-applied CRD to be {@code Established} before its kinds resolve;
         * 30 s by default.
         *
         * @param value the timeout
         * @return this builder
         */
        public Builder crdEstablishedTimeout(Duration value) {
            this.crdEstablishedTimeout = positive(value, "crdEstablishedTimeout");
            return this;
        }

        /**
         * Sets from how many observed keys of one kind and namespace a single LIST replaces one GET per key;
         * 8 by default.
         *
         * @param value the threshold, at least 1
         * @return this builder
         */
        public Builder listThreshold(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("listThreshold must be at least 1, got " + value);
            }
            this.listThreshold = value;
            return this;
        }

        /**
         * Sets how many observed objects the target remembers to hand back unchanged;
         * {@value KubernetesTarget#DEFAULT_LIVE_OBJECT_CACHE_SIZE} by default, {@code 0} turns reuse off.
         *
         * <p>The contract, as an informer cache keeps it: when a GET or LIST returns an object whose
         * {@code metadata.uid} and {@code metadata.resourceVersion} (and apiVersion) equal those of the object a
         * previous {@link KubernetesTarget#observe} built for the same key, {@code observe} returns that very
         * {@link io.gitops4j.model.LiveResource} instance, without converting the object again or reconstructing
         * what was last applied from {@code managedFields}; the engine then recognises it by identity and reuses
         * its last diff without reading it. Anything else (another uid after a delete and recreate, another resourceVersion after any
         * write, including one that only changes managed fields, an object without a uid or resourceVersion) builds
         * a new instance and remembers it instead; an object found gone, or deleted through this target, is
         * forgotten. This relies on the API server's guarantee that a uid and a resourceVersion name one exact
         * content of an object; a server that changes an object without a new resourceVersion would be seen late.
         *
         * <p>Each remembered object holds its live tree and last-applied tree (about what one observation holds
         * anyway), least recently used objects are evicted beyond the maximum, and nothing is shared between
         * targets.
         *
         * @param value the maximum number of remembered objects, {@code 0} for none
         * @return this builder
         * @throws IllegalArgumentException when the value is negative
         */
        public Builder liveObjectCacheSize(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("liveObjectCacheSize must not be negative, got " + value
                        + "; use 0 to turn reuse of observed objects off");
            }
            this.liveObjectCacheSize = value;
            return this;
        }

        /**
         * Sets how many applies of one run may be under way at once (the engine also bounds it by
         * {@link io.gitops4j.reconcile.ReconcileOptions#applyConcurrency()}), and how many types and namespaces one
         * observation reads side by side;
         * {@value KubernetesTarget#DEFAULT_APPLY_CONCURRENCY} by default, {@code 1} for one request at a time. A
         * client built from a kubeconfig allows as many concurrent requests; a client given to
         * {@link #client} keeps its own limits.
         *
         * @param value at least 1
         * @return this builder
         * @throws IllegalArgumentException when less than 1
         */
        public Builder applyConcurrency(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("applyConcurrency must be at least 1, got " + value);
            }
            this.applyConcurrency = value;
            return this;
        }

        /**
         * Answers {@link KubernetesTarget#observe} from watches, as Argo CD's cluster cache and client-go informers
         * do; off by default. The first observation of a type in a namespace (of a cluster-scoped type) lists all
         * its objects and starts a watch of that namespace from the list's resourceVersion; later observations of
         * it send no request while the watch is up, so a run over unchanged objects reads nothing from the server.
         *
         * <p>The trade-off: an observation may be stale by the watch's delivery lag (an object someone else
         * changed is seen once its event has arrived); the target holds every object of each observed type and
         * namespace in memory; and it keeps one watch connection per type and namespace observed, until
         * {@link KubernetesTarget#close()}. Never stale in the ways that matter: a type and namespace not yet listed,
         * or whose watch ended (the server's timeout, a lost connection, {@code 410 Gone}), is listed again, so a
         * broken watch never makes an object look absent; and what this target applies, creates or deletes is read
         * from the server until the watch has delivered that change. Watches are namespace-scoped, so a client
         * allowed into some namespaces only works. Inventories and run records are read as before.
         *
         * @param value whether to answer observations from watches
         * @return this builder
         */
        public Builder watchCache(boolean value) {
            this.watchCache = value;
            return this;
        }

        /**
         * Adds a health rule asked before the built-in ones (for your own kinds, or to override a built-in rule).
         *
         * @param value the assessor
         * @return this builder
         */
        public Builder healthAssessor(HealthAssessor value) {
            healthAssessors.add(requireNonNull(value, "healthAssessor is null"));
            return this;
        }

        /**
         * Builds the target.
         *
         * @return the target
         * @throws IllegalStateException when neither or both of a client and a kubeconfig are set
         * @throws TargetException when the kubeconfig cannot be read
         */
        public KubernetesTarget build() {
            if ((client == null) == (kubeconfig == null)) {
                throw new IllegalStateException("set exactly one of client(...) and kubeconfig(...)");
            }
            if (client != null) {
                if (context != null) {
                    throw new IllegalStateException("context(...) applies only with kubeconfig(...)");
                }
                return new KubernetesTarget(this, client, false);
            }
            return new KubernetesTarget(this, KubeconfigClients.build(kubeconfig, context, connectTimeout,
                    requestTimeout, requestRetries, requestRetryInterval, applyConcurrency, httpClientFactory), true);
        }

        private static String nonEmpty(String value, String name) {
            requireNonNull(value, name + " is null");
            if (value.isEmpty()) {
                throw new IllegalArgumentException(name + " is empty");
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            requireNonNull(value, name + " is null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
