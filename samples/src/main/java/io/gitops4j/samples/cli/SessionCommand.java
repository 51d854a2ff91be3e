package io.gitops4j.samples.cli;

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
        return Session.open(app, source, target, ProgressDisplay.forConsole(err()));
    }
}
