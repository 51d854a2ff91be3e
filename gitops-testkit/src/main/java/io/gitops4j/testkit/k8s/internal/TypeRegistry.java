package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds the server serves: the built-in ones plus those added by CustomResourceDefinitions.
 *
 * <p>Thread-safe: every method synchronises on the registry.
 */
public final class TypeRegistry {

    private final List<ResourceType> builtins = BuiltinTypes.all();
    private final Map<String, List<ResourceType>> custom = new LinkedHashMap<>();

    /** Every served type, built-in first, then custom types in registration order. */
    public synchronized List<ResourceType> all() {
        List<ResourceType> all = new ArrayList<>(builtins);
        custom.values().forEach(all::addAll);
        return all;
    }

    /** The served group/versions, in discovery order ("v1" for core). */
    public synchronized Set<String> groupVersions() {
        Set<String> result = new LinkedHashSet<>();
        for (ResourceType type : all()) {
            result.add(type.apiVersion());
        }
        return result;
    }

    /** The type served at {@code group/version} under {@code plural}. */
    public synchronized Optional<ResourceType> byPlural(String group, String version, String plural) {
        return all().stream()
                .filter(t -> t.group().equals(group) && t.version().equals(version) && t.plural().equals(plural))
                .findFirst();
    }

    /** The type for an {@code apiVersion} and {@code kind}. */
    public synchronized Optional<ResourceType> byKind(String apiVersion, String kind) {
        return all().stream().filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind)).findFirst();
    }

    /**
     * Registers (or replaces) the types a CustomResourceDefinition defines, one per served version.
     *
     * @return the storage key of the defined types, used to unregister them
     */
    public synchronized String register(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asText();
        JsonNode names = spec.path("names");
        String plural = names.path("plural").asText();
        String kind = names.path("kind").asText();
        boolean namespaced = !"Cluster".equals(spec.path("scope").asText());
        List<String> shortNames = new ArrayList<>();
        names.path("shortNames").forEach(n -> shortNames.add(n.asText()));
        List<ResourceType> types = new ArrayList<>();
        for (JsonNode version : spec.path("versions")) {
            if (version.path("served").asBoolean(true)) {
                boolean status = version.path("subresources").has("status");
                types.add(new ResourceType(group, version.path("name").asText(), kind, plural, namespaced,
                        status, shortNames, true));
            }
        }
        String key = group + "/" + plural;
        custom.put(key, List.copyOf(types));
        return key;
    }

    /** Removes the types a CustomResourceDefinition defined. */
    public synchronized void unregister(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        custom.remove(spec.path("group").asText() + "/" + spec.path("names").path("plural").asText());
    }
}
