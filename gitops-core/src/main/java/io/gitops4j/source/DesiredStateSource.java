package io.gitops4j.source;

import io.gitops4j.SourceException;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Revision;
import java.util.Optional;
import java.util.Set;

/**
 * Gives the desired state of a system, pinned to an immutable {@link Revision}.
 *
 * <p>The contract every implementation keeps:
 * <ul>
 *   <li>a load returns a complete state or throws {@link SourceException}; never a partial state;</li>
 *   <li>loading the same revision twice returns equal states (same resources, same digest);</li>
 *   <li>{@link #load(Revision)} loads an exact earlier revision, which is how rollback works;</li>
 *   <li>messages and {@link #describe()} never contain credentials.</li>
 * </ul>
 * Implementations state their own thread-safety; the Git source is safe for concurrent use.
 */
public interface DesiredStateSource {

    /**
     * Loads the latest desired state of what this source tracks (e.g. the head of a branch).
     *
     * @return the complete desired state
     * @throws SourceException when it cannot be loaded; nothing was loaded
     */
    DesiredState load();

    /**
     * Loads the desired state of an exact revision. When {@code revision} carries a digest, the loaded content
     * must have the same digest, or the load fails.
     *
     * @param revision the revision to load
     * @return the complete desired state at that revision
     * @throws SourceException when the revision does not exist, cannot be verified, or its content digest
     *     differs
     */
    DesiredState load(Revision revision);

    /**
     * Returns the id of the latest revision without loading it; a loop calls this to skip a reload when nothing
     * changed. The default loads everything; sources with a cheaper way (a Git fetch and ref lookup) override it.
     *
     * @return the id the next {@link #load()} would be pinned to
     * @throws SourceException when the source cannot be reached
     */
    default String latestRevisionId() {
        return load().revision().id();
    }

    /**
     * Returns the paths (relative to this source's root) that changed between two revisions, so that a caller
     * can skip work when none of its paths changed.
     *
     * @param fromRevisionId the earlier revision id
     * @param toRevisionId the later revision id
     * @return the changed paths, or empty when this source cannot tell
     * @throws SourceException when a revision does not exist
     */
    default Optional<Set<String>> changedPaths(String fromRevisionId, String toRevisionId) {
        return Optional.empty();
    }

    /**
     * Returns a key naming what {@link #latestRevisionId()} asks, so that a loop can ask once and share the answer
     * among sources with equal keys (e.g. one fetch per repository per interval). Sources with equal non-empty keys
     * must report the same latest revision id at the same moment (a Git source returns its normalised URL and
     * tracked ref). The default, {@code ""}, means "never shared".
     *
     * @return the key, or {@code ""} when answers must not be shared
     */
    default String fetchKey() {
        return "";
    }

    /**
     * Describes this source for logs and messages, e.g. {@code https://example.org/shop.git@main:deploy}.
     *
     * @return a human-readable description without credentials
     */
    default String describe() {
        return getClass().getSimpleName();
    }
}
