package io.gitops4j;

import io.gitops4j.model.ResourceKey;
import java.util.List;

/**
 * A target refused an apply because it changes a field that cannot change once the object exists (a Job's
 * {@code spec.template}, a Deployment's {@code spec.selector}, a Service's {@code spec.clusterIP}, ...). The object
 * can only get the new value by being deleted and created again: the sync option {@code Force=true} (or Flux's
 * {@code kustomize.toolkit.fluxcd.io/force: enabled}) asks for exactly that.
 */
public class ImmutableFieldException extends TargetException {
    private static final long serialVersionUID = 1L;

    private final List<String> fields;

    /**
     * Creates the exception; the message names the fields and says how to recreate the object.
     *
     * @param key the resource
     * @param fields the immutable field paths the apply would change, in the target's notation
     *     (e.g. {@code spec.template}); not empty
     * @param detail what the target said, or {@code ""}
     * @param cause the underlying failure, or {@code null}
     */
    public ImmutableFieldException(ResourceKey key, List<String> fields, String detail, Throwable cause) {
        super(key, message(fields, detail), cause);
        this.fields = List.copyOf(fields);
    }

    private static String message(List<String> fields, String detail) {
        return "field is immutable: " + String.join(", ", fields) + (detail.isEmpty() ? "" : " (" + detail + ")")
                + "; the object must be deleted and created again to change it: add the sync option Force=true"
                + " (annotation gitops4j.io/sync-options or argocd.argoproj.io/sync-options, or"
                + " kustomize.toolkit.fluxcd.io/force: enabled) to have it recreated";
    }

    /**
     * Returns the immutable fields the apply would change.
     *
     * @return the field paths, in the target's notation; never empty
     */
    public List<String> fields() {
        return fields;
    }
}
