package io.gitops4j.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.ManifestException;
import io.gitops4j.SourceException;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.render.Substitution;
import io.gitops4j.render.SubstitutionSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load of a folder whose manifest files are byte for byte those of the previous load returns the previous state
 * itself; any change to what is read gives a new state, and a failed load never falls back to the old one.
 */
class DirectorySourceReuseTest {
    @TempDir
    Path dir;

    private DirectorySource source;
    private DesiredState first;

    private void write(String relative, String content) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static String configMap(String name, String value) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + ", namespace: shop}\ndata: {v: '" + value
                + "'}\n";
    }

    @BeforeEach
    void loadOnce() throws Exception {
        write("apps/a.yaml", configMap("a", "1"));
        write("apps/b.yaml", configMap("b", "1"));
        source = DirectorySource.of(dir);
        first = source.load();
    }

    @Test
    void aSecondLoadOfAnUnchangedFolderReturnsTheSameState() {
        // when
        DesiredState second = source.load();

        // then
        assertThat(second).isSameAs(first);
        assertThat(source.load(first.revision())).isSameAs(first);
    }

    @Test
    void aOneByteChangeGivesANewState() throws Exception {
        write("apps/a.yaml", configMap("a", "2"));

        DesiredState changed = source.load();

        assertThat(changed).isNotSameAs(first);
        assertThat(changed.revision()).isNotEqualTo(first.revision());
        assertThat(changed.resources().get(ResourceKey.of("", "ConfigMap", "shop", "a")).body().at("/data/v").asText())
                .isEqualTo("2");
    }

    @Test
    void aSameLengthRewriteWithinOneTimestampTickGivesANewState() throws Exception {
        // given a rewrite of the same size that keeps the file's modification time
        Path file = dir.resolve("apps/a.yaml");
        FileTime before = Files.getLastModifiedTime(file);
        write("apps/a.yaml", configMap("a", "9"));
        Files.setLastModifiedTime(file, before);

        // when
        DesiredState rewritten = source.load();

        // then
        assertThat(rewritten).isNotSameAs(first);
        assertThat(rewritten.resources().get(ResourceKey.of("", "ConfigMap", "shop", "a")).body().at("/data/v")
                .asText()).isEqualTo("9");
    }

    @Test
    void anAddedFileGivesANewState() throws Exception {
        write("apps/c.yaml", configMap("c", "1"));

        assertThat(source.load()).isNotSameAs(first).satisfies(s -> assertThat(s.size()).isEqualTo(3));
    }

    @Test
    void aDeletedFileGivesANewState() throws Exception {
        Files.delete(dir.resolve("apps/b.yaml"));

        assertThat(source.load()).isNotSameAs(first).satisfies(s -> assertThat(s.size()).isEqualTo(1));
    }

    @Test
    void aRenamedFileGivesANewStateThatNamesTheNewFile() throws Exception {
        Files.move(dir.resolve("apps/b.yaml"), dir.resolve("apps/renamed.yaml"));

        DesiredState renamed = source.load();

        assertThat(renamed).isNotSameAs(first);
        assertThat(renamed.resources().get(ResourceKey.of("", "ConfigMap", "shop", "b")).provenance().path())
                .isEqualTo("apps/renamed.yaml");
    }

    @Test
    void aFailedLoadAfterASuccessfulOneStillFailsAndTheUnchangedFilesStillGiveTheFirstState() throws Exception {
        // given
        write("apps/broken.yaml", "apiVersion: v1\nkind: ConfigMap\n");

        // then
        assertThatThrownBy(source::load).isInstanceOf(ManifestException.class).hasMessageStartingWith("apps/broken.yaml");
        assertThatThrownBy(source::load).as("still failing").isInstanceOf(ManifestException.class);

        Files.delete(dir.resolve("apps/broken.yaml"));
        Files.delete(dir.resolve("apps/b.yaml"));
        Files.createSymbolicLink(dir.resolve("apps/b.yaml"), Path.of("a.yaml"));
        assertThatThrownBy(source::load).isInstanceOf(SourceException.class).hasMessageContaining("symbolic link");

        Files.delete(dir.resolve("apps/b.yaml"));
        write("apps/b.yaml", configMap("b", "1"));
        assertThat(source.load()).isSameAs(first);
    }

    @Test
    void anotherSourceOverTheSameFolderParsesItsOwnState() {
        DesiredState other = DirectorySource.of(dir).load();

        assertThat(other).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void inlineVariablesAreTheSourcesOwnSoUnchangedFilesStillGiveTheSameState() throws Exception {
        write("apps/a.yaml", configMap("a", "${LEVEL}"));
        DirectorySource substituting = DirectorySource.builder(dir)
                .substitution(Substitution.builder().variable("LEVEL", "high").build()).build();
        DesiredState loaded = substituting.load();

        assertThat(substituting.load()).isSameAs(loaded);
    }

    @Test
    void variablesReadFromASourceAreReadAtEveryLoadAndAChangedValueGivesANewState() throws Exception {
        // given variables that may change between two loads of the same files, as a cluster's ConfigMap does
        write("apps/a.yaml", configMap("a", "${LEVEL}"));
        AtomicReference<String> level = new AtomicReference<>("low");
        AtomicInteger reads = new AtomicInteger();
        SubstitutionSource cluster = new SubstitutionSource() {
            @Override
            public String describe() {
                return "ConfigMap shop/vars";
            }

            @Override
            public Map<String, String> variables() {
                reads.incrementAndGet();
                return Map.of("LEVEL", level.get());
            }
        };
        DirectorySource substituting = DirectorySource.builder(dir)
                .substitution(Substitution.builder().from(cluster).build()).build();
        substituting.load();

        // when
        level.set("high");
        DesiredState changed = substituting.load();

        // then
        assertThat(reads).hasValue(2);
        assertThat(changed.resources().get(ResourceKey.of("", "ConfigMap", "shop", "a")).body().at("/data/v")
                .asText()).isEqualTo("high");
    }
}
