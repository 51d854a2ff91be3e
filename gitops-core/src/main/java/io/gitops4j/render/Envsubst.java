package io.gitops4j.render;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Flux's variable expansion on text: {@code ${NAME}}, {@code ${NAME:-default}} and {@code ${NAME:=default}} (the
 * default when unset or empty), {@code ${NAME-default}} and {@code ${NAME=default}} (the default when unset);
 * {@code $${NAME}} stays {@code ${NAME}} literally. Only the braced form is expanded ({@code $NAME} is text), and
 * only names of letters, digits and {@code _} not starting with a digit; anything else stays as written. Stateless.
 */
final class Envsubst {
    private Envsubst() {
    }

    /** Thrown for a variable without a value or default in strict mode; names the variable only. */
    static final class UnsetVariable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsetVariable(String name) {
            super(name, null, false, false);
        }
    }

    /**
     * Expands the variables of {@code text}; {@code used} hears every name met. An unset variable without default
     * becomes {@code ""}, or throws {@link UnsetVariable} when {@code strict}.
     */
    static String expand(String text, Map<String, String> variables, boolean strict, Consumer<String> used) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = text.indexOf('$'); i >= 0 && i < text.length() - 1; i = text.indexOf('$', i + 1)) {
            if (text.startsWith("$${", i)) {
                out = append(out, text, copied, i);
                copied = i + 1; // drop one '$', keep "${...}" as text
                int close = text.indexOf('}', i + 3);
                i = close < 0 ? i + 1 : close;
                continue;
            }
            if (text.charAt(i + 1) != '{') {
                continue;
            }
            int close = text.indexOf('}', i + 2);
            if (close < 0) {
                break;
            }
            String expression = text.substring(i + 2, close);
            String value = evaluate(expression, variables, strict, used);
            if (value == null) {
                continue;
            }
            out = append(out, text, copied, i).append(value);
            copied = close + 1;
            i = close;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Returns the names of the variables {@code text} refers to. */
    static Set<String> names(String text) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        expand(text, Map.of(), false, names::add);
        return names;
    }

    private static StringBuilder append(StringBuilder out, String text, int from, int to) {
        StringBuilder builder = out == null ? new StringBuilder(text.length() + 16) : out;
        return builder.append(text, from, to);
    }

    /** Returns the value of one {@code ${...}} expression, or {@code null} when it is not a variable reference. */
    private static String evaluate(String expression, Map<String, String> variables, boolean strict,
            Consumer<String> used) {
        int end = nameEnd(expression);
        if (end == 0) {
            return null;
        }
        String name = expression.substring(0, end);
        String rest = expression.substring(end);
        String value = variables.get(name);
        if (rest.isEmpty()) {
            used.accept(name);
            if (value == null && strict) {
                throw new UnsetVariable(name);
            }
            return value == null ? "" : value;
        }
        boolean colon = rest.startsWith(":");
        String operator = colon ? rest.substring(1) : rest;
        if (!operator.startsWith("-") && !operator.startsWith("=")) {
            return null;
        }
        used.accept(name);
        String fallback = operator.substring(1);
        boolean useDefault = value == null || (colon && value.isEmpty());
        return useDefault ? fallback : value;
    }

    private static int nameEnd(String expression) {
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            boolean letter = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean digit = c >= '0' && c <= '9';
            if (!(letter || (digit && i > 0))) {
                break;
            }
            i++;
        }
        return i;
    }
}
