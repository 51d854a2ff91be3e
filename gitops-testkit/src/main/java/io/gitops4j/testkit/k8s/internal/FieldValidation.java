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
    private static final Set<String> CONFIG_MAP = Set.of("apiVersion", "kind", "metadata", "data", "binaryData",
            "immutable");
    private static final Set<String> SECRET = Set.of("apiVersion", "kind", "metadata", "data", "stringData", "type",
            "immutable");
    /** The kinds with only spec and status, by group. */
    private static final Map<String, Set<String>> SPEC_KINDS = Map.of(
            "", Set.of("Service", "Pod", "Namespace", "PersistentVolumeClaim"),
            "apps", Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"),
            "batch", Set.of("Job", "CronJob"),
            "networking.k8s.io", Set.of("Ingress", "NetworkPolicy"),
            "policy", Set.of("PodDisruptionBudget"),
            "autoscaling", Set.of("HorizontalPodAutoscaler"));

    private FieldValidation() {
    }

    private static Set<String> known(String group, String kind) {
        if (group.isEmpty() && kind.equals("ConfigMap")) {
            return CONFIG_MAP;
        }
        if (group.isEmpty() && kind.equals("Secret")) {
            return SECRET;
        }
        return SPEC_KINDS.getOrDefault(group, Set.of()).contains(kind) ? WITH_SPEC : null;
    }

    /** Drops or refuses the unknown top-level fields of a request body, as its {@code fieldValidation} says. */
    static void check(ResourceRequest request, ObjectNode body) {
        ResourceType type = request.type();
        Set<String> known = type.custom() ? null : known(type.group(), type.kind());
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
