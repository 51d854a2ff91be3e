package io.gitops4j.kustomize;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Resolves the paths a kustomization names, relative to its folder, inside the repository root; and tells remote
 * bases (URLs, {@code git::}, {@code github.com/...}) from local paths. Stateless.
 */
final class TreePaths {
    private TreePaths() {
    }

    /**
     * Joins {@code relative} to {@code folder} and normalises it.
     *
     * @return the path from the repository root, or {@code null} when it is absolute or leaves the root
     */
    static String resolve(String folder, String relative) {
        if (relative.startsWith("/") || relative.startsWith("\\") || relative.indexOf('\\') >= 0
                || relative.indexOf('\0') >= 0 || (relative.length() > 1 && relative.charAt(1) == ':')) {
            return null;
        }
        Deque<String> segments = new ArrayDeque<>();
        if (!folder.isEmpty()) {
            for (String segment : folder.split("/")) {
                segments.addLast(segment);
            }
        }
        for (String segment : relative.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        return String.join("/", segments);
    }

    /** Joins a file name to a folder of the tree. */
    static String child(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    /** Tells whether a resource or component entry names a remote base rather than a path of the tree. */
    static boolean isRemote(String entry) {
        String lower = entry.toLowerCase(Locale.ROOT);
        return lower.contains("://") || lower.startsWith("git::") || lower.startsWith("git@")
                || lower.startsWith("github.com/") || lower.startsWith("gitlab.com/")
                || lower.startsWith("bitbucket.org/") || lower.contains("?ref=") || lower.contains(".git//")
                || lower.endsWith(".git");
    }
}
