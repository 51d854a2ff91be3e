package io.gitops4j.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.fabric8.kubernetes.client.Config;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a kubeconfig whose chosen context is plain (a server, its CA and TLS settings; a token, a client
 * certificate or a user name and password; a namespace) straight into a fabric8 {@link Config}, as fabric8's own
 * loader would, without it: fabric8 maps the file onto its kubeconfig model, and building that model's deserializers
 * makes it index every resource type it knows (several hundred classes, about 0.15 s of a command-line run's start).
 * Anything else in the chosen context (exec and auth-provider plugins, token files, proxies, impersonation,
 * extensions) is left to fabric8: {@link #read} then returns empty. Stateless.
 */
public final class PlainKubeconfig {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Set<String> CLUSTER_FIELDS = Set.of("server", "certificate-authority",
            "certificate-authority-data", "insecure-skip-tls-verify", "tls-server-name");
    private static final Set<String> USER_FIELDS = Set.of("token", "client-certificate", "client-certificate-data",
            "client-key", "client-key-data", "username", "password");
    private static final Set<String> CONTEXT_FIELDS = Set.of("cluster", "user", "namespace");

    private PlainKubeconfig() {
    }

    /**
     * Reads a kubeconfig's context into a client configuration, when it is plain.
     *
     * @param kubeconfig the file
     * @param context the context, or {@code null} for the file's current context
     * @return the configuration, or empty when the file cannot be read here or the context is not plain (then
     *     fabric8's loader reads it, and reports what is wrong with it)
     */
    public static Optional<Config> read(Path kubeconfig, String context) {
        JsonNode root;
        try {
            root = YAML.readTree(kubeconfig.toFile());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        String name = context != null ? context : root.path("current-context").asText("");
        JsonNode chosen = named(root.path("contexts"), name).path("context");
        if (!plain(chosen, CONTEXT_FIELDS)) {
            return Optional.empty();
        }
        JsonNode cluster = named(root.path("clusters"), chosen.path("cluster").asText("")).path("cluster");
        JsonNode user = named(root.path("users"), chosen.path("user").asText("")).path("user");
        boolean userDeclared = !chosen.path("user").asText("").isEmpty();
        if (!plain(cluster, CLUSTER_FIELDS) || !cluster.hasNonNull("server")
                || (userDeclared && !user.isMissingNode() && !plain(user, USER_FIELDS))) {
            return Optional.empty();
        }
        return Optional.of(config(kubeconfig.toFile(), root, name, chosen, cluster, user));
    }

    private static Config config(File file, JsonNode root, String name, JsonNode chosen, JsonNode cluster,
            JsonNode user) {
        Config config = Config.empty();
        Map<String, NamedContext> contexts = new HashMap<>(); // in fabric8's order: its loader keeps them so
        for (JsonNode entry : root.path("contexts")) {
            NamedContext named = namedContext(entry, file);
            contexts.put(named.getName(), named);
        }
        NamedContext current = contexts.get(name);
        config.setContexts(new ArrayList<>(contexts.values()));
        config.setCurrentContext(current);
        if (chosen.hasNonNull("namespace")) {
            config.setNamespace(chosen.get("namespace").asText());
        }
        current.getAdditionalProperties().put("KUBERNETES_CONFIG_CLUSTER_FILE_KEY", file);
        config.setMasterUrl(cluster.get("server").asText());
        boolean insecure = cluster.path("insecure-skip-tls-verify").asBoolean(false);
        config.setTrustCerts(insecure);
        config.setDisableHostnameVerification(insecure);
        text(cluster, "certificate-authority").ifPresent(ca -> config.setCaCertFile(absolute(file, ca)));
        text(cluster, "certificate-authority-data").ifPresent(config::setCaCertData);
        text(cluster, "tls-server-name").ifPresent(config::setTlsServerName);
        if (!user.isMissingNode()) {
            current.getAdditionalProperties().put("KUBERNETES_CONFIG_AUTH_INFO_FILE_KEY", file);
            text(user, "client-certificate").ifPresent(cert -> config.setClientCertFile(absolute(file, cert)));
            text(user, "client-certificate-data").ifPresent(config::setClientCertData);
            text(user, "client-key").ifPresent(key -> config.setClientKeyFile(absolute(file, key)));
            text(user, "client-key-data").ifPresent(config::setClientKeyData);
            config.setClientKeyAlgo(Config.getKeyAlgorithm(config.getClientKeyFile(), config.getClientKeyData()));
            text(user, "token").ifPresent(config::setAutoOAuthToken);
            text(user, "username").ifPresent(config::setUsername);
            text(user, "password").ifPresent(config::setPassword);
        }
        return config;
    }

    private static NamedContext namedContext(JsonNode entry, File file) {
        JsonNode context = entry.path("context");
        NamedContext named = new NamedContextBuilder().withName(entry.path("name").asText(null)).withNewContext()
                .withCluster(context.path("cluster").asText(null)).withUser(context.path("user").asText(null))
                .withNamespace(context.path("namespace").asText(null)).endContext().build();
        named.getAdditionalProperties().put("KUBERNETES_CONFIG_CONTEXT_FILE_KEY", file);
        return named;
    }

    /** The one entry of a list with that name, or a missing node when there is none or more than one. */
    private static JsonNode named(JsonNode entries, String name) {
        JsonNode found = MissingNode.getInstance();
        for (JsonNode entry : entries) {
            if (name.equals(entry.path("name").asText(null))) {
                if (!found.isMissingNode()) {
                    return MissingNode.getInstance();
                }
                found = entry;
            }
        }
        return found;
    }

    private static boolean plain(JsonNode body, Set<String> known) {
        if (!body.isObject()) {
            return false;
        }
        for (Iterator<String> fields = body.fieldNames(); fields.hasNext(); ) {
            if (!known.contains(fields.next())) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static String absolute(File kubeconfig, String path) {
        File file = new File(path);
        return file.isAbsolute() ? file.getAbsolutePath()
                : new File(kubeconfig.getAbsoluteFile().getParentFile(), path).getAbsolutePath();
    }
}
