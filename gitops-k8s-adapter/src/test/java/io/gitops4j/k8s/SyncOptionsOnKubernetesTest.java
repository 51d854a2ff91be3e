package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.ImmutableFieldException;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.reconcile.StepResult;
import io.gitops4j.reconcile.SyncOptions;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyOutcome;
import io.gitops4j.testkit.InMemorySource;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApiExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sync options end to end: the engine, the Kubernetes target and an API server that behaves like the real one. */
class SyncOptionsOnKubernetesTest {
    private static final ResourceKey JOB = ResourceKey.of("batch", "Job", "shop", "migrate");

    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension(b -> b.namespaces("shop"));

    private KubernetesClient client;
    private KubernetesTarget target;
    private final InMemorySource source = InMemorySource.of(DesiredState.of("r0", List.of()));
    private int revision;

    @BeforeEach
    void connect() {
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(k8s.api().kubeconfig())).build();
        target = KubernetesTarget.builder().client(client).build();
    }

    @AfterEach
    void close() {
        target.close();
        client.close();
    }

    private ReconcileResult reconcile(ReconcileOptions options, Resource... resources) {
        source.commit(DesiredState.of("r" + ++revision, List.of(resources)));
        return GitOpsEngine.builder().application("shop").source(source).target(target).build().reconcile(options);
    }

    private ReconcileResult reconcile(Resource... resources) {
        return reconcile(ReconcileOptions.builder().allowLargePrune().build(), resources);
    }

    private static Resource job(String image, String annotations) {
        return Manifests.resource("""
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: migrate
                  namespace: shop
                  annotations: {%s}
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                      - name: migrate
                        image: %s
                """.formatted(annotations, image));
    }

    private static Resource configMap(String namespace, String name, String value, String annotations) {
        return Manifests.resource("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                  namespace: %s
                  annotations: {%s}
                data:
                  value: "%s"
                """.formatted(name, namespace, annotations, value));
    }

    private GenericKubernetesResource liveJob() {
        return client.genericKubernetesResources("batch/v1", "Job").inNamespace("shop").withName("migrate").get();
    }

    private ConfigMap liveConfigMap(String namespace, String name) {
        return client.configMaps().inNamespace(namespace).withName(name).get();
    }

    /** Sets a value as another field manager would ({@code kubectl apply --server-side --force-conflicts}). */
    private void setByHand(String name, String key, String value) {
        client.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata().withName(name)
                .endMetadata().addToData(key, value).build()).fieldManager("kubectl").forceConflicts().serverSideApply();
    }

    @Test
    void forceRecreatesAJobWhoseTemplateChanged() {
        // given
        reconcile(job("migrate:1", "argocd.argoproj.io/sync-options: Force=true"));
        String uid = liveJob().getMetadata().getUid();

        // when
        ReconcileResult result = reconcile(job("migrate:2", "argocd.argoproj.io/sync-options: Force=true"));

        // then
        assertThat(result.outcome()).as(result.steps().toString()).isEqualTo(Outcome.APPLIED);
        GenericKubernetesResource live = liveJob();
        assertThat(live.getMetadata().getUid()).isNotEqualTo(uid);
        assertThat(Manifests.tree(client.getKubernetesSerialization().asYaml(live))
                .at("/spec/template/spec/containers/0/image").asText()).isEqualTo("migrate:2");

        // and a further run is converged
        assertThat(reconcile(job("migrate:2", "argocd.argoproj.io/sync-options: Force=true")).outcome())
                .isEqualTo(Outcome.CONVERGED);
    }

    @Test
    void fluxForceEnabledRecreatesAJobWhoseTemplateChanged() {
        // given
        reconcile(job("migrate:1", "kustomize.toolkit.fluxcd.io/force: enabled"));
        String uid = liveJob().getMetadata().getUid();

        // when
        ReconcileResult result = reconcile(job("migrate:2", "kustomize.toolkit.fluxcd.io/force: enabled"));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(liveJob().getMetadata().getUid()).isNotEqualTo(uid);
    }

    @Test
    void aChangedJobTemplateWithoutForceFailsNamingTheImmutableField() {
        // given
        reconcile(job("migrate:1", ""));

        // when
        ReconcileResult result = reconcile(job("migrate:2", ""));

        // then
        StepResult step = result.step(JOB).orElseThrow();
        assertThat(step.isFailed()).isTrue();
        assertThat(step.message()).contains("field is immutable: spec.template").contains("Force=true")
                .doesNotContain("migrate:2");
        assertThatThrownBy(() -> target.apply(job("migrate:2", ""), ApplyOptions.DEFAULT))
                .isInstanceOfSatisfying(ImmutableFieldException.class,
                        e -> assertThat(e.fields()).containsExactly("spec.template"));
    }

    @Test
    void aDryRunOfARecreateDeletesNothing() {
        // given
        reconcile(job("migrate:1", ""));
        String uid = liveJob().getMetadata().getUid();

        // when
        var result = target.apply(job("migrate:2", ""), ApplyOptions.DEFAULT.withDryRun(true).withRecreate(true));

        // then
        assertThat(result.outcome()).isEqualTo(ApplyOutcome.RECREATED);
        assertThat(liveJob().getMetadata().getUid()).isEqualTo(uid);
    }

    @Test
    void replaceDropsFieldsAnotherManagerAddedWhileApplyKeepsThem() {
        // given
        reconcile(configMap("shop", "replaced", "1", "gitops4j.io/sync-options: Replace=true"),
                configMap("shop", "applied", "1", ""));
        setByHand("replaced", "extra", "by hand");
        setByHand("applied", "extra", "by hand");

        // when
        ReconcileResult result = reconcile(configMap("shop", "replaced", "2", "gitops4j.io/sync-options: Replace=true"),
                configMap("shop", "applied", "2", ""));

        // then
        assertThat(result.succeeded()).as(result.steps().toString()).isTrue();
        assertThat(liveConfigMap("shop", "replaced").getData()).containsExactly(Map.entry("value", "2"));
        assertThat(liveConfigMap("shop", "applied").getData()).containsEntry("value", "2")
                .containsEntry("extra", "by hand");
    }

    @Test
    void replaceCreatesAMissingObject() {
        // when
        ReconcileResult result = reconcile(configMap("shop", "new", "1", "argocd.argoproj.io/sync-options: Replace=true"));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(liveConfigMap("shop", "new").getData()).containsEntry("value", "1");
    }

    @Test
    void createNamespaceCreatesTheDestinationNamespaceWithManagedMetadata() {
        // given
        ReconcileOptions options = ReconcileOptions.builder().syncOptions(SyncOptions.builder().createNamespace(true)
                .managedNamespaceMetadata(Map.of("team", "shop"), Map.of("owner", "ops")).build()).build();

        // when
        ReconcileResult result = reconcile(options, configMap("fresh", "a", "1", ""));

        // then
        assertThat(result.outcome()).as(result.steps().toString()).isEqualTo(Outcome.APPLIED);
        var namespace = client.namespaces().withName("fresh").get();
        assertThat(namespace.getMetadata().getLabels()).containsEntry("team", "shop");
        assertThat(namespace.getMetadata().getAnnotations()).containsEntry("owner", "ops");
        assertThat(liveConfigMap("fresh", "a").getData()).containsEntry("value", "1");
        assertThat(target.inventoryStore().load("shop").orElseThrow().keys())
                .containsExactly(ResourceKey.of("", "ConfigMap", "fresh", "a"));
    }

    @Test
    void withoutCreateNamespaceAMissingNamespaceFails() {
        // when
        ReconcileResult result = reconcile(configMap("absent", "a", "1", ""));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(client.namespaces().withName("absent").get()).isNull();
    }

    @Test
    void prunePropagationPolicyOrphanLeavesTheDependentsOfAPrunedObject() {
        // given an owned object with a dependent someone else made
        reconcile(configMap("shop", "owner", "1", "argocd.argoproj.io/sync-options: PrunePropagationPolicy=orphan"),
                configMap("shop", "background", "1", ""), configMap("shop", "keep", "1", ""));
        dependentOf("owner");
        dependentOf("background");

        // when both owners are no longer declared
        reconcile(configMap("shop", "keep", "1", ""));

        // then the orphaned dependent stays, without its owner reference; the other goes with its owner
        assertThat(liveConfigMap("shop", "owner")).isNull();
        ConfigMap orphan = liveConfigMap("shop", "dependent-of-owner");
        assertThat(orphan).isNotNull();
        assertThat(orphan.getMetadata().getOwnerReferences()).isEmpty();
        assertThat(liveConfigMap("shop", "dependent-of-background")).isNull();
    }

    private void dependentOf(String owner) {
        ConfigMap parent = liveConfigMap("shop", owner);
        client.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("dependent-of-" + owner).addNewOwnerReference().withApiVersion("v1").withKind("ConfigMap")
                .withName(owner).withUid(parent.getMetadata().getUid()).endOwnerReference().endMetadata().build())
                .create();
    }

    @Test
    void validateFalseDropsAnUnknownFieldThatStrictValidationRefuses() {
        // given
        String typo = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: typo
                  namespace: shop
                  annotations: {%s}
                data: {value: "1"}
                dta: {value: "2"}
                """;

        // when
        ReconcileResult strict = reconcile(Manifests.resource(typo.formatted("")));
        ReconcileResult lenient = reconcile(Manifests.resource(
                typo.formatted("argocd.argoproj.io/sync-options: Validate=false")));

        // then
        assertThat(strict.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(strict.failedSteps().get(0).message()).contains("unknown field \"dta\"");
        assertThat(lenient.outcome()).as(lenient.steps().toString()).isEqualTo(Outcome.APPLIED);
        assertThat(liveConfigMap("shop", "typo").getData()).containsExactly(Map.entry("value", "1"));
    }

    @Test
    void ssaMergeKeepsTheValueAnotherManagerSetWhereOverrideTakesItBack() {
        // given
        reconcile(configMap("shop", "merged", "1", "kustomize.toolkit.fluxcd.io/ssa: Merge"),
                configMap("shop", "overridden", "1", "kustomize.toolkit.fluxcd.io/ssa: Override"));
        setByHand("merged", "value", "by hand");
        setByHand("overridden", "value", "by hand");

        // when
        ReconcileResult result = reconcile(configMap("shop", "merged", "1", "kustomize.toolkit.fluxcd.io/ssa: Merge"),
                configMap("shop", "overridden", "1", "kustomize.toolkit.fluxcd.io/ssa: Override"));

        // then
        assertThat(result.succeeded()).as(result.steps().toString()).isTrue();
        assertThat(liveConfigMap("shop", "merged").getData()).containsEntry("value", "by hand");
        assertThat(liveConfigMap("shop", "overridden").getData()).containsEntry("value", "1");
    }

    @Test
    void ssaMergeStillAppliesTheFieldsNobodyElseOwns() {
        // given
        reconcile(configMap("shop", "merged", "1", "kustomize.toolkit.fluxcd.io/ssa: Merge"));
        setByHand("merged", "value", "by hand");

        // when a new label is declared beside the value another manager holds
        Resource labelled = Manifests.resource("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: merged
                  namespace: shop
                  labels: {tier: web}
                  annotations: {kustomize.toolkit.fluxcd.io/ssa: Merge}
                data:
                  value: "1"
                """);
        ReconcileResult result = reconcile(labelled);

        // then
        assertThat(result.succeeded()).as(result.steps().toString()).isTrue();
        ConfigMap live = liveConfigMap("shop", "merged");
        assertThat(live.getMetadata().getLabels()).containsEntry("tier", "web");
        assertThat(live.getData()).containsEntry("value", "by hand");
    }
}
