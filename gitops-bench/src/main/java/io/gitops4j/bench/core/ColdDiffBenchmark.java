package io.gitops4j.bench.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.JsonDiff;
import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.diff.StateDiff;
import io.gitops4j.model.Resource;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * A cold diff (nothing cached) of N desired/live Deployment pairs, 1% changed, beside the generic tools a user
 * could pick instead, in the same run: zjsonpatch's {@code JsonDiff.asJson} over every pair, and a plain Jackson
 * {@code JsonNode.equals} over every pair (which only says "equal or not", and says "not" for every pair because
 * live objects carry server fields).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ColdDiffBenchmark {
    /** How many resources. */
    @Param({"10000"})
    public int size;

    private final DefaultStateDiffer differ = DefaultStateDiffer.defaults();
    private DeploymentPairs pairs;
    private List<JsonNode[]> trees;

    /** Builds the pairs. */
    @Setup
    public void setUp() {
        pairs = DeploymentPairs.of(size);
        trees = new ArrayList<>(size);
        for (Resource desired : pairs.changedA.resources().values()) {
            trees.add(new JsonNode[] {desired.tree(), pairs.liveOf(desired).object().tree()});
        }
        StateDiff diff = differ.diff(pairs.changedA, pairs.live);
        DeploymentPairs.require(diff.changed().size() == size / 100, "unexpected diff " + diff);
    }

    /**
     * gitops4j's differ over the whole state, nothing cached.
     *
     * @return the diff
     */
    @Benchmark
    public StateDiff gitops4jDiff() {
        return differ.diff(pairs.changedA, pairs.live);
    }

    /**
     * zjsonpatch's JSON Patch diff of every pair.
     *
     * @param blackhole keeps the patches
     */
    @Benchmark
    public void zjsonpatchDiff(Blackhole blackhole) {
        for (JsonNode[] pair : trees) {
            blackhole.consume(JsonDiff.asJson(pair[0], pair[1]));
        }
    }

    /**
     * Jackson's tree equality of every pair.
     *
     * @param blackhole keeps the answers
     */
    @Benchmark
    public void jacksonEquals(Blackhole blackhole) {
        for (JsonNode[] pair : trees) {
            blackhole.consume(pair[0].equals(pair[1]));
        }
    }
}
