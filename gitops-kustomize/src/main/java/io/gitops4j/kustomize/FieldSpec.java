package io.gitops4j.kustomize;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a transformer writes in the objects of a kind: Kustomize's field spec. The path is split on {@code /} (a
 * {@code \/} is a slash inside a field name); a segment ending in {@code []} is a list whose elements are visited.
 *
 * @param gvk the kinds it applies to (empty fields match any)
 * @param path the path, e.g. {@code spec/template/metadata/labels}
 * @param create whether missing fields along the path are created
 */
record FieldSpec(Gvk gvk, String path, boolean create) {

    FieldSpec {
        requireNonNull(gvk, "gvk is null");
        requireNonNull(path, "path is null");
    }

    /** Returns the path's segments, with escaped slashes joined back. */
    List<String> segments() {
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
}
