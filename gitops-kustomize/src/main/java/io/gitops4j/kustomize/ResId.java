package io.gitops4j.kustomize;

import static java.util.Objects.requireNonNull;

import io.gitops4j.kinds.BuiltinKinds;

/**
 * An object's identity during a build, as Kustomize keeps it: kind, name and namespace. Namespaces compare by their
 * effective value: {@code ""} is {@code default} for namespaced kinds, and cluster-scoped kinds have none.
 *
 * @param gvk the group, version and kind
 * @param name the name
 * @param namespace the namespace as written ({@code ""} when absent)
 */
record ResId(Gvk gvk, String name, String namespace) {
    static final String NOT_NAMESPACEABLE = "_non_namespaceable_";

    ResId {
        requireNonNull(gvk, "gvk is null");
        requireNonNull(name, "name is null");
        requireNonNull(namespace, "namespace is null");
    }

    /** Tells whether the kind is a built-in cluster-scoped one. */
    boolean clusterScoped() {
        return BuiltinKinds.isClusterScoped(gvk.group(), gvk.kind());
    }

    /** Returns the namespace as Kustomize compares it. */
    String effectiveNamespace() {
        if (clusterScoped()) {
            return NOT_NAMESPACEABLE;
        }
        return namespace.isEmpty() ? "default" : namespace;
    }

    /** Tells whether both ids have the same effective namespace. */
    boolean sameNamespace(ResId other) {
        return effectiveNamespace().equals(other.effectiveNamespace());
    }

    /** Tells whether both ids name the same object: equal group, version, kind and name, same namespace. */
    boolean sameAs(ResId other) {
        return gvk.equals(other.gvk) && name.equals(other.name) && sameNamespace(other);
    }

    /** Returns a key equal for ids that are {@link #sameAs} each other. */
    String key() {
        return gvk.group() + '|' + gvk.version() + '|' + gvk.kind() + '|' + effectiveNamespace() + '|' + name;
    }

    @Override
    public String toString() {
        return gvk.kind() + " " + (namespace.isEmpty() ? "" : namespace + "/") + name
                + (gvk.apiVersion().isEmpty() ? "" : " (" + gvk.apiVersion() + ")");
    }
}
