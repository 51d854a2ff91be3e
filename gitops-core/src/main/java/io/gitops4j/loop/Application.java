package io.gitops4j.loop;

import static java.util.Objects.requireNonNull;

import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.diff.StateDiffer;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.SyncOptions;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.target.Target;
import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a {@link GitOpsController} keeps in sync: a named source, a target, when to run it (interval with jitter,
 * initially suspended, retry policy), whether drift is corrected (self-heal), the {@link ReconcileOptions} every
 * run starts from (dry run, prune, force, prune limit, allow large prune, allow empty, health timeout, deadline),
 * and which applications it depends on.
 *
 * <p>Defaults: interval 1 minute with 10% jitter, self-heal on, not suspended, {@link RetryPolicy#defaults()}, a
 * {@link DefaultStateDiffer#defaults()}, {@link ReconcileOptions#defaults()}
 * (apply for real, prune on, no force, 50% prune limit, no empty source, no health wait, a 5-minute deadline), no
 * dependencies. Immutable and thread-safe (the source and target it names state their own thread-safety);
 * {@link #newBuilder()} makes a changed copy.
 *
 * <pre>{@code
 * Application shop = Application.builder()
 *         .name("shop")
 *         .source(gitSource)
 *         .target(kubernetesTarget)
 *         .interval(Duration.ofSeconds(30))
 *         .selfHeal(false)
 *         .reconcileOptions(ReconcileOptions.builder().healthTimeout(Duration.ofMinutes(2)).build())
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
    private final boolean suspended;
    private final RetryPolicy retryPolicy;
    private final ReconcileOptions reconcileOptions;
    private final Set<String> dependsOn;

    private Application(Builder builder) {
        this.name = builder.name;
        this.source = builder.source;
        this.target = builder.target;
        this.differ = builder.differ != null ? builder.differ : DefaultStateDiffer.defaults();
        this.interval = builder.interval;
        this.intervalJitter = builder.intervalJitter;
        this.selfHeal = builder.selfHeal;
        this.suspended = builder.suspended;
        this.retryPolicy = builder.retryPolicy;
        this.reconcileOptions = builder.reconcileOptions;
        this.dependsOn = Collections.unmodifiableSortedSet(new TreeSet<>(builder.dependsOn));
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
        return new Builder(this);
    }

    /**
     * Returns the unique name, which also names the inventory on the target.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns where the desired state comes from.
     *
     * @return the source
     */
    public DesiredStateSource source() {
        return source;
    }

    /**
     * Returns where the desired state is applied.
     *
     * @return the target
     */
    public Target target() {
        return target;
    }

    /**
     * Returns the differ the engine uses.
     *
     * @return the differ
     */
    public StateDiffer differ() {
        return differ;
    }

    /**
     * Returns the time between two runs when nothing else triggers one.
     *
     * @return a positive duration
     */
    public Duration interval() {
        return interval;
    }

    /**
     * Returns the share by which an interval is lengthened at random.
     *
     * @return a share between 0 and 1
     */
    public double intervalJitter() {
        return intervalJitter;
    }

    /**
     * Tells whether drift of an applied revision is corrected (otherwise only reported).
     *
     * @return {@code true} when self-healing
     */
    public boolean selfHeal() {
        return selfHeal;
    }

    /**
     * Tells whether the application starts suspended.
     *
     * @return {@code true} when it starts suspended
     */
    public boolean suspended() {
        return suspended;
    }

    /**
     * Returns how failed runs are retried.
     *
     * @return the policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Returns the engine options every run of this application starts from; each run sets the revision to load
     * (the latest, or the pinned one) and runs dry as well when it only reports drift (self-heal off).
     *
     * @return the options, without a revision
     */
    public ReconcileOptions reconcileOptions() {
        return reconcileOptions;
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
                + ", prune=" + reconcileOptions.prune() + ", selfHeal=" + selfHeal + ", dryRun="
                + reconcileOptions.dryRun() + (dependsOn.isEmpty() ? "" : ", dependsOn=" + dependsOn) + "}";
    }

    /**
     * Configures an {@link Application}: {@link Application#builder()} starts from the defaults,
     * {@link Application#newBuilder()} from an existing application's settings. The name, source and target are
     * required; every other setting has the default {@link Application} lists.
     *
     * <p>Not thread-safe; the application it builds is immutable and thread-safe.
     */
    public static final class Builder {
        private String name;
        private DesiredStateSource source;
        private Target target;
        private StateDiffer differ;
        private Duration interval = Duration.ofMinutes(1);
        private double intervalJitter = 0.1;
        private boolean selfHeal = true;
        private boolean suspended;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private ReconcileOptions reconcileOptions = ReconcileOptions.defaults();
        private final Set<String> dependsOn = new TreeSet<>();

        private Builder() {
        }

        private Builder(Application application) {
            this.name = application.name;
            this.source = application.source;
            this.target = application.target;
            this.differ = application.differ;
            this.interval = application.interval;
            this.intervalJitter = application.intervalJitter;
            this.selfHeal = application.selfHeal;
            this.suspended = application.suspended;
            this.retryPolicy = application.retryPolicy;
            this.reconcileOptions = application.reconcileOptions;
            this.dependsOn.addAll(application.dependsOn);
        }

        /**
         * Sets the name (required), unique within a controller.
         *
         * @param value non-blank, without {@code ':'}
         * @return this builder
         */
        public Builder name(String value) {
            this.name = ApplicationChecks.name(value);
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
         * Sets the differ (default {@link DefaultStateDiffer#defaults()}). The application's engine remembers its last
         * run and asks the differ only about pairs of objects that are not the very same as last time.
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
            this.interval = ApplicationChecks.interval(value);
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
            this.intervalJitter = ApplicationChecks.jitter(share);
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
         * Sets the engine options every run starts from (default {@link ReconcileOptions#defaults()}): dry run,
         * prune, force, prune limit, allow large prune, allow empty, health timeout and deadline. The revision is
         * not one of them: each run loads the latest, or the one {@link GitOpsController#rollback} pinned.
         *
         * @param value options without a {@link ReconcileOptions#revision() revision}
         * @return this builder
         * @throws IllegalArgumentException when the options name a revision
         */
        public Builder reconcileOptions(ReconcileOptions value) {
            this.reconcileOptions = ApplicationChecks.reconcileOptions(value);
            return this;
        }

        /**
         * Sets the application's sync options (Argo CD's {@code syncPolicy.syncOptions}), keeping the other
         * {@linkplain #reconcileOptions engine options}; each object's sync-options annotations override them.
         *
         * @param value the options, e.g. {@code SyncOptions.parse("CreateNamespace=true,PruneLast=true")}
         * @return this builder
         */
        public Builder syncOptions(SyncOptions value) {
            this.reconcileOptions = reconcileOptions.newBuilder().syncOptions(requireNonNull(value, "syncOptions is null"))
                    .build();
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
            dependsOn.addAll(ApplicationChecks.dependencies(names));
            return this;
        }

        /**
         * Builds the application.
         *
         * @return the application
         * @throws IllegalStateException when the name, source or target is missing
         * @throws IllegalArgumentException when the application depends on itself
         */
        public Application build() {
            ApplicationChecks.complete(name, source, target, dependsOn);
            return new Application(this);
        }
    }
}
