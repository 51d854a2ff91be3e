package io.gitops4j.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled JSON Pointer whose {@code *} segments match any map key or list index. Immutable.
 */
final class PathPattern {
    private static final String ANY = "*";

    private final String pointer;
    private final String[] segments;
    private final int[] indices;

    private PathPattern(String pointer, String[] segments, int[] indices) {
        this.pointer = pointer;
        this.segments = segments;
        this.indices = indices;
    }

    /**
     * Compiles a pointer.
     *
     * @throws IllegalArgumentException when the text is not a JSON Pointer
     */
    static PathPattern compile(String pointer) {
        List<String> parsed = JsonPointers.parse(pointer);
        String[] segments = parsed.toArray(new String[0]);
        int[] indices = new int[segments.length];
        for (int i = 0; i < segments.length; i++) {
            indices[i] = indexOf(segments[i]);
        }
        return new PathPattern(pointer, segments, indices);
    }

    private static int indexOf(String segment) {
        if (segment.isEmpty() || segment.length() > 9) {
            return -2;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
                return -2;
            }
        }
        return Integer.parseInt(segment);
    }

    /** Tells whether the whole path matches this pattern exactly (same length, each segment matching). */
    boolean matches(PathStack path) {
        return segments.length == path.depth() && matchesPrefix(path, segments.length);
    }

    /** Tells whether the path lies under this pattern or this pattern lies under the path. */
    boolean overlaps(PathStack path) {
        return matchesPrefix(path, Math.min(segments.length, path.depth()));
    }

    /** Tells whether this pattern names something strictly below the path (and so inside its value). */
    boolean reachesBelow(PathStack path) {
        return segments.length > path.depth() && matchesPrefix(path, path.depth());
    }

    /**
     * Removes from a value what this pattern names below it.
     *
     * @param value a mutable copy of the value at a path of {@code depth} segments this pattern reaches below
     */
    void removeFrom(JsonNode value, int depth) {
        String segment = segments[depth];
        boolean last = depth == segments.length - 1;
        if (value instanceof ObjectNode) {
            ObjectNode object = (ObjectNode) value;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (segment.equals(ANY) || segment.equals(name)) {
                    if (last) {
                        object.remove(name);
                    } else {
                        removeFrom(object.get(name), depth + 1);
                    }
                }
            }
        } else if (value instanceof ArrayNode) {
            ArrayNode array = (ArrayNode) value;
            for (int i = array.size() - 1; i >= 0; i--) {
                if (segment.equals(ANY) || indices[depth] == i) {
                    if (last) {
                        array.remove(i);
                    } else {
                        removeFrom(array.get(i), depth + 1);
                    }
                }
            }
        }
    }

    private boolean matchesPrefix(PathStack path, int length) {
        for (int i = 0; i < length; i++) {
            String segment = segments[i];
            if (!segment.equals(ANY) && !path.segmentIs(i, segment, indices[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return pointer;
    }
}
