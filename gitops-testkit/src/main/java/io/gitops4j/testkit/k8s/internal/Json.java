package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Shared JSON and YAML codecs plus small tree helpers used by the embedded API server.
 *
 * <p>The mappers are configured once and never reconfigured, so sharing them is thread-safe.
 */
public final class Json {

    /** The JSON mapper; configured once, safe to share. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());

    private Json() {
    }

    /**
     * Parses a request body as JSON, or as YAML when {@code yaml} is true (a YAML body that is a plain JSON object is
     * read by the JSON parser, to the same tree: see {@code JsonSubset}).
     *
     * @throws ApiError a 400 Bad Request when the body is not valid
     */
    public static JsonNode parse(byte[] body, boolean yaml) {
        if (yaml) {
            Optional<JsonNode> json = JsonSubset.read(body);
            if (json.isPresent()) {
                return json.get();
            }
        }
        return parseWith(body, yaml);
    }

    /**
     * Parses a request body with the JSON reader, or with the YAML reader when {@code yaml} is true, never taking the
     * JSON reading of a YAML body that {@link #parse} takes.
     *
     * @throws ApiError a 400 Bad Request when the body is not valid
     */
    static JsonNode parseWith(byte[] body, boolean yaml) {
        try {
            JsonNode node = (yaml ? YAML : MAPPER).readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiError.badRequest("the request body is empty");
            }
            return node;
        } catch (IOException e) {
            throw ApiError.badRequest("the request body is not valid " + (yaml ? "YAML" : "JSON") + ": "
                    + e.getMessage());
        }
    }

    /** Parses a body that must be a JSON/YAML object. */
    public static ObjectNode parseObject(byte[] body, boolean yaml) {
        JsonNode node = parse(body, yaml);
        if (!node.isObject()) {
            throw ApiError.badRequest("the request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Serialises a tree to UTF-8 JSON bytes. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serialises a tree to a compact JSON string. */
    public static String string(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The {@code metadata} object of a resource, created when absent. */
    public static ObjectNode metadata(ObjectNode resource) {
        JsonNode meta = resource.get("metadata");
        if (meta instanceof ObjectNode objectMeta) {
            return objectMeta;
        }
        return resource.putObject("metadata");
    }

    /** A text field of an object, or "" when absent or not text. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : "";
    }
}
