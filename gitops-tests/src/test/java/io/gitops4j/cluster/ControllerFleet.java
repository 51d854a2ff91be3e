package io.gitops4j.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.loop.Application;
import io.gitops4j.loop.ControllerListener;
import io.gitops4j.loop.GitOpsController;
import io.gitops4j.loop.HistoryEntry;
import io.gitops4j.model.Resource;
import io.gitops4j.target.Target;
import io.gitops4j.testkit.InMemorySource;
import io.gitops4j.testkit.ManualClock;
import io.gitops4j.testkit.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Controllers of one fleet in one JVM, each on its own manual clock and timer with runs inline, sharing a lease
 * store and the targets (one cluster). Time moves in lockstep for the replicas that are neither paused nor killed.
 */
final class ControllerFleet implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofMinutes(1);
    static final LeaseTiming TIMING = new LeaseTiming(Duration.ofSeconds(15), Duration.ofSeconds(10),
            Duration.ofSeconds(2));
    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, InMemorySource> sources = new LinkedHashMap<>();
    final Map<String, Node> nodes = new LinkedHashMap<>();
    /** Every finished run: who ran which application, at which fleet time, and how it ended. */
    final List<Run> runs = new CopyOnWriteArrayList<>();
    private final Function<String, io.gitops4j.cluster.LeaseStore> stores;
    private final Function<String, Target> targets;
    private Instant now = Instant.parse("2026-03-29T00:00:00Z");

    record Run(String replica, String application, Instant at, HistoryEntry entry) {
    }

    /** One replica: its time, its controller, and whether the test killed or paused it. */
    final class Node {
        final String id;
        final ManualClock clock = new ManualClock(now);
        final ManualScheduler scheduler = new ManualScheduler(clock);
        final GitOpsController controller;
        boolean killed;
        boolean paused;

        Node(String id) {
            this.id = id;
            ClusterCoordinator coordinator = ClusterCoordinator.builder(stores.apply(id), id).timing(TIMING)
                    .clock(clock).build();
            this.controller = GitOpsController.builder().clock(clock).scheduler(scheduler).sleeper(clock)
                    .executor(Runnable::run).random(new Random(1)).cluster(coordinator)
                    .listener(new ControllerListener() {
                        @Override
                        public void runFinished(String application, HistoryEntry entry) {
                            runs.add(new Run(id, application, clock.instant(), entry));
                        }
                    }).build();
        }
    }

    ControllerFleet(int applications, Function<String, io.gitops4j.cluster.LeaseStore> stores,
            Function<String, Target> targets) {
        this.stores = stores;
        this.targets = targets;
        for (int i = 0; i < applications; i++) {
            String name = String.format("app-%03d", i);
            InMemorySource source = InMemorySource.create();
            source.commit("c1-" + name, List.of(configMap(name)));
            sources.put(name, source);
        }
    }

    static Resource configMap(String application) {
        ObjectNode body = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        body.putObject("metadata").put("name", application).put("namespace", "default");
        body.putObject("data").put("owner", application);
        return Resource.of(body);
    }

    /** Starts a replica with every application. */
    Node start(String id) {
        Node node = new Node(id);
        nodes.put(id, node);
        for (Map.Entry<String, InMemorySource> app : sources.entrySet()) {
            node.controller.add(Application.builder().name(app.getKey()).source(app.getValue())
                    .target(targets.apply(id)).interval(INTERVAL).intervalJitter(0).build());
        }
        node.scheduler.runDue();
        return node;
    }

    /** Moves fleet time on in one-second steps; replicas not paused or killed see it and run what falls due. */
    void advance(Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            now = now.plusSeconds(1);
            for (Node node : nodes.values()) {
                if (!node.killed && !node.paused) {
                    node.scheduler.advance(Duration.ofSeconds(1));
                }
            }
        }
    }

    Instant now() {
        return now;
    }

    /** Runs per application finished at or after {@code from}, by anyone. */
    Map<String, Integer> runsSince(Instant from) {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        for (Run run : runs) {
            if (!run.at().isBefore(from)) {
                counts.merge(run.application(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The replicas whose runs of an application finished at or after {@code from}. */
    List<String> runnersSince(String application, Instant from) {
        List<String> who = new ArrayList<>();
        for (Run run : runs) {
            if (run.application().equals(application) && !run.at().isBefore(from) && !who.contains(run.replica())) {
                who.add(run.replica());
            }
        }
        return who;
    }

    @Override
    public void close() {
        for (Node node : nodes.values()) {
            if (!node.killed) {
                node.controller.close();
            }
        }
    }
}
