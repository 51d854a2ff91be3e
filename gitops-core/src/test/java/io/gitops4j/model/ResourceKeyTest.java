package io.gitops4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ResourceKeyTest {

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
