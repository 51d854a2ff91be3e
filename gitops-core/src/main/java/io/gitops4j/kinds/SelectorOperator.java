package io.gitops4j.kinds;

/** The operators of a label selector requirement, each with how it is written in a selector's text. */
enum SelectorOperator {
    EQUALS("="),
    DOUBLE_EQUALS("=="),
    NOT_EQUALS("!="),
    IN(" in "),
    NOT_IN(" notin "),
    GREATER_THAN(">"),
    LESS_THAN("<"),
    EXISTS(""),
    DOES_NOT_EXIST("");

    private final String symbol;

    SelectorOperator(String symbol) {
        this.symbol = symbol;
    }

    /** Returns how the operator is written between the key and the values. */
    String symbol() {
        return symbol;
    }

    /** Tells whether the values are a parenthesised set. */
    boolean isSet() {
        return this == IN || this == NOT_IN;
    }
}
