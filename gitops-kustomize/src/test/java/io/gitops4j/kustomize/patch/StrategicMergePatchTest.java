package io.gitops4j.kustomize.patch;

import static io.gitops4j.kustomize.fidelity.KubectlKustomize.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;
import org.junit.jupiter.api.Test;

class StrategicMergePatchTest {
    private static final Provenance WHERE = Provenance.of("apps/web/patch.yaml", 0, 1);
    private static final String HEAD = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n";

    @Test
    void mergesMapsRecursivelyAndSortsKeys() {
        ObjectNode target = object(HEAD + "spec: {replicas: 1, template: {metadata: {labels: {b: '1'}}}}");
        ObjectNode patch = object(HEAD + "spec: {template: {metadata: {labels: {a: '2'}}}}");

        ObjectNode result = StrategicMergePatch.apply(target, patch, WHERE);

        assertThat(result.at("/spec/template/metadata/labels").toString()).isEqualTo("{\"a\":\"2\",\"b\":\"1\"}");
        assertThat(result.at("/spec/replicas").asInt()).isEqualTo(1);
    }

    @Test
    void leavesItsArgumentsUnchanged() {
        ObjectNode target = object(HEAD + "spec: {replicas: 1}");
        ObjectNode patch = object(HEAD + "spec: {replicas: null}");
        String before = target.toString() + patch;

        StrategicMergePatch.apply(target, patch, WHERE);

        assertThat(target.toString() + patch).isEqualTo(before);
    }

    @Test
    void nullDeletesAndUnknownNullIsDropped() {
        ObjectNode result = StrategicMergePatch.apply(object(HEAD + "spec: {replicas: 1, paused: true}"),
                object(HEAD + "spec: {replicas: null, missing: null}"), WHERE);

        assertThat(result.at("/spec").toString()).isEqualTo("{\"paused\":true}");
    }

    @Test
    void deletesTheWholeObjectWithTopLevelDeleteDirective() {
        assertThat(StrategicMergePatch.apply(object(HEAD), object(HEAD + "$patch: delete"), WHERE)).isNull();
    }

    @Test
    void deletesAMapWithDeleteDirective() {
        ObjectNode result = StrategicMergePatch.apply(object(HEAD + "spec: {strategy: {type: Recreate}}"),
                object(HEAD + "spec: {strategy: {$patch: delete}}"), WHERE);

        assertThat(result.at("/spec").toString()).isEqualTo("{}");
    }

    @Test
    void mergesContainersByNamePatchOrderFirst() {
        ObjectNode target = object(HEAD + "spec: {template: {spec: {containers: [{name: a, image: a}, "
                + "{name: b, image: b}, {name: c, image: c}]}}}");
        ObjectNode patch = object(HEAD + "spec: {template: {spec: {containers: [{name: n, image: n}, "
                + "{name: c, image: c2}]}}}");

        ObjectNode result = StrategicMergePatch.apply(target, patch, WHERE);

        assertThat(result.at("/spec/template/spec/containers").toString()).isEqualTo(
                "[{\"image\":\"n\",\"name\":\"n\"},{\"image\":\"c2\",\"name\":\"c\"},"
                        + "{\"image\":\"a\",\"name\":\"a\"},{\"image\":\"b\",\"name\":\"b\"}]");
    }

    @Test
    void deletesAListItemByKey() {
        ObjectNode target = object(HEAD + "spec: {template: {spec: {containers: [{name: a}, {name: b}]}}}");
        ObjectNode patch = object(HEAD + "spec: {template: {spec: {containers: [{name: a, $patch: delete}, "
                + "{name: zz, $patch: delete}]}}}");

        ObjectNode result = StrategicMergePatch.apply(target, patch, WHERE);

        assertThat(result.at("/spec/template/spec/containers").toString()).isEqualTo("[{\"name\":\"b\"}]");
    }

    @Test
    void replacesAKeyedListWithReplaceItem() {
        ObjectNode target = object(HEAD + "spec: {template: {spec: {volumes: [{name: a}, {name: b}]}}}");
        ObjectNode patch = object(HEAD + "spec: {template: {spec: {volumes: [{$patch: replace}, {name: c}]}}}");

        ObjectNode result = StrategicMergePatch.apply(target, patch, WHERE);

        assertThat(result.at("/spec/template/spec/volumes").toString()).isEqualTo("[{\"name\":\"c\"}]");
    }

    @Test
    void replacesAMapWithReplaceDirective() {
        ObjectNode result = StrategicMergePatch.apply(object(HEAD + "spec: {selector: {matchLabels: {a: b}}}"),
                object(HEAD + "spec: {selector: {$patch: replace, matchExpressions: []}}"), WHERE);

        assertThat(result.at("/spec/selector").toString()).isEqualTo("{\"matchExpressions\":[]}");
    }

    @Test
    void replacesListsWithoutMergeKey() {
        ObjectNode target = object(HEAD + "spec: {template: {spec: {containers: [{name: a, args: [x, y]}], "
                + "tolerations: [{key: a}]}}}");
        ObjectNode patch = object(HEAD + "spec: {template: {spec: {containers: [{name: a, args: [z]}], "
                + "tolerations: [{key: b}]}}}");

        ObjectNode result = StrategicMergePatch.apply(target, patch, WHERE);

        assertThat(result.at("/spec/template/spec/containers/0/args").toString()).isEqualTo("[\"z\"]");
        assertThat(result.at("/spec/template/spec/tolerations").toString()).isEqualTo("[{\"key\":\"b\"}]");
    }

    @Test
    void mergesFinalizersOfBuiltinKindsAsASet() {
        ObjectNode result = StrategicMergePatch.apply(
                object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, finalizers: [a, b]}"),
                object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, finalizers: [c, a]}"), WHERE);

        assertThat(result.at("/metadata/finalizers").toString()).isEqualTo("[\"c\",\"a\",\"b\"]");
    }

    @Test
    void replacesEveryListOfACustomResource() {
        String head = "apiVersion: example.com/v1\nkind: Widget\n";
        ObjectNode result = StrategicMergePatch.apply(
                object(head + "metadata: {name: w, finalizers: [a]}\nspec: {containers: [{name: a}, {name: b}]}"),
                object(head + "metadata: {name: w, finalizers: [b]}\nspec: {containers: [{name: b, x: 1}]}"),
                WHERE);

        assertThat(result.at("/metadata/finalizers").toString()).isEqualTo("[\"b\"]");
        assertThat(result.at("/spec/containers").toString()).isEqualTo("[{\"name\":\"b\",\"x\":1}]");
    }

    @Test
    void mergesServicePortsInPlaceWhenProtocolsAreMixed() {
        String head = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n";
        ObjectNode result = StrategicMergePatch.apply(
                object(head + "spec: {ports: [{port: 53, protocol: UDP, name: u}, {port: 53, name: t}]}"),
                object(head + "spec: {ports: [{port: 9}, {port: 53, protocol: UDP, name: U}]}"), WHERE);

        assertThat(result.at("/spec/ports").toString()).isEqualTo(
                "[{\"port\":9},{\"name\":\"U\",\"port\":53,\"protocol\":\"UDP\"},{\"name\":\"t\",\"port\":53}]");
    }

    @Test
    void keepsApiServerDirectivesAsFieldsAsKustomizeDoes() {
        ObjectNode result = StrategicMergePatch.apply(object(HEAD + "spec: {strategy: {type: A, x: 1}}"),
                object(HEAD + "spec: {strategy: {$retainKeys: [type], type: B}}"), WHERE);

        assertThat(result.at("/spec/strategy").toString()).isEqualTo(
                "{\"$retainKeys\":[\"type\"],\"type\":\"B\",\"x\":1}");
    }

    @Test
    void refusesAMapWhereTheTargetHasAScalarNamingTheField() {
        assertThatThrownBy(() -> StrategicMergePatch.apply(object(HEAD + "spec: {replicas: 1}"),
                object(HEAD + "spec: {replicas: {a: 1}}"), WHERE))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("apps/web/patch.yaml")
                .hasMessageContaining("'spec.replicas' is a map in the patch but a scalar in the target");
    }

    @Test
    void refusesAnUnknownDirective() {
        assertThatThrownBy(() -> StrategicMergePatch.apply(object(HEAD + "spec: {}"),
                object(HEAD + "spec: {$patch: drop}"), WHERE))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("unknown directive '$patch: drop' at 'spec'");
    }

    @Test
    void refusesAScalarItemInAKeyedList() {
        assertThatThrownBy(() -> StrategicMergePatch.apply(object(HEAD + "spec: {template: {spec: {}}}"),
                object(HEAD + "spec: {template: {spec: {containers: [web]}}}"), WHERE))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("'spec.template.spec.containers[0]' is a scalar");
    }
}
