package io.gitops4j.diff;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The default {@link StateDiffer}: a three-way, Kubernetes-aware comparison of declared fields.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Declared fields only.</b> A field counts when desired declares it. Fields only the server or other
 *       managers set (defaults, {@code status}, extra annotations) are not drift. A desired field missing live is
 *       an {@code ADD}; a different value is a {@code REPLACE}. A desired {@code null}, empty map or empty list
 *       equals an absent live field (the API server drops those); so does a desired {@code ""}, {@code false} or
 *       {@code 0}, which Kubernetes omits for {@code omitempty} fields ({@code readOnly: false},
 *       {@code value: ""}), except as an entry of {@code labels}, {@code annotations}, {@code data},
 *       {@code binaryData}, {@code stringData}, {@code nodeSelector}, {@code matchLabels} or {@code selector},
 *       which keep empty values. A desired {@code null} against a live value is a {@code REMOVE}.</li>
 *   <li><b>Three-way removals.</b> A field that {@link LiveResource#lastApplied()} declares, desired no longer
 *       declares and live still has is a {@code REMOVE} (of each last-applied leaf live still has, so fields of
 *       other managers under it are left alone).</li>
 *   <li><b>Server fields.</b> {@code status}, {@code metadata.uid}, {@code resourceVersion}, {@code generation},
 *       {@code creationTimestamp}, {@code managedFields}, {@code selfLink}, {@code deletionTimestamp},
 *       {@code deletionGracePeriodSeconds} and the annotations
 *       {@code kubectl.kubernetes.io/last-applied-configuration} and {@code deployment.kubernetes.io/revision}
 *       never differ.</li>
 *   <li><b>Values.</b> Numbers compare by value ({@code 1 == 1.0}); a string never equals a number
 *       ({@code "1" != 1}). Resource quantities ({@code resources.limits/requests}, ResourceQuota
 *       {@code spec.hard}, {@code spec.overhead}, LimitRange limits, {@code sizeLimit}) compare by quantity:
 *       {@code "1000m" == "1"}, {@code "1Gi" == "1024Mi"}, {@code 0.5 == "500m"}.</li>
 *   <li><b>Lists with a merge key</b> match items by key and compare matched items by the same declared-fields
 *       rule: {@code containers}, {@code initContainers}, {@code ephemeralContainers}, {@code volumes},
 *       {@code env}, {@code imagePullSecrets}, {@code resourceClaims}, {@code schedulingGates} by {@code name};
 *       {@code volumeMounts} by {@code mountPath}; {@code volumeDevices} by {@code devicePath}; {@code ports} by
 *       {@code containerPort}+{@code protocol} (container ports) or {@code port}+{@code protocol} (service
 *       ports), protocol defaulting to {@code TCP}; {@code hostAliases} by {@code ip};
 *       {@code topologySpreadConstraints} by {@code topologyKey}+{@code whenUnsatisfiable};
 *       {@code readinessGates} by {@code conditionType}; {@code conditions} by {@code type} (as
 *       {@link io.gitops4j.kinds.BuiltinFields#listKeys(String)} lists them); extra keys from
 *       {@link Builder#listMergeKey}; and any
 *       other list whose desired items all have a {@code name}, unique among them. Which key applies is decided by
 *       desired; live items without the key match nothing. A desired item missing live is an
 *       {@code ADD} at its desired index; a live item that last-applied declared and desired no longer does is
 *       a {@code REMOVE} at its live index; other live items are left alone. Paths inside a matched item use
 *       the desired index.</li>
 *   <li><b>Lists without a key</b> ({@code tolerations}, {@code envFrom}, {@code args}, {@code command}, lists of
 *       scalars, anything else) compare by index when both sides have the same length (objects by the declared
 *       fields rule, scalars exactly); a length difference is one {@code REPLACE} of the whole list.</li>
 *   <li><b>Secrets.</b> A core {@code Secret}'s desired {@code stringData} is folded into {@code data} (base64)
 *       before comparing, as the API server does, so it never shows as drift. Every change under {@code /data}
 *       or {@code /stringData} of a core {@code Secret}, and under paths marked with
 *       {@link Builder#sensitive}, keeps its path but carries {@link FieldChange#REDACTED} values.</li>
 *   <li><b>Ignore rules</b> ({@link IgnoreRule}): ignored paths and everything under them produce no change.</li>
 *   <li><b>Results.</b> Not live: {@code CREATE} with no field changes. Not desired: {@code DELETE}. Otherwise
 *       {@code UPDATE} with the changes sorted by path (list indices numerically), or {@code NONE}.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe: build one and share it. The diff of one resource depends only on the desired,
 * live and last-applied trees and this differ's configuration, so a cache keyed by their digests may wrap it.
 */
public final class DefaultStateDiffer implements StateDiffer {
    private static final PathPattern[] NONE = new PathPattern[0];
    private static final List<IgnoreRule> SECRET_DATA = List.of(IgnoreRule.of("", "Secret", "/data", "/stringData"));
    private static final DefaultStateDiffer DEFAULTS = builder().build();

    private final List<IgnoreRule> ignoreRules;
    private final List<IgnoreRule> sensitiveRules;
    private final ListKeys listKeys;

    private DefaultStateDiffer(Builder builder) {
        this.ignoreRules = List.copyOf(builder.ignoreRules);
        List<IgnoreRule> sensitive = new ArrayList<>(SECRET_DATA);
        sensitive.addAll(builder.sensitiveRules);
        this.sensitiveRules = List.copyOf(sensitive);
        this.listKeys = ListKeys.kubernetes(builder.listKeys);
    }

    /**
     * Returns the differ with the default rules: no ignore rules, Secret data sensitive, built-in merge keys.
     *
     * @return the shared default differ
     */
    public static DefaultStateDiffer defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder with the defaults set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public StateDiff diff(DesiredState desired, LiveState live) {
        requireNonNull(desired, "desired is null");
        requireNonNull(live, "live is null");
        List<ResourceDiff> diffs = new ArrayList<>(desired.size() + 8);
        for (Map.Entry<ResourceKey, Resource> entry : desired.resources().entrySet()) {
            diffs.add(diff(entry.getKey(), entry.getValue(), live.resources().get(entry.getKey())));
        }
        for (Map.Entry<ResourceKey, LiveResource> entry : live.resources().entrySet()) {
            if (!desired.resources().containsKey(entry.getKey())) {
                diffs.add(ResourceDiff.delete(entry.getValue()));
            }
        }
        return StateDiff.of(diffs);
    }

    @Override
    public ResourceDiff diff(ResourceKey key, Resource desired, LiveResource live) {
        requireNonNull(key, "key is null");
        if (desired == null && live == null) {
            throw new IllegalArgumentException("nothing to diff for " + key + ": neither desired nor live");
        }
        checkKey(key, desired == null ? null : desired.key(), "desired");
        checkKey(key, live == null ? null : live.key(), "live");
        if (desired == null) {
            return ResourceDiff.delete(live);
        }
        if (live == null) {
            return ResourceDiff.create(desired, List.of());
        }
        List<FieldChange> changes = compare(key, desired, live);
        return changes.isEmpty() ? ResourceDiff.none(desired, live) : ResourceDiff.update(desired, live, changes);
    }

    private static void checkKey(ResourceKey key, ResourceKey actual, String side) {
        if (actual != null && !actual.equals(key)) {
            throw new IllegalArgumentException("the " + side + " object is " + actual + ", not " + key
                    + ": pass the key of the objects being compared");
        }
    }

    private List<FieldChange> compare(ResourceKey key, Resource desired, LiveResource live) {
        JsonNode desiredTree = desired.tree();
        JsonNode liveTree = live.object().tree();
        if (Trees.equal(desiredTree, liveTree)) {
            return List.of();
        }
        Resource lastApplied = live.lastApplied().orElse(null);
        JsonNode lastAppliedTree = lastApplied == null ? null : lastApplied.tree();
        if (SecretData.isSecret(key)) {
            desiredTree = SecretData.fold(desiredTree);
            liveTree = SecretData.fold(liveTree);
            lastAppliedTree = lastAppliedTree == null ? null : SecretData.fold(lastAppliedTree);
        }
        Comparison comparison = new Comparison(patterns(ignoreRules, key), patterns(sensitiveRules, key), listKeys);
        return comparison.run(desiredTree, liveTree, lastAppliedTree);
    }

    private static PathPattern[] patterns(List<IgnoreRule> rules, ResourceKey key) {
        List<PathPattern> selected = null;
        for (IgnoreRule rule : rules) {
            if (rule.matches(key)) {
                if (selected == null) {
                    selected = new ArrayList<>();
                }
                selected.addAll(rule.patterns());
            }
        }
        return selected == null ? NONE : selected.toArray(NONE);
    }

    /**
     * Returns the ignore rules this differ applies.
     *
     * @return an unmodifiable list, in the order added
     */
    public List<IgnoreRule> ignoreRules() {
        return ignoreRules;
    }

    @Override
    public String toString() {
        return "DefaultStateDiffer{ignoreRules=" + ignoreRules.size() + ", sensitiveRules=" + sensitiveRules.size()
                + "}";
    }

    /** Builds a {@link DefaultStateDiffer}. Not thread-safe; the built differ is. */
    public static final class Builder {
        private final List<IgnoreRule> ignoreRules = new ArrayList<>();
        private final List<IgnoreRule> sensitiveRules = new ArrayList<>();
        private final Map<String, ListKey> listKeys = new HashMap<>();

        private Builder() {
        }

        /**
         * Adds rules for fields that must never produce a change.
         *
         * @param rules the rules
         * @return this builder
         */
        public Builder ignore(IgnoreRule... rules) {
            return ignore(List.of(rules));
        }

        /**
         * Adds rules for fields that must never produce a change.
         *
         * @param rules the rules
         * @return this builder
         */
        public Builder ignore(Collection<IgnoreRule> rules) {
            for (IgnoreRule rule : rules) {
                ignoreRules.add(requireNonNull(rule, "rule is null"));
            }
            return this;
        }

        /**
         * Marks paths of a kind sensitive: changes at, under or above them carry {@link FieldChange#REDACTED}
         * values. The data of core {@code Secret}s is always sensitive.
         *
         * @param group the API group glob, {@code ""} for core
         * @param kind the kind glob
         * @param jsonPointers the sensitive fields; a {@code *} segment matches any key or index
         * @return this builder
         * @throws IllegalArgumentException when a pointer is not a JSON Pointer
         */
        public Builder sensitive(String group, String kind, String... jsonPointers) {
            sensitiveRules.add(IgnoreRule.of(group, kind, jsonPointers));
            return this;
        }

        /**
         * Declares the merge key of lists with a field name, e.g. of a custom resource; it wins over the built-in
         * key of that name.
         *
         * @param listField the list's field name, e.g. {@code listeners}
         * @param keyFields the fields identifying an item, e.g. {@code name}
         * @return this builder
         * @throws IllegalArgumentException when no key field is given
         */
        public Builder listMergeKey(String listField, String... keyFields) {
            requireNonNull(listField, "listField is null");
            if (keyFields.length == 0) {
                throw new IllegalArgumentException("a merge key of '" + listField + "' needs at least one field");
            }
            listKeys.put(listField, ListKey.of(keyFields));
            return this;
        }

        /**
         * Builds the differ.
         *
         * @return an immutable, thread-safe differ
         */
        public DefaultStateDiffer build() {
            return new DefaultStateDiffer(this);
        }
    }
}
