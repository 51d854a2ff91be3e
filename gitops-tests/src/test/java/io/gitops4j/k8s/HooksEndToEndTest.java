package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.TargetException;
import io.gitops4j.inventory.Inventory;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.ArgoHookExamples;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.HookResult;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.reconcile.Sleeper;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyResult;
import io.gitops4j.testkit.InMemorySource;
import io.gitops4j.testkit.ManualClock;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Argo CD's {@code sync-waves} and {@code pre-post-sync} example shapes, reconciled by the engine into the embedded
 * API through the {@link KubernetesTarget}: hook Jobs with {@code generateName} are created with POST, and the test
 * plays the Job controller through {@link EmbeddedKubernetesApi#setStatus} each time the engine waits (its sleeper),
 * so nothing sleeps.
 */
class HooksEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmbeddedKubernetesApi api;
    private KubernetesClient client;
    private final ManualClock clock = ManualClock.create();
    private final InMemorySource source = InMemorySource.create();
    private final JobController jobs = new JobController();

    /** Completes (or, when labelled so, fails) every Job that has no outcome yet, whenever the engine waits. */
    private final class JobController implements Sleeper {
        private final List<String> finished = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            clock.sleep(duration);
            List<Job> running = client.batch().v1().jobs().inNamespace("shop").list().getItems().stream()
                    .filter(job -> job.getStatus() == null || job.getStatus().getConditions().isEmpty())
                    .sorted(Comparator.comparing(job -> job.getMetadata().getName())).toList();
            for (Job job : running) {
                boolean fail = "fail".equals(job.getMetadata().getLabels().get(ArgoHookExamples.OUTCOME_LABEL));
                String status = fail
                        ? "{\"failed\":1,\"conditions\":[{\"type\":\"Failed\",\"status\":\"True\","
                                + "\"reason\":\"BackoffLimitExceeded\",\"message\":\"Job has reached the specified "
                                + "backoff limit\"}]}"
                        : "{\"succeeded\":1,\"conditions\":[{\"type\":\"Complete\",\"status\":\"True\"}]}";
                try {
                    api.setStatus("batch/v1", "Job", "shop", job.getMetadata().getName(), JSON.readTree(status));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                finished.add(job.getMetadata().getName());
            }
        }

        /** The Jobs finished, in order, by name prefix (the generated suffix removed). */
        List<String> finishedPrefixes() {
            return finished.stream().map(name -> name.substring(0, name.length() - 5)).toList();
        }
    }

    @BeforeEach
    void start() {
        api = EmbeddedKubernetesApi.builder().namespaces("shop").build().start();
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(api.kubeconfig())).build();
    }

    @AfterEach
    void stop() {
        client.close();
        api.close();
    }

    private GitOpsEngine engine() {
        return GitOpsEngine.builder().application("shop").source(source)
                .target(KubernetesTarget.builder().client(client).build())
                .clock(clock).sleeper(jobs).healthPollInterval(Duration.ofSeconds(5)).build();
    }

    private List<String> jobNames() {
        return client.batch().v1().jobs().inNamespace("shop").list().getItems().stream()
                .map(job -> job.getMetadata().getName()).sorted().toList();
    }

    private boolean configMapExists(String name) {
        return client.configMaps().inNamespace("shop").withName(name).get() != null;
    }

    @Test
    void reconcilesTheArgoCdHookExamplesRunningEachHookToCompletionInOrder() {
        // given
        source.commitFiles("r1", ArgoHookExamples.files("complete", "blue"));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).as("%s %s", result, result.hooks()).isEqualTo(Outcome.APPLIED);
        assertThat(jobs.finishedPrefixes()).containsExactly("before-", "upgrade-sql-schema-", "maint-page-up-",
                "maint-page-down-", "after-");
        assertThat(result.hooks()).extracting(HookResult::status).containsOnly(HookResult.Status.SUCCEEDED);
        assertThat(result.hooks()).extracting(HookResult::name).allSatisfy(name -> assertThat(name)
                .doesNotContain("<generated>").hasSizeGreaterThan(5));
        assertThat(configMapExists("settings") && configMapExists("backend") && configMapExists("frontend")).isTrue();
        assertThat(jobNames()).as("HookSucceeded hooks are deleted, BeforeHookCreation ones kept")
                .allSatisfy(name -> assertThat(name).matches("(upgrade-sql-schema|maint-page-up|maint-page-down)-.*"))
                .hasSize(3);
        Job kept = client.batch().v1().jobs().inNamespace("shop").withName(jobNames().get(0)).get();
        assertThat(kept.getMetadata().getAnnotations()).containsEntry(WellKnownMetadata.HOOK_OF, "shop");
        assertThat(KubernetesTarget.builder().client(client).build().inventoryStore().load("shop"))
                .hasValueSatisfying(inventory -> assertThat(inventory.keys()).extracting(ResourceKey::kind)
                        .containsOnly("ConfigMap"));
    }

    @Test
    void theNextSyncReplacesTheHookJobsOfTheEarlierOne() {
        // given
        source.commitFiles("r1", ArgoHookExamples.files("complete", "blue"));
        engine().reconcile();
        List<String> first = jobNames();
        source.commitFiles("r2", ArgoHookExamples.files("complete", "green"));

        // when
        ReconcileResult second = engine().reconcile();

        // then
        assertThat(second.outcome()).as("%s %s", second, second.hooks()).isEqualTo(Outcome.APPLIED);
        assertThat(jobNames()).hasSize(3).doesNotContainAnyElementsOf(first);
        assertThat(client.configMaps().inNamespace("shop").withName("settings").get().getData())
                .containsEntry("value", "green");
    }

    @Test
    void aFailingPreSyncHookLeavesTheClusterUntouchedAndRunsTheSyncFailHook() {
        // given
        source.commitFiles("r1", ArgoHookExamples.files("fail", "blue"));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(jobs.finishedPrefixes()).containsExactly("before-", "upgrade-sql-schema-", "notify-failure-");
        assertThat(result.hooks()).filteredOn(HookResult::isFailed).singleElement()
                .satisfies(hook -> assertThat(hook.message()).contains("Job has reached the specified backoff limit"));
        assertThat(configMapExists("settings") || configMapExists("backend") || configMapExists("frontend"))
                .isFalse();
        assertThat(KubernetesTarget.builder().client(client).build().inventoryStore().load("shop")
                .map(Inventory::keys)).isEmpty();
    }

    @Test
    void serverSideApplyRefusesAnObjectWithOnlyAGenerateNameWhichCreateNames() {
        // given
        Resource hook = ManifestLoader.defaults().parse("hook.yaml",
                ArgoHookExamples.job("once-", "PreSync", "0", "BeforeHookCreation", "complete")
                        .getBytes(StandardCharsets.UTF_8)).get(0);
        KubernetesTarget target = KubernetesTarget.builder().client(client).build();

        // when
        ApplyResult created = target.create(hook, ApplyOptions.DEFAULT);

        // then
        assertThatThrownBy(() -> target.apply(hook, ApplyOptions.DEFAULT)).isInstanceOf(TargetException.class)
                .hasMessageContaining("once-<generated>").hasMessageContaining("create() (POST)");
        assertThat(created.live().key().name()).startsWith("once-").hasSize("once-".length() + 5);
        assertThat(jobNames()).containsExactly(created.live().key().name());
    }
}
