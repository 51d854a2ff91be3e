package io.gitops4j.metrics;

import io.gitops4j.reconcile.ReconcileResult.Outcome;
import java.util.Locale;

/** Tag keys and values shared by the meters: values are lower-case enum names, as Prometheus labels usually are. */
final class MeterTags {
    static final String APPLICATION = "application";
    static final String OUTCOME = "outcome";
    static final String STATUS = "status";
    static final String CORRECTED = "corrected";

    private MeterTags() {
    }

    static String outcome(Outcome outcome) {
        return value(outcome);
    }

    static String value(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
