package io.gitops4j.k8s;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitops4j.SourceException;
import io.gitops4j.render.SubstitutionSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Post-build substitution variables from a ConfigMap or a Secret in the cluster, like Flux's
 * {@code postBuild.substituteFrom}: every key of {@code data} (a Secret's decoded from base64, and its
 * {@code stringData}) is a variable. Read at each render. A missing object fails the render unless it is
 * {@linkplain #optional() optional}. Values never appear in messages. Immutable and thread-safe (as the client is).
 *
 * <pre>{@code
 * Substitution substitution = Substitution.builder()
 *     .from(ClusterVariables.configMap(client, "flux-system", "cluster-vars"))
 *     .from(ClusterVariables.secret(client, "flux-system", "cluster-secrets").optional())
 *     .variable("ENV", "prod")                      // inline values win
 *     .build();
 * }</pre>
 */
public final class ClusterVariables implements SubstitutionSource {
    private final KubernetesClient client;
    private final boolean secret;
    private final String namespace;
    private final String name;
    private final boolean optional;

    private ClusterVariables(KubernetesClient client, boolean secret, String namespace, String name,
            boolean optional) {
        this.client = requireNonNull(client, "client is null");
        this.secret = secret;
        this.namespace = requireNonNull(namespace, "namespace is null");
        this.name = requireNonNull(name, "name is null");
        this.optional = optional;
    }

    /**
     * Returns the variables of a ConfigMap.
     *
     * @param client the client
     * @param namespace the ConfigMap's namespace
     * @param name its name
     * @return the source
     */
    public static ClusterVariables configMap(KubernetesClient client, String namespace, String name) {
        return new ClusterVariables(client, false, namespace, name, false);
    }

    /**
     * Returns the variables of a Secret.
     *
     * @param client the client
     * @param namespace the Secret's namespace
     * @param name its name
     * @return the source
     */
    public static ClusterVariables secret(KubernetesClient client, String namespace, String name) {
        return new ClusterVariables(client, true, namespace, name, false);
    }

    /**
     * Returns this source, giving no variables instead of failing when the object does not exist.
     *
     * @return the optional source
     */
    public ClusterVariables optional() {
        return new ClusterVariables(client, secret, namespace, name, true);
    }

    @Override
    public String describe() {
        return (secret ? "Secret " : "ConfigMap ") + namespace + "/" + name + (optional ? " (optional)" : "");
    }

    @Override
    public Map<String, String> variables() {
        try {
            Map<String, String> values = secret ? secretValues() : configMapValues();
            if (values == null) {
                if (optional) {
                    return Map.of();
                }
                throw new SourceException(describe() + ", named for variable substitution, does not exist; create"
                        + " it or mark it optional");
            }
            return Map.copyOf(values);
        } catch (KubernetesClientException e) {
            throw new SourceException("cannot read " + describe() + " for variable substitution: HTTP " + e.getCode()
                    + " " + (e.getStatus() == null ? "" : e.getStatus().getReason()), e);
        }
    }

    private Map<String, String> configMapValues() {
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(name).get();
        if (map == null) {
            return null;
        }
        return map.getData() == null ? Map.of() : map.getData();
    }

    private Map<String, String> secretValues() {
        Secret found = client.secrets().inNamespace(namespace).withName(name).get();
        if (found == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (found.getData() != null) {
            found.getData().forEach((key, value) -> values.put(key, decode(key, value)));
        }
        if (found.getStringData() != null) {
            values.putAll(found.getStringData());
        }
        return values;
    }

    private String decode(String key, String value) {
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SourceException("key '" + key + "' of " + describe() + " is not valid base64");
        }
    }

    @Override
    public String toString() {
        return "ClusterVariables[" + describe() + "]";
    }
}
