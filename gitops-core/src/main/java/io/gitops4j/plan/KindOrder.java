package io.gitops4j.plan;

import io.gitops4j.kinds.BuiltinKinds;
import io.gitops4j.kinds.KindRole;
import io.gitops4j.model.ResourceKey;

/**
 * The apply priority of kinds within one wave, lowest first, as {@link BuiltinKinds} ranks them: Namespace;
 * CustomResourceDefinition; ServiceAccount and RBAC; ConfigMap, Secret and storage; Service; workloads; everything
 * else (custom resources, Ingresses, autoscalers). Stateless.
 */
final class KindOrder {

    private KindOrder() {
    }

    static int rank(ResourceKey key) {
        return BuiltinKinds.applyOrder(key.group(), key.kind());
    }

    /**
     * Returns how late a deletion must come regardless of wave: 0 for ordinary objects, 1 for CRDs (after their
     * custom resources), 2 for Namespaces (after everything inside them).
     */
    static int containerTier(ResourceKey key) {
        KindRole role = BuiltinKinds.roleOf(key.group(), key.kind());
        if (role == KindRole.NAMESPACE) {
            return 2;
        }
        return role == KindRole.DEFINITION ? 1 : 0;
    }
}
