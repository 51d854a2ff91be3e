package io.gitops4j.kustomize;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of a build's output, as {@code kubectl kustomize} writes it: Kustomize's legacy order (kinds listed first
 * — Namespace, ResourceQuota, StorageClass, CustomResourceDefinition, ServiceAccount, ... — then the others, then the
 * webhook configurations; within a rank by group, version and kind, then namespace and name), or the input order
 * ({@code sortOptions.order: fifo}). Immutable.
 */
final class OutputOrder {
    static final List<String> DEFAULT_FIRST = List.of("Namespace", "ResourceQuota", "StorageClass",
            "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding",
            "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service", "LimitRange", "PriorityClass",
            "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob",
            "PodDisruptionBudget");
    static final List<String> DEFAULT_LAST = List.of("MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration");

    private final Map<String, Integer> ranks;
    private final boolean fifo;

    private OutputOrder(Map<String, Integer> ranks, boolean fifo) {
        this.ranks = ranks;
        this.fifo = fifo;
    }

    /** The legacy order with the given first and last kinds. */
    static OutputOrder legacy(List<String> first, List<String> last) {
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < first.size(); i++) {
            ranks.put(first.get(i), -first.size() + i);
        }
        for (int i = 0; i < last.size(); i++) {
            ranks.put(last.get(i), 1 + i);
        }
        return new OutputOrder(Map.copyOf(ranks), false);
    }

    /** The input order. */
    static OutputOrder fifo() {
        return new OutputOrder(Map.of(), true);
    }

    /** Sorts the objects in place. */
    void sort(List<Item> items) {
        if (fifo) {
            return;
        }
        Map<Item, ResId> ids = new java.util.IdentityHashMap<>();
        for (Item item : items) {
            ids.put(item, item.currentId());
        }
        Comparator<Item> order = (a, b) -> compare(ids.get(a), ids.get(b));
        items.sort(order);
    }

    private int compare(ResId a, ResId b) {
        if (!a.gvk().equals(b.gvk())) {
            int ra = ranks.getOrDefault(a.gvk().kind(), 0);
            int rb = ranks.getOrDefault(b.gvk().kind(), 0);
            if (ra != rb) {
                return Integer.compare(ra, rb);
            }
            int byGvk = bytes(gvkKey(a.gvk()), gvkKey(b.gvk()));
            boolean namespaces = a.gvk().kind().equals("Namespace") && b.gvk().kind().equals("Namespace")
                    && (a.gvk().group().isEmpty() || b.gvk().group().isEmpty());
            return namespaces ? -byGvk : byGvk;
        }
        return bytes(idKey(a), idKey(b));
    }

    private static String gvkKey(Gvk gvk) {
        return (gvk.group().isEmpty() ? "~G" : gvk.group()) + "_" + (gvk.version().isEmpty() ? "~V" : gvk.version())
                + "_" + (gvk.kind().isEmpty() ? "~K" : gvk.kind());
    }

    private static String idKey(ResId id) {
        return (id.namespace().isEmpty() ? "~X" : id.namespace()) + "|" + (id.name().isEmpty() ? "~N" : id.name());
    }

    private static int bytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
