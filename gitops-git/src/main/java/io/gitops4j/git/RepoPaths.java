package io.gitops4j.git;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Normalises and checks paths inside a repository: {@code /}-separated, relative, no {@code .}, {@code ..}, {@code .git}. */
final class RepoPaths {
    private RepoPaths() {
    }

    /**
     * Normalises a configured sub-folder: strips leading, trailing and doubled slashes and {@code .} segments;
     * returns "" for the repository root; throws {@link IllegalArgumentException} for {@code ..} or {@code .git}.
     */
    static String normaliseConfigured(String path) {
        if (path == null) {
            return "";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.replace('\\', '/').split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (!isSafeSegment(segment)) {
                throw new IllegalArgumentException("path '" + path + "' must stay inside the repository"
                        + " (no '..' or '.git' segments)");
            }
            segments.add(segment);
        }
        return String.join("/", segments);
    }

    /** Returns whether a path read from a tree is normal and stays inside the repository. */
    static boolean isSafeTreePath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || !isSafeSegment(segment)) {
                return false;
            }
        }
        return true;
    }

    /** Joins a normalised base folder and a path relative to it. */
    static String join(String base, String relative) {
        return base.isEmpty() ? relative : base + "/" + relative;
    }

    private static boolean isSafeSegment(String segment) {
        return !segment.equals("..") && !segment.toLowerCase(Locale.ROOT).equals(".git");
    }
}
