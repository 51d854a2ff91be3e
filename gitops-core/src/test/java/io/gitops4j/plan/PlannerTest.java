package io.gitops4j.plan;

import io.gitops4j.PlanException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.FieldChange;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.diff.StateDiff;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private final Planner planner = Planner.defaults();

    private static ResourceDiff create(Resource resource) {
        return new ResourceDiff.Create(resource, List.of());
    }

    private static ResourceDiff delete(Resource live) {
        return new ResourceDiff.Delete(LiveResource.of(live));
    }

    private static List<String> keys(List<PlanStep> steps) {
        return steps.stream().map(s -> s.key().toString()).toList();
    }

    @Test
    void ordersAppliesByKindPriorityWithinAWave() {
        // given one resource of each tier, declared in reverse
        List<ResourceDiff> diffs = List.of(
                create(Resources.of("networking.k8s.io/v1", "Ingress", "shop", "web")),
                create(Resources.of("apps/v1", "Deployment", "shop", "web")),
                create(Resources.of("v1", "Service", "shop", "web")),
                create(Resources.of("v1", "Secret", "shop", "creds")),
                create(Resources.of("v1", "ConfigMap", "shop", "settings")),
                create(Resources.of("rbac.authorization.k8s.io/v1", "RoleBinding", "shop", "web")),
                create(Resources.of("v1", "ServiceAccount", "shop", "web")),
                create(Resources.of("apiextensions.k8s.io/v1", "CustomResourceDefinition", "", "widgets.example.org")),
                create(Resources.of("v1", "Namespace", "", "shop")));

        // when
        Plan plan = planner.plan(StateDiff.of(diffs));

        // then
        assertThat(keys(plan.applies())).containsExactly(
                "Namespace/shop",
                "apiextensions.k8s.io/CustomResourceDefinition/widgets.example.org",
                "ServiceAccount/shop/web",
                "rbac.authorization.k8s.io/RoleBinding/shop/web",
                "ConfigMap/shop/settings",
                "Secret/shop/creds",
                "Service/shop/web",
                "apps/Deployment/shop/web",
                "networking.k8s.io/Ingress/shop/web");
    }

    @Test
    void ordersByWaveBeforeKindAndByKeyWithinAKind() {
        // given
        List<ResourceDiff> diffs = List.of(
                create(Resources.wave("v1", "Namespace", "", "late", "2")),
                create(Resources.of("v1", "ConfigMap", "shop", "b")),
                create(Resources.of("v1", "ConfigMap", "shop", "a")),
                create(Resources.wave("apps/v1", "Deployment", "shop", "first", "-1")));

        // when
        Plan plan = planner.plan(StateDiff.of(diffs));

        // then
        assertThat(keys(plan.applies())).containsExactly(
                "apps/Deployment/shop/first", "ConfigMap/shop/a", "ConfigMap/shop/b", "Namespace/late");
        assertThat(plan.applies()).extracting(PlanStep::wave).containsExactly(-1, 0, 0, 2);
    }

    @Test
    void honoursArgoCdSyncWaveAndPrefersTheGitops4jAnnotation() {
        // given
        Resource argo = Resources.of("v1", "ConfigMap", "shop", "argo", Map.of("argocd.argoproj.io/sync-wave", "3"));
        Resource both = Resources.of("v1", "ConfigMap", "shop", "both",
                Map.of("argocd.argoproj.io/sync-wave", "9", "gitops4j.io/wave", "1"));

        // when
        Plan plan = planner.plan(StateDiff.of(List.of(create(argo), create(both))));

        // then
        assertThat(plan.applies()).extracting(PlanStep::wave).containsExactly(1, 3);
    }

    @Test
    void rejectsAnInvalidWaveNamingTheResource() {
        // given
        Resource bad = Resources.wave("v1", "ConfigMap", "shop", "bad", "soon");

        // when / then
        assertThatThrownBy(() -> planner.plan(StateDiff.of(List.of(create(bad)))))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("ConfigMap/shop/bad")
                .hasMessageContaining("gitops4j.io/wave='soon'")
                .satisfies(e -> assertThat(((PlanException) e).key()).isEqualTo(bad.key()));
    }

    @Test
    void deletesAfterAppliesInReverseOrderWithContainersLast() {
        // given
        List<ResourceDiff> diffs = List.of(
                create(Resources.of("v1", "ConfigMap", "shop", "kept")),
                delete(Resources.of("v1", "Namespace", "", "old")),
                delete(Resources.wave("v1", "Namespace", "", "late", "5")),
                delete(Resources.of("apiextensions.k8s.io/v1", "CustomResourceDefinition", "", "widgets.example.org")),
                delete(Resources.of("example.org/v1", "Widget", "old", "w")),
                delete(Resources.of("v1", "ConfigMap", "old", "a")),
                delete(Resources.wave("apps/v1", "Deployment", "old", "web", "1")),
                delete(Resources.of("v1", "Service", "old", "web")));

        // when
        Plan plan = planner.plan(StateDiff.of(diffs));

        // then
        assertThat(keys(plan.steps())).containsExactly(
                "ConfigMap/shop/kept",
                "apps/Deployment/old/web",
                "example.org/Widget/old/w",
                "Service/old/web",
                "ConfigMap/old/a",
                "apiextensions.k8s.io/CustomResourceDefinition/widgets.example.org",
                "Namespace/late",
                "Namespace/old");
        assertThat(plan.deletes()).allMatch(PlanStep::isDelete);
        assertThat(plan.deletes().get(0).wave()).isEqualTo(1);
    }

    @Test
    void keepsInSyncResourcesOutOfTheStepsButInApplyOrder() {
        // given
        Resource a = Resources.of("v1", "ConfigMap", "shop", "a");
        Resource ns = Resources.of("v1", "Namespace", "", "shop");
        List<ResourceDiff> diffs = List.of(new ResourceDiff.InSync(a, LiveResource.of(a)), create(ns));

        // when
        Plan plan = planner.plan(StateDiff.of(diffs));

        // then
        assertThat(keys(plan.steps())).containsExactly("Namespace/shop");
        assertThat(keys(plan.unchanged())).containsExactly("ConfigMap/shop/a");
        assertThat(keys(plan.allApplies())).containsExactly("Namespace/shop", "ConfigMap/shop/a");
        assertThat(plan.count(ChangeType.NONE)).isEqualTo(1);
        assertThat(plan.hasChanges()).isTrue();
    }

    @Test
    void rendersTerraformLikeTextWithASummaryLine() {
        // given
        Resource web = Resources.of("apps/v1", "Deployment", "shop", "web");
        Resource secret = Resources.of("v1", "Secret", "shop", "creds");
        List<ResourceDiff> diffs = List.of(
                create(Resources.of("v1", "Namespace", "", "shop")),
                new ResourceDiff.Update(web, LiveResource.of(web), List.of(
                        FieldChange.replace("/spec/replicas", IntNode.valueOf(2), IntNode.valueOf(3)),
                        FieldChange.remove("/spec/paused", TextNode.valueOf("yes")))),
                new ResourceDiff.Update(secret, LiveResource.of(secret), List.of(
                        FieldChange.replace("/data/password", TextNode.valueOf("old"), TextNode.valueOf("new"))
                                .redact())),
                delete(Resources.of("v1", "ConfigMap", "shop", "old")),
                new ResourceDiff.InSync(Resources.of("v1", "ConfigMap", "shop", "same"),
                        LiveResource.of(Resources.of("v1", "ConfigMap", "shop", "same"))));

        // when
        String text = planner.plan(StateDiff.of(diffs)).toText();

        // then
        assertThat(text).isEqualTo("""
                gitops4j will perform the following actions, in this order:

                  # 1. Namespace/shop will be created (wave 0)
                  + Namespace/shop

                  # 2. Secret/shop/creds will be updated in place (wave 0)
                  ~ Secret/shop/creds
                      ~ /data/password: (sensitive value) -> (sensitive value)

                  # 3. apps/Deployment/shop/web will be updated in place (wave 0)
                  ~ apps/Deployment/shop/web
                      ~ /spec/replicas: 2 -> 3
                      - /spec/paused: "yes" -> (removed)

                  # 4. ConfigMap/shop/old will be deleted (wave 0)
                  - ConfigMap/shop/old

                Plan: 1 to create, 2 to update, 1 to delete, 1 unchanged.
                """);
        assertThat(text).doesNotContain("old\" -> \"new");
    }

    @Test
    void saysNoChangesWhenEverythingIsInSync() {
        // given
        Resource a = Resources.of("v1", "ConfigMap", "shop", "a");

        // when
        Plan plan = planner.plan(StateDiff.of(List.of(new ResourceDiff.InSync(a, LiveResource.of(a)))));

        // then
        assertThat(plan.hasChanges()).isFalse();
        assertThat(plan.toText()).isEqualTo("No changes. Live state matches desired state.\n\n"
                + "Plan: 0 to create, 0 to update, 0 to delete, 1 unchanged.\n");
        assertThat(Plan.empty().toJson()).isEqualTo(
                "{\"steps\":[],\"summary\":{\"create\":0,\"delete\":0,\"unchanged\":0,\"update\":0}}");
    }

    @Test
    void rendersJsonWithOrderedStepsAndRedactedValues() {
        // given
        Resource secret = Resources.of("v1", "Secret", "shop", "creds");
        ResourceDiff update = new ResourceDiff.Update(secret, LiveResource.of(secret), List.of(
                FieldChange.replace("/data/password", TextNode.valueOf("old"), TextNode.valueOf("new")).redact()));

        // when
        String json = planner.plan(StateDiff.of(List.of(update))).toJson();

        // then
        assertThat(json).isEqualTo("{\"steps\":[{\"action\":\"UPDATE\",\"changes\":[{\"new\":\"<redacted>\","
                + "\"old\":\"<redacted>\",\"op\":\"replace\",\"path\":\"/data/password\",\"redacted\":true}],"
                + "\"group\":\"\",\"key\":\"Secret/shop/creds\",\"kind\":\"Secret\",\"name\":\"creds\","
                + "\"namespace\":\"shop\",\"wave\":0}],"
                + "\"summary\":{\"create\":0,\"delete\":0,\"unchanged\":0,\"update\":1}}");
    }

    @Test
    void givesTheSamePlanWhateverTheInputOrder() {
        // given
        List<ResourceDiff> diffs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            diffs.add(create(Resources.wave("v1", i % 3 == 0 ? "Service" : "ConfigMap", "ns" + (i % 4), "r" + i,
                    Integer.toString(i % 5 - 2))));
            diffs.add(delete(Resources.wave("apps/v1", "Deployment", "ns" + (i % 4), "gone" + i,
                    Integer.toString(i % 3))));
        }
        String expected = planner.plan(StateDiff.of(diffs)).toText() + planner.plan(StateDiff.of(diffs)).toJson();

        // when
        Random random = new Random(42);
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(diffs, random);
            Plan plan = planner.plan(StateDiff.of(diffs));

            // then
            assertThat(plan.toText() + plan.toJson()).isEqualTo(expected);
        }
    }

    @Test
    void rejectsAStepWhoseActionDisagreesWithItsDiff() {
        // given
        Resource a = Resources.of("v1", "ConfigMap", "shop", "a");
        ResourceDiff diff = create(a);

        // when / then
        assertThatThrownBy(() -> new PlanStep(ChangeType.DELETE, a.key(), 0, diff))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlanStep(ChangeType.CREATE, ResourceKey.parse("ConfigMap/shop/b"), 0, diff))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
