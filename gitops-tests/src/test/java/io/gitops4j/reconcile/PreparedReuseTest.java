package io.gitops4j.reconcile;

import static io.gitops4j.reconcile.TestObjects.configMap;
import static io.gitops4j.reconcile.TestObjects.key;
import static io.gitops4j.reconcile.TestObjects.resource;
import static io.gitops4j.reconcile.TestObjects.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.diff.StateDiffer;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.testkit.InMemorySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** An engine reuses what its last run prepared from the very same source objects, and only where that still holds. */
class PreparedReuseTest {
    private final RecordingTarget target = new RecordingTarget();
    private final InMemorySource source = InMemorySource.of(state("r1"));
    private final RecordingDiffer differ = new RecordingDiffer();
    private final GitOpsEngine engine = GitOpsEngine.builder().application("shop").source(source).target(target)
            .differ(differ).build();

    @Test
    void aSecondRunOverTheSameLoadedStateDiffsTheSamePreparedObjects() {
        source.commit(state("r1", configMap("a"), resource("v1", "ConfigMap", "", "b", Map.of())));
        reconcile();

        ReconcileResult second = reconcile();

        assertThat(second.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(differ.runs).hasSize(2);
        assertThat(differ.runs.get(1).keySet()).isEqualTo(differ.runs.get(0).keySet());
        differ.runs.get(1).forEach((key, prepared) -> assertThat(prepared).isSameAs(differ.runs.get(0).get(key)));
        assertThat(differ.runs.get(1).get(key("ConfigMap/shop/a")).annotation(WellKnownMetadata.TRACKING_ID))
                .hasValue("shop:/ConfigMap:shop/a");
    }

    @Test
    void aNewRevisionReusesThePreparedObjectsOfUnchangedResourcesOnly() {
        Resource a = configMap("a");
        source.commit(state("r1", a, configMap("b")));
        reconcile();

        source.commit(state("r2", a, configMap("b", Map.of("note", "changed"))));
        ReconcileResult second = reconcile();

        Map<ResourceKey, Resource> before = differ.runs.get(0);
        Map<ResourceKey, Resource> after = differ.runs.get(1);
        assertThat(after.get(key("ConfigMap/shop/a"))).isSameAs(before.get(key("ConfigMap/shop/a")));
        assertThat(after.get(key("ConfigMap/shop/b")).annotation("note")).hasValue("changed");
        assertThat(second.plan().applies()).extracting(step -> step.key().toString())
                .containsExactly("ConfigMap/shop/b");
    }

    @Test
    void aKeyThatNowResolvesToAnotherNamespaceIsPreparedAgain() {
        source.commit(state("r1", resource("v1", "ConfigMap", "", "b", Map.of())));
        reconcile();
        target.defaultNamespace = "other";

        differ.startRun();
        ReconcileResult second = engine.reconcile(ReconcileOptions.builder().allowLargePrune().build());

        assertThat(differ.runs.get(1).keySet()).containsExactly(key("ConfigMap/other/b"));
        assertThat(target.objects()).containsKey(key("ConfigMap/other/b"));
        assertThat(second.plan().deletes()).extracting(step -> step.key().toString())
                .containsExactly("ConfigMap/default/b");
    }

    @Test
    void aKindThatBecameKnownIsPreparedOnTheNextRun() {
        source.commit(state("r1", configMap("a"), resource("example.org/v1", "Widget", "shop", "w", Map.of())));
        target.unknownKinds.add("Widget");
        ReconcileResult first = engine.reconcile();
        target.unknownKinds.clear();

        ReconcileResult second = engine.reconcile();

        assertThat(first.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(second.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(target.objects()).containsKey(key("example.org/Widget/shop/w"));
    }

    @Test
    void aKindThatCannotBeResolvedAnyMoreFailsItsStepInsteadOfReusingTheLastPreparation() {
        source.commit(state("r1", configMap("a"), resource("example.org/v1", "Widget", "shop", "w", Map.of())));
        engine.reconcile();
        target.unknownKinds.add("Widget");

        ReconcileResult second = engine.reconcile();

        assertThat(second.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(second.steps()).anySatisfy(step -> {
            assertThat(step.key()).isEqualTo(key("example.org/Widget/shop/w"));
            assertThat(step.message()).contains("unknown kind Widget");
        });
        assertThat(target.objects()).containsKey(key("example.org/Widget/shop/w"));
        assertThat(second.plan().deletes()).as("still declared: never planned for deletion").isEmpty();
        assertThat(second.steps()).noneSatisfy(step -> assertThat(step.status()).isEqualTo(StepResult.Status.DELETED));
    }

    private ReconcileResult reconcile() {
        differ.startRun();
        return engine.reconcile();
    }

    /** Records, per run, the desired object of every resource diffed, and diffs with the default differ. */
    private static final class RecordingDiffer implements StateDiffer {
        final List<Map<ResourceKey, Resource>> runs = new ArrayList<>();

        void startRun() {
            runs.add(new TreeMap<>());
        }

        @Override
        public io.gitops4j.diff.StateDiff diff(io.gitops4j.model.DesiredState desired,
                io.gitops4j.model.LiveState live) {
            return DefaultStateDiffer.defaults().diff(desired, live);
        }

        @Override
        public ResourceDiff diff(ResourceKey key, Resource desired, LiveResource live) {
            if (desired != null && !runs.isEmpty()) {
                runs.get(runs.size() - 1).put(key, desired);
            }
            return DefaultStateDiffer.defaults().diff(key, desired, live);
        }
    }
}
