package io.gitops4j.diff;

import java.util.Set;

/**
 * Maps whose entries the API server keeps even when their value is empty: {@code labels}, {@code annotations},
 * {@code data}, {@code binaryData}, {@code stringData}, {@code nodeSelector}, {@code matchLabels} and
 * {@code selector}. Everywhere else a desired zero value ({@code ""}, {@code false}, {@code 0}) equals an absent
 * live field, because Kubernetes omits zero values of {@code omitempty} fields ({@code readOnly: false} of a
 * volume mount, {@code value: ""} of an environment variable). Stateless.
 */
final class FreeFormMaps {
    private static final Set<String> NAMES = Set.of("labels", "annotations", "data", "binaryData", "stringData",
            "nodeSelector", "matchLabels", "selector");

    private FreeFormMaps() {
    }

    /** Tells whether the field at the top of the path is an entry of a free-form map. */
    static boolean isEntry(PathStack path) {
        String parent = path.nameFromTop(1);
        return parent != null && path.nameFromTop(0) != null && NAMES.contains(parent);
    }
}
