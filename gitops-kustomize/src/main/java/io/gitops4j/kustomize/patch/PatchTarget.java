package io.gitops4j.kustomize.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.Provenance;

/**
 * A patch's {@code target} selector: {@code group}, {@code version}, {@code kind}, {@code name}, {@code namespace}
 * (each a regular expression matched against the whole value, as Kustomize does), {@code labelSelector} and
 * {@code annotationSelector} (Kubernetes label selector syntax: equality, inequality, set-based, existence).
 * Immutable.
 */
public final class PatchTarget {
    private PatchTarget() {
    }

    /**
     * Parses a {@code target} mapping.
     *
     * @param target the mapping
     * @param where where it was declared, for errors
     * @return the selector
     * @throws io.gitops4j.ManifestException when a field is unknown or a regular expression or selector is invalid
     */
    public static PatchTarget parse(JsonNode target, Provenance where) {
        throw new UnsupportedOperationException("patch targets are not implemented yet");
    }

    /**
     * Tells whether an object is selected. The name and namespace compared are the object's current ones (after
     * prefixes and suffixes of the kustomization that declares the patch, as Kustomize compares them).
     *
     * @param object a whole Kubernetes object
     * @return {@code true} when every set field matches
     */
    public boolean matches(ObjectNode object) {
        throw new UnsupportedOperationException("patch targets are not implemented yet");
    }
}
