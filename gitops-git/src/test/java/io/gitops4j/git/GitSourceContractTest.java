package io.gitops4j.git;

import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.testkit.contract.DesiredStateSourceContract;
import io.gitops4j.testkit.git.GitRepoFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** {@link GitSource} keeps the {@link DesiredStateSource} contract, over smart HTTP from a fixture repository. */
class GitSourceContractTest extends DesiredStateSourceContract {
    @TempDir
    Path cache;

    private GitRepoFixture repo;
    private GitSource source;

    @Override
    protected DesiredStateSource sourceOf(Map<String, String> files) {
        repo = GitRepoFixture.create();
        repo.replaceTree(GitRepoFixture.DEFAULT_BRANCH, "initial", files);
        source = GitSource.builder().uri(repo.serveOverHttp().uri()).cacheDirectory(cache).build();
        return source;
    }

    @Override
    protected void replaceContent(Map<String, String> files) {
        repo.replaceTree(GitRepoFixture.DEFAULT_BRANCH, "replace", files);
    }

    @AfterEach
    void close() {
        if (source != null) {
            source.close();
        }
        if (repo != null) {
            repo.close();
        }
    }
}
