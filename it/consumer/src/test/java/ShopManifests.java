import java.util.Map;

/** The small application the README's snippets deploy, as files of a repository under {@code deploy/production}. */
final class ShopManifests {
    private ShopManifests() {
    }

    static Map<String, String> files() {
        return Map.of(
                "deploy/production/namespace.yaml", """
                        apiVersion: v1
                        kind: Namespace
                        metadata: {name: shop}
                        """,
                "deploy/production/config.yaml", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: settings}
                        data: {colour: blue}
                        """);
    }
}
