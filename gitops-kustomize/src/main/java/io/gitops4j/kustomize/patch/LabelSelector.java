package io.gitops4j.kustomize.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Kubernetes label selector in its string form: requirements separated by commas, all of which must hold —
 * {@code key=value}, {@code key==value}, {@code key!=value}, {@code key in (a,b)}, {@code key notin (a,b)},
 * {@code key} (exists) and {@code !key} (does not exist). Immutable.
 */
final class LabelSelector {
    private final String text;
    private final List<Requirement> requirements;

    private LabelSelector(String text, List<Requirement> requirements) {
        this.text = text;
        this.requirements = List.copyOf(requirements);
    }

    /**
     * Parses a selector.
     *
     * @param text the selector
     * @return the selector
     * @throws IllegalArgumentException when the text is not a selector, with the reason
     */
    static LabelSelector parse(String text) {
        List<Requirement> requirements = new ArrayList<>();
        for (String part : splitTopLevel(text)) {
            String clause = part.trim();
            if (clause.isEmpty()) {
                if (text.isBlank()) {
                    continue;
                }
                throw new IllegalArgumentException("empty requirement in '" + text + "'");
            }
            requirements.add(Requirement.parse(clause));
        }
        return new LabelSelector(text, requirements);
    }

    /**
     * Tells whether a map of labels (or annotations) satisfies every requirement.
     *
     * @param labels the map, possibly missing
     * @return {@code true} when selected
     */
    boolean matches(JsonNode labels) {
        return requirements.stream().allMatch(r -> r.matches(labels));
    }

    @Override
    public String toString() {
        return text;
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced parentheses in '" + text + "'");
        }
        parts.add(current.toString());
        return parts;
    }

    private enum Op { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, NOT_EXISTS }

    private record Requirement(String key, Op op, Set<String> values) {
        private static final String KEY = "([A-Za-z0-9][-A-Za-z0-9_.]*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?";
        private static final String VALUE = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";

        static Requirement parse(String clause) {
            java.util.regex.Matcher set = java.util.regex.Pattern
                    .compile("(\\S+)\\s+(in|notin)\\s*\\((.*)\\)").matcher(clause);
            if (set.matches()) {
                Set<String> values = new LinkedHashSet<>();
                for (String v : set.group(3).split(",", -1)) {
                    values.add(value(v.trim(), clause));
                }
                return new Requirement(key(set.group(1), clause), set.group(2).equals("in") ? Op.IN : Op.NOT_IN,
                        values);
            }
            for (String[] form : new String[][] {{"!=", "NOT_EQUALS"}, {"==", "EQUALS"}, {"=", "EQUALS"}}) {
                int at = clause.indexOf(form[0]);
                if (at > 0) {
                    return new Requirement(key(clause.substring(0, at).trim(), clause), Op.valueOf(form[1]),
                            Set.of(value(clause.substring(at + form[0].length()).trim(), clause)));
                }
            }
            if (clause.startsWith("!")) {
                return new Requirement(key(clause.substring(1).trim(), clause), Op.NOT_EXISTS, Set.of());
            }
            return new Requirement(key(clause, clause), Op.EXISTS, Set.of());
        }

        private static String key(String key, String clause) {
            if (!key.matches(KEY)) {
                throw new IllegalArgumentException("invalid key '" + key + "' in '" + clause + "'");
            }
            return key;
        }

        private static String value(String value, String clause) {
            if (!value.matches(VALUE) || value.length() > 63) {
                throw new IllegalArgumentException("invalid value '" + value + "' in '" + clause + "'");
            }
            return value;
        }

        boolean matches(JsonNode labels) {
            JsonNode value = labels == null ? null : labels.get(key);
            boolean present = value != null && !value.isNull();
            String text = present ? value.asText() : null;
            return switch (op) {
                case EQUALS, IN -> present && values.contains(text);
                case NOT_EQUALS, NOT_IN -> !present || !values.contains(text);
                case EXISTS -> present;
                case NOT_EXISTS -> !present;
            };
        }
    }
}
