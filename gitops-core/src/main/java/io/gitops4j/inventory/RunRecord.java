package io.gitops4j.inventory;

import static java.util.Objects.requireNonNull;

import io.gitops4j.model.Revision;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded run of an application on a target, as a {@link HistoryStore} keeps it: which revision, how the run
 * ended, whether what it applied became healthy, when, by whom, how many objects it applied, pruned and failed,
 * and a short error summary (never a secret value).
 *
 * <p>A run counts as a rollback point ({@link #rollbackPoint()}) only when it applied or converged a revision and
 * that revision was seen healthy. Immutable and thread-safe; build one with {@link #builder(String)}.
 */
public final class RunRecord {
    /** The longest error summary kept; longer ones are cut and end with an ellipsis. */
    public static final int MAX_ERROR_LENGTH = 1000;

    /** How a recorded run ended. */
    public enum Outcome {
        /** Nothing to do: live already matched desired. */
        CONVERGED,
        /** Changes were applied and every step succeeded. */
        APPLIED,
        /** The load, observe, plan or inventory failed, a step failed, or the prune limit refused deletions. */
        FAILED,
        /** The run passed its deadline and stopped at a step boundary. */
        TIMED_OUT
    }

    /** Whether what a run applied became healthy, as the run last observed it. */
    public enum HealthOutcome {
        /** Every applied object was healthy (after the health wait, when one was asked for). */
        HEALTHY,
        /** The health wait ended with an object not healthy, or an object was degraded. */
        UNHEALTHY,
        /** No health wait was asked for and an object was still progressing when the run ended. */
        PROGRESSING,
        /** Nothing was assessed: the run applied nothing, or failed before it could. */
        NOT_ASSESSED
    }

    private final String application;
    private final long sequence;
    private final Revision revision;
    private final Outcome outcome;
    private final HealthOutcome health;
    private final Instant started;
    private final Instant finished;
    private final String runBy;
    private final int applied;
    private final int pruned;
    private final int failed;
    private final String error;

    private RunRecord(Builder b) {
        this.application = requireNonNull(b.application, "application is null");
        this.sequence = b.sequence;
        this.revision = b.revision;
        this.outcome = requireNonNull(b.outcome, "outcome is null");
        this.health = requireNonNull(b.health, "health is null");
        this.started = requireNonNull(b.started, "started is null");
        this.finished = requireNonNull(b.finished, "finished is null");
        this.runBy = requireNonNull(b.runBy, "runBy is null");
        this.applied = b.applied;
        this.pruned = b.pruned;
        this.failed = b.failed;
        this.error = b.error.length() > MAX_ERROR_LENGTH ? b.error.substring(0, MAX_ERROR_LENGTH - 1) + "…" : b.error;
        if (application.isEmpty()) {
            throw new IllegalArgumentException("application is empty");
        }
        if (sequence < 0 || applied < 0 || pruned < 0 || failed < 0) {
            throw new IllegalArgumentException("sequence and counts must not be negative");
        }
        if (finished.isBefore(started)) {
            throw new IllegalArgumentException("finished " + finished + " is before started " + started);
        }
    }

    /**
     * Returns a builder for a record of an application's run.
     *
     * @param application the application name
     * @return a new builder; outcome, started and finished are required
     */
    public static Builder builder(String application) {
        return new Builder(requireNonNull(application, "application is null"));
    }

    /**
     * Returns a builder holding this record's values, to change some.
     *
     * @return a new builder
     */
    public Builder newBuilder() {
        Builder b = new Builder(application);
        b.sequence = sequence;
        b.revision = revision;
        b.outcome = outcome;
        b.health = health;
        b.started = started;
        b.finished = finished;
        b.runBy = runBy;
        b.applied = applied;
        b.pruned = pruned;
        b.failed = failed;
        b.error = error;
        return b;
    }

    /**
     * Returns the application that ran.
     *
     * @return the application name
     */
    public String application() {
        return application;
    }

    /**
     * Returns the record's number among the application's records on its store, counting from 1 in the order
     * they were recorded; {@code 0} before a store recorded it.
     *
     * @return the sequence number
     */
    public long sequence() {
        return sequence;
    }

    /**
     * Returns the revision the run loaded.
     *
     * @return the revision id and digest, or empty when the load failed
     */
    public Optional<Revision> revision() {
        return Optional.ofNullable(revision);
    }

    /**
     * Returns how the run ended.
     *
     * @return the outcome
     */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * Returns whether what the run applied became healthy.
     *
     * @return the health outcome
     */
    public HealthOutcome health() {
        return health;
    }

    /**
     * Returns when the run started.
     *
     * @return the start time
     */
    public Instant started() {
        return started;
    }

    /**
     * Returns when the run finished.
     *
     * @return the finish time
     */
    public Instant finished() {
        return finished;
    }

    /**
     * Returns who or what ran it, as its caller named itself (for example {@code alice@laptop} or a controller's
     * identity).
     *
     * @return the runner, {@code ""} when unknown
     */
    public String runBy() {
        return runBy;
    }

    /**
     * Returns how many objects the run created or updated.
     *
     * @return the count
     */
    public int applied() {
        return applied;
    }

    /**
     * Returns how many objects the run pruned.
     *
     * @return the count
     */
    public int pruned() {
        return pruned;
    }

    /**
     * Returns how many steps failed.
     *
     * @return the count
     */
    public int failed() {
        return failed;
    }

    /**
     * Returns a summary of what went wrong, at most {@value #MAX_ERROR_LENGTH} characters.
     *
     * @return the error summary, {@code ""} for a run without error
     */
    public String error() {
        return error;
    }

    /**
     * Tells whether this run is a point to roll back to: it applied or converged a revision and what it applied
     * was seen healthy. A run whose health wait failed or timed out, or that did not wait while objects were
     * still progressing, is not.
     *
     * @return {@code true} for a healthy applied or converged run with a revision
     */
    public boolean rollbackPoint() {
        return revision != null && health == HealthOutcome.HEALTHY
                && (outcome == Outcome.APPLIED || outcome == Outcome.CONVERGED);
    }

    /**
     * Returns the record as flat text fields, the form stores that keep text (ConfigMap data, files) use: the keys
     * {@code application}, {@code sequence}, {@code revision}, {@code digest} ({@code ""} without a revision),
     * {@code outcome}, {@code health}, {@code started}, {@code finished} (ISO-8601), {@code runBy},
     * {@code applied}, {@code pruned}, {@code failed} and {@code error}, in that order.
     *
     * @return an unmodifiable, ordered map
     */
    public Map<String, String> toFields() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("application", application);
        data.put("sequence", Long.toString(sequence));
        data.put("revision", revision == null ? "" : revision.id());
        data.put("digest", revision == null ? "" : revision.digest());
        data.put("outcome", outcome.name());
        data.put("health", health.name());
        data.put("started", started.toString());
        data.put("finished", finished.toString());
        data.put("runBy", runBy);
        data.put("applied", Integer.toString(applied));
        data.put("pruned", Integer.toString(pruned));
        data.put("failed", Integer.toString(failed));
        data.put("error", error);
        return Collections.unmodifiableMap(data);
    }

    /**
     * Reads a record from the fields {@link #toFields()} writes.
     *
     * @param fields the fields
     * @return the record
     * @throws IllegalArgumentException when a field is missing or malformed (the message names it)
     */
    public static RunRecord fromFields(Map<String, String> fields) {
        requireNonNull(fields, "fields is null");
        try {
            String revision = fields.getOrDefault("revision", "");
            return builder(field(fields, "application")).sequence(Long.parseLong(field(fields, "sequence")))
                    .revision(revision.isEmpty() ? null : new Revision(revision, fields.getOrDefault("digest", "")))
                    .outcome(Outcome.valueOf(field(fields, "outcome")))
                    .health(HealthOutcome.valueOf(field(fields, "health")))
                    .times(Instant.parse(field(fields, "started")), Instant.parse(field(fields, "finished")))
                    .runBy(fields.getOrDefault("runBy", ""))
                    .counts(Integer.parseInt(field(fields, "applied")), Integer.parseInt(field(fields, "pruned")),
                            Integer.parseInt(field(fields, "failed")))
                    .error(fields.getOrDefault("error", "")).build();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("a time of the run record is not ISO-8601: " + e.getParsedString(), e);
        }
    }

    private static String field(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the run record has no field " + name);
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunRecord that && application.equals(that.application)
                && sequence == that.sequence && Objects.equals(revision, that.revision) && outcome == that.outcome
                && health == that.health && started.equals(that.started) && finished.equals(that.finished)
                && runBy.equals(that.runBy) && applied == that.applied && pruned == that.pruned
                && failed == that.failed && error.equals(that.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(application, sequence, revision, outcome, health, started, finished, runBy);
    }

    /** Renders the record on one line: application, number, revision, outcome, health, runner, counts. */
    @Override
    public String toString() {
        return "RunRecord{application=" + application + ", sequence=" + sequence + ", revision="
                + (revision == null ? "none" : revision.id()) + ", outcome=" + outcome + ", health=" + health
                + ", finished=" + finished + ", runBy=" + runBy + ", applied=" + applied + ", pruned=" + pruned
                + ", failed=" + failed + (error.isEmpty() ? "" : ", error=" + error) + "}";
    }

    /** Builds a {@link RunRecord}. Not thread-safe. */
    public static final class Builder {
        private final String application;
        private long sequence;
        private Revision revision;
        private Outcome outcome;
        private HealthOutcome health = HealthOutcome.NOT_ASSESSED;
        private Instant started;
        private Instant finished;
        private String runBy = "";
        private int applied;
        private int pruned;
        private int failed;
        private String error = "";

        private Builder(String application) {
            this.application = application;
        }

        /**
         * Sets the sequence number; stores set it when they record.
         *
         * @param value at least 0
         * @return this builder
         */
        public Builder sequence(long value) {
            this.sequence = value;
            return this;
        }

        /**
         * Sets the revision loaded.
         *
         * @param value the revision, or {@code null} when the load failed
         * @return this builder
         */
        public Builder revision(Revision value) {
            this.revision = value;
            return this;
        }

        /**
         * Sets how the run ended (required).
         *
         * @param value the outcome
         * @return this builder
         */
        public Builder outcome(Outcome value) {
            this.outcome = requireNonNull(value, "outcome is null");
            return this;
        }

        /**
         * Sets the health outcome ({@link HealthOutcome#NOT_ASSESSED} by default).
         *
         * @param value the health outcome
         * @return this builder
         */
        public Builder health(HealthOutcome value) {
            this.health = requireNonNull(value, "health is null");
            return this;
        }

        /**
         * Sets when the run started and finished (required).
         *
         * @param start the start
         * @param end the end, not before the start
         * @return this builder
         */
        public Builder times(Instant start, Instant end) {
            this.started = requireNonNull(start, "started is null");
            this.finished = requireNonNull(end, "finished is null");
            return this;
        }

        /**
         * Sets who or what ran it ({@code ""} by default).
         *
         * @param value the runner
         * @return this builder
         */
        public Builder runBy(String value) {
            this.runBy = requireNonNull(value, "runBy is null");
            return this;
        }

        /**
         * Sets the counts of applied, pruned and failed objects.
         *
         * @param appliedCount created or updated
         * @param prunedCount deleted
         * @param failedCount failed steps
         * @return this builder
         */
        public Builder counts(int appliedCount, int prunedCount, int failedCount) {
            this.applied = appliedCount;
            this.pruned = prunedCount;
            this.failed = failedCount;
            return this;
        }

        /**
         * Sets the error summary ({@code ""} by default); it must hold no secret value.
         *
         * @param value the summary
         * @return this builder
         */
        public Builder error(String value) {
            this.error = requireNonNull(value, "error is null");
            return this;
        }

        /**
         * Builds the record.
         *
         * @return the record
         * @throws NullPointerException when the outcome or the times are missing
         * @throws IllegalArgumentException when a count is negative or it finished before it started
         */
        public RunRecord build() {
            return new RunRecord(this);
        }
    }
}
