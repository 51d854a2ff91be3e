package io.gitops4j.k8s.internal;

import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.WritableOperation;
import io.gitops4j.target.ApplyOptions;

/**
 * The {@code fieldValidation} of a write: {@code Strict} (an unknown field fails the write, as with {@code kubectl}'s
 * default) unless {@link ApplyOptions#validate()} is off, then {@code Ignore} (unknown fields are dropped). Stateless.
 */
final class FieldValidations {
    private FieldValidations() {
    }

    /** Returns the write with the field validation the options ask for. */
    static <T> NonDeletingOperation<T> of(WritableOperation<T> write, ApplyOptions options) {
        return write.fieldValidation(options.validate() ? Validation.STRICT : Validation.IGNORE);
    }
}
