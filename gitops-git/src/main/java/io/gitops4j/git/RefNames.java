package io.gitops4j.git;

import static java.util.Objects.requireNonNull;

import org.eclipse.jgit.lib.Repository;

/** Validation of branch and tag names with Git's own rules. */
final class RefNames {
    private RefNames() {
    }

    static void requireValid(String name, String what) {
        requireNonNull(name, what + " name is null");
        if (name.isBlank() || !Repository.isValidRefName("refs/heads/" + name)) {
            throw new IllegalArgumentException("'" + name + "' is not a valid Git " + what + " name");
        }
    }
}
