package io.gitops4j.bench.core;

import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.diff.StateDiff;
import io.gitops4j.diff.StateDiffer;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.plan.Plan;
import io.gitops4j.plan.Planner;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.gen.ResourceGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Diff plus plan of N Deployments (about 1.5 KB each, spread over namespaces) against their live state, where 1% of
 * the desired Deployments changed since the last apply. Live objects carry server fields, a status and
 * last-applied state, as the in-memory target reports them. Target: 10,000 resources under 100 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DiffPlanBenchmark {
    /** How many resources the desired state holds. */
    @Param({"1000", "10000"})
    public int size;

    private final StateDiffer differ = DefaultStateDiffer.defaults();
    private final Planner planner = Planner.defaults();
    private DesiredState desired;
    private LiveState live;
    private StateDiff diff;

    /** Builds the desired state, applies it to an in-memory target, then changes 1% of it. */
    @Setup
    public void setUp() {
        ResourceGenerator generator = new ResourceGenerator(42);
        List<Resource> applied = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            applied.add(generator.deployment("ns-" + (i % 50), "app-" + i));
        }
        InMemoryTarget target = InMemoryTarget.create();
        applied.forEach(resource -> target.apply(resource, ApplyOptions.DEFAULT));
        live = target.observe(target.contents().keySet());
        List<Resource> next = new ArrayList<>(applied);
        for (int i = 0; i < size; i += 100) {
            next.set(i, generator.changed(next.get(i)));
        }
        desired = DesiredState.of("bench", next);
        diff = differ.diff(desired, live);
        Plan plan = diffAndPlan();
        if (plan.applies().size() != size / 100 || plan.unchanged().size() != size - size / 100) {
            throw new IllegalStateException("unexpected plan for the benchmark: " + plan.summary());
        }
    }

    /**
     * Diffs the desired state against the live state and plans the result.
     *
     * @return the plan, so JMH keeps the work
     */
    @Benchmark
    public Plan diffAndPlan() {
        return planner.plan(differ.diff(desired, live));
    }

    /**
     * Diffs only, to tell the differ's share of {@link #diffAndPlan()}.
     *
     * @return the diff
     */
    @Benchmark
    public StateDiff diffOnly() {
        return differ.diff(desired, live);
    }

    /**
     * Plans a precomputed diff only, to tell the planner's share of {@link #diffAndPlan()}.
     *
     * @return the plan
     */
    @Benchmark
    public Plan planOnly() {
        return planner.plan(diff);
    }
}
