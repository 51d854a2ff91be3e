package io.gitops4j.testkit.assertions;

import static io.gitops4j.testkit.assertions.GitOpsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.diff.StateDiff;
import io.gitops4j.health.HealthStatus;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.source.DirectorySource;
import io.gitops4j.testkit.InMemoryTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitOpsAssertionsTest {
    private static final String CONFIG = "ConfigMap/shop/settings";
    private static final String OLD = "ConfigMap/shop/old";
    private static final String SECRET = "Secret/shop/db";

    @TempDir
    Path manifests;

    private InMemoryTarget target;
    private GitOpsEngine engine;

    @BeforeEach
    void setUp() throws IOException {
        write("settings.yaml", configMap("settings", "blue"));
        write("old.yaml", configMap("old", "x"));
        target = InMemoryTarget.create();
        engine = GitOpsEngine.builder().application("shop").source(DirectorySource.of(manifests)).target(target)
                .build();
    }

    @Test
    void passesOnWhatTheRunDid() throws IOException {
        // given / when
        ReconcileResult first = engine.reconcile();
        Files.delete(manifests.resolve("old.yaml"));
        write("settings.yaml", configMap("settings", "green"));
        ReconcileResult second = engine.reconcile();
        ReconcileResult third = engine.reconcile();

        // then
        assertThat(first).succeeded().created(CONFIG, OLD).applied(ResourceKey.parse(CONFIG)).hasNoFailedSteps()
                .hasHealth(CONFIG, HealthStatus.HEALTHY).isHealthy()
                .hasRevision(first.revision().orElseThrow().id().substring(0, 7));
        assertThat(first).plan().creates(CONFIG, OLD).hasNoDeletes().hasCounts(2, 0, 0);
        assertThat(second).updated(CONFIG).pruned(OLD).changedExactly(CONFIG, OLD);
        assertThat(second.plan()).updates(CONFIG).deletes(OLD).changesField(CONFIG, "/data/colour")
                .hasStepsInOrder(CONFIG, OLD);
        assertThat(third).isConverged().didNotTouch(CONFIG).plan().hasNoChanges().leavesUnchanged(CONFIG);
    }

    @Test
    void failureMessagesShowWhatTheRunDid() {
        // given
        ReconcileResult result = engine.reconcile();

        // when / then
        assertThatThrownBy(() -> assertThat(result).isConverged())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected the run to be CONVERGED but it was APPLIED")
                .hasMessageContaining("APPLIED CREATE " + CONFIG);
        assertThatThrownBy(() -> assertThat(result).pruned(CONFIG))
                .hasMessageContaining("Expected " + CONFIG + " to be DELETED (DELETE) but its step was APPLIED");
        assertThatThrownBy(() -> assertThat(result.plan()).deletes("ConfigMap/shop/missing"))
                .hasMessageContaining("does not mention it");
    }

    @Test
    void failedWithFindsAFailedStepsMessage() {
        // given
        target.failAppliesTo(ResourceKey.parse(CONFIG));

        // when
        ReconcileResult result = engine.reconcile();

        // then
        assertThat(result).failed(CONFIG).failedWith("injected");
        assertThatThrownBy(() -> assertThat(result).succeeded()).hasMessageContaining("FAILED");
    }

    @Test
    void stateDiffAssertionsSeeFieldsAndRedaction() throws IOException {
        // given: a diff made outside the engine, so the engine's tracking annotation counts as removed
        engine.reconcile();
        write("settings.yaml", configMap("settings", "red"));
        write("db.yaml", """
                apiVersion: v1
                kind: Secret
                metadata: {name: db, namespace: shop}
                stringData: {password: hunter2-secret}
                """);
        DesiredState desired = DirectorySource.of(manifests).load();

        // when
        StateDiff diff = DefaultStateDiffer.defaults().diff(desired, target.observe(desired.keys()));

        // then
        assertThat(diff).hasChanges().hasChangeType(CONFIG, ChangeType.UPDATE).hasChangeAt(CONFIG, "/data/colour")
                .hasChangesExactlyAt(CONFIG, "/data/colour", "/metadata/annotations/gitops4j.io~1tracking-id")
                .hasChangeType(SECRET, ChangeType.CREATE)
                .doesNotReveal("hunter2-secret");
        assertThatThrownBy(() -> assertThat(diff).isInSync()).hasMessageContaining("Expected no differences");
    }

    @Test
    void doesNotRevealFailsWithoutShowingTheValue() throws IOException {
        // given
        engine.reconcile();
        write("settings.yaml", configMap("settings", "top-secret-colour"));
        DesiredState desired = DirectorySource.of(manifests).load();
        StateDiff diff = DefaultStateDiffer.defaults().diff(desired, target.observe(desired.keys()));

        // when / then
        assertThatThrownBy(() -> assertThat(diff).doesNotReveal("top-secret-colour"))
                .hasMessageContaining("/data/colour").hasMessageNotContaining("top-secret-colour");
    }

    private void write(String file, String yaml) throws IOException {
        Files.writeString(manifests.resolve(file), yaml);
    }

    private static String configMap(String name, String colour) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: %s, namespace: shop}
                data: {colour: %s}
                """.formatted(name, colour);
    }
}
