package io.gitops4j.diff;

import static io.gitops4j.diff.Diffs.diff;
import static io.gitops4j.diff.Yaml.live;
import static io.gitops4j.diff.Yaml.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.model.ResourceKey;
import org.junit.jupiter.api.Test;

class IgnoreRuleTest {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web-1
              namespace: shop
              annotations: {"example.com/hash": "a"}
            spec:
              replicas: %d
              template:
                spec:
                  containers:
                  - name: web
                    image: %s
                  - name: proxy
                    image: %s
            """;

    @Test
    void ignoredFieldNeverDiffers() {
        DefaultStateDiffer differ = DefaultStateDiffer.builder()
                .ignore(IgnoreRule.of("apps", "Deployment", "/spec/replicas")).build();

        ResourceDiff diff = diff(differ, resource(DEPLOYMENT.formatted(2, "a", "b")),
                live(DEPLOYMENT.formatted(5, "a", "b")));

        assertThat(diff.type()).isEqualTo(ChangeType.NONE);
    }

    @Test
    void ignoredFieldIsNotRemovedEither() {
        DefaultStateDiffer differ = DefaultStateDiffer.builder()
                .ignore(IgnoreRule.of("apps", "Deployment", "/metadata/annotations/example.com~1hash")).build();
        String desired = DEPLOYMENT.formatted(2, "a", "b").replace("annotations: {\"example.com/hash\": \"a\"}",
                "annotations: {}");
        String applied = DEPLOYMENT.formatted(2, "a", "b");

        ResourceDiff diff = diff(differ, resource(desired), live(applied, applied));

        assertThat(diff.type()).isEqualTo(ChangeType.NONE);
    }

    @Test
    void starSegmentMatchesAnyListIndex() {
        DefaultStateDiffer differ = DefaultStateDiffer.builder()
                .ignore(IgnoreRule.builder().kind("Deployment").name("web-*")
                        .jsonPointers("/spec/template/spec/containers/*/image").build())
                .build();

        ResourceDiff diff = diff(differ, resource(DEPLOYMENT.formatted(3, "a", "b")),
                live(DEPLOYMENT.formatted(2, "x", "y")));

        assertThat(diff.changes()).extracting(FieldChange::path).containsExactly("/spec/replicas");
    }

    @Test
    void ruleForOtherResourcesDoesNotApply() {
        DefaultStateDiffer differ = DefaultStateDiffer.builder()
                .ignore(IgnoreRule.builder().namespace("prod").jsonPointers("/spec/replicas").build()).build();

        ResourceDiff diff = diff(differ, resource(DEPLOYMENT.formatted(3, "a", "b")),
                live(DEPLOYMENT.formatted(2, "a", "b")));

        assertThat(diff.changes()).extracting(FieldChange::path).containsExactly("/spec/replicas");
    }

    @Test
    void selectorGlobsMatchKeys() {
        IgnoreRule rule = IgnoreRule.builder().group("*").kind("Deploy*").namespace("sh*p").name("*-1").build();

        assertThat(rule.matches(ResourceKey.of("apps", "Deployment", "shop", "web-1"))).isTrue();
        assertThat(rule.matches(ResourceKey.of("apps", "Deployment", "shop", "web-2"))).isFalse();
        assertThat(rule.matches(ResourceKey.of("apps", "StatefulSet", "shop", "web-1"))).isFalse();
        assertThat(IgnoreRule.of("", "ConfigMap").matches(ResourceKey.of("apps", "ConfigMap", "a", "b"))).isFalse();
    }

    @Test
    void badPointerIsRejectedWithItsText() {
        assertThatThrownBy(() -> IgnoreRule.of("apps", "Deployment", "spec/replicas"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spec/replicas");
        assertThatThrownBy(() -> IgnoreRule.of("apps", "Deployment", "/a~2b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("~0");
    }

    @Test
    void rulesAreValuesWithEqualityAndACopyBuilder() {
        IgnoreRule rule = IgnoreRule.of("apps", "Deployment", "/spec/replicas");

        assertThat(rule.toBuilder().build()).isEqualTo(rule).hasSameHashCodeAs(rule);
        assertThat(rule.toBuilder().name("x").build()).isNotEqualTo(rule);
    }

    @Test
    void ignoredFieldsAreLeftOutOfLargerChanges() {
        DefaultStateDiffer differ = DefaultStateDiffer.builder()
                .ignore(IgnoreRule.of("apps", "Deployment", "/spec/template/spec/containers/*/image")).build();
        String desired = DEPLOYMENT.formatted(2, "a", "b") + "      - {name: cache, image: redis:7}\n";

        ResourceDiff diff = diff(differ, resource(desired), live(DEPLOYMENT.formatted(2, "x", "y")));

        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo("/spec/template/spec/containers/2");
            assertThat(change.newValue().toString()).isEqualTo("{\"name\":\"cache\"}");
        });
    }

    @Test
    void replacementThatDiffersOnlyInIgnoredFieldsIsNoChange() {
        DefaultStateDiffer differ = DefaultStateDiffer.builder()
                .ignore(IgnoreRule.of("apps", "Deployment", "/spec/args/*")).build();
        String desired = DEPLOYMENT.formatted(2, "a", "b") + "  args: [x, y, z]\n";
        String live = DEPLOYMENT.formatted(2, "a", "b") + "  args: [x]\n";

        ResourceDiff diff = diff(differ, resource(desired), live(live));

        assertThat(diff.type()).isEqualTo(ChangeType.NONE);
    }
}
