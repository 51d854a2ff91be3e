package io.gitops4j.diff;

import java.util.Set;

/**
 * Fields the API server populates, which are never drift: the top-level {@code status}; {@code metadata}'s
 * {@code uid}, {@code resourceVersion}, {@code generation}, {@code creationTimestamp}, {@code managedFields},
 * {@code selfLink}, {@code deletionTimestamp} and {@code deletionGracePeriodSeconds}; and the annotations
 * {@code kubectl.kubernetes.io/last-applied-configuration} and {@code deployment.kubernetes.io/revision}.
 * Stateless.
 */
final class ServerFields {
    private static final Set<String> METADATA = Set.of("uid", "resourceVersion", "generation", "creationTimestamp",
            "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds");
    private static final Set<String> ANNOTATIONS = Set.of("kubectl.kubernetes.io/last-applied-configuration",
            "deployment.kubernetes.io/revision");

    private ServerFields() {
    }

    /** Tells whether the field at the top of the path is populated by the server. */
    static boolean isServerField(PathStack path) {
        switch (path.depth()) {
            case 1:
                return "status".equals(path.name(0));
            case 2:
                return "metadata".equals(path.name(0)) && METADATA.contains(path.name(1));
            case 3:
                return "metadata".equals(path.name(0)) && "annotations".equals(path.name(1))
                        && ANNOTATIONS.contains(path.name(2));
            default:
                return false;
        }
    }
}
