package io.gitops4j.manifest;

/**
 * Stands in for a YAML or JSON parser's exception as the cause of a {@code ManifestException}. A parser's own
 * message quotes the offending line of the source (SnakeYAML's context snippet, Jackson's unrecognised token), and
 * that line may hold a Secret's value; this cause keeps only the parser's type, the position and the parser's stack
 * trace, never source text.
 */
final class ParserFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private ParserFailure(String message, StackTraceElement[] stack) {
        super(message, null, false, true);
        setStackTrace(stack);
    }

    /**
     * Returns a scrubbed stand-in for a parser's exception.
     *
     * @param parserFailure the parser's exception, whose message and causes are dropped
     * @param line the one-based line of the problem, or {@code -1}
     * @param column the one-based column, or {@code -1}
     */
    static ParserFailure of(Throwable parserFailure, int line, int column) {
        String at = line > 0 ? " at line " + line + (column > 0 ? ", column " + column : "") : "";
        return new ParserFailure(parserFailure.getClass().getName() + at + " (its message is dropped: it may quote the"
                + " source, which may hold secret values)", parserFailure.getStackTrace());
    }
}
