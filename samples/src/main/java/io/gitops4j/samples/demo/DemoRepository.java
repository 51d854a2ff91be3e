package io.gitops4j.samples.demo;

import io.gitops4j.testkit.git.GitRepoFixture;
import java.util.Map;
import java.util.Optional;

/**
 * Where the demo's desired state comes from: a temporary local Git repository seeded with the demo app (the
 * default), or a repository the user names, which the demo only reads. {@link #close()} deletes a temporary one.
 */
final class DemoRepository implements AutoCloseable {
    private final GitRepoFixture fixture;
    private final String uri;
    private final String ref;
    private final String path;

    private DemoRepository(GitRepoFixture fixture, String uri, String ref, String path) {
        this.fixture = fixture;
        this.uri = uri;
        this.ref = ref;
        this.path = path;
    }

    /** Creates a temporary bare repository (branch main) and commits the demo app's first version. */
    static DemoRepository seeded() {
        GitRepoFixture fixture = GitRepoFixture.create();
        try {
            fixture.commit(GitRepoFixture.DEFAULT_BRANCH, "shop v1: namespace, config, secret, deployment, service",
                    DemoManifests.version("v1"));
            return new DemoRepository(fixture, fixture.fileUri(), GitRepoFixture.DEFAULT_BRANCH,
                    DemoManifests.REPOSITORY_FOLDER);
        } catch (RuntimeException e) {
            fixture.close();
            throw e;
        }
    }

    /** Uses a repository the user named; the demo never writes to it. */
    static DemoRepository external(String uri, String ref, String path) {
        return new DemoRepository(null, uri, ref, path);
    }

    /**
     * Commits the demo app's second version (changed config, secret, image and replicas; Service removed).
     *
     * @return the new commit's SHA, or empty for a repository the demo does not own
     */
    Optional<String> commitSecondVersion() {
        if (fixture == null) {
            return Optional.empty();
        }
        Map<String, String> files = DemoManifests.version("v2");
        return Optional.of(fixture.replaceTree(GitRepoFixture.DEFAULT_BRANCH,
                "shop v2: new greeting and feature flag, rotated password, image 6.5.1, 3 replicas, no Service",
                files));
    }

    boolean isSeeded() {
        return fixture != null;
    }

    String uri() {
        return uri;
    }

    String ref() {
        return ref;
    }

    String path() {
        return path;
    }

    @Override
    public void close() {
        if (fixture != null) {
            fixture.close();
        }
    }
}
