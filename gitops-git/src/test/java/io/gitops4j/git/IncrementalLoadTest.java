package io.gitops4j.git;

import static io.gitops4j.git.Manifests.configMap;
import static io.gitops4j.git.Manifests.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.ManifestException;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.SourceException;
import io.gitops4j.testkit.git.GitRepoFixture;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new commit is loaded by parsing only the files whose blob changed and reusing the resources of the rest. */
class IncrementalLoadTest {
    private static final String MAIN = GitRepoFixture.DEFAULT_BRANCH;
    private static final int FILES = 40;

    @TempDir
    Path temp;

    private SharedCloneRepository shared;
    private GitRepoFixture repo;

    @BeforeEach
    void createRepository() {
        shared = new SharedCloneRepository(temp.resolve("cache"));
        repo = shared.repo();
    }

    @AfterEach
    void deleteRepository() {
        shared.close();
    }

    private GitSource.Builder source() {
        return shared.source();
    }

    private void assertSameAsFullLoad(DesiredState incremental, String sha) {
        SharedCloneRepository.assertSameAsFullLoad(incremental, shared.fullLoad(sha), sha);
    }

    private static Map<String, String> manyFiles() {
        Map<String, String> files = new TreeMap<>();
        for (int i = 0; i < FILES; i++) {
            files.put("apps/team-" + (i % 4) + "/cm-" + i + ".yaml", configMap("cm-" + i));
        }
        files.put("README.md", "not a manifest");
        return files;
    }

    private static Resource resource(DesiredState state, String name) {
        return state.get(ResourceKey.of("", "ConfigMap", "default", name)).orElseThrow();
    }

    @Test
    void unchangedFilesKeepTheirResourceObjectsAndOnlyTheChangedFileIsParsedAgain() {
        repo.commit(manyFiles());
        try (GitSource source = source().build()) {
            DesiredState before = source.load();
            String sha = repo.commit(Map.of("apps/team-1/cm-5.yaml", configMap("cm-5", "changed")));

            DesiredState after = source.load();

            assertThat(after.revision().id()).isEqualTo(sha);
            assertThat(after.size()).isEqualTo(FILES);
            before.resources().forEach((key, resource) -> {
                if (!key.name().equals("cm-5")) {
                    assertThat(after.resources().get(key)).as("%s", key).isSameAs(resource);
                }
            });
            Resource changed = resource(after, "cm-5");
            assertThat(changed).isNotSameAs(resource(before, "cm-5"));
            assertThat(changed.tree().at("/data/value").asText()).isEqualTo("changed");
            assertSameAsFullLoad(after, sha);
        }
    }

    @Test
    void aDeletedFilesResourcesAreGone() {
        repo.commit(manyFiles());
        try (GitSource source = source().build()) {
            DesiredState before = source.load();
            String sha = repo.delete(MAIN, "apps/team-2/cm-6.yaml", "apps/team-3/cm-7.yaml");

            DesiredState after = source.load();

            assertThat(names(after)).doesNotContain("cm-6", "cm-7").hasSize(FILES - 2);
            assertThat(resource(after, "cm-8")).isSameAs(resource(before, "cm-8"));
            assertSameAsFullLoad(after, sha);
        }
    }

    @Test
    void aRenamedFileIsReadFromItsNewPath() {
        Map<String, String> files = manyFiles();
        repo.commit(files);
        try (GitSource source = source().build()) {
            DesiredState before = source.load();
            files.put("moved/cm-9.yaml", files.remove("apps/team-1/cm-9.yaml"));
            String sha = repo.replaceTree(MAIN, "rename cm-9", files);

            DesiredState after = source.load();

            Resource renamed = resource(after, "cm-9");
            assertThat(renamed.provenance().path()).isEqualTo("moved/cm-9.yaml");
            assertThat(renamed).isEqualTo(resource(before, "cm-9"));
            assertThat(resource(after, "cm-10")).isSameAs(resource(before, "cm-10"));
            assertSameAsFullLoad(after, sha);
        }
    }

    @Test
    void aFileIgnoredByANewSourceIgnoreIsDroppedAndComesBackWhenTheRuleGoes() {
        repo.commit(manyFiles());
        try (GitSource source = source().build()) {
            DesiredState before = source.load();
            String ignoring = repo.commit(Map.of(".sourceignore", "apps/team-0/\n"));

            DesiredState ignored = source.load();

            assertThat(names(ignored)).doesNotContain("cm-0", "cm-4").hasSize(FILES - FILES / 4);
            assertThat(resource(ignored, "cm-1")).isSameAs(resource(before, "cm-1"));
            assertSameAsFullLoad(ignored, ignoring);

            String restored = repo.commit(Map.of(".sourceignore", "# nothing ignored\n"));
            DesiredState back = source.load();

            assertThat(names(back)).contains("cm-0", "cm-4").hasSize(FILES);
            assertSameAsFullLoad(back, restored);
        }
    }

    @Test
    void aDuplicateIntroducedByANewFileIsReportedNamingBothFiles() {
        repo.commit(manyFiles());
        try (GitSource source = source().build()) {
            source.load();
            repo.commit(Map.of("zz/copy.yaml", configMap("cm-3", "again")));

            assertThatThrownBy(source::load).isInstanceOf(ManifestException.class)
                    .hasMessageContaining("apps/team-3/cm-3.yaml").hasMessageContaining("zz/copy.yaml")
                    .hasMessageContaining("duplicate resource");
        }
    }

    @Test
    void aFailedLoadDoesNotPoisonTheNextOne() {
        repo.commit(manyFiles());
        try (GitSource source = source().build()) {
            DesiredState before = source.load();
            repo.commit(Map.of("apps/team-0/cm-0.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: [\n"));

            assertThatThrownBy(source::load).isInstanceOf(ManifestException.class)
                    .hasMessageContaining("apps/team-0/cm-0.yaml").hasMessageContaining("line 4");

            String fixed = repo.commit(Map.of("apps/team-0/cm-0.yaml", configMap("cm-0", "fixed")));
            DesiredState after = source.load();

            assertThat(after.revision().id()).isEqualTo(fixed);
            assertThat(resource(after, "cm-0").tree().at("/data/value").asText()).isEqualTo("fixed");
            assertThat(resource(after, "cm-1")).isSameAs(resource(before, "cm-1"));
            assertSameAsFullLoad(after, fixed);
        }
    }

    @Test
    void rollbackToAnOlderCommitIsCorrectAndMovingForwardAgainToo() {
        String first = repo.commit(manyFiles());
        try (GitSource source = source().build()) {
            DesiredState old = source.load();
            repo.commit(Map.of("apps/team-0/cm-0.yaml", configMap("cm-0", "new"), "extra.yaml", configMap("extra")));
            String latest = repo.delete(MAIN, "apps/team-1/cm-1.yaml");
            DesiredState newest = source.load();

            DesiredState rolledBack = source.load(old.revision());

            assertThat(rolledBack.revision()).isEqualTo(old.revision());
            assertSameAsFullLoad(rolledBack, first);
            assertThat(resource(rolledBack, "cm-2")).isSameAs(resource(old, "cm-2"));
            DesiredState forward = source.load();
            assertThat(forward.revision()).isEqualTo(newest.revision());
            assertSameAsFullLoad(forward, latest);
        }
    }

    @Test
    void limitsAndLinkRefusalApplyToEveryCommitNotOnlyTheFilesParsedAgain() {
        repo.commit(Map.of("a.yaml", configMap("a"), "b.yaml", configMap("b")));
        try (GitSource source = source().maxFiles(2).maxFileSize(1000).build()) {
            source.load();

            repo.commit(Map.of("c.yaml", configMap("c")));
            assertThatThrownBy(source::load).isInstanceOf(SourceException.class).hasMessageContaining("more than 2");

            repo.replaceTree(MAIN, "big", Map.of("a.yaml", configMap("a"), "b.yaml", configMap("b", "x".repeat(2000))));
            assertThatThrownBy(source::load).isInstanceOf(SourceException.class).hasMessageContaining("'b.yaml'")
                    .hasMessageContaining("over the limit of 1000 bytes");

            repo.replaceTree(MAIN, "small again", Map.of("a.yaml", configMap("a")));
            repo.commitSymlink(MAIN, "b.yaml", "a.yaml");
            assertThatThrownBy(source::load).isInstanceOf(SourceException.class).hasMessageContaining("'b.yaml'")
                    .hasMessageContaining("symbolic link");
        }
    }
}
