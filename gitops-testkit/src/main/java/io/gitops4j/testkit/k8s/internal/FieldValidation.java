package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code fieldValidation} parameter of writes, for the top-level fields of the common built-in kinds (the only
 * schema this server knows): {@code Strict} refuses an unknown field with the real server's strict decoding error
 * (400), {@code Warn} (the server's default when the parameter is absent) and {@code Ignore} drop it. Custom
 * resources and other kinds accept any field. Stateless.
 */
final class FieldValidation {
    private static final Set<String> WITH_SPEC = Set.of("apiVersion", "kind", "metadata", "spec", "status");
    private static final Map<String, Set<String>> TOP_LEVEL = Map.ofEntries(
            Map.entry("/ConfigMap", Set.of("apiVersion", "kind", "metadata", "data", "binaryData", "immutable")),
            Map.entry("/Secret", Set.of("apiVersion", "kind", "metadata", "data", "stringData", "type",
                    "immutable")),
            Map.entry("/Service", WITH_SPEC), Map.entry("/Pod", WITH_SPEC), Map.entry("/Namespace", WITH_SPEC),
            Map.entry("/PersistentVolumeClaim", WITH_SPEC), Map.entry("apps/Deployment", WITH_SPEC),
            Map.entry("apps/StatefulSet", WITH_SPEC), Map.entry("apps/DaemonSet", WITH_SPEC),
            Map.entry("apps/ReplicaSet", WITH_SPEC), Map.entry("batch/Job", WITH_SPEC),
            Map.entry("batch/CronJob", WITH_SPEC), Map.entry("networking.k8s.io/Ingress", WITH_SPEC),
            Map.entry("networking.k8s.io/NetworkPolicy", WITH_SPEC),
            Map.entry("policy/PodDisruptionBudget", WITH_SPEC),
            Map.entry("autoscaling/HorizontalPodAutoscaler", WITH_SPEC));

    private FieldValidation() {
    }

    /** Drops or refuses the unknown top-level fields of a request body, as its {@code fieldValidation} says. */
    static void check(ResourceRequest request, ObjectNode body) {
        ResourceType type = request.type();
        Set<String> known = type.custom() ? null : TOP_LEVEL.get(type.group() + "/" + type.kind());
        if (known == null) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        });
        if (unknown.isEmpty()) {
            return;
        }
        if (request.query().get("fieldValidation").equals("Strict")) {
            List<String> quoted = unknown.stream().map(name -> "unknown field \"" + name + "\"").toList();
            throw ApiError.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a "
                    + type.kind() + ": strict decoding error: " + String.join(", ", quoted));
        }
        body.remove(unknown);
    }
}
