package io.gitops4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ResourceKeyTest {

    /** The same components as a plain record, whose equals and hashCode are the generated ones. */
    private record Components(String group, String kind, String namespace, String name) {
    }

    @Test
    void equalsAndHashCodeAreThoseOfARecordOfTheSameComponents() {
        qt().forAll(strings().ascii().ofLengthBetween(0, 3), strings().ascii().ofLengthBetween(1, 3),
                strings().ascii().ofLengthBetween(0, 3), strings().ascii().ofLengthBetween(1, 3))
                .checkAssert((group, kind, namespace, name) -> {
                    ResourceKey key = ResourceKey.of(group, kind, namespace, name);
                    ResourceKey same = ResourceKey.of(new String(group), new String(kind), namespace, name + "");
                    ResourceKey other = ResourceKey.of(group, kind, namespace, name + "x");

                    assertThat(key.hashCode()).isEqualTo(new Components(group, kind, namespace, name).hashCode());
                    assertThat(key).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
                    assertThat(key.equals(ResourceKey.of(group, kind + "x", namespace, name))).isFalse();
                    assertThat(key.equals(ResourceKey.of(group + "x", kind, namespace, name))).isFalse();
                    assertThat(key.equals(ResourceKey.of(group, kind, namespace + "x", name))).isFalse();
                });
    }

    @Test
    void revisionsAreEqualAndHashAsRecordsOfTheirIdAndDigest() {
        record Pair(String id, String digest) {
        }
        Revision revision = new Revision("abc", "sha256:1");

        assertThat(revision).isEqualTo(new Revision("abc", "sha256:1"))
                .isNotEqualTo(new Revision("abc", "")).isNotEqualTo(Revision.of("abd"));
        assertThat(revision.hashCode()).isEqualTo(new Pair("abc", "sha256:1").hashCode());
    }

    @Test
    void stringFormRoundTripsForEveryShape() {
        for (ResourceKey key : List.of(
                ResourceKey.of("apps", "Deployment", "shop", "web"),
                ResourceKey.of("", "ConfigMap", "shop", "settings"),
                ResourceKey.clusterScoped("", "Namespace", "shop"),
                ResourceKey.clusterScoped("rbac.authorization.k8s.io", "ClusterRole", "reader"),
                ResourceKey.of("stable.example.com", "CronTab", "shop", "nightly"))) {
            assertThat(ResourceKey.parse(key.toString())).isEqualTo(key);
        }
    }

    @Test
    void rendersGroupKindNamespaceName() {
        assertThat(ResourceKey.of("apps", "Deployment", "shop", "web")).hasToString("apps/Deployment/shop/web");
        assertThat(ResourceKey.clusterScoped("", "Namespace", "shop")).hasToString("Namespace/shop");
    }

    @Test
    void ordersByGroupKindNamespaceThenName() {
        TreeSet<ResourceKey> keys = new TreeSet<>(List.of(
                ResourceKey.of("apps", "Deployment", "b", "x"),
                ResourceKey.of("", "Service", "a", "x"),
                ResourceKey.of("apps", "Deployment", "a", "y"),
                ResourceKey.of("", "ConfigMap", "a", "x")));

        assertThat(keys).extracting(ResourceKey::toString).containsExactly(
                "ConfigMap/a/x", "Service/a/x", "apps/Deployment/a/y", "apps/Deployment/b/x");
    }

    @Test
    void rejectsEmptyKindOrNameAndUnparsableText() {
        assertThatThrownBy(() -> ResourceKey.of("", "", "a", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceKey.of("", "Kind", "a", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceKey.parse("justone")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[group/]Kind[/namespace]/name");
    }
}
