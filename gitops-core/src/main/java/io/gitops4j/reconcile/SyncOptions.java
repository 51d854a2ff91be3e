package io.gitops4j.reconcile;

import static java.util.Objects.requireNonNull;

import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.Resource;
import io.gitops4j.target.PropagationPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Sync options, as Argo CD names them, for one application ({@link ReconcileOptions.Builder#syncOptions}) or one
 * object (the comma-separated annotations {@code gitops4j.io/sync-options} and {@code argocd.argoproj.io/sync-options},
 * plus Flux's {@code kustomize.toolkit.fluxcd.io/ssa: Merge|Override} and {@code kustomize.toolkit.fluxcd.io/force:
 * enabled}). An object's options override its application's, option by option.
 *
 * <ul>
 *   <li>{@code Prune=false}: never deleted by prune (released from the inventory); {@code Prune=confirm}: deleted
 *       only by a run with {@link ReconcileOptions#confirmPrune()}, skipped (and still owned) until then;</li>
 *   <li>{@code Delete=false}: kept (released, not deleted) when the application's resources are deleted, that is
 *       when a run reconciles an empty desired state with {@link ReconcileOptions#allowEmpty()};</li>
 *   <li>{@code Replace=true}: stored whole (Kubernetes {@code PUT}) instead of server-side applied;</li>
 *   <li>{@code Force=true}: deleted and created again when the target refuses a change of an immutable field;</li>
 *   <li>{@code CreateNamespace=true}: the object's namespace is created when missing, with the
 *       {@linkplain Builder#managedNamespaceMetadata managed namespace metadata};</li>
 *   <li>{@code PruneLast=true}: deleted after every other deletion of the run;</li>
 *   <li>{@code PrunePropagationPolicy=foreground|background|orphan}: how its dependents go when it is pruned
 *       (background by default);</li>
 *   <li>{@code ApplyOutOfSyncOnly=true}: applied only when out of sync, the default; {@code false} re-applies it
 *       every run;</li>
 *   <li>{@code SkipDryRunOnMissingResource=true}: in a dry run, an object whose kind the target does not serve yet
 *       is skipped instead of failing;</li>
 *   <li>{@code FailOnSharedResource=true}: an object another application tracks fails the apply even when the
 *       desired object carries {@code gitops4j.io/adopt: "true"};</li>
 *   <li>{@code Validate=false}: the target does not validate the fields (unknown fields are dropped);</li>
 *   <li>Flux {@code ssa: Merge}: fields other managers own keep their values (see
 *       {@link io.gitops4j.target.ApplyOptions#merge()}).</li>
 * </ul>
 * Argo CD's {@code ServerSideApply=true} is accepted and changes nothing: gitops4j always applies server-side.
 * An unknown option, or a known one with a value it does not take, is ignored with a {@linkplain #warnings() warning}
 * naming it. Immutable and thread-safe.
 */
public final class SyncOptions {
    private static final SyncOptions NONE = builder().build();

    /** What prune may do with an object that is no longer declared. */
    public enum PruneMode {
        /** Deleted (the default). */
        ENABLED,
        /** Never deleted; released from the inventory. */
        DISABLED,
        /** Deleted only by a run that confirms prunes; skipped until then. */
        CONFIRM
    }

    private final Map<SyncOption, Object> values;
    private final Map<String, String> namespaceLabels;
    private final Map<String, String> namespaceAnnotations;
    private final List<String> warnings;

    private SyncOptions(Map<SyncOption, Object> values, Map<String, String> labels, Map<String, String> annotations,
            List<String> warnings) {
        EnumMap<SyncOption, Object> copy = new EnumMap<>(SyncOption.class);
        copy.putAll(values);
        this.values = Collections.unmodifiableMap(copy);
        this.namespaceLabels = Collections.unmodifiableMap(new TreeMap<>(labels));
        this.namespaceAnnotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Returns options that set nothing: every option at its default.
     *
     * @return the empty options
     */
    public static SyncOptions none() {
        return NONE;
    }

    /**
     * Returns a builder that sets nothing yet.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses a comma-separated list such as {@code "Prune=confirm,Replace=true"}.
     *
     * @param list the options; blank entries are skipped
     * @return the options, with a warning for each entry not understood
     */
    public static SyncOptions parse(String list) {
        return builder().parse(list, "the sync options").build();
    }

    /**
     * Reads an object's sync options from its annotations: {@value WellKnownMetadata#ARGO_SYNC_OPTIONS}, then
     * {@value WellKnownMetadata#SYNC_OPTIONS} (which wins for an option both set), then Flux's
     * {@value WellKnownMetadata#FLUX_SSA} ({@code Merge} or {@code Override}) and
     * {@value WellKnownMetadata#FLUX_FORCE} ({@code enabled} or {@code disabled}).
     *
     * @param object the desired or live object
     * @return its options, with a warning (naming the object) for each entry not understood
     */
    public static SyncOptions of(Resource object) {
        Map<String, String> annotations = object.annotations();
        Builder builder = builder();
        for (String annotation : List.of(WellKnownMetadata.ARGO_SYNC_OPTIONS, WellKnownMetadata.SYNC_OPTIONS)) {
            String list = annotations.get(annotation);
            if (list != null) {
                builder.parse(list, object.key() + ": annotation " + annotation);
            }
        }
        String ssa = annotations.getOrDefault(WellKnownMetadata.FLUX_SSA, "").trim();
        if (ssa.equalsIgnoreCase(WellKnownMetadata.FLUX_SSA_MERGE)) {
            builder.ssaMerge(true);
        } else if (ssa.equalsIgnoreCase(WellKnownMetadata.FLUX_SSA_OVERRIDE)) {
            builder.ssaMerge(false);
        }
        String force = annotations.getOrDefault(WellKnownMetadata.FLUX_FORCE, "").trim();
        if (force.equalsIgnoreCase(WellKnownMetadata.FLUX_ENABLED)) {
            builder.force(true);
        } else if (force.equalsIgnoreCase(WellKnownMetadata.FLUX_DISABLED)) {
            builder.force(false);
        } else if (!force.isEmpty()) {
            builder.warnings.add(object.key() + ": annotation " + WellKnownMetadata.FLUX_FORCE + " has the value \""
                    + force + "\"; expected enabled or disabled, so it is ignored");
        }
        return builder.build();
    }

    /**
     * Returns these options with every option {@code override} sets taking its value (an object's options over
     * its application's); the managed namespace metadata and the warnings of both are kept.
     *
     * @param override the options that win
     * @return the combined options
     */
    public SyncOptions overriddenBy(SyncOptions override) {
        requireNonNull(override, "override is null");
        if (override.values.isEmpty() && override.warnings.isEmpty()) {
            return this;
        }
        Map<SyncOption, Object> merged = new EnumMap<>(SyncOption.class);
        merged.putAll(values);
        merged.putAll(override.values);
        Map<String, String> labels = new TreeMap<>(namespaceLabels);
        labels.putAll(override.namespaceLabels);
        Map<String, String> annotations = new TreeMap<>(namespaceAnnotations);
        annotations.putAll(override.namespaceAnnotations);
        List<String> allWarnings = new ArrayList<>(warnings);
        allWarnings.addAll(override.warnings);
        return new SyncOptions(merged, labels, annotations, allWarnings);
    }

    /**
     * Returns what prune may do ({@code Prune}).
     *
     * @return {@link PruneMode#ENABLED} unless set
     */
    public PruneMode prune() {
        return (PruneMode) values.getOrDefault(SyncOption.PRUNE, PruneMode.ENABLED);
    }

    /**
     * Tells whether the object is deleted with the application's resources ({@code Delete}).
     *
     * @return {@code true} unless {@code Delete=false}
     */
    public boolean delete() {
        return flag(SyncOption.DELETE, true);
    }

    /**
     * Tells whether the object is replaced whole instead of applied ({@code Replace}).
     *
     * @return {@code false} unless {@code Replace=true}
     */
    public boolean replace() {
        return flag(SyncOption.REPLACE, false);
    }

    /**
     * Tells whether the object is deleted and recreated when a field is immutable ({@code Force}, or Flux's force
     * annotation).
     *
     * @return {@code false} unless {@code Force=true}
     */
    public boolean force() {
        return flag(SyncOption.FORCE, false);
    }

    /**
     * Tells whether the object's namespace is created when missing ({@code CreateNamespace}).
     *
     * @return {@code false} unless {@code CreateNamespace=true}
     */
    public boolean createNamespace() {
        return flag(SyncOption.CREATE_NAMESPACE, false);
    }

    /**
     * Tells whether the object is deleted after every other deletion of a run ({@code PruneLast}).
     *
     * @return {@code false} unless {@code PruneLast=true}
     */
    public boolean pruneLast() {
        return flag(SyncOption.PRUNE_LAST, false);
    }

    /**
     * Returns how the object's dependents go when it is pruned ({@code PrunePropagationPolicy}).
     *
     * @return {@link PropagationPolicy#BACKGROUND} unless set
     */
    public PropagationPolicy prunePropagationPolicy() {
        return (PropagationPolicy) values.getOrDefault(SyncOption.PRUNE_PROPAGATION_POLICY,
                PropagationPolicy.BACKGROUND);
    }

    /**
     * Tells whether the object is applied only when out of sync ({@code ApplyOutOfSyncOnly}).
     *
     * @return {@code true} unless {@code ApplyOutOfSyncOnly=false}
     */
    public boolean applyOutOfSyncOnly() {
        return flag(SyncOption.APPLY_OUT_OF_SYNC_ONLY, true);
    }

    /**
     * Tells whether a dry run skips the object when its kind is not served yet
     * ({@code SkipDryRunOnMissingResource}).
     *
     * @return {@code false} unless {@code SkipDryRunOnMissingResource=true}
     */
    public boolean skipDryRunOnMissingResource() {
        return flag(SyncOption.SKIP_DRY_RUN_ON_MISSING_RESOURCE, false);
    }

    /**
     * Tells whether an object another application tracks fails the apply even when adopted
     * ({@code FailOnSharedResource}).
     *
     * @return {@code false} unless {@code FailOnSharedResource=true}
     */
    public boolean failOnSharedResource() {
        return flag(SyncOption.FAIL_ON_SHARED_RESOURCE, false);
    }

    /**
     * Tells whether the target validates the object's fields ({@code Validate}).
     *
     * @return {@code true} unless {@code Validate=false}
     */
    public boolean validate() {
        return flag(SyncOption.VALIDATE, true);
    }

    /**
     * Tells whether fields other managers own keep their values (Flux {@code ssa: Merge}).
     *
     * @return {@code false} unless merging
     */
    public boolean ssaMerge() {
        return flag(SyncOption.SSA_MERGE, false);
    }

    /**
     * Returns the labels a namespace created by {@code CreateNamespace=true} gets (and keeps getting).
     *
     * @return an unmodifiable sorted map, empty by default
     */
    public Map<String, String> managedNamespaceLabels() {
        return namespaceLabels;
    }

    /**
     * Returns the annotations a namespace created by {@code CreateNamespace=true} gets (and keeps getting).
     *
     * @return an unmodifiable sorted map, empty by default
     */
    public Map<String, String> managedNamespaceAnnotations() {
        return namespaceAnnotations;
    }

    /**
     * Returns one message per option that was not understood (an unknown name, or a value the option does not
     * take), naming it and where it was read; such options are ignored.
     *
     * @return the warnings, empty when every option was understood
     */
    public List<String> warnings() {
        return warnings;
    }

    private boolean flag(SyncOption option, boolean defaultValue) {
        return (Boolean) values.getOrDefault(option, defaultValue);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SyncOptions that && values.equals(that.values)
                && namespaceLabels.equals(that.namespaceLabels)
                && namespaceAnnotations.equals(that.namespaceAnnotations) && warnings.equals(that.warnings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, namespaceLabels, namespaceAnnotations, warnings);
    }

    /** Renders the options set, as a sync-options list: {@code Prune=confirm,Replace=true}. */
    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey().render(e.getValue())).collect(Collectors.joining(","));
    }

    /** Configures {@link SyncOptions}; an option not set keeps its default. Not thread-safe. */
    public static final class Builder {
        private final Map<SyncOption, Object> values = new EnumMap<>(SyncOption.class);
        private final Map<String, String> labels = new TreeMap<>();
        private final Map<String, String> annotations = new TreeMap<>();
        private final List<String> warnings = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds the options of a comma-separated list such as {@code "Prune=confirm,Replace=true"}; an entry not
         * understood becomes a warning and is ignored.
         *
         * @param list the options
         * @return this builder
         */
        public Builder parse(String list) {
            return parse(list, "the sync options");
        }

        private Builder parse(String list, String where) {
            requireNonNull(list, "list is null");
            for (String entry : list.split(",")) {
                String trimmed = entry.trim();
                if (!trimmed.isEmpty()) {
                    parseOne(trimmed, where);
                }
            }
            return this;
        }

        private void parseOne(String entry, String where) {
            int equals = entry.indexOf('=');
            Optional<SyncOption> option = SyncOption.named(equals < 0 ? entry : entry.substring(0, equals));
            if (option.isEmpty()) {
                warnings.add(where + ": unknown sync option \"" + entry + "\" is ignored (known: "
                        + SyncOption.known() + ")");
                return;
            }
            Optional<Object> value = equals < 0 ? Optional.empty() : option.get().parse(entry.substring(equals + 1));
            if (value.isEmpty()) {
                warnings.add(where + ": sync option \"" + entry + "\" is ignored: " + option.get().optionName()
                        + " takes " + option.get().expected());
                return;
            }
            if (option.get() == SyncOption.SERVER_SIDE_APPLY) {
                if (Boolean.FALSE.equals(value.get())) {
                    warnings.add(where + ": sync option \"" + entry + "\" is ignored: gitops4j always applies "
                            + "server-side; use Replace=true to replace the object instead");
                }
                return;
            }
            values.put(option.get(), value.get());
        }

        /**
         * Sets {@code Prune}.
         *
         * @param value what prune may do
         * @return this builder
         */
        public Builder prune(PruneMode value) {
            values.put(SyncOption.PRUNE, requireNonNull(value, "value is null"));
            return this;
        }

        /**
         * Sets {@code Delete}.
         *
         * @param value whether the object is deleted with the application's resources
         * @return this builder
         */
        public Builder delete(boolean value) {
            values.put(SyncOption.DELETE, value);
            return this;
        }

        /**
         * Sets {@code Replace}.
         *
         * @param value whether to replace instead of apply
         * @return this builder
         */
        public Builder replace(boolean value) {
            values.put(SyncOption.REPLACE, value);
            return this;
        }

        /**
         * Sets {@code Force}.
         *
         * @param value whether to delete and recreate when a field is immutable
         * @return this builder
         */
        public Builder force(boolean value) {
            values.put(SyncOption.FORCE, value);
            return this;
        }

        /**
         * Sets {@code CreateNamespace}.
         *
         * @param value whether missing namespaces are created
         * @return this builder
         */
        public Builder createNamespace(boolean value) {
            values.put(SyncOption.CREATE_NAMESPACE, value);
            return this;
        }

        /**
         * Sets {@code PruneLast}.
         *
         * @param value whether to delete after every other deletion
         * @return this builder
         */
        public Builder pruneLast(boolean value) {
            values.put(SyncOption.PRUNE_LAST, value);
            return this;
        }

        /**
         * Sets {@code PrunePropagationPolicy}.
         *
         * @param value what happens to dependents of a pruned object
         * @return this builder
         */
        public Builder prunePropagationPolicy(PropagationPolicy value) {
            values.put(SyncOption.PRUNE_PROPAGATION_POLICY, requireNonNull(value, "value is null"));
            return this;
        }

        /**
         * Sets {@code ApplyOutOfSyncOnly}.
         *
         * @param value whether in-sync objects are left alone (the default)
         * @return this builder
         */
        public Builder applyOutOfSyncOnly(boolean value) {
            values.put(SyncOption.APPLY_OUT_OF_SYNC_ONLY, value);
            return this;
        }

        /**
         * Sets {@code SkipDryRunOnMissingResource}.
         *
         * @param value whether a dry run skips objects of kinds not served yet
         * @return this builder
         */
        public Builder skipDryRunOnMissingResource(boolean value) {
            values.put(SyncOption.SKIP_DRY_RUN_ON_MISSING_RESOURCE, value);
            return this;
        }

        /**
         * Sets {@code FailOnSharedResource}.
         *
         * @param value whether objects another application tracks always fail the apply
         * @return this builder
         */
        public Builder failOnSharedResource(boolean value) {
            values.put(SyncOption.FAIL_ON_SHARED_RESOURCE, value);
            return this;
        }

        /**
         * Sets {@code Validate}.
         *
         * @param value whether the target validates the fields
         * @return this builder
         */
        public Builder validate(boolean value) {
            values.put(SyncOption.VALIDATE, value);
            return this;
        }

        /**
         * Sets Flux's {@code ssa: Merge} ({@code true}) or {@code ssa: Override} ({@code false}, the default).
         *
         * @param value whether fields other managers own keep their values
         * @return this builder
         */
        public Builder ssaMerge(boolean value) {
            values.put(SyncOption.SSA_MERGE, value);
            return this;
        }

        /**
         * Sets the labels and annotations that namespaces created by {@code CreateNamespace=true} get, like Argo
         * CD's {@code managedNamespaceMetadata}; they are applied again whenever the live namespace lacks them.
         *
         * @param namespaceLabels the labels
         * @param namespaceAnnotations the annotations
         * @return this builder
         */
        public Builder managedNamespaceMetadata(Map<String, String> namespaceLabels,
                Map<String, String> namespaceAnnotations) {
            labels.clear();
            labels.putAll(requireNonNull(namespaceLabels, "namespaceLabels is null"));
            annotations.clear();
            annotations.putAll(requireNonNull(namespaceAnnotations, "namespaceAnnotations is null"));
            return this;
        }

        /**
         * Builds the options.
         *
         * @return immutable options
         */
        public SyncOptions build() {
            return new SyncOptions(values, labels, annotations, warnings);
        }
    }
}
