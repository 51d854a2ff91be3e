package io.gitops4j.model;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * What a system should look like at one {@link Revision}: resources sorted by key.
 *
 * <p>Immutable and thread-safe. Keys are unique; building a state with two resources of the same key fails
 * (loaders report that as a manifest error naming both files before it gets here).
 */
public final class DesiredState {
    private final Revision revision;
    private final ImmutableSortedMap<ResourceKey, Resource> resources;
    private final String renderedBy;

    private DesiredState(Revision revision, ImmutableSortedMap<ResourceKey, Resource> resources) {
        this(revision, resources, "");
    }

    private DesiredState(Revision revision, ImmutableSortedMap<ResourceKey, Resource> resources, String renderedBy) {
        this.revision = revision;
        this.resources = resources;
        this.renderedBy = renderedBy;
    }

    /**
     * Returns this state marked as the output of a renderer, for plans and logs; the revision and resources are the
     * same (so are {@link #equals} and the digest).
     *
     * @param renderer the renderer's name, e.g. {@code kustomize (native)}; {@code ""} for plain manifests
     * @return the marked state
     */
    public DesiredState withRenderedBy(String renderer) {
        requireNonNull(renderer, "renderer is null");
        return renderer.equals(renderedBy) ? this : new DesiredState(revision, resources, renderer);
    }

    /**
     * Returns the name of the renderer that produced these resources, e.g. {@code kustomize (native)} or
     * {@code helm}; {@code ""} when they were read as plain manifests (or the source does not say).
     *
     * @return the renderer's name, or {@code ""}
     */
    public String renderedBy() {
        return renderedBy;
    }

    /**
     * Builds a desired state and computes its content digest from the resources.
     *
     * @param revisionId the source's revision id (e.g. a commit SHA)
     * @param resources the resources, in any order
     * @return the state, whose revision carries the digest of {@link #contentDigest(Map)}
     * @throws IllegalArgumentException when two resources share a key
     */
    public static DesiredState of(String revisionId, Collection<Resource> resources) {
        ImmutableSortedMap<ResourceKey, Resource> map = index(resources);
        return new DesiredState(new Revision(revisionId, contentDigest(map)), map);
    }

    /**
     * Builds a desired state pinned to a given revision, as is (the digest is not recomputed).
     *
     * @param revision the revision
     * @param resources the resources, in any order
     * @return the state
     * @throws IllegalArgumentException when two resources share a key
     */
    public static DesiredState of(Revision revision, Collection<Resource> resources) {
        requireNonNull(revision, "revision is null");
        return new DesiredState(revision, index(resources));
    }

    private static ImmutableSortedMap<ResourceKey, Resource> index(Collection<Resource> resources) {
        requireNonNull(resources, "resources is null");
        ImmutableSortedMap<ResourceKey, Resource> sorted = KeyIndex.ifSorted(resources, Resource::key);
        if (sorted != null) {
            return sorted;
        }
        TreeMap<ResourceKey, Resource> map = new TreeMap<>();
        for (Resource resource : resources) {
            Resource previous = map.put(resource.key(), resource);
            if (previous != null) {
                throw new IllegalArgumentException("duplicate resource " + resource.key() + ": declared in "
                        + previous.provenance() + " and in " + resource.provenance());
            }
        }
        return ImmutableSortedMap.copyOfSorted(map);
    }

    /**
     * Returns the SHA-256 digest over the sorted keys and each resource's canonical digest.
     *
     * @param resources resources by key
     * @return {@code sha256:<hex>}; the same for the same content whatever the input order
     */
    public static String contentDigest(Map<ResourceKey, Resource> resources) {
        MessageDigest digest = CanonicalJson.newDigest();
        new TreeMap<>(resources).forEach((key, resource) -> {
            digest.update(key.toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(resource.digest().getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) '\n');
        });
        return CanonicalJson.format(digest);
    }

    /**
     * Returns the revision this state is pinned to.
     *
     * @return the revision
     */
    public Revision revision() {
        return revision;
    }

    /**
     * Returns the resources sorted by key.
     *
     * @return an unmodifiable sorted map
     */
    public SortedMap<ResourceKey, Resource> resources() {
        return resources;
    }

    /**
     * Returns the keys in order.
     *
     * @return an unmodifiable sorted set
     */
    public SortedSet<ResourceKey> keys() {
        return resources.keySet();
    }

    /**
     * Returns the resource with a key.
     *
     * @param key the key
     * @return the resource, or empty when not declared
     */
    public Optional<Resource> get(ResourceKey key) {
        return Optional.ofNullable(resources.get(key));
    }

    /**
     * Returns the number of resources.
     *
     * @return the size
     */
    public int size() {
        return resources.size();
    }

    /**
     * Tells whether the state declares nothing.
     *
     * @return {@code true} when there are no resources
     */
    public boolean isEmpty() {
        return resources.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DesiredState that && revision.equals(that.revision) && resources.equals(that.resources);
    }

    @Override
    public int hashCode() {
        return revision.hashCode() * 31 + resources.hashCode();
    }

    @Override
    public String toString() {
        return "DesiredState{revision=" + revision + ", resources=" + resources.size()
                + (renderedBy.isEmpty() ? "" : ", renderedBy=" + renderedBy) + "}";
    }
}
