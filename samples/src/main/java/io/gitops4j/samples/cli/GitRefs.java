package io.gitops4j.samples.cli;

import io.gitops4j.git.GitRef;
import java.util.regex.Pattern;

/** Parses the {@code --ref} option: a branch name, {@code tag:NAME}, {@code semver:RANGE} or a full commit SHA. */
public final class GitRefs {
    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{40}");

    private GitRefs() {
    }

    /**
     * Parses a ref.
     *
     * @param text {@code main}, {@code branch:main}, {@code tag:v1.2.0}, {@code semver:^1.2} or 40 hex digits
     * @return the ref
     * @throws CommandException when the text is blank or names an invalid ref
     */
    public static GitRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CommandException("--ref is empty; give a branch, tag:NAME, semver:RANGE or a commit SHA");
        }
        try {
            if (text.startsWith("tag:")) {
                return GitRef.tag(text.substring(4));
            }
            if (text.startsWith("semver:")) {
                return GitRef.semver(text.substring(7));
            }
            if (text.startsWith("branch:")) {
                return GitRef.branch(text.substring(7));
            }
            return SHA.matcher(text).matches() ? GitRef.commit(text.toLowerCase(java.util.Locale.ROOT))
                    : GitRef.branch(text);
        } catch (IllegalArgumentException e) {
            throw new CommandException("--ref " + text + " is not valid: " + e.getMessage(), e);
        }
    }
}
