package io.gitops4j.loop;

import static io.gitops4j.loop.SchedulingTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.health.Health;
import io.gitops4j.health.HealthStatus;
import io.gitops4j.testkit.InMemoryTarget;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DependenciesTest {
    private final AtomicReference<Health> dbHealth = new AtomicReference<>(Health.healthy());
    private final LoopFixture loop = new LoopFixture(InMemoryTarget.builder()
            .healthAssessor(live -> live.key().name().equals("db") ? Optional.of(dbHealth.get()) : Optional.empty())
            .build());

    @AfterEach
    void close() {
        loop.close();
    }

    private Application.Builder app(String name, String... dependsOn) {
        ScriptedSource source = new ScriptedSource(name);
        source.commit(name + "-r1", name + "=red");
        return loop.app(name, source).dependsOn(dependsOn);
    }

    /** Adds a <- b <- c where every apply of a's resource fails. */
    private void addChainWithAFailingHead() {
        loop.target.failAppliesTo(key("a"));
        loop.controller.add(app("a").build());
        loop.controller.add(app("b", "a").build());
        loop.controller.add(app("c", "b").build());
    }

    @Test
    void firstRunsFollowTheChainWhateverOrderTheApplicationsAreAddedIn() {
        // given a <- b <- c, added dependants first
        loop.controller.add(app("c", "b").build());
        loop.controller.add(app("b", "a").build());
        assertThat(loop.target.contents()).isEmpty();
        assertThat(loop.controller.status("b").waitingFor())
                .contains("waiting for dependency a (not added to this controller)");

        // when
        loop.controller.add(app("a").build());

        // then
        assertThat(loop.listener.events.stream().filter(e -> e.startsWith("started")))
                .containsExactly("started a START", "started b DEPENDENCY_READY", "started c DEPENDENCY_READY");
        assertThat(loop.target.contents()).containsOnlyKeys(key("a"), key("b"), key("c"));
        assertThat(loop.controller.statuses()).allSatisfy(status -> {
            assertThat(status.waitingFor()).isEmpty();
            assertThat(status.lastAppliedRevision()).isPresent();
        });
    }

    @Test
    void aFailingDependencyHoldsItsDependantsAndTheirDependants() {
        // given
        addChainWithAFailingHead();

        // when
        loop.scheduler.advance(LoopFixture.INTERVAL.multipliedBy(3));

        // then
        assertThat(loop.target.contents()).doesNotContainKeys(key("b"), key("c"));
        assertThat(loop.controller.status("b").waitingFor()).hasValueSatisfying(w -> assertThat(w)
                .startsWith("waiting for dependency a (last run failed: "));
        assertThat(loop.controller.status("c").waitingFor()).hasValueSatisfying(w -> assertThat(w)
                .startsWith("waiting for dependency b ("));
        assertThat(loop.listener.count("deferred b for a: last run failed")).as("retried on its own interval")
                .isGreaterThanOrEqualTo(3);
        assertThat(loop.controller.history("b")).as("a deferral is not a run").isEmpty();
    }

    @Test
    void dependantsRunAsSoonAsTheDependencyRecovers() {
        // given
        addChainWithAFailingHead();

        // when
        loop.target.clearFaults();
        loop.controller.trigger("a");

        // then
        assertThat(loop.target.contents()).containsOnlyKeys(key("a"), key("b"), key("c"));
        assertThat(loop.controller.history("b")).extracting(HistoryEntry::reason)
                .containsExactly(RunReason.DEPENDENCY_READY);
        assertThat(loop.controller.history("c")).extracting(HistoryEntry::reason)
                .containsExactly(RunReason.DEPENDENCY_READY);
        assertThat(loop.controller.status("c").waitingFor()).isEmpty();
    }

    @Test
    void anUnhealthyDependencyHoldsItsDependantsUntilItIsHealthyAgain() {
        // given
        dbHealth.set(Health.degraded("crash loop"));
        loop.controller.add(app("db").build());

        // when
        loop.controller.add(app("shop", "db").build());

        // then
        assertThat(loop.controller.status("shop").waitingFor())
                .contains("waiting for dependency db (not healthy: DEGRADED)");
        assertThat(loop.target.contents()).doesNotContainKey(key("shop"));

        // when the dependency's next run (which applies nothing) sees it healthy
        dbHealth.set(Health.healthy());
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // then
        assertThat(loop.controller.status("db").health()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(loop.target.contents()).containsKey(key("shop"));
        assertThat(loop.controller.status("shop").waitingFor()).isEmpty();
    }

    @Test
    void aCycleIsRefusedAtRegistrationAndNamed() {
        // given
        loop.controller.add(app("a", "b").build());
        loop.controller.add(app("b", "c").build());

        // then
        assertThatThrownBy(() -> loop.controller.add(app("c", "a").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c -> a -> b -> c");
        assertThat(loop.controller.applications()).containsExactly("a", "b");
        assertThatThrownBy(() -> app("d", "d").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot depend on itself");
    }

    @Test
    void aRemovedDependencyHoldsItsDependants() {
        // given
        loop.controller.add(app("a").build());
        loop.controller.add(app("b", "a").build());

        // when
        loop.controller.remove("a");
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // then
        assertThat(loop.controller.status("b").waitingFor())
                .contains("waiting for dependency a (not added to this controller)");
    }
}
