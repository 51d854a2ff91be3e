package io.gitops4j.testkit.k8s.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One change to a stored object, as watches report it.
 *
 * @param type {@code ADDED}, {@code MODIFIED} or {@code DELETED}
 * @param storageKey the storage key of the object's type
 * @param resourceVersion the resourceVersion of the change
 * @param object the object after the change (for DELETED, its last state)
 * @param previous the object before the change, or {@code null} when added
 */
public record WatchEvent(String type, String storageKey, long resourceVersion, ObjectNode object,
        ObjectNode previous) {

    /** Validates. */
    public WatchEvent {
        requireNonNull(type, "type is null");
        requireNonNull(storageKey, "storageKey is null");
        requireNonNull(object, "object is null");
    }

    /** The namespace of the object ("" when cluster-scoped). */
    public String namespace() {
        return Json.text(object.path("metadata"), "namespace");
    }
}
