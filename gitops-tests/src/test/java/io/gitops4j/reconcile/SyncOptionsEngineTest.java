package io.gitops4j.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyResult;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.target.DeleteResult;
import io.gitops4j.target.PropagationPolicy;
import io.gitops4j.testkit.ForwardingTarget;
import io.gitops4j.testkit.InMemorySource;
import io.gitops4j.testkit.InMemoryTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each sync option, per object and per application, through the engine on the in-memory target. */
class SyncOptionsEngineTest {
    private static final String OPTIONS = "gitops4j.io/sync-options";
    private static final String ARGO = "argocd.argoproj.io/sync-options";

    private final InMemoryTarget cluster = InMemoryTarget.builder().immutableFields("Job", "/spec/template")
            .unknownKind("example.com", "Widget").build();
    private final Recording target = new Recording(cluster);
    private final InMemorySource source = InMemorySource.of(DesiredState.of("r0", List.of()));

    /** Records the options of every apply and delete. */
    static final class Recording extends ForwardingTarget {
        final Map<ResourceKey, ApplyOptions> applies = new LinkedHashMap<>();
        final Map<ResourceKey, DeleteOptions> deletes = new LinkedHashMap<>();
        final List<ResourceKey> applied = new ArrayList<>();

        Recording(InMemoryTarget cluster) {
            super(cluster);
        }

        @Override
        public ApplyResult apply(Resource resource, ApplyOptions options) {
            applies.put(resource.key(), options);
            applied.add(resource.key());
            return super.apply(resource, options);
        }

        @Override
        public DeleteResult delete(ResourceKey key, DeleteOptions options) {
            deletes.put(key, options);
            return super.delete(key, options);
        }
    }

    private static Resource configMap(String name, String value, Map<String, String> annotations) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "v1").put("kind", "ConfigMap");
        ObjectNode metadata = body.putObject("metadata").put("name", name).put("namespace", "shop");
        annotations.forEach(metadata.withObjectProperty("annotations")::put);
        body.putObject("data").put("value", value);
        return Resource.of(body);
    }

    private static Resource job(String image, Map<String, String> annotations) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "batch/v1").put("kind", "Job");
        ObjectNode metadata = body.putObject("metadata").put("name", "migrate").put("namespace", "shop");
        annotations.forEach(metadata.withObjectProperty("annotations")::put);
        body.putObject("spec").putObject("template").putObject("spec").putArray("containers").addObject()
                .put("name", "migrate").put("image", image);
        return Resource.of(body);
    }

    private static ResourceKey cm(String name) {
        return ResourceKey.of("", "ConfigMap", "shop", name);
    }

    private ReconcileResult reconcile(ReconcileOptions options, Resource... resources) {
        source.commit(DesiredState.of("r" + System.identityHashCode(resources), List.of(resources)));
        return GitOpsEngine.builder().application("shop").source(source).target(target).build().reconcile(options);
    }

    private ReconcileResult reconcile(Resource... resources) {
        return reconcile(ReconcileOptions.builder().allowLargePrune().build(), resources);
    }

    private ReconcileOptions withApp(String syncOptions) {
        return ReconcileOptions.builder().allowLargePrune().syncOptions(SyncOptions.parse(syncOptions)).build();
    }

    private boolean owned(ResourceKey key) {
        return cluster.inventoryStore().load("shop").orElseThrow().contains(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {OPTIONS, ARGO})
    void pruneConfirmSkipsTheDeletionUntilARunConfirmsIt(String annotation) {
        // given
        reconcile(configMap("a", "1", Map.of()), configMap("b", "1", Map.of(annotation, "Prune=confirm")));

        // when
        ReconcileResult waiting = reconcile(configMap("a", "1", Map.of()));

        // then
        assertThat(waiting.succeeded()).isTrue();
        assertThat(waiting.step(cm("b")).orElseThrow().status()).isEqualTo(StepResult.Status.SKIPPED);
        assertThat(waiting.step(cm("b")).orElseThrow().message()).contains("Prune=confirm").contains("confirmPrune");
        assertThat(cluster.contents()).containsKey(cm("b"));
        assertThat(owned(cm("b"))).isTrue();

        // when confirmed
        ReconcileResult confirmed = reconcile(ReconcileOptions.builder().confirmPrune(true).build(),
                configMap("a", "1", Map.of()));

        // then
        assertThat(confirmed.step(cm("b")).orElseThrow().status()).isEqualTo(StepResult.Status.DELETED);
        assertThat(cluster.contents()).doesNotContainKey(cm("b"));
    }

    @Test
    void deleteFalseKeepsTheObjectWhenTheApplicationsResourcesAreDeletedButNotFromPrune() {
        // given
        reconcile(configMap("a", "1", Map.of()), configMap("kept", "1", Map.of(OPTIONS, "Delete=false")),
                configMap("pruned", "1", Map.of(OPTIONS, "Delete=false")));

        // when one is no longer declared: prune, governed by Prune, deletes it
        reconcile(configMap("a", "1", Map.of()), configMap("kept", "1", Map.of(OPTIONS, "Delete=false")));

        // then
        assertThat(cluster.contents()).doesNotContainKey(cm("pruned"));

        // when the application's resources are deleted (nothing declared, allowEmpty)
        ReconcileResult teardown = reconcile(ReconcileOptions.builder().allowEmpty().build());

        // then
        assertThat(cluster.contents()).doesNotContainKey(cm("a")).containsKey(cm("kept"));
        assertThat(teardown.step(cm("kept")).orElseThrow().message()).contains("Delete=false").contains("released");
        assertThat(owned(cm("kept"))).isFalse();
    }

    @Test
    void replaceStoresTheDeclaredObjectWholeDroppingFieldsOthersSet() {
        // given objects someone else added a field to
        reconcile(configMap("merged", "1", Map.of()), configMap("replaced", "1", Map.of(ARGO, "Replace=true")));
        for (String name : List.of("merged", "replaced")) {
            cluster.edit(cm(name), tree -> {
                ((ObjectNode) tree.get("data")).put("extra", "by hand");
                return tree;
            });
        }

        // when both change in Git
        reconcile(configMap("merged", "2", Map.of()), configMap("replaced", "2", Map.of(ARGO, "Replace=true")));

        // then
        assertThat(target.applies.get(cm("replaced")).replace()).isTrue();
        assertThat(target.applies.get(cm("merged")).replace()).isFalse();
        assertThat(cluster.contents().get(cm("replaced")).tree().at("/data/extra").isMissingNode()).isTrue();
        assertThat(cluster.contents().get(cm("merged")).tree().at("/data/extra").asText()).isEqualTo("by hand");
    }

    @Test
    void aChangedImmutableFieldFailsNamingTheField() {
        // given
        reconcile(job("migrate:1", Map.of()));

        // when
        ReconcileResult result = reconcile(job("migrate:2", Map.of()));

        // then
        StepResult step = result.step(ResourceKey.of("batch", "Job", "shop", "migrate")).orElseThrow();
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(step.message()).contains("field is immutable: spec.template").contains("Force=true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gitops4j.io/sync-options=Force=true", "argocd.argoproj.io/sync-options=Force=true",
        "kustomize.toolkit.fluxcd.io/force=enabled"})
    void forceRecreatesAnObjectWhoseImmutableFieldChanged(String annotation) {
        // given
        String[] parts = annotation.split("=", 2);
        reconcile(job("migrate:1", Map.of(parts[0], parts[1])));
        ResourceKey key = ResourceKey.of("batch", "Job", "shop", "migrate");
        String uid = cluster.contents().get(key).tree().at("/metadata/uid").asText();

        // when
        ReconcileResult result = reconcile(job("migrate:2", Map.of(parts[0], parts[1])));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        Resource live = cluster.contents().get(key);
        assertThat(live.tree().at("/spec/template/spec/containers/0/image").asText()).isEqualTo("migrate:2");
        assertThat(live.tree().at("/metadata/uid").asText()).isNotEqualTo(uid);
        assertThat(owned(key)).isTrue();
    }

    @Test
    void createNamespaceCreatesTheMissingNamespaceWithManagedMetadataAndNeverPrunesIt() {
        // given
        ReconcileOptions options = ReconcileOptions.builder().allowLargePrune().syncOptions(SyncOptions.builder()
                .createNamespace(true).managedNamespaceMetadata(Map.of("team", "shop"), Map.of("owner", "ops"))
                .build()).build();
        ResourceKey namespace = ResourceKey.of("", "Namespace", "", "shop");

        // when
        ReconcileResult result = reconcile(options, configMap("a", "1", Map.of()));

        // then
        assertThat(result.step(namespace).orElseThrow().message()).contains("CreateNamespace=true");
        Resource created = cluster.contents().get(namespace);
        assertThat(created.labels()).containsEntry("team", "shop");
        assertThat(created.annotations()).containsEntry("owner", "ops");
        assertThat(owned(namespace)).isFalse();

        // when nothing else is declared any more
        reconcile(options, configMap("b", "1", Map.of()));

        // then
        assertThat(cluster.contents()).containsKey(namespace);
    }

    @Test
    void createNamespaceOnOneObjectCreatesOnlyItsNamespace() {
        // when
        reconcile(configMap("a", "1", Map.of(OPTIONS, "CreateNamespace=true")));

        // then
        assertThat(cluster.contents()).containsKey(ResourceKey.of("", "Namespace", "", "shop"));
    }

    @Test
    void pruneLastDeletesAfterEveryOtherDeletion() {
        // given (deletions run in reverse key order: z would go first)
        reconcile(configMap("a", "1", Map.of()), configMap("b", "1", Map.of()),
                configMap("z", "1", Map.of(ARGO, "PruneLast=true")), configMap("keep", "1", Map.of()));

        // when
        reconcile(configMap("keep", "1", Map.of()));

        // then
        assertThat(cluster.deletedKeys()).containsExactly(cm("b"), cm("a"), cm("z"));
    }

    @Test
    void prunePropagationPolicyOfTheObjectOverridesTheApplications() {
        // given
        reconcile(configMap("a", "1", Map.of()), configMap("orphaned", "1",
                Map.of(OPTIONS, "PrunePropagationPolicy=orphan")), configMap("keep", "1", Map.of()));

        // when
        reconcile(withApp("PrunePropagationPolicy=foreground"), configMap("keep", "1", Map.of()));

        // then
        assertThat(target.deletes.get(cm("a")).propagation()).isEqualTo(PropagationPolicy.FOREGROUND);
        assertThat(target.deletes.get(cm("orphaned")).propagation()).isEqualTo(PropagationPolicy.ORPHAN);
    }

    @Test
    void applyOutOfSyncOnlyFalseReappliesAnObjectThatIsInSync() {
        // given
        Resource always = configMap("always", "1", Map.of(ARGO, "ApplyOutOfSyncOnly=false"));
        reconcile(always, configMap("once", "1", Map.of()));
        target.applied.clear();

        // when
        reconcile(always, configMap("once", "1", Map.of()));

        // then
        assertThat(target.applied).containsExactly(cm("always"));
    }

    @Test
    void applyOutOfSyncOnlyIsTheDefault() {
        // given
        reconcile(withApp("ApplyOutOfSyncOnly=true"), configMap("a", "1", Map.of()));
        target.applied.clear();

        // when
        ReconcileResult again = reconcile(withApp("ApplyOutOfSyncOnly=true"), configMap("a", "1", Map.of()));

        // then
        assertThat(again.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(target.applied).isEmpty();
    }

    @Test
    void skipDryRunOnMissingResourceSkipsAnObjectOfAKindNotServedYet() {
        // given
        Resource skipped = widget("skipped", Map.of(ARGO, "SkipDryRunOnMissingResource=true"));
        Resource failed = widget("failed", Map.of());

        // when
        ReconcileResult result = reconcile(ReconcileOptions.builder().dryRun(true).build(), skipped, failed);

        // then
        assertThat(result.step(ResourceKey.of("example.com", "Widget", "shop", "skipped")).orElseThrow().status())
                .isEqualTo(StepResult.Status.SKIPPED);
        assertThat(result.step(ResourceKey.of("example.com", "Widget", "shop", "failed")).orElseThrow().status())
                .isEqualTo(StepResult.Status.FAILED);
    }

    private static Resource widget(String name, Map<String, String> annotations) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "example.com/v1").put("kind", "Widget");
        ObjectNode metadata = body.putObject("metadata").put("name", name).put("namespace", "shop");
        annotations.forEach(metadata.withObjectProperty("annotations")::put);
        return Resource.of(body);
    }

    @Test
    void failOnSharedResourceRefusesAnObjectAnotherApplicationOwnsEvenWhenAdopted() {
        // given objects another application applied
        for (String name : List.of("adopted", "shared")) {
            cluster.seed(configMap(name, "0", Map.of("gitops4j.io/tracking-id", "other:/ConfigMap:shop/" + name)));
        }

        // when
        ReconcileResult result = reconcile(configMap("adopted", "1", Map.of("gitops4j.io/adopt", "true")),
                configMap("shared", "1", Map.of("gitops4j.io/adopt", "true", OPTIONS, "FailOnSharedResource=true")));

        // then
        assertThat(result.step(cm("adopted")).orElseThrow().status()).isEqualTo(StepResult.Status.APPLIED);
        assertThat(result.step(cm("shared")).orElseThrow().message()).contains("FailOnSharedResource=true")
                .contains("other");
        assertThat(result.step(cm("shared")).orElseThrow().isFailed()).isTrue();
    }

    @Test
    void validateFalseAndSsaMergeReachTheTarget() {
        // when
        reconcile(configMap("unvalidated", "1", Map.of(ARGO, "Validate=false")),
                configMap("merged", "1", Map.of("kustomize.toolkit.fluxcd.io/ssa", "Merge")),
                configMap("plain", "1", Map.of()));

        // then
        assertThat(target.applies.get(cm("unvalidated")).validate()).isFalse();
        assertThat(target.applies.get(cm("merged")).merge()).isTrue();
        assertThat(target.applies.get(cm("plain"))).isEqualTo(ApplyOptions.DEFAULT);
    }

    @Test
    void theObjectsOptionsOverrideTheApplications() {
        // when
        reconcile(withApp("Replace=true,Validate=false"), configMap("a", "1", Map.of(OPTIONS, "Replace=false")),
                configMap("b", "1", Map.of()));

        // then
        assertThat(target.applies.get(cm("a")).replace()).isFalse();
        assertThat(target.applies.get(cm("a")).validate()).isFalse();
        assertThat(target.applies.get(cm("b")).replace()).isTrue();
    }

    @Test
    void anUnknownOptionIsAWarningNamingItAndTheObject() {
        // when
        ReconcileResult result = reconcile(withApp("Bogus=1"),
                configMap("a", "1", Map.of(ARGO, "Prune=false,Replce=true,Prune=maybe")));

        // then
        assertThat(result.succeeded()).isTrue();
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("Bogus=1"))
                .anySatisfy(w -> assertThat(w).contains("Replce=true").contains(cm("a").toString()))
                .anySatisfy(w -> assertThat(w).contains("Prune=maybe").contains("true, false or confirm"));
    }

    @Test
    void applicationPruneFalseKeepsEveryObjectStillOwned() {
        // given
        reconcile(configMap("a", "1", Map.of()), configMap("b", "1", Map.of()));

        // when
        ReconcileResult result = reconcile(withApp("Prune=false"), configMap("a", "1", Map.of()));

        // then
        assertThat(cluster.contents()).containsKey(cm("b"));
        assertThat(result.step(cm("b")).orElseThrow().message()).contains("Prune=false");
        assertThat(owned(cm("b"))).isTrue();
    }
}
