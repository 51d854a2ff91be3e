package io.gitops4j.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.ManifestException;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.plan.Plan;
import io.gitops4j.plan.PlanStep;
import io.gitops4j.plan.Planner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuiltinKindsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Resource objectOf(KindInfo info) {
        ObjectNode body = JSON.createObjectNode();
        body.put("apiVersion", info.apiVersion());
        body.put("kind", info.kind());
        ObjectNode metadata = body.putObject("metadata");
        metadata.put("name", "x");
        if (info.namespaced()) {
            metadata.put("namespace", "shop");
        }
        return Resource.of(body);
    }

    private static List<Resource> oneOfEachKindShuffled() {
        List<Resource> resources = new ArrayList<>();
        BuiltinKinds.all().forEach(info -> resources.add(objectOf(info)));
        Collections.shuffle(resources, new Random(42));
        return resources;
    }

    private static int order(PlanStep step) {
        return BuiltinKinds.applyOrder(step.key().group(), step.key().kind());
    }

    @Test
    void everyKindIsListedOnceWithItsRestNames() {
        Set<String> seen = new HashSet<>();
        for (KindInfo info : BuiltinKinds.all()) {
            assertThat(seen.add(info.group() + "/" + info.kind())).as("listed once: %s", info).isTrue();
            assertThat(info.plural()).as("plural of %s", info).isLowerCase().isNotEmpty();
            assertThat(info.versions()).as("versions of %s", info).isNotEmpty();
            assertThat(BuiltinKinds.find(info.group(), info.kind())).contains(info);
        }
    }

    @Test
    void wellKnownKindsHaveTheScopeKubernetesGivesThem() {
        assertThat(List.of("/Namespace", "/Node", "/PersistentVolume", "rbac.authorization.k8s.io/ClusterRole",
                "rbac.authorization.k8s.io/ClusterRoleBinding", "storage.k8s.io/StorageClass",
                "apiextensions.k8s.io/CustomResourceDefinition", "node.k8s.io/RuntimeClass",
                "scheduling.k8s.io/PriorityClass", "networking.k8s.io/IngressClass",
                "admissionregistration.k8s.io/ValidatingWebhookConfiguration"))
                .allSatisfy(kind -> assertThat(isClusterScoped(kind)).as(kind).isTrue());
        assertThat(List.of("/Pod", "/ConfigMap", "/Secret", "/PersistentVolumeClaim", "/Event", "events.k8s.io/Event",
                "apps/Deployment", "rbac.authorization.k8s.io/Role", "coordination.k8s.io/Lease",
                "networking.k8s.io/Ingress", "discovery.k8s.io/EndpointSlice"))
                .allSatisfy(kind -> assertThat(isClusterScoped(kind)).as(kind).isFalse());
    }

    private static boolean isClusterScoped(String groupKind) {
        int slash = groupKind.indexOf('/');
        return BuiltinKinds.isClusterScoped(groupKind.substring(0, slash), groupKind.substring(slash + 1));
    }

    @Test
    void aKindOutsideTheTableIsANamespacedObjectAppliedWithEverythingElse() {
        assertThat(BuiltinKinds.find("example.org", "Namespace")).isEmpty();
        assertThat(BuiltinKinds.isClusterScoped("example.org", "Namespace")).isFalse();
        assertThat(BuiltinKinds.applyOrder("example.org", "Service")).isEqualTo(BuiltinKinds.UNRANKED);
        assertThat(BuiltinKinds.roleOf("example.org", "CustomResourceDefinition")).isEqualTo(KindRole.OBJECT);
    }

    @Test
    void onlyNamespacesAndDefinitionsAreAppliedFirst() {
        assertThat(BuiltinKinds.all()).filteredOn(info -> info.role().appliedFirst())
                .extracting(info -> info.group() + "/" + info.kind())
                .containsExactlyInAnyOrder("/Namespace", "apiextensions.k8s.io/CustomResourceDefinition");
    }

    @Test
    void plannerAppliesBuiltinKindsInTheTablesOrder() {
        // given one object of every built-in kind, declared in a shuffled order
        DesiredState desired = DesiredState.of("r1", oneOfEachKindShuffled());

        // when
        Plan plan = Planner.defaults().plan(DefaultStateDiffer.builder().build().diff(desired, LiveState.empty()));

        // then
        assertThat(plan.applies()).hasSize(BuiltinKinds.all().size());
        assertThat(plan.applies()).isSortedAccordingTo(Comparator.comparingInt(BuiltinKindsTest::order));
        assertThat(plan.applies().get(0).key().kind()).isEqualTo("Namespace");
        assertThat(plan.applies().get(1).key().kind()).isEqualTo("CustomResourceDefinition");
    }

    @Test
    void plannerDeletesBuiltinKindsInReverseWithDefinitionsAndNamespacesLast() {
        // given one live object of every built-in kind and nothing desired
        List<LiveResource> live = oneOfEachKindShuffled().stream().map(LiveResource::of).toList();

        // when
        Plan plan = Planner.defaults().plan(DefaultStateDiffer.builder().build()
                .diff(DesiredState.of("r1", List.of()), LiveState.of(live)));

        // then
        List<PlanStep> deletes = plan.deletes();
        assertThat(deletes).hasSize(BuiltinKinds.all().size());
        assertThat(deletes.subList(0, deletes.size() - 2))
                .isSortedAccordingTo(Comparator.comparingInt(BuiltinKindsTest::order).reversed());
        assertThat(deletes.get(deletes.size() - 2).key().kind()).isEqualTo("CustomResourceDefinition");
        assertThat(deletes.get(deletes.size() - 1).key().kind()).isEqualTo("Namespace");
    }

    @Test
    void loaderRejectsANamespaceOnEveryClusterScopedKindAndKeepsItOnNamespacedOnes() {
        ManifestLoader loader = ManifestLoader.defaults();
        for (KindInfo info : BuiltinKinds.all()) {
            String yaml = "apiVersion: " + info.apiVersion() + "\nkind: " + info.kind()
                    + "\nmetadata:\n  name: x\n  namespace: shop\n";
            byte[] content = yaml.getBytes(StandardCharsets.UTF_8);
            if (info.namespaced()) {
                assertThat(loader.parse("k.yaml", content)).extracting(Resource::key)
                        .containsExactly(new ResourceKey(info.group(), info.kind(), "shop", "x"));
            } else {
                assertThatThrownBy(() -> loader.parse("k.yaml", content)).as(info.toString())
                        .isInstanceOf(ManifestException.class).hasMessageContaining("cluster-scoped");
            }
        }
    }
}
