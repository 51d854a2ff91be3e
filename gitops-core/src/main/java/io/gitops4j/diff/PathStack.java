package io.gitops4j.diff;

import java.util.Arrays;

/**
 * The path of the node a comparison is at, as a stack of segments: map keys or list indices.
 *
 * <p>Pushing and popping allocate nothing (the arrays grow only past the deepest path seen); the JSON Pointer
 * text (RFC 6901, {@code ~} as {@code ~0} and {@code /} as {@code ~1}) is built only when a change is reported.
 * Not thread-safe: one stack per comparison.
 */
final class PathStack {
    private static final int NO_INDEX = -1;

    private String[] names = new String[16];
    private int[] indices = new int[16];
    private int depth;

    void push(String name) {
        ensureCapacity();
        names[depth] = name;
        indices[depth] = NO_INDEX;
        depth++;
    }

    void push(int index) {
        ensureCapacity();
        names[depth] = null;
        indices[depth] = index;
        depth++;
    }

    void pop() {
        depth--;
        names[depth] = null;
    }

    int depth() {
        return depth;
    }

    /** Returns the key of segment {@code i}, or {@code null} when that segment is a list index. */
    String name(int i) {
        return names[i];
    }

    /** Returns the list index of segment {@code i}, or {@code -1} when that segment is a map key. */
    int index(int i) {
        return indices[i];
    }

    /** Returns the key of the segment {@code back} steps above the top (0 = top), or {@code null}. */
    String nameFromTop(int back) {
        int i = depth - 1 - back;
        return i < 0 ? null : names[i];
    }

    /** Tells whether segment {@code i} equals {@code name}, or is the index {@code index} when that is not -1. */
    boolean segmentIs(int i, String name, int index) {
        return names[i] == null ? indices[i] == index : names[i].equals(name);
    }

    String pointer() {
        if (depth == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder(depth * 12);
        for (int i = 0; i < depth; i++) {
            text.append('/');
            if (names[i] == null) {
                text.append(indices[i]);
            } else {
                JsonPointers.appendEscaped(text, names[i]);
            }
        }
        return text.toString();
    }

    private void ensureCapacity() {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            indices = Arrays.copyOf(indices, depth * 2);
        }
    }
}
