package io.gitops4j.bench.loop;

import java.util.Map;
import java.util.TreeMap;

/** ConfigMap manifests for loop benchmarks: {@code apps/app-<a>/cm-<r>.yaml} in namespace {@code app-<a>}. */
final class LoopManifests {
    private LoopManifests() {
    }

    static Map<String, String> files(int apps, int resources, String value) {
        Map<String, String> files = new TreeMap<>();
        for (int a = 0; a < apps; a++) {
            for (int r = 0; r < resources; r++) {
                files.put(folder(a) + "/cm-" + r + ".yaml", configMap("cm-" + r, "app-" + a, value));
            }
        }
        return files;
    }

    static String folder(int app) {
        return "apps/app-" + app;
    }

    static String configMap(String name, String namespace, String value) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: " + namespace
                + "\n  labels:\n    app.kubernetes.io/part-of: bench\ndata:\n  value: \"" + value + "\"\n"
                + "  settings.properties: |\n    threads=8\n    timeout=30s\n";
    }
}
