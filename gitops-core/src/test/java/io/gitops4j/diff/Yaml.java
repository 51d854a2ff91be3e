package io.gitops4j.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import java.io.UncheckedIOException;

/** Builds resources from YAML text in tests. */
final class Yaml {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    static JsonNode tree(String yaml) {
        try {
            return MAPPER.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Resource resource(String yaml) {
        return Resource.of(tree(yaml));
    }

    static LiveResource live(String yaml) {
        return LiveResource.of(resource(yaml));
    }

    static LiveResource live(String yaml, String lastAppliedYaml) {
        return LiveResource.of(resource(yaml), resource(lastAppliedYaml));
    }
}
