package io.gitops4j.plan;

import io.gitops4j.PlanException;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.Resource;
import java.util.Optional;

/**
 * Reads the wave of a resource from its {@link WellKnownMetadata#WAVE} annotation, else Argo CD's
 * {@link WellKnownMetadata#ARGO_SYNC_WAVE}, else 0. Stateless.
 */
final class Waves {
    private static final String WAVE = WellKnownMetadata.WAVE;
    private static final String ARGO_SYNC_WAVE = WellKnownMetadata.ARGO_SYNC_WAVE;

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
