package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Label and field selectors as the list and watch endpoints accept them.
 *
 * <p>Label selectors support equality ({@code =}, {@code ==}, {@code !=}), set-based ({@code in},
 * {@code notin}) and existence ({@code key}, {@code !key}) requirements. Field selectors support
 * {@code metadata.name} and {@code metadata.namespace} with {@code =}, {@code ==} and {@code !=}.
 */
public final class Selector {

    private static final Set<String> FIELDS = Set.of("metadata.name", "metadata.namespace");

    private final List<Predicate<JsonNode>> requirements;

    private Selector(List<Predicate<JsonNode>> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    /** Whether the object satisfies every requirement. */
    public boolean matches(JsonNode object) {
        return requirements.stream().allMatch(r -> r.test(object));
    }

    /**
     * Parses a {@code labelSelector} and a {@code fieldSelector} query value (either may be empty).
     *
     * @throws ApiError 400 when either is malformed or names an unsupported field
     */
    public static Selector parse(String labelSelector, String fieldSelector) {
        List<Predicate<JsonNode>> requirements = new ArrayList<>();
        for (String term : splitTerms(labelSelector)) {
            requirements.add(labelRequirement(term));
        }
        for (String term : splitTerms(fieldSelector)) {
            requirements.add(fieldRequirement(term));
        }
        return new Selector(requirements);
    }

    private static List<String> splitTerms(String selector) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : selector.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                terms.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        terms.add(current.toString().trim());
        return terms.stream().filter(t -> !t.isEmpty()).toList();
    }

    private static Predicate<JsonNode> labelRequirement(String term) {
        String[] setBased = term.split("\\s+(?=(in|notin)\\s*\\()", 2);
        if (setBased.length == 2) {
            String key = setBased[0].trim();
            String rest = setBased[1].trim();
            boolean in = rest.startsWith("in");
            int open = rest.indexOf('(');
            int close = rest.lastIndexOf(')');
            if (open < 0 || close < open) {
                throw ApiError.badRequest("unable to parse requirement: " + term);
            }
            Set<String> values = Set.copyOf(Arrays.stream(rest.substring(open + 1, close).split(","))
                    .map(String::trim).filter(v -> !v.isEmpty()).toList());
            return o -> {
                JsonNode label = labels(o).get(key);
                boolean member = label != null && values.contains(label.asText());
                return in ? member : !member;
            };
        }
        if (term.startsWith("!")) {
            String key = term.substring(1).trim();
            return o -> !labels(o).has(key);
        }
        String[] eq = splitOperator(term);
        if (eq == null) {
            return o -> labels(o).has(term);
        }
        String key = eq[0];
        String value = eq[2];
        boolean negate = eq[1].equals("!=");
        return o -> {
            JsonNode label = labels(o).get(key);
            boolean equal = label != null && label.asText().equals(value);
            return negate != equal;
        };
    }

    private static Predicate<JsonNode> fieldRequirement(String term) {
        String[] eq = splitOperator(term);
        if (eq == null || !FIELDS.contains(eq[0])) {
            throw ApiError.badRequest("field label not supported: " + (eq == null ? term : eq[0]));
        }
        String field = eq[0].substring("metadata.".length());
        boolean negate = eq[1].equals("!=");
        return o -> negate != Json.text(o.path("metadata"), field).equals(eq[2]);
    }

    private static String[] splitOperator(String term) {
        for (String op : List.of("!=", "==", "=")) {
            int at = term.indexOf(op);
            if (at > 0) {
                return new String[] {term.substring(0, at).trim(), op, term.substring(at + op.length()).trim()};
            }
        }
        return null;
    }

    private static JsonNode labels(JsonNode object) {
        return object.path("metadata").path("labels");
    }
}
