package io.gitops4j.loop;

import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.diff.StateDiffer;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.target.Target;
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

    /** Takes the settings of a builder that {@link ApplicationBuilder#build()} has validated. */
    Application(ApplicationBuilder builder) {
        this.name = builder.name;
        this.source = builder.source;
        this.target = builder.target;
        this.differ = builder.differ != null ? builder.differ : DefaultStateDiffer.defaults();
        this.interval = builder.interval;
        this.intervalJitter = builder.intervalJitter;
        this.selfHeal = builder.selfHeal;
        this.dryRun = builder.dryRun;
        this.suspended = builder.suspended;
        this.retryPolicy = builder.retryPolicy;
        this.runOptions = builder.runOptions();
        this.dependsOn = Collections.unmodifiableSortedSet(new TreeSet<>(builder.dependsOn));
    }

    /**
     * Returns a builder with the defaults set.
     *
     * @return a new builder
     */
    public static ApplicationBuilder builder() {
        return new ApplicationBuilder();
    }

    /**
     * Returns a builder initialised with this application's settings.
     *
     * @return a new builder
     */
    public ApplicationBuilder newBuilder() {
        return new ApplicationBuilder(this);
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
     * Returns the applications that must be ready before this one runs (see {@link ApplicationBuilder#dependsOn}).
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
}
