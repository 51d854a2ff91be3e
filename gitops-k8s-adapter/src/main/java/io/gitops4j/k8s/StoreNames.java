package io.gitops4j.k8s;

import io.gitops4j.model.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names of the ConfigMaps that hold an application's inventory and run records, and the application label value:
 * the name lower-cased with characters a name cannot hold replaced, and a hash suffix when that changed it or it
 * is too long.
 */
final class StoreNames {
    private static final int MAX_NAME = 253;
    private static final int MAX_LABEL = 63;

    private StoreNames() {
    }

    /** {@code prefix + application}, made a valid ConfigMap name, with room for {@code reserve} more characters. */
    static String configMap(String prefix, String application, int reserve) {
        return shorten(prefix, application, MAX_NAME - reserve, "[^a-z0-9.-]");
    }

    /** The application as a label value. */
    static String label(String application) {
        return shorten("", application, MAX_LABEL, "[^a-z0-9.-]");
    }

    private static String shorten(String prefix, String application, int max, String invalid) {
        String clean = application.toLowerCase(Locale.ROOT).replaceAll(invalid, "-");
        String name = prefix + clean;
        if (!clean.equals(application) || name.length() > max) {
            String hash = HexFormat.of().formatHex(CanonicalJson.newDigest()
                    .digest(application.getBytes(StandardCharsets.UTF_8))).substring(0, 10);
            name = name.substring(0, Math.min(name.length(), max - 11)) + "-" + hash;
        }
        return name.replaceAll("[.-]+$", "");
    }
}
