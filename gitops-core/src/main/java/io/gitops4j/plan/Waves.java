package io.gitops4j.plan;

import io.gitops4j.model.Resource;
import java.util.Optional;

/** Reads the wave of a resource from its annotations. Stateless. */
final class Waves {
    /** The gitops4j wave annotation; it wins over Argo CD's when both are set. */
    static final String WAVE = "gitops4j.io/wave";
    /** Argo CD's sync-wave annotation, honoured for users coming from Argo CD. */
    static final String ARGO_SYNC_WAVE = "argocd.argoproj.io/sync-wave";

    private Waves() {
    }

    static int of(Resource resource) {
        Optional<String> own = resource.annotation(WAVE);
        if (own.isPresent()) {
            return parse(resource, WAVE, own.get());
        }
        return resource.annotation(ARGO_SYNC_WAVE).map(value -> parse(resource, ARGO_SYNC_WAVE, value)).orElse(0);
    }

    private static int parse(Resource resource, String annotation, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            String where = resource.provenance().isKnown() ? " (declared in " + resource.provenance() + ")" : "";
            throw new PlanException(resource.key(), "invalid wave annotation " + annotation + "='" + value + "'"
                    + where + "; a wave is an integer such as \"0\", \"5\" or \"-1\"");
        }
    }
}
