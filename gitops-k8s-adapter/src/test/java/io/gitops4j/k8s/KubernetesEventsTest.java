package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.gitops4j.loop.Application;
import io.gitops4j.loop.GitOpsController;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.source.DirectorySource;
import io.gitops4j.testkit.ManualClock;
import io.gitops4j.testkit.time.ManualScheduler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class KubernetesEventsTest {
    private static final String SECRET_VALUE = "s3cr3t-hunter2";
    private static final String INVENTORY = KubernetesInventoryStore.configMapName("shop");

    @TempDir
    Path folder;

    private final ManualClock clock = ManualClock.create();
    @RegisterExtension
    final EmbeddedCluster cluster = new EmbeddedCluster();
    private GitOpsEngine engine;
    private KubernetesTarget target;
    private KubernetesEvents events;

    @BeforeEach
    void start() {
        target = KubernetesTarget.builder().client(cluster.client()).build();
        events = KubernetesEvents.builder().target(target).clock(clock)
                .rateLimit(Duration.ofMinutes(5)).build();
        engine = GitOpsEngine.builder().application("shop").source(DirectorySource.of(folder)).target(target)
                .clock(clock).sleeper(clock).listener(events).build();
    }

    private void configMap(String name) throws IOException {
        Files.writeString(folder.resolve(name + ".yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name
                + "\n  namespace: default\ndata:\n  v: '1'\n");
    }

    /** Events on the objects (in default) and on the inventory (in the inventory namespace). */
    private List<Event> events(String reason) {
        return java.util.stream.Stream.of("default", KubernetesTarget.DEFAULT_INVENTORY_NAMESPACE)
                .flatMap(ns -> cluster.client().v1().events().inNamespace(ns).list().getItems().stream())
                .filter(e -> e.getReason().equals(reason)).toList();
    }

    @Test
    void anApplyRecordsAppliedOnTheObjectAndInSyncOnTheInventoryOncePerRevision() throws IOException {
        // given
        configMap("a");

        // when
        Outcome first = engine.reconcile().outcome();
        Outcome second = engine.reconcile().outcome();

        // then
        assertThat(first).isEqualTo(Outcome.APPLIED);
        assertThat(second).isEqualTo(Outcome.CONVERGED);
        List<Event> applied = events("Applied");
        assertThat(applied).hasSize(1);
        Event event = applied.get(0);
        assertThat(event.getType()).isEqualTo("Normal");
        assertThat(event.getInvolvedObject().getKind()).isEqualTo("ConfigMap");
        assertThat(event.getInvolvedObject().getName()).isEqualTo("a");
        assertThat(event.getInvolvedObject().getUid())
                .isEqualTo(cluster.client().configMaps().inNamespace("default").withName("a").get().getMetadata().getUid());
        assertThat(event.getSource().getComponent()).isEqualTo("gitops4j");
        assertThat(event.getReportingComponent()).isEqualTo("gitops4j");
        assertThat(event.getMessage()).contains("application shop", "revision");
        List<Event> inSync = events("InSync");
        assertThat(inSync).hasSize(1);
        assertThat(inSync.get(0).getInvolvedObject().getName()).isEqualTo(INVENTORY);
        assertThat(inSync.get(0).getCount()).isEqualTo(1);
    }

    @Test
    void aPruneRecordsPrunedOnTheDeletedObject() throws IOException {
        // given
        configMap("a");
        configMap("b");
        engine.reconcile();
        Files.delete(folder.resolve("b.yaml"));

        // when
        Outcome outcome = engine.reconcile().outcome();

        // then
        assertThat(outcome).isEqualTo(Outcome.APPLIED);
        List<Event> pruned = events("Pruned");
        assertThat(pruned).hasSize(1);
        assertThat(pruned.get(0).getInvolvedObject().getName()).isEqualTo("b");
        assertThat(pruned.get(0).getMessage()).contains("ConfigMap/default/b", "no longer declared");
        assertThat(events("InSync")).hasSize(2);
    }

    @Test
    void aFailedSecretApplyIsAWarningWithoutItsValueAndRepeatsCountIntoOneEvent() throws IOException {
        // given a Secret in a namespace that does not exist
        Files.writeString(folder.resolve("secret.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n"
                + "  namespace: nope\nstringData:\n  password: " + SECRET_VALUE + "\n");

        // when it fails three times, twice within the rate limit window
        Outcome first = engine.reconcile().outcome();
        engine.reconcile();
        List<Event> withinWindow = events("ApplyFailed");
        clock.advance(Duration.ofMinutes(6));
        engine.reconcile();

        // then
        assertThat(first).isEqualTo(Outcome.FAILED);
        assertThat(withinWindow).hasSize(1);
        assertThat(withinWindow.get(0).getCount()).isEqualTo(1);
        List<Event> failed = events("ApplyFailed");
        assertThat(failed).hasSize(1);
        Event event = failed.get(0);
        assertThat(event.getCount()).isEqualTo(3);
        assertThat(event.getType()).isEqualTo("Warning");
        assertThat(event.getInvolvedObject().getName()).isEqualTo(INVENTORY);
        assertThat(event.getMessage()).contains("Secret/nope/db").doesNotContain(SECRET_VALUE)
                .doesNotContain(Base64.getEncoder().encodeToString(SECRET_VALUE.getBytes(StandardCharsets.UTF_8)));
        assertThat(event.getLastTimestamp()).isNotEqualTo(event.getFirstTimestamp());
    }

    @Test
    void driftFoundByTheControllerIsAWarningOnTheObjectNamingThePathAndNoStepEventsComeFromItsDryRun()
            throws IOException {
        // given an application without self-heal, applied once
        configMap("a");
        ManualScheduler scheduler = new ManualScheduler(clock);
        try (GitOpsController controller = GitOpsController.builder().clock(clock).scheduler(scheduler)
                .sleeper(clock).executor(Runnable::run).listener(events).reconcileListener(events).build()) {
            controller.add(Application.builder().name("shop").source(DirectorySource.of(folder)).target(target)
                    .interval(Duration.ofMinutes(1)).intervalJitter(0).selfHeal(false).build());

            // when someone edits it and the next run checks for drift
            cluster.client().configMaps().inNamespace("default").withName("a").edit(cm -> {
                cm.getData().put("v", "edited");
                return cm;
            });
            scheduler.advance(Duration.ofMinutes(1));
        }

        // then
        List<Event> drift = events("DriftDetected");
        assertThat(drift).hasSize(1);
        assertThat(drift.get(0).getType()).isEqualTo("Warning");
        assertThat(drift.get(0).getInvolvedObject().getName()).isEqualTo("a");
        assertThat(drift.get(0).getMessage()).contains("/data/v", "self-heal is off").doesNotContain("edited");
        assertThat(events("Applied")).hasSize(1);
    }
}
