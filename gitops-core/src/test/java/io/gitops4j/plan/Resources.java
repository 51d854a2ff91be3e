package io.gitops4j.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.Resource;
import java.util.Map;

/** Builds small resources for planner tests. */
final class Resources {
    private Resources() {
    }

    static Resource of(String apiVersion, String kind, String namespace, String name, Map<String, String> annotations) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", apiVersion);
        body.put("kind", kind);
        ObjectNode metadata = body.putObject("metadata");
        metadata.put("name", name);
        if (!namespace.isEmpty()) {
            metadata.put("namespace", namespace);
        }
        if (!annotations.isEmpty()) {
            ObjectNode notes = metadata.putObject("annotations");
            annotations.forEach(notes::put);
        }
        body.putObject("data").put("value", name);
        return Resource.of(body);
    }

    static Resource of(String apiVersion, String kind, String namespace, String name) {
        return of(apiVersion, kind, namespace, name, Map.of());
    }

    static Resource wave(String apiVersion, String kind, String namespace, String name, String wave) {
        return of(apiVersion, kind, namespace, name, Map.of("gitops4j.io/wave", wave));
    }
}
