package io.gitops4j.kustomize;

import static java.util.Objects.requireNonNull;

/**
 * A group, version and kind, as Kustomize compares them: an empty field of a selector matches anything.
 *
 * @param group the API group, {@code ""} for core
 * @param version the version, {@code ""} when unknown or not selected
 * @param kind the kind, {@code ""} when not selected
 */
record Gvk(String group, String version, String kind) {
    static final Gvk ANY = new Gvk("", "", "");

    Gvk {
        requireNonNull(group, "group is null");
        requireNonNull(version, "version is null");
        requireNonNull(kind, "kind is null");
    }

    /** Splits an {@code apiVersion} ({@code apps/v1}, {@code v1}) and pairs it with a kind. */
    static Gvk of(String apiVersion, String kind) {
        int slash = apiVersion.lastIndexOf('/');
        if (slash < 0) {
            return new Gvk("", apiVersion, kind);
        }
        return new Gvk(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
    }

    /** Tells whether this is selected by {@code selector}: each non-empty field of the selector must be equal. */
    boolean selectedBy(Gvk selector) {
        return (selector.group.isEmpty() || selector.group.equals(group))
                && (selector.version.isEmpty() || selector.version.equals(version))
                && (selector.kind.isEmpty() || selector.kind.equals(kind));
    }

    /** Returns {@code group/version} or {@code version} for the core group. */
    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    @Override
    public String toString() {
        return (group.isEmpty() ? "" : group + "/") + version + ", Kind=" + kind;
    }
}
