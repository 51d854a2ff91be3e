package io.gitops4j.testkit.k8s.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed resource URL: {@code /api/v1/...} or {@code /apis/{group}/{version}/...}, optionally with the legacy
 * {@code watch/} segment, then {@code [namespaces/{ns}/]{plural}[/{name}[/{subresource}]]}.
 *
 * @param group the API group ("" for core)
 * @param version the version
 * @param namespace the namespace ("" when none in the path)
 * @param plural the resource name
 * @param name the object name ("" for collections)
 * @param subresource the subresource ("" for the main resource)
 * @param legacyWatch whether the path used the {@code watch/} prefix
 */
public record ResourcePath(String group, String version, String namespace, String plural, String name,
        String subresource, boolean legacyWatch) {

    /** Parses a decoded path, if it addresses a resource. */
    public static Optional<ResourcePath> parse(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        String group;
        String version;
        int at;
        if (segments.size() >= 3 && segments.get(0).equals("api")) {
            group = "";
            version = segments.get(1);
            at = 2;
        } else if (segments.size() >= 4 && segments.get(0).equals("apis")) {
            group = segments.get(1);
            version = segments.get(2);
            at = 3;
        } else {
            return Optional.empty();
        }
        List<String> rest = new ArrayList<>(segments.subList(at, segments.size()));
        boolean watch = rest.get(0).equals("watch");
        if (watch) {
            rest.remove(0);
        }
        String namespace = "";
        boolean namespaceSubresource = rest.size() == 3 && (rest.get(2).equals("status")
                || rest.get(2).equals("finalize"));
        if (rest.size() >= 3 && rest.get(0).equals("namespaces") && !namespaceSubresource) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        if (rest.isEmpty() || rest.size() > 3) {
            return Optional.empty();
        }
        return Optional.of(new ResourcePath(group, version, namespace, rest.get(0),
                rest.size() > 1 ? rest.get(1) : "", rest.size() > 2 ? rest.get(2) : "", watch));
    }
}
