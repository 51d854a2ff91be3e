package io.gitops4j.samples.cli;

import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileListener;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.source.DesiredStateSource;
import java.time.Duration;

/** A command's opened source, target and engine for one application; {@link #close()} releases them. */
final class Session implements AutoCloseable {
    private final String application;
    private final DesiredStateSource source;
    private final OpenTarget target;
    private final GitOpsEngine engine;

    private Session(String application, DesiredStateSource source, OpenTarget target, ReconcileListener listener) {
        this.application = application;
        this.source = source;
        this.target = target;
        this.engine = GitOpsEngine.builder().application(application).source(source).target(target.target())
                .differ(DefaultStateDiffer.defaults()).listener(listener)
                .healthPollInterval(Duration.ofMillis(250)).build();
    }

    /**
     * Opens the source, then the target. With {@code preload} (for a command whose run starts by loading the latest
     * state) the source starts loading on a thread of its own while the target opens, and the target is warmed up
     * (its discovery read) while the engine waits for that load.
     */
    static Session open(ApplicationOptions app, SourceOptions sourceOptions, TargetOptions targetOptions,
            CliEnvironment environment, ReconcileListener listener, boolean preload) {
        DesiredStateSource opened = sourceOptions.open();
        DesiredStateSource source = preload ? PreloadedSource.start(opened) : opened;
        try {
            OpenTarget target = targetOptions.open(environment);
            if (preload) {
                target.warmUp();
            }
            return new Session(app.application, source, target, listener);
        } catch (RuntimeException e) {
            closeQuietly(source);
            throw e;
        }
    }

    String application() {
        return application;
    }

    DesiredStateSource source() {
        return source;
    }

    OpenTarget target() {
        return target;
    }

    GitOpsEngine engine() {
        return engine;
    }

    PlanPreview preview(ReconcileOptions options) {
        return PlanPreview.of(engine, options);
    }

    @Override
    public void close() {
        target.close();
        closeQuietly(source);
    }

    private static void closeQuietly(DesiredStateSource source) {
        if (source instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(Session.class).debug("closing {} failed", source.describe(), e);
            }
        }
    }
}
