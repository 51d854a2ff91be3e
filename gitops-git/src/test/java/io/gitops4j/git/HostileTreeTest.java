package io.gitops4j.git;

import static io.gitops4j.git.Manifests.configMap;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.SourceException;
import io.gitops4j.testkit.git.GitRepoFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Trees that {@code git fsck} would reject, written object by object, are refused rather than read. */
class HostileTreeTest {
    @TempDir
    Path cache;

    @ParameterizedTest
    @ValueSource(strings = {"..", ".git", ".GIT"})
    void refusesATreeWithAnEntryThatLeavesTheRepository(String entry) throws IOException {
        try (GitRepoFixture repo = GitRepoFixture.create()) {
            repo.commit(Map.of("a.yaml", configMap("a")));
            repo.branch("hostile", commitTreeWithEntry(repo.directory(), entry));

            try (GitSource source = GitSource.builder().uri(repo.fileUri()).ref(GitRef.branch("hostile"))
                    .cacheDirectory(cache).build()) {
                assertThatThrownBy(source::load).isInstanceOf(SourceException.class)
                        .hasMessageContaining("unsafe path");
            }
        }
    }

    /** Writes a commit whose root holds folder {@code name} with one manifest, bypassing JGit's path checks. */
    private static String commitTreeWithEntry(Path gitDir, String name) throws IOException {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().build();
                ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, configMap("evil").getBytes(StandardCharsets.UTF_8));
            TreeFormatter inner = new TreeFormatter();
            inner.append("evil.yaml", FileMode.REGULAR_FILE, blob);
            ObjectId innerTree = inserter.insert(inner);
            TreeFormatter root = new TreeFormatter();
            root.append(name, FileMode.TREE, innerTree);
            ObjectId rootTree = inserter.insert(root);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(rootTree);
            PersonIdent ident = new PersonIdent("attacker", "a@example.org", Instant.EPOCH, ZoneOffset.UTC);
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setMessage("hostile");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id.name();
        }
    }
}
