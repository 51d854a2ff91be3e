package io.gitops4j.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.testkit.InMemorySource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ObjectPolicyTest {
    private final RecordingTarget target = new RecordingTarget();
    private final InMemorySource source = InMemorySource.of(DesiredState.of("r0", List.of()));

    private static Resource configMap(String name, String value, Map<String, String> annotations) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "v1").put("kind", "ConfigMap");
        ObjectNode metadata = body.putObject("metadata").put("name", name).put("namespace", "shop");
        annotations.forEach(metadata.withObjectProperty("annotations")::put);
        body.putObject("data").put("value", value);
        return Resource.of(body);
    }

    private ReconcileResult reconcile(String revision, Resource... resources) {
        source.commit(DesiredState.of(revision, List.of(resources)));
        return GitOpsEngine.builder().application("shop").source(source).target(target)
                .differ(new EqualityDiffer()).build()
                .reconcile(ReconcileOptions.builder().allowLargePrune().build());
    }

    private String liveValue(String name) {
        return target.objects().get(ResourceKey.of("", "ConfigMap", "shop", name)).tree().at("/data/value").asText();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gitops4j.io/prune | disabled",
        "kustomize.toolkit.fluxcd.io/prune | disabled",
        "argocd.argoproj.io/sync-options | Validate=false,Prune=false",
        "gitops4j.io/sync-options | PruneLast=true, Prune=false"})
    void pruneIsDisabledByTheAnnotationsOfEveryTool(String annotation, String value) {
        // given
        reconcile("r1", configMap("a", "1", Map.of()), configMap("kept", "1", Map.of(annotation, value)));

        // when
        ReconcileResult result = reconcile("r2", configMap("a", "1", Map.of()));

        // then
        assertThat(target.objects()).containsKey(ResourceKey.of("", "ConfigMap", "shop", "kept"));
        assertThat(result.step(ResourceKey.of("", "ConfigMap", "shop", "kept")).orElseThrow().message())
                .contains(annotation);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"gitops4j.io/apply | if-not-present", "kustomize.toolkit.fluxcd.io/ssa | IfNotPresent"})
    void createOnlyObjectsAreCreatedButNeverUpdated(String annotation, String value) {
        // given
        reconcile("r1", configMap("seed", "1", Map.of(annotation, value)));
        assertThat(liveValue("seed")).isEqualTo("1");

        // when
        ReconcileResult result = reconcile("r2", configMap("seed", "2", Map.of(annotation, value)));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(liveValue("seed")).isEqualTo("1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gitops4j.io/reconcile | ignore",
        "kustomize.toolkit.fluxcd.io/ssa | Ignore",
        "kustomize.toolkit.fluxcd.io/reconcile | disabled"})
    void ignoredDesiredObjectsAreNeitherCreatedNorUpdated(String annotation, String value) {
        // when
        ReconcileResult result = reconcile("r1", configMap("a", "1", Map.of()), configMap("left", "1", Map.of(annotation, value)));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(target.objects()).containsOnlyKeys(ResourceKey.of("", "ConfigMap", "shop", "a"));
        assertThat(result.plan().toText()).doesNotContain("left");
    }

    @Test
    void anObjectMarkedIgnoredLiveIsNotDriftAndNotPruned() {
        // given an applied object that someone marks as ignored in the cluster and changes
        reconcile("r1", configMap("a", "1", Map.of()), configMap("b", "1", Map.of()));
        target.put(configMap("b", "changed", Map.of("gitops4j.io/reconcile", "ignore")));

        // when Git still declares it, and then no longer does
        ReconcileResult same = reconcile("r2", configMap("a", "1", Map.of()), configMap("b", "1", Map.of()));
        ReconcileResult removed = reconcile("r3", configMap("a", "1", Map.of()));

        // then
        assertThat(same.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(removed.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(liveValue("b")).isEqualTo("changed");
    }
}
