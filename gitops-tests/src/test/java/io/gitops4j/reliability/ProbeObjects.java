package io.gitops4j.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops4j.model.Resource;
import java.util.Map;

/** The desired objects the probes declare. */
final class ProbeObjects {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProbeObjects() {
    }

    /** A ConfigMap with the given data. */
    static Resource configMap(String namespace, String name, Map<String, String> data) {
        return Resource.of(JSON.valueToTree(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", name, "namespace", namespace), "data", data)));
    }
}
