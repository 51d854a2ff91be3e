package io.gitops4j.reconcile;

import static java.util.Objects.requireNonNull;

import io.gitops4j.model.Revision;
import java.time.Duration;
import java.util.Optional;

/**
 * How one reconcile runs: dry run, prune, force, the prune-safety limit, an exact revision to load, how long
 * to wait for health, the deadline of the whole run, the application's {@link SyncOptions} (which each object's
 * sync-options annotations override) and whether prunes waiting for confirmation ({@code Prune=confirm}) may run.
 *
 * <p>Defaults: apply for real, prune on, no force, refuse to delete more than 50% of the inventory in one run, load
 * the latest revision, do not wait for health, a deadline of 5 minutes, {@link SyncOptions#none()}, prunes not
 * confirmed. Immutable and thread-safe;
 * {@link #newBuilder()} makes a changed copy.
 */
public final class ReconcileOptions {
    /** The default deadline of a run: 5 minutes. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(5);
    /** How many applies of one plan stage may run at once unless configured otherwise (bounded by the target). */
    public static final int DEFAULT_APPLY_CONCURRENCY = 8;
    private static final ReconcileOptions DEFAULTS = builder().build();

    private final boolean dryRun;
    private final boolean prune;
    private final boolean force;
    private final double pruneLimit;
    private final boolean allowLargePrune;
    private final boolean allowEmpty;
    private final Revision revision;
    private final Duration healthTimeout;
    private final Duration deadline;
    private final int applyConcurrency;
    private final SyncOptions syncOptions;
    private final boolean confirmPrune;

    private ReconcileOptions(Builder builder) {
        this.dryRun = builder.dryRun;
        this.prune = builder.prune;
        this.force = builder.force;
        this.pruneLimit = builder.pruneLimit;
        this.allowLargePrune = builder.allowLargePrune;
        this.allowEmpty = builder.allowEmpty;
        this.revision = builder.revision;
        this.healthTimeout = builder.healthTimeout;
        this.deadline = builder.deadline;
        this.applyConcurrency = builder.applyConcurrency;
        this.syncOptions = builder.syncOptions;
        this.confirmPrune = builder.confirmPrune;
    }

    /**
     * Returns the default options.
     *
     * @return apply, prune, no force, 50% prune limit, latest revision, no health wait
     */
    public static ReconcileOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder with the defaults set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder initialised with these options.
     *
     * @return a new builder
     */
    public Builder newBuilder() {
        Builder builder = new Builder();
        builder.dryRun = dryRun;
        builder.prune = prune;
        builder.force = force;
        builder.pruneLimit = pruneLimit;
        builder.allowLargePrune = allowLargePrune;
        builder.allowEmpty = allowEmpty;
        builder.revision = revision;
        builder.healthTimeout = healthTimeout;
        builder.deadline = deadline;
        builder.applyConcurrency = applyConcurrency;
        builder.syncOptions = syncOptions;
        builder.confirmPrune = confirmPrune;
        return builder;
    }

    /**
     * Tells whether the run only validates (target dry run) and records nothing.
     *
     * @return {@code true} for a dry run
     */
    public boolean dryRun() {
        return dryRun;
    }

    /**
     * Tells whether owned resources that are no longer declared are deleted.
     *
     * @return {@code true} when pruning (the default)
     */
    public boolean prune() {
        return prune;
    }

    /**
     * Tells whether every declared resource is re-applied, in-sync ones included, taking over conflicting fields.
     *
     * @return {@code true} when forcing
     */
    public boolean force() {
        return force;
    }

    /**
     * Returns the largest share of the inventory one run may delete without {@link #allowLargePrune()}.
     *
     * @return a share between 0 and 1; 0.5 by default
     */
    public double pruneLimit() {
        return pruneLimit;
    }

    /**
     * Tells whether the prune limit is overridden for this run.
     *
     * @return {@code true} when any share of the inventory may be deleted
     */
    public boolean allowLargePrune() {
        return allowLargePrune;
    }

    /**
     * Tells whether an empty desired state may be reconciled while the application owns resources (which prunes
     * them all, within the prune limit). Off by default: an empty load usually means a wrong path or a deleted
     * folder, not an intent to delete everything (like Argo CD's {@code allowEmpty}).
     *
     * @return {@code true} when an empty desired state is accepted
     */
    public boolean allowEmpty() {
        return allowEmpty;
    }

    /**
     * Returns the exact revision to load (a rollback), if any.
     *
     * @return the revision, or empty to load the latest
     */
    public Optional<Revision> revision() {
        return Optional.ofNullable(revision);
    }

    /**
     * Returns how long to wait for applied resources to become healthy.
     *
     * @return the timeout; {@link Duration#ZERO} (the default) means do not wait
     */
    public Duration healthTimeout() {
        return healthTimeout;
    }

    /**
     * Returns how long the whole run may take: load, apply, prune and health wait. Checked at each step boundary;
     * a run past it stops there with {@link ReconcileResult.Outcome#TIMED_OUT}. A target call already under way
     * is bounded by the target's own client timeouts, not by this deadline.
     *
     * @return the deadline; {@link #DEFAULT_DEADLINE} by default
     */
    public Duration deadline() {
        return deadline;
    }

    /**
     * Returns how many applies of one plan stage (one wave, one kind rank) may be under way at once. The run uses
     * the smaller of this and the target's {@link io.gitops4j.target.Target#applyConcurrency()}; stages still run one
     * after the other in plan order, and results are recorded in plan order whatever order the applies finish in.
     *
     * @return at least 1; {@link #DEFAULT_APPLY_CONCURRENCY} by default
     */
    public int applyConcurrency() {
        return applyConcurrency;
    }

    /**
     * Returns the application's sync options; an object's sync-options annotations override them option by option.
     *
     * @return the options; {@link SyncOptions#none()} by default
     */
    public SyncOptions syncOptions() {
        return syncOptions;
    }

    /**
     * Tells whether this run confirms the prunes of objects marked {@code Prune=confirm}, which are otherwise
     * skipped (and still owned) with a message saying they wait for confirmation.
     *
     * @return {@code true} when confirmed
     */
    public boolean confirmPrune() {
        return confirmPrune;
    }

    @Override
    public String toString() {
        return "ReconcileOptions{dryRun=" + dryRun + ", prune=" + prune + ", force=" + force + ", pruneLimit="
                + pruneLimit + ", allowLargePrune=" + allowLargePrune + ", allowEmpty=" + allowEmpty
                + ", revision=" + revision
                + ", healthTimeout=" + healthTimeout + ", deadline=" + deadline
                + (syncOptions.equals(SyncOptions.none()) ? "" : ", syncOptions=" + syncOptions)
                + (confirmPrune ? ", confirmPrune=true" : "") + "}";
    }

    /** Configures {@link ReconcileOptions}. Not thread-safe; the options it builds are. */
    public static final class Builder {
        private boolean dryRun;
        private boolean prune = true;
        private boolean force;
        private double pruneLimit = 0.5;
        private boolean allowLargePrune;
        private boolean allowEmpty;
        private Revision revision;
        private Duration healthTimeout = Duration.ZERO;
        private Duration deadline = DEFAULT_DEADLINE;
        private int applyConcurrency = DEFAULT_APPLY_CONCURRENCY;
        private SyncOptions syncOptions = SyncOptions.none();
        private boolean confirmPrune;

        private Builder() {
        }

        /**
         * Sets the application's sync options (default {@link SyncOptions#none()}); each object's sync-options
         * annotations override them option by option.
         *
         * @param value the options
         * @return this builder
         */
        public Builder syncOptions(SyncOptions value) {
            this.syncOptions = requireNonNull(value, "syncOptions is null");
            return this;
        }

        /**
         * Confirms, for this run, the prunes of objects marked {@code Prune=confirm} (default off: they are skipped
         * and stay owned until a run confirms them).
         *
         * @param value whether to confirm
         * @return this builder
         */
        public Builder confirmPrune(boolean value) {
            this.confirmPrune = value;
            return this;
        }

        /**
         * Sets dry run: the target validates every change (server-side) but stores nothing, and the inventory is
         * not saved.
         *
         * @param value whether to dry-run
         * @return this builder
         */
        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        /**
         * Sets whether owned resources that are no longer declared are deleted (default on).
         *
         * @param value whether to prune
         * @return this builder
         */
        public Builder prune(boolean value) {
            this.prune = value;
            return this;
        }

        /**
         * Sets force: re-apply every declared resource, in-sync ones included, and take over fields other
         * managers own instead of failing with a conflict.
         *
         * @param value whether to force
         * @return this builder
         */
        public Builder force(boolean value) {
            this.force = value;
            return this;
        }

        /**
         * Sets the largest share of the inventory one run may delete (default 0.5). A run that would delete more
         * deletes nothing and says so, unless {@link #allowLargePrune()} is set.
         *
         * @param share between 0 and 1 inclusive
         * @return this builder
         * @throws IllegalArgumentException when outside [0, 1]
         */
        public Builder pruneLimit(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("pruneLimit must be a share between 0 and 1: " + share);
            }
            this.pruneLimit = share;
            return this;
        }

        /**
         * Allows this run to delete any share of the inventory, overriding {@link #pruneLimit(double)}.
         *
         * @return this builder
         */
        public Builder allowLargePrune() {
            this.allowLargePrune = true;
            return this;
        }

        /**
         * Accepts an empty desired state while the application owns resources, so that they are all pruned: for an
         * empty desired state it also lifts the prune limit (pruning everything is what was asked for, so
         * {@link #allowLargePrune()} is not needed too); for any other desired state the limit holds as usual.
         * Without it such a run fails and changes nothing.
         *
         * @return this builder
         */
        public Builder allowEmpty() {
            this.allowEmpty = true;
            return this;
        }

        /**
         * Loads an exact revision instead of the latest (a rollback).
         *
         * @param value the revision, or {@code null} for the latest
         * @return this builder
         */
        public Builder revision(Revision value) {
            this.revision = value;
            return this;
        }

        /**
         * Waits up to this long after applying for every applied resource to be healthy (default: do not wait).
         *
         * @param timeout not negative; {@link Duration#ZERO} disables the wait
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder healthTimeout(Duration timeout) {
            requireNonNull(timeout, "timeout is null");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("healthTimeout must not be negative: " + timeout);
            }
            this.healthTimeout = timeout;
            return this;
        }

        /**
         * Sets how long the whole run may take (default 5 minutes); the health wait ends at the deadline too.
         *
         * @param value positive
         * @return this builder
         * @throws IllegalArgumentException when zero or negative
         */
        public Builder deadline(Duration value) {
            requireNonNull(value, "deadline is null");
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("deadline must be positive: " + value);
            }
            this.deadline = value;
            return this;
        }

        /**
         * Sets how many applies of one plan stage may be under way at once, bounded by what the target allows
         * ({@link io.gitops4j.target.Target#applyConcurrency()}); {@code 1} applies one step after the other.
         *
         * @param value at least 1; {@link ReconcileOptions#DEFAULT_APPLY_CONCURRENCY} by default
         * @return this builder
         * @throws IllegalArgumentException when less than 1
         */
        public Builder applyConcurrency(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("applyConcurrency must be at least 1, got " + value);
            }
            this.applyConcurrency = value;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return immutable options
         */
        public ReconcileOptions build() {
            return new ReconcileOptions(this);
        }
    }
}
