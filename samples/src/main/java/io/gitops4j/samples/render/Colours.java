package io.gitops4j.samples.render;

/**
 * Colours for text output: {@link #ANSI} at a terminal, {@link #NONE} everywhere else (pipes, files, tests,
 * {@code NO_COLOR}, {@code --no-color}). Additions are green, removals and errors red, changes yellow. Immutable.
 */
public enum Colours {
    /** Plain text. */
    NONE,
    /** ANSI escape sequences. */
    ANSI;

    private static final String RESET = "\u001b[0m";

    /**
     * Colours a line of a diff or plan by its first symbol after the indentation: {@code +} green, {@code -} and
     * {@code !} red, {@code ~} yellow; other lines are returned as they are.
     *
     * @param line one line, without its line break
     * @return the line, coloured when this is {@link #ANSI}
     */
    public String line(String line) {
        if (this == NONE) {
            return line;
        }
        String body = line.stripLeading();
        if (body.isEmpty()) {
            return line;
        }
        switch (body.charAt(0)) {
            case '+':
                return green(line);
            case '-':
            case '!':
                return red(line);
            case '~':
                return "\u001b[33m" + line + RESET;
            default:
                return line;
        }
    }

    /**
     * Colours every line of a text block with {@link #line}.
     *
     * @param text lines ending in {@code \n}
     * @return the text, coloured when this is {@link #ANSI}
     */
    public String lines(String text) {
        if (this == NONE) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        text.lines().forEach(line -> out.append(line(line)).append('\n'));
        return out.toString();
    }

    /**
     * Writes text in red.
     *
     * @param text the text
     * @return the coloured text
     */
    public String red(String text) {
        return this == NONE ? text : "\u001b[31m" + text + RESET;
    }

    /**
     * Writes text in green.
     *
     * @param text the text
     * @return the coloured text
     */
    public String green(String text) {
        return this == NONE ? text : "\u001b[32m" + text + RESET;
    }
}
