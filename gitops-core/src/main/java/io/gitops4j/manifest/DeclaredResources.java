package io.gitops4j.manifest;

import io.gitops4j.ManifestException;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The resources of a desired state as its files are added one by one in path order, rejecting a resource whose key
 * an earlier file (or document) already declared. Used by {@link ManifestLoader#load} and
 * {@link ManifestLoader#assemble} so both apply the same duplicate check. Not thread-safe; one per load.
 */
final class DeclaredResources {
    private final Map<ResourceKey, Resource> seen = new HashMap<>();
    private final List<Resource> all = new ArrayList<>();

    /** Adds the resources of one file, in document order; throws naming both places on a duplicate key. */
    void addFile(List<Resource> resources) {
        for (Resource resource : resources) {
            Resource previous = seen.putIfAbsent(resource.key(), resource);
            if (previous != null) {
                throw new ManifestException(resource.provenance(), "duplicate resource " + resource.key()
                        + ", already declared in " + previous.provenance() + "; declare each resource once");
            }
            all.add(resource);
        }
    }

    /** Returns the desired state of every resource added, with the content digest computed. */
    DesiredState toState(String revisionId) {
        return DesiredState.of(revisionId, all);
    }
}
