package io.gitops4j.kustomize;

import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;

/**
 * A kustomization uses a field (or a form of a field) the native renderer does not build; the renderer hands the
 * whole render to the configured external binary, or fails with this error naming the file and the field.
 */
final class UnsupportedKustomizeField extends ManifestException {
    private static final long serialVersionUID = 1L;

    private final String field;

    UnsupportedKustomizeField(Provenance where, String field) {
        this(where, field, "");
    }

    UnsupportedKustomizeField(Provenance where, String field, String detail) {
        super(where, "field '" + field + "'" + (detail.isEmpty() ? "" : " (" + detail + ")")
                + " is not supported by the native Kustomize renderer; configure an external kustomize or kubectl "
                + "binary (RenderSettings.kustomizeBinary) to render this kustomization, or remove the field");
        this.field = field;
    }

    /** Returns the field's name. */
    String field() {
        return field;
    }
}
