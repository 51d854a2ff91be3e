package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.kinds.BuiltinKinds;
import io.gitops4j.kinds.KindInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery documents ({@code /version}, {@code /api}, {@code /apis}, per group-version resource lists)
 * in the unaggregated form the real server returns for plain {@code application/json}; the categories of built-in
 * kinds ({@code all}, so {@code kubectl get all} works) come from {@link BuiltinKinds}.
 */
public final class Discovery {

    private final TypeRegistry registry;

    /** Discovery over the given registry. */
    public Discovery(TypeRegistry registry) {
        this.registry = registry;
    }

    /** The {@code /version} document. */
    public ObjectNode version() {
        ObjectNode version = Json.object();
        version.put("major", "1");
        version.put("minor", "32");
        version.put("gitVersion", "v1.32.0+gitops4j-embedded");
        version.put("gitCommit", "0000000000000000000000000000000000000000");
        version.put("gitTreeState", "clean");
        version.put("buildDate", "2026-01-01T00:00:00Z");
        version.put("goVersion", "n/a (gitops4j EmbeddedKubernetesApi)");
        version.put("compiler", "n/a");
        version.put("platform", "jvm");
        return version;
    }

    /** The {@code /api} document (core group versions). */
    public ObjectNode coreVersions(String serverAddress) {
        ObjectNode api = Json.object();
        api.put("kind", "APIVersions");
        api.putArray("versions").add("v1");
        ObjectNode cidr = api.putArray("serverAddressByClientCIDRs").addObject();
        cidr.put("clientCIDR", "0.0.0.0/0");
        cidr.put("serverAddress", serverAddress);
        return api;
    }

    /** The {@code /apis} document (every named group and its versions). */
    public ObjectNode groups() {
        ObjectNode list = Json.object();
        list.put("kind", "APIGroupList");
        list.put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        groupVersions().forEach((group, versions) -> groups.add(group(group, versions)));
        return list;
    }

    /** The {@code /apis/{group}} document, if the group is served. */
    public Optional<ObjectNode> group(String group) {
        List<String> versions = groupVersions().get(group);
        return versions == null ? Optional.empty() : Optional.of(group(group, versions));
    }

    private ObjectNode group(String group, List<String> versions) {
        ObjectNode node = Json.object();
        node.put("kind", "APIGroup");
        node.put("apiVersion", "v1");
        node.put("name", group);
        ArrayNode array = node.putArray("versions");
        for (String version : versions) {
            ObjectNode v = array.addObject();
            v.put("groupVersion", group + "/" + version);
            v.put("version", version);
        }
        node.set("preferredVersion", array.get(0).deepCopy());
        return node;
    }

    private Map<String, List<String>> groupVersions() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (ResourceType type : registry.all()) {
            if (!type.group().isEmpty()) {
                List<String> versions = result.computeIfAbsent(type.group(), g -> new ArrayList<>());
                if (!versions.contains(type.version())) {
                    versions.add(type.version());
                }
            }
        }
        return result;
    }

    /** The APIResourceList for one group-version ("v1" for core), if served. */
    public Optional<ObjectNode> resources(String groupVersion) {
        List<ResourceType> types = registry.all().stream().filter(t -> t.apiVersion().equals(groupVersion)).toList();
        if (types.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode list = Json.object();
        list.put("kind", "APIResourceList");
        list.put("apiVersion", "v1");
        list.put("groupVersion", groupVersion);
        ArrayNode resources = list.putArray("resources");
        for (ResourceType type : types) {
            ObjectNode resource = resources.addObject();
            resource.put("name", type.plural());
            resource.put("singularName", type.singular());
            resource.put("namespaced", type.namespaced());
            resource.put("kind", type.kind());
            ArrayNode verbs = resource.putArray("verbs");
            ResourceType.VERBS.forEach(verbs::add);
            if (!type.shortNames().isEmpty()) {
                ArrayNode shortNames = resource.putArray("shortNames");
                type.shortNames().forEach(shortNames::add);
            }
            List<String> categories = type.custom() ? List.of()
                    : BuiltinKinds.find(type.group(), type.kind()).map(KindInfo::categories).orElse(List.of());
            if (!categories.isEmpty()) {
                ArrayNode array = resource.putArray("categories");
                categories.forEach(array::add);
            }
            if (type.statusSubresource()) {
                ObjectNode status = resources.addObject();
                status.put("name", type.plural() + "/status");
                status.put("singularName", "");
                status.put("namespaced", type.namespaced());
                status.put("kind", type.kind());
                status.putArray("verbs").add("get").add("patch").add("update");
            }
        }
        return Optional.of(list);
    }
}
