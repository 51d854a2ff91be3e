package io.gitops4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.diff.ChangeType;
import io.gitops4j.k8s.KubernetesTarget;
import io.gitops4j.loop.Application;
import io.gitops4j.loop.ApplicationStatus;
import io.gitops4j.loop.GitOpsController;
import io.gitops4j.loop.RetryPolicy;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.ReconcileListener;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.StepResult;
import io.gitops4j.testkit.FaultInjectingProxy;
import io.gitops4j.testkit.FaultInjectingProxy.Fault;
import io.gitops4j.testkit.InMemorySource;
import io.gitops4j.testkit.ManualClock;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import io.gitops4j.testkit.time.ManualScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller, with several applications, in front of an API server that answers 500, 503, 429 (with
 * Retry-After), resets connections and stalls past the request timeout: runs fail per resource with a message, back
 * off by the retry policy, never prune in a run whose apply failed, and converge once the faults stop; the threads and
 * heap in use return to their level before the probe.
 */
class ApiFaultsTest {
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(10), 2.0, Duration.ofSeconds(60), 0);
    private static final int APPS = 4;
    private static final int OBJECTS = 6;

    @TempDir
    Path folder;

    @Test
    void faultyApiServerFailsRunsPerResourceBacksOffNeverPrunesAfterAFailedApplyAndConvergesWhenFaultsStop()
            throws IOException {
        // given an API server behind a faulty proxy, and a controller of four applications on manual time
        ProbeSettings settings = ProbeSettings.of("apifaults", 12, 11L);
        int threadsBefore = Thread.activeCount();
        long heapBefore = Footprint.usedHeap();
        Probe probe = new Probe(settings.seed());
        Map<String, Object> figures;
        try (EmbeddedKubernetesApi api = EmbeddedKubernetesApi.builder().namespaces(namespaces()).build().start();
                FaultInjectingProxy proxy = FaultInjectingProxy.builder(api.url()).seed(settings.seed())
                        .probability(Fault.ERROR_500, 0.04).probability(Fault.UNAVAILABLE_503, 0.04)
                        .probability(Fault.TOO_MANY_REQUESTS_429, 0.04).probability(Fault.RESET, 0.04)
                        .probability(Fault.STALL, 0.01).retryAfter(Duration.ofSeconds(1))
                        .stall(Duration.ofMillis(1500)).build().start();
                KubernetesTarget target = KubernetesTarget.builder().kubeconfig(kubeconfig(api, proxy))
                        .requestRetries(1).requestRetryInterval(Duration.ofMillis(20))
                        .connectTimeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofSeconds(1)).build();
                KubernetesClient direct = new KubernetesClientBuilder()
                        .withConfig(Config.fromKubeconfig(api.kubeconfig())).build();
                GitOpsController controller = probe.controller()) {
            for (int app = 0; app < APPS; app++) {
                controller.add(probe.application(app, target));
            }

            // when the controller runs a bounded number of times while the sources change
            for (int run = 0; run < settings.cases(); run++) {
                probe.maybeCommit();
                probe.scheduler.advanceToNext();
                probe.checkBackoff(controller);
            }
            int faultyRuns = probe.results.size();
            proxy.faultsOff();
            for (int round = 0; round < 2; round++) {
                for (int app = 0; app < APPS; app++) {
                    controller.trigger(name(app));
                }
            }

            // then every rule held, and each application converged once the faults stopped
            List<String> broken = new ArrayList<>(probe.broken);
            for (int app = 0; app < APPS; app++) {
                ClusterAudit audit = ClusterAudit.of(direct, name(app), namespace(app), probe.declared(app),
                        target.inventoryStore().load(name(app)));
                if (!audit.converged()) {
                    broken.add(name(app) + " did not converge: " + audit);
                }
                probe.orphans += audit.orphans().size();
                probe.missing += audit.missing().size();
            }
            figures = probe.figures(faultyRuns, proxy);
            assertThat(broken).as("seed %s; reproduce with %s", settings.seed(), settings.reproduce(settings.seed()))
                    .isEmpty();
            assertThat(probe.failedRuns).as("the faults made some runs fail").isPositive();
        }
        int leakedThreads = Footprint.settledThreads(threadsBefore) - threadsBefore;
        long heapGrowth = Footprint.usedHeap() - heapBefore;
        figures.put("threads leaked", Math.max(0, leakedThreads));
        figures.put("heap growth MB", heapGrowth / (1024 * 1024));
        ProbeReport.print("API faults", settings.cases(), 0, figures);
        assertThat(leakedThreads).as("threads left running after everything closed").isLessThanOrEqualTo(0);
        assertThat(heapGrowth).as("heap still in use after the probe").isLessThan(64L * 1024 * 1024);
    }

    /** The controller under test and what it recorded. */
    private static final class Probe {
        final ManualClock clock = ManualClock.create();
        final ManualScheduler scheduler = new ManualScheduler(clock);
        final Random random;
        final Map<String, InMemorySource> sources = new LinkedHashMap<>();
        final Map<String, Map<String, Set<ResourceKey>>> declared = new HashMap<>();
        final List<ReconcileResult> results = new CopyOnWriteArrayList<>();
        final List<String> broken = new ArrayList<>();
        final Set<String> errorShapes = new TreeSet<>();
        final Map<Integer, Integer> generations = new HashMap<>();
        int commits;
        int failedRuns;
        int failedSteps;
        int backoffs;
        int prunes;
        int orphans;
        int missing;
        int wrongDeletes;

        Probe(long seed) {
            this.random = new Random(seed);
        }

        GitOpsController controller() {
            return GitOpsController.builder().clock(clock).scheduler(scheduler).sleeper(clock).executor(Runnable::run)
                    .random(new Random(1)).reconcileListener(new ReconcileListener() {
                        @Override
                        public void finished(ReconcileResult result) {
                            check(result);
                        }
                    }).build();
        }

        Application application(int app, KubernetesTarget target) {
            InMemorySource source = InMemorySource.of(DesiredState.of("r0", configMaps(app, 0, OBJECTS)));
            sources.put(name(app), source);
            remember(app, "r0", configMaps(app, 0, OBJECTS));
            return Application.builder().name(name(app)).source(source).target(target).interval(INTERVAL)
                    .intervalJitter(0).retryPolicy(RETRY)
                    .reconcileOptions(ReconcileOptions.builder().healthTimeout(Duration.ofSeconds(5)).build()).build();
        }

        /** Half the time, one application's next revision drops its oldest object and adds a new one. */
        void maybeCommit() {
            if (random.nextBoolean()) {
                return;
            }
            int app = random.nextInt(APPS);
            commits++;
            int generation = generations.merge(app, 1, Integer::sum);
            String revision = "r" + commits;
            List<Resource> next = configMaps(app, generation, OBJECTS);
            sources.get(name(app)).commit(revision, next);
            remember(app, revision, next);
        }

        void check(ReconcileResult result) {
            results.add(result);
            boolean applyFailed = result.failedSteps().stream().anyMatch(s -> s.action() != ChangeType.DELETE);
            List<StepResult> deleted = result.steps().stream()
                    .filter(s -> s.status() == StepResult.Status.DELETED).collect(Collectors.toList());
            prunes += deleted.size();
            if (!result.succeeded()) {
                failedRuns++;
                failedSteps += result.failedSteps().size();
                if (result.failedSteps().isEmpty() && result.error().isEmpty()) {
                    broken.add(result.application() + ": a failed run without an error or a failed step");
                }
                result.failedSteps().forEach(step -> {
                    if (step.message().isBlank()) {
                        broken.add(result.application() + ": failed step without a message: " + step);
                    }
                    errorShapes.add(step.message().replaceAll("[0-9]+", "N").replaceAll("\\(.*", ""));
                });
            }
            if (applyFailed && !deleted.isEmpty()) {
                broken.add(result.application() + ": pruned " + deleted + " in a run whose apply failed");
            }
            Set<ResourceKey> wanted = result.revision()
                    .map(r -> declared.get(result.application()).get(r.id())).orElse(Set.of());
            for (StepResult step : deleted) {
                if (wanted.contains(step.key())) {
                    wrongDeletes++;
                    broken.add(result.application() + ": deleted declared " + step.key());
                }
            }
        }

        void checkBackoff(GitOpsController controller) {
            if (results.isEmpty()) {
                return;
            }
            ApplicationStatus status = controller.status(results.get(results.size() - 1).application());
            Duration delay = status.nextRun().map(next -> Duration.between(clock.instant(), next)).orElse(null);
            if (delay == null) {
                return;
            }
            if (status.consecutiveFailures() > 0) {
                backoffs++;
                if (delay.compareTo(RETRY.max()) > 0 || delay.compareTo(RETRY.initial()) < 0) {
                    broken.add(status.application() + ": after a failure the next run is in " + delay);
                }
            }
        }

        Set<ResourceKey> declared(int app) {
            InMemorySource source = sources.get(name(app));
            return source.load().resources().keySet();
        }

        private void remember(int app, String revision, List<Resource> resources) {
            declared.computeIfAbsent(name(app), k -> new HashMap<>())
                    .put(revision, resources.stream().map(Resource::key).collect(Collectors.toSet()));
        }

        Map<String, Object> figures(int faultyRuns, FaultInjectingProxy proxy) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("runs under faults", faultyRuns);
            figures.put("failed runs", failedRuns);
            figures.put("failed steps", failedSteps);
            figures.put("backoffs", backoffs);
            figures.put("prunes", prunes);
            figures.put("requests", proxy.requests());
            for (Fault fault : Fault.values()) {
                figures.put(fault.name(), proxy.injected(fault));
            }
            figures.put("orphans", orphans);
            figures.put("missing", missing);
            figures.put("wrong deletes", wrongDeletes);
            figures.put("distinct step errors", errorShapes.size());
            return figures;
        }
    }

    private static List<Resource> configMaps(int app, int first, int count) {
        List<Resource> resources = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            resources.add(ProbeObjects.configMap(namespace(app), "cm-" + i, Map.of("index", String.valueOf(i))));
        }
        return resources;
    }

    private Path kubeconfig(EmbeddedKubernetesApi api, FaultInjectingProxy proxy) throws IOException {
        Path file = folder.resolve("kubeconfig");
        Files.writeString(file, api.kubeconfig().replace(api.url().toString(), proxy.url().toString()));
        return file;
    }

    private static String[] namespaces() {
        String[] names = new String[APPS];
        for (int app = 0; app < APPS; app++) {
            names[app] = namespace(app);
        }
        return names;
    }

    static String name(int app) {
        return "app-" + app;
    }

    static String namespace(int app) {
        return "team-" + app;
    }
}
