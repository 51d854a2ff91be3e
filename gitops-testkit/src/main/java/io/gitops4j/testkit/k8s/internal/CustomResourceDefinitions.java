package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * What the real apiextensions controller does for a stored CustomResourceDefinition, done at once: serve its
 * kinds (discovery and REST) and report {@code NamesAccepted} and {@code Established} in its status.
 */
final class CustomResourceDefinitions {

    private final Cluster cluster;

    CustomResourceDefinitions(Cluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Registers the stored definition's kinds and writes its established status (a second write, as the real one).
     * The new version shares the unchanged fields (its spec, often a large schema) with the stored one, as stored
     * objects are never changed in place; only its metadata, which the store stamps, is copied.
     */
    void established(ObjectNode crd) {
        cluster.registry().register(crd);
        ObjectNode status = status(crd);
        if (status.equals(crd.get("status"))) {
            return;
        }
        ObjectNode updated = Json.object();
        updated.setAll(crd);
        updated.set("metadata", Json.metadata(crd).deepCopy());
        updated.set("status", status);
        cluster.store().handOver("apiextensions.k8s.io/customresourcedefinitions", updated);
    }

    private ObjectNode status(ObjectNode crd) {
        ObjectNode status = Json.object();
        ArrayNode conditions = status.putArray("conditions");
        String time = crd.path("status").path("conditions").path(0).path("lastTransitionTime").asText(cluster.now());
        condition(conditions, "NamesAccepted", "NoConflicts", "no conflicts found", time);
        condition(conditions, "Established", "InitialNamesAccepted", "the initial names have been accepted", time);
        ObjectNode names = crd.path("spec").path("names").deepCopy();
        String kind = Json.text(names, "kind");
        if (!names.has("singular")) {
            names.put("singular", kind.toLowerCase(Locale.ROOT));
        }
        if (!names.has("listKind")) {
            names.put("listKind", kind + "List");
        }
        status.set("acceptedNames", names);
        ArrayNode stored = status.putArray("storedVersions");
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (version.path("storage").asBoolean(false)) {
                stored.add(version.path("name").asText());
            }
        }
        return status;
    }

    private static void condition(ArrayNode conditions, String type, String reason, String message, String time) {
        ObjectNode condition = conditions.addObject();
        condition.put("type", type);
        condition.put("status", "True");
        condition.put("lastTransitionTime", time);
        condition.put("reason", reason);
        condition.put("message", message);
    }
}
