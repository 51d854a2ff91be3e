package io.gitops4j.loop;

import static java.util.Objects.requireNonNull;

import io.gitops4j.diff.CachingStateDiffer;
import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.diff.StateDiffer;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.target.Target;
import io.gitops4j.reconcile.ReconcileOptions;
import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a {@link GitOpsController} keeps in sync: a named source, a target, and how to run it (interval with
 * jitter, prune, self-heal, dry run, initially suspended, health-wait timeout, retry policy), the engine options
 * it passes on each run (force, prune limit, allow large prune, allow empty), and which applications it depends on.
 *
 * <p>Defaults: interval 1 minute with 10% jitter, prune on, self-heal on, no dry run, not suspended, no health
 * wait, {@link RetryPolicy#defaults()}, {@link DefaultStateDiffer#defaults()}, and the engine's defaults
 * ({@link ReconcileOptions#defaults()}: no force, 50% prune limit, no large prune, no empty source), no
 * dependencies. Immutable and thread-safe (the
 * source and target it names state their own thread-safety); {@link #newBuilder()} makes a changed copy.
 *
 * <pre>{@code
 * Application shop = Application.builder()
 *         .name("shop")
 *         .source(gitSource)
 *         .target(kubernetesTarget)
 *         .interval(Duration.ofSeconds(30))
 *         .selfHeal(false)
 *         .build();
 * }</pre>
 */
public final class Application {
    private final String name;
    private final DesiredStateSource source;
    private final Target target;
    private final StateDiffer differ;
    private final Duration interval;
    private final double intervalJitter;
    private final boolean selfHeal;
    private final boolean dryRun;
    private final boolean suspended;
    private final RetryPolicy retryPolicy;
    private final ReconcileOptions runOptions;
    private final Set<String> dependsOn;

    private Application(Builder builder) {
        this.name = builder.name;
        this.source = builder.source;
        this.target = builder.target;
        this.differ = builder.differ != null ? builder.differ : CachingStateDiffer.wrap(DefaultStateDiffer.defaults());
        this.interval = builder.interval;
        this.intervalJitter = builder.intervalJitter;
        this.selfHeal = builder.selfHeal;
        this.dryRun = builder.dryRun;
        this.suspended = builder.suspended;
        this.retryPolicy = builder.retryPolicy;
        this.runOptions = runOptionsOf(builder);
        this.dependsOn = Collections.unmodifiableSortedSet(new TreeSet<>(builder.dependsOn));
    }

    private static ReconcileOptions runOptionsOf(Builder builder) {
        ReconcileOptions.Builder options = ReconcileOptions.builder().prune(builder.prune)
                .healthTimeout(builder.healthTimeout).force(builder.force).pruneLimit(builder.pruneLimit);
        if (builder.allowLargePrune) {
            options.allowLargePrune();
        }
        if (builder.allowEmpty) {
            options.allowEmpty();
        }
        return options.build();
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
     * Returns a builder initialised with this application's settings.
     *
     * @return a new builder
     */
    public Builder newBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.source = source;
        b.target = target;
        b.differ = differ;
        b.interval = interval;
        b.intervalJitter = intervalJitter;
        b.prune = runOptions.prune();
        b.selfHeal = selfHeal;
        b.dryRun = dryRun;
        b.suspended = suspended;
        b.healthTimeout = runOptions.healthTimeout();
        b.retryPolicy = retryPolicy;
        b.force = runOptions.force();
        b.pruneLimit = runOptions.pruneLimit();
        b.allowLargePrune = runOptions.allowLargePrune();
        b.allowEmpty = runOptions.allowEmpty();
        b.dependsOn.addAll(dependsOn);
        return b;
    }

    /**
     * Returns the unique name, which also names the inventory on the target.
     *
     * @return the unique name, which also names the inventory on the target
     */
    public String name() {
        return name;
    }

    /**
     * Returns where the desired state comes from.
     *
     * @return where the desired state comes from
     */
    public DesiredStateSource source() {
        return source;
    }

    /**
     * Returns where it is applied.
     *
     * @return where it is applied
     */
    public Target target() {
        return target;
    }

    /**
     * Returns the differ the engine uses.
     *
     * @return the differ the engine uses
     */
    public StateDiffer differ() {
        return differ;
    }

    /**
     * Returns the time between two runs when nothing else triggers one.
     *
     * @return the time between two runs when nothing else triggers one
     */
    public Duration interval() {
        return interval;
    }

    /**
     * Returns the share (0 to 1) by which an interval is lengthened at random.
     *
     * @return the share (0 to 1) by which an interval is lengthened at random
     */
    public double intervalJitter() {
        return intervalJitter;
    }

    /**
     * Returns whether owned resources no longer declared are deleted.
     *
     * @return whether owned resources no longer declared are deleted
     */
    public boolean prune() {
        return runOptions.prune();
    }

    /**
     * Returns whether drift of an applied revision is corrected (otherwise only reported).
     *
     * @return whether drift of an applied revision is corrected (otherwise only reported)
     */
    public boolean selfHeal() {
        return selfHeal;
    }

    /**
     * Returns whether every run is a dry run (validate and report, store nothing).
     *
     * @return whether every run is a dry run (validate and report, store nothing)
     */
    public boolean dryRun() {
        return dryRun;
    }

    /**
     * Returns whether the application starts suspended.
     *
     * @return whether the application starts suspended
     */
    public boolean suspended() {
        return suspended;
    }

    /**
     * Returns how long a run waits for applied resources to be healthy; zero for no wait.
     *
     * @return how long a run waits for applied resources to be healthy; zero for no wait
     */
    public Duration healthTimeout() {
        return runOptions.healthTimeout();
    }

    /**
     * Returns how failed runs are retried.
     *
     * @return how failed runs are retried
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Returns whether every run re-applies every declared resource and takes over conflicting fields.
     *
     * @return whether runs force (see {@link ReconcileOptions#force()})
     */
    public boolean force() {
        return runOptions.force();
    }

    /**
     * Returns the largest share of the inventory one run may delete unless {@link #allowLargePrune()}.
     *
     * @return a share between 0 and 1 (see {@link ReconcileOptions#pruneLimit()})
     */
    public double pruneLimit() {
        return runOptions.pruneLimit();
    }

    /**
     * Returns whether a run may delete any share of the inventory.
     *
     * @return whether the prune limit is lifted (see {@link ReconcileOptions#allowLargePrune()})
     */
    public boolean allowLargePrune() {
        return runOptions.allowLargePrune();
    }

    /**
     * Returns whether an empty desired state is applied (pruning what the application owns) instead of refused.
     *
     * @return whether an empty source is accepted (see {@link ReconcileOptions#allowEmpty()})
     */
    public boolean allowEmpty() {
        return runOptions.allowEmpty();
    }

    /**
     * Returns the engine options every run of this application starts from (prune, health timeout, force, prune
     * limit, allow large prune, allow empty); a run adds dry run and the revision to load.
     *
     * @return the options
     */
    public ReconcileOptions runOptions() {
        return runOptions;
    }

    /**
     * Returns the applications that must be ready before this one runs (see {@link Builder#dependsOn}).
     *
     * @return an unmodifiable set of names, sorted, empty when it depends on nothing
     */
    public Set<String> dependsOn() {
        return dependsOn;
    }

    /**
     * Returns the delay to the next interval run: the interval lengthened by up to {@link #intervalJitter()}.
     *
     * @param random a uniform value in [0, 1)
     * @return a delay in {@code [interval, interval × (1 + jitter)]}
     */
    public Duration jitteredInterval(double random) {
        return interval.plusNanos((long) (interval.toNanos() * intervalJitter * random));
    }

    @Override
    public String toString() {
        return "Application{name=" + name + ", source=" + source.describe() + ", interval=" + interval
                + ", prune=" + runOptions.prune() + ", selfHeal=" + selfHeal + ", dryRun=" + dryRun
                + (dependsOn.isEmpty() ? "" : ", dependsOn=" + dependsOn) + "}";
    }

    /** Configures an {@link Application}. Not thread-safe; the application it builds is. */
    public static final class Builder {
        private String name;
        private DesiredStateSource source;
        private Target target;
        private StateDiffer differ;
        private Duration interval = Duration.ofMinutes(1);
        private double intervalJitter = 0.1;
        private boolean prune = true;
        private boolean selfHeal = true;
        private boolean dryRun;
        private boolean suspended;
        private Duration healthTimeout = Duration.ZERO;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private boolean force = ReconcileOptions.defaults().force();
        private double pruneLimit = ReconcileOptions.defaults().pruneLimit();
        private boolean allowLargePrune = ReconcileOptions.defaults().allowLargePrune();
        private boolean allowEmpty = ReconcileOptions.defaults().allowEmpty();
        private final Set<String> dependsOn = new TreeSet<>();

        private Builder() {
        }

        /**
         * Sets the name (required), unique within a controller.
         *
         * @param value non-blank, without {@code ':'}
         * @return this builder
         */
        public Builder name(String value) {
            requireNonNull(value, "name is null");
            if (value.isBlank() || value.contains(":")) {
                throw new IllegalArgumentException("application name must be non-blank and contain no ':': '"
                        + value + "'");
            }
            this.name = value;
            return this;
        }

        /**
         * Sets the source (required).
         *
         * @param value the source
         * @return this builder
         */
        public Builder source(DesiredStateSource value) {
            this.source = requireNonNull(value, "source is null");
            return this;
        }

        /**
         * Sets the target (required).
         *
         * @param value the target
         * @return this builder
         */
        public Builder target(Target value) {
            this.target = requireNonNull(value, "target is null");
            return this;
        }

        /**
         * Sets the differ. The default is a {@link CachingStateDiffer} over {@link DefaultStateDiffer#defaults()},
         * private to what this builder builds: unchanged pairs (same desired content, same live uid,
         * resourceVersion and generation) are answered without walking their trees.
         *
         * @param value the differ
         * @return this builder
         */
        public Builder differ(StateDiffer value) {
            this.differ = requireNonNull(value, "differ is null");
            return this;
        }

        /**
         * Sets the interval between runs (default 1 minute).
         *
         * @param value positive
         * @return this builder
         */
        public Builder interval(Duration value) {
            requireNonNull(value, "interval is null");
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("interval must be positive: " + value);
            }
            this.interval = value;
            return this;
        }

        /**
         * Sets the share by which each interval is lengthened at random (default 0.1), so that applications
         * added together spread out.
         *
         * @param share between 0 and 1
         * @return this builder
         */
        public Builder intervalJitter(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("interval jitter must be a share between 0 and 1: " + share);
            }
            this.intervalJitter = share;
            return this;
        }

        /**
         * Sets whether owned resources no longer declared are deleted (default on).
         *
         * @param value whether to prune
         * @return this builder
         */
        public Builder prune(boolean value) {
            this.prune = value;
            return this;
        }

        /**
         * Sets whether drift of an already applied revision is corrected (default on); when off, drift is only
         * reported and the status is {@link SyncState#OUT_OF_SYNC}.
         *
         * @param value whether to self-heal
         * @return this builder
         */
        public Builder selfHeal(boolean value) {
            this.selfHeal = value;
            return this;
        }

        /**
         * Sets whether every run is a dry run (default off).
         *
         * @param value whether to dry-run
         * @return this builder
         */
        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        /**
         * Sets whether the application starts suspended (default off); {@link GitOpsController#resume} starts it.
         *
         * @param value whether to start suspended
         * @return this builder
         */
        public Builder suspended(boolean value) {
            this.suspended = value;
            return this;
        }

        /**
         * Sets how long a run waits for applied resources to be healthy (default zero: no wait).
         *
         * @param value not negative
         * @return this builder
         */
        public Builder healthTimeout(Duration value) {
            requireNonNull(value, "healthTimeout is null");
            if (value.isNegative()) {
                throw new IllegalArgumentException("healthTimeout must not be negative: " + value);
            }
            this.healthTimeout = value;
            return this;
        }

        /**
         * Sets how failed runs are retried (default {@link RetryPolicy#defaults()}).
         *
         * @param value the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = requireNonNull(value, "retryPolicy is null");
            return this;
        }

        /**
         * Sets whether every run re-applies every declared resource, in-sync ones included, and takes over
         * fields other managers own (default off, as the engine's {@link ReconcileOptions.Builder#force}).
         *
         * @param value whether to force
         * @return this builder
         */
        public Builder force(boolean value) {
            this.force = value;
            return this;
        }

        /**
         * Sets the largest share of the inventory one run may delete (default 0.5, as the engine's); a run that
         * would delete more deletes nothing and fails with a message saying so.
         *
         * @param share between 0 and 1
         * @return this builder
         * @throws IllegalArgumentException when outside [0, 1]
         */
        public Builder pruneLimit(double share) {
            this.pruneLimit = ReconcileOptions.builder().pruneLimit(share).build().pruneLimit();
            return this;
        }

        /**
         * Sets whether a run may delete any share of the inventory, lifting {@link #pruneLimit} (default off).
         *
         * @param value whether to allow large prunes
         * @return this builder
         */
        public Builder allowLargePrune(boolean value) {
            this.allowLargePrune = value;
            return this;
        }

        /**
         * Sets whether an empty desired state is applied while the application owns resources, which prunes them
         * (still within {@link #pruneLimit}), like Argo CD's {@code allowEmpty} (default off: such a run fails,
         * changes nothing, and its status says why).
         *
         * @param value whether to accept an empty source
         * @return this builder
         */
        public Builder allowEmpty(boolean value) {
            this.allowEmpty = value;
            return this;
        }

        /**
         * Adds applications this one depends on, like Flux's {@code dependsOn}: a run proceeds only when each of
         * them is ready, otherwise it is deferred (see {@link GitOpsController}). Dependencies may be added to the
         * controller later than their dependants; a cycle is refused by {@link GitOpsController#add}.
         *
         * @param names application names, not this application's own
         * @return this builder
         */
        public Builder dependsOn(String... names) {
            for (String dependency : requireNonNull(names, "names is null")) {
                requireNonNull(dependency, "a dependency name is null");
                if (dependency.isBlank()) {
                    throw new IllegalArgumentException("a dependency name is blank");
                }
                dependsOn.add(dependency);
            }
            return this;
        }

        /**
         * Builds the application.
         *
         * @return the application
         * @throws IllegalStateException when the name, source or target is missing
         */
        public Application build() {
            if (name == null || source == null || target == null) {
                throw new IllegalStateException("an application needs a name, a source and a target; missing:"
                        + (name == null ? " name" : "") + (source == null ? " source" : "")
                        + (target == null ? " target" : ""));
            }
            if (dependsOn.contains(name)) {
                throw new IllegalArgumentException("application '" + name + "' cannot depend on itself");
            }
            return new Application(this);
        }
    }
}
