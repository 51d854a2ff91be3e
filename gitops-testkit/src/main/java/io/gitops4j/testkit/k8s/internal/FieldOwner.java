package io.gitops4j.testkit.k8s.internal;

import static java.util.Objects.requireNonNull;

import java.util.function.Predicate;

/**
 * Who is writing and where: the field manager, the API version used, and the subresource written.
 *
 * @param manager the field manager name
 * @param apiVersion the API version of the request
 * @param subresource "" for the main resource, {@code status} for the status subresource
 * @param type the type of the written object
 * @param time the write time (RFC 3339)
 */
public record FieldOwner(String manager, String apiVersion, String subresource, ResourceType type, String time) {

    /** Validates. */
    public FieldOwner {
        requireNonNull(manager, "manager is null");
        requireNonNull(apiVersion, "apiVersion is null");
        requireNonNull(subresource, "subresource is null");
        requireNonNull(type, "type is null");
        requireNonNull(time, "time is null");
    }

    /** The top-level fields this write may own: only {@code status} on the status subresource, else the rest. */
    public Predicate<String> scope() {
        if (subresource.equals("status")) {
            return "status"::equals;
        }
        return field -> !type.statusSubresource() || !field.equals("status");
    }

    /** Whether merge keys of built-in kinds apply. */
    public boolean builtin() {
        return !type.custom();
    }
}
