package io.gitops4j.diff;

import static io.gitops4j.diff.Diffs.diff;
import static io.gitops4j.diff.Diffs.paths;
import static io.gitops4j.diff.Yaml.live;
import static io.gitops4j.diff.Yaml.resource;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListDiffTest {
    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: shop}
            spec:
            """;
    private static final String CONTAINERS = """
              containers:
              - name: web
                image: web:1
                ports: [{containerPort: 8080}]
                env: [{name: A, value: "1"}, {name: B, value: "2"}]
                volumeMounts: [{mountPath: /data, name: data}]
              - name: sidecar
                image: proxy:1
            """;

    @Test
    void serverDefaultsInsideKeyedItemsInAnotherOrderAreNotDrift() {
        String live = POD + """
                  containers:
                  - name: sidecar
                    image: proxy:1
                    imagePullPolicy: IfNotPresent
                  - name: web
                    image: web:1
                    imagePullPolicy: IfNotPresent
                    ports: [{containerPort: 8080, protocol: TCP}]
                    env: [{name: B, value: "2"}, {name: A, value: "1"}]
                    volumeMounts: [{mountPath: /data, name: data, readOnly: false}]
                  dnsPolicy: ClusterFirst
                """;

        ResourceDiff diff = diff(resource(POD + CONTAINERS), live(live));

        assertThat(diff.type()).isEqualTo(ChangeType.NONE);
    }

    @Test
    void changeInsideAKeyedItemUsesTheDesiredIndex() {
        String live = POD + CONTAINERS.replace("- name: web", "- name: extra\n    image: x\n  - name: web")
                .replace("value: \"2\"", "value: \"3\"");

        ResourceDiff diff = diff(resource(POD + CONTAINERS), live(live));

        assertThat(paths(diff)).isEqualTo("REPLACE /spec/containers/0/env/1/value");
    }

    @Test
    void desiredItemMissingLiveIsAnAddOfTheWholeItem() {
        String desired = POD + CONTAINERS + "  - name: cache\n    image: redis:7\n";

        ResourceDiff diff = diff(resource(desired), live(POD + CONTAINERS));

        assertThat(paths(diff)).isEqualTo("ADD /spec/containers/2");
        assertThat(diff.changes().get(0).newValue().get("image").asText()).isEqualTo("redis:7");
    }

    @Test
    void liveItemNotDesiredIsRemovedOnlyWhenLastAppliedHadIt() {
        String withCache = POD + CONTAINERS + "  - name: cache\n    image: redis:7\n";
        String withOther = POD + CONTAINERS + "  - name: injected\n    image: mesh:1\n";

        ResourceDiff applied = diff(resource(POD + CONTAINERS), live(withCache, withCache));
        ResourceDiff injected = diff(resource(POD + CONTAINERS), live(withOther, POD + CONTAINERS));

        assertThat(paths(applied)).isEqualTo("REMOVE /spec/containers/2");
        assertThat(injected.type()).isEqualTo(ChangeType.NONE);
    }

    @Test
    void containerPortsMatchByPortAndDefaultProtocol() {
        String desired = POD + CONTAINERS.replace("[{containerPort: 8080}]",
                "[{containerPort: 8080}, {containerPort: 53, protocol: UDP, name: dns}]");
        String live = POD + CONTAINERS.replace("[{containerPort: 8080}]",
                "[{containerPort: 53, protocol: TCP, name: dns}, {containerPort: 8080, protocol: TCP}]");

        ResourceDiff diff = diff(resource(desired), live(live));

        assertThat(paths(diff)).isEqualTo("ADD /spec/containers/0/ports/1");
    }

    @Test
    void servicePortsMatchByPort() {
        String service = """
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                spec:
                  ports: [{port: 80, targetPort: 8080}, {port: 443, targetPort: 8443}]
                """;
        String live = service.replace("[{port: 80, targetPort: 8080}, {port: 443, targetPort: 8443}]",
                "[{port: 443, targetPort: 9443, protocol: TCP}, {port: 80, targetPort: 8080, protocol: TCP}]")
                + "  clusterIP: 10.0.0.1\n";

        ResourceDiff diff = diff(resource(service), live(live));

        assertThat(paths(diff)).isEqualTo("REPLACE /spec/ports/1/targetPort");
    }

    @Test
    void listsOfObjectsWithUniqueNamesMatchByName() {
        String desired = """
                apiVersion: example.com/v1
                kind: Gateway
                metadata: {name: g}
                spec:
                  listeners: [{name: a, port: 1}, {name: b, port: 2}]
                """;
        String live = desired.replace("[{name: a, port: 1}, {name: b, port: 2}]",
                "[{name: b, port: 2, extra: x}, {name: a, port: 1}]");

        assertThat(diff(resource(desired), live(live)).type()).isEqualTo(ChangeType.NONE);
    }

    @Test
    void liveItemsWithoutTheKeyAreLeftAlone() {
        String desired = """
                apiVersion: example.com/v1
                kind: Gateway
                metadata: {name: g}
                spec:
                  listeners: [{name: a, port: 1}]
                """;
        String live = desired.replace("[{name: a, port: 1}]", "[{port: 9}, {name: a, port: 1}]");

        ResourceDiff withoutLastApplied = diff(resource(desired), live(live));
        ResourceDiff withLastApplied = diff(resource(desired), live(live, live));

        assertThat(withoutLastApplied.type()).isEqualTo(ChangeType.NONE);
        assertThat(withLastApplied.type()).isEqualTo(ChangeType.NONE);
    }

    @Test
    void listsWithoutKeyOfEqualLengthCompareByIndex() {
        String desired = POD + "  tolerations: [{key: a, operator: Exists}, {key: b, operator: Exists}]\n";
        String live = POD + "  tolerations: [{key: a, operator: Exists, effect: NoSchedule},"
                + " {key: c, operator: Exists}]\n";

        ResourceDiff diff = diff(resource(desired), live(live));

        assertThat(paths(diff)).isEqualTo("REPLACE /spec/tolerations/1/key");
    }

    @Test
    void listsWithoutKeyOfDifferentLengthAreOneReplace() {
        String desired = POD + CONTAINERS.replace("image: web:1", "image: web:1\n    args: [a, b, c]");
        String live = POD + CONTAINERS.replace("image: web:1", "image: web:1\n    args: [a, b]");

        ResourceDiff diff = diff(resource(desired), live(live));

        assertThat(paths(diff)).isEqualTo("REPLACE /spec/containers/0/args");
        assertThat(diff.changes().get(0).oldValue().size()).isEqualTo(2);
        assertThat(diff.changes().get(0).newValue().size()).isEqualTo(3);
    }

    @Test
    void scalarListItemsCompareExactly() {
        String desired = POD + CONTAINERS.replace("image: web:1", "image: web:1\n    args: [\"1\", b]");
        String live = POD + CONTAINERS.replace("image: web:1", "image: web:1\n    args: [1, b]");

        ResourceDiff diff = diff(resource(desired), live(live));

        assertThat(paths(diff)).isEqualTo("REPLACE /spec/containers/0/args/0");
    }

    @Test
    void removalInsideAKeyedItemFollowsTheLastAppliedItem() {
        String applied = POD + CONTAINERS.replace("image: proxy:1", "image: proxy:1\n    workingDir: /srv");

        ResourceDiff diff = diff(resource(POD + CONTAINERS), live(applied, applied));

        assertThat(paths(diff)).isEqualTo("REMOVE /spec/containers/1/workingDir");
    }

    @Test
    void keyedListDroppedFromDesiredRemovesOnlyTheItemsThatWereApplied() {
        String applied = POD + CONTAINERS;
        String live = applied.replace("{name: B, value: \"2\"}]", "{name: B, value: \"2\"}, {name: INJECTED, value: x}]");
        String desired = applied.replace("    env: [{name: A, value: \"1\"}, {name: B, value: \"2\"}]\n", "");

        ResourceDiff diff = diff(resource(desired), live(live, applied));

        assertThat(paths(diff)).isEqualTo(
                "REMOVE /spec/containers/0/env/0,REMOVE /spec/containers/0/env/1");
    }

    @Test
    void largeNamedListsMatchInAnyOrder() {
        StringBuilder desired = new StringBuilder(POD + "  containers:\n");
        StringBuilder live = new StringBuilder(POD + "  containers:\n");
        for (int i = 0; i < 300; i++) {
            desired.append("  - {name: c").append(i).append(", image: img").append(i).append("}\n");
            int j = 299 - i;
            live.append("  - {name: c").append(j).append(", image: img").append(j == 7 ? "-old" : j)
                    .append(", imagePullPolicy: Always}\n");
        }

        ResourceDiff diff = diff(resource(desired.toString()), live(live.toString()));

        assertThat(paths(diff)).isEqualTo("REPLACE /spec/containers/7/image");
    }

    @Test
    void largeListsWithDuplicateNamesFallBackToIndex() {
        StringBuilder desired = new StringBuilder(POD + "  items:\n");
        for (int i = 0; i < 40; i++) {
            desired.append("  - {name: same, n: ").append(i).append("}\n");
        }
        String live = desired.toString().replace("n: 3}", "n: 3, extra: x}").replace("n: 5}", "n: 6}");

        ResourceDiff diff = diff(resource(desired.toString()), live(live));

        assertThat(paths(diff)).isEqualTo("REPLACE /spec/items/5/n");
    }
}
