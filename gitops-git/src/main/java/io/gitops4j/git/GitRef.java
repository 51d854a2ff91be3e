package io.gitops4j.git;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a {@link GitSource} tracks: a branch, a tag, an exact commit, or the highest tag matching a semver range.
 *
 * <p>Create with the factory methods. Values are immutable records; names are validated on creation and an
 * invalid one throws {@link IllegalArgumentException}.
 */
public sealed interface GitRef {

    /**
     * Tracks the tip of branch {@code name} (e.g. {@code main}); a force push moves it and is followed.
     *
     * @param name branch name without {@code refs/heads/}
     * @return the ref
     * @throws IllegalArgumentException when the name is not a valid Git branch name
     */
    static GitRef branch(String name) {
        return new Branch(name);
    }

    /**
     * Tracks tag {@code name} (lightweight or annotated); a moved tag is followed.
     *
     * @param name tag name without {@code refs/tags/}
     * @return the ref
     * @throws IllegalArgumentException when the name is not a valid Git tag name
     */
    static GitRef tag(String name) {
        return new Tag(name);
    }

    /**
     * Pins one commit by its full 40-hex-digit SHA-1.
     *
     * @param sha the full SHA-1, any case
     * @return the ref
     * @throws IllegalArgumentException when {@code sha} is not 40 hexadecimal digits
     */
    static GitRef commit(String sha) {
        return new Commit(sha);
    }

    /**
     * Tracks the highest tag whose version satisfies {@code range} (npm syntax, e.g. {@code >=1.2.0 <2.0.0} or
     * {@code ^1.2}); tags may carry a leading {@code v}; pre-releases are excluded.
     *
     * @param range the semver range
     * @return the ref
     * @throws IllegalArgumentException when the range does not parse
     */
    static GitRef semver(String range) {
        return new SemverRange(range, false);
    }

    /**
     * Like {@link #semver(String)}, including pre-release versions when {@code includePrereleases} is true.
     *
     * @param range the semver range
     * @param includePrereleases whether versions such as {@code 1.3.0-rc.1} may match
     * @return the ref
     * @throws IllegalArgumentException when the range does not parse
     */
    static GitRef semver(String range, boolean includePrereleases) {
        return new SemverRange(range, includePrereleases);
    }

    /**
     * Returns a short human description such as {@code branch main} or {@code semver >=1.0.0 <2.0.0}.
     *
     * @return the description
     */
    String describe();

    /** The tip of a branch. @param name branch name without {@code refs/heads/} */
    record Branch(String name) implements GitRef {
        /** Validates the name. */
        public Branch {
            RefNames.requireValid(name, "branch");
        }

        @Override
        public String describe() {
            return "branch " + name;
        }
    }

    /** A tag. @param name tag name without {@code refs/tags/} */
    record Tag(String name) implements GitRef {
        /** Validates the name. */
        public Tag {
            RefNames.requireValid(name, "tag");
        }

        @Override
        public String describe() {
            return "tag " + name;
        }
    }

    /** One exact commit. @param sha full SHA-1, stored in lower case */
    record Commit(String sha) implements GitRef {
        private static final Pattern FULL_SHA = Pattern.compile("[0-9a-f]{40}");

        /** Validates and lower-cases the SHA. */
        public Commit {
            requireNonNull(sha, "sha is null");
            sha = sha.toLowerCase(Locale.ROOT);
            if (!FULL_SHA.matcher(sha).matches()) {
                throw new IllegalArgumentException("commit must be a full 40-digit hexadecimal SHA-1, got '" + sha
                        + "'; abbreviated SHAs are ambiguous");
            }
        }

        @Override
        public String describe() {
            return "commit " + sha;
        }
    }

    /**
     * The highest tag satisfying a semver range.
     *
     * @param range npm-style range
     * @param includePrereleases whether versions such as {@code 1.3.0-rc.1} may match
     */
    record SemverRange(String range, boolean includePrereleases) implements GitRef {
        /** Validates that the range parses. */
        public SemverRange {
            requireNonNull(range, "range is null");
            range = range.trim();
            SemverTags.parseRange(range, includePrereleases);
        }

        @Override
        public String describe() {
            return "semver " + range + (includePrereleases ? " (with pre-releases)" : "");
        }
    }
}
