package io.gitops4j.testkit.k8s.internal;

/** The kubeconfig text that points kubectl (or any client) at an embedded server, without credentials. */
public final class Kubeconfig {

    private Kubeconfig() {
    }

    /** A kubeconfig with one cluster, user and context named {@code name}, current, at {@code url}. */
    public static String forServer(String url, String name, String namespace) {
        return "apiVersion: v1\n"
                + "kind: Config\n"
                + "clusters:\n"
                + "- name: " + name + "\n"
                + "  cluster:\n"
                + "    server: " + url + "\n"
                + "contexts:\n"
                + "- name: " + name + "\n"
                + "  context:\n"
                + "    cluster: " + name + "\n"
                + "    user: " + name + "\n"
                + "    namespace: " + namespace + "\n"
                + "current-context: " + name + "\n"
                + "users:\n"
                + "- name: " + name + "\n"
                + "  user: {}\n"
                + "preferences: {}\n";
    }
}
