package io.gitops4j.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.health.Health;
import io.gitops4j.health.HealthStatus;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.testkit.InMemoryTarget;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusHealthTest {
    private final AtomicReference<Health> health = new AtomicReference<>(Health.healthy());
    private final List<String> assessed = new CopyOnWriteArrayList<>();
    private final LoopFixture loop = new LoopFixture(InMemoryTarget.builder().healthAssessor(live -> {
        assessed.add(live.key().name());
        return Optional.of(health.get());
    }).build());
    private final ScriptedSource source = new ScriptedSource("repo");

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void aRunThatAppliesNothingRefreshesTheHealthOfTheDeclaredResources() {
        // given
        source.commit("r1", "a=red", "b=green");
        loop.controller.add(loop.app("shop", source).build());
        assertThat(loop.controller.status("shop").health()).isEqualTo(HealthStatus.HEALTHY);

        // when
        health.set(Health.degraded("crash loop"));
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // then
        assertThat(loop.controller.history("shop")).last()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo(Outcome.CONVERGED));
        assertThat(loop.controller.status("shop").health()).isEqualTo(HealthStatus.DEGRADED);
    }

    @Test
    void healthRecoversOnTheNextConvergedRun() {
        // given
        source.commit("r1", "a=red");
        health.set(Health.progressing("rolling out"));
        loop.controller.add(loop.app("shop", source).build());
        assertThat(loop.controller.status("shop").health()).isEqualTo(HealthStatus.PROGRESSING);

        // when
        health.set(Health.healthy());
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // then
        assertThat(loop.controller.status("shop").health()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void aDeclaredResourceDeletedByHandIsMissingWhenSelfHealIsOff() {
        // given
        source.commit("r1", "a=red", "b=green");
        loop.controller.add(loop.app("shop", source).selfHeal(false).build());

        // when
        loop.target.delete(SchedulingTest.key("b"), DeleteOptions.DEFAULT);
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // then
        ApplicationStatus status = loop.controller.status("shop");
        assertThat(status.syncState()).isEqualTo(SyncState.OUT_OF_SYNC);
        assertThat(status.health()).isEqualTo(HealthStatus.MISSING);
    }

    @Test
    void theRefreshAssessesOnlyTheApplicationsOwnResources() {
        // given
        source.commit("r1", "a=red");
        ScriptedSource other = new ScriptedSource("other");
        other.commit("o1", "b=green");
        loop.controller.add(loop.app("shop", source).build());
        loop.controller.add(loop.app("blog", other).build());

        // when
        health.set(Health.degraded("broken"));
        assessed.clear();
        loop.controller.trigger("shop");

        // then
        assertThat(assessed).containsExactly("a");
        assertThat(loop.controller.status("shop").health()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(loop.controller.status("blog").health()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void aRevisionThatChangesNothingUnderThePathRefreshesHealthFromTheInventory() {
        // given
        source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).build());
        source.commit("r2", "a=red");
        source.changedPaths(Optional.of(Set.of()));

        // when
        health.set(Health.degraded("crash loop"));
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // then
        assertThat(source.loads()).as("the engine was skipped").isEqualTo(1);
        assertThat(loop.controller.status("shop").lastAppliedRevision().orElseThrow().id()).isEqualTo("r2");
        assertThat(loop.controller.status("shop").health()).isEqualTo(HealthStatus.DEGRADED);
    }
}
