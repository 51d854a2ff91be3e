package io.gitops4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.ManifestException;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.source.DesiredStateSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link DesiredStateSource} keeps, as a JUnit 5 suite: extend it, implement
 * {@link #sourceOf(Map)} and {@link #replaceContent(Map)}, and the cases run against your source.
 *
 * <pre>{@code
 * class FolderSourceContractTest extends DesiredStateSourceContract {
 *     @TempDir Path dir;
 *     protected DesiredStateSource sourceOf(Map<String, String> files) { write(files); return DirectorySource.of(dir); }
 *     protected void replaceContent(Map<String, String> files) { clear(); write(files); }
 * }
 * }</pre>
 */
public abstract class DesiredStateSourceContract {

    /**
     * Creates a source whose latest revision holds exactly these files.
     *
     * @param files path (relative to the source's root) to UTF-8 content
     * @return the source under test
     * @throws Exception when the fixture cannot be built
     */
    protected abstract DesiredStateSource sourceOf(Map<String, String> files) throws Exception;

    /**
     * Replaces the content of the source created last with these files, as a new revision (a commit, a rewrite).
     *
     * @param files path to UTF-8 content
     * @throws Exception when the fixture cannot be changed
     */
    protected abstract void replaceContent(Map<String, String> files) throws Exception;

    private static String configMap(String name, String value) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: shop\ndata:\n  v: '"
                + value + "'\n";
    }

    @Test
    void loadReturnsEveryDeclaredResource() throws Exception {
        DesiredStateSource source = sourceOf(Map.of(
                "a.yaml", configMap("a", "1"),
                "nested/b.yaml", configMap("b", "1") + "---\n" + configMap("c", "1")));

        DesiredState state = source.load();

        assertThat(state.keys()).containsExactly(
                ResourceKey.of("", "ConfigMap", "shop", "a"),
                ResourceKey.of("", "ConfigMap", "shop", "b"),
                ResourceKey.of("", "ConfigMap", "shop", "c"));
    }

    @Test
    void loadingTwiceGivesEqualStates() throws Exception {
        DesiredStateSource source = sourceOf(Map.of("a.yaml", configMap("a", "1")));

        assertThat(source.load()).isEqualTo(source.load());
    }

    @Test
    void loadingTheRevisionOfALoadGivesTheSameState() throws Exception {
        DesiredStateSource source = sourceOf(Map.of("a.yaml", configMap("a", "1")));
        DesiredState latest = source.load();

        assertThat(source.load(latest.revision())).isEqualTo(latest);
    }

    @Test
    void latestRevisionIdIsTheIdOfTheNextLoad() throws Exception {
        DesiredStateSource source = sourceOf(Map.of("a.yaml", configMap("a", "1")));

        assertThat(source.latestRevisionId()).isEqualTo(source.load().revision().id());
    }

    @Test
    void newContentIsANewRevisionWithANewDigest() throws Exception {
        DesiredStateSource source = sourceOf(Map.of("a.yaml", configMap("a", "1")));
        DesiredState before = source.load();

        replaceContent(Map.of("a.yaml", configMap("a", "2")));
        DesiredState after = source.load();

        assertThat(after.revision().id()).isNotEqualTo(before.revision().id());
        assertThat(after.revision().digest()).isNotEqualTo(before.revision().digest());
        assertThat(after.get(ResourceKey.of("", "ConfigMap", "shop", "a")).orElseThrow().tree().at("/data/v").asText())
                .isEqualTo("2");
    }

    @Test
    void anInvalidManifestFailsTheWholeLoadNamingTheFile() throws Exception {
        DesiredStateSource source = sourceOf(Map.of(
                "good.yaml", configMap("a", "1"),
                "bad/broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {labels: {}}\n"));

        assertThatThrownBy(source::load)
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("bad/broken.yaml");
    }

    @Test
    void describeNamesTheSource() throws Exception {
        DesiredStateSource source = sourceOf(Map.of("a.yaml", configMap("a", "1")));

        assertThat(source.describe()).isNotBlank();
    }
}
