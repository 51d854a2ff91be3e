package io.gitops4j.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Substitutes variables in every key and string of a JSON tree, with the typing Flux gets by substituting the
 * object's YAML text and parsing it again: a string that YAML writes unquoted ({@code ${REPLICAS}}) takes the type
 * its new text has in YAML ({@code 3} becomes a number, {@code true} a boolean), while a string YAML must quote, or
 * writes as a block ({@code "[${X}]"}, several lines), stays a string. A value never injects structure. Stateless.
 */
final class SubstitutedTree {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String INDICATORS = "[]{},#&*!|>'\"%@`";

    private SubstitutedTree() {
    }

    /** Returns a substituted copy of {@code node}, or the very node when nothing in it refers to a variable. */
    static JsonNode substitute(JsonNode node, UnaryOperator<String> expand) {
        if (node.isTextual()) {
            String text = node.asText();
            if (!text.contains("${")) {
                return node;
            }
            String expanded = expand.apply(text);
            return expanded.equals(text) ? node : typed(text, expanded);
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
            boolean changed = false;
            for (JsonNode element : node) {
                JsonNode next = substitute(element, expand);
                changed |= next != element;
                out.add(next);
            }
            return changed ? out : node;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            boolean changed = false;
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey().contains("${") ? expand.apply(field.getKey()) : field.getKey();
                JsonNode next = substitute(field.getValue(), expand);
                changed |= next != field.getValue() || !key.equals(field.getKey());
                out.set(key, next);
            }
            return changed ? out : node;
        }
        return node;
    }

    private static JsonNode typed(String original, String expanded) {
        if (!isPlain(original) || !isPlain(expanded)) {
            return JsonNodeFactory.instance.textNode(expanded);
        }
        try {
            JsonNode parsed = YAML.readTree("v: " + expanded).get("v");
            if (parsed != null && (parsed.isNumber() || parsed.isBoolean() || parsed.isNull())) {
                return parsed;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not a YAML scalar on its own: it stays the string it is
        }
        return JsonNodeFactory.instance.textNode(expanded);
    }

    /** Tells whether YAML writes this string as a plain (unquoted) scalar on one line. */
    private static boolean isPlain(String text) {
        if (text.isEmpty() || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0
                || INDICATORS.indexOf(text.charAt(0)) >= 0 || Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1)) || text.endsWith(":")
                || text.contains(": ") || text.contains(" #")) {
            return false;
        }
        return !(text.startsWith("- ") || text.startsWith("? ") || text.startsWith(": ") || text.equals("-"));
    }
}
