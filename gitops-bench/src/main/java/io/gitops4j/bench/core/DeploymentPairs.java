package io.gitops4j.bench.core;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.gen.ResourceGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * N Deployments (about 1.5 KB each, over 50 namespaces) applied to an in-memory target and observed back, so live
 * objects carry uid, resourceVersion, generation, status and last-applied state; plus desired states in which 1%
 * of them changed, in two different ways (so alternating between them changes the same 1% each time).
 */
final class DeploymentPairs {
    final List<Resource> applied;
    final DesiredState unchanged;
    final DesiredState changedA;
    final DesiredState changedB;
    final LiveState live;
    final List<Integer> changedIndexes = new ArrayList<>();

    private DeploymentPairs(int size) {
        ResourceGenerator generator = new ResourceGenerator(42);
        applied = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            applied.add(generator.deployment("ns-" + (i % 50), "app-" + i));
        }
        InMemoryTarget target = InMemoryTarget.create();
        applied.forEach(resource -> target.apply(resource, ApplyOptions.DEFAULT));
        live = target.observe(target.contents().keySet());
        List<Resource> nextA = new ArrayList<>(applied);
        List<Resource> nextB = new ArrayList<>(applied);
        for (int i = 0; i < size; i += 100) {
            changedIndexes.add(i);
            nextA.set(i, generator.changed(applied.get(i)));
            nextB.set(i, generator.changed(nextA.get(i)));
        }
        unchanged = DesiredState.of("r0", applied);
        changedA = DesiredState.of("rA", nextA);
        changedB = DesiredState.of("rB", nextB);
    }

    /**
     * Builds the pairs.
     *
     * @param size how many Deployments
     * @return the fixture
     */
    static DeploymentPairs of(int size) {
        return new DeploymentPairs(size);
    }

    /**
     * Returns the live object of a desired resource.
     *
     * @param desired the desired resource
     * @return its live object
     */
    LiveResource liveOf(Resource desired) {
        return live.resources().get(desired.key());
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
