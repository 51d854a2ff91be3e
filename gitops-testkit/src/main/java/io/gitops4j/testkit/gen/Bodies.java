package io.gitops4j.testkit.gen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/** Realistic bodies of common kinds, drawn from a seeded {@link Random}. Not thread-safe (the Random is shared). */
final class Bodies {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] IMAGES = {"nginx", "redis", "postgres", "ghcr.io/acme/shop", "ghcr.io/acme/cart"};

    private final Random random;

    Bodies(Random random) {
        this.random = random;
    }

    static ObjectNode skeleton(String apiVersion, String kind, String namespace, String name) {
        ObjectNode body = NODES.objectNode();
        body.put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode metadata = body.putObject("metadata").put("name", name);
        if (!namespace.isEmpty()) {
            metadata.put("namespace", namespace);
        }
        return body;
    }

    ObjectNode namespace(String name) {
        ObjectNode body = skeleton("v1", "Namespace", "", name);
        labels(body, name);
        return body;
    }

    ObjectNode configMap(String namespace, String name) {
        ObjectNode body = skeleton("v1", "ConfigMap", namespace, name);
        labels(body, name);
        ObjectNode data = body.putObject("data");
        int entries = 1 + random.nextInt(5);
        for (int i = 0; i < entries; i++) {
            data.put("key" + i, word() + "-" + random.nextInt(1000));
        }
        return body;
    }

    ObjectNode secret(String namespace, String name) {
        ObjectNode body = skeleton("v1", "Secret", namespace, name);
        labels(body, name);
        body.put("type", "Opaque");
        ObjectNode data = body.putObject("data");
        data.put("username", base64(word()));
        data.put("password", base64(Long.toHexString(random.nextLong())));
        return body;
    }

    ObjectNode service(String namespace, String name) {
        ObjectNode body = skeleton("v1", "Service", namespace, name);
        labels(body, name);
        ObjectNode spec = body.putObject("spec");
        spec.put("type", "ClusterIP");
        spec.putObject("selector").put("app", name);
        ArrayNode ports = spec.putArray("ports");
        ports.addObject().put("name", "http").put("port", 80).put("targetPort", 8080).put("protocol", "TCP");
        if (random.nextBoolean()) {
            ports.addObject().put("name", "metrics").put("port", 9090).put("targetPort", 9090).put("protocol", "TCP");
        }
        return body;
    }

    ObjectNode deployment(String namespace, String name) {
        ObjectNode body = skeleton("apps/v1", "Deployment", namespace, name);
        labels(body, name);
        ((ObjectNode) body.get("metadata")).putObject("annotations")
                .put("example.org/owner", "team-" + word()).put("example.org/runbook", "https://wiki/" + name);
        ObjectNode spec = body.putObject("spec");
        spec.put("replicas", 1 + random.nextInt(5));
        spec.put("revisionHistoryLimit", 5);
        spec.putObject("selector").putObject("matchLabels").put("app", name);
        spec.putObject("strategy").put("type", "RollingUpdate").putObject("rollingUpdate")
                .put("maxSurge", "25%").put("maxUnavailable", 0);
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("app", name).put("version", "v" + random.nextInt(9));
        ObjectNode pod = template.putObject("spec");
        pod.put("serviceAccountName", name);
        pod.put("terminationGracePeriodSeconds", 30);
        container(pod.putArray("containers").addObject(), name);
        ArrayNode volumes = pod.putArray("volumes");
        volumes.addObject().put("name", "config").putObject("configMap").put("name", name + "-config");
        volumes.addObject().put("name", "tmp").putObject("emptyDir");
        return body;
    }

    private void container(ObjectNode container, String name) {
        container.put("name", name);
        container.put("image", IMAGES[random.nextInt(IMAGES.length)] + ":1." + random.nextInt(30) + "."
                + random.nextInt(10));
        container.put("imagePullPolicy", "IfNotPresent");
        container.putArray("ports").addObject().put("name", "http").put("containerPort", 8080)
                .put("protocol", "TCP");
        ArrayNode env = container.putArray("env");
        env.addObject().put("name", "LOG_LEVEL").put("value", random.nextBoolean() ? "info" : "debug");
        env.addObject().put("name", "JAVA_OPTS").put("value", "-Xmx" + (256 + random.nextInt(4) * 128) + "m");
        env.addObject().put("name", "POD_NAME").putObject("valueFrom").putObject("fieldRef")
                .put("fieldPath", "metadata.name");
        ObjectNode resources = container.putObject("resources");
        resources.putObject("requests").put("cpu", (100 + random.nextInt(4) * 100) + "m").put("memory", "256Mi");
        resources.putObject("limits").put("cpu", "1").put("memory", "512Mi");
        container.putObject("readinessProbe").put("periodSeconds", 10).putObject("httpGet")
                .put("path", "/ready").put("port", 8080);
        container.putObject("livenessProbe").put("initialDelaySeconds", 15).putObject("httpGet")
                .put("path", "/health").put("port", 8080);
        ArrayNode mounts = container.putArray("volumeMounts");
        mounts.addObject().put("name", "config").put("mountPath", "/etc/" + name).put("readOnly", true);
        mounts.addObject().put("name", "tmp").put("mountPath", "/tmp");
    }

    private void labels(ObjectNode body, String name) {
        ((ObjectNode) body.get("metadata")).putObject("labels").put("app", name)
                .put("app.kubernetes.io/part-of", "shop").put("tier", random.nextBoolean() ? "front" : "back");
    }

    String word() {
        String[] words = {"alpha", "bravo", "cart", "delta", "echo", "front", "gold", "hub", "ink", "jade"};
        return words[random.nextInt(words.length)];
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
