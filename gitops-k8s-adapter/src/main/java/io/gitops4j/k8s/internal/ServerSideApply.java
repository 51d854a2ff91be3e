package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitops4j.kinds.BuiltinFields;
import io.gitops4j.kinds.BuiltinKinds;
import io.gitops4j.kinds.KindRole;
import io.gitops4j.model.CanonicalJson;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyOutcome;
import io.gitops4j.target.ApplyResult;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one resource with server-side apply under a field manager, optionally forcing conflicts or as a server
 * dry run, and tells whether it created, changed or left the object as it was.
 *
 * <p>When the object was observed (or written) through the same {@link LiveObjectCache} and this is not a dry run,
 * the apply is one request: the outcome follows from what was last seen and the server's answer — created when
 * the object was last found absent or now has another uid, unchanged when its resourceVersion did not move,
 * configured otherwise — as the engine's run observes every object right before applying it. Otherwise the object
 * is read first: no object means created, an unchanged resourceVersion means unchanged, and else the objects
 * before and after are compared without resourceVersion and managed-field timestamps (a dry run keeps the old
 * resourceVersion, and a server may write a no-op apply). Every real apply remembers the answer's uid and
 * resourceVersion. Thread-safe.
 */
public final class ServerSideApply {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSideApply.class);

    private final ResourceTypes types;
    private final String fieldManager;
    private final boolean alwaysForce;
    private final LiveObjectCache seen;
    private final ApplyPatch patch;
    private final JsonRequests requests;

    /**
     * Creates the applier.
     *
     * @param client the client
     * @param types resolves keys
     * @param fieldManager the field manager applies are made under
     * @param alwaysForce whether to force conflicts on every apply
     * @param seen what was last observed or written of each object, read to spare a GET and updated by each apply
     */
    public ServerSideApply(KubernetesClient client, ResourceTypes types, String fieldManager,
            boolean alwaysForce, LiveObjectCache seen) {
        this.types = requireNonNull(types, "types is null");
        this.fieldManager = requireNonNull(fieldManager, "fieldManager is null");
        this.alwaysForce = alwaysForce;
        this.seen = requireNonNull(seen, "seen is null");
        this.requests = new JsonRequests(requireNonNull(client, "client is null"));
        this.patch = new ApplyPatch(requests);
    }

    /**
     * Applies a resource.
     *
     * @param resource the desired resource
     * @param options dry run and force
     * @return the outcome and the object as the server holds it (or would, for a dry run), without managed fields
     * @throws io.gitops4j.TargetException on any failure; a {@link io.gitops4j.ConflictException}
     *     for a field-manager conflict
     */
    public ApplyResult apply(io.gitops4j.model.Resource resource, ApplyOptions options) {
        Address address = types.resolve(resource.key(), resource.provenance());
        io.gitops4j.model.Resource placed = resource.withNamespace(address.key().namespace());
        try {
            LiveObjectCache.Seen last = options.dryRun() ? LiveObjectCache.Seen.UNKNOWN : seen.seen(address.key());
            ObjectNode before = last.known() ? null
                    : requests.get(JsonRequests.objectPath(address, placed.version())).orElse(null);
            ObjectNode after = patch.apply(address, placed.version(), applied(placed), fieldManager,
                    options.force() || alwaysForce, options.dryRun(), options.validate());
            ApplyOutcome outcome = last.known() ? outcome(last, after) : outcome(before, after, options.dryRun());
            if (!options.dryRun()) {
                seen.written(address.key(), after);
            }
            if (BuiltinKinds.roleOf(address.key().group(), address.key().kind()) == KindRole.DEFINITION
                    && !options.dryRun()) {
                String group = after.path("spec").path("group").asText("");
                if (group.isEmpty()) {
                    types.discovery().invalidate();
                } else {
                    types.discovery().invalidate(group); // a CRD serves kinds of its own group only
                }
            }
            LOG.debug("applied {}: {}{}", address.key(), outcome, options.dryRun() ? " (dry run)" : "");
            return new ApplyResult(address.key(), outcome,
                    io.gitops4j.model.Resource.of(ObjectMapping.withoutManagedFields(after)));
        } catch (KubernetesClientException e) {
            throw ApiErrors.translate(e, address.key(), options.dryRun() ? "server-side apply (dry run)"
                    : "server-side apply");
        }
    }

    /**
     * Returns the body to apply: the desired object without the metadata only the server sets (a manifest exported
     * from a cluster carries them, and the server refuses or misreads them in an apply).
     */
    static JsonNode applied(io.gitops4j.model.Resource resource) {
        JsonNode metadata = resource.tree().get("metadata");
        boolean clean = true;
        for (String field : BuiltinFields.serverPopulatedMetadataFields()) {
            clean &= metadata == null || !metadata.has(field);
        }
        if (clean) {
            return resource.tree();
        }
        ObjectNode body = resource.body();
        ((ObjectNode) body.get("metadata")).remove(BuiltinFields.serverPopulatedMetadataFields());
        return body;
    }

    /** The outcome of a real apply relative to what was last seen of the object. */
    private static ApplyOutcome outcome(LiveObjectCache.Seen last, ObjectNode after) {
        JsonNode metadata = after.path("metadata");
        if (last.absent() || !Objects.equals(last.uid(), metadata.path("uid").textValue())) {
            return ApplyOutcome.CREATED;
        }
        return Objects.equals(last.resourceVersion(), metadata.path("resourceVersion").textValue())
                ? ApplyOutcome.UNCHANGED : ApplyOutcome.CONFIGURED;
    }

    private static ApplyOutcome outcome(ObjectNode before, ObjectNode after, boolean dryRun) {
        if (before == null) {
            return ApplyOutcome.CREATED;
        }
        if (!dryRun && Objects.equals(before.path("metadata").path("resourceVersion").textValue(),
                after.path("metadata").path("resourceVersion").textValue())) {
            return ApplyOutcome.UNCHANGED;
        }
        return comparable(before).equals(comparable(after.deepCopy())) ? ApplyOutcome.UNCHANGED
                : ApplyOutcome.CONFIGURED;
    }

    /**
     * Returns the object without what changes on every write even when nothing else does (resourceVersion, the
     * timestamps of managed-field entries), so a dry run, or a server that writes no-op applies, can be compared.
     */
    private static String comparable(ObjectNode tree) {
        ObjectNode metadata = (ObjectNode) tree.get("metadata");
        metadata.remove("resourceVersion");
        for (JsonNode entry : metadata.path("managedFields")) {
            ((ObjectNode) entry).remove("time");
        }
        return CanonicalJson.toString(tree);
    }
}
