package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Reads live objects for a set of keys: one GET per object, or one LIST per type and namespace when many objects
 * of it are asked for. Each live object comes with what this field manager last applied to it, reconstructed from
 * its managed fields, and without the managed fields themselves. An object the server reports with the uid and
 * resourceVersion of the last observation is answered with the same {@link LiveResource} instance
 * ({@link LiveObjectCache}). With a {@link WatchCache}, a type and namespace is listed once, whatever the number of
 * keys, and then answered from its watch while it is synced. With an executor, the groups that need requests, and
 * the GETs of one group, are read side by side. Answers are read as JSON trees ({@link JsonRequests}), not through
 * the fabric8 model. Thread-safe.
 */
public final class LiveObserver {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final KubernetesClient client;
    private final ResourceTypes types;
    private final ObjectMapping mapping;
    private final String fieldManager;
    private final int listThreshold;
    private final LiveObjectCache cache;
    private final WatchCache watches;
    private final Executor requests;
    private final JsonRequests json;

    /**
     * Creates an observer.
     *
     * @param client the client
     * @param types resolves keys
     * @param mapping converts objects
     * @param fieldManager the field manager whose applied fields are reconstructed
     * @param listThreshold from how many keys of one type and namespace a LIST replaces the GETs
     * @param cache the live objects built before, reused while unchanged
     */
    public LiveObserver(KubernetesClient client, ResourceTypes types, ObjectMapping mapping, String fieldManager,
            int listThreshold, LiveObjectCache cache) {
        this(client, types, mapping, fieldManager, listThreshold, cache, null, null);
    }

    /**
     * Creates an observer that may answer from watches and read groups in parallel.
     *
     * @param client the client
     * @param types resolves keys
     * @param mapping converts objects
     * @param fieldManager the field manager whose applied fields are reconstructed
     * @param listThreshold from how many keys of one type and namespace a LIST replaces the GETs
     * @param cache the live objects built before, reused while unchanged
     * @param watches the watched groups to answer from, {@code null} for none
     * @param requests where groups that need requests are read side by side, {@code null} to read them in turn
     */
    public LiveObserver(KubernetesClient client, ResourceTypes types, ObjectMapping mapping, String fieldManager,
            int listThreshold, LiveObjectCache cache, WatchCache watches, Executor requests) {
        this.watches = watches;
        this.requests = requests;
        this.client = requireNonNull(client, "client is null");
        this.json = new JsonRequests(client);
        this.types = requireNonNull(types, "types is null");
        this.mapping = requireNonNull(mapping, "mapping is null");
        this.fieldManager = requireNonNull(fieldManager, "fieldManager is null");
        this.listThreshold = listThreshold;
        this.cache = requireNonNull(cache, "cache is null");
    }

    /**
     * Observes the objects of some keys; keys of kinds the cluster does not serve are absent.
     *
     * @param keys the keys
     * @return the live objects that exist
     * @throws io.gitops4j.TargetException when the cluster cannot be read
     */
    public LiveState observe(Collection<ResourceKey> keys) {
        Map<String, List<Address>> groups = new LinkedHashMap<>();
        for (ResourceKey key : keys) {
            Optional<Address> address = types.resolveIfServed(key);
            address.ifPresent(a -> groups.computeIfAbsent(a.collectionId(), g -> new ArrayList<>()).add(a));
        }
        List<LiveResource> live = new ArrayList<>();
        List<Supplier<List<LiveResource>>> reads = new ArrayList<>();
        for (List<Address> group : groups.values()) {
            if (watches != null && watches.synced(group.get(0))) {
                live.addAll(observed(group));
            } else if (watches == null && group.size() < listThreshold) {
                group.forEach(address -> reads.add(() -> fetched(address).map(List::of).orElse(List.of())));
            } else {
                reads.add(() -> observed(group));
            }
        }
        if (requests == null || reads.size() == 1) {
            reads.forEach(read -> live.addAll(read.get()));
            return LiveState.of(live);
        }
        List<CompletableFuture<List<LiveResource>>> inFlight = new ArrayList<>(reads.size());
        for (Supplier<List<LiveResource>> read : reads) {
            inFlight.add(CompletableFuture.supplyAsync(read, requests));
        }
        for (CompletableFuture<List<LiveResource>> read : inFlight) {
            live.addAll(joined(read));
        }
        return LiveState.of(live);
    }

    private static List<LiveResource> joined(CompletableFuture<List<LiveResource>> group) {
        try {
            return group.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private List<LiveResource> observed(List<Address> group) {
        List<LiveResource> live = new ArrayList<>();
        if (watches != null) {
            watched(group, live);
        } else if (group.size() >= listThreshold) {
            answered(group, listed(group.get(0)), live);
        } else {
            for (Address address : group) {
                fetched(address).ifPresent(live::add);
            }
        }
        return live;
    }

    /** Answers a group from its watch, or lists it (starting its watch) when it is not synced. */
    private void watched(List<Address> group, List<LiveResource> out) {
        Address first = group.get(0);
        if (!watches.synced(first)) {
            Optional<GenericKubernetesResourceList> list = listedUnlessForbidden(first, group.size());
            if (list.isEmpty()) {
                for (Address address : group) {
                    fetched(address).ifPresent(out::add);
                }
                return;
            }
            watches.start(first, list.get().getItems(), list.get().getMetadata().getResourceVersion());
            answered(group, list.get(), out);
            return;
        }
        for (Address address : group) {
            WatchCache.Lookup found = watches.lookup(address);
            if (!found.known()) {
                fetched(address).ifPresent(out::add);
            } else if (found.object() == null) {
                cache.absent(address.key());
            } else {
                out.add(cache.reuseOrBuild(address.key(), found.object(), this::toLive));
            }
        }
    }

    /**
     * Reads one object.
     *
     * @param address the object
     * @return the live object, or empty when it does not exist
     */
    public Optional<LiveResource> fetched(Address address) {
        try {
            Optional<ObjectNode> object = json.get(JsonRequests.objectPath(address, address.type().version()));
            if (object.isEmpty()) {
                cache.absent(address.key());
                return Optional.empty();
            }
            return Optional.of(cache.reuseOrBuild(address.key(), object.get(), this::toLive));
        } catch (KubernetesClientException e) {
            throw ApiErrors.translate(e, address.key(), "read");
        }
    }

    /**
     * Lists a collection to watch it; empty when the client may not list it (403) and few enough keys are asked for
     * that GETs serve them, as without the watch cache.
     */
    private Optional<GenericKubernetesResourceList> listedUnlessForbidden(Address first, int keys) {
        try {
            return Optional.of(typed(first, first.collection(client, first.type().version()).list()));
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403 && keys < listThreshold) {
                return Optional.empty();
            }
            throw ApiErrors.translate(e, first.key(), "list " + first.type().plural());
        }
    }

    /** Lists the whole collection of an address, each item with apiVersion and kind first. */
    private List<ObjectNode> listed(Address first) {
        ObjectNode list;
        try {
            list = json.get(JsonRequests.collectionPath(first, first.type().version())).orElseGet(JSON::objectNode);
        } catch (KubernetesClientException e) {
            throw ApiErrors.translate(e, first.key(), "list " + first.type().plural());
        }
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode item : list.path("items")) {
            if (item instanceof ObjectNode object) {
                if (object.has("apiVersion")) {
                    items.add(object);
                } else {
                    ObjectNode typed = JSON.objectNode();
                    typed.put("apiVersion", first.type().apiVersion()).put("kind", first.type().kind());
                    items.add(typed.setAll(object));
                }
            }
        }
        return items;
    }

    /** Answers a group from the items of its collection's list: an address whose name is not listed is absent. */
    private void answered(List<Address> group, List<ObjectNode> items, List<LiveResource> out) {
        Map<String, ObjectNode> byName = new HashMap<>();
        for (ObjectNode item : items) {
            byName.put(item.path("metadata").path("name").asText(), item);
        }
        for (Address address : group) {
            ObjectNode item = byName.get(address.key().name());
            if (item != null) {
                out.add(cache.reuseOrBuild(address.key(), item, this::toLive));
            } else {
                cache.absent(address.key());
            }
        }
    }

    private static GenericKubernetesResourceList typed(Address first, GenericKubernetesResourceList list) {
        for (GenericKubernetesResource item : list.getItems()) {
            if (item.getApiVersion() == null) {
                item.setApiVersion(first.type().apiVersion());
                item.setKind(first.type().kind());
            }
        }
        return list;
    }

    private void answered(List<Address> group, GenericKubernetesResourceList list, List<LiveResource> out) {
        Map<String, GenericKubernetesResource> byName = new HashMap<>();
        for (GenericKubernetesResource item : list.getItems()) {
            byName.put(item.getMetadata().getName(), item);
        }
        for (Address address : group) {
            GenericKubernetesResource item = byName.get(address.key().name());
            if (item != null) {
                out.add(cache.reuseOrBuild(address.key(), item, this::toLive));
            } else {
                cache.absent(address.key());
            }
        }
    }

    private LiveResource toLive(GenericKubernetesResource object) {
        return toLive(mapping.toTree(object));
    }

    private LiveResource toLive(ObjectNode tree) {
        Resource lastApplied = ManagedFields.lastApplied(tree, fieldManager).map(Resource::of).orElse(null);
        return LiveResource.of(Resource.of(ObjectMapping.withoutManagedFields(tree)), lastApplied);
    }
}
