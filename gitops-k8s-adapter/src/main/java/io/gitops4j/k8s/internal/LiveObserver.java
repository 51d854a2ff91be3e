package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
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

/**
 * Reads live objects for a set of keys: one GET per object, or one LIST per type and namespace when many objects
 * of it are asked for; the requests of one observation run several at once ({@link ParallelReads}), and the live
 * objects come back in the order of the keys' groups, as if read one after the other. Each live object comes with
 * what this field manager last applied to it, reconstructed from its managed fields, and without the managed fields
 * themselves. An object the server reports with the uid and resourceVersion of the last observation is answered with
 * the same {@link LiveResource} instance ({@link LiveObjectCache}). Thread-safe.
 */
public final class LiveObserver {
    private final KubernetesClient client;
    private final ResourceTypes types;
    private final ObjectMapping mapping;
    private final String fieldManager;
    private final int listThreshold;
    private final LiveObjectCache cache;
    private final ParallelReads reads;

    /**
     * Creates an observer.
     *
     * @param client the client
     * @param types resolves keys
     * @param mapping converts objects
     * @param fieldManager the field manager whose applied fields are reconstructed
     * @param listThreshold from how many keys of one type and namespace a LIST replaces the GETs
     * @param cache the live objects built before, reused while unchanged
     * @param reads runs the requests of one observation, several at once
     */
    public LiveObserver(KubernetesClient client, ResourceTypes types, ObjectMapping mapping, String fieldManager,
            int listThreshold, LiveObjectCache cache, ParallelReads reads) {
        this.client = requireNonNull(client, "client is null");
        this.types = requireNonNull(types, "types is null");
        this.mapping = requireNonNull(mapping, "mapping is null");
        this.fieldManager = requireNonNull(fieldManager, "fieldManager is null");
        this.listThreshold = listThreshold;
        this.cache = requireNonNull(cache, "cache is null");
        this.reads = requireNonNull(reads, "reads is null");
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
            address.ifPresent(a -> groups.computeIfAbsent(a.type().group() + "/" + a.type().kind() + "/"
                    + a.key().namespace(), g -> new ArrayList<>()).add(a));
        }
        List<LiveResource> live = new ArrayList<>();
        reads.each(reads(groups.values()), Read::run).forEach(live::addAll);
        return LiveState.of(live);
    }

    /** The requests of one observation: a LIST for each large group, a GET for each object of the others. */
    private List<Read> reads(Collection<List<Address>> groups) {
        List<Read> all = new ArrayList<>();
        for (List<Address> group : groups) {
            if (group.size() >= listThreshold) {
                all.add(() -> {
                    List<LiveResource> found = new ArrayList<>(group.size());
                    listed(group, found);
                    return found;
                });
            } else {
                for (Address address : group) {
                    all.add(() -> fetched(address).map(List::of).orElse(List.of()));
                }
            }
        }
        return all;
    }

    /** One request of an observation and the live objects it found. */
    private interface Read {
        List<LiveResource> run();
    }

    /**
     * Reads one object.
     *
     * @param address the object
     * @return the live object, or empty when it does not exist
     */
    public Optional<LiveResource> fetched(Address address) {
        try {
            GenericKubernetesResource object = address.object(client).get();
            if (object == null) {
                cache.absent(address.key());
                return Optional.empty();
            }
            return Optional.of(cache.reuseOrBuild(address.key(), object, this::toLive));
        } catch (KubernetesClientException e) {
            throw ApiErrors.translate(e, address.key(), "read");
        }
    }

    private void listed(List<Address> group, List<LiveResource> out) {
        Address first = group.get(0);
        Map<String, GenericKubernetesResource> byName = new HashMap<>();
        try {
            for (GenericKubernetesResource item : first.collection(client, first.type().version()).list().getItems()) {
                byName.put(item.getMetadata().getName(), item);
            }
        } catch (KubernetesClientException e) {
            throw ApiErrors.translate(e, first.key(), "list " + first.type().plural());
        }
        for (Address address : group) {
            GenericKubernetesResource item = byName.get(address.key().name());
            if (item != null) {
                if (item.getApiVersion() == null) {
                    item.setApiVersion(first.type().apiVersion());
                    item.setKind(first.type().kind());
                }
                out.add(cache.reuseOrBuild(address.key(), item, this::toLive));
            } else {
                cache.absent(address.key());
            }
        }
    }

    private LiveResource toLive(GenericKubernetesResource object) {
        ObjectNode tree = mapping.toTree(object);
        Resource lastApplied = ManagedFields.lastApplied(tree, fieldManager).map(Resource::of).orElse(null);
        return LiveResource.of(Resource.of(ObjectMapping.withoutManagedFields(tree)), lastApplied);
    }
}
