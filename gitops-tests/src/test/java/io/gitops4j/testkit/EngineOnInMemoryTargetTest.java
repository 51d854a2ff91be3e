package io.gitops4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.health.Health;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.reconcile.StepResult.Status;
import io.gitops4j.testkit.gen.ResourceGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine against the in-memory target's faults, drift and health. */
class EngineOnInMemoryTargetTest {
    private final ResourceGenerator generator = new ResourceGenerator(11);
    private final ManualClock clock = ManualClock.create();

    private GitOpsEngine engine(InMemoryTarget target, InMemorySource source) {
        return GitOpsEngine.builder().application("shop").source(source).target(target).clock(clock)
                .sleeper(clock).healthPollInterval(Duration.ofSeconds(10)).build();
    }

    private DesiredState state(String revision, int count) {
        return DesiredState.of(revision, new ResourceGenerator(3).resources(count));
    }

    @Test
    void aFailedObserveAppliesAndDeletesNothing() {
        // given
        InMemoryTarget target = InMemoryTarget.create();
        InMemorySource source = InMemorySource.of(state("r1", 12));
        engine(target, source).reconcile();
        source.commit(state("r2", 6));
        target.failObserve();

        // when
        ReconcileResult result = engine(target, source).reconcile(ReconcileOptions.builder().allowLargePrune().build());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).startsWith("cannot observe the live state"));
        assertThat(target.appliedKeys()).hasSize(12);
        assertThat(target.deletedKeys()).isEmpty();
    }

    @Test
    void aRejectedDeleteFailsTheRunAndKeepsTheKeyOwned() {
        // given
        InMemoryTarget target = InMemoryTarget.create();
        InMemorySource source = InMemorySource.of(state("r1", 10));
        engine(target, source).reconcile();
        DesiredState smaller = DesiredState.of("r2", List.copyOf(source.load().resources().values()).subList(0, 8));
        source.commit(smaller);
        target.rejectDeletes();

        // when
        ReconcileResult result = engine(target, source).reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.failedSteps()).isNotEmpty().allMatch(s -> s.message().contains("injected delete rejection"));
        assertThat(target.inventoryStore().load("shop").orElseThrow().size()).isEqualTo(10);
    }

    @Test
    void correctsDriftOnDeclaredFieldsAndLeavesForeignFieldsAlone() {
        // given
        InMemoryTarget target = InMemoryTarget.create();
        var web = generator.deployment("shop", "web");
        InMemorySource source = InMemorySource.of(DesiredState.of("r1",
                List.of(generator.namespace("shop"), web)));
        engine(target, source).reconcile();
        target.edit(web.key(), tree -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("spec")).put("replicas", 42);
            tree.withObjectProperty("metadata").withObjectProperty("labels").put("team", "ops");
            return tree;
        });

        // when
        ReconcileResult result = engine(target, source).reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(result.plan().applies()).singleElement().satisfies(step ->
                assertThat(step.diff().changes()).extracting(c -> c.path()).containsExactly("/spec/replicas"));
        var live = target.contents().get(web.key()).tree();
        assertThat(live.at("/spec/replicas").asInt()).isEqualTo(web.tree().at("/spec/replicas").asInt());
        assertThat(live.at("/metadata/labels/team").asText()).isEqualTo("ops");
    }

    @Test
    void waitsForHealthWithoutSleeping() {
        // given Deployments become healthy once their generation is observed, which never happens here
        InMemoryTarget target = InMemoryTarget.builder().clock(clock).healthAssessor(live ->
                live.kind().equals("Deployment") ? Optional.of(Health.progressing("waiting for rollout"))
                        : Optional.empty()).build();
        InMemorySource source = InMemorySource.of(DesiredState.of("r1",
                List.of(generator.namespace("shop"), generator.deployment("shop", "web"))));

        // when
        ReconcileResult result = engine(target, source).reconcile(ReconcileOptions.builder()
                .healthTimeout(Duration.ofMinutes(1)).build());

        // then
        assertThat(result.healthy()).isFalse();
        assertThat(result.health().get(ResourceKey.parse("apps/Deployment/shop/web")).message())
                .isEqualTo("waiting for rollout");
        assertThat(result.health().get(ResourceKey.parse("Namespace/shop")).isHealthy()).isTrue();
        assertThat(clock.sleeps()).isEqualTo(6);
        assertThat(result.step(ResourceKey.parse("apps/Deployment/shop/web")).orElseThrow().status())
                .isEqualTo(Status.APPLIED);
    }
}
