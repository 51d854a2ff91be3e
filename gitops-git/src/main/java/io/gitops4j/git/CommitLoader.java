package io.gitops4j.git;

import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.DesiredState;
import io.gitops4j.source.SourceException;
import java.io.IOException;
import java.util.SortedMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one commit of the clone into a desired state: checks the signature policy, reads the selected files from
 * the tree and parses them with the manifest loader, then checks the expected digest. Remembers the state it loaded
 * last and returns it again for the same commit (a commit's content never changes). Thread-safe.
 */
final class CommitLoader {
    private static final Logger LOG = LoggerFactory.getLogger(CommitLoader.class);

    private final CachedRepository repository;
    private final TreeReader reader;
    private final ManifestLoader loader;
    private final CommitSignatureCheck signatureCheck;
    private final String description;
    private volatile DesiredState lastLoaded;

    CommitLoader(CachedRepository repository, ReadSettings read, ManifestLoader loader,
            CommitSignatureCheck signatureCheck, String description) {
        this.repository = repository;
        this.reader = new TreeReader(read, loader::isManifest);
        this.loader = loader;
        this.signatureCheck = signatureCheck;
        this.description = description;
    }

    /** Returns the id of the commit loaded last, or null before the first load. */
    String lastLoadedId() {
        DesiredState last = lastLoaded;
        return last == null ? null : last.revision().id();
    }

    /** Loads commit {@code id}; a non-empty {@code expectedDigest} must equal the loaded content's digest. */
    DesiredState load(ObjectId id, String expectedDigest) {
        DesiredState last = lastLoaded;
        if (last != null && last.revision().id().equals(id.name())) {
            requireDigest(last, expectedDigest);
            LOG.debug("{} is still at {}; reusing the state loaded last", description, last.revision());
            return last;
        }
        long start = System.nanoTime();
        RevCommit commit = parse(id);
        signatureCheck.verify(commit, repository.url());
        SortedMap<String, byte[]> files = reader.read(repository.repository(), commit, repository.url());
        DesiredState state = loader.load(commit.name(), files);
        requireDigest(state, expectedDigest);
        lastLoaded = state;
        LOG.info("Loaded {} resources from {} files of {} at {} in {} ms", state.size(), files.size(), description,
                state.revision(), (System.nanoTime() - start) / 1_000_000);
        return state;
    }

    private RevCommit parse(ObjectId id) {
        try (RevWalk walk = new RevWalk(repository.repository())) {
            return walk.parseCommit(id);
        } catch (IOException e) {
            throw new SourceException("cannot read commit " + id.name() + " of " + repository.url() + ": "
                    + e.getMessage(), e);
        }
    }

    private void requireDigest(DesiredState state, String expectedDigest) {
        if (!expectedDigest.isEmpty() && !expectedDigest.equals(state.revision().digest())) {
            throw new SourceException("content of commit " + state.revision().id() + " in " + description
                    + " has digest " + state.revision().digest() + ", not the expected " + expectedDigest + "; the"
                    + " source's path or filters changed since that revision was recorded, or the revision belongs to"
                    + " another source");
        }
    }
}
