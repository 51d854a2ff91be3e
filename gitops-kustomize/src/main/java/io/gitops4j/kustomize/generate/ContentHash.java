package io.gitops4j.kustomize.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Kustomize's name suffix of generated ConfigMaps and Secrets: the SHA-256 of a JSON document holding the object's
 * kind, (for Secrets) type, data and binaryData or stringData, and a name that is always empty (Kustomize looks the
 * name up under a path it never finds, so names do not change the hash), encoded as Go's {@code encoding/json}
 * encodes a map (keys sorted by bytes, {@code <}, {@code >} and {@code &} escaped), whose first ten hex digits are
 * made safe for names by mapping {@code 0→g}, {@code 1→h}, {@code 3→k}, {@code a→m}, {@code e→t}. Stateless.
 */
final class ContentHash {
    private ContentHash() {
    }

    /**
     * Returns the suffix of an object.
     *
     * @param object a ConfigMap or a Secret
     * @return ten characters
     */
    static String suffix(ObjectNode object) {
        String hex = HexFormat.of().formatHex(sha256(GoJson.encode(hashed(object))));
        StringBuilder suffix = new StringBuilder(10);
        for (char c : hex.substring(0, 10).toCharArray()) {
            suffix.append(switch (c) {
                case '0' -> 'g';
                case '1' -> 'h';
                case '3' -> 'k';
                case 'a' -> 'm';
                case 'e' -> 't';
                default -> c;
            });
        }
        return suffix.toString();
    }

    /** The document Kustomize hashes; a missing field counts as the empty string, as Kustomize reads it. */
    static ObjectNode hashed(ObjectNode object) {
        ObjectNode hashed = JsonNodeFactory.instance.objectNode();
        String kind = object.path("kind").asText("");
        hashed.put("kind", kind);
        // Kustomize looks the name up as one field named "metadata/name", finds none and hashes "" instead
        hashed.put("name", "");
        hashed.set("data", valueOrEmpty(object.get("data")));
        List<String> optional = new ArrayList<>();
        if (kind.equals("Secret")) {
            hashed.set("type", valueOrEmpty(object.get("type")));
            optional.add("stringData");
        } else {
            optional.add("binaryData");
        }
        for (String field : optional) {
            JsonNode value = object.get(field);
            if (value != null && value.isObject()) {
                hashed.set(field, value);
            }
        }
        return hashed;
    }

    private static JsonNode valueOrEmpty(JsonNode value) {
        return value == null || value.isNull() ? JsonNodeFactory.instance.textNode("") : value.isValueNode()
                ? JsonNodeFactory.instance.textNode(value.asText()) : value;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Go's {@code json.Marshal} of a decoded JSON value: sorted keys, HTML-safe escaping, no spaces. */
    static final class GoJson {
        private GoJson() {
        }

        static String encode(JsonNode node) {
            StringBuilder out = new StringBuilder();
            write(node, out);
            return out.toString();
        }

        private static void write(JsonNode node, StringBuilder out) {
            if (node.isObject()) {
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                names.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                        b.getBytes(StandardCharsets.UTF_8)));
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    string(names.get(i), out);
                    out.append(':');
                    write(node.get(names.get(i)), out);
                }
                out.append('}');
            } else if (node.isArray()) {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(node.get(i), out);
                }
                out.append(']');
            } else if (node.isTextual()) {
                string(node.asText(), out);
            } else {
                out.append(node.isNull() ? "null" : node.asText());
            }
        }

        private static void string(String text, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> {
                        if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
