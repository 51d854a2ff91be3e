package io.gitops4j.samples.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The body of an object about to be created, shown to people: YAML, with every value of a core {@code Secret}'s
 * {@code data} and {@code stringData} replaced by {@link #REDACTED}. Stateless.
 */
public final class ResourceBody {
    /** What a secret value is shown as. */
    public static final String REDACTED = "(redacted)";

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private ResourceBody() {
    }

    /**
     * Returns a resource's body with secret values redacted.
     *
     * @param resource the resource
     * @return a new tree the caller owns
     */
    public static ObjectNode redacted(Resource resource) {
        ObjectNode body = resource.body();
        if (isSecret(resource.key())) {
            for (String field : List.of("data", "stringData")) {
                if (body.get(field) instanceof ObjectNode values) {
                    List<String> names = new java.util.ArrayList<>();
                    values.fieldNames().forEachRemaining(names::add);
                    names.forEach(name -> values.put(name, REDACTED));
                }
            }
        }
        return body;
    }

    /**
     * Renders a resource's body as YAML, secret values redacted, each line indented.
     *
     * @param resource the resource
     * @param indent the prefix of every line
     * @return lines ending in {@code \n}
     */
    public static String yaml(Resource resource, String indent) {
        StringBuilder text = new StringBuilder();
        yamlText(redacted(resource)).lines().forEach(line -> text.append(indent).append(line).append('\n'));
        return text.toString();
    }

    private static String yamlText(JsonNode body) {
        try {
            return YAML.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isSecret(ResourceKey key) {
        return key.group().isEmpty() && key.kind().equals("Secret");
    }
}
