package io.gitops4j.git;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Which files under a source's path are read, in {@code .gitignore} syntax (JGit's matcher): a path is excluded
 * when the exclude rules (builder patterns, then the ignore file's lines) ignore it or one of its folders; when
 * include patterns exist, a file must also match one of them, directly or through one of its folders. Paths are
 * relative to the source's path. Immutable.
 */
final class PathRules {
    static final PathRules ALL = new PathRules(List.of(), List.of());

    private final IgnoreNode excludes;
    private final IgnoreNode includes;
    private final boolean hasIncludes;

    private PathRules(List<FastIgnoreRule> excludes, List<FastIgnoreRule> includes) {
        this.excludes = new IgnoreNode(excludes);
        this.includes = new IgnoreNode(includes);
        this.hasIncludes = !includes.isEmpty();
    }

    static PathRules of(List<String> includePatterns, List<String> excludePatterns) {
        return new PathRules(rules(excludePatterns), rules(includePatterns));
    }

    /** Returns these rules with the lines of an ignore file appended to the excludes (later lines win). */
    PathRules withIgnoreFile(byte[] content) {
        IgnoreNode parsed = new IgnoreNode();
        try {
            parsed.parse(new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new IllegalStateException("reading an ignore file from memory failed", e);
        }
        List<FastIgnoreRule> combined = new ArrayList<>(excludes.getRules());
        combined.addAll(parsed.getRules());
        return new PathRules(combined, includes.getRules());
    }

    boolean isFolderExcluded(String relativePath) {
        return Boolean.TRUE.equals(excludes.checkIgnored(relativePath, true));
    }

    boolean isFileSelected(String relativePath) {
        if (Boolean.TRUE.equals(excludes.checkIgnored(relativePath, false))) {
            return false;
        }
        return !hasIncludes || isIncluded(relativePath);
    }

    private boolean isIncluded(String relativePath) {
        if (Boolean.TRUE.equals(includes.checkIgnored(relativePath, false))) {
            return true;
        }
        for (int slash = relativePath.lastIndexOf('/'); slash > 0; slash = relativePath.lastIndexOf('/', slash - 1)) {
            if (Boolean.TRUE.equals(includes.checkIgnored(relativePath.substring(0, slash), true))) {
                return true;
            }
        }
        return false;
    }

    private static List<FastIgnoreRule> rules(List<String> patterns) {
        List<FastIgnoreRule> rules = new ArrayList<>();
        for (String pattern : patterns) {
            FastIgnoreRule rule = new FastIgnoreRule(pattern);
            if (!rule.isEmpty()) {
                rules.add(rule);
            }
        }
        return rules;
    }
}
