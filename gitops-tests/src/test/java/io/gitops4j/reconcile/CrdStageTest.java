package io.gitops4j.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.reconcile.StepResult.Status;
import io.gitops4j.testkit.InMemorySource;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrdStageTest {
    private final RecordingTarget target = new RecordingTarget();
    private final InMemorySource source = InMemorySource.of(DesiredState.of("r1", List.of(crd(), cronTab())));

    private static Resource crd() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "apiextensions.k8s.io/v1").put("kind", "CustomResourceDefinition");
        body.putObject("metadata").put("name", "crontabs.stable.example.com");
        ObjectNode spec = body.putObject("spec").put("group", "stable.example.com").put("scope", "Namespaced");
        spec.putObject("names").put("kind", "CronTab").put("plural", "crontabs");
        return Resource.of(body);
    }

    private static Resource cronTab() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "stable.example.com/v1").put("kind", "CronTab");
        body.putObject("metadata").put("name", "nightly").put("namespace", "shop");
        body.putObject("spec").put("cronSpec", "0 3 * * *");
        return Resource.of(body);
    }

    private GitOpsEngine engine() {
        return GitOpsEngine.builder().application("shop").source(source).target(target)
                .differ(new EqualityDiffer()).build();
    }

    @Test
    void oneCommitWithACrdAndItsObjectsConvergesInOneRun() {
        // given a target that does not serve CronTab until its CRD is applied
        target.unknownKinds.add("CronTab");

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(result.failedSteps()).isEmpty();
        assertThat(target.objects().keySet()).extracting(ResourceKey::kind)
                .containsExactlyInAnyOrder("CustomResourceDefinition", "CronTab");
        assertThat(target.calls.stream().filter(c -> c.startsWith("apply ")).toList())
                .satisfiesExactly(
                        first -> assertThat(first).contains("CustomResourceDefinition"),
                        second -> assertThat(second).contains("CronTab/shop/nightly"));
        assertThat(engine().reconcile().outcome()).isEqualTo(Outcome.CONVERGED);
    }

    @Test
    void aDryRunSkipsObjectsWhoseCrdIsNotAppliedYetInsteadOfFailing() {
        // given
        target.unknownKinds.add("CronTab");

        // when
        ReconcileResult result = engine().reconcile(ReconcileOptions.builder().dryRun(true).build());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(result.step(cronTab().key())).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(Status.SKIPPED);
            assertThat(s.message()).contains("CustomResourceDefinition of this revision");
        });
        assertThat(target.objects()).isEmpty();
    }

    @Test
    void anUnknownKindWithoutADeclaredCrdStillFails() {
        // given
        target.unknownKinds.add("CronTab");
        source.commit(DesiredState.of("r2", List.of(cronTab())));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.step(ResourceKey.of("stable.example.com", "CronTab", "shop", "nightly")))
                .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(Status.FAILED));
    }
}
