package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import io.gitops4j.model.Provenance;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.TargetException;
import java.util.Optional;

/**
 * Resolves keys to {@link Address}es: finds the kind's REST type through {@link Discovery}, defaults the
 * namespace of namespaced kinds and rejects a namespace on cluster-scoped ones. Thread-safe.
 */
public final class ResourceTypes {
    private final Discovery discovery;
    private final String defaultNamespace;

    /**
     * Creates a resolver.
     *
     * @param discovery the discovery cache
     * @param defaultNamespace the namespace of namespaced objects that name none
     */
    public ResourceTypes(Discovery discovery, String defaultNamespace) {
        this.discovery = requireNonNull(discovery, "discovery is null");
        this.defaultNamespace = requireNonNull(defaultNamespace, "defaultNamespace is null");
    }

    /**
     * Resolves a declared key.
     *
     * @param key the key as declared
     * @param provenance where it was declared, for the error message
     * @return the address
     * @throws TargetException when the cluster serves no such kind, or a cluster-scoped kind names a namespace
     */
    public Address resolve(ResourceKey key, Provenance provenance) {
        ApiResource type = discovery.find(key.group(), key.kind())
                .orElseThrow(() -> new TargetException(key, "no kind " + key.kind() + " in group "
                        + (key.group().isEmpty() ? "\"\" (core)" : key.group())
                        + " is served by the cluster" + where(provenance) + "; is its CRD applied?"));
        return place(key, type, provenance);
    }

    /**
     * Resolves a key of an object that may exist, such as one from an inventory.
     *
     * @param key the key
     * @return the address, or empty when the cluster no longer serves its kind (so no such object exists)
     * @throws TargetException when a cluster-scoped kind names a namespace
     */
    public Optional<Address> resolveIfServed(ResourceKey key) {
        return discovery.find(key.group(), key.kind()).map(type -> place(key, type, Provenance.UNKNOWN));
    }

    private Address place(ResourceKey key, ApiResource type, Provenance provenance) {
        if (type.namespaced()) {
            return new Address(key.namespace().isEmpty() ? key.withNamespace(defaultNamespace) : key, type);
        }
        if (!key.namespace().isEmpty()) {
            throw new TargetException(key, key.kind() + " is cluster-scoped but names namespace '" + key.namespace()
                    + "'" + where(provenance) + "; remove metadata.namespace");
        }
        return new Address(key, type);
    }

    private static String where(Provenance provenance) {
        return provenance.isKnown() ? " (declared in " + provenance + ")" : "";
    }

    /**
     * Returns the namespace given to namespaced objects that name none.
     *
     * @return the default namespace
     */
    public String defaultNamespace() {
        return defaultNamespace;
    }

    /**
     * Returns the discovery cache behind this resolver.
     *
     * @return the discovery
     */
    public Discovery discovery() {
        return discovery;
    }
}
