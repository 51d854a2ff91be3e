package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Permissive OpenAPI v3 documents: one per group-version, with a schema per kind that accepts any fields and
 * carries {@code x-kubernetes-group-version-kind}, and PATCH operations that declare {@code fieldValidation},
 * so kubectl leaves validation to the server (which accepts unknown fields).
 */
public final class OpenApi {

    private static final List<String> WRITE_PARAMETERS = List.of("dryRun", "fieldManager", "fieldValidation",
            "force");

    private final TypeRegistry registry;

    /** OpenAPI documents over the given registry. */
    public OpenApi(TypeRegistry registry) {
        this.registry = registry;
    }

    /** The {@code /openapi/v3} index listing one document per group-version. */
    public ObjectNode index() {
        ObjectNode index = Json.object();
        ObjectNode paths = index.putObject("paths");
        for (String groupVersion : registry.groupVersions()) {
            String path = prefix(groupVersion);
            paths.putObject(path).put("serverRelativeURL", "/openapi/v3/" + path + "?hash=" + hash(groupVersion));
        }
        return index;
    }

    private String hash(String groupVersion) {
        StringBuilder content = new StringBuilder();
        registry.all().stream().filter(t -> t.apiVersion().equals(groupVersion))
                .forEach(t -> content.append(t.kind()).append(t.plural()).append(t.namespaced()));
        return String.format("%08X", content.toString().hashCode());
    }

    private static String prefix(String groupVersion) {
        return groupVersion.contains("/") ? "apis/" + groupVersion : "api/" + groupVersion;
    }

    /** The document for {@code api/v1} or {@code apis/{group}/{version}}, if served. */
    public Optional<ObjectNode> document(String path) {
        List<ResourceType> types = registry.all().stream().filter(t -> prefix(t.apiVersion()).equals(path))
                .toList();
        if (types.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode doc = Json.object();
        doc.put("openapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Kubernetes (gitops4j EmbeddedKubernetesApi)");
        info.put("version", "v1.32.0");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode schemas = doc.putObject("components").putObject("schemas");
        for (ResourceType type : types) {
            String schemaName = schemaName(type);
            schemas.set(schemaName, schema(type));
            String base = "/" + path + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural();
            paths.set(base + "/{name}", itemPath(type, schemaName));
        }
        return Optional.of(doc);
    }

    private static String schemaName(ResourceType type) {
        String group = type.group().isEmpty() ? "core" : type.group();
        return "io.gitops4j.embedded." + group + "." + type.version() + "." + type.kind();
    }

    private static ObjectNode schema(ResourceType type) {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        schema.put("x-kubernetes-preserve-unknown-fields", true);
        gvk(schema.putArray("x-kubernetes-group-version-kind"), type);
        return schema;
    }

    private static void gvk(ArrayNode array, ResourceType type) {
        ObjectNode gvk = array.addObject();
        gvk.put("group", type.group());
        gvk.put("version", type.version());
        gvk.put("kind", type.kind());
    }

    private static ObjectNode itemPath(ResourceType type, String schemaName) {
        ObjectNode item = Json.object();
        for (String method : List.of("get", "put", "patch", "delete")) {
            ObjectNode op = item.putObject(method);
            op.put("operationId", method + type.kind());
            op.set("x-kubernetes-group-version-kind", gvkObject(type));
            op.put("x-kubernetes-action", method);
            ArrayNode parameters = op.putArray("parameters");
            if (!method.equals("get")) {
                for (String name : WRITE_PARAMETERS) {
                    ObjectNode parameter = parameters.addObject();
                    parameter.put("name", name);
                    parameter.put("in", "query");
                    parameter.putObject("schema").put("type", name.equals("force") ? "boolean" : "string");
                }
            }
            ObjectNode ok = op.putObject("responses").putObject("200").putObject("content")
                    .putObject("application/json").putObject("schema");
            ok.put("$ref", "#/components/schemas/" + schemaName);
        }
        return item;
    }

    private static ObjectNode gvkObject(ResourceType type) {
        ObjectNode gvk = Json.object();
        gvk.put("group", type.group());
        gvk.put("version", type.version());
        gvk.put("kind", type.kind());
        return gvk;
    }
}
