package io.gitops4j.reconcile;

import io.gitops4j.diff.StateDiff;
import io.gitops4j.kinds.BuiltinKinds;
import io.gitops4j.kinds.KindRole;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.plan.Plan;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Staged apply for one commit that adds a CustomResourceDefinition and objects of its kind: the objects cannot be
 * resolved by the target until the CRD is served, so the CRDs (and Namespaces) of the desired state are applied
 * first (the kinds {@link BuiltinKinds} says are {@link KindRole#appliedFirst() applied first}), and the caller
 * resolves everything again. The target's {@code resolve} waits (bounded) for the CRD to be
 * established. Not thread-safe; one per run.
 */
final class CrdStage {
    private CrdStage() {
    }

    /** Returns the {@code group/kind}s that CRDs declared in a desired state define. */
    static Set<String> declaredKinds(DesiredState desired) {
        Set<String> kinds = new HashSet<>();
        for (Resource resource : desired.resources().values()) {
            if (isCrd(resource.key())) {
                String group = resource.tree().at("/spec/group").asText("");
                String kind = resource.tree().at("/spec/names/kind").asText("");
                if (!kind.isEmpty()) {
                    kinds.add(group + "/" + kind);
                }
            }
        }
        return kinds;
    }

    /** Tells whether a failed preparation is of a kind whose CRD the same desired state declares. */
    static boolean waitsForDeclaredCrd(StepResult failure, Set<String> declaredKinds) {
        return declaredKinds.contains(failure.key().group() + "/" + failure.key().kind());
    }

    /** Applies the CRDs and Namespaces of a prepared state that are not in sync; records the steps. */
    static void applyFirst(EngineContext context, DesiredState prepared, StepRunner runner) {
        List<Resource> first = prepared.resources().values().stream()
                .filter(r -> BuiltinKinds.roleOf(r.key().group(), r.key().kind()).appliedFirst())
                .toList();
        DesiredState stage = DesiredState.of(prepared.revision(), first);
        LiveState live = context.target().observe(stage.keys());
        StateDiff diff = context.differ().diff(stage, live);
        Plan plan = context.planner().plan(diff);
        runner.apply(plan.applies());
    }

    private static boolean isCrd(ResourceKey key) {
        return BuiltinKinds.roleOf(key.group(), key.kind()) == KindRole.DEFINITION;
    }
}
