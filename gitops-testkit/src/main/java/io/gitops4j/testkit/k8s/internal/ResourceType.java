package io.gitops4j.testkit.k8s.internal;

import static java.util.Objects.requireNonNull;

import io.gitops4j.kinds.BuiltinKinds;
import io.gitops4j.kinds.KindRole;
import java.util.List;
import java.util.Locale;

/**
 * One served kind at one group/version: its names, scope and whether it has a {@code status} subresource.
 *
 * @param group API group, "" for the core group
 * @param version API version within the group
 * @param kind kind, e.g. {@code Deployment}
 * @param plural resource name used in paths, e.g. {@code deployments}
 * @param namespaced whether objects live in a namespace
 * @param statusSubresource whether {@code status} is a separate subresource
 * @param shortNames short names for kubectl
 * @param custom whether the type was defined by a CustomResourceDefinition
 */
public record ResourceType(String group, String version, String kind, String plural, boolean namespaced,
        boolean statusSubresource, List<String> shortNames, boolean custom) {

    /** Verbs every served resource supports. */
    public static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list",
            "patch", "update", "watch");

    /** Validates and copies. */
    public ResourceType {
        requireNonNull(group, "group is null");
        requireNonNull(version, "version is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(plural, "plural is null");
        shortNames = List.copyOf(shortNames);
    }

    /** {@code group/version}, or just the version for the core group. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The lower-case singular name. */
    public String singular() {
        return kind.toLowerCase(Locale.ROOT);
    }

    /** The identity of the stored objects across versions: group and plural. */
    public String storageKey() {
        return group + "/" + plural;
    }

    /** Whether this is the {@code Namespace} kind. */
    public boolean isNamespace() {
        return !custom && BuiltinKinds.roleOf(group, kind) == KindRole.NAMESPACE;
    }

    /** Whether this is the {@code CustomResourceDefinition} kind. */
    public boolean isCustomResourceDefinition() {
        return !custom && BuiltinKinds.roleOf(group, kind) == KindRole.DEFINITION;
    }
}
