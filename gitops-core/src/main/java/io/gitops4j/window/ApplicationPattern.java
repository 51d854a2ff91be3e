package io.gitops4j.window;

import java.util.regex.Pattern;

/**
 * An application-name pattern of a sync window, with Argo CD's wildcards: {@code *} for any run of characters,
 * {@code ?} for one character; everything else stands for itself. Immutable and thread-safe.
 */
record ApplicationPattern(String text, Pattern regex) {

    /** Compiles a pattern; throws an {@link IllegalArgumentException} when it is blank. */
    static ApplicationPattern of(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an application pattern is null or blank; use \"*\" for every "
                    + "application");
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(literal.length() == 0 ? "" : Pattern.quote(literal.toString()));
                literal.setLength(0);
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        regex.append(literal.length() == 0 ? "" : Pattern.quote(literal.toString()));
        return new ApplicationPattern(text, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    boolean matches(String application) {
        return regex.matcher(application).matches();
    }
}
