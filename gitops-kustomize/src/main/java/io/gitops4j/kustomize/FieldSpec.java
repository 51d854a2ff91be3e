package io.gitops4j.kustomize;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a transformer writes in the objects of a kind: Kustomize's field spec. The path is split on {@code /} (a
 * {@code \/} is a slash inside a field name); a segment ending in {@code []} is a list whose elements are visited.
 * Immutable; the path is split once.
 */
final class FieldSpec {
    private final Gvk gvk;
    private final String path;
    private final boolean create;
    private final List<String> segments;

    /**
     * Creates a field spec.
     *
     * @param gvk the kinds it applies to (empty fields match any)
     * @param path the path, e.g. {@code spec/template/metadata/labels}
     * @param create whether missing fields along the path are created
     */
    FieldSpec(Gvk gvk, String path, boolean create) {
        this.gvk = requireNonNull(gvk, "gvk is null");
        this.path = requireNonNull(path, "path is null");
        this.create = create;
        this.segments = split(path);
    }

    Gvk gvk() {
        return gvk;
    }

    String path() {
        return path;
    }

    boolean create() {
        return create;
    }

    /** Returns the path's segments, with escaped slashes joined back. */
    List<String> segments() {
        return segments;
    }

    /** Returns this spec for any kind (the caller has already matched the kind). */
    FieldSpec anyKind() {
        return gvk.equals(Gvk.ANY) ? this : new FieldSpec(Gvk.ANY, path, create);
    }

    private static List<String> split(String path) {
        String[] parts = path.split("/", -1);
        List<String> result = new ArrayList<>();
        int start = parts.length > 1 && parts[0].isEmpty() ? 1 : 0;
        for (int i = start; i < parts.length; i++) {
            int last = result.size() - 1;
            if (last >= 0 && result.get(last).endsWith("\\")) {
                String joined = result.get(last);
                result.set(last, joined.substring(0, joined.length() - 1) + "/" + parts[i]);
            } else {
                result.add(parts[i]);
            }
        }
        return List.copyOf(result);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldSpec spec && spec.gvk.equals(gvk) && spec.path.equals(path)
                && spec.create == create;
    }

    @Override
    public int hashCode() {
        return (gvk.hashCode() * 31 + path.hashCode()) * 2 + (create ? 1 : 0);
    }

    @Override
    public String toString() {
        return path + (gvk.equals(Gvk.ANY) ? "" : " of " + gvk) + (create ? " (create)" : "");
    }
}
