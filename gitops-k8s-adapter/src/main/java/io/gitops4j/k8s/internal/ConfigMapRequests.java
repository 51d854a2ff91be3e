package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the ConfigMaps of one namespace as JSON trees ({@link JsonRequests}), for the stores that keep
 * their records in ConfigMaps: no trip through the fabric8 {@code ConfigMap} model, whose Jackson (de)serializers a
 * short-lived process would otherwise build on its first read and again on its first write. A refused request is
 * the {@link KubernetesClientException} the fabric8 DSL would throw, with the server's code and status. The trees
 * handed out are the caller's. Thread-safe.
 */
public final class ConfigMapRequests {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final JsonRequests json;
    private final String collection;

    /**
     * Creates the requests for one namespace.
     *
     * @param client the client whose HTTP client and configuration are used
     * @param namespace the namespace of the ConfigMaps
     */
    public ConfigMapRequests(KubernetesClient client, String namespace) {
        this.json = new JsonRequests(client);
        this.collection = "/api/v1/namespaces/" + JsonRequests.segment(requireNonNull(namespace, "namespace is null"))
                + "/configmaps";
    }

    /**
     * Reads one ConfigMap.
     *
     * @param name its name
     * @return the ConfigMap, or empty when it does not exist
     * @throws KubernetesClientException when the server refuses the read or cannot be reached
     */
    public Optional<ObjectNode> get(String name) {
        return json.get(path(name));
    }

    /**
     * Lists the ConfigMaps that match a label selector.
     *
     * @param labelSelector the selector, e.g. {@code a=b,c=d}
     * @return the ConfigMaps, in the server's order
     * @throws KubernetesClientException when the server refuses the list or cannot be reached
     */
    public List<ObjectNode> list(String labelSelector) {
        ObjectNode list = json.get(collection + "?labelSelector=" + JsonRequests.query(labelSelector))
                .orElseGet(JSON::objectNode);
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode item : list.path("items")) {
            if (item instanceof ObjectNode map) {
                items.add(map);
            }
        }
        return items;
    }

    /**
     * Creates a ConfigMap.
     *
     * @param map the ConfigMap (its {@code metadata.name} names it)
     * @return the ConfigMap the server stored
     * @throws KubernetesClientException when the server refuses it, e.g. 409 when the name is taken
     */
    public ObjectNode create(ObjectNode map) {
        return json.send("POST", collection, "application/json", map);
    }

    /**
     * Replaces a ConfigMap, guarded by the {@code metadata.resourceVersion} it carries.
     *
     * @param map the ConfigMap as read, with the changes made
     * @return the ConfigMap the server stored
     * @throws KubernetesClientException when the server refuses it, e.g. 409 when it changed since it was read
     */
    public ObjectNode update(ObjectNode map) {
        return json.send("PUT", path(name(map)), "application/json", map);
    }

    /**
     * Deletes a ConfigMap.
     *
     * @param name its name
     * @return whether it existed (a ConfigMap already gone is no failure)
     * @throws KubernetesClientException when the server refuses the delete
     */
    public boolean delete(String name) {
        ObjectNode options = JSON.objectNode().put("apiVersion", "v1").put("kind", "DeleteOptions");
        try {
            json.send("DELETE", path(name), "application/json", options);
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Builds a new ConfigMap.
     *
     * @param name its name
     * @param namespace its namespace
     * @param labels its labels, in order
     * @param data its data, in order
     * @return the ConfigMap
     */
    public static ObjectNode newConfigMap(String name, String namespace, Map<String, String> labels,
            Map<String, String> data) {
        ObjectNode map = JSON.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        ObjectNode metadata = map.putObject("metadata").put("name", name).put("namespace", namespace);
        ObjectNode labelNode = metadata.putObject("labels");
        labels.forEach(labelNode::put);
        return withData(map, data);
    }

    /**
     * Replaces the data of a ConfigMap tree.
     *
     * @param map the ConfigMap, changed in place
     * @param data the new data, in order
     * @return the same ConfigMap
     */
    public static ObjectNode withData(ObjectNode map, Map<String, String> data) {
        ObjectNode dataNode = map.putObject("data");
        data.forEach(dataNode::put);
        return map;
    }

    /**
     * Returns the data of a ConfigMap tree (text values only), in its order; empty when it has none.
     *
     * @param map the ConfigMap
     * @return its data
     */
    public static Map<String, String> data(ObjectNode map) {
        Map<String, String> data = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = map.path("data").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isTextual()) {
                data.put(field.getKey(), field.getValue().textValue());
            }
        }
        return data;
    }

    /**
     * Returns the name of a ConfigMap tree.
     *
     * @param map the ConfigMap
     * @return {@code metadata.name}, empty when absent
     */
    public static String name(ObjectNode map) {
        return map.path("metadata").path("name").asText();
    }

    private String path(String name) {
        return collection + "/" + JsonRequests.segment(name);
    }
}
