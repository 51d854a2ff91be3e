package io.gitops4j.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.manifest.ManifestException;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
}
