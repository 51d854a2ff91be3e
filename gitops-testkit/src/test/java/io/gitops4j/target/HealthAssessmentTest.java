package io.gitops4j.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.health.Health;
import io.gitops4j.health.HealthStatus;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.testkit.InMemoryTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HealthAssessmentTest {
    /** Each ConfigMap's {@code data.health} names the status the target's health check reports for it. */
    private final InMemoryTarget target = InMemoryTarget.builder().healthAssessor(HealthAssessmentTest::byData)
            .build();

    private static Optional<Health> byData(Resource live) {
        String wanted = live.tree().path("data").path("health").asText("");
        if (wanted.equals("THROW")) {
            throw new IllegalStateException("probe exploded");
        }
        return wanted.isEmpty() ? Optional.empty()
                : Optional.of(new Health(HealthStatus.valueOf(wanted), "reported " + wanted));
    }

    private static ResourceKey key(String name) {
        return ResourceKey.of("", "ConfigMap", "shop", name);
    }

    private ResourceKey seed(String name, String health) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        body.putObject("metadata").put("name", name).put("namespace", "shop");
        body.putObject("data").put("health", health);
        target.seed(Resource.of(body));
        return key(name);
    }

    private static Map<ResourceKey, Health> healthOf(HealthStatus... statuses) {
        Map<ResourceKey, Health> health = new TreeMap<>();
        for (int i = 0; i < statuses.length; i++) {
            health.put(key("r" + i), new Health(statuses[i], ""));
        }
        return health;
    }

    @Test
    void assessesEachObservedObjectWithTheTargetsHealthCheck() {
        // given one object in each state the target's health check can report
        for (HealthStatus status : HealthStatus.values()) {
            seed(status.name().toLowerCase(), status.name());
        }

        // when
        HealthAssessment assessment = HealthAssessment.observe(target,
                List.of(key("healthy"), key("suspended"), key("progressing"), key("missing"), key("degraded"),
                        key("unknown")));

        // then
        assertThat(assessment.health()).hasSize(HealthStatus.values().length);
        for (HealthStatus status : HealthStatus.values()) {
            assertThat(assessment.health().get(key(status.name().toLowerCase())))
                    .isEqualTo(new Health(status, "reported " + status.name()));
        }
        assertThat(assessment.aggregate()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(assessment.observeFailure()).isEmpty();
        assertThat(target.observeCount()).isEqualTo(1);
    }

    @Test
    void aKeyTheTargetDoesNotReportIsMissing() {
        // given
        ResourceKey present = seed("present", "HEALTHY");

        // when
        HealthAssessment assessment = HealthAssessment.observe(target, List.of(present, key("absent")));

        // then
        assertThat(assessment.health().get(key("absent")).status()).isEqualTo(HealthStatus.MISSING);
        assertThat(assessment.health().get(present)).isEqualTo(new Health(HealthStatus.HEALTHY, "reported HEALTHY"));
        assertThat(assessment.aggregate()).isEqualTo(HealthStatus.MISSING);
        assertThat(assessment.unhealthy()).containsOnlyKeys(key("absent"));
    }

    @Test
    void aHealthCheckThatThrowsIsUnknownWithTheReason() {
        // given
        ResourceKey exploding = seed("exploding", "THROW");
        ResourceKey fine = seed("fine", "HEALTHY");

        // when
        HealthAssessment assessment = HealthAssessment.observe(target, List.of(exploding, fine));

        // then
        assertThat(assessment.health().get(exploding))
                .isEqualTo(Health.unknown("health check failed: probe exploded"));
        assertThat(assessment.health().get(fine).isHealthy()).isTrue();
        assertThat(assessment.aggregate()).isEqualTo(HealthStatus.UNKNOWN);
    }

    @Test
    void aTargetThatCannotBeReadMakesEveryKeyUnknownAndSaysWhy() {
        // given
        ResourceKey a = seed("a", "HEALTHY");
        ResourceKey b = seed("b", "HEALTHY");
        target.failObserve();

        // when
        HealthAssessment assessment = HealthAssessment.observe(target, List.of(a, b));

        // then
        assertThat(assessment.observeFailure()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("cannot observe: "));
        assertThat(assessment.health()).containsOnlyKeys(a, b);
        assertThat(assessment.health().values()).allSatisfy(health -> {
            assertThat(health.status()).isEqualTo(HealthStatus.UNKNOWN);
            assertThat(health.message()).isEqualTo(assessment.observeFailure().orElseThrow());
        });
        assertThat(assessment.aggregate()).isEqualTo(HealthStatus.UNKNOWN);
    }

    @Test
    void noKeysIsHealthyWithoutReadingTheTarget() {
        // when
        HealthAssessment assessment = HealthAssessment.observe(target, List.of());

        // then
        assertThat(assessment.health()).isEmpty();
        assertThat(assessment.aggregate()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(assessment.allHealthy()).isTrue();
        assertThat(target.observeCount()).isZero();
    }

    @Test
    void assessTurnsAThrowingHealthCheckIntoUnknown() {
        // given
        seed("exploding", "THROW");
        seed("degraded", "DEGRADED");

        // when
        Health exploding = HealthAssessment.assess(target, target.contents().get(key("exploding")));
        Health degraded = HealthAssessment.assess(target, target.contents().get(key("degraded")));

        // then
        assertThat(exploding).isEqualTo(Health.unknown("health check failed: probe exploded"));
        assertThat(degraded).isEqualTo(Health.degraded("reported DEGRADED"));
    }

    @Test
    void anyDegradedMakesTheAggregateDegradedUnlessSomethingIsUnknown() {
        // when
        HealthAssessment degraded = HealthAssessment.of(healthOf(HealthStatus.HEALTHY, HealthStatus.PROGRESSING,
                HealthStatus.DEGRADED, HealthStatus.MISSING, HealthStatus.SUSPENDED));
        HealthAssessment unknown = HealthAssessment.of(healthOf(HealthStatus.DEGRADED, HealthStatus.UNKNOWN));

        // then
        assertThat(degraded.aggregate()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(unknown.aggregate()).isEqualTo(HealthStatus.UNKNOWN);
    }

    @Test
    void theAggregateFollowsTheStatusOrder() {
        // then, pairwise: the worse status of two wins
        assertThat(HealthAssessment.of(healthOf(HealthStatus.HEALTHY, HealthStatus.SUSPENDED)).aggregate())
                .isEqualTo(HealthStatus.SUSPENDED);
        assertThat(HealthAssessment.of(healthOf(HealthStatus.SUSPENDED, HealthStatus.PROGRESSING)).aggregate())
                .isEqualTo(HealthStatus.PROGRESSING);
        assertThat(HealthAssessment.of(healthOf(HealthStatus.PROGRESSING, HealthStatus.MISSING)).aggregate())
                .isEqualTo(HealthStatus.MISSING);
        assertThat(HealthAssessment.of(healthOf(HealthStatus.MISSING, HealthStatus.DEGRADED)).aggregate())
                .isEqualTo(HealthStatus.DEGRADED);
        assertThat(HealthAssessment.of(healthOf(HealthStatus.HEALTHY, HealthStatus.HEALTHY)).allHealthy())
                .isTrue();
    }

    @Test
    void theAggregateIsTheWorstStatusOfAnySet() {
        HealthStatus[] all = HealthStatus.values();
        qt().forAll(lists().of(integers().between(0, all.length - 1)).ofSizeBetween(0, 12)).checkAssert(ranks -> {
            // given
            HealthStatus[] statuses = ranks.stream().map(rank -> all[rank]).toArray(HealthStatus[]::new);

            // when
            HealthAssessment assessment = HealthAssessment.of(healthOf(statuses));

            // then
            HealthStatus expected = ranks.stream().max(Integer::compare).map(rank -> all[rank])
                    .orElse(HealthStatus.HEALTHY);
            assertThat(assessment.aggregate()).isEqualTo(expected);
            assertThat(assessment.allHealthy()).isEqualTo(expected == HealthStatus.HEALTHY);
            assertThat(assessment.unhealthy()).hasSize((int) ranks.stream().filter(rank -> rank > 0).count());
        });
    }

    @Test
    void ofCopiesTheMapItIsGiven() {
        // given
        Map<ResourceKey, Health> health = healthOf(HealthStatus.HEALTHY);
        HealthAssessment assessment = HealthAssessment.of(health);

        // when
        health.put(key("late"), Health.degraded("added afterwards"));

        // then
        assertThat(assessment.health()).containsOnlyKeys(key("r0"));
        assertThat(assessment.aggregate()).isEqualTo(HealthStatus.HEALTHY);
    }
}
