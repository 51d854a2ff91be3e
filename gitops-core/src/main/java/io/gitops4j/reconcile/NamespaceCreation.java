package io.gitops4j.reconcile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.diff.ChangeType;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.ApplyOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code CreateNamespace=true}: before the applies, creates each namespace that declared objects asking for it live
 * in, unless the desired state declares it, with the application's managed namespace metadata (labels and
 * annotations, applied again whenever the live namespace lacks them). Such a namespace is not owned: it is not in the
 * inventory and never pruned, as with Argo CD. Stateless.
 */
final class NamespaceCreation {
    private static final Logger LOG = LoggerFactory.getLogger(NamespaceCreation.class);

    private NamespaceCreation() {
    }

    /** Creates or updates the namespaces; returns one step per namespace written (or failed). */
    static List<StepResult> ensure(EngineContext context, DesiredState prepared, ReconcileOptions options) {
        Set<String> wanted = SyncPolicy.namespacesToCreate(prepared, options);
        wanted.removeIf(name -> prepared.get(key(name)).isPresent());
        if (wanted.isEmpty()) {
            return List.of();
        }
        SyncOptions sync = options.syncOptions();
        List<StepResult> steps = new ArrayList<>();
        LiveState live = context.target().observe(wanted.stream().map(NamespaceCreation::key).toList());
        for (String name : wanted) {
            ResourceKey key = key(name);
            Optional<LiveResource> existing = live.get(key);
            if (existing.isPresent() && carries(existing.get().object(), sync)) {
                continue;
            }
            ChangeType action = existing.isPresent() ? ChangeType.UPDATE : ChangeType.CREATE;
            Instant start = context.clock().instant();
            try {
                context.target().apply(namespace(name, sync), new ApplyOptions(options.dryRun(), false));
                String note = (existing.isPresent() ? "applied the managed namespace metadata" : "created")
                        + " (CreateNamespace=true)" + (options.dryRun() ? ", dry run" : "");
                LOG.info("namespace {}: {}", name, note);
                steps.add(new StepResult(key, action, StepResult.Status.APPLIED, note, since(context, start)));
            } catch (RuntimeException e) {
                String message = "cannot create the namespace (CreateNamespace=true): " + e.getMessage();
                LOG.warn("{}: {}", key, message);
                StepResult failed = new StepResult(key, action, StepResult.Status.FAILED, message,
                        since(context, start));
                steps.add(failed);
                context.listener().stepFailed(context.application(), failed);
            }
        }
        return steps;
    }

    private static boolean carries(Resource live, SyncOptions sync) {
        return contains(live.labels(), sync.managedNamespaceLabels())
                && contains(live.annotations(), sync.managedNamespaceAnnotations());
    }

    private static boolean contains(Map<String, String> live, Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(live.get(e.getKey())));
    }

    private static Resource namespace(String name, SyncOptions sync) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "v1");
        body.put("kind", "Namespace");
        ObjectNode metadata = body.putObject("metadata");
        metadata.put("name", name);
        if (!sync.managedNamespaceLabels().isEmpty()) {
            ObjectNode labels = metadata.putObject("labels");
            sync.managedNamespaceLabels().forEach(labels::put);
        }
        if (!sync.managedNamespaceAnnotations().isEmpty()) {
            ObjectNode annotations = metadata.putObject("annotations");
            sync.managedNamespaceAnnotations().forEach(annotations::put);
        }
        return Resource.of(body);
    }

    private static ResourceKey key(String name) {
        return new ResourceKey("", "Namespace", "", name);
    }

    private static Duration since(EngineContext context, Instant start) {
        return Duration.between(start, context.clock().instant());
    }
}
