package io.gitops4j.git;

import io.gitops4j.SourceException;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Finds the commit a source should load: fetches and resolves the tracked ref, or makes sure an exact commit is in
 * the clone (fetching, then fetching by SHA, only when it is missing). Thread-safe.
 */
final class CommitLocator {
    private final CachedRepository repository;
    private final TransportSettings transport;
    private final GitRef ref;
    private final Supplier<String> lastLoaded;

    CommitLocator(CachedRepository repository, TransportSettings transport, GitRef ref,
            Supplier<String> lastLoaded) {
        this.repository = repository;
        this.transport = transport;
        this.ref = ref;
        this.lastLoaded = lastLoaded;
    }

    /** Returns the commit the ref names after a fetch; a pinned commit needs no fetch once it is in the clone. */
    ObjectId latest() {
        if (ref instanceof GitRef.Commit commit) {
            ObjectId id = ObjectId.fromString(commit.sha());
            ensurePresent(id);
            return id;
        }
        try {
            repository.fetch(transport);
        } catch (SourceException e) {
            String last = lastLoaded.get();
            throw new SourceException(e.getMessage() + (last == null ? "" : " Last loaded revision: " + last + "."),
                    e.getCause());
        }
        return repository.reading(() -> {
            try (RevWalk walk = new RevWalk(repository.repository())) {
                RevCommit commit = RefResolver.resolve(repository.repository(), walk, ref, repository.url());
                return commit.copy();
            }
        });
    }

    /** Makes sure commit {@code id} is in the clone, or throws {@link SourceException} saying it does not exist. */
    void ensurePresent(ObjectId id) {
        if (repository.hasCommit(id)) {
            return;
        }
        repository.fetch(transport);
        if (!repository.hasCommit(id) && !repository.fetchCommit(transport, id)) {
            throw new SourceException("commit " + id.name() + " does not exist in " + repository.url()
                    + " (not in any fetched branch or tag, and the server did not serve it by SHA);"
                    + " check the revision id");
        }
    }
}
