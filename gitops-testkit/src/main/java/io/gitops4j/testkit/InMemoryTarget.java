package io.gitops4j.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.health.Health;
import io.gitops4j.health.HealthAssessor;
import io.gitops4j.inventory.HistoryStore;
import io.gitops4j.inventory.InMemoryHistoryStore;
import io.gitops4j.inventory.InMemoryInventoryStore;
import io.gitops4j.inventory.InventoryStore;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyOutcome;
import io.gitops4j.target.ApplyResult;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.target.DeleteOutcome;
import io.gitops4j.target.DeleteResult;
import io.gitops4j.target.Target;
import io.gitops4j.ImmutableFieldException;
import io.gitops4j.TargetException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A fake cluster that behaves like one, for tests of anything that drives a {@link Target}.
 *
 * <p>What it does like a Kubernetes API server: adds server fields ({@code metadata.uid}, a monotonically
 * increasing {@code resourceVersion}, a {@code generation} bumped only when {@code spec} changes, a
 * {@code creationTimestamp} from the injected clock, a default {@code status: {}}); applies like server-side apply
 * (declared fields set; fields the previous apply declared and this one does not removed; fields set by others
 * through {@link #edit} kept); folds a Secret's {@code stringData} into base64 {@code data}; records the last
 * applied object per key and reports it in {@link LiveResource#lastApplied()}; computes dry runs without storing;
 * puts namespaced kinds without a namespace in the default namespace; keeps an inventory
 * ({@link InMemoryInventoryStore}) and run records ({@link InMemoryHistoryStore}, 200 per application). Like an
 * informer cache, {@link #observe} reports an object that has not been written since the last observation as the
 * same {@link LiveResource} instance, so the engine recognises it by identity and reuses its last diff without
 * reading it.
 *
 * <p>Sync options: {@link ApplyOptions#replace()} stores the declared object whole (fields others set are dropped);
 * fields made immutable with {@link Builder#immutableFields} refuse a change with an {@link ImmutableFieldException},
 * unless {@link ApplyOptions#recreate()} asks to delete and create the object again (new uid, outcome
 * {@link ApplyOutcome#RECREATED}). {@link ApplyOptions#validate()} and {@link ApplyOptions#merge()} change nothing
 * here: nothing is validated, and fields others set through {@link #edit} are always kept.
 *
 * <p>Fault injection: {@link #failNthApply(int)}, {@link #failAppliesTo(ResourceKey)} (also with a message),
 * {@link #rejectDeletes()},
 * {@link #failObserve()}, undone by {@link #clearFaults()}. Counters ({@link #applyCount()}, ...) and the order
 * of real writes ({@link #appliedKeys()}, {@link #deletedKeys()}) support assertions.
 *
 * <p>Thread-safe: every operation is atomic. It accepts as many concurrent applies of one run as
 * {@link Builder#applyConcurrency(int)} says (1 by default, so faults such as {@link #failNthApply(int)} hit a
 * predictable step).
 */
public final class InMemoryTarget implements Target {
    private final String defaultNamespace;
    private final ClusterScope clusterScope;
    private final Set<String> unknownKinds;
    private final ServerFields serverFields;
    private final HealthAssessor healthAssessor;
    private final int applyConcurrency;
    private final ImmutableFields immutableFields;
    private final InMemoryInventoryStore inventory = new InMemoryInventoryStore();
    private final InMemoryHistoryStore history = new InMemoryHistoryStore();
    private final TreeMap<ResourceKey, StoredObject> objects = new TreeMap<>();
    private final List<ResourceKey> appliedKeys = new ArrayList<>();
    private final List<ResourceKey> deletedKeys = new ArrayList<>();
    private final Map<ResourceKey, String> failingKeys = new HashMap<>();
    private long generatedNames;
    private int applyCount;
    private int deleteCount;
    private int observeCount;
    private int failApplyAt;
    private boolean rejectDeletes;
    private boolean failObserve;

    private InMemoryTarget(Builder builder) {
        this.defaultNamespace = builder.defaultNamespace;
        this.clusterScope = builder.clusterScope;
        this.unknownKinds = Set.copyOf(builder.unknownKinds);
        this.serverFields = new ServerFields(builder.clock);
        this.healthAssessor = builder.healthAssessor;
        this.applyConcurrency = builder.applyConcurrency;
        this.immutableFields = new ImmutableFields(builder.immutableFields);
    }

    /**
     * Returns a builder.
     *
     * @return a new builder with the defaults (namespace {@code default}, UTC system clock, all healthy)
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a target with the defaults.
     *
     * @return a new, empty target
     */
    public static InMemoryTarget create() {
        return builder().build();
    }

    @Override
    public synchronized ResourceKey resolve(ResourceKey key) {
        requireNonNull(key, "key is null");
        if (unknownKinds.contains(key.group() + "/" + key.kind())) {
            throw new TargetException(key, "the target does not know the kind " + key.group() + "/" + key.kind()
                    + "; install its CustomResourceDefinition first");
        }
        if (clusterScope.contains(key)) {
            return key.withNamespace("");
        }
        return key.namespace().isEmpty() ? key.withNamespace(defaultNamespace) : key;
    }

    @Override
    public synchronized LiveState observe(Collection<ResourceKey> keys) {
        requireNonNull(keys, "keys is null");
        observeCount++;
        if (failObserve) {
            throw new TargetException(null, "injected observe failure: the target cannot be read");
        }
        List<LiveResource> live = new ArrayList<>();
        for (ResourceKey key : new TreeSet<>(keys)) {
            StoredObject stored = objects.get(key);
            if (stored != null) {
                live.add(stored.liveResource());
            }
        }
        return LiveState.of(live);
    }

    @Override
    public synchronized ApplyResult apply(Resource resource, ApplyOptions options) {
        requireNonNull(resource, "resource is null");
        requireNonNull(options, "options is null");
        applyCount++;
        ResourceKey key = resource.key();
        if (resource.hasGeneratedName()) {
            throw new TargetException(key, "apply needs a metadata.name; an object with only metadata.generateName "
                    + "is created with create()");
        }
        if (failApplyAt > 0 && --failApplyAt == 0) {
            throw new TargetException(key, "injected failure of apply call " + applyCount);
        }
        if (failingKeys.containsKey(key)) {
            throw new TargetException(key, failingKeys.get(key));
        }
        if (!resolve(key).equals(key)) {
            throw new TargetException(key, "the key is not resolved (expected " + resolve(key)
                    + "); call resolve() and place the resource there before applying");
        }
        ObjectNode desired = ServerFields.declared(resource);
        StoredObject previous = objects.get(key);
        ObjectNode live = previous == null || options.replace()
                ? ServerSideApply.merge(JsonNodeFactory.instance.objectNode(), null, desired)
                : ServerSideApply.merge(previous.live(), previous.lastApplied(), desired);
        ServerFields.foldStringData(key, live);
        boolean recreate = false;
        if (previous != null) {
            List<String> immutable = immutableFields.changed(key, previous.live(), live);
            if (!immutable.isEmpty() && !options.recreate()) {
                throw new ImmutableFieldException(key, immutable, "", null);
            }
            recreate = !immutable.isEmpty();
        }
        ApplyOutcome outcome;
        if (recreate) {
            live = ServerSideApply.merge(JsonNodeFactory.instance.objectNode(), null, desired);
            ServerFields.foldStringData(key, live);
            serverFields.stampNew(key, live, options.dryRun());
            outcome = ApplyOutcome.RECREATED;
            if (!options.dryRun()) {
                objects.remove(key);
                deletedKeys.add(key);
                previous = null;
            }
        } else if (previous == null) {
            serverFields.stampNew(key, live, options.dryRun());
            outcome = ApplyOutcome.CREATED;
        } else {
            outcome = serverFields.carry(previous.live(), live, options.dryRun())
                    ? ApplyOutcome.CONFIGURED : ApplyOutcome.UNCHANGED;
        }
        if (!options.dryRun()) {
            if (previous == null || !previous.holds(live, desired)) {
                objects.put(key, StoredObject.of(live, desired));
            }
            appliedKeys.add(key);
        }
        return new ApplyResult(key, outcome, Resource.of(live));
    }

    /**
     * Creates an object that must not exist yet; one with only {@code metadata.generateName} gets that prefix and
     * five characters of a counter ({@code before-00001}, {@code before-00002}, ...), so names are deterministic.
     *
     * @param resource the object, its key resolved
     * @param options dry run
     * @return created, with the object under its real name
     * @throws TargetException when an object of that name exists, or as {@link #apply}
     */
    @Override
    public synchronized ApplyResult create(Resource resource, ApplyOptions options) {
        requireNonNull(resource, "resource is null");
        requireNonNull(options, "options is null");
        Resource named = resource;
        if (resource.hasGeneratedName()) {
            ObjectNode body = resource.body();
            ObjectNode metadata = (ObjectNode) body.get("metadata");
            long next = options.dryRun() ? generatedNames + 1 : ++generatedNames;
            String suffix = Long.toString(next, 36);
            metadata.put("name", metadata.get("generateName").asText() + "0".repeat(Math.max(0, 5 - suffix.length()))
                    + suffix);
            named = resource.withBody(body);
        }
        if (objects.containsKey(named.key())) {
            throw new TargetException(named.key(), "already exists: a create needs a name no object has");
        }
        return apply(named, options);
    }

    /**
     * Finds the stored objects of one kind in one namespace carrying all the labels.
     *
     * @param group the API group
     * @param kind the kind
     * @param namespace the namespace, {@code ""} for cluster-scoped
     * @param labels the labels to match
     * @return the objects, in key order
     */
    @Override
    public synchronized List<Resource> findLabelled(String group, String kind, String namespace,
            Map<String, String> labels) {
        List<Resource> found = new ArrayList<>();
        for (StoredObject stored : objects.values()) {
            Resource object = stored.liveResource().object();
            ResourceKey key = object.key();
            if (key.group().equals(group) && key.kind().equals(kind) && key.namespace().equals(namespace)
                    && object.labels().entrySet().containsAll(labels.entrySet())) {
                found.add(object);
            }
        }
        return found;
    }

    @Override
    public synchronized DeleteResult delete(ResourceKey key, DeleteOptions options) {
        requireNonNull(key, "key is null");
        requireNonNull(options, "options is null");
        deleteCount++;
        if (rejectDeletes) {
            throw new TargetException(key, "injected delete rejection: the target refuses deletions");
        }
        boolean exists = objects.containsKey(key);
        if (exists && !options.dryRun()) {
            objects.remove(key);
            deletedKeys.add(key);
        }
        return new DeleteResult(key, exists ? DeleteOutcome.DELETED : DeleteOutcome.NOT_FOUND);
    }

    @Override
    public Health health(Resource live) {
        return healthAssessor.assess(live).orElse(Health.healthy());
    }

    /**
     * Returns how many applies of one run may be under way at once, as configured.
     *
     * @return {@link Builder#applyConcurrency(int)}, 1 by default
     */
    @Override
    public int applyConcurrency() {
        return applyConcurrency;
    }

    @Override
    public InventoryStore inventoryStore() {
        return inventory;
    }

    /**
     * Returns the run records engines made on this target, kept in memory.
     *
     * @return the history store
     */
    @Override
    public HistoryStore historyStore() {
        return history;
    }

    /**
     * Changes a live object as another actor would (kubectl edit, a controller, drift): the server bumps
     * {@code resourceVersion} (and {@code generation} when {@code spec} changed); what the engine last applied is
     * unchanged.
     *
     * @param key an existing object
     * @param change receives a private copy of the live tree and returns the new tree
     * @throws IllegalArgumentException when the object does not exist
     */
    public synchronized void edit(ResourceKey key, UnaryOperator<ObjectNode> change) {
        StoredObject stored = objects.get(key);
        if (stored == null) {
            throw new IllegalArgumentException("cannot edit " + key + ": it does not exist");
        }
        ObjectNode edited = requireNonNull(change.apply(stored.live().deepCopy()), "edited tree is null");
        if (!Resource.of(edited).key().equals(key)) {
            throw new IllegalArgumentException("an edit must not change the identity of " + key);
        }
        serverFields.carry(stored.live(), edited, false);
        objects.put(key, StoredObject.of(edited, stored.lastApplied()));
    }

    /**
     * Creates an object as another actor would (not through {@link #apply}): it has server fields but no last
     * applied state, and the engine does not own it.
     *
     * @param resource the object, with a resolved key
     * @throws IllegalArgumentException when the object already exists
     */
    public synchronized void seed(Resource resource) {
        ResourceKey key = resource.key();
        if (objects.containsKey(key)) {
            throw new IllegalArgumentException("cannot seed " + key + ": it already exists");
        }
        ObjectNode live = ServerFields.declared(resource);
        ServerFields.foldStringData(key, live);
        serverFields.stampNew(key, live, false);
        objects.put(key, StoredObject.of(live, null));
    }

    /**
     * Returns a snapshot of every live object, server fields included.
     *
     * @return an unmodifiable copy sorted by key
     */
    public synchronized SortedMap<ResourceKey, Resource> contents() {
        TreeMap<ResourceKey, Resource> copy = new TreeMap<>();
        objects.forEach((key, stored) -> copy.put(key, Resource.of(stored.live())));
        return Collections.unmodifiableSortedMap(copy);
    }

    /**
     * Makes the n-th apply call from now fail with a {@link TargetException} (1 = the next one), once.
     *
     * @param n the position of the failing call, positive
     * @return this target
     */
    public synchronized InMemoryTarget failNthApply(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        this.failApplyAt = n;
        return this;
    }

    /**
     * Makes every apply of a key fail until {@link #clearFaults()}.
     *
     * @param key the resource
     * @return this target
     */
    public synchronized InMemoryTarget failAppliesTo(ResourceKey key) {
        return failAppliesTo(key, "injected apply failure for this resource");
    }

    /**
     * Makes every apply of a key fail with a given message until {@link #clearFaults()}, as a server that echoes
     * parts of the request in its error would.
     *
     * @param key the resource
     * @param message the message of the {@link TargetException}
     * @return this target
     */
    public synchronized InMemoryTarget failAppliesTo(ResourceKey key, String message) {
        failingKeys.put(requireNonNull(key, "key is null"), requireNonNull(message, "message is null"));
        return this;
    }

    /**
     * Makes every delete fail until {@link #clearFaults()}.
     *
     * @return this target
     */
    public synchronized InMemoryTarget rejectDeletes() {
        this.rejectDeletes = true;
        return this;
    }

    /**
     * Makes every observe fail until {@link #clearFaults()}.
     *
     * @return this target
     */
    public synchronized InMemoryTarget failObserve() {
        this.failObserve = true;
        return this;
    }

    /**
     * Removes every injected fault.
     *
     * @return this target
     */
    public synchronized InMemoryTarget clearFaults() {
        failApplyAt = 0;
        failingKeys.clear();
        rejectDeletes = false;
        failObserve = false;
        return this;
    }

    /**
     * Returns how many times {@link #apply} was called (dry runs and failures included).
     *
     * @return the count
     */
    public synchronized int applyCount() {
        return applyCount;
    }

    /**
     * Returns how many times {@link #delete} was called (dry runs and failures included).
     *
     * @return the count
     */
    public synchronized int deleteCount() {
        return deleteCount;
    }

    /**
     * Returns how many times {@link #observe} was called.
     *
     * @return the count
     */
    public synchronized int observeCount() {
        return observeCount;
    }

    /**
     * Returns the keys of successful, stored applies, in call order.
     *
     * @return a copy
     */
    public synchronized List<ResourceKey> appliedKeys() {
        return List.copyOf(appliedKeys);
    }

    /**
     * Returns the keys actually deleted, in call order.
     *
     * @return a copy
     */
    public synchronized List<ResourceKey> deletedKeys() {
        return List.copyOf(deletedKeys);
    }

    /** Configures an {@link InMemoryTarget}. Not thread-safe; the target it builds is. */
    public static final class Builder {
        private String defaultNamespace = "default";
        private final ClusterScope clusterScope = new ClusterScope();
        private final Set<String> unknownKinds = new HashSet<>();
        private Clock clock = Clock.systemUTC();
        private HealthAssessor healthAssessor = live -> Optional.empty();
        private int applyConcurrency = 1;
        private final Map<String, List<String>> immutableFields = new HashMap<>();

        private Builder() {
        }

        /**
         * Sets how many applies of one run the target accepts at once (see
         * {@link io.gitops4j.target.Target#applyConcurrency()}); 1 by default. Every operation is atomic whatever
         * the value; more than 1 lets a test see the engine apply the steps of a stage concurrently.
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
         * Sets the namespace of namespaced resources that name none (default {@code default}).
         *
         * @param namespace a non-empty namespace
         * @return this builder
         */
        public Builder defaultNamespace(String namespace) {
            requireNonNull(namespace, "namespace is null");
            if (namespace.isEmpty()) {
                throw new IllegalArgumentException("the default namespace must not be empty");
            }
            this.defaultNamespace = namespace;
            return this;
        }

        /**
         * Declares a kind cluster-scoped (the cluster-scoped kinds of {@link io.gitops4j.kinds.BuiltinKinds} are
         * known already).
         *
         * @param group the API group, {@code ""} for core
         * @param kind the kind
         * @return this builder
         */
        public Builder clusterScopedKind(String group, String kind) {
            clusterScope.add(group, kind);
            return this;
        }

        /**
         * Declares a kind unknown: resolving it fails, as for a custom resource whose CRD is not installed.
         *
         * @param group the API group, {@code ""} for core
         * @param kind the kind
         * @return this builder
         */
        public Builder unknownKind(String group, String kind) {
            unknownKinds.add(group + "/" + kind);
            return this;
        }

        /**
         * Sets the clock for {@code creationTimestamp} (default the UTC system clock).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = requireNonNull(value, "clock is null");
            return this;
        }

        /**
         * Sets how health is assessed; objects the assessor does not handle are healthy (default: all healthy).
         *
         * @param value the assessor
         * @return this builder
         */
        public Builder healthAssessor(HealthAssessor value) {
            this.healthAssessor = requireNonNull(value, "healthAssessor is null");
            return this;
        }

        /**
         * Makes fields of a kind immutable, like the API server's (a Job's {@code /spec/template}): an apply that
         * changes one of them on an existing object fails with an {@link ImmutableFieldException} naming it, unless
         * its options ask to {@linkplain ApplyOptions#recreate() recreate} the object.
         *
         * @param kind the kind, e.g. {@code Job}
         * @param jsonPointers the fields, as JSON Pointers
         * @return this builder
         * @throws IllegalArgumentException when a field is not a JSON Pointer
         */
        public Builder immutableFields(String kind, String... jsonPointers) {
            List<String> pointers = new ArrayList<>(immutableFields.getOrDefault(requireNonNull(kind, "kind is null"),
                    List.of()));
            for (String pointer : jsonPointers) {
                if (!pointer.startsWith("/")) {
                    throw new IllegalArgumentException("not a JSON Pointer: " + pointer + " (e.g. /spec/template)");
                }
                pointers.add(pointer);
            }
            immutableFields.put(kind, List.copyOf(pointers));
            return this;
        }

        /**
         * Builds the target.
         *
         * @return a new, empty target
         */
        public InMemoryTarget build() {
            return new InMemoryTarget(this);
        }
    }
}
