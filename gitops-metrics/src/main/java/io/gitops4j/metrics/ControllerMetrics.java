package io.gitops4j.metrics;

import io.gitops4j.loop.ApplicationStatus;
import io.gitops4j.loop.ControllerListener;
import io.gitops4j.loop.Drift;
import io.gitops4j.model.Revision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;

/** The controller's events as meters: drift, source fetches and failures, sync and health gauges. Thread-safe. */
final class ControllerMetrics implements ControllerListener {
    private final MeterRegistry registry;
    private final ApplicationGauges gauges;

    ControllerMetrics(MeterRegistry registry, ApplicationGauges gauges) {
        this.registry = registry;
        this.gauges = gauges;
    }

    @Override
    public void driftDetected(String application, Revision revision, List<Drift> drift, boolean corrected) {
        Counter.builder(GitOpsMetrics.DRIFT_DETECTED).description("Runs that found drift from an applied revision")
                .tag(MeterTags.APPLICATION, application).tag(MeterTags.CORRECTED, Boolean.toString(corrected))
                .register(registry).increment();
    }

    @Override
    public void sourceFetched(String application, Duration duration, boolean succeeded) {
        Timer.builder(GitOpsMetrics.SOURCE_FETCH_DURATION).description("Fetches of a source's latest revision")
                .tag(MeterTags.APPLICATION, application).tag(MeterTags.OUTCOME, succeeded ? "success" : "failure")
                .register(registry).record(duration);
        if (!succeeded) {
            Counter.builder(GitOpsMetrics.SOURCE_FETCH_FAILURES).description("Failed fetches of a source")
                    .tag(MeterTags.APPLICATION, application).register(registry).increment();
        }
    }

    @Override
    public void sourceFailed(String application, String error) {
        Counter.builder(GitOpsMetrics.SOURCE_FAILURES).description("Runs that could not read the source")
                .tag(MeterTags.APPLICATION, application).register(registry).increment();
    }

    @Override
    public void statusUpdated(ApplicationStatus status) {
        gauges.update(status);
    }
}
