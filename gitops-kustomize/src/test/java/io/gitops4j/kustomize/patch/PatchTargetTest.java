package io.gitops4j.kustomize.patch;

import static io.gitops4j.kustomize.fidelity.KubectlKustomize.object;
import static io.gitops4j.kustomize.fidelity.KubectlKustomize.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;
import org.junit.jupiter.api.Test;

class PatchTargetTest {
    private static final Provenance WHERE = Provenance.of("kustomization.yaml", 0, 3);
    private static final ObjectNode DEPLOYMENT = object("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web-front
              namespace: shop
              labels: {app: web, tier: front}
              annotations: {team: blue}
            """);
    private static final ObjectNode CONFIG_MAP = object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}");

    private static boolean matches(String target, ObjectNode object) {
        return PatchTarget.parse(yaml(target), WHERE).matches(object);
    }

    @Test
    void matchesGroupVersionKindNameAndNamespaceAsAnchoredExpressions() {
        assertThat(matches("{group: apps, version: v1, kind: Deployment, name: web-.*, namespace: shop}",
                DEPLOYMENT)).isTrue();
        assertThat(matches("{name: web}", DEPLOYMENT)).isFalse();
        assertThat(matches("{kind: Deploy}", DEPLOYMENT)).isFalse();
        assertThat(matches("{kind: 'Deployment|StatefulSet'}", DEPLOYMENT)).isTrue();
        assertThat(matches("{group: ''}", CONFIG_MAP)).isTrue();
        assertThat(matches("{group: apps}", CONFIG_MAP)).isFalse();
        assertThat(matches("{version: v1}", CONFIG_MAP)).isTrue();
        assertThat(matches("{namespace: shop}", CONFIG_MAP)).isFalse();
    }

    @Test
    void matchesLabelSelectors() {
        assertThat(matches("{labelSelector: 'app=web,tier==front'}", DEPLOYMENT)).isTrue();
        assertThat(matches("{labelSelector: 'app!=web'}", DEPLOYMENT)).isFalse();
        assertThat(matches("{labelSelector: 'missing!=x'}", DEPLOYMENT)).isTrue();
        assertThat(matches("{labelSelector: 'tier in (front, back)'}", DEPLOYMENT)).isTrue();
        assertThat(matches("{labelSelector: 'tier notin (front)'}", DEPLOYMENT)).isFalse();
        assertThat(matches("{labelSelector: 'app,!missing'}", DEPLOYMENT)).isTrue();
        assertThat(matches("{labelSelector: '!app'}", DEPLOYMENT)).isFalse();
        assertThat(matches("{labelSelector: 'app=web'}", CONFIG_MAP)).isFalse();
    }

    @Test
    void matchesAnnotationSelectors() {
        assertThat(matches("{annotationSelector: team=blue}", DEPLOYMENT)).isTrue();
        assertThat(matches("{annotationSelector: team=red}", DEPLOYMENT)).isFalse();
    }

    @Test
    void refusesUnknownFieldsBadExpressionsAndBadSelectors() {
        assertThatThrownBy(() -> PatchTarget.parse(yaml("{kind: A, names: b}"), WHERE))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("kustomization.yaml")
                .hasMessageContaining("unknown field 'target.names'");
        assertThatThrownBy(() -> PatchTarget.parse(yaml("{name: '(a'}"), WHERE))
                .hasMessageContaining("'target.name' of a patch is not a valid regular expression");
        assertThatThrownBy(() -> PatchTarget.parse(yaml("{labelSelector: 'a in (b'}"), WHERE))
                .hasMessageContaining("'target.labelSelector' of a patch is not a valid selector");
        assertThatThrownBy(() -> PatchTarget.parse(yaml("{labelSelector: 'a=b,,c'}"), WHERE))
                .hasMessageContaining("found ',', expected: identifier after ','");
        assertThatThrownBy(() -> PatchTarget.parse(yaml("[a]"), WHERE)).hasMessageContaining("must be a map");
    }

    @Test
    void exposesItsFieldsAndRendersThem() {
        PatchTarget target = PatchTarget.parse(yaml("{kind: Deployment, labelSelector: app=web}"), WHERE);

        assertThat(target.kind()).hasValue("Deployment");
        assertThat(target.name()).isEmpty();
        assertThat(target.labelSelector()).hasValue("app=web");
        assertThat(target).hasToString("target{kind=Deployment, labelSelector=app=web}");
    }
}
