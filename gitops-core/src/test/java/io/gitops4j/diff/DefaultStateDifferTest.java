package io.gitops4j.diff;

import static io.gitops4j.diff.Diffs.diff;
import static io.gitops4j.diff.Diffs.paths;
import static io.gitops4j.diff.Yaml.live;
import static io.gitops4j.diff.Yaml.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DefaultStateDifferTest {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
              labels: {app: web}
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                  - name: web
                    image: web:1
            """;

    private final DefaultStateDiffer differ = DefaultStateDiffer.defaults();

    @Test
    void identicalObjectsAreInSync() {
        ResourceDiff diff = diff(resource(DEPLOYMENT), live(DEPLOYMENT));

        assertThat(diff.type()).isEqualTo(ChangeType.NONE);
        assertThat(diff.changes()).isEmpty();
    }

    @Test
    void changedNestedScalarIsOneReplaceWithOldAndNewValues() {
        ResourceDiff diff = diff(resource(DEPLOYMENT.replace("replicas: 2", "replicas: 3")), live(DEPLOYMENT));

        assertThat(diff.type()).isEqualTo(ChangeType.UPDATE);
        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo("/spec/replicas");
            assertThat(change.operation()).isEqualTo(FieldChange.Operation.REPLACE);
            assertThat(change.oldValue().intValue()).isEqualTo(2);
            assertThat(change.newValue().intValue()).isEqualTo(3);
            assertThat(change.redacted()).isFalse();
        });
    }

    @Test
    void declaredFieldMissingLiveIsAnAdd() {
        Resource desired = resource(DEPLOYMENT.replace("labels: {app: web}", "labels: {app: web, tier: front}"));

        ResourceDiff diff = diff(desired, live(DEPLOYMENT));

        assertThat(paths(diff)).isEqualTo("ADD /metadata/labels/tier");
        assertThat(diff.changes().get(0).newValue().asText()).isEqualTo("front");
    }

    @Test
    void fieldsOnlyTheServerSetAreNotDrift() {
        String live = DEPLOYMENT.replace("labels: {app: web}", """
                labels: {app: web, pod-template-hash: abc}
                  uid: 1234
                  resourceVersion: "99"
                  generation: 4
                  creationTimestamp: "2026-01-01T00:00:00Z"
                  managedFields: [{manager: gitops4j}]
                  annotations:
                    deployment.kubernetes.io/revision: "3"
                    kubectl.kubernetes.io/last-applied-configuration: "{}"
                """).replace("image: web:1", """
                image: web:1
                        imagePullPolicy: IfNotPresent
                        terminationMessagePath: /dev/termination-log
                """) + """
                status:
                  replicas: 2
                  readyReplicas: 1
                """;

        ResourceDiff diff = diff(resource(DEPLOYMENT), live(live));

        assertThat(diff.type()).isEqualTo(ChangeType.NONE);
    }

    @Test
    void declaredStatusAndServerMetadataAreNeverDrift() {
        String desired = DEPLOYMENT.replace("namespace: shop", """
                namespace: shop
                  resourceVersion: "1"
                  uid: abc
                """) + "status: {replicas: 5}\n";

        ResourceDiff diff = diff(resource(desired), live(DEPLOYMENT + "status: {replicas: 1}\n"));

        assertThat(diff.type()).isEqualTo(ChangeType.NONE);
    }

    @Test
    void numbersCompareByValueButStringsAreNotNumbers() {
        assertThat(diff(resource(DEPLOYMENT.replace("replicas: 2", "replicas: 2.0")), live(DEPLOYMENT)).type())
                .isEqualTo(ChangeType.NONE);

        ResourceDiff diff = diff(resource(DEPLOYMENT.replace("replicas: 2", "replicas: \"2\"")), live(DEPLOYMENT));

        assertThat(paths(diff)).isEqualTo("REPLACE /spec/replicas");
    }

    @Test
    void fieldDroppedFromDesiredIsRemovedWhenLastAppliedHadIt() {
        String applied = DEPLOYMENT.replace("labels: {app: web}", "labels: {app: web, old: x}");

        ResourceDiff diff = diff(resource(DEPLOYMENT), live(applied, applied));

        assertThat(paths(diff)).isEqualTo("REMOVE /metadata/labels/old");
        assertThat(diff.changes().get(0).oldValue().asText()).isEqualTo("x");
        assertThat(diff.changes().get(0).newValue()).isNull();
    }

    @Test
    void fieldDroppedFromDesiredButNeverAppliedIsLeftAlone() {
        String live = DEPLOYMENT.replace("labels: {app: web}", "labels: {app: web, other: y}");

        ResourceDiff diff = diff(resource(DEPLOYMENT), live(live, DEPLOYMENT));

        assertThat(diff.type()).isEqualTo(ChangeType.NONE);
    }

    @Test
    void removedBlockRemovesOnlyTheLeavesThatWereApplied() {
        String applied = DEPLOYMENT.replace("image: web:1", """
                image: web:1
                        resources: {limits: {cpu: 500m}}
                """);
        String live = applied.replace("{cpu: 500m}", "{cpu: 500m, memory: 1Gi}");

        ResourceDiff diff = diff(resource(DEPLOYMENT), live(live, applied));

        assertThat(paths(diff)).isEqualTo("REMOVE /spec/template/spec/containers/0/resources/limits/cpu");
    }

    @Test
    void removalAlreadyGoneLiveIsNotAChange() {
        String applied = DEPLOYMENT.replace("labels: {app: web}", "labels: {app: web, old: x}");

        ResourceDiff diff = diff(resource(DEPLOYMENT), live(DEPLOYMENT, applied));

        assertThat(diff.type()).isEqualTo(ChangeType.NONE);
    }

    @Test
    void desiredNullRemovesALiveValue() {
        ResourceDiff diff = diff(resource(DEPLOYMENT.replace("replicas: 2", "replicas: null")), live(DEPLOYMENT));

        assertThat(paths(diff)).isEqualTo("REMOVE /spec/replicas");
    }

    @Test
    void emptyDesiredMapsAndListsEqualAbsentLiveFields() {
        String desired = DEPLOYMENT.replace("labels: {app: web}", "labels: {app: web}\n  annotations: {}")
                .replace("image: web:1", "image: web:1\n        args: []");

        assertThat(diff(resource(desired), live(DEPLOYMENT)).type()).isEqualTo(ChangeType.NONE);
    }

    @Test
    void zeroValuesTheServerOmitsAreNotDrift() {
        String desired = DEPLOYMENT.replace("image: web:1", """
                image: web:1
                        env: [{name: EMPTY, value: ""}]
                        volumeMounts: [{name: data, mountPath: /data, readOnly: false}]
                        terminationMessagePath: ""
                """);
        String live = DEPLOYMENT.replace("image: web:1", """
                image: web:1
                        env: [{name: EMPTY}]
                        volumeMounts: [{name: data, mountPath: /data}]
                """);

        assertThat(diff(resource(desired), live(live)).type()).isEqualTo(ChangeType.NONE);
    }

    @Test
    void emptyLabelValuesAreKeptSoTheyAreDrift() {
        String desired = DEPLOYMENT.replace("labels: {app: web}", "labels: {app: web, flag: \"\"}");

        ResourceDiff diff = diff(resource(desired), live(DEPLOYMENT));

        assertThat(paths(diff)).isEqualTo("ADD /metadata/labels/flag");
    }

    @Test
    void typeChangeIsAReplace() {
        ResourceDiff diff = diff(resource(DEPLOYMENT.replace("replicas: 2", "replicas: {a: 1}")), live(DEPLOYMENT));

        assertThat(paths(diff)).isEqualTo("REPLACE /spec/replicas");
    }

    @Test
    void changesAreSortedByPathWithIndicesNumerically() {
        StringBuilder desired = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n");
        StringBuilder live = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n");
        for (String key : List.of("b", "a", "c")) {
            desired.append("  ").append(key).append(": new\n");
            live.append("  ").append(key).append(": old\n");
        }
        String list = "list: [%s]\n";
        String[] desiredItems = new String[12];
        String[] liveItems = new String[12];
        for (int i = 0; i < 12; i++) {
            desiredItems[i] = i == 2 || i == 10 ? "9" : "1";
            liveItems[i] = "1";
        }

        ResourceDiff diff = diff(resource(desired + list.formatted(String.join(",", desiredItems))),
                live(live + list.formatted(String.join(",", liveItems))));

        assertThat(diff.changes()).extracting(FieldChange::path)
                .containsExactly("/data/a", "/data/b", "/data/c", "/list/2", "/list/10");
    }

    @Test
    void jsonPointerEscapesTildeAndSlashInKeys() {
        String desired = DEPLOYMENT.replace("labels: {app: web}", "annotations: {\"example.com/a~b\": \"2\"}");
        String live = DEPLOYMENT.replace("labels: {app: web}", "annotations: {\"example.com/a~b\": \"1\"}");

        ResourceDiff diff = diff(resource(desired), live(live));

        assertThat(paths(diff)).isEqualTo("REPLACE /metadata/annotations/example.com~1a~0b");
    }

    @Test
    void wholeStateHasCreateUpdateDeleteAndNoneSortedByKey() {
        Resource web = resource(DEPLOYMENT);
        Resource api = resource(DEPLOYMENT.replace("name: web", "name: api"));
        Resource db = resource(DEPLOYMENT.replace("name: web", "name: db"));
        Resource old = resource(DEPLOYMENT.replace("name: web", "name: old"));
        DesiredState desired = DesiredState.of("rev", List.of(web, api, db));
        LiveState live = LiveState.of(List.of(
                LiveResource.of(web),
                LiveResource.of(resource(DEPLOYMENT.replace("name: web", "name: db").replace("web:1", "web:0"))),
                LiveResource.of(old)));

        StateDiff diff = differ.diff(desired, live);

        assertThat(diff.resources().values()).extracting(d -> d.key().name() + ":" + d.type())
                .containsExactly("api:CREATE", "db:UPDATE", "old:DELETE", "web:NONE");
        assertThat(diff.resources().get(db.key()).changes()).extracting(FieldChange::path)
                .containsExactly("/spec/template/spec/containers/0/image");
    }

    @Test
    void oneDifferSharedByThreadsGivesEqualResults() throws Exception {
        Resource desired = resource(DEPLOYMENT.replace("replicas: 2", "replicas: 3"));
        LiveResource live = live(DEPLOYMENT);
        String expected = DiffFormatter.defaults().text(diff(desired, live));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> DiffFormatter.defaults().text(differ.diff(desired.key(), desired, live))));
            }
            for (Future<String> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void resourceDiffRejectsNothingToCompareAndMismatchedKeys() {
        ResourceKey key = ResourceKey.of("apps", "Deployment", "shop", "other");

        assertThatThrownBy(() -> differ.diff(key, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> differ.diff(key, resource(DEPLOYMENT), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apps/Deployment/shop/web");
    }
}
