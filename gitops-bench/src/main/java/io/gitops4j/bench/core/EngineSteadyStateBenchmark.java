package io.gitops4j.bench.core;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Revision;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.gen.ResourceGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole engine run ({@link GitOpsEngine#reconcile()}) over N Deployments on the in-memory target when nothing
 * changed: load (the source hands back the state it loaded last, as the Git source does for an unchanged commit),
 * prepare, read the inventory, observe, diff, plan, and record; nothing to apply or prune. The engine's defaults
 * throughout (the pure differ and planner, with the engine's memory of its last run).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineSteadyStateBenchmark {
    /** How many resources. */
    @Param({"10000"})
    public int size;

    private GitOpsEngine engine;

    /** Applies the state once, so every measured run finds nothing to do. */
    @Setup(Level.Trial)
    public void setUp() {
        ResourceGenerator generator = new ResourceGenerator(42);
        List<io.gitops4j.model.Resource> resources = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            resources.add(generator.deployment("ns-" + (i % 50), "app-" + i));
        }
        DesiredState state = DesiredState.of("r1", resources);
        engine = GitOpsEngine.builder().application("bench").source(new FixedSource(state))
                .target(InMemoryTarget.create()).build();
        ReconcileResult first = engine.reconcile();
        DeploymentPairs.require(first.outcome() == ReconcileResult.Outcome.APPLIED, "first run " + first.outcome());
        ReconcileResult second = engine.reconcile();
        DeploymentPairs.require(second.outcome() == ReconcileResult.Outcome.CONVERGED, "second run " + second.outcome());
    }

    /**
     * A run that finds nothing changed.
     *
     * @return the result
     */
    @Benchmark
    public ReconcileResult noChangeRun() {
        return engine.reconcile();
    }

    /** A source that always returns the same loaded state. */
    private record FixedSource(DesiredState state) implements DesiredStateSource {
        @Override
        public DesiredState load() {
            return state;
        }

        @Override
        public DesiredState load(Revision revision) {
            return state;
        }

        @Override
        public String describe() {
            return "fixed state " + state.revision();
        }
    }
}
