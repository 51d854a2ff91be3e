package io.gitops4j.diff;

import io.gitops4j.kinds.BuiltinFields;

/**
 * Where Kubernetes resource quantities live, so their values compare by quantity ({@code "1000m" == "1"}) only
 * there and strings compare exactly everywhere else.
 *
 * <p>Quantity fields are those {@link BuiltinFields#quantityPaths()} matches: any key of a map named {@code limits}
 * or {@code requests} inside {@code resources} (containers, PVCs, pod-level resources); any key of
 * {@code spec.hard} (ResourceQuota) and {@code spec.overhead} (Pod, RuntimeClass); the keys of {@code max},
 * {@code min}, {@code default}, {@code defaultRequest} and {@code maxLimitRequestRatio} inside items of a list
 * named {@code limits} (LimitRange); and any field named {@code sizeLimit} (emptyDir). Stateless.
 */
final class QuantityFields {
    private static final String ANY_FIELD = "*";
    private static final String ANY_INDEX = "[]";
    private static final String[][] PATTERNS = BuiltinFields.quantityPaths().stream()
            .map(pattern -> pattern.toArray(String[]::new)).toArray(String[][]::new);

    private QuantityFields() {
    }

    /** Tells whether the value at the top of the path is a quantity. */
    static boolean isQuantity(PathStack path) {
        for (String[] pattern : PATTERNS) {
            if (endsWith(path, pattern)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWith(PathStack path, String[] pattern) {
        int depth = path.depth();
        if (pattern.length > depth) {
            return false;
        }
        for (int back = 0; back < pattern.length; back++) {
            String segment = pattern[pattern.length - 1 - back];
            String name = path.name(depth - 1 - back);
            boolean matches = segment.equals(ANY_INDEX) ? name == null
                    : name != null && (segment.equals(ANY_FIELD) || segment.equals(name));
            if (!matches) {
                return false;
            }
        }
        return true;
    }
}
