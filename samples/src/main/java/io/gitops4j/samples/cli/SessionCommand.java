package io.gitops4j.samples.cli;

import io.gitops4j.reconcile.ReconcileListener;
import io.gitops4j.samples.render.Colours;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on one application: a source, a target and output options. */
abstract class SessionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ApplicationOptions app;

    @Mixin
    SourceOptions source;

    @Mixin
    TargetOptions target;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Session open() {
        PhaseTimes timing = timing();
        timing.mark("parsed");
        Session session = Session.open(app, source, target, environment(), ReconcileListener.of(timing,
                environment().terminal() && !app.json() ? new ProgressDisplay(err()) : ReconcileListener.NOOP),
                loadsLatestFirst());
        timing.mark("opened");
        return session;
    }

    /**
     * Tells whether this command's run starts by loading the source's latest state (apply, plan, diff): then that
     * load starts while the target opens. A command that loads an older revision, or loads later, says no.
     *
     * @return {@code false} unless a command says otherwise
     */
    boolean loadsLatestFirst() {
        return false;
    }

    /** Returns the clock of this command's phases, printed by {@link PhaseTimes#print} when asked for. */
    PhaseTimes timing() {
        return root().timing();
    }

    CliEnvironment environment() {
        return root().environment();
    }

    /** Returns the colours of this run: ANSI at a terminal without NO_COLOR or --no-color, else none. */
    Colours colours() {
        return root().colour() && !app.json() ? Colours.ANSI : Colours.NONE;
    }

    private Gitops4jCli root() {
        return (Gitops4jCli) spec.root().userObject();
    }
}
