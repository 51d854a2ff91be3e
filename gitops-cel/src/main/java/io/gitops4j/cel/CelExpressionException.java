package io.gitops4j.cel;

import static java.util.Objects.requireNonNull;

/**
 * A CEL health expression that does not compile, thrown when a {@link CelHealthCheck} is built: the message names the
 * kind, which expression ({@code current}, {@code failed} or {@code inProgress}), its text and CEL's error.
 */
public final class CelExpressionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String expression;

    CelExpressionException(String subject, String field, String expression, String celError) {
        super("CEL health check for " + subject + ": the " + field + " expression '" + expression
                + "' does not compile: " + celError);
        this.field = requireNonNull(field, "field is null");
        this.expression = requireNonNull(expression, "expression is null");
    }

    /**
     * Returns which expression is at fault.
     *
     * @return {@code current}, {@code failed} or {@code inProgress}
     */
    public String field() {
        return field;
    }

    /**
     * Returns the expression's text.
     *
     * @return the text as given
     */
    public String expression() {
        return expression;
    }
}
