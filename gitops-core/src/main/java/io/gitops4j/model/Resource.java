package io.gitops4j.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One Kubernetes-style object: its {@link ResourceKey}, its JSON body and where it came from.
 *
 * <p>Immutable: the body is copied in, in the compact read-only form of {@link FrozenJson} (about a third of the
 * heap of a plain Jackson tree), and {@link #body()} hands out mutable copies. {@link #tree()} exposes the internal
 * tree without copying, for read-only hot paths (the differ); its mutators throw
 * {@link UnsupportedOperationException}.
 *
 * <p>Equality is by key and canonical content ({@link #digest()}); provenance is not part of equality.
 * {@link #toString()} shows only the key, never the body (bodies may hold secrets). Thread-safe.
 */
public final class Resource {
    /**
     * The suffix of the key name of an object that has only {@code metadata.generateName}: its key is
     * {@code <generateName><generated>}, a stable identity until the target gives it a real name when creating it.
     */
    public static final String GENERATED_NAME = "<generated>";

    private final ResourceKey key;
    private final ObjectNode body;
    private final Provenance provenance;
    /* Direct references into the (immutable) body, so reading an annotation or label does not walk from the root:
       with thousands of resources, each step of that walk is a likely cache miss. */
    private final JsonNode annotations;
    private final JsonNode labels;
    private volatile String digest;

    private Resource(ResourceKey key, ObjectNode body, Provenance provenance) {
        this.key = key;
        this.body = body;
        this.provenance = provenance;
        JsonNode metadata = body.path("metadata");
        this.annotations = metadata.path("annotations");
        this.labels = metadata.path("labels");
    }

    /**
     * Creates a resource from a body that has {@code apiVersion}, {@code kind} and {@code metadata.name} (or only
     * {@code metadata.generateName}: then its key's name is the prefix followed by {@link #GENERATED_NAME}).
     *
     * @param body the object; copied into a compact read-only form ({@link FrozenJson})
     * @param provenance where it came from
     * @return the resource
     * @throws IllegalArgumentException when the body is not an object, lacks a required field or has an identifying
     *     field ({@code apiVersion}, {@code kind}, {@code metadata.name}, {@code metadata.namespace}) that is not a
     *     string; the message names the field
     */
    public static Resource of(JsonNode body, Provenance provenance) {
        requireNonNull(body, "body is null");
        requireNonNull(provenance, "provenance is null");
        if (!body.isObject()) {
            throw new IllegalArgumentException("a resource must be a JSON/YAML object, got " + body.getNodeType());
        }
        ObjectNode copy = FrozenJson.freezeObject((ObjectNode) body);
        return new Resource(keyOf(copy), copy, provenance);
    }

    /**
     * Creates a resource with unknown provenance (built in code, or observed live).
     *
     * @param body the object; copied
     * @return the resource
     * @throws IllegalArgumentException as {@link #of(JsonNode, Provenance)}
     */
    public static Resource of(JsonNode body) {
        return of(body, Provenance.UNKNOWN);
    }

    private static ResourceKey keyOf(ObjectNode body) {
        String apiVersion = requiredText(body, "apiVersion");
        String kind = requiredText(body, "kind");
        JsonNode metadata = body.get("metadata");
        if (metadata == null || !metadata.isObject()) {
            throw new IllegalArgumentException("missing required field 'metadata.name'");
        }
        String name = hasText(metadata, "name") || !hasText(metadata, "generateName")
                ? requiredText(metadata, "name", "metadata.name")
                : requiredText(metadata, "generateName", "metadata.generateName") + GENERATED_NAME;
        JsonNode namespace = metadata.get("namespace");
        if (namespace != null && !namespace.isNull() && !namespace.isTextual()) {
            throw new IllegalArgumentException("field 'metadata.namespace' must be a string, got "
                    + namespace.getNodeType());
        }
        String ns = namespace == null || namespace.isNull() ? "" : namespace.asText();
        return new ResourceKey(ResourceKey.groupOf(apiVersion), kind, ns, name);
    }

    private static boolean hasText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty();
    }

    private static String requiredText(JsonNode node, String field) {
        return requiredText(node, field, field);
    }

    private static String requiredText(JsonNode node, String field, String display) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
            throw new IllegalArgumentException("missing required field '" + display + "'");
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field '" + display + "' must be a string, got " + value.getNodeType());
        }
        return value.asText();
    }

    /**
     * Returns the identity of this resource.
     *
     * @return the key
     */
    public ResourceKey key() {
        return key;
    }

    /**
     * Returns {@code apiVersion}, e.g. {@code apps/v1}.
     *
     * @return the API version
     */
    public String apiVersion() {
        return body.get("apiVersion").asText();
    }

    /**
     * Returns the version part of {@code apiVersion}, e.g. {@code v1} for {@code apps/v1}.
     *
     * @return the version
     */
    public String version() {
        String apiVersion = apiVersion();
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    /**
     * Returns {@code kind}.
     *
     * @return the kind
     */
    public String kind() {
        return key.kind();
    }

    /**
     * Returns a private, mutable deep copy of the body.
     *
     * @return a copy the caller may change freely
     */
    public ObjectNode body() {
        return body.deepCopy();
    }

    /**
     * Returns the internal body without copying, for read-only use on hot paths. It is read-only: its mutators throw {@link UnsupportedOperationException}.
     *
     * @return the shared tree
     */
    public JsonNode tree() {
        return body;
    }

    /**
     * Returns where this resource came from.
     *
     * @return the provenance, {@link Provenance#UNKNOWN} for objects built in code or observed live
     */
    public Provenance provenance() {
        return provenance;
    }

    /**
     * Tells whether this object has no {@code metadata.name} but a {@code metadata.generateName}, so its name is
     * given by the target when it is created (its key's name ends with {@link #GENERATED_NAME}).
     *
     * @return {@code true} for an object whose name the target generates
     */
    public boolean hasGeneratedName() {
        return key.name().endsWith(GENERATED_NAME) && !hasText(body.path("metadata"), "name");
    }

    /**
     * Returns the value of a metadata annotation.
     *
     * @param name the annotation name
     * @return the value, or empty when absent
     */
    public Optional<String> annotation(String name) {
        JsonNode value = annotations.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    /**
     * Returns the value of a metadata label.
     *
     * @param name the label name
     * @return the value, or empty when absent
     */
    public Optional<String> label(String name) {
        JsonNode value = labels.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    /**
     * Returns all annotations, in document order.
     *
     * @return an unmodifiable map, empty when there are none
     */
    public Map<String, String> annotations() {
        return stringMap(annotations);
    }

    /**
     * Returns all labels, in document order.
     *
     * @return an unmodifiable map, empty when there are none
     */
    public Map<String, String> labels() {
        return stringMap(labels);
    }

    private static Map<String, String> stringMap(JsonNode node) {
        if (!node.isObject() || node.isEmpty()) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(map);
    }

    /**
     * Returns {@code metadata.resourceVersion} as set by a live target.
     *
     * @return the resource version, or empty for desired objects
     */
    public Optional<String> resourceVersion() {
        JsonNode value = body.path("metadata").get("resourceVersion");
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    /**
     * Returns the SHA-256 digest of the canonical body ({@link CanonicalJson}), computed once.
     *
     * @return {@code sha256:<hex>}
     */
    public String digest() {
        String result = digest;
        if (result == null) {
            result = CanonicalJson.sha256(body);
            digest = result;
        }
        return result;
    }

    /**
     * Returns a copy of this resource with another body; the key is derived from the new body.
     *
     * @param newBody the new body; copied
     * @return the new resource, with the same provenance
     */
    public Resource withBody(JsonNode newBody) {
        return of(newBody, provenance);
    }

    /**
     * Returns a copy of this resource placed in a namespace ({@code metadata.namespace} set, or removed for
     * {@code ""}).
     *
     * @param namespace the namespace, {@code ""} for cluster scope
     * @return this resource when already there, else a copy
     */
    public Resource withNamespace(String namespace) {
        requireNonNull(namespace, "namespace is null");
        if (key.namespace().equals(namespace)) {
            return this;
        }
        ObjectNode copy = body.deepCopy();
        ObjectNode metadata = (ObjectNode) copy.get("metadata");
        if (namespace.isEmpty()) {
            metadata.remove("namespace");
        } else {
            metadata.put("namespace", namespace);
        }
        return new Resource(key.withNamespace(namespace), FrozenJson.freezeObject(copy), provenance);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Resource that && key.equals(that.key) && digest().equals(that.digest());
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + digest().hashCode();
    }

    /** Renders as the key only: bodies may hold secrets. */
    @Override
    public String toString() {
        return key.toString();
    }
}
