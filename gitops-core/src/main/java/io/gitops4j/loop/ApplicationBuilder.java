package io.gitops4j.loop;

import static java.util.Objects.requireNonNull;

import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.diff.StateDiffer;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.target.Target;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * Configures an {@link Application}: {@link Application#builder()} starts from the defaults,
 * {@link Application#newBuilder()} from an existing application's settings. The name, source and target are
 * required; every other setting has the default {@link Application} lists.
 *
 * <p>Not thread-safe; the application it builds is immutable and thread-safe.
 */
public final class ApplicationBuilder {
    String name;
    DesiredStateSource source;
    Target target;
    StateDiffer differ;
    Duration interval = Duration.ofMinutes(1);
    double intervalJitter = 0.1;
    boolean prune = true;
    boolean selfHeal = true;
    boolean dryRun;
    boolean suspended;
    Duration healthTimeout = Duration.ZERO;
    RetryPolicy retryPolicy = RetryPolicy.defaults();
    boolean force = ReconcileOptions.defaults().force();
    double pruneLimit = ReconcileOptions.defaults().pruneLimit();
    boolean allowLargePrune = ReconcileOptions.defaults().allowLargePrune();
    boolean allowEmpty = ReconcileOptions.defaults().allowEmpty();
    final Set<String> dependsOn = new TreeSet<>();

    /** Starts from the defaults. */
    ApplicationBuilder() {
    }

    /** Starts from an application's settings, for {@link Application#newBuilder()}. */
    ApplicationBuilder(Application application) {
        this.name = application.name();
        this.source = application.source();
        this.target = application.target();
        this.differ = application.differ();
        this.interval = application.interval();
        this.intervalJitter = application.intervalJitter();
        this.prune = application.prune();
        this.selfHeal = application.selfHeal();
        this.dryRun = application.dryRun();
        this.suspended = application.suspended();
        this.healthTimeout = application.healthTimeout();
        this.retryPolicy = application.retryPolicy();
        this.force = application.force();
        this.pruneLimit = application.pruneLimit();
        this.allowLargePrune = application.allowLargePrune();
        this.allowEmpty = application.allowEmpty();
        this.dependsOn.addAll(application.dependsOn());
    }

    /**
     * Sets the name (required), unique within a controller.
     *
     * @param value non-blank, without {@code ':'}
     * @return this builder
     */
    public ApplicationBuilder name(String value) {
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
    public ApplicationBuilder source(DesiredStateSource value) {
        this.source = requireNonNull(value, "source is null");
        return this;
    }

    /**
     * Sets the target (required).
     *
     * @param value the target
     * @return this builder
     */
    public ApplicationBuilder target(Target value) {
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
    public ApplicationBuilder differ(StateDiffer value) {
        this.differ = requireNonNull(value, "differ is null");
        return this;
    }

    /**
     * Sets the interval between runs (default 1 minute).
     *
     * @param value positive
     * @return this builder
     */
    public ApplicationBuilder interval(Duration value) {
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
    public ApplicationBuilder intervalJitter(double share) {
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
    public ApplicationBuilder prune(boolean value) {
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
    public ApplicationBuilder selfHeal(boolean value) {
        this.selfHeal = value;
        return this;
    }

    /**
     * Sets whether every run is a dry run (default off).
     *
     * @param value whether to dry-run
     * @return this builder
     */
    public ApplicationBuilder dryRun(boolean value) {
        this.dryRun = value;
        return this;
    }

    /**
     * Sets whether the application starts suspended (default off); {@link GitOpsController#resume} starts it.
     *
     * @param value whether to start suspended
     * @return this builder
     */
    public ApplicationBuilder suspended(boolean value) {
        this.suspended = value;
        return this;
    }

    /**
     * Sets how long a run waits for applied resources to be healthy (default zero: no wait).
     *
     * @param value not negative
     * @return this builder
     */
    public ApplicationBuilder healthTimeout(Duration value) {
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
    public ApplicationBuilder retryPolicy(RetryPolicy value) {
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
    public ApplicationBuilder force(boolean value) {
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
    public ApplicationBuilder pruneLimit(double share) {
        this.pruneLimit = ReconcileOptions.builder().pruneLimit(share).build().pruneLimit();
        return this;
    }

    /**
     * Sets whether a run may delete any share of the inventory, lifting {@link #pruneLimit} (default off).
     *
     * @param value whether to allow large prunes
     * @return this builder
     */
    public ApplicationBuilder allowLargePrune(boolean value) {
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
    public ApplicationBuilder allowEmpty(boolean value) {
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
    public ApplicationBuilder dependsOn(String... names) {
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

    /** Returns the engine options every run of the application built starts from. */
    ReconcileOptions runOptions() {
        ReconcileOptions.Builder options = ReconcileOptions.builder().prune(prune).healthTimeout(healthTimeout)
                .force(force).pruneLimit(pruneLimit);
        if (allowLargePrune) {
            options.allowLargePrune();
        }
        if (allowEmpty) {
            options.allowEmpty();
        }
        return options.build();
    }
}
