package io.gitops4j.manifest;

import java.util.Collection;

/**
 * Lets a YAML file end its lines with tabs where Kubernetes' reader (go-yaml) accepts them and SnakeYAML does not:
 * after a quoted scalar, a flow collection, {@code ---}, an anchor, a tag or a block scalar's header. Each tab of
 * such a trailing run of white space becomes a space, which keeps every line and column and never changes a value:
 * a line's trailing white space is no part of a plain or quoted scalar. A line that is only white space, or whose
 * run follows {@code :}, {@code -} (but for a {@code ---} line), {@code ?} or {@code \}, is left alone, as go-yaml rejects a tab there too (or, after
 * a backslash, the tab is an escape). Inside a block scalar trailing tabs are content: {@link #restore} puts those
 * back.
 */
final class TrailingTabs {
    private TrailingTabs() {
    }

    /** Returns the text with trailing tabs softened; the very same string when there is none to soften. */
    static String soften(String text) {
        char[] chars = null;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                continue;
            }
            int run = i;
            boolean tab = false;
            while (run > lineStart && (text.charAt(run - 1) == ' ' || text.charAt(run - 1) == '\t')) {
                tab |= text.charAt(--run) == '\t';
            }
            if (tab && run > lineStart && (":-?\\".indexOf(text.charAt(run - 1)) < 0 || isMarker(text, lineStart, run))) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                for (int j = run; j < i; j++) {
                    chars[j] = ' ';
                }
            }
            lineStart = i + 1;
        }
        return chars == null ? text : new String(chars);
    }

    private static boolean isMarker(String text, int lineStart, int end) {
        return end - lineStart == 3 && (text.startsWith("---", lineStart) || text.startsWith("...", lineStart));
    }

    /** Returns {@code softened} with the zero-based {@code lines} as they are in {@code original}. */
    static String restore(String original, String softened, Collection<Integer> lines) {
        char[] chars = softened.toCharArray();
        int line = 0;
        for (int i = 0; i < chars.length; i++) {
            if (lines.contains(line)) {
                chars[i] = original.charAt(i);
            }
            if (chars[i] == '\n' || (chars[i] == '\r' && (i + 1 == chars.length || chars[i + 1] != '\n'))) {
                line++;
            }
        }
        return new String(chars);
    }
}
