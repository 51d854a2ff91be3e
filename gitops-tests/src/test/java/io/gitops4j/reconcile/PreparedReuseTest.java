package io.gitops4j.reconcile;

import static io.gitops4j.reconcile.TestObjects.configMap;
import static io.gitops4j.reconcile.TestObjects.key;
import static io.gitops4j.reconcile.TestObjects.resource;
import static io.gitops4j.reconcile.TestObjects.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.diff.CachingStateDiffer;
import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.diff.StateDiff;
import io.gitops4j.diff.StateDiffer;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.testkit.InMemorySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An engine reuses what its last run prepared from the very same source objects, and only where that still holds. */
class PreparedReuseTest {
    private final RecordingTarget target = new RecordingTarget();
    private final InMemorySource source = InMemorySource.of(state("r1"));
    private final RecordingDiffer differ = new RecordingDiffer();
    private final GitOpsEngine engine = GitOpsEngine.builder().application("shop").source(source).target(target)
            .differ(differ).build();

    @Test
    void aSecondRunOverTheSameLoadedStateDiffsTheSamePreparedState() {
        source.commit(state("r1", configMap("a"), resource("v1", "ConfigMap", "", "b", Map.of())));
        engine.reconcile();

        ReconcileResult second = engine.reconcile();

        assertThat(second.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(differ.seen).hasSize(2);
        assertThat(differ.seen.get(1)).isSameAs(differ.seen.get(0));
        assertThat(differ.seen.get(1).resources().get(key("ConfigMap/shop/a")).annotation(WellKnownMetadata.TRACKING_ID))
                .hasValue("shop:/ConfigMap:shop/a");
    }

    @Test
    void aNewRevisionReusesThePreparedObjectsOfUnchangedResourcesOnly() {
        Resource a = configMap("a");
        source.commit(state("r1", a, configMap("b")));
        engine.reconcile();

        source.commit(state("r2", a, configMap("b", Map.of("note", "changed"))));
        ReconcileResult second = engine.reconcile();

        DesiredState before = differ.seen.get(0);
        DesiredState after = differ.seen.get(1);
        assertThat(after.resources().get(key("ConfigMap/shop/a"))).isSameAs(before.resources().get(key("ConfigMap/shop/a")));
        assertThat(after.resources().get(key("ConfigMap/shop/b")).annotation("note")).hasValue("changed");
        assertThat(second.plan().applies()).extracting(step -> step.key().toString())
                .containsExactly("ConfigMap/shop/b");
    }

    @Test
    void aKeyThatNowResolvesToAnotherNamespaceIsPreparedAgain() {
        source.commit(state("r1", resource("v1", "ConfigMap", "", "b", Map.of())));
        engine.reconcile();
        target.defaultNamespace = "other";

        ReconcileResult second = engine.reconcile(ReconcileOptions.builder().allowLargePrune().build());

        assertThat(differ.seen.get(1).keys()).containsExactly(key("ConfigMap/other/b"));
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

    /** Records the desired state of every diff, and diffs with the engine's default differ. */
    private static final class RecordingDiffer implements StateDiffer {
        final List<DesiredState> seen = new ArrayList<>();
        private final StateDiffer delegate = CachingStateDiffer.wrap(DefaultStateDiffer.defaults());

        @Override
        public StateDiff diff(DesiredState desired, LiveState live) {
            seen.add(desired);
            return delegate.diff(desired, live);
        }

        @Override
        public ResourceDiff diff(ResourceKey key, Resource desired, LiveResource live) {
            return delegate.diff(key, desired, live);
        }
    }
}
