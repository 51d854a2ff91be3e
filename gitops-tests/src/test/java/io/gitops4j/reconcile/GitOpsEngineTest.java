package io.gitops4j.reconcile;

import static io.gitops4j.reconcile.TestObjects.configMap;
import static io.gitops4j.reconcile.TestObjects.key;
import static io.gitops4j.reconcile.TestObjects.resource;
import static io.gitops4j.reconcile.TestObjects.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import io.gitops4j.diff.ChangeType;
import io.gitops4j.health.Health;
import io.gitops4j.inventory.Inventory;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import io.gitops4j.plan.Plan;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.reconcile.StepResult.Status;
import io.gitops4j.testkit.InMemorySource;
import io.gitops4j.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GitOpsEngineTest {
    private final RecordingTarget target = new RecordingTarget();
    private final InMemorySource source = InMemorySource.of(state("r1"));
    private final ManualClock clock = ManualClock.create();
    private final List<String> events = new ArrayList<>();

    private GitOpsEngine engine() {
        return engine(new ReconcileListener() {
            @Override
            public void started(String application, ReconcileOptions options) {
                events.add("started");
            }

            @Override
            public void loaded(String application, Revision revision, int resources) {
                events.add("loaded " + revision.id());
            }

            @Override
            public void planned(String application, Plan plan) {
                events.add("planned");
            }

            @Override
            public void stepApplied(String application, StepResult step) {
                events.add("applied " + step.key());
            }

            @Override
            public void stepFailed(String application, StepResult step) {
                events.add("failed " + step.key());
            }

            @Override
            public void pruned(String application, StepResult step) {
                events.add("pruned " + step.key());
            }

            @Override
            public void finished(ReconcileResult result) {
                events.add("finished " + result.outcome());
            }
        });
    }

    private GitOpsEngine engine(ReconcileListener listener) {
        return GitOpsEngine.builder().application("shop").source(source).target(target)
                .differ(new EqualityDiffer()).listener(listener).clock(clock).sleeper(clock).build();
    }

    @Test
    void appliesInPlanOrderStampsTrackingIdsAndRecordsTheInventory() {
        // given
        Revision r1 = source.commit(state("r1", configMap("b"), resource("v1", "Namespace", "", "shop", Map.of()),
                configMap("a")));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(result.revision().map(Revision::id)).contains("r1");
        assertThat(result.steps()).extracting(StepResult::key).extracting(ResourceKey::toString)
                .containsExactly("Namespace/shop", "ConfigMap/shop/a", "ConfigMap/shop/b");
        assertThat(result.steps()).allMatch(s -> s.status() == Status.APPLIED && s.action() == ChangeType.CREATE);
        assertThat(target.objects().get(key("ConfigMap/shop/a")).annotation(WellKnownMetadata.TRACKING_ID))
                .contains("shop:/ConfigMap:shop/a");
        assertThat(target.inventory.load("shop")).contains(Inventory.of("shop", r1,
                List.of(key("Namespace/shop"), key("ConfigMap/shop/a"), key("ConfigMap/shop/b"))));
        assertThat(result.health()).hasSize(3);
        assertThat(events).containsExactly("started", "loaded r1", "planned", "applied Namespace/shop",
                "applied ConfigMap/shop/a", "applied ConfigMap/shop/b", "finished APPLIED");
    }

    @Test
    void aSecondRunPlansNothingAndConverges() {
        // given
        source.commit(state("r1", configMap("a"), configMap("b")));
        GitOpsEngine engine = engine();
        engine.reconcile();
        target.calls.clear();

        // when
        ReconcileResult second = engine.reconcile();

        // then
        assertThat(second.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(second.plan().hasChanges()).isFalse();
        assertThat(second.steps()).isEmpty();
        assertThat(target.calls).containsExactly("observe");
    }

    @Test
    void defaultsTheNamespaceThroughTheTarget() {
        // given
        source.commit(state("r1", resource("v1", "ConfigMap", "", "plain", Map.of())));

        // when
        engine().reconcile();

        // then
        assertThat(target.objects()).containsOnlyKeys(key("ConfigMap/default/plain"));
        assertThat(target.objects().get(key("ConfigMap/default/plain")).annotation(WellKnownMetadata.TRACKING_ID))
                .contains("shop:/ConfigMap:default/plain");
    }

    @Test
    void prunesOnlyWhatTheInventoryOwnsInReverseOrder() {
        // given three owned objects and one foreign object in the same namespace
        source.commit(state("r1", configMap("keep"), configMap("old1"), configMap("old2"), configMap("old3")));
        engine().reconcile();
        target.put(configMap("foreign"));
        source.commit(state("r2", configMap("keep"), configMap("old3")));
        target.calls.clear();

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(target.calls).containsExactly("observe", "observe", "delete ConfigMap/shop/old2", "observe",
                "delete ConfigMap/shop/old1");
        assertThat(target.objects()).containsOnlyKeys(key("ConfigMap/shop/keep"), key("ConfigMap/shop/old3"),
                key("ConfigMap/shop/foreign"));
        assertThat(target.inventory.load("shop").orElseThrow().keys())
                .containsExactly(key("ConfigMap/shop/keep"), key("ConfigMap/shop/old3"));
        assertThat(events).contains("pruned ConfigMap/shop/old2", "pruned ConfigMap/shop/old1");
    }

    @Test
    void neverAppliesOrPrunesAfterAFailedLoad() {
        // given
        source.commit(state("r1", configMap("a"), configMap("b")));
        engine().reconcile();
        source.failLoads("repository unreachable; check the URL and credentials");
        target.calls.clear();

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.revision()).isEmpty();
        assertThat(result.error()).hasValueSatisfying(e -> assertThat(e)
                .startsWith("cannot load the desired state from in-memory: ").contains("repository unreachable"));
        assertThat(result.plan().steps()).isEmpty();
        assertThat(target.calls).isEmpty();
        assertThat(target.objects()).hasSize(2);
        assertThat(events).endsWith("started", "finished FAILED");
    }

    @Test
    void stopsBeforeTheNextWaveAndDoesNotPruneAfterAFailedApply() {
        // given
        source.commit(state("r1", configMap("old")));
        engine().reconcile();
        source.commit(state("r2",
                resource("v1", "ConfigMap", "shop", "w0-bad", Map.of()),
                resource("v1", "ConfigMap", "shop", "w0-good", Map.of()),
                resource("v1", "ConfigMap", "shop", "w1", Map.of("gitops4j.io/wave", "1"))));
        target.cluster.failAppliesTo(key("ConfigMap/shop/w0-bad"));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.steps()).extracting(s -> s.key().name() + " " + s.status()).containsExactly(
                "w0-bad FAILED", "w0-good APPLIED", "w1 SKIPPED", "old SKIPPED");
        assertThat(result.failedSteps()).singleElement().satisfies(s -> assertThat(s.message())
                .isEqualTo("ConfigMap/shop/w0-bad: injected apply failure for this resource"));
        assertThat(result.step(key("ConfigMap/shop/old")).orElseThrow().message())
                .contains("an earlier step of this run failed");
        assertThat(target.objects()).containsKey(key("ConfigMap/shop/old"));
        assertThat(target.inventory.load("shop").orElseThrow().keys())
                .containsExactly(key("ConfigMap/shop/old"), key("ConfigMap/shop/w0-good"));
        assertThat(target.inventory.load("shop").orElseThrow().revision().map(Revision::id)).contains("r1");
    }

    @Test
    void refusesToPruneMoreThanTheLimitUnlessOverridden() {
        // given
        Resource[] ten = IntStream.range(0, 10).mapToObj(i -> configMap("c" + i)).toArray(Resource[]::new);
        source.commit(state("r1", ten));
        engine().reconcile();
        source.commit(state("r2", ten[0], ten[1]));

        // when
        ReconcileResult refused = engine().reconcile();

        // then
        String reason = "refusing to delete 8 of 10 owned resources (limit 50%); pass allowLargePrune() to proceed";
        assertThat(refused.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(refused.error()).contains(reason);
        assertThat(refused.steps()).hasSize(8)
                .allMatch(s -> s.status() == Status.SKIPPED && s.message().equals(reason));
        assertThat(target.objects()).hasSize(10);

        // when overridden
        ReconcileResult allowed = engine().reconcile(ReconcileOptions.builder().allowLargePrune().build());

        // then
        assertThat(allowed.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(target.objects()).hasSize(2);
    }

    @Test
    void allowEmptyAloneLetsAnEmptyDesiredStatePruneEverythingItOwns() {
        // given
        source.commit(state("r1", configMap("a"), configMap("b"), configMap("c")));
        engine().reconcile();
        source.commit(state("r2"));

        // when
        ReconcileResult result = engine().reconcile(ReconcileOptions.builder().allowEmpty().build());

        // then
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.APPLIED);
        assertThat(target.objects()).isEmpty();
        assertThat(target.inventory.load("shop").orElseThrow().keys()).isEmpty();
    }

    @Test
    void refusesAnEmptyDesiredStateWhileOwningResourcesUnlessAllowed() {
        // given
        source.commit(state("r1", configMap("a")));
        engine().reconcile();
        source.commit(state("r2"));

        // when
        ReconcileResult refused = engine().reconcile(ReconcileOptions.builder().allowLargePrune().build());

        // then
        assertThat(refused.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(refused.error()).hasValueSatisfying(e -> assertThat(e)
                .contains("refusing to reconcile an empty desired state").contains("allowEmpty()"));
        assertThat(refused.steps()).isEmpty();
        assertThat(target.objects()).hasSize(1);

        // when allowed
        ReconcileResult allowed = engine().reconcile(
                ReconcileOptions.builder().allowEmpty().allowLargePrune().build());

        // then
        assertThat(allowed.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(target.objects()).isEmpty();
    }

    @Test
    void keepsObjectsWhosePruneIsDisabledAndReleasesThem() {
        // given
        Resource kept = resource("v1", "ConfigMap", "shop", "kept", Map.of(WellKnownMetadata.PRUNE, "disabled"));
        source.commit(state("r1", configMap("a"), configMap("b"), kept));
        engine().reconcile();
        source.commit(state("r2", configMap("a"), configMap("b")));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(result.step(kept.key()).orElseThrow().message()).contains("gitops4j.io/prune=disabled")
                .endsWith("released from the inventory");
        assertThat(target.objects()).containsKey(kept.key());
        assertThat(target.inventory.load("shop").orElseThrow().contains(kept.key())).isFalse();
    }

    @Test
    void neverDeletesAnObjectTrackedByAnotherApplication() {
        // given
        source.commit(state("r1", configMap("a"), configMap("b"), configMap("c")));
        engine().reconcile();
        target.put(resource("v1", "ConfigMap", "shop", "c", Map.of(WellKnownMetadata.TRACKING_ID, "blog:/ConfigMap:shop/c")));
        source.commit(state("r2", configMap("a"), configMap("b")));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.step(key("ConfigMap/shop/c")).orElseThrow().status()).isEqualTo(Status.SKIPPED);
        assertThat(target.objects()).containsKey(key("ConfigMap/shop/c"));
    }

    @Test
    void keepsOwnedObjectsWhenPruneIsOff() {
        // given
        source.commit(state("r1", configMap("a"), configMap("b"), configMap("c")));
        engine().reconcile();
        source.commit(state("r2", configMap("a"), configMap("b")));

        // when
        ReconcileResult result = engine().reconcile(ReconcileOptions.builder().prune(false).build());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(result.steps()).singleElement().satisfies(s -> assertThat(s.message()).contains("prune is off"));
        assertThat(target.objects()).hasSize(3);
        assertThat(target.inventory.load("shop").orElseThrow().size()).isEqualTo(3);
    }

    @Test
    void dryRunValidatesThroughTheTargetAndRecordsNothing() {
        // given
        source.commit(state("r1", configMap("a")));
        engine().reconcile();
        source.commit(state("r2", configMap("b")));
        Inventory before = target.inventory.load("shop").orElseThrow();

        // when
        ReconcileResult result = engine().reconcile(ReconcileOptions.builder().dryRun(true).allowLargePrune().build());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(target.calls).endsWith("apply ConfigMap/shop/b dry", "observe", "delete ConfigMap/shop/a dry");
        assertThat(target.objects()).containsOnlyKeys(key("ConfigMap/shop/a"));
        assertThat(target.inventory.load("shop")).contains(before);
        assertThat(result.steps()).allMatch(s -> s.message().equals("dry run"));
    }

    @Test
    void forceReappliesInSyncResources() {
        // given
        source.commit(state("r1", configMap("a")));
        engine().reconcile();
        target.calls.clear();

        // when
        ReconcileResult result = engine().reconcile(ReconcileOptions.builder().force(true).build());

        // then
        assertThat(target.calls).containsExactly("observe", "apply ConfigMap/shop/a force");
        assertThat(result.steps()).singleElement().satisfies(s -> {
            assertThat(s.action()).isEqualTo(ChangeType.NONE);
            assertThat(s.status()).isEqualTo(Status.UNCHANGED);
        });
        assertThat(result.outcome()).isEqualTo(Outcome.CONVERGED);
    }

    @Test
    void loadsAnExactRevisionForRollback() {
        // given
        Revision wanted = Revision.of("0123456789abcdef");

        // when
        engine().reconcile(ReconcileOptions.builder().revision(wanted).build());

        // then
        assertThat(source.requestedRevisions()).containsExactly(wanted);
    }

    @Test
    void failsAnUnknownKindButAppliesTheRestAndDoesNotPrune() {
        // given
        source.commit(state("r1", configMap("a"), configMap("old")));
        engine().reconcile();
        target.unknownKinds.add("Widget");
        source.commit(state("r2", configMap("a"), configMap("b"), resource("example.org/v1", "Widget", "shop", "w",
                Map.of())));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.step(key("example.org/Widget/shop/w")).orElseThrow().message())
                .contains("unknown kind Widget");
        assertThat(target.objects()).containsKeys(key("ConfigMap/shop/b"), key("ConfigMap/shop/old"));
    }

    @Test
    void reportsAnInvalidWaveAsARunFailureNamingTheResource() {
        // given
        source.commit(state("r1", resource("v1", "ConfigMap", "shop", "a", Map.of("gitops4j.io/wave", "x"))));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("ConfigMap/shop/a")
                .contains("gitops4j.io/wave='x'"));
        assertThat(target.objects()).isEmpty();
    }

    @Test
    void waitsForHealthOnTheInjectedClockAndReportsWhatIsUnhealthy() {
        // given a resource that becomes healthy after three polls, and one that never does
        source.commit(state("r1", configMap("slow"), configMap("stuck")));
        int[] polls = {0};
        target.health = live -> {
            if (live.key().name().equals("stuck")) {
                return Health.progressing("0 of 1 replicas available");
            }
            return ++polls[0] > 3 ? Health.healthy() : Health.progressing("starting");
        };
        GitOpsEngine engine = GitOpsEngine.builder().application("shop").source(source).target(target)
                .differ(new EqualityDiffer()).clock(clock).sleeper(clock)
                .healthPollInterval(Duration.ofSeconds(5)).build();

        // when
        ReconcileResult result = engine.reconcile(ReconcileOptions.builder()
                .healthTimeout(Duration.ofSeconds(30)).build());

        // then
        assertThat(result.healthy()).isFalse();
        assertThat(result.health().get(key("ConfigMap/shop/slow"))).isEqualTo(Health.healthy());
        assertThat(result.health().get(key("ConfigMap/shop/stuck")).message()).isEqualTo("0 of 1 replicas available");
        assertThat(clock.sleeps()).isEqualTo(6);
        assertThat(result.duration()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void survivesAListenerThatThrows() {
        // given
        source.commit(state("r1", configMap("a")));
        GitOpsEngine engine = engine(new ReconcileListener() {
            @Override
            public void stepApplied(String application, StepResult step) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void finished(ReconcileResult result) {
                throw new IllegalStateException("listener bug");
            }
        });

        // when
        ReconcileResult result = engine.reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(target.objects()).hasSize(1);
    }

    @Test
    void forgetsOwnedKeysThatNoLongerExistAnywhere() {
        // given an owned object someone else deleted, no longer declared
        source.commit(state("r1", configMap("a"), configMap("b"), configMap("c")));
        engine().reconcile();
        target.remove(key("ConfigMap/shop/c"));
        source.commit(state("r2", configMap("a"), configMap("b")));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(target.inventory.load("shop").orElseThrow().keys())
                .containsExactly(key("ConfigMap/shop/a"), key("ConfigMap/shop/b"));
    }

    @Test
    void rejectsAnIncompleteBuilderAndBadOptions() {
        assertThatThrownBy(() -> GitOpsEngine.builder().application("shop").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing: source target");
        assertThatThrownBy(() -> GitOpsEngine.builder().application("a:b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReconcileOptions.builder().pruneLimit(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine().reconcile(null)).isInstanceOf(NullPointerException.class);
    }
}
