package io.gitops4j.k8s;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitops4j.inventory.Inventory;
import io.gitops4j.inventory.InventoryStore;
import io.gitops4j.k8s.internal.ApiErrors;
import io.gitops4j.k8s.internal.ConfigMapRequests;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import io.gitops4j.TargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each application's {@link Inventory} in the cluster, as one ConfigMap per application
 * ({@code gitops4j-inventory-<application>}) in the inventory namespace ({@value #DEFAULT_NAMESPACE} unless
 * configured), so that a restarted process prunes correctly.
 *
 * <p>The ConfigMap, labelled {@code gitops4j.io/inventory: "true"} and {@code gitops4j.io/application}, holds the
 * application name, the revision id and digest, and the keys one per line. A save is one create or one update
 * guarded by the ConfigMap's {@code resourceVersion}; on a conflict (another writer got there first) it re-reads
 * and retries. A save right after a load or a save of the same application through this store starts from what
 * that call read or wrote, without reading again: the create ({@code AlreadyExists}) or the guarded update
 * ({@code Conflict}) fails if the ConfigMap changed since, and the save then re-reads and retries as on any
 * conflict. The namespace is never created: when it is missing a save fails with a {@link TargetException}
 * that names it and says to create it or to configure another. Thread-safe.
 */
public final class KubernetesInventoryStore implements InventoryStore {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesInventoryStore.class);
    /**
     * The namespace inventories and run records live in unless configured otherwise, whatever namespace the
     * objects go into; the library's {@link KubernetesTarget} and the command-line tool share it.
     */
    public static final String DEFAULT_NAMESPACE = "gitops4j-system";
    private static final String PREFIX = "gitops4j-inventory-";
    private static final int ATTEMPTS = 5;

    private final KubernetesClient client;
    private final String namespace;
    private final ConfigMapRequests configMaps;
    /** What this store last read or wrote of each application's ConfigMap (empty: found absent); never changed. */
    private final Map<String, Optional<ObjectNode>> lastSeen = new ConcurrentHashMap<>();

    /**
     * Creates a store.
     *
     * @param client the client; not closed by this store
     * @param namespace where the inventory ConfigMaps live
     */
    public KubernetesInventoryStore(KubernetesClient client, String namespace) {
        this.client = requireNonNull(client, "client is null");
        this.namespace = requireNonNull(namespace, "namespace is null");
        if (namespace.isEmpty()) {
            throw new IllegalArgumentException("inventory namespace is empty");
        }
        this.configMaps = new ConfigMapRequests(client, namespace);
    }

    /**
     * Returns the namespace the ConfigMaps live in.
     *
     * @return the namespace
     */
    public String namespace() {
        return namespace;
    }

    /**
     * Returns the name of an application's inventory ConfigMap: {@code gitops4j-inventory-<application>},
     * lower-cased, with characters a ConfigMap name cannot hold replaced and a hash suffix when that changed it.
     *
     * @param application the application name
     * @return a valid ConfigMap name
     */
    public static String configMapName(String application) {
        return StoreNames.configMap(PREFIX, application, 0);
    }

    /**
     * Loads an application's inventory.
     *
     * @param application the application name
     * @return the inventory, or empty when none was saved
     * @throws TargetException when the ConfigMap cannot be read or is not an inventory
     */
    @Override
    public Optional<Inventory> load(String application) {
        Optional<ObjectNode> map = read(application);
        lastSeen.put(application, map);
        return map.map(found -> decode(application, found));
    }

    /**
     * Saves an application's inventory atomically (one write, guarded by resourceVersion; retried on conflict).
     *
     * @param inventory the inventory
     * @throws TargetException when it cannot be written
     */
    @Override
    public void save(Inventory inventory) {
        requireNonNull(inventory, "inventory is null");
        Map<String, String> data = encode(inventory);
        String application = inventory.application();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<ObjectNode> remembered = attempt == 1 ? lastSeen.get(application) : null;
            Optional<ObjectNode> current = remembered != null ? remembered : read(application);
            try {
                ObjectNode written;
                if (current.isEmpty()) {
                    written = create(application, data);
                } else {
                    written = configMaps.update(ConfigMapRequests.withData(current.get().deepCopy(), data));
                }
                lastSeen.put(application, Optional.ofNullable(written));
                LOG.debug("saved inventory of {} ({} keys) to {}/{}", inventory.application(), inventory.size(),
                        namespace, configMapName(inventory.application()));
                return;
            } catch (KubernetesClientException e) {
                lastSeen.remove(application);
                boolean stale = e.getCode() == 409 || (remembered != null && e.getCode() == 404); // deleted since
                if (!stale || attempt == ATTEMPTS) {
                    throw inventoryFailure(inventory.application(), "write", e);
                }
                LOG.debug("inventory of {} changed concurrently, retrying", inventory.application());
            }
        }
    }

    private ObjectNode create(String application, Map<String, String> data) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(WellKnownMetadata.INVENTORY_LABEL, "true");
        labels.put(WellKnownMetadata.APPLICATION_LABEL, StoreNames.label(application));
        ObjectNode map = ConfigMapRequests.newConfigMap(configMapName(application), namespace, labels, data);
        try {
            return configMaps.create(map);
        } catch (KubernetesClientException e) {
            throw InventoryNamespace.missingOr(client, namespace, e);
        }
    }

    private Optional<ObjectNode> read(String application) {
        try {
            return configMaps.get(configMapName(application));
        } catch (KubernetesClientException e) {
            throw inventoryFailure(application, "read", e);
        }
    }

    private TargetException inventoryFailure(String application, String action, KubernetesClientException e) {
        return new TargetException(null, "cannot " + action + " the inventory of application " + application
                + " in ConfigMap " + namespace + "/" + configMapName(application) + " (HTTP " + e.getCode() + ": "
                + ApiErrors.statusMessage(e) + "); check that the client may read and write ConfigMaps there", e);
    }

    private static Map<String, String> encode(Inventory inventory) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("application", inventory.application());
        inventory.revision().ifPresent(revision -> {
            data.put("revision", revision.id());
            data.put("digest", revision.digest());
        });
        StringBuilder keys = new StringBuilder();
        inventory.keys().forEach(key -> keys.append(key).append('\n'));
        data.put("keys", keys.toString());
        return data;
    }

    private Inventory decode(String application, ObjectNode map) {
        Map<String, String> data = ConfigMapRequests.data(map);
        if (!application.equals(data.get("application"))) {
            throw new TargetException(null, "ConfigMap " + namespace + "/" + ConfigMapRequests.name(map)
                    + " does not hold the inventory of application " + application + " (it names '"
                    + data.get("application") + "'); rename one of the applications");
        }
        String revision = data.get("revision");
        if (revision == null || revision.isEmpty()) {
            return Inventory.empty(application);
        }
        List<ResourceKey> keys = new ArrayList<>();
        for (String line : data.getOrDefault("keys", "").split("\n")) {
            if (!line.isBlank()) {
                keys.add(ResourceKey.parse(line.strip()));
            }
        }
        return Inventory.of(application, new Revision(revision, data.getOrDefault("digest", "")), keys);
    }
}
