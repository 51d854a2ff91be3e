package io.gitops4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JMH result files ({@code -rff results.json}) and prints the issue-9 figures as one Markdown table:
 * figure, gitops4j, peer, ratio, target. Scores are medians of every measured iteration (or single shot).
 * Used by {@code gitops-bench/run-all.sh}: {@code java -cp benchmarks.jar io.gitops4j.bench.BenchmarkTable a.json b.json}.
 */
public final class BenchmarkTable {
    private static final String CORE = "io.gitops4j.bench.core.";
    private static final String COLD = CORE + "ColdDiffBenchmark.";
    private static final String CACHED = CORE + "CachedDiffPlanBenchmark.";
    private static final String GIT = "io.gitops4j.bench.git.GitSourceBenchmark.";
    private static final String LOOP = "io.gitops4j.bench.loop.SteadyStateBenchmark.noChangeCycle";
    private static final String K8S = "io.gitops4j.bench.k8s.KubernetesObserveBenchmark.";
    private static final String RENDER = "io.gitops4j.bench.render.";
    private static final String APPLY = "io.gitops4j.bench.apply.";
    private static final String FIRST = APPLY + "FirstApplyBenchmark.";
    private static final String NO_CHANGE = APPLY + "NoChangeApplyBenchmark.";
    private static final String TRIGGER = "io.gitops4j.bench.loop.CommitToAppliedBenchmark.commitToApplied[mode=trigger]";

    private final Map<String, JsonNode> results = new HashMap<>();

    private BenchmarkTable() {
    }

    /**
     * Prints the table.
     *
     * @param args the JMH JSON result files
     * @throws IOException when a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        BenchmarkTable table = new BenchmarkTable();
        ObjectMapper mapper = new ObjectMapper();
        for (String file : args) {
            for (JsonNode result : mapper.readTree(Path.of(file).toFile())) {
                String benchmark = result.path("benchmark").asText();
                table.results.put(benchmark, result);
                table.results.put(benchmark + withParams(result.path("params")), result);
            }
        }
        table.print(System.out);
    }

    private void print(PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        Double cold = primary(COLD + "gitops4jDiff");
        Double zjsonpatch = primary(COLD + "zjsonpatchDiff");
        Double steady = primary(CACHED + "steadyState");
        Double pairByPair = primary(CACHED + "steadyStatePairByPair");
        Double onePercent = primary(CACHED + "onePercentChanged");
        Double coldOnePercent = primary(CACHED + "coldDiffOfTheChangedOnePercent");
        Double bound = pairByPair == null || coldOnePercent == null ? null : pairByPair + coldOnePercent;
        rows.add(row("Cold diff, 10,000 pairs, 1% changed (ms) — peer: zjsonpatch JsonDiff.asJson", cold, zjsonpatch,
                "ratio ≤ 1.0 (aim 0.5)", ratioAtMost(cold, zjsonpatch, 1.0)));
        rows.add(row("Cold diff, 10,000 pairs (ms) — peer: Jackson JsonNode.equals", cold,
                primary(COLD + "jacksonEquals"), "for reference", null));
        rows.add(row("Steady state (nothing changed) diff + plan, 10,000 (ms) — peer: zjsonpatch", steady, zjsonpatch,
                "≤ 5 ms", atMost(steady, 5)));
        rows.add(row("Steady state recognised pair by pair (new desired state object, same resources) (ms) — peer:"
                + " zjsonpatch", pairByPair, zjsonpatch, "≤ 5 ms", atMost(pairByPair, 5)));
        rows.add(row("Steady state, live re-observed as new objects, diff + plan (ms) — peer: zjsonpatch",
                primary(CACHED + "steadyStateReobserved"), zjsonpatch, "for reference", null));
        rows.add(row("1% changed, diff + plan (ms) — peer: pair-by-pair steady state + cold diff of the 1%",
                onePercent, bound,
                "ratio ≤ 2.0", ratioAtMost(onePercent, bound, 2.0)));
        rows.add(row("Whole engine run, nothing changed, 10,000 resources, in-memory target (ms)",
                primary(CORE + "EngineSteadyStateBenchmark.noChangeRun"), null, "for reference", null));
        Double refresh = primary(GIT + "noChangeRefresh");
        rows.add(row("Git no-change refresh (ms)", refresh, null, "< 50 ms", atMost(refresh, 50)));
        Double load = primary(GIT + "initialLoad");
        Double cli = primary(GIT + "cliCloneAndLoad");
        rows.add(row("Git initial load, 5,000 files (ms) — peer: git clone + read + parse", load, cli, "ratio ≤ 1.0",
                ratioAtMost(load, cli, 1.0)));
        rows.add(row("Git new commit, 1 of 5,000 files changed, load (ms) — peer: full load of that commit",
                primary(GIT + "newCommitOneFileChanged"), primary(GIT + "newCommitFullLoad"), "for reference", null));
        Double heap = secondary(CORE + "MemoryBenchmark.steadyStateDiff", "retainedMB");
        rows.add(row("Heap: 10,000 desired + live + the engine's memo (MB, used heap after GC)", heap, null, "< 200 MB",
                atMost(heap, 200)));
        rows.add(row("Heap: the memo's share of it (MB)",
                secondary(CORE + "MemoryBenchmark.steadyStateDiff",
                "cacheMB"), null, "for reference", null));
        Double cpu = secondary(LOOP, "cpuMsPerCycle");
        rows.add(row("Loop: 200 apps × 50 resources, no-change cycle, thread CPU (ms) — peer: wall time", cpu,
                primary(LOOP), "< 1000 ms CPU", atMost(cpu, 1000)));
        Double observeOn = primary(K8S + "observeDiffPlan[reuse=true,size=1000]");
        Double observeOff = primary(K8S + "observeDiffPlan[reuse=false,size=1000]");
        rows.add(row("Kubernetes no-change observe + diff + plan, 1,000 Deployments, embedded API (ms) — peer: live"
                + " objects rebuilt on every observe", observeOn, observeOff, "ratio ≤ 1.0",
                ratioAtMost(observeOn, observeOff, 1.0)));
        rows.add(row("Kubernetes observe + diff + plan, benchmark thread CPU (ms) — peer: live objects rebuilt",
                secondary(K8S + "observeDiffPlan[reuse=true,size=1000]", "cpuMsPerOp"),
                secondary(K8S + "observeDiffPlan[reuse=false,size=1000]", "cpuMsPerOp"), "for reference", null));
        rows.add(row("Kubernetes observe alone, benchmark thread CPU (ms) — peer: live objects rebuilt",
                secondary(K8S + "observe[reuse=true,size=1000]", "cpuMsPerOp"),
                secondary(K8S + "observe[reuse=false,size=1000]", "cpuMsPerOp"), "for reference", null));
        Double noRender = primary(RENDER + "RenderCacheBenchmark.noChangeCommit");
        Double rendered = primary(RENDER + "RenderCacheBenchmark.changedCommit");
        rows.add(row("Kustomize overlay, 200 resources: new commit to another folder, load (ms) — peer: a commit to"
                + " its base (render)", noRender, rendered, "no render: ratio < 1.0", ratioAtMost(noRender, rendered,
                1.0)));
        Double nativeRender = primary(RENDER + "KustomizeRenderBenchmark.nativeRender");
        Double kubectl = primary(RENDER + "KustomizeRenderBenchmark.kubectlKustomize");
        rows.add(row("Kustomize render, 200-resource overlay, parsed (ms) — peer: kubectl kustomize process + parse",
                nativeRender, kubectl, "ratio ≤ 1.0", ratioAtMost(nativeRender, kubectl, 1.0)));
        applyRows(rows);
        out.println("| figure | gitops4j | peer | ratio | target |");
        out.println("|---|---:|---:|---:|---|");
        for (String[] row : rows) {
            out.println("| " + String.join(" | ", row) + " |");
        }
    }

    /** The rows of applying to the embedded Kubernetes API, against kubectl, and of the controller and trigger. */
    private void applyRows(List<String[]> rows) {
        for (String shape : List.of("folder305", "argocd")) {
            String label = shape.equals("folder305") ? "305 objects" : "Argo CD install.yaml shape (59, 3 large CRDs)";
            Double ours = primary(FIRST + "gitops4j[shape=" + shape + "]");
            Double kubectl = primary(FIRST + "kubectl[shape=" + shape + "]");
            rows.add(row("First apply, " + label + ", in process, warm (ms) — peer: kubectl apply --server-side"
                    + " (process)", ours, kubectl, "ratio ≤ 0.25", ratioAtMost(ours, kubectl, 0.25)));
        }
        Double cli = primary(APPLY + "CliApplyBenchmark.cliFirstApply");
        Double kubectlFirst = primary(APPLY + "CliApplyBenchmark.kubectlFirstApply");
        rows.add(row("First apply, 305 objects, CLI launcher with its class-data archive, JVM start included (ms) —"
                + " peer: kubectl apply --server-side", cli, kubectlFirst, "ratio ≤ 1.0 (aim 0.5)",
                ratioAtMost(cli, kubectlFirst, 1.0)));
        Double cli25 = primary(APPLY + "CliApplyBenchmark.cliJava25FirstApply");
        rows.add(row("First apply, 305 objects, CLI launcher on Java 25 with its AOT cache, JVM start included (ms) —"
                + " peer: kubectl apply --server-side", cli25, kubectlFirst, "ratio ≤ 1.0 (aim 0.5)",
                ratioAtMost(cli25, kubectlFirst, 1.0)));
        Double javaJar = primary(APPLY + "CliApplyBenchmark.cliJavaJarFirstApply");
        rows.add(row("First apply, 305 objects, plain java -jar (ms) — peer: kubectl apply --server-side", javaJar,
                kubectlFirst, "for reference", null));
        for (String shape : List.of("folder305", "argocd")) {
            String label = shape.equals("folder305") ? "305 objects" : "Argo CD shape";
            Double kubectlAgain = primary(NO_CHANGE + "kubectl[observe=list,shape=" + shape + "]");
            for (String observe : List.of("watch", "list")) {
                String run = NO_CHANGE + "gitops4j[observe=" + observe + ",shape=" + shape + "]";
                Double ours = primary(run);
                String how = observe.equals("watch") ? "watch cache" : "observed by LIST";
                rows.add(row("No-change run, " + label + ", in process, warm, " + how + " (ms) — peer: kubectl"
                        + " re-apply (process)", ours, kubectlAgain, observe.equals("watch") ? "≤ 20 ms" : "for reference",
                        observe.equals("watch") ? atMost(ours, 20) : null));
                rows.add(row("No-change run, " + label + ", " + how + ": requests other than GET per run",
                        secondary(run, "writesPerRun"), null, observe.equals("watch") ? "0" : "for reference",
                        observe.equals("watch") ? atMost(secondary(run, "writesPerRun"), 0) : null));
            }
        }
        Double cliNoChange = primary(APPLY + "CliNoChangeBenchmark.cli");
        Double kubectlAgain = primary(APPLY + "CliNoChangeBenchmark.kubectl");
        rows.add(row("No-change run, 305 objects, CLI launcher with its archive (ms) — peer: kubectl apply"
                + " --server-side re-apply", cliNoChange, kubectlAgain, "ratio ≤ 0.5",
                ratioAtMost(cliNoChange, kubectlAgain, 0.5)));
        Double cliNoChange25 = primary(APPLY + "CliNoChangeBenchmark.cliJava25");
        rows.add(row("No-change run, 305 objects, CLI launcher on Java 25 with its AOT cache (ms) — peer: kubectl"
                + " apply --server-side re-apply", cliNoChange25, kubectlAgain, "ratio ≤ 0.5",
                ratioAtMost(cliNoChange25, kubectlAgain, 0.5)));
        rows.add(row("No-change run, 305 objects, plain java -jar (ms) — peer: kubectl re-apply",
                primary(APPLY + "CliNoChangeBenchmark.cliJavaJar"), kubectlAgain, "for reference", null));
        String controller = APPLY + "ControllerFirstSyncBenchmark.firstSync[applications=1000]";
        Double sync = primary(controller);
        rows.add(row("Controller first sync, 1,000 apps × 10 objects, embedded API (ms)", sync, null, "< 60000 ms",
                atMost(sync, 60_000)));
        rows.add(row("Heap after GC once synced, 1,000 × 10, server included (MB)", secondary(controller,
                "heapAfterGcMB"), null, "reported", null));
        Double p50 = percentile(TRIGGER, 0.50);
        Double p99 = percentile(TRIGGER, 0.99);
        rows.add(row("Commit to applied with trigger(), p50 (ms)", p50, null, "< 200 ms", atMost(p50, 200)));
        rows.add(row("Commit to applied with trigger(), p99 (ms)", p99, null, "< 500 ms", atMost(p99, 500)));
        rows.add(row("Fleet: 1,000 apps over 3 replicas, start to each owning its share, Leases on the embedded API"
                + " (ms)", primary("io.gitops4j.bench.cluster.FleetBenchmark.fullOwnership"), null, "reported", null));
        rows.add(row("Fleet: takeover of a killed replica's applications, 15 s lease (ms)",
                primary("io.gitops4j.bench.cluster.FleetTakeoverBenchmark.takeover"), null,
                "≤ lease + one interval", null));
    }

    /** Returns the JMH parameters of a result as {@code [name=value,...]} in name order, or "" when it has none. */
    private static String withParams(JsonNode params) {
        List<String> pairs = new ArrayList<>();
        params.properties().forEach(entry -> pairs.add(entry.getKey() + "=" + entry.getValue().asText()));
        pairs.sort(null);
        return pairs.isEmpty() ? "" : "[" + String.join(",", pairs) + "]";
    }

    private static String[] row(String figure, Double ours, Double peer, String target, Boolean met) {
        String ratio = ours == null || peer == null || peer == 0 ? "—" : format(ours / peer);
        String verdict = met == null ? target : target + (met ? " ✔" : " ✘");
        return new String[] {figure, ours == null ? "not run" : format(ours), peer == null ? "—" : format(peer), ratio,
            verdict};
    }

    private static Boolean atMost(Double value, double limit) {
        return value == null ? null : value <= limit;
    }

    private static Boolean ratioAtMost(Double ours, Double peer, double limit) {
        return ours == null || peer == null ? null : ours / peer <= limit;
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private Double primary(String benchmark) {
        JsonNode result = results.get(benchmark);
        return result == null ? null : median(result.path("primaryMetric").path("rawData"));
    }

    private Double secondary(String benchmark, String metric) {
        JsonNode result = results.get(benchmark);
        return result == null ? null : median(result.path("secondaryMetrics").path(metric).path("rawData"));
    }

    /** The nearest-rank percentile of every measured iteration (single shots) of a benchmark. */
    private Double percentile(String benchmark, double share) {
        JsonNode result = results.get(benchmark);
        if (result == null) {
            return null;
        }
        List<Double> values = new ArrayList<>();
        for (JsonNode fork : result.path("primaryMetric").path("rawData")) {
            for (JsonNode value : fork) {
                values.add(value.asDouble());
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        values.sort(null);
        int rank = (int) Math.ceil(share * values.size());
        return values.get(Math.max(0, Math.min(values.size() - 1, rank - 1)));
    }

    private static Double median(JsonNode rawData) {
        List<Double> values = new ArrayList<>();
        for (JsonNode fork : rawData) {
            for (JsonNode value : fork) {
                values.add(value.asDouble());
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        values.sort(null);
        int middle = values.size() / 2;
        return values.size() % 2 == 1 ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
    }
}
