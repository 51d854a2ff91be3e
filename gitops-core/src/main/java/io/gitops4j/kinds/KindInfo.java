package io.gitops4j.kinds;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;

/**
 * What Kubernetes says about one built-in kind: its group, the versions it is served at, its REST names, its scope,
 * and when gitops4j applies it. Instances come from {@link BuiltinKinds}; immutable and thread-safe.
 */
public final class KindInfo {
    private final String group;
    private final String kind;
    private final List<String> versions;
    private final String plural;
    private final KindScope scope;
    private final List<String> shortNames;
    private final List<String> categories;
    private final boolean statusSubresource;
    private final int applyOrder;
    private final KindRole role;

    KindInfo(String group, String kind, List<String> versions, String plural, KindScope scope,
            List<String> shortNames, List<String> categories, boolean statusSubresource, int applyOrder,
            KindRole role) {
        this.group = requireNonNull(group, "group is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.versions = List.copyOf(versions);
        this.plural = requireNonNull(plural, "plural is null");
        this.scope = requireNonNull(scope, "scope is null");
        this.shortNames = List.copyOf(shortNames);
        this.categories = List.copyOf(categories);
        this.statusSubresource = statusSubresource;
        this.applyOrder = applyOrder;
        this.role = requireNonNull(role, "role is null");
        if (this.versions.isEmpty()) {
            throw new IllegalArgumentException(kind + " has no version");
        }
    }

    /**
     * Returns the API group.
     *
     * @return the group, {@code ""} for the core group
     */
    public String group() {
        return group;
    }

    /**
     * Returns the kind, as written in manifests.
     *
     * @return the kind, e.g. {@code Deployment}
     */
    public String kind() {
        return kind;
    }

    /**
     * Returns the versions the kind is served at by default, the preferred one first.
     *
     * @return the versions, e.g. {@code [v2, v1]} for {@code HorizontalPodAutoscaler}
     */
    public List<String> versions() {
        return versions;
    }

    /**
     * Returns the {@code apiVersion} of the preferred version.
     *
     * @return {@code group/version}, or just the version for the core group (e.g. {@code apps/v1}, {@code v1})
     */
    public String apiVersion() {
        return group.isEmpty() ? versions.get(0) : group + "/" + versions.get(0);
    }

    /**
     * Returns the resource name used in REST paths.
     *
     * @return the plural, e.g. {@code deployments}
     */
    public String plural() {
        return plural;
    }

    /**
     * Returns where the objects of this kind live.
     *
     * @return the scope
     */
    public KindScope scope() {
        return scope;
    }

    /**
     * Tells whether objects of this kind live in a namespace.
     *
     * @return {@code true} when {@link #scope()} is {@link KindScope#NAMESPACED}
     */
    public boolean namespaced() {
        return scope == KindScope.NAMESPACED;
    }

    /**
     * Returns the short names {@code kubectl} accepts.
     *
     * @return the short names, possibly empty (e.g. {@code [deploy]})
     */
    public List<String> shortNames() {
        return shortNames;
    }

    /**
     * Returns the discovery categories the kind belongs to.
     *
     * @return the categories, possibly empty (e.g. {@code [all]} for workloads)
     */
    public List<String> categories() {
        return categories;
    }

    /**
     * Tells whether the server serves {@code status} as a separate subresource for this kind.
     *
     * @return {@code true} when writes to the main resource ignore {@code status}
     */
    public boolean statusSubresource() {
        return statusSubresource;
    }

    /**
     * Returns the kind's apply priority within one wave, lowest first; deletions run in reverse.
     *
     * @return the priority; {@link BuiltinKinds#UNRANKED} for kinds applied with "everything else"
     */
    public int applyOrder() {
        return applyOrder;
    }

    /**
     * Returns what this kind's objects are to other objects.
     *
     * @return the role
     */
    public KindRole role() {
        return role;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KindInfo that && group.equals(that.group) && kind.equals(that.kind)
                && versions.equals(that.versions) && plural.equals(that.plural) && scope == that.scope
                && shortNames.equals(that.shortNames) && categories.equals(that.categories)
                && statusSubresource == that.statusSubresource && applyOrder == that.applyOrder
                && role == that.role;
    }

    @Override
    public int hashCode() {
        return Objects.hash(group, kind, versions, plural, scope);
    }

    @Override
    public String toString() {
        return apiVersion() + " " + kind + " (" + plural + ", " + scope.name().toLowerCase(java.util.Locale.ROOT)
                + ")";
    }
}
