package io.gitops4j.testkit;

import io.gitops4j.kinds.BuiltinKinds;
import io.gitops4j.model.ResourceKey;
import java.util.HashSet;
import java.util.Set;

/**
 * Which kinds the in-memory target treats as cluster-scoped: the cluster-scoped kinds of {@link BuiltinKinds}, plus
 * kinds added as {@code group/Kind}. Not thread-safe.
 */
final class ClusterScope {
    private final Set<String> added = new HashSet<>();

    void add(String group, String kind) {
        added.add(group + "/" + kind);
    }

    boolean contains(ResourceKey key) {
        return BuiltinKinds.isClusterScoped(key.group(), key.kind()) || added.contains(key.group() + "/" + key.kind());
    }
}
