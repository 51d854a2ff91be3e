package io.gitops4j.reconcile;

import io.gitops4j.health.Health;
import io.gitops4j.health.HealthStatus;
import io.gitops4j.inventory.RunRecord;
import io.gitops4j.inventory.RunRecord.HealthOutcome;
import io.gitops4j.model.Revision;
import io.gitops4j.target.Target;
import java.util.Collection;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a finished run into a {@link RunRecord} and records it in the target's history store. A record that cannot
 * be written is logged and does not change the run's result: the run did what it did.
 *
 * <p>History is a history of changes, as Argo CD's sync history is: a converged run that repeats the record this
 * engine stored last (same revision and digest, converged, same health, by the same runner, nothing applied, pruned
 * or failed) is not recorded again, so a steady state sends no write. The first converged run after an apply is
 * recorded; so is any run whose outcome, revision or health differs. One recorder per engine; its memory is the
 * record it stored last, and an engine that has not stored one yet (a new engine, a new replica) records.
 */
final class RunRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);
    /** Values after credential-like words, and user information in URLs: masked even if the engine missed them. */
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)\\b(password|passwd|token|secret|api[-_]?key|authorization|bearer)(\\s*[:=]\\s*|\\s+)[^\\s,;\"')]+");
    private static final Pattern URL_USER = Pattern.compile("://[^/@\\s]+@");

    private final boolean everyRun;
    private volatile RunRecord lastStored;

    /**
     * Creates the recorder of one engine.
     *
     * @param everyRun record converged runs that repeat the last record too
     */
    RunRecorder(boolean everyRun) {
        this.everyRun = everyRun;
    }

    /** Records a run that was neither a plan nor a dry run, unless it repeats the last record; never throws. */
    void record(Target target, ReconcileResult result, ReconcileOptions options, String runBy) {
        if (result.outcome() == ReconcileResult.Outcome.DRY_RUN) {
            return;
        }
        RunRecord record = of(result, options, runBy);
        RunRecord last = lastStored;
        if (!everyRun && last != null && repeats(record, last)) {
            LOG.debug("application {}: converged again at {}, as recorded in run {}; not recorded again",
                    record.application(), record.revision().map(Revision::shortId).orElse("?"), last.sequence());
            return;
        }
        try {
            RunRecord stored = target.historyStore().record(record);
            lastStored = stored;
            LOG.debug("recorded run {} of {}", stored.sequence(), stored.application());
        } catch (RuntimeException e) {
            lastStored = null;
            LOG.warn("application {}: cannot record the run ({}): {}", result.application(), record,
                    scrub(String.valueOf(e.getMessage())));
        }
    }

    /** A converged run with nothing done that says what the last stored record says, but for its times. */
    static boolean repeats(RunRecord record, RunRecord last) {
        return record.outcome() == RunRecord.Outcome.CONVERGED && last.outcome() == RunRecord.Outcome.CONVERGED
                && record.applied() == 0 && record.pruned() == 0 && record.failed() == 0 && record.error().isEmpty()
                && last.error().isEmpty() && record.application().equals(last.application())
                && record.revision().equals(last.revision()) && record.health() == last.health()
                && record.runBy().equals(last.runBy());
    }

    /** The record of a run. */
    static RunRecord of(ReconcileResult result, ReconcileOptions options, String runBy) {
        int applied = 0;
        int pruned = 0;
        int failed = 0;
        for (StepResult step : result.steps()) {
            applied += step.status() == StepResult.Status.APPLIED ? 1 : 0;
            pruned += step.status() == StepResult.Status.DELETED ? 1 : 0;
            failed += step.isFailed() ? 1 : 0;
        }
        return RunRecord.builder(result.application()).revision(result.revision().orElse(null))
                .outcome(RunRecord.Outcome.valueOf(result.outcome().name()))
                .health(health(result.health().values(), !options.healthTimeout().isZero()))
                .times(result.started(), result.finished()).runBy(runBy).counts(applied, pruned, failed)
                .error(scrub(error(result))).build();
    }

    private static HealthOutcome health(Collection<Health> health, boolean waited) {
        if (health.isEmpty()) {
            return HealthOutcome.NOT_ASSESSED;
        }
        if (health.stream().allMatch(Health::isHealthy)) {
            return HealthOutcome.HEALTHY;
        }
        boolean degraded = health.stream().anyMatch(h -> h.status() == HealthStatus.DEGRADED);
        return waited || degraded ? HealthOutcome.UNHEALTHY : HealthOutcome.PROGRESSING;
    }

    private static String error(ReconcileResult result) {
        if (result.error().isPresent()) {
            return result.error().get();
        }
        return result.failedSteps().stream().findFirst().map(step -> {
            String key = step.key().toString();
            String more = result.failedSteps().size() > 1
                    ? " (and " + (result.failedSteps().size() - 1) + " more failed steps)" : "";
            return (step.message().startsWith(key) ? step.message() : key + ": " + step.message()) + more;
        }).orElseGet(() -> result.healthy() ? "" : unhealthy(result));
    }

    private static String unhealthy(ReconcileResult result) {
        return result.unhealthy().entrySet().stream().findFirst()
                .map(e -> "not healthy: " + e.getKey() + " " + e.getValue()).orElse("");
    }

    /** Masks credential-like values and URL user information. */
    static String scrub(String text) {
        String masked = CREDENTIAL.matcher(text).replaceAll("$1$2***");
        return URL_USER.matcher(masked).replaceAll("://***@");
    }
}
