package io.gitops4j.testkit.k8s;

/** Small JSON manifests the server tests send. */
final class Manifests {

    static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
    static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";

    private Manifests() {
    }

    static String configMap(String name, String labels, String data) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":{"
                + labels + "}},\"data\":{" + data + "}}";
    }

    static String deployment(String name, int replicas, String image) {
        return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name + "\"},"
                + "\"spec\":{\"replicas\":" + replicas + ",\"selector\":{\"matchLabels\":{\"app\":\"" + name + "\"}},"
                + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"" + name + "\"}},\"spec\":{\"containers\":["
                + "{\"name\":\"web\",\"image\":\"" + image + "\",\"ports\":[{\"containerPort\":80}],"
                + "\"env\":[{\"name\":\"A\",\"value\":\"1\"}]}]}}}}";
    }

    static String namespace(String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}";
    }

    static String crd() {
        return "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
                + "\"metadata\":{\"name\":\"widgets.example.com\"},\"spec\":{\"group\":\"example.com\","
                + "\"scope\":\"Namespaced\",\"names\":{\"plural\":\"widgets\",\"singular\":\"widget\","
                + "\"kind\":\"Widget\",\"shortNames\":[\"wd\"]},\"versions\":[{\"name\":\"v1\",\"served\":true,"
                + "\"storage\":true,\"subresources\":{\"status\":{}},\"schema\":{\"openAPIV3Schema\":"
                + "{\"type\":\"object\",\"x-kubernetes-preserve-unknown-fields\":true}}}]}}";
    }
}
