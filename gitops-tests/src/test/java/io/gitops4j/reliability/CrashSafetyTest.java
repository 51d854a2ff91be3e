package io.gitops4j.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.inventory.Inventory;
import io.gitops4j.k8s.KubernetesTarget;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.ReconcileListener;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM reconciling 500 ConfigMaps (100 in the short run, {@code -Dgitops4j.crash.objects}; each revision
 * updates them all, adds a fifth and prunes a fifth) onto an API server the test hosts is
 * killed with {@code destroyForcibly()} after a random number of applied or pruned objects, many times. After each
 * kill the inventory loads and already owns every object the child applied (no orphan), and a fresh in-process run
 * converges: nothing declared missing, nothing left behind, nothing deleted that the child's revision declared.
 */
class CrashSafetyTest {
    @TempDir
    Path folder;

    @Test
    void aKilledApplyAndPruneLeavesNoOrphanNoCorruptInventoryAndTheNextRunConverges() throws Exception {
        // given the API server in this JVM and a first converged revision
        ProbeSettings settings = ProbeSettings.of("crash", 2, 5L);
        int objects = Integer.getInteger("gitops4j.crash.objects", ProbeSettings.longRun() ? 500 : 100);
        Random random = new Random(settings.seed());
        Tally tally = new Tally();
        try (EmbeddedKubernetesApi api = EmbeddedKubernetesApi.builder().namespaces(CrashChild.NAMESPACE).build()
                .start(); KubernetesClient direct = new KubernetesClientBuilder()
                        .withConfig(Config.fromKubeconfig(api.kubeconfig())).build();
                KubernetesTarget target = KubernetesTarget.builder().client(direct).build()) {
            Path kubeconfig = api.writeKubeconfig(folder.resolve("kubeconfig"));
            assertThat(CrashChild.engine(target, 0, objects, ReconcileListener.NOOP).reconcile().succeeded()).isTrue();

            // when each next revision is applied by a child killed at a random point, then recovered in-process
            for (int kill = 1; kill <= settings.cases(); kill++) {
                int killAfter = 1 + random.nextInt(objects + 2 * CrashChild.shift(objects));
                Child child = runChild(kubeconfig, kill, objects, killAfter);
                tally.kills += child.killed ? 1 : 0;
                tally.stepsBeforeKill += child.lines.size();
                Set<ResourceKey> declared = keys(CrashChild.declared(kill, objects));
                for (String line : child.lines) {
                    if (line.startsWith("PRUNED ") && declared.contains(ResourceKey.parse(line.substring(7)))) {
                        tally.broken.add("kill " + kill + ": the child pruned declared " + line);
                        tally.wrongDeletes++;
                    }
                }
                Optional<Inventory> inventory = loadInventory(target, kill, tally);
                ClusterAudit afterKill = ClusterAudit.of(direct, CrashChild.APPLICATION, CrashChild.NAMESPACE,
                        declared, inventory);
                tally.orphans += afterKill.orphans().size();
                if (!afterKill.orphans().isEmpty()) {
                    tally.broken.add("kill " + kill + " after " + killAfter + ": orphans " + afterKill.orphans());
                }
                ReconcileResult recovery = CrashChild.engine(target, kill, objects, ReconcileListener.NOOP).reconcile();
                ClusterAudit recovered = ClusterAudit.of(direct, CrashChild.APPLICATION, CrashChild.NAMESPACE,
                        declared, loadInventory(target, kill, tally));
                tally.missing += recovered.missing().size();
                tally.orphans += recovered.orphans().size();
                if (!recovery.succeeded() || !recovered.converged()) {
                    tally.broken.add("kill " + kill + " after " + killAfter + ": recovery " + recovery.outcome()
                            + " " + recovery.error().orElse("") + " " + recovered);
                }
            }
        }

        // then
        ProbeReport.print("crash mid-apply/prune (" + objects + " objects)", settings.cases(), tally.broken.size(), tally.figures());
        assertThat(tally.broken).as("reproduce with %s", settings.reproduce(settings.seed())).isEmpty();
        assertThat(tally.kills).as("children killed before they finished").isPositive();
    }

    private Child runChild(Path kubeconfig, int revision, int objects, int killAfter) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), kubeconfig.toString(), String.valueOf(revision), String.valueOf(objects));
        builder.redirectError(Files.createTempFile(folder, "child", ".err").toFile());
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        boolean killed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("APPLIED ") || line.startsWith("PRUNED ")) {
                    lines.add(line);
                }
                if (lines.size() >= killAfter) {
                    process.destroyForcibly();
                    killed = true;
                    break;
                }
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the child of revision " + revision + " did not end within 60 s");
        }
        return new Child(lines, killed);
    }

    private static Optional<Inventory> loadInventory(KubernetesTarget target, int kill, Tally tally) {
        try {
            return target.inventoryStore().load(CrashChild.APPLICATION);
        } catch (RuntimeException e) {
            tally.corrupt++;
            tally.broken.add("kill " + kill + ": the inventory does not load: " + e);
            return Optional.empty();
        }
    }

    private static Set<ResourceKey> keys(List<Resource> resources) {
        return resources.stream().map(Resource::key).collect(Collectors.toSet());
    }

    /** What a child printed before it ended or was killed. */
    private record Child(List<String> lines, boolean killed) {
    }

    /** Counts over all kills. */
    private static final class Tally {
        final List<String> broken = new ArrayList<>();
        int kills;
        int stepsBeforeKill;
        int orphans;
        int missing;
        int wrongDeletes;
        int corrupt;

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("killed mid-run", kills);
            figures.put("steps before the kills", stepsBeforeKill);
            figures.put("orphans", orphans);
            figures.put("missing after recovery", missing);
            figures.put("wrong deletes", wrongDeletes);
            figures.put("corrupt inventories", corrupt);
            return figures;
        }
    }
}
