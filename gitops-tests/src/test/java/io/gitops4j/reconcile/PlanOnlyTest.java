package io.gitops4j.reconcile;

import io.gitops4j.kinds.WellKnownMetadata;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.plan.PlanStep;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.testkit.InMemorySource;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanOnlyTest {
    private final RecordingTarget target = new RecordingTarget();
    private final InMemorySource source = InMemorySource.of(DesiredState.of("r1", List.of(configMap("a", "1"))));

    private static Resource configMap(String name, String value) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "v1").put("kind", "ConfigMap");
        body.putObject("metadata").put("name", name).put("namespace", "shop");
        body.putObject("data").put("value", value);
        return Resource.of(body);
    }

    private GitOpsEngine engine() {
        return GitOpsEngine.builder().application("shop").source(source).target(target)
                .differ(new EqualityDiffer()).build();
    }

    @Test
    void plansWhatAReconcileWouldDoWithoutWritingToTheTarget() {
        // given a first deployment that nothing has applied yet
        // when
        ReconcileResult planned = engine().plan();

        // then
        assertThat(planned.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(planned.plan().applies()).extracting(PlanStep::key).containsExactly(configMap("a", "1").key());
        assertThat(target.calls).containsExactly("observe");
        assertThat(target.objects()).isEmpty();
        assertThat(target.inventory.load("shop")).isEmpty();
    }

    @Test
    void aPlanOfAConvergedSystemIsConvergedAndPlansTheSameAsTheRunWould() {
        // given
        engine().reconcile();
        source.commit(DesiredState.of("r2", List.of(configMap("a", "2"))));
        target.calls.clear();

        // when
        ReconcileResult planned = engine().plan();
        ReconcileResult applied = engine().reconcile();

        // then
        assertThat(planned.plan().toText()).isEqualTo(applied.plan().toText());
        assertThat(target.calls.get(0)).isEqualTo("observe");
        assertThat(target.calls).filteredOn(c -> c.startsWith("apply")).hasSize(1);
        assertThat(engine().plan().outcome()).isEqualTo(Outcome.CONVERGED);
    }

    @Test
    void aPlanReportsWhatTheApplyWouldRefuseAndWritesNothing() {
        // given a live object another application owns
        Resource foreign = configMap("a", "0");
        ObjectNode body = foreign.body();
        ((ObjectNode) body.path("metadata")).putObject("annotations")
                .put(WellKnownMetadata.TRACKING_ID, "blog:/ConfigMap:shop/a");
        target.put(Resource.of(body));
        target.calls.clear();

        // when
        ReconcileResult planned = engine().plan();
        ReconcileResult applied = engine().reconcile();

        // then the plan fails on the step the apply fails on, with the same message
        assertThat(planned.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(planned.failedSteps()).extracting(StepResult::message)
                .isEqualTo(applied.failedSteps().stream().map(StepResult::message).toList())
                .singleElement().asString().contains("owned by application blog");
        assertThat(target.calls).filteredOn(c -> c.startsWith("apply")).isEmpty();
    }
}
