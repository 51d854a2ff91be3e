package io.gitops4j.git;

import static java.util.Objects.requireNonNull;

/**
 * What a source reads from a commit: the folder, the path rules, the optional ignore file name (relative to the
 * folder) and the limits.
 */
record ReadSettings(String path, PathRules rules, String ignoreFile, long maxFileSize, int maxFiles) {
    ReadSettings {
        requireNonNull(path, "path is null");
        requireNonNull(rules, "rules is null");
        if (maxFileSize <= 0 || maxFiles <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
