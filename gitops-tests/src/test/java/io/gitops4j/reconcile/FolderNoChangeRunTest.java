package io.gitops4j.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.source.DirectorySource;
import io.gitops4j.testkit.InMemoryTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A no-change run over a folder costs no diff: the folder source hands back the state of its previous load when the
 * files are unchanged, and the engine recognises it, with the target's unchanged live objects, by identity.
 */
class FolderNoChangeRunTest {
    @TempDir
    Path dir;

    private final CountingDiffer differ = new CountingDiffer();
    private final InMemoryTarget target = InMemoryTarget.create();

    private GitOpsEngine engine() throws Exception {
        for (String name : new String[] {"a", "b", "c"}) {
            Files.writeString(dir.resolve(name + ".yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name
                    + ", namespace: shop}\ndata: {v: '1'}\n");
        }
        return GitOpsEngine.builder().application("shop").source(DirectorySource.of(dir)).target(target)
                .differ(differ).build();
    }

    @Test
    void aRepeatedRunOverAnUnchangedFolderIsConvergedWithoutDiffingAnything() throws Exception {
        // given a folder applied once and observed converged once
        GitOpsEngine engine = engine();
        assertThat(engine.reconcile().outcome()).isEqualTo(Outcome.APPLIED);
        ReconcileResult converged = engine.reconcile();
        assertThat(converged.outcome()).isEqualTo(Outcome.CONVERGED);
        int diffs = differ.calls.get();

        // when
        ReconcileResult again = engine.reconcile();

        // then
        assertThat(again.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(differ.calls.get()).as("diffs of the repeated run").isEqualTo(diffs);
        assertThat(again.plan()).isSameAs(converged.plan());
    }

    @Test
    void aChangedFileIsDiffedAloneOnTheNextRun() throws Exception {
        // given
        GitOpsEngine engine = engine();
        engine.reconcile();
        engine.reconcile();
        int diffs = differ.calls.get();

        // when
        Files.writeString(dir.resolve("b.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: "
                + "shop}\ndata: {v: '2'}\n");
        ReconcileResult changed = engine.reconcile();

        // then every object is parsed again (new instances), so each is diffed; only b changes
        assertThat(changed.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(changed.plan().applies()).extracting(step -> step.key().name()).containsExactly("b");
        assertThat(differ.calls.get()).isGreaterThan(diffs);
    }
}
