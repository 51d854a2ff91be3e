package io.gitops4j.testkit.assertions;

import io.gitops4j.diff.ChangeType;
import io.gitops4j.health.Health;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.reconcile.StepResult;
import io.gitops4j.reconcile.StepResult.Status;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link ReconcileResult}: the outcome, what happened to each resource, the revision, health.
 * Methods taking keys accept {@link ResourceKey}s or their text form. Not thread-safe (like every AssertJ assert).
 */
public final class ReconcileResultAssert extends AbstractAssert<ReconcileResultAssert, ReconcileResult> {

    ReconcileResultAssert(ReconcileResult actual) {
        super(actual, ReconcileResultAssert.class);
    }

    /**
     * Verifies the run did nothing because live already matched desired.
     *
     * @return this assertion
     */
    public ReconcileResultAssert isConverged() {
        return hasOutcome(Outcome.CONVERGED);
    }

    /**
     * Verifies the run ended with an outcome.
     *
     * @param expected the outcome
     * @return this assertion
     */
    public ReconcileResultAssert hasOutcome(Outcome expected) {
        isNotNull();
        if (actual.outcome() != expected) {
            failWithMessage("Expected the run to be %s but it was %s%n%s", expected, actual.outcome(), describe());
        }
        return this;
    }

    /**
     * Verifies the run did not fail (it applied, converged or dry-ran).
     *
     * @return this assertion
     */
    public ReconcileResultAssert succeeded() {
        isNotNull();
        if (!actual.succeeded()) {
            failWithMessage("Expected the run to succeed but it failed%n%s", describe());
        }
        return this;
    }

    /**
     * Verifies the run failed with a run-level error or a failed step whose message contains a fragment.
     *
     * @param fragment text the error or a failed step's message contains
     * @return this assertion
     */
    public ReconcileResultAssert failedWith(String fragment) {
        hasOutcome(Outcome.FAILED);
        boolean found = actual.error().filter(e -> e.contains(fragment)).isPresent()
                || actual.failedSteps().stream().anyMatch(s -> s.message().contains(fragment));
        if (!found) {
            failWithMessage("Expected an error containing \"%s\"%n%s", fragment, describe());
        }
        return this;
    }

    /**
     * Verifies the run loaded a revision.
     *
     * @param id the revision id (a commit SHA), or a prefix of it of at least 7 characters
     * @return this assertion
     */
    public ReconcileResultAssert hasRevision(String id) {
        isNotNull();
        String loaded = actual.revision().map(r -> r.id()).orElse("(none)");
        if (id.length() < 7 || !loaded.startsWith(id)) {
            failWithMessage("Expected revision %s but the run loaded %s", id, loaded);
        }
        return this;
    }

    /**
     * Verifies every resource was applied with a change (created or updated, or would be in a dry run).
     *
     * @param keys resource keys or their text form
     * @return this assertion
     */
    public ReconcileResultAssert applied(Object... keys) {
        return hasSteps(Status.APPLIED, null, keys);
    }

    /**
     * Verifies every resource was created.
     *
     * @param keys resource keys or their text form
     * @return this assertion
     */
    public ReconcileResultAssert created(Object... keys) {
        return hasSteps(Status.APPLIED, ChangeType.CREATE, keys);
    }

    /**
     * Verifies every resource was updated in place.
     *
     * @param keys resource keys or their text form
     * @return this assertion
     */
    public ReconcileResultAssert updated(Object... keys) {
        return hasSteps(Status.APPLIED, ChangeType.UPDATE, keys);
    }

    /**
     * Verifies every resource was pruned (deleted because it is owned and no longer declared).
     *
     * @param keys resource keys or their text form
     * @return this assertion
     */
    public ReconcileResultAssert pruned(Object... keys) {
        return hasSteps(Status.DELETED, ChangeType.DELETE, keys);
    }

    /**
     * Verifies every resource's step failed.
     *
     * @param keys resource keys or their text form
     * @return this assertion
     */
    public ReconcileResultAssert failed(Object... keys) {
        return hasSteps(Status.FAILED, null, keys);
    }

    /**
     * Verifies every resource's step was skipped (e.g. prune refused or after a failure).
     *
     * @param keys resource keys or their text form
     * @return this assertion
     */
    public ReconcileResultAssert skipped(Object... keys) {
        return hasSteps(Status.SKIPPED, null, keys);
    }

    /**
     * Verifies the run did not touch any of these resources (no step at all, or an unchanged re-apply).
     *
     * @param keys resource keys or their text form
     * @return this assertion
     */
    public ReconcileResultAssert didNotTouch(Object... keys) {
        isNotNull();
        for (Object key : keys) {
            Optional<StepResult> step = actual.step(Keys.of(key));
            if (step.isPresent() && step.get().status() != Status.UNCHANGED) {
                failWithMessage("Expected %s to be left alone but the run did: %s%n%s", Keys.of(key), step.get(),
                        describe());
            }
        }
        return this;
    }

    /**
     * Verifies the run applied and pruned exactly these resources and nothing else.
     *
     * @param keys resource keys or their text form
     * @return this assertion
     */
    public ReconcileResultAssert changedExactly(Object... keys) {
        isNotNull();
        List<ResourceKey> expected = Arrays.stream(keys).map(Keys::of).sorted().toList();
        List<ResourceKey> changed = actual.steps().stream()
                .filter(s -> s.status() == Status.APPLIED || s.status() == Status.DELETED)
                .map(StepResult::key).sorted().toList();
        if (!changed.equals(expected)) {
            failWithMessage("Expected the run to change exactly %s but it changed %s%n%s", expected, changed,
                    describe());
        }
        return this;
    }

    /**
     * Verifies no step failed.
     *
     * @return this assertion
     */
    public ReconcileResultAssert hasNoFailedSteps() {
        isNotNull();
        if (!actual.failedSteps().isEmpty()) {
            failWithMessage("Expected no failed step%n%s", describe());
        }
        return this;
    }

    /**
     * Verifies every resource the run applied was healthy when last observed.
     *
     * @return this assertion
     */
    public ReconcileResultAssert isHealthy() {
        isNotNull();
        if (!actual.healthy()) {
            failWithMessage("Expected every applied resource to be healthy but: %s", actual.health().entrySet()
                    .stream().filter(e -> !e.getValue().isHealthy()).map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        return this;
    }

    /**
     * Verifies the health of one applied resource.
     *
     * @param key a resource key or its text form
     * @param status the expected status
     * @return this assertion
     */
    public ReconcileResultAssert hasHealth(Object key, io.gitops4j.health.HealthStatus status) {
        isNotNull();
        Health health = actual.health().get(Keys.of(key));
        if (health == null || health.status() != status) {
            failWithMessage("Expected %s to be %s but it was %s", Keys.of(key), status,
                    health == null ? "not assessed (not applied by this run)" : health);
        }
        return this;
    }

    /**
     * Continues with assertions on the run's plan.
     *
     * @return an assertion on {@link ReconcileResult#plan()}
     */
    public PlanAssert plan() {
        isNotNull();
        return new PlanAssert(actual.plan());
    }

    private ReconcileResultAssert hasSteps(Status status, ChangeType action, Object... keys) {
        isNotNull();
        if (keys.length == 0) {
            throw new IllegalArgumentException("name at least one resource key");
        }
        for (Object key : keys) {
            ResourceKey resourceKey = Keys.of(key);
            Optional<StepResult> step = actual.step(resourceKey);
            boolean matches = step.isPresent() && step.get().status() == status
                    && (action == null || step.get().action() == action);
            if (!matches) {
                failWithMessage("Expected %s to be %s%s but %s%n%s", resourceKey, status,
                        action == null ? "" : " (" + action + ")",
                        step.map(s -> "its step was " + s).orElse("the run had no step for it"), describe());
            }
        }
        return this;
    }

    private String describe() {
        StringBuilder text = new StringBuilder("Run: ").append(actual.outcome()).append(" at revision ")
                .append(actual.revision().map(r -> r.shortId()).orElse("(none)"));
        actual.error().ifPresent(e -> text.append("; error: ").append(e));
        text.append(System.lineSeparator()).append("Steps:");
        if (actual.steps().isEmpty()) {
            text.append(" (none)");
        }
        for (StepResult step : actual.steps()) {
            text.append(System.lineSeparator()).append("  ").append(step);
        }
        return text.toString();
    }
}
