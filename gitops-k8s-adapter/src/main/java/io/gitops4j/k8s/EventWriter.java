package io.gitops4j.k8s;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitops4j.k8s.internal.Address;
import io.gitops4j.k8s.internal.ResourceTypes;
import io.gitops4j.model.ResourceKey;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events through the fabric8 client: finds the object an Event is about (its API version and uid,
 * or the application's inventory ConfigMap when the object does not exist or its kind is not served), creates an
 * Event, or updates one's count. Failures are logged and dropped: an Event is never worth failing a run.
 * Thread-safe.
 */
final class EventWriter {
    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);
    /** Where Events about cluster-scoped objects go, as the API server's own do. */
    private static final String CLUSTER_EVENTS_NAMESPACE = "default";

    private final KubernetesClient client;
    private final ResourceTypes types;
    private final String inventoryNamespace;
    private final String component;
    private final String instance;

    EventWriter(KubernetesClient client, ResourceTypes types, String inventoryNamespace, String component,
                String instance) {
        this.client = client;
        this.types = types;
        this.inventoryNamespace = inventoryNamespace;
        this.component = component;
        this.instance = instance;
    }

    /** The object an Event is about, and the namespace the Event lives in. */
    record Involved(ObjectReference reference, String eventNamespace) {
    }

    /**
     * Finds the object an Event is about.
     *
     * @param application the application, whose inventory ConfigMap stands in for a missing object
     * @param key the object, or {@code null} for the inventory ConfigMap itself
     * @param mayBeGone whether the object may no longer exist (a pruned one): then it is referred to by name
     */
    Involved involved(String application, ResourceKey key, boolean mayBeGone) {
        if (key != null) {
            try {
                Optional<Address> address = types.resolveIfServed(key);
                if (address.isPresent()) {
                    Address at = address.get();
                    GenericKubernetesResource live = mayBeGone ? null : at.object(client).get();
                    if (live != null || mayBeGone) {
                        String namespace = at.key().namespace();
                        return new Involved(new ObjectReferenceBuilder().withApiVersion(at.type().apiVersion())
                                .withKind(key.kind()).withNamespace(namespace.isEmpty() ? null : namespace)
                                .withName(key.name()).withUid(live == null ? null : live.getMetadata().getUid())
                                .build(), namespace.isEmpty() ? CLUSTER_EVENTS_NAMESPACE : namespace);
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("cannot find {} for an event; the event goes on the inventory of {}", key, application, e);
            }
        }
        String name = KubernetesInventoryStore.configMapName(application);
        String uid = null;
        try {
            var inventory = client.configMaps().inNamespace(inventoryNamespace).withName(name).get();
            uid = inventory == null ? null : inventory.getMetadata().getUid();
        } catch (KubernetesClientException e) {
            LOG.debug("cannot read the inventory ConfigMap {} for an event", name, e);
        }
        return new Involved(new ObjectReferenceBuilder().withApiVersion("v1").withKind("ConfigMap")
                .withNamespace(inventoryNamespace).withName(name).withUid(uid).build(), inventoryNamespace);
    }

    void create(Involved involved, String name, EventReason reason, String message, int count, Instant first,
                Instant now) {
        Event event = new EventBuilder().withNewMetadata().withName(name).withNamespace(involved.eventNamespace())
                .endMetadata().withInvolvedObject(involved.reference()).withReason(reason.reason())
                .withType(reason.type()).withMessage(message).withCount(count).withFirstTimestamp(time(first))
                .withLastTimestamp(time(now)).withNewSource().withComponent(component).endSource()
                .withReportingComponent(component).withReportingInstance(instance).withAction(reason.reason())
                .build();
        try {
            client.v1().events().inNamespace(involved.eventNamespace()).resource(event).create();
        } catch (KubernetesClientException e) {
            LOG.warn("cannot record event {} on {} {}/{} (HTTP {}); dropped", reason.reason(),
                    involved.reference().getKind(), involved.eventNamespace(), involved.reference().getName(),
                    e.getCode());
        }
    }

    /**
     * Updates an Event's count, last time and message.
     *
     * @return {@code false} when the Event no longer exists (the API server expired it)
     */
    boolean update(String namespace, String name, String message, int count, Instant now) {
        try {
            Event current = client.v1().events().inNamespace(namespace).withName(name).get();
            if (current == null) {
                return false;
            }
            client.v1().events().inNamespace(namespace).resource(new EventBuilder(current).withCount(count)
                    .withLastTimestamp(time(now)).withMessage(message).build()).update();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return false;
            }
            LOG.warn("cannot update event {}/{} (HTTP {}); dropped", namespace, name, e.getCode());
            return true;
        }
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
