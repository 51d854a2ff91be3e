package io.gitops4j.reconcile;

import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.target.PropagationPolicy;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sync options gitops4j understands, by their Argo CD names, each with how its value is read. Names and values
 * are compared in any case. Stateless.
 */
enum SyncOption {
    PRUNE("Prune", "true, false or confirm"),
    DELETE("Delete", "true or false"),
    REPLACE("Replace", "true or false"),
    FORCE("Force", "true or false"),
    CREATE_NAMESPACE("CreateNamespace", "true or false"),
    PRUNE_LAST("PruneLast", "true or false"),
    PRUNE_PROPAGATION_POLICY("PrunePropagationPolicy", "foreground, background or orphan"),
    APPLY_OUT_OF_SYNC_ONLY("ApplyOutOfSyncOnly", "true or false"),
    SKIP_DRY_RUN_ON_MISSING_RESOURCE("SkipDryRunOnMissingResource", "true or false"),
    FAIL_ON_SHARED_RESOURCE("FailOnSharedResource", "true or false"),
    VALIDATE("Validate", "true or false"),
    /** Argo CD's {@code ServerSideApply}: {@code true} is what gitops4j always does; {@code false} is not offered. */
    SERVER_SIDE_APPLY("ServerSideApply", "true (gitops4j always applies server-side; Replace=true replaces)"),
    /** Flux's {@code kustomize.toolkit.fluxcd.io/ssa: Merge}; no Argo CD name, so never parsed from a list. */
    SSA_MERGE(WellKnownMetadata.FLUX_SSA + "=" + WellKnownMetadata.FLUX_SSA_MERGE, "");

    private final String optionName;
    private final String expected;

    SyncOption(String optionName, String expected) {
        this.optionName = optionName;
        this.expected = expected;
    }

    /** The option's name as written in a sync-options list. */
    String optionName() {
        return optionName;
    }

    /** Finds an option by its name, in any case; the Flux-only one is never found. */
    static Optional<SyncOption> named(String name) {
        return Arrays.stream(values()).filter(o -> o != SSA_MERGE && o.optionName.equalsIgnoreCase(name.trim()))
                .findFirst();
    }

    /** The names a sync-options list may hold, for messages. */
    static String known() {
        return Arrays.stream(values()).filter(o -> o != SSA_MERGE).map(SyncOption::optionName)
                .collect(Collectors.joining(", "));
    }

    /** What values the option takes, for messages. */
    String expected() {
        return expected;
    }

    /** Reads a value: a {@link SyncOptions.PruneMode}, a {@link PropagationPolicy} or a {@link Boolean}. */
    Optional<Object> parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (this == PRUNE) {
            return v.equals("confirm") ? Optional.of(SyncOptions.PruneMode.CONFIRM)
                    : bool(v).map(b -> b ? SyncOptions.PruneMode.ENABLED : SyncOptions.PruneMode.DISABLED);
        }
        if (this == PRUNE_PROPAGATION_POLICY) {
            return Arrays.stream(PropagationPolicy.values()).filter(p -> p.name().toLowerCase(Locale.ROOT).equals(v))
                    .map(p -> (Object) p).findFirst();
        }
        return bool(v).map(b -> b);
    }

    /** Renders a value as a sync-options list holds it. */
    String render(Object value) {
        if (this == SSA_MERGE) {
            return Boolean.TRUE.equals(value) ? optionName
                    : WellKnownMetadata.FLUX_SSA + "=" + WellKnownMetadata.FLUX_SSA_OVERRIDE;
        }
        String text = value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(value);
        if (value == SyncOptions.PruneMode.ENABLED) {
            text = "true";
        } else if (value == SyncOptions.PruneMode.DISABLED) {
            text = "false";
        }
        return optionName + "=" + text;
    }

    private static Optional<Boolean> bool(String v) {
        if (v.equals("true")) {
            return Optional.of(Boolean.TRUE);
        }
        return v.equals("false") ? Optional.of(Boolean.FALSE) : Optional.empty();
    }
}
