package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The real API server's refusals of updates to fields that cannot change once an object exists, with its messages:
 * a Job's {@code spec.selector} and {@code spec.template}; the {@code spec.selector} of Deployments, ReplicaSets and
 * DaemonSets; a StatefulSet's spec except replicas, ordinals, template, updateStrategy,
 * persistentVolumeClaimRetentionPolicy and minReadySeconds; a Service's {@code spec.clusterIP} once set; a
 * PersistentVolumeClaim's spec except resources and volumeAttributesClassName; the data of a ConfigMap or Secret
 * marked {@code immutable: true} (and the mark itself). Each is a 422 {@code Invalid} with one cause per field.
 * Stateless.
 */
final class ImmutableFieldRules {
    private static final String IMMUTABLE = "field is immutable";
    private static final String WHEN_SET = "field is immutable when `immutable` is set";

    private ImmutableFieldRules() {
    }

    /** Throws the server's 422 when {@code after} changes an immutable field of {@code before}. */
    static void check(ResourceType type, ObjectNode before, ObjectNode after) {
        if (type.custom()) {
            return;
        }
        List<String[]> causes = new ArrayList<>();
        String group = type.group();
        String kind = type.kind();
        if (is(group, kind, "batch", "Job")) {
            invalidIfChanged(before, after, causes, "selector", "template");
        } else if (is(group, kind, "apps", "Deployment") || is(group, kind, "apps", "ReplicaSet")
                || is(group, kind, "apps", "DaemonSet")) {
            invalidIfChanged(before, after, causes, "selector");
        } else if (is(group, kind, "apps", "StatefulSet")) {
            forbiddenIfChanged(before, after, causes, "spec", List.of("replicas", "ordinals", "template",
                    "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds"),
                    "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', "
                    + "'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden");
        } else if (is(group, kind, "", "Service")) {
            clusterIp(before, after, causes);
        } else if (is(group, kind, "", "PersistentVolumeClaim")) {
            forbiddenIfChanged(before, after, causes, "spec", List.of("resources", "volumeAttributesClassName"),
                    "spec is immutable after creation except resources.requests and volumeAttributesClassName for "
                    + "bound claims");
        } else if (is(group, kind, "", "ConfigMap") || is(group, kind, "", "Secret")) {
            immutableData(before, after, causes);
        }
        if (!causes.isEmpty()) {
            throw ApiError.invalidFields(type.group(), type.kind(), Json.text(Json.metadata(before), "name"), causes);
        }
    }

    private static boolean is(String group, String kind, String wantedGroup, String wantedKind) {
        return group.equals(wantedGroup) && kind.equals(wantedKind);
    }

    private static void invalidIfChanged(ObjectNode before, ObjectNode after, List<String[]> causes, String... fields) {
        for (String field : fields) {
            JsonNode old = before.path("spec").path(field);
            JsonNode now = after.path("spec").path(field);
            if (!old.equals(now)) {
                causes.add(new String[] {"FieldValueInvalid", "spec." + field,
                        "Invalid value: " + (now.isMissingNode() ? "null" : now.toString()) + ": " + IMMUTABLE});
            }
        }
    }

    private static void forbiddenIfChanged(ObjectNode before, ObjectNode after, List<String[]> causes, String field,
            List<String> mutable, String message) {
        JsonNode old = before.path(field).deepCopy();
        JsonNode now = after.path(field).deepCopy();
        if (old instanceof ObjectNode o && now instanceof ObjectNode n) {
            o.remove(mutable);
            n.remove(mutable);
        }
        if (!old.equals(now)) {
            causes.add(new String[] {"FieldValueForbidden", field, "Forbidden: " + message});
        }
    }

    private static void clusterIp(ObjectNode before, ObjectNode after, List<String[]> causes) {
        String old = before.path("spec").path("clusterIP").asText("");
        String now = after.path("spec").path("clusterIP").asText("");
        if (!old.isEmpty() && !old.equals(now)) {
            causes.add(new String[] {"FieldValueInvalid", "spec.clusterIP", "Invalid value: \"" + now + "\": "
                    + IMMUTABLE});
        }
    }

    private static void immutableData(ObjectNode before, ObjectNode after, List<String[]> causes) {
        if (!before.path("immutable").asBoolean(false)) {
            return;
        }
        for (String field : List.of("data", "binaryData")) {
            if (!before.path(field).equals(after.path(field))) {
                causes.add(new String[] {"FieldValueForbidden", field, "Forbidden: " + WHEN_SET});
            }
        }
        if (!after.path("immutable").asBoolean(false)) {
            causes.add(new String[] {"FieldValueForbidden", "immutable", "Forbidden: " + WHEN_SET});
        }
    }
}
