package io.gitops4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyResult;
import io.gitops4j.target.Target;
import io.gitops4j.testkit.gen.ResourceGenerator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A process that dies in the middle of applying: the next run still owns, and can prune, what it applied. */
class CrashMidApplyTest {
    private static final String TRACKING_ID = "gitops4j.io/tracking-id";

    private final InMemoryTarget memory = InMemoryTarget.create();
    private final DesiredState hundred = DesiredState.of("r1", new ResourceGenerator(3).resources(100));

    @Test
    void aCrashMidApplyLeavesEveryDesiredKeyInTheInventory() {
        // given a target that dies at the 50th apply
        Target crashing = new CrashingTarget(memory, 50);

        // when
        assertThatThrownBy(() -> engine(crashing, hundred).reconcile()).isInstanceOf(SimulatedCrash.class);

        // then 49 objects are live and the inventory already records all 100 as intended
        assertThat(trackedLiveObjects()).hasSize(49);
        assertThat(memory.inventoryStore().load("shop").orElseThrow().keys())
                .containsAll(keysOf(memory, hundred));
    }

    @Test
    void aRunAfterACrashPrunesEveryObjectTheCrashedRunApplied() {
        // given a crash at the 50th apply, then a source that declares none of the objects any more
        assertThatThrownBy(() -> engine(new CrashingTarget(memory, 50), hundred).reconcile())
                .isInstanceOf(SimulatedCrash.class);
        DesiredState empty = DesiredState.of("r2", List.of());

        // when a fresh engine on the same target and inventory reconciles
        ReconcileResult result = engine(memory, empty).reconcile(ReconcileOptions.builder().allowEmpty().build());

        // then nothing tracked by the application is left
        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(trackedLiveObjects()).isEmpty();
        assertThat(memory.inventoryStore().load("shop").orElseThrow().keys()).isEmpty();
    }

    @Test
    void aFailedApplyMidRunLeavesNoOrphanOnceTheObjectsAreUndeclared() {
        // given the 50th apply fails (the run goes on within its wave and fails)
        memory.failNthApply(50);
        ReconcileResult failed = engine(memory, hundred).reconcile();
        assertThat(failed.succeeded()).isFalse();
        memory.clearFaults();

        // when the objects are undeclared
        ReconcileResult result = engine(memory, DesiredState.of("r2", List.of()))
                .reconcile(ReconcileOptions.builder().allowEmpty().allowLargePrune().build());

        // then
        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(trackedLiveObjects()).isEmpty();
    }

    private static GitOpsEngine engine(Target target, DesiredState state) {
        return GitOpsEngine.builder().application("shop").source(InMemorySource.of(state)).target(target).build();
    }

    private List<ResourceKey> trackedLiveObjects() {
        return memory.contents().values().stream().filter(r -> r.annotation(TRACKING_ID).isPresent())
                .map(Resource::key).toList();
    }

    private static Set<ResourceKey> keysOf(Target target, DesiredState state) {
        Set<ResourceKey> keys = new TreeSet<>();
        state.keys().forEach(key -> keys.add(target.resolve(key)));
        return keys;
    }

    /** Stands for the process being killed: an error no engine code catches. */
    private static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(int call) {
            super("simulated crash at apply call " + call);
        }
    }

    /** Delegates to an in-memory target and dies at the n-th apply. */
    private static final class CrashingTarget extends ForwardingTarget {
        private final int crashAt;
        private int applies;

        CrashingTarget(InMemoryTarget delegate, int crashAt) {
            super(delegate);
            this.crashAt = crashAt;
        }

        @Override
        public ApplyResult apply(Resource resource, ApplyOptions options) {
            if (++applies == crashAt) {
                throw new SimulatedCrash(applies);
            }
            return super.apply(resource, options);
        }
    }
}
