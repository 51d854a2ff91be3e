package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.testkit.InMemorySource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole engine run against an API server that accepts connections and never answers: it ends, and says why. */
class EngineAgainstSilentServerTest {
    private static final Resource CONFIG = Manifests.configMap("default", "settings", "mode", "fast");

    @TempDir
    Path dir;

    @Test
    void aRunAgainstAServerThatNeverAnswersEndsFailedNamingTheResource() throws IOException {
        // given a server that accepts and never answers, and a target with short client timeouts
        try (SilentApiServer silent = SilentApiServer.start();
                KubernetesTarget target = KubernetesTarget.builder().kubeconfig(silent.kubeconfigIn(dir))
                        .connectTimeout(Duration.ofMillis(500)).requestTimeout(Duration.ofMillis(500)).build()) {
            GitOpsEngine engine = GitOpsEngine.builder().application("shop")
                    .source(InMemorySource.of(DesiredState.of("r1", List.of(CONFIG)))).target(target).build();

            // when the run is bounded far above the client timeouts, it still ends
            ReconcileResult result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> engine.reconcile(ReconcileOptions.builder().deadline(Duration.ofSeconds(30)).build()));

            // then
            assertThat(result.outcome()).isIn(Outcome.FAILED, Outcome.TIMED_OUT);
            assertThat(result.step(CONFIG.key())).hasValueSatisfying(step -> assertThat(step.isFailed()).isTrue());
            assertThat(result.failedSteps().toString()).contains("ConfigMap/default/settings");
            assertThat(silent.connections()).isPositive();
        }
    }
}
