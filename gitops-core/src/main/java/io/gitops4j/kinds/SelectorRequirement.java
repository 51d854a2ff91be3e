package io.gitops4j.kinds;

import java.util.List;
import java.util.function.Function;

/**
 * One requirement of a label selector: a key, an operator and the values (sorted, without duplicates; empty for
 * the existence operators, one value for the equality and integer operators).
 *
 * @param key the label key
 * @param operator the operator
 * @param values the sorted values
 */
record SelectorRequirement(String key, SelectorOperator operator, List<String> values) {

    /** Copies the values. */
    SelectorRequirement {
        values = List.copyOf(values);
    }

    /**
     * Tells whether labels satisfy this requirement, as Kubernetes matches: a set or inequality requirement is met
     * by an absent key only for {@code notin} and {@code !=}; {@code >} and {@code <} compare 64-bit integers and
     * fail on a value that is not one.
     *
     * @param labels the value of a key, {@code null} when absent
     * @return {@code true} when met
     */
    boolean matches(Function<String, String> labels) {
        String value = labels.apply(key);
        switch (operator) {
            case EQUALS, DOUBLE_EQUALS, IN:
                return value != null && values.contains(value);
            case NOT_EQUALS, NOT_IN:
                return value == null || !values.contains(value);
            case EXISTS:
                return value != null;
            case DOES_NOT_EXIST:
                return value == null;
            default:
                return value != null && compares(value);
        }
    }

    private boolean compares(String value) {
        long actual;
        try {
            actual = Long.parseLong(value);
        } catch (NumberFormatException e) {
            return false;
        }
        long bound = Long.parseLong(values.get(0));
        return operator == SelectorOperator.GREATER_THAN ? actual > bound : actual < bound;
    }

    /** Renders the requirement as Kubernetes does: {@code !key}, {@code key}, {@code key=v}, {@code key in (a,b)}. */
    @Override
    public String toString() {
        if (operator == SelectorOperator.DOES_NOT_EXIST) {
            return "!" + key;
        }
        if (operator == SelectorOperator.EXISTS) {
            return key;
        }
        String joined = String.join(",", values);
        return key + operator.symbol() + (operator.isSet() ? "(" + joined + ")" : joined);
    }
}
