package io.gitops4j.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.reconcile.StepResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs README's demo end to end once (embedded API, seeded Git repository) and checks each step's outcome. */
class DemoTest {
    private static final ResourceKey NAMESPACE = ResourceKey.parse("Namespace/demo-shop");
    private static final ResourceKey CONFIG = ResourceKey.parse("ConfigMap/demo-shop/shop-config");
    private static final ResourceKey SECRET = ResourceKey.parse("Secret/demo-shop/shop-db-credentials");
    private static final ResourceKey DEPLOYMENT = ResourceKey.parse("apps/Deployment/demo-shop/shop");
    private static final ResourceKey SERVICE = ResourceKey.parse("Service/demo-shop/shop");

    private static DemoReport report;
    private static String output;

    @BeforeAll
    static void runDemo() {
        StringWriter text = new StringWriter();
        report = Demo.builder().out(new PrintWriter(text)).build().run();
        output = text.toString();
    }

    @Test
    void runsFourStepsThatAllSucceedHealthy() {
        assertThat(report.steps()).hasSize(4);
        assertThat(report.steps()).allSatisfy(step -> {
            assertThat(step.result().outcome()).isEqualTo(Outcome.APPLIED);
            assertThat(step.health().values()).allSatisfy(health -> assertThat(health.isHealthy()).isTrue());
        });
        assertThat(report.target()).startsWith("embedded Kubernetes API at http://127.0.0.1:");
    }

    @Test
    void firstStepCreatesTheWholeAppInOrder() {
        DemoStep first = report.steps().get(0);
        assertThat(first.result().steps()).extracting(StepResult::key)
                .containsExactly(NAMESPACE, CONFIG, SECRET, SERVICE, DEPLOYMENT);
        assertThat(first.result().steps()).extracting(StepResult::action).containsOnly(ChangeType.CREATE);
        assertThat(first.health()).containsKeys(NAMESPACE, CONFIG, SECRET, SERVICE, DEPLOYMENT);
    }

    @Test
    void secondCommitUpdatesAndPrunesTheService() {
        DemoStep second = report.steps().get(1);
        assertThat(second.result().steps()).extracting(StepResult::key, StepResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CONFIG, StepResult.Status.APPLIED),
                org.assertj.core.groups.Tuple.tuple(SECRET, StepResult.Status.APPLIED),
                org.assertj.core.groups.Tuple.tuple(DEPLOYMENT, StepResult.Status.APPLIED),
                org.assertj.core.groups.Tuple.tuple(SERVICE, StepResult.Status.DELETED));
        assertThat(second.health()).doesNotContainKey(SERVICE);
        assertThat(second.notes()).singleElement().asString()
                .contains("changed 10-config.yaml, 20-secret.yaml, 30-deployment.yaml; removed 40-service.yaml");
    }

    @Test
    void driftStepFindsOnlyTheReplicasAndCorrectsThem() {
        DemoStep drift = report.steps().get(2);
        assertThat(drift.drift()).isPresent();
        List<ResourceDiff> changed = drift.drift().orElseThrow().changed();
        assertThat(changed).extracting(ResourceDiff::key).containsExactly(DEPLOYMENT);
        assertThat(changed.get(0).changes()).extracting(c -> c.path()).containsExactly("/spec/replicas");
        assertThat(drift.result().steps()).extracting(StepResult::key).containsExactly(DEPLOYMENT);
        assertThat(drift.notes()).singleElement().asString().contains("spec.replicas=3", "team=payments (kept)");
    }

    @Test
    void rollbackReturnsToTheFirstRevisionAndRecreatesTheService() {
        DemoStep first = report.steps().get(0);
        DemoStep rollback = report.steps().get(3);
        assertThat(rollback.result().revision()).isEqualTo(first.result().revision());
        assertThat(rollback.result().step(SERVICE).orElseThrow().action()).isEqualTo(ChangeType.CREATE);
        assertThat(rollback.result().plan().toText()).contains("/spec/replicas: 3 -> 2", "podinfo:6.5.0\"");
        assertThat(rollback.health()).containsKey(SERVICE);
    }

    @Test
    void printsEveryStepWithPlanHealthAndNoSecretValue() {
        assertThat(output).contains("=== Step 1 of 4", "=== Step 2 of 4", "=== Step 3 of 4", "=== Step 4 of 4",
                "Plan: 5 to create", "Plan: 0 to create, 3 to update, 1 to delete", "SIMULATED",
                "overall: Healthy", "/data/DB_PASSWORD: (sensitive value) -> (sensitive value)",
                "~ /spec/replicas: 5 -> 3", "Demo finished: 4 reconciles");
        assertThat(output).doesNotContain("not-a-real-password");
    }
}
