package io.gitops4j.testkit.k8s.internal;

import io.gitops4j.kinds.BuiltinKinds;
import io.gitops4j.kinds.KindInfo;
import java.util.List;

/**
 * The built-in kinds the embedded API server serves from the start: every kind of {@link BuiltinKinds}, at its
 * preferred version.
 */
final class BuiltinTypes {

    private BuiltinTypes() {
    }

    /** Every built-in type, in discovery order. */
    static List<ResourceType> all() {
        return BuiltinKinds.all().stream().map(BuiltinTypes::type).toList();
    }

    private static ResourceType type(KindInfo info) {
        return new ResourceType(info.group(), info.versions().get(0), info.kind(), info.plural(), info.namespaced(),
                info.statusSubresource(), info.shortNames(), false);
    }
}
