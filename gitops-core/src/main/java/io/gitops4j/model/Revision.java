package io.gitops4j.model;

import static java.util.Objects.requireNonNull;

/**
 * The immutable identity of a desired state: the source's own revision id (a Git commit SHA, or a content id for
 * sources without history) and the SHA-256 digest of the canonical content that was loaded from it.
 *
 * <p>Two loads of the same id with the same source options give the same digest; a different digest for the
 * same id means the source's selection (path, filters) changed.
 *
 * @param id the source's revision id, e.g. a full commit SHA; never empty
 * @param digest {@code sha256:<hex>} of the loaded content, or {@code ""} when not (yet) known
 */
public record Revision(String id, String digest) {

    /** Validates the components. */
    public Revision {
        requireNonNull(id, "id is null");
        requireNonNull(digest, "digest is null");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("revision id is empty");
        }
    }

    /**
     * Returns a revision that names only the source id (the digest is checked only when known).
     *
     * @param id the source revision id
     * @return a revision with an empty digest
     */
    public static Revision of(String id) {
        return new Revision(id, "");
    }

    /**
     * Tells whether the digest is known.
     *
     * @return {@code true} when {@link #digest()} is not empty
     */
    public boolean hasDigest() {
        return !digest.isEmpty();
    }

    /**
     * Returns the first 12 characters of the id, as commit SHAs are usually shown.
     *
     * @return the abbreviated id
     */
    public String shortId() {
        return id.length() <= 12 ? id : id.substring(0, 12);
    }

    /** Renders as {@code shortId} or {@code shortId (sha256:abcdef123456)}. */
    @Override
    public String toString() {
        if (!hasDigest()) {
            return shortId();
        }
        int end = Math.min(digest.length(), "sha256:".length() + 12);
        return shortId() + " (" + digest.substring(0, end) + ")";
    }
}
