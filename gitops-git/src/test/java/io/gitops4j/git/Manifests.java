package io.gitops4j.git;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.ResourceKey;
import java.util.Set;
import java.util.TreeSet;

/** Small manifests and helpers for the Git source tests. */
final class Manifests {
    private Manifests() {
    }

    static String configMap(String name) {
        return configMap(name, "v1");
    }

    static String configMap(String name, String value) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: default\n"
                + "data:\n  value: \"" + value + "\"\n";
    }

    static Set<String> names(DesiredState state) {
        Set<String> names = new TreeSet<>();
        for (ResourceKey key : state.keys()) {
            names.add(key.name());
        }
        return names;
    }
}
