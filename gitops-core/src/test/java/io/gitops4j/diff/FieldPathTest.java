package io.gitops4j.diff;

import static io.gitops4j.diff.Yaml.live;
import static io.gitops4j.diff.Yaml.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldPathTest {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
              labels: {app.kubernetes.io/name: web}
            spec:
              template:
                spec:
                  containers:
                  - name: sidecar
                    image: proxy:1
                  - name: web
                    image: web:1
                    args: [--port, "8080"]
                    env:
                    - {name: A, value: "%s"}
                    ports:
                    - containerPort: 80
                    volumeMounts:
                    - {name: data, mountPath: /data}
            """;

    private final Resource desired = resource(DEPLOYMENT.formatted("2"));

    @Test
    void namesListItemsByTheirMergeKey() {
        assertThat(FieldPath.readable("/spec/template/spec/containers/1/env/0/value", desired.body()))
                .isEqualTo("spec.template.spec.containers[name=web].env[name=A].value");
        assertThat(FieldPath.readable("/spec/template/spec/containers/1/volumeMounts/0/name", desired.body()))
                .isEqualTo("spec.template.spec.containers[name=web].volumeMounts[mountPath=/data].name");
    }

    @Test
    void namesPortsByEveryKeyFieldWithTheServerDefault() {
        assertThat(FieldPath.readable("/spec/template/spec/containers/1/ports/0", desired.body()))
                .isEqualTo("spec.template.spec.containers[name=web].ports[containerPort=80,protocol=TCP]");
    }

    @Test
    void keepsIndicesOfAtomicListsAndWhenTheObjectLacksTheItem() {
        assertThat(FieldPath.readable("/spec/template/spec/containers/1/args/1", desired.body()))
                .isEqualTo("spec.template.spec.containers[name=web].args[1]");
        assertThat(FieldPath.readable("/spec/template/spec/containers/7/image", desired.body()))
                .isEqualTo("spec.template.spec.containers[7].image");
        assertThat(FieldPath.readable("/spec/template/spec/containers/0/image", null))
                .isEqualTo("spec.template.spec.containers[0].image");
    }

    @Test
    void quotesMapKeysThatAreNotPlainWords() {
        assertThat(FieldPath.readable("/metadata/labels/app.kubernetes.io~1name", desired.body()))
                .isEqualTo("metadata.labels[\"app.kubernetes.io/name\"]");
        assertThat(FieldPath.readable("", desired.body())).isEqualTo("(object)");
    }

    @Test
    void rejectsWhatIsNotAPointer() {
        assertThatThrownBy(() -> FieldPath.readable("spec/replicas", desired.body()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatterWritesReadablePathsWhenAsked() {
        // given
        LiveResource current = live(DEPLOYMENT.formatted("1"));
        StateDiff diff = DefaultStateDiffer.defaults().diff(DesiredState.of("rev", List.of(desired)),
                LiveState.of(List.of(current)));

        // when
        String readable = DiffFormatter.builder().readablePaths(true).build().text(diff);
        String pointers = DiffFormatter.defaults().text(diff);

        // then
        assertThat(readable).contains("~ spec.template.spec.containers[name=web].env[name=A].value: \"1\" -> \"2\"");
        assertThat(pointers).contains("~ /spec/template/spec/containers/1/env/0/value: \"1\" -> \"2\"");
    }
}
