package io.gitops4j.k8s;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.gitops4j.LeaseConflictException;
import io.gitops4j.TargetException;
import io.gitops4j.cluster.LeaseRecord;
import io.gitops4j.cluster.LeaseStore;
import io.gitops4j.k8s.internal.ApiErrors;
import io.gitops4j.kinds.WellKnownMetadata;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a fleet's leases as Kubernetes {@code coordination.k8s.io/v1} Leases in one namespace (default
 * {@code gitops4j-system}, never created: a missing namespace fails naming it), labelled
 * {@code app.kubernetes.io/managed-by: gitops4j} and {@code gitops4j.io/lease: "true"}, so that
 * {@code kubectl get leases -n gitops4j-system -l gitops4j.io/lease=true} shows each lease's holder: which replica
 * is live, which leads, and which owns each application. Writes use the Lease's {@code resourceVersion}, so a write
 * over a version that moved is the API server's 409 Conflict, a {@link LeaseConflictException}. Times are written
 * as Kubernetes MicroTime (RFC 3339, microseconds, UTC).
 *
 * <p>RBAC: {@code get}, {@code list}, {@code create} and {@code update} on {@code leases.coordination.k8s.io} in the
 * namespace. Thread-safe.
 */
public final class KubernetesLeaseStore implements LeaseStore {
    /** The namespace used when none is given. */
    public static final String DEFAULT_NAMESPACE = "gitops4j-system";
    private static final String LABEL = WellKnownMetadata.LEASE_LABEL;
    private static final DateTimeFormatter MICRO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSX")
            .withZone(ZoneOffset.UTC);

    private final KubernetesClient client;
    private final String namespace;

    private KubernetesLeaseStore(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /**
     * Returns a store in a namespace.
     *
     * @param client the client; not closed by this store
     * @param namespace where the Leases live
     * @return the store
     */
    public static KubernetesLeaseStore of(KubernetesClient client, String namespace) {
        requireNonNull(client, "client is null");
        requireNonNull(namespace, "namespace is null");
        if (namespace.isEmpty()) {
            throw new IllegalArgumentException("lease namespace is empty");
        }
        return new KubernetesLeaseStore(client, namespace);
    }

    /**
     * Returns a store in {@value #DEFAULT_NAMESPACE}.
     *
     * @param client the client; not closed by this store
     * @return the store
     */
    public static KubernetesLeaseStore of(KubernetesClient client) {
        return of(client, DEFAULT_NAMESPACE);
    }

    @Override
    public Optional<LeaseRecord> get(String name) {
        try {
            return Optional.ofNullable(leases().withName(name).get()).map(KubernetesLeaseStore::toRecord);
        } catch (KubernetesClientException e) {
            throw failure(e, "read Lease " + name);
        }
    }

    @Override
    public LeaseRecord create(LeaseRecord lease) {
        try {
            return toRecord(leases().resource(toResource(lease, null)).create());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw new LeaseConflictException("Lease " + lease.name() + " in namespace " + namespace
                        + " already exists");
            }
            throw failure(e, "create Lease " + lease.name());
        }
    }

    @Override
    public LeaseRecord update(LeaseRecord lease) {
        if (lease.version().isEmpty()) {
            throw new LeaseConflictException("Lease " + lease.name() + " was never read; read it before updating");
        }
        try {
            return toRecord(leases().resource(toResource(lease, lease.version())).update());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409 || e.getCode() == 404) {
                throw new LeaseConflictException("Lease " + lease.name() + " in namespace " + namespace
                        + " changed or was deleted since it was read (" + e.getCode() + ")");
            }
            throw failure(e, "update Lease " + lease.name());
        }
    }

    @Override
    public List<LeaseRecord> list(String prefix) {
        try {
            List<LeaseRecord> found = new ArrayList<>();
            for (GenericKubernetesResource item : leases().withLabel(LABEL, "true").list().getItems()) {
                if (item.getMetadata().getName().startsWith(prefix)) {
                    found.add(toRecord(item));
                }
            }
            found.sort(Comparator.comparing(LeaseRecord::name));
            return found;
        } catch (KubernetesClientException e) {
            throw failure(e, "list Leases");
        }
    }

    @Override
    public String describe() {
        return "Leases in namespace " + namespace;
    }

    private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> leasesAll() {
        return client.genericKubernetesResources("coordination.k8s.io/v1", "Lease");
    }

    private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<GenericKubernetesResource,
            GenericKubernetesResourceList, Resource<GenericKubernetesResource>> leases() {
        return leasesAll().inNamespace(namespace);
    }

    private TargetException failure(KubernetesClientException e, String action) {
        String why = e.getCode() == 404 ? "namespace " + namespace + " may not exist; create it (it is never created"
                + " for you)" : ApiErrors.statusMessage(e);
        return new TargetException(null, "cannot " + action + " in namespace " + namespace + ": " + why, e);
    }

    private GenericKubernetesResource toResource(LeaseRecord lease, String resourceVersion) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/managed-by", "gitops4j");
        labels.put(LABEL, "true");
        ObjectMeta metadata = new ObjectMetaBuilder().withName(lease.name()).withNamespace(namespace)
                .withLabels(labels).withResourceVersion(resourceVersion).build();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("holderIdentity", lease.holder());
        spec.put("leaseDurationSeconds", (int) Math.max(1, lease.duration().toSeconds()));
        spec.put("acquireTime", MICRO_TIME.format(lease.acquireTime()));
        spec.put("renewTime", MICRO_TIME.format(lease.renewTime()));
        spec.put("leaseTransitions", lease.transitions());
        GenericKubernetesResource resource = new GenericKubernetesResource();
        resource.setApiVersion("coordination.k8s.io/v1");
        resource.setKind("Lease");
        resource.setMetadata(metadata);
        resource.setAdditionalProperty("spec", spec);
        return resource;
    }

    private static LeaseRecord toRecord(GenericKubernetesResource resource) {
        Object raw = resource.getAdditionalProperties().get("spec");
        Map<?, ?> spec = raw instanceof Map<?, ?> map ? map : Map.of();
        String holder = spec.get("holderIdentity") instanceof String s ? s : "";
        long seconds = spec.get("leaseDurationSeconds") instanceof Number n ? n.longValue() : 0;
        int transitions = spec.get("leaseTransitions") instanceof Number n ? n.intValue() : 0;
        String version = resource.getMetadata().getResourceVersion();
        return new LeaseRecord(resource.getMetadata().getName(), holder, Duration.ofSeconds(seconds),
                time(spec.get("acquireTime")), time(spec.get("renewTime")), transitions,
                version == null ? "" : version);
    }

    private static Instant time(Object value) {
        if (value instanceof String text && !text.isEmpty()) {
            try {
                return Instant.parse(text).truncatedTo(ChronoUnit.MICROS);
            } catch (DateTimeParseException e) {
                return Instant.EPOCH;
            }
        }
        return Instant.EPOCH;
    }
}
