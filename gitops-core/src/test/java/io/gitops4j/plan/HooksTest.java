package io.gitops4j.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gitops4j.PlanException;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HooksTest {

    private static List<Resource> yaml(String text) {
        return ManifestLoader.defaults().parse("hooks.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String job(String generateName, String annotations) {
        return """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  generateName: %s
                  namespace: shop
                  annotations:
                %s
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                      - name: run
                        image: busybox
                ---
                """.formatted(generateName, annotations.indent(4).stripTrailing());
    }

    private static List<String> order(Hooks hooks) {
        return hooks.steps().stream().map(HookStep::toString).toList();
    }

    @Test
    void ordersHooksByPhaseThenWaveThenKindThenName() {
        Hooks hooks = Hooks.of(yaml(job("post-", "argocd.argoproj.io/hook: PostSync")
                + job("fail-", "argocd.argoproj.io/hook: SyncFail")
                + job("late-", "argocd.argoproj.io/hook: PreSync\nargocd.argoproj.io/sync-wave: \"2\"")
                + job("b-", "argocd.argoproj.io/hook: PreSync")
                + job("a-", "argocd.argoproj.io/hook: PreSync")
                + """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: z-settings
                  namespace: shop
                  annotations:
                    argocd.argoproj.io/hook: PreSync
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: plain
                  namespace: shop
                """));

        assertThat(order(hooks)).containsExactly(
                "PreSync wave 0 ConfigMap/shop/z-settings",
                "PreSync wave 0 batch/Job/shop/a-<generated>",
                "PreSync wave 0 batch/Job/shop/b-<generated>",
                "PreSync wave 2 batch/Job/shop/late-<generated>",
                "PostSync wave 0 batch/Job/shop/post-<generated>",
                "SyncFail wave 0 batch/Job/shop/fail-<generated>");
        assertThat(hooks.resources()).extracting(Resource::key)
                .containsExactly(ResourceKey.of("", "ConfigMap", "shop", "plain"));
    }

    @Test
    void theOrderDoesNotDependOnTheOrderOfDeclaration() {
        List<Resource> declared = yaml(job("a-", "argocd.argoproj.io/hook: PreSync,PostSync")
                + job("b-", "argocd.argoproj.io/hook: Sync\nargocd.argoproj.io/sync-wave: \"-1\"")
                + job("c-", "helm.sh/hook: post-install\nhelm.sh/hook-weight: \"5\"")
                + job("d-", "helm.sh/hook: pre-upgrade\nhelm.sh/hook-weight: \"-3\"")
                + job("e-", "argocd.argoproj.io/hook: SyncFail"));
        List<String> expected = order(Hooks.of(declared));

        qt().withExamples(50).forAll(longs().all()).checkAssert(seed -> {
            List<Resource> shuffled = new ArrayList<>(declared);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(order(Hooks.of(shuffled))).isEqualTo(expected);
        });
    }

    @Test
    void mapsHelmHooksAsArgoCdDoes() {
        Hooks hooks = Hooks.of(yaml(job("install-", """
                helm.sh/hook: pre-install,pre-upgrade,post-upgrade
                helm.sh/hook-weight: "-5"
                helm.sh/hook-delete-policy: hook-succeeded,before-hook-creation""")));

        assertThat(hooks.steps()).extracting(HookStep::phase)
                .containsExactly(HookPhase.PRE_SYNC, HookPhase.POST_SYNC);
        assertThat(hooks.steps()).allSatisfy(step -> {
            assertThat(step.wave()).isEqualTo(-5);
            assertThat(step.deletePolicies()).containsExactly(HookDeletePolicy.HOOK_SUCCEEDED,
                    HookDeletePolicy.BEFORE_HOOK_CREATION);
            assertThat(step.note()).isEmpty();
        });
    }

    @Test
    void aSyncWaveWinsOverHelmsHookWeight() {
        Hooks hooks = Hooks.of(yaml(job("weighted-", """
                helm.sh/hook: post-install
                helm.sh/hook-weight: "7"
                argocd.argoproj.io/sync-wave: "3\"""")));

        assertThat(hooks.steps()).singleElement().extracting(HookStep::wave).isEqualTo(3);
    }

    @Test
    void anArgoCdHookAnnotationIgnoresTheHelmOnes() {
        Hooks hooks = Hooks.of(yaml(job("both-", """
                argocd.argoproj.io/hook: PostSync
                helm.sh/hook: pre-install
                helm.sh/hook-weight: "9"
                helm.sh/hook-delete-policy: hook-failed""")));

        HookStep step = hooks.steps().get(0);
        assertThat(hooks.steps()).hasSize(1);
        assertThat(step.phase()).isEqualTo(HookPhase.POST_SYNC);
        assertThat(step.wave()).isZero();
        assertThat(step.deletePolicies()).containsExactly(HookDeletePolicy.BEFORE_HOOK_CREATION);
    }

    @Test
    void helmHooksGitops4jDoesNotRunAreSkippedWithAWarning() {
        Hooks hooks = Hooks.of(yaml(job("cleanup-", "helm.sh/hook: pre-delete")
                + job("smoke-", "helm.sh/hook: test")));

        assertThat(hooks.steps()).allSatisfy(step -> {
            assertThat(step.phase()).isEqualTo(HookPhase.SKIP);
            assertThat(step.runs()).isFalse();
            assertThat(step.note()).contains("is not run by gitops4j");
        });
        assertThat(hooks.resources()).isEmpty();
    }

    @Test
    void skipAndPostDeleteHooksAreNotRunAndSaySo() {
        Hooks hooks = Hooks.of(yaml(job("skipped-", "argocd.argoproj.io/hook: Skip")
                + job("gone-", "argocd.argoproj.io/hook: PostDelete")));

        assertThat(hooks.steps()).extracting(HookStep::phase).containsExactly(HookPhase.POST_DELETE,
                HookPhase.SKIP);
        assertThat(hooks.steps().get(0).note()).contains("PostDelete hooks run when an application is deleted");
        assertThat(hooks.steps().get(1).note()).contains("not applied");
    }

    @Test
    void helmCrdInstallStaysAnOrdinaryResource() {
        Hooks hooks = Hooks.of(yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: crd-like
                  annotations:
                    helm.sh/hook: crd-install
                """));

        assertThat(hooks.steps()).isEmpty();
        assertThat(hooks.resources()).hasSize(1);
    }

    @Test
    void anUnknownHookPhaseIsAnErrorNamingTheResourceAndTheFile() {
        assertThatThrownBy(() -> Hooks.of(yaml(job("typo-", "argocd.argoproj.io/hook: PreSnyc"))))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("batch/Job/shop/typo-<generated>")
                .hasMessageContaining("unknown argocd.argoproj.io/hook value 'PreSnyc'")
                .hasMessageContaining("hooks.yaml")
                .hasMessageContaining("PreSync, Sync, PostSync, SyncFail, PostDelete or Skip");
    }

    @Test
    void anUnknownDeletePolicyOrHelmTypeOrWeightIsAnError() {
        assertThatThrownBy(() -> Hooks.of(yaml(job("p-",
                "argocd.argoproj.io/hook: Sync\nargocd.argoproj.io/hook-delete-policy: Always"))))
                .isInstanceOf(PlanException.class).hasMessageContaining("hook-delete-policy value 'Always'");
        assertThatThrownBy(() -> Hooks.of(yaml(job("h-", "helm.sh/hook: pre-instal"))))
                .isInstanceOf(PlanException.class).hasMessageContaining("unknown helm.sh/hook type 'pre-instal'");
        assertThatThrownBy(() -> Hooks.of(yaml(job("w-", "helm.sh/hook: pre-install\nhelm.sh/hook-weight: high"))))
                .isInstanceOf(PlanException.class).hasMessageContaining("invalid helm.sh/hook-weight='high'");
    }

    @Test
    void aDeletePolicyOnAnOrdinaryResourceIsAnError() {
        assertThatThrownBy(() -> Hooks.of(yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: half-hook
                  annotations:
                    argocd.argoproj.io/hook-delete-policy: HookSucceeded
                """))).isInstanceOf(PlanException.class)
                .hasMessageContaining("argocd.argoproj.io/hook-delete-policy is set but")
                .hasMessageContaining("argocd.argoproj.io/hook is not");
    }

    @Test
    void aPlanListsItsHooksInTextAndJsonAfterTheSteps() {
        Hooks hooks = Hooks.of(yaml(job("before-", "argocd.argoproj.io/hook: PreSync\n"
                + "argocd.argoproj.io/hook-delete-policy: HookSucceeded") + job("old-", "helm.sh/hook: pre-rollback")));
        Plan plan = Planner.defaults().order(List.of()).withHooks(hooks.steps());

        assertThat(plan.summary()).isEqualTo("Plan: 0 to create, 0 to update, 0 to delete, 0 unchanged, 2 hooks.");
        assertThat(plan.toText()).contains(
                "  # hook 1. PreSync (wave 0) batch/Job/shop/before-<generated>, delete policy HookSucceeded\n"
                + "  # hook 2. Skip (wave 0) batch/Job/shop/old-<generated>\n"
                + "      warning: helm.sh/hook pre-rollback is not run by gitops4j");
        assertThat(plan.toJson()).contains("\"hooks\":[{\"deletePolicies\":[\"HookSucceeded\"]")
                .contains("\"phase\":\"PreSync\"").contains("\"runs\":false");
        assertThat(plan.hasChanges()).isFalse();
    }
}
