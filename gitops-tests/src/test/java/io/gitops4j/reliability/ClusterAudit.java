package io.gitops4j.reliability;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitops4j.inventory.Inventory;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.ResourceKey;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the cluster holds for one application against what it declares and what its inventory records: declared
 * ConfigMaps missing, live ones carrying its tracking id that the inventory forgot (orphans), and live ones it no
 * longer declares (left to prune). Read straight from the API, past any fault proxy.
 */
record ClusterAudit(Set<ResourceKey> missing, Set<ResourceKey> orphans, Set<ResourceKey> undeclared) {

    /**
     * Audits the ConfigMaps of one namespace.
     *
     * @param client a client straight to the API server
     * @param application the application's name
     * @param namespace where its ConfigMaps live
     * @param declared the keys the latest revision declares
     * @param inventory the stored inventory, empty when there is none
     */
    static ClusterAudit of(KubernetesClient client, String application, String namespace, Set<ResourceKey> declared,
            Optional<Inventory> inventory) {
        Set<ResourceKey> tracked = new TreeSet<>();
        for (ConfigMap map : client.configMaps().inNamespace(namespace).list().getItems()) {
            Map<String, String> annotations = map.getMetadata().getAnnotations();
            String id = annotations == null ? null : annotations.get(WellKnownMetadata.TRACKING_ID);
            if (id != null && id.startsWith(application + ":")) {
                tracked.add(ResourceKey.of("", "ConfigMap", namespace, map.getMetadata().getName()));
            }
        }
        Set<ResourceKey> owned = inventory.map(Inventory::keys).orElse(Collections.emptySortedSet());
        Set<ResourceKey> missing = new TreeSet<>(declared);
        missing.removeAll(tracked);
        Set<ResourceKey> orphans = new TreeSet<>(tracked);
        orphans.removeAll(owned);
        Set<ResourceKey> undeclared = new TreeSet<>(tracked);
        undeclared.removeAll(declared);
        return new ClusterAudit(missing, orphans, undeclared);
    }

    /** Whether the application is converged: nothing missing, no orphan, nothing left to prune. */
    boolean converged() {
        return missing.isEmpty() && orphans.isEmpty() && undeclared.isEmpty();
    }
}
