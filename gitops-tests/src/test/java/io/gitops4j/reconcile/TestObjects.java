package io.gitops4j.reconcile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.List;
import java.util.Map;

/** Builds the small objects and states the engine tests use. Stateless. */
final class TestObjects {
    private TestObjects() {
    }

    static Resource resource(String apiVersion, String kind, String namespace, String name,
            Map<String, String> annotations) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode metadata = body.putObject("metadata").put("name", name);
        if (!namespace.isEmpty()) {
            metadata.put("namespace", namespace);
        }
        annotations.forEach(metadata.withObjectProperty("annotations")::put);
        body.putObject("data").put("name", name);
        return Resource.of(body);
    }

    static Resource configMap(String name) {
        return configMap(name, Map.of());
    }

    static Resource configMap(String name, Map<String, String> annotations) {
        return resource("v1", "ConfigMap", "shop", name, annotations);
    }

    static DesiredState state(String revision, Resource... resources) {
        return DesiredState.of(revision, List.of(resources));
    }

    static ResourceKey key(String text) {
        return ResourceKey.parse(text);
    }
}
