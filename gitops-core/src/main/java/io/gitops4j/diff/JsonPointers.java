package io.gitops4j.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * RFC 6901 JSON Pointer text: escaping, parsing into segments, and a stable order for sorting changes in which
 * list indices compare as numbers ({@code /items/2} before {@code /items/10}). Stateless.
 */
final class JsonPointers {

    /** Orders pointers segment by segment; all-digit segments compare numerically, others as strings. */
    static final Comparator<String> ORDER = JsonPointers::compare;

    private JsonPointers() {
    }

    static void appendEscaped(StringBuilder text, String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '~') {
                text.append("~0");
            } else if (c == '/') {
                text.append("~1");
            } else {
                text.append(c);
            }
        }
    }

    static String escape(String segment) {
        if (segment.indexOf('~') < 0 && segment.indexOf('/') < 0) {
            return segment;
        }
        StringBuilder text = new StringBuilder(segment.length() + 4);
        appendEscaped(text, segment);
        return text.toString();
    }

    /**
     * Splits a pointer into unescaped segments.
     *
     * @throws IllegalArgumentException when the text is neither empty nor starts with {@code /}, or has a bad escape
     */
    static List<String> parse(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (pointer.charAt(0) != '/') {
            throw new IllegalArgumentException("not a JSON Pointer: '" + pointer
                    + "' (expected '/' followed by segments, e.g. /spec/replicas)");
        }
        List<String> segments = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            segments.add(unescape(raw, pointer));
        }
        return List.copyOf(segments);
    }

    private static String unescape(String raw, String pointer) {
        if (raw.indexOf('~') < 0) {
            return raw;
        }
        StringBuilder text = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '~') {
                text.append(c);
                continue;
            }
            char next = i + 1 < raw.length() ? raw.charAt(i + 1) : ' ';
            if (next == '0') {
                text.append('~');
            } else if (next == '1') {
                text.append('/');
            } else {
                throw new IllegalArgumentException("bad escape in JSON Pointer '" + pointer
                        + "': '~' must be followed by 0 or 1 (write ~0 for '~' and ~1 for '/')");
            }
            i++;
        }
        return text.toString();
    }

    private static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int endA = segmentEnd(a, i + 1);
            int endB = segmentEnd(b, j + 1);
            int c = compareSegment(a.substring(i + 1, endA), b.substring(j + 1, endB));
            if (c != 0) {
                return c;
            }
            i = endA;
            j = endB;
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int segmentEnd(String pointer, int from) {
        int slash = pointer.indexOf('/', from);
        return slash < 0 ? pointer.length() : slash;
    }

    private static int compareSegment(String a, String b) {
        boolean numA = isDigits(a);
        boolean numB = isDigits(b);
        if (numA && numB) {
            int c = Integer.compare(a.length(), b.length());
            return c != 0 ? c : a.compareTo(b);
        }
        if (numA != numB) {
            return numA ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || (s.length() > 1 && s.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
