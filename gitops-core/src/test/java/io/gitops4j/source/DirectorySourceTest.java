package io.gitops4j.source;

import io.gitops4j.SourceException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.ManifestException;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DirectorySourceTest {
    @TempDir
    Path dir;

    private void write(String relative, String content) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void loadsManifestsRecursivelyAndSkipsHiddenAndOtherFiles() throws Exception {
        write("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");
        write("apps/cm.yml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: shop}\n");
        write(".github/workflow.yaml", "on: push\n");
        write("README.md", "# docs\n");

        DesiredState state = DirectorySource.of(dir).load();

        assertThat(state.keys()).containsExactly(
                ResourceKey.of("", "ConfigMap", "shop", "a"), ResourceKey.clusterScoped("", "Namespace", "shop"));
        assertThat(state.revision().id()).isEqualTo(state.revision().digest()).startsWith("sha256:");
    }

    @Test
    void errorsNameThePathRelativeToTheFolder() throws Exception {
        write("apps/bad.yaml", "apiVersion: v1\nkind: ConfigMap\n");

        assertThatThrownBy(() -> DirectorySource.of(dir).load())
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("apps/bad.yaml");
    }

    @Test
    void loadsTheCurrentRevisionButRefusesAnEarlierOne() throws Exception {
        write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {v: '1'}\n");
        DirectorySource source = DirectorySource.of(dir);
        Revision first = source.load().revision();
        assertThat(source.load(first).revision()).isEqualTo(first);

        write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {v: '2'}\n");

        assertThatThrownBy(() -> source.load(first))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("keeps no history");
    }

    @Test
    void aMissingFolderIsASourceError() {
        assertThatThrownBy(() -> DirectorySource.of(dir.resolve("nope")).load())
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws Exception {
        write("ok.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        Path huge = dir.resolve("apps/huge.yaml");
        Files.createDirectories(huge.getParent());
        long spaceBefore = Files.getFileStore(huge.getParent()).getUsableSpace();
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L << 30);
        } catch (java.io.IOException e) {
            Assumptions.abort("the file system cannot hold a sparse 3 GiB file: " + e.getMessage());
        }
        Assumptions.assumeTrue(spaceBefore - Files.getFileStore(huge.getParent()).getUsableSpace() < (1L << 30),
                "the file system does not support sparse files");

        assertThatThrownBy(() -> DirectorySource.of(dir).load())
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("apps/huge.yaml")
                .hasMessageContaining(String.valueOf(3L << 30))
                .hasMessageContaining("over the limit of " + (8L << 20) + " bytes");
    }

    @Test
    void aManifestReplacedByASymbolicLinkFailsTheLoadNamingTheLink() throws Exception {
        write("deploy/t-04.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: t-04}\n");
        Files.createSymbolicLink(dir.resolve("deploy/t-03.yaml"), Path.of("t-04.yaml"));

        assertThatThrownBy(() -> DirectorySource.of(dir).load())
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("deploy/t-03.yaml")
                .hasMessageContaining("symbolic link");
    }

    @Test
    void aSymbolicLinkLeavingTheFolderFailsTheLoad() throws Exception {
        Path outside = Files.createTempFile("outside", ".yaml");
        try {
            Files.writeString(outside, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: o}\n");
            write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
            Files.createSymbolicLink(dir.resolve("escape.yaml"), outside);

            assertThatThrownBy(() -> DirectorySource.of(dir).load())
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("escape.yaml")
                    .hasMessageContaining("symbolic link");
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void aSymbolicLinkToAFolderFailsTheLoadLikeALinkToAFile() throws Exception {
        write("real/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        Files.createSymbolicLink(dir.resolve("apps"), Path.of("real"));

        assertThatThrownBy(() -> DirectorySource.of(dir).load())
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("'apps'")
                .hasMessageContaining("symbolic link");
    }

    @Test
    void aSymbolicLinkToAFileThatIsNoManifestIsIgnoredAsSuchFilesAre() throws Exception {
        write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        write("docs/README.md", "# docs\n");
        Files.createSymbolicLink(dir.resolve("README.md"), Path.of("docs/README.md"));

        assertThat(DirectorySource.of(dir).load().size()).isEqualTo(1);
    }

    @Test
    void aNumberOutsideTheFloat64RangeIsAManifestError() throws Exception {
        write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  v: 1e999999999\n");

        assertThatThrownBy(() -> DirectorySource.of(dir).load())
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("cm.yaml (document 1, line 5)");
    }
}
