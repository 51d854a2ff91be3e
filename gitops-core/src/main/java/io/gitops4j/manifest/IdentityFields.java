package io.gitops4j.manifest;

import io.gitops4j.ManifestException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.model.Provenance;

/**
 * Checks that the fields identifying a resource have the types Kubernetes requires, as {@code kubectl} does:
 * {@code apiVersion}, {@code kind}, {@code metadata.name}, {@code metadata.namespace} and
 * {@code metadata.generateName} are strings (or absent; {@code null} leaves an optional one unset) and
 * {@code metadata} is a mapping. A wrong type is a {@link ManifestException} naming the field's own line.
 */
final class IdentityFields {
    private static final String[] METADATA_STRINGS = {"name", "namespace", "generateName"};

    private IdentityFields() {
    }

    static void check(JsonNode document, FieldLines lines, Provenance provenance, String prefix) {
        requireString(document, "apiVersion", "apiVersion", lines, provenance, prefix);
        requireString(document, "kind", "kind", lines, provenance, prefix);
        JsonNode metadata = document.get("metadata");
        if (metadata == null || metadata.isNull()) {
            return;
        }
        if (!metadata.isObject()) {
            throw wrongType("metadata", "a mapping", metadata, lines.lineOf(document, "metadata", provenance.line()),
                    provenance, prefix);
        }
        for (String field : METADATA_STRINGS) {
            requireString(metadata, field, "metadata." + field, lines, provenance, prefix);
        }
    }

    private static void requireString(JsonNode object, String field, String display, FieldLines lines,
            Provenance provenance, String prefix) {
        JsonNode value = object.get(field);
        if (value != null && !value.isNull() && !value.isTextual()) {
            throw wrongType(display, "a string", value, lines.lineOf(object, field, provenance.line()), provenance,
                    prefix);
        }
    }

    private static ManifestException wrongType(String field, String expected, JsonNode value, int line,
            Provenance provenance, String prefix) {
        return new ManifestException(Provenance.of(provenance.path(), provenance.documentIndex(), line),
                prefix + "field '" + field + "' must be " + expected + ", got " + typeOf(value)
                        + " (kubectl rejects it too)");
    }

    private static String typeOf(JsonNode value) {
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        return "a string";
    }
}
