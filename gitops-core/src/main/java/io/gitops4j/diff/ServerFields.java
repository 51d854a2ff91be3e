package io.gitops4j.diff;

import io.gitops4j.kinds.BuiltinFields;
import java.util.Set;

/**
 * Fields the API server populates, which are never drift, as {@link BuiltinFields} lists them: the top-level
 * {@code status}; {@code metadata}'s {@code uid}, {@code resourceVersion}, {@code generation},
 * {@code creationTimestamp}, {@code managedFields}, {@code selfLink}, {@code deletionTimestamp} and
 * {@code deletionGracePeriodSeconds}; and the annotations {@code kubectl.kubernetes.io/last-applied-configuration}
 * and {@code deployment.kubernetes.io/revision}. Stateless.
 */
final class ServerFields {
    private static final Set<String> TOP_LEVEL = BuiltinFields.serverPopulatedTopLevelFields();
    private static final Set<String> METADATA = BuiltinFields.serverPopulatedMetadataFields();
    private static final Set<String> ANNOTATIONS = BuiltinFields.serverPopulatedAnnotations();

    private ServerFields() {
    }

    /** Tells whether the field at the top of the path is populated by the server. */
    static boolean isServerField(PathStack path) {
        switch (path.depth()) {
            case 1:
                return TOP_LEVEL.contains(path.name(0));
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
