package io.gitops4j.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.health.Health;
import io.gitops4j.inventory.Inventory;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.plan.HookPhase;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.testkit.InMemorySource;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HookEngineTest {
    private static final ResourceKey MIGRATE = ResourceKey.of("batch", "Job", "shop", "migrate");

    private final ManualClock clock = ManualClock.create();
    private final InMemoryTarget target = InMemoryTarget.builder().clock(clock).healthAssessor(live ->
            live.kind().equals("Job")
                    ? Optional.of("fail".equals(live.label(ArgoHookExamples.OUTCOME_LABEL).orElse(""))
                            ? Health.degraded("Job failed: BackoffLimitExceeded") : Health.healthy())
                    : Optional.empty()).build();
    private final InMemorySource source = InMemorySource.create();

    private GitOpsEngine engine() {
        return GitOpsEngine.builder().application("shop").source(source).target(target).clock(clock).sleeper(clock)
                .healthPollInterval(Duration.ofSeconds(5)).build();
    }

    private List<String> created() {
        return target.appliedKeys().stream().map(ResourceKey::name).toList();
    }

    private List<String> deleted() {
        return target.deletedKeys().stream().map(ResourceKey::name).toList();
    }

    private static List<String> hooks(ReconcileResult result) {
        return result.hooks().stream().map(h -> h.status() + " " + h.phase() + " " + h.key().name()).toList();
    }

    private List<ResourceKey> inventory() {
        return target.inventoryStore().load("shop").map(Inventory::keys).map(List::copyOf).orElse(List.of());
    }

    private static ResourceKey configMap(String name) {
        return ResourceKey.of("", "ConfigMap", "shop", name);
    }

    @Test
    void runsTheHooksOfTheArgoCdExamplesInPhaseAndWaveOrderAroundTheResources() {
        // given
        source.commitFiles("r1", ArgoHookExamples.files("complete", "blue"));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).as("%s", result).isEqualTo(Outcome.APPLIED);
        assertThat(created()).containsExactly("before-00001", "upgrade-sql-schema-00002", "settings", "backend",
                "maint-page-up-00003", "frontend", "maint-page-down-00004", "after-00005");
        assertThat(hooks(result)).containsExactly(
                "SUCCEEDED PreSync before-<generated>",
                "SUCCEEDED PreSync upgrade-sql-schema-<generated>",
                "SUCCEEDED Sync maint-page-up-<generated>",
                "SUCCEEDED Sync maint-page-down-<generated>",
                "SUCCEEDED PostSync after-<generated>");
        assertThat(result.hooks().get(0).name()).isEqualTo("before-00001");
        assertThat(deleted()).as("HookSucceeded hooks are deleted once done").containsExactly("before-00001",
                "after-00005");
        assertThat(inventory()).as("hooks are not resources of the application")
                .containsExactly(configMap("backend"), configMap("frontend"), configMap("settings"));
    }

    @Test
    void beforeHookCreationDeletesWhatTheEarlierRunMadeOfAHookBeforeCreatingItAgain() {
        // given
        source.commitFiles("r1", ArgoHookExamples.files("complete", "blue"));
        engine().reconcile();
        source.commitFiles("r2", ArgoHookExamples.files("complete", "green"));

        // when
        ReconcileResult second = engine().reconcile();

        // then
        assertThat(second.outcome()).as("%s", second).isEqualTo(Outcome.APPLIED);
        assertThat(deleted()).containsExactly("before-00001", "after-00005", "upgrade-sql-schema-00002",
                "before-00006", "maint-page-up-00003", "maint-page-down-00004", "after-0000a");
        assertThat(target.contents().keySet()).extracting(ResourceKey::name).containsExactlyInAnyOrder("backend",
                "frontend", "settings", "upgrade-sql-schema-00007", "maint-page-up-00008", "maint-page-down-00009");
    }

    @Test
    void aFailingPreSyncHookLeavesTheLiveStateUntouchedRunsSyncFailAndFailsTheRun() {
        // given
        source.commitFiles("r1", ArgoHookExamples.files("fail", "blue"));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(created()).containsExactly("before-00001", "upgrade-sql-schema-00002", "notify-failure-00003");
        assertThat(hooks(result)).containsExactly(
                "FAILED PreSync before-<generated>",
                "SUCCEEDED PreSync upgrade-sql-schema-<generated>",
                "SUCCEEDED SyncFail notify-failure-<generated>");
        assertThat(((RunOutcome.Failed) result.runOutcome()).errors()).singleElement().asString()
                .contains("PreSync hook batch/Job/shop/before-<generated> (before-00001)")
                .contains("Job failed: BackoffLimitExceeded");
        assertThat(result.steps()).isEmpty();
        assertThat(inventory()).isEmpty();
        assertThat(target.contents().keySet()).extracting(ResourceKey::kind).containsOnly("Job");
    }

    @Test
    void aFailingSyncHookStopsTheLaterWavesRunsSyncFailAndPrunesNothing() {
        // given a converged application that owns a ConfigMap the next revision no longer declares
        source.commitFiles("r1", ArgoHookExamples.files("complete", "blue"));
        engine().reconcile();
        source.commitFiles("r2", ArgoHookExamples.failingSyncHook("green"));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(hooks(result)).contains("FAILED Sync maint-page-up-<generated>",
                "SKIPPED PostSync after-<generated>", "SUCCEEDED SyncFail notify-failure-<generated>");
        assertThat(result.step(configMap("frontend"))).hasValueSatisfying(step -> {
            assertThat(step.status()).isEqualTo(StepResult.Status.SKIPPED);
            assertThat(step.message()).contains("hook batch/Job/shop/maint-page-up-<generated> of wave 2 failed");
        });
        assertThat(result.step(configMap("backend-v2"))).hasValueSatisfying(step ->
                assertThat(step.status()).isEqualTo(StepResult.Status.APPLIED));
        assertThat(result.step(configMap("backend"))).hasValueSatisfying(step -> {
            assertThat(step.status()).isEqualTo(StepResult.Status.SKIPPED);
            assertThat(step.message()).contains("nothing is pruned after a failure");
        });
        assertThat(target.contents()).containsKeys(configMap("backend"), configMap("backend-v2"));
        assertThat(target.contents().get(configMap("frontend")).body().path("data").path("value").asText())
                .isEqualTo("v1");
    }

    @Test
    void aConvergedRunRunsNoHooks() {
        // given
        source.commitFiles("r1", ArgoHookExamples.files("complete", "blue"));
        engine().reconcile();
        int before = target.applyCount();

        // when
        ReconcileResult again = engine().reconcile();

        // then
        assertThat(again.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(again.hooks()).isEmpty();
        assertThat(again.plan().hooks()).hasSize(6);
        assertThat(target.applyCount()).isEqualTo(before);
    }

    @Test
    void aDryRunAndAPlanShowTheHooksAsStepsWithoutRunningThem() {
        // given
        source.commitFiles("r1", ArgoHookExamples.files("complete", "blue"));

        // when
        ReconcileResult dryRun = engine().reconcile(ReconcileOptions.builder().dryRun(true).build());
        ReconcileResult plan = engine().plan();

        // then
        assertThat(dryRun.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(dryRun.hooks()).hasSize(6).allSatisfy(hook -> {
            assertThat(hook.status()).isEqualTo(HookResult.Status.SKIPPED);
            assertThat(hook.message()).startsWith("dry run");
        });
        assertThat(plan.plan().toText()).contains("# hook 1. PreSync (wave 0) batch/Job/shop/before-<generated>, "
                + "delete policy HookSucceeded").contains("# hook 6. SyncFail (wave 0)");
        assertThat(plan.plan().summary()).endsWith("6 hooks.");
        assertThat(target.contents()).isEmpty();
    }

    @Test
    void skipPostDeleteAndUnsupportedHelmHooksAreReportedAndNeverApplied() {
        // given
        source.commitFiles("r1", Map.of("shop/app.yaml", ArgoHookExamples.configMap("settings", "0", "blue")
                + ArgoHookExamples.job("skipped-", "Skip", "0", "BeforeHookCreation", "complete")
                + ArgoHookExamples.job("cleanup-", "PostDelete", "0", "BeforeHookCreation", "complete")
                + """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: rollback-note
                  namespace: shop
                  annotations:
                    helm.sh/hook: pre-rollback
                """));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(created()).containsExactly("settings");
        assertThat(result.hooks()).extracting(HookResult::phase).containsExactly(HookPhase.POST_DELETE,
                HookPhase.SKIP, HookPhase.SKIP);
        assertThat(result.hooks()).extracting(HookResult::message).anySatisfy(m -> assertThat(m)
                .contains("PostDelete hooks run when an application is deleted")).anySatisfy(m -> assertThat(m)
                .contains("helm.sh/hook pre-rollback is not run by gitops4j"));
        assertThat(result.plan().toText()).contains("warning: helm.sh/hook pre-rollback is not run");
    }

    @Test
    void aNonHookWithOnlyAGenerateNameFailsTheLoadWithAClearError() {
        // given
        source.commitFiles("r1", Map.of("shop/job.yaml", """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  generateName: nightly-
                  namespace: shop
                """));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error()).hasValueSatisfying(error -> assertThat(error)
                .contains("shop/job.yaml").contains("metadata.generateName is only supported for hooks"));
        assertThat(target.applyCount()).isZero();
    }

    @Test
    void aNamedHookIsReplacedByNameOnEachSyncAndIsNeverInTheInventory() {
        // given
        String hook = ArgoHookExamples.job("name: migrate", "complete", "argocd.argoproj.io/hook: PreSync");
        source.commitFiles("r1", Map.of("shop/app.yaml", hook + ArgoHookExamples.configMap("settings", "0", "a")));
        engine().reconcile();
        source.commitFiles("r2", Map.of("shop/app.yaml", hook + ArgoHookExamples.configMap("settings", "0", "b")));

        // when
        ReconcileResult second = engine().reconcile();

        // then
        assertThat(second.outcome()).as("%s %s", second, second.hooks()).isEqualTo(Outcome.APPLIED);
        assertThat(created()).containsExactly("migrate", "settings", "migrate", "settings");
        assertThat(deleted()).containsExactly("migrate");
        assertThat(second.hooks()).singleElement().satisfies(h -> assertThat(h.name()).isEqualTo("migrate"));
        assertThat(inventory()).containsExactly(configMap("settings"));
    }

    @Test
    void aNamedHookNeverDeletesAnObjectThatIsNotOneOfItsApplicationsHooks() {
        // given a Job of the hook's name that someone else made
        ObjectNode foreign = JsonNodeFactory.instance.objectNode().put("apiVersion", "batch/v1").put("kind", "Job");
        foreign.putObject("metadata").put("name", "migrate").put("namespace", "shop");
        target.seed(Resource.of(foreign));
        source.commitFiles("r1", Map.of("shop/app.yaml", ArgoHookExamples.job("name: migrate", "complete",
                "argocd.argoproj.io/hook: PreSync") + ArgoHookExamples.configMap("settings", "0", "a")));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.hooks()).singleElement().satisfies(hook -> assertThat(hook.message())
                .contains("an object of this name exists and is not a hook of application shop"));
        assertThat(target.deleteCount()).isZero();
        assertThat(target.contents()).doesNotContainKey(configMap("settings"));
    }

    @Test
    void aResourceThatBecomesAHookLeavesTheInventoryAndIsReplacedNotPruned() {
        // given a Job the application applied as an ordinary resource
        source.commitFiles("r1", Map.of("shop/app.yaml", ArgoHookExamples.job("name: migrate", "complete", "")
                + ArgoHookExamples.configMap("settings", "0", "a")));
        engine().reconcile();
        assertThat(inventory()).contains(MIGRATE);
        source.commitFiles("r2", Map.of("shop/app.yaml", ArgoHookExamples.job("name: migrate", "complete",
                "argocd.argoproj.io/hook: PreSync") + ArgoHookExamples.configMap("settings", "0", "b")));

        // when
        ReconcileResult second = engine().reconcile();

        // then
        assertThat(second.outcome()).as("%s %s", second, second.hooks()).isEqualTo(Outcome.APPLIED);
        assertThat(second.steps()).extracting(StepResult::key).doesNotContain(MIGRATE);
        assertThat(second.hooks()).extracting(HookResult::status).containsExactly(HookResult.Status.SUCCEEDED);
        assertThat(target.contents().get(MIGRATE).annotation("gitops4j.io/hook-of")).hasValue("shop");
        assertThat(inventory()).containsExactly(configMap("settings"));
    }

    @Test
    void aHookThatNeverCompletesFailsAndTimesTheRunOutAtItsDeadline() {
        // given a PreSync Job that stays running
        InMemoryTarget hanging = InMemoryTarget.builder().clock(clock).healthAssessor(live -> live.kind()
                .equals("Job") ? Optional.of(Health.progressing("Job is running")) : Optional.empty()).build();
        source.commitFiles("r1", ArgoHookExamples.files("complete", "blue"));
        GitOpsEngine engine = GitOpsEngine.builder().application("shop").source(source).target(hanging)
                .clock(clock).sleeper(clock).healthPollInterval(Duration.ofSeconds(5)).build();

        // when
        ReconcileResult result = engine.reconcile(ReconcileOptions.builder().deadline(Duration.ofMinutes(1))
                .build());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(result.timedOutAt()).hasValue("waiting for hook batch/Job/shop/before-<generated>");
        assertThat(result.hooks()).filteredOn(h -> h.phase() == HookPhase.PRE_SYNC).allSatisfy(hook -> {
            assertThat(hook.status()).isEqualTo(HookResult.Status.FAILED);
            assertThat(hook.message()).contains("did not complete before the run's deadline");
        });
        assertThat(hanging.contents().keySet()).extracting(ResourceKey::kind).containsOnly("Job");
    }
}
