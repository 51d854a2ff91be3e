package io.gitops4j.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.Revision;
import io.gitops4j.testkit.git.GitRepoFixture;
import java.nio.file.Path;

/**
 * A test repository and one repository cache every source of a test shares, so a fresh source loads a commit in
 * full without cloning again; with the assertion that an incremental load equals such a full load.
 */
final class SharedCloneRepository implements AutoCloseable {
    private final GitRepoFixture repo;
    private final RepositoryCache cache;

    SharedCloneRepository(Path cacheDirectory) {
        this.repo = GitRepoFixture.create();
        this.cache = RepositoryCache.open(cacheDirectory);
    }

    GitRepoFixture repo() {
        return repo;
    }

    /** Returns a builder of a source on the repository, sharing the cache. */
    GitSource.Builder source() {
        return GitSource.builder().uri(repo.fileUri()).repositoryCache(cache);
    }

    /** Loads {@code sha} with a new source that has loaded nothing before: every file is read and parsed. */
    DesiredState fullLoad(String sha) {
        try (GitSource fresh = source().build()) {
            return fresh.load(Revision.of(sha));
        }
    }

    /**
     * Asserts both states have the same revision (digest included) and keys, and each resource the same digest and
     * provenance.
     */
    static void assertSameAsFullLoad(DesiredState incremental, DesiredState full, String where) {
        assertThat(incremental.revision()).as("revision at %s", where).isEqualTo(full.revision());
        assertThat(incremental.keys()).as("keys at %s", where).containsExactlyElementsOf(full.keys());
        full.resources().forEach((key, resource) -> {
            Resource ours = incremental.resources().get(key);
            assertThat(ours.digest()).as("digest of %s at %s", key, where).isEqualTo(resource.digest());
            assertThat(ours.provenance()).as("provenance of %s at %s", key, where).isEqualTo(resource.provenance());
        });
    }

    @Override
    public void close() {
        cache.close();
        repo.close();
    }
}
