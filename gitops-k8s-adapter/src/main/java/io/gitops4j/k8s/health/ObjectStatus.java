package io.gitops4j.k8s.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.model.Resource;
import java.util.Optional;

/** Read-only accessors for the status fields the health rules look at. Stateless. */
final class ObjectStatus {
    private ObjectStatus() {
    }

    static boolean is(Resource live, String group, String kind) {
        return live.key().group().equals(group) && live.key().kind().equals(kind);
    }

    static JsonNode spec(Resource live) {
        return live.tree().path("spec");
    }

    static JsonNode status(Resource live) {
        return live.tree().path("status");
    }

    static long number(JsonNode node, String field, long absent) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.asLong() : absent;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    /** Returns the condition of a type in {@code status.conditions}. */
    static Optional<JsonNode> condition(Resource live, String type) {
        for (JsonNode condition : status(live).path("conditions")) {
            if (type.equals(text(condition, "type"))) {
                return Optional.of(condition);
            }
        }
        return Optional.empty();
    }

    /** Tells whether a condition of a type has status {@code True}. */
    static boolean isTrue(Resource live, String type) {
        return condition(live, type).map(c -> "True".equals(text(c, "status"))).orElse(false);
    }

    /** Returns the message of a condition, or its reason, or {@code ""}. */
    static String explain(JsonNode condition) {
        String message = text(condition, "message");
        return message.isEmpty() ? text(condition, "reason") : message;
    }

    /**
     * Returns a message when the controller has not yet observed the latest spec
     * ({@code status.observedGeneration < metadata.generation}).
     */
    static Optional<String> generationBehind(Resource live) {
        long generation = number(live.tree().path("metadata"), "generation", 0);
        long observed = number(status(live), "observedGeneration", -1);
        if (observed >= 0 && observed < generation) {
            return Optional.of("waiting for the controller to observe generation " + generation + " (observed "
                    + observed + ")");
        }
        return Optional.empty();
    }

    /** Returns {@code spec.replicas}, 1 when absent (the API default). */
    static long desiredReplicas(Resource live) {
        return number(spec(live), "replicas", 1);
    }
}
