package io.gitops4j.kustomize;

import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;

/** One step of a kustomization's transformer pipeline, applied to every object accumulated so far. */
interface Transformation {

    /**
     * Applies the step.
     *
     * @param objects the objects, changed in place
     * @throws ManifestException naming the kustomization file and field when the step cannot apply
     */
    void apply(Accumulator objects);

    /** Turns a failed walk into an error naming the declaring file and field and the object. */
    static ManifestException failure(Provenance where, String field, Item item, FieldSpec spec, RuntimeException e) {
        return new ManifestException(where, "field '" + field + "': cannot update '" + spec.path() + "' of "
                + item + ": " + e.getMessage());
    }
}
