package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.gitops4j.TargetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps group/kind to the REST resource and scope the API server serves, through its discovery endpoints.
 *
 * <p>A group's kinds are read on the first lookup of a kind in that group ({@code /api/v1} for the core group, the
 * group list {@code /apis} and the group's versions otherwise), so a run that applies core and {@code apps} kinds
 * asks three times, not once per group the server serves. A group is read again when a kind is not in it (for
 * example right after its CRD was applied). A kind that discovery does not list yet but whose CRD exists is waited
 * for, bounded, until the CRD is {@code Established}. A failure to read discovery is remembered for
 * {@link #FAILURE_MEMO}: lookups in that time fail at once with the same message instead of asking the server
 * again, so a run over many resources against an API server that is down asks it once, not once per resource.
 * Thread-safe.
 */
public final class Discovery {
    /** How long a failure to read discovery is answered from memory instead of asking the server again. */
    public static final Duration FAILURE_MEMO = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);

    private final KubernetesClient client;
    private final Duration establishTimeout;
    private final Clock clock;
    private final Map<String, Map<String, ApiResource>> byGroup = new HashMap<>();
    private final JsonRequests json;
    private List<ServedGroup> groups;
    private TargetException failure;
    private Instant failedAt;

    /**
     * Creates a discovery cache.
     *
     * @param client the client to ask
     * @param establishTimeout how long to wait for a just-applied CRD to be {@code Established}
     * @param clock the clock a remembered failure expires on
     */
    public Discovery(KubernetesClient client, Duration establishTimeout, Clock clock) {
        this.client = requireNonNull(client, "client is null");
        this.json = new JsonRequests(client);
        this.establishTimeout = requireNonNull(establishTimeout, "establishTimeout is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Finds the resource type of a kind, reading its group's discovery once more when the kind is not known, then
     * looking for a CRD that defines it and waiting for that CRD to be established.
     *
     * @param group the API group, {@code ""} for core
     * @param kind the kind
     * @return the type, or empty when the cluster serves no such kind
     * @throws TargetException when discovery cannot be read, or a CRD of the kind exists but is not established
     *     within the timeout
     */
    public Optional<ApiResource> find(String group, String kind) {
        Optional<ApiResource> found;
        synchronized (this) {
            Map<String, ApiResource> kinds = byGroup.get(group);
            boolean loaded = kinds == null;
            if (loaded) {
                rethrowRecentFailure();
                kinds = load(group, false);
            }
            found = Optional.ofNullable(kinds.get(kind));
            if (found.isEmpty() && !loaded) {
                found = Optional.ofNullable(load(group, true).get(kind));
            }
        }
        return found.isPresent() ? found : fromCustomResourceDefinition(group, kind);
    }

    private void rethrowRecentFailure() {
        if (failure != null && clock.instant().isBefore(failedAt.plus(FAILURE_MEMO))) {
            throw new TargetException(null, failure.getMessage() + " (remembered from " + failedAt
                    + "; asked again after " + FAILURE_MEMO.toSeconds() + " s)", failure);
        }
    }

    /** Forgets what discovery said, so the next lookup reloads it (after a CRD was applied or deleted). */
    public synchronized void invalidate() {
        byGroup.clear();
        groups = null;
    }

    /**
     * Forgets what discovery said of one group and the server's group list, keeping the kinds of every other group:
     * what applying or deleting a CRD of that group can change (a CRD serves kinds in its own group only).
     *
     * @param group the API group whose kinds to read again on the next lookup
     */
    public synchronized void invalidate(String group) {
        byGroup.remove(requireNonNull(group, "group is null"));
        groups = null;
    }

    /**
     * Forgets every group's kinds and reads the server's group list again; each group's kinds are read on the next
     * lookup of a kind in it.
     *
     * @throws TargetException when the server's group list cannot be read
     */
    public synchronized void refresh() {
        invalidate();
        readGroups();
    }

    /**
     * Reads one group's kinds (its preferred version first); a group version that fails to answer (an unavailable
     * aggregated API) is logged and skipped, as kubectl does.
     */
    private Map<String, ApiResource> load(String group, boolean rereadGroups) {
        Map<String, ApiResource> kinds = new HashMap<>();
        try {
            if (group.isEmpty()) {
                addAll(kinds, "", "v1", json.get("/api/v1").orElse(null));
            } else {
                if (groups == null || rereadGroups) {
                    readGroups();
                }
                for (ServedGroup served : groups) {
                    if (group.equals(served.name())) {
                        for (String version : served.versions()) {
                            addVersion(kinds, group, version);
                        }
                    }
                }
            }
        } catch (KubernetesClientException e) {
            throw remember(e);
        }
        LOG.debug("discovery of group '{}' loaded {} kinds", group, kinds.size());
        byGroup.put(group, kinds);
        failure = null;
        return kinds;
    }

    private void readGroups() {
        try {
            List<ServedGroup> served = new ArrayList<>();
            json.get("/apis").ifPresent(list -> list.path("groups").forEach(g -> served.add(ServedGroup.of(g))));
            groups = List.copyOf(served);
        } catch (KubernetesClientException e) {
            throw remember(e);
        }
    }

    private TargetException remember(KubernetesClientException e) {
        String code = e.getCode() > 0 ? "HTTP " + e.getCode() + ": " : "";
        failure = new TargetException(null, "cannot read the discovery of the API server " + client.getMasterUrl()
                + " (" + code + ApiErrors.statusMessage(e) + "); check the cluster address, that the API server "
                + "is up, and the credentials", e);
        failedAt = clock.instant();
        return failure;
    }

    private void addVersion(Map<String, ApiResource> kinds, String group, String version) {
        try {
            addAll(kinds, group, version, json.get("/apis/" + group + "/" + version).orElse(null));
        } catch (KubernetesClientException e) {
            LOG.warn("discovery of {}/{} failed (HTTP {}), its kinds are skipped", group, version, e.getCode());
        }
    }

    private static void addAll(Map<String, ApiResource> kinds, String group, String version, JsonNode list) {
        if (list == null) {
            return;
        }
        for (JsonNode resource : list.path("resources")) {
            String name = resource.path("name").asText();
            if (name.isEmpty() || name.contains("/")) {
                continue; // a subresource such as deployments/scale
            }
            String kind = resource.path("kind").asText();
            ApiResource type = new ApiResource(group, version, kind, name, resource.path("namespaced").asBoolean());
            kinds.putIfAbsent(kind, type);
        }
    }

    /** One group the server serves, with its versions, the preferred one first. */
    private record ServedGroup(String name, List<String> versions) {
        static ServedGroup of(JsonNode group) {
            List<String> versions = new ArrayList<>();
            String preferred = group.path("preferredVersion").path("version").asText("");
            if (!preferred.isEmpty()) {
                versions.add(preferred);
            }
            for (JsonNode version : group.path("versions")) {
                String name = version.path("version").asText("");
                if (!name.isEmpty() && !name.equals(preferred)) {
                    versions.add(name);
                }
            }
            return new ServedGroup(group.path("name").asText(), List.copyOf(versions));
        }
    }

    private Optional<ApiResource> fromCustomResourceDefinition(String group, String kind) {
        Optional<CustomResourceDefinition> crd = findDefinition(group, kind);
        if (crd.isEmpty()) {
            return Optional.empty();
        }
        String name = crd.get().getMetadata().getName();
        LOG.debug("kind {}/{} is defined by CRD {}; waiting for it to be established", group, kind, name);
        try {
            client.apiextensions().v1().customResourceDefinitions().withName(name)
                    .waitUntilCondition(Discovery::isEstablished, establishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (KubernetesClientTimeoutException e) {
            throw new TargetException(null, "CustomResourceDefinition " + name + " (kind " + kind + " in group "
                    + group + ") is not Established after " + establishTimeout + "; check its status conditions", e);
        }
        ApiResource type = typeOf(crd.get());
        synchronized (this) {
            Map<String, ApiResource> kinds = byGroup.get(group);
            if (kinds != null) {
                kinds.put(kind, type);
            }
        }
        return Optional.of(type);
    }

    private Optional<CustomResourceDefinition> findDefinition(String group, String kind) {
        try {
            return client.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
                    .filter(crd -> group.equals(crd.getSpec().getGroup())
                            && kind.equals(crd.getSpec().getNames().getKind()))
                    .findFirst();
        } catch (KubernetesClientException e) {
            LOG.debug("cannot list CustomResourceDefinitions (HTTP {})", e.getCode());
            return Optional.empty();
        }
    }

    /**
     * Tells whether a CRD's {@code Established} condition is {@code True}.
     *
     * @param crd the CRD, or {@code null} when it does not exist
     * @return {@code true} when established
     */
    static boolean isEstablished(CustomResourceDefinition crd) {
        return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static ApiResource typeOf(CustomResourceDefinition crd) {
        String version = crd.getSpec().getVersions().stream()
                .filter(v -> Boolean.TRUE.equals(v.getStorage()))
                .map(CustomResourceDefinitionVersion::getName)
                .findFirst()
                .orElse(crd.getSpec().getVersions().get(0).getName());
        return new ApiResource(crd.getSpec().getGroup(), version, crd.getSpec().getNames().getKind(),
                crd.getSpec().getNames().getPlural(), "Namespaced".equals(crd.getSpec().getScope()));
    }
}
