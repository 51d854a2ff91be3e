package io.gitops4j.model;

import static java.util.Objects.requireNonNull;


/**
 * The identity of a resource: API group, kind, namespace and name.
 *
 * <p>The API version is not part of identity ({@code apps/v1} and {@code apps/v1beta1} Deployments are the same
 * object). {@code group} is {@code ""} for the core group; {@code namespace} is {@code ""} for cluster-scoped
 * resources. Keys are totally and stably ordered by group, kind, namespace, then name.
 *
 * <p>The string form is {@code [group/]Kind[/namespace]/name}, for example {@code apps/Deployment/shop/web},
 * {@code ConfigMap/shop/settings} or {@code Namespace/shop}; {@link #parse(String)} reads it back.
 *
 * @param group the API group, {@code ""} for the core group
 * @param kind the kind, e.g. {@code Deployment}; never empty
 * @param namespace the namespace, {@code ""} when cluster-scoped
 * @param name the name; never empty
 */
public record ResourceKey(String group, String kind, String namespace, String name)
        implements Comparable<ResourceKey> {

    /**
     * Validates the components; every component is required, {@code kind} and {@code name} non-empty. Group, kind
     * and namespace (few distinct values) are kept as canonical strings, so comparing keys mostly compares
     * references.
     */
    public ResourceKey {
        requireNonNull(group, "group is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(name, "name is null");
        if (kind.isEmpty()) {
            throw new IllegalArgumentException("kind is empty");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name is empty");
        }
        group = group.intern();
        kind = kind.intern();
        namespace = namespace.intern();
    }

    /**
     * Returns the key of a namespaced resource.
     *
     * @param group the API group, {@code ""} for core
     * @param kind the kind
     * @param namespace the namespace, {@code ""} when cluster-scoped
     * @param name the name
     * @return the key
     */
    public static ResourceKey of(String group, String kind, String namespace, String name) {
        return new ResourceKey(group, kind, namespace, name);
    }

    /**
     * Returns the key of a cluster-scoped resource.
     *
     * @param group the API group, {@code ""} for core
     * @param kind the kind
     * @param name the name
     * @return the key, with namespace {@code ""}
     */
    public static ResourceKey clusterScoped(String group, String kind, String name) {
        return new ResourceKey(group, kind, "", name);
    }

    /**
     * Returns the group of an {@code apiVersion} string: {@code "apps"} for {@code apps/v1}, {@code ""} for
     * {@code v1}.
     *
     * @param apiVersion an API version such as {@code apps/v1}
     * @return the group part, {@code ""} for the core group
     */
    public static String groupOf(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /**
     * Parses the string form produced by {@link #toString()}.
     *
     * @param text a key such as {@code apps/Deployment/shop/web} or {@code Namespace/shop}
     * @return the key
     * @throws IllegalArgumentException when the text is not a key
     */
    public static ResourceKey parse(String text) {
        String[] parts = text.split("/", -1);
        int i = 0;
        String group = "";
        if (parts.length > 2 && isGroup(parts[0])) {
            group = parts[0];
            i = 1;
        }
        int rest = parts.length - i;
        if (rest == 2) {
            return new ResourceKey(group, parts[i], "", parts[i + 1]);
        }
        if (rest == 3) {
            return new ResourceKey(group, parts[i], parts[i + 1], parts[i + 2]);
        }
        throw new IllegalArgumentException("not a resource key: '" + text
                + "' (expected [group/]Kind[/namespace]/name, e.g. apps/Deployment/shop/web)");
    }

    private static boolean isGroup(String part) {
        return !part.isEmpty() && (part.contains(".") || Character.isLowerCase(part.charAt(0)));
    }

    /**
     * Tells whether the resource is cluster-scoped (has no namespace).
     *
     * @return {@code true} when {@code namespace} is empty
     */
    public boolean isClusterScoped() {
        return namespace.isEmpty();
    }

    /**
     * Returns this key in another namespace.
     *
     * @param newNamespace the namespace, {@code ""} for cluster scope
     * @return a key that differs only in namespace
     */
    public ResourceKey withNamespace(String newNamespace) {
        return new ResourceKey(group, kind, newNamespace, name);
    }

    /** Orders by group, kind, namespace, then name; the same key object compares equal without reading it. */
    @Override
    public int compareTo(ResourceKey other) {
        if (this == other) {
            return 0;
        }
        int order = compare(group, other.group);
        if (order != 0) {
            return order;
        }
        order = compare(kind, other.kind);
        if (order != 0) {
            return order;
        }
        order = compare(namespace, other.namespace);
        return order != 0 ? order : compare(name, other.name);
    }

    private static int compare(String left, String right) {
        return left == right ? 0 : left.compareTo(right);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(group.length() + kind.length() + namespace.length() + name.length() + 3);
        if (!group.isEmpty()) {
            text.append(group).append('/');
        }
        text.append(kind).append('/');
        if (!namespace.isEmpty()) {
            text.append(namespace).append('/');
        }
        return text.append(name).toString();
    }
}
