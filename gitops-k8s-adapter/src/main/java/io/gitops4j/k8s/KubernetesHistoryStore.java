package io.gitops4j.k8s;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitops4j.inventory.HistoryStore;
import io.gitops4j.inventory.RunRecord;
import io.gitops4j.k8s.internal.ApiErrors;
import io.gitops4j.k8s.internal.ConfigMapRequests;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.TargetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each application's {@link RunRecord}s in the cluster beside its inventory, as kapp keeps its app changes:
 * one ConfigMap per run in the inventory namespace, at most a configured number per application
 * ({@value HistoryStore#DEFAULT_LIMIT} by default), the oldest deleted beyond it.
 *
 * <p>Layout: the ConfigMap of run {@code n} is named {@code gitops4j-history-<application>-<n>} (the application
 * part made a valid name as for the inventory), labelled {@code gitops4j.io/history: "true"} and
 * {@code gitops4j.io/application: <application>} (so {@code kubectl get configmaps -l
 * gitops4j.io/application=shop} lists an application's inventory and history), and holds the record's {@linkplain RunRecord#toFields() fields} as data:
 * {@code application}, {@code sequence}, {@code revision}, {@code digest}, {@code outcome}, {@code health},
 * {@code started}, {@code finished} (ISO-8601), {@code runBy}, {@code applied}, {@code pruned}, {@code failed} and
 * {@code error}. Names are deterministic: a record is numbered one past the highest number listed and created
 * under that name, so two writers racing for a number conflict and the loser lists again and takes the next one.
 * The namespace is never created; when it is missing a record fails naming it. A ConfigMap that does not decode
 * as a record is skipped with a warning. Thread-safe.
 */
public final class KubernetesHistoryStore implements HistoryStore {
    private static final Logger LOG = LoggerFactory.getLogger(KubernetesHistoryStore.class);
    private static final String PREFIX = "gitops4j-history-";
    private static final int ATTEMPTS = 20;
    private static final int SEQUENCE_ROOM = 21;

    private final KubernetesClient client;
    private final String namespace;
    private final ConfigMapRequests configMaps;
    private final int limit;

    /**
     * Creates a store.
     *
     * @param client the client; not closed by this store
     * @param namespace where the record ConfigMaps live (the inventory namespace)
     * @param limit how many records per application to keep, at least 1
     */
    public KubernetesHistoryStore(KubernetesClient client, String namespace, int limit) {
        this.client = requireNonNull(client, "client is null");
        this.namespace = requireNonNull(namespace, "namespace is null");
        if (namespace.isEmpty()) {
            throw new IllegalArgumentException("history namespace is empty");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("history limit must be at least 1, got " + limit);
        }
        this.limit = limit;
        this.configMaps = new ConfigMapRequests(client, namespace);
    }

    /**
     * Returns the name of the ConfigMap of an application's run.
     *
     * @param application the application name
     * @param sequence the run's number
     * @return {@code gitops4j-history-<application>-<sequence>}, a valid ConfigMap name
     */
    public static String configMapName(String application, long sequence) {
        return StoreNames.configMap(PREFIX, application, SEQUENCE_ROOM) + "-" + sequence;
    }

    /**
     * Records a run as a new ConfigMap and deletes the application's oldest records beyond the limit.
     *
     * @param record the run
     * @return the record with its number
     * @throws TargetException when the ConfigMap cannot be written, or the namespace does not exist
     */
    @Override
    public RunRecord record(RunRecord record) {
        requireNonNull(record, "record is null");
        for (int attempt = 1; ; attempt++) {
            List<RunRecord> existing = list(record.application());
            long next = existing.isEmpty() ? 1 : existing.get(0).sequence() + 1;
            RunRecord stored = record.newBuilder().sequence(next).build();
            try {
                create(stored);
            } catch (KubernetesClientException e) {
                if (e.getCode() == 409 && attempt < ATTEMPTS) {
                    continue;
                }
                RuntimeException failure = InventoryNamespace.missingOr(client, namespace, e);
                throw failure instanceof TargetException target ? target : failure(record.application(), e);
            }
            List<RunRecord> kept = new ArrayList<>(existing);
            kept.add(0, stored);
            deleteBeyondLimit(kept);
            return stored;
        }
    }

    /**
     * Lists an application's records, newest first.
     *
     * @param application the application name
     * @return the records found
     * @throws TargetException when the ConfigMaps cannot be listed
     */
    @Override
    public List<RunRecord> list(String application) {
        requireNonNull(application, "application is null");
        List<ObjectNode> maps;
        try {
            maps = configMaps.list(WellKnownMetadata.HISTORY_LABEL + "=true," + WellKnownMetadata.APPLICATION_LABEL
                    + "=" + StoreNames.label(application));
        } catch (KubernetesClientException e) {
            throw failure(application, e);
        }
        List<RunRecord> records = new ArrayList<>();
        for (ObjectNode map : maps) {
            Map<String, String> data = ConfigMapRequests.data(map);
            if (!application.equals(data.get("application"))) {
                continue;
            }
            try {
                records.add(RunRecord.fromFields(data));
            } catch (RuntimeException e) {
                LOG.warn("ConfigMap {}/{} is not a run record of {}, skipped: {}", namespace,
                        ConfigMapRequests.name(map), application, e.getMessage());
            }
        }
        records.sort(Comparator.comparingLong(RunRecord::sequence).reversed());
        return List.copyOf(records);
    }

    /** Renders as {@code KubernetesHistoryStore{namespace=..., limit=...}}. */
    @Override
    public String toString() {
        return "KubernetesHistoryStore{namespace=" + namespace + ", limit=" + limit + "}";
    }

    private void create(RunRecord record) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(WellKnownMetadata.HISTORY_LABEL, "true");
        labels.put(WellKnownMetadata.APPLICATION_LABEL, StoreNames.label(record.application()));
        configMaps.create(ConfigMapRequests.newConfigMap(configMapName(record.application(), record.sequence()),
                namespace, labels, record.toFields()));
    }

    private void deleteBeyondLimit(List<RunRecord> newestFirst) {
        for (RunRecord old : newestFirst.subList(Math.min(limit, newestFirst.size()), newestFirst.size())) {
            String name = configMapName(old.application(), old.sequence());
            try {
                configMaps.delete(name);
            } catch (KubernetesClientException e) {
                LOG.warn("cannot delete the old run record {}/{} (HTTP {}): {}; the next record tries again",
                        namespace, name, e.getCode(), ApiErrors.statusMessage(e));
            }
        }
    }

    private TargetException failure(String application, KubernetesClientException e) {
        return new TargetException(null, "cannot read or write the run records of application " + application
                + " in namespace " + namespace + " (HTTP " + e.getCode() + ": " + ApiErrors.statusMessage(e)
                + "); check that the client may list, create and delete ConfigMaps there", e);
    }
}
