package io.gitops4j.samples.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code gitops4j} command: {@code java -jar gitops4j.jar <command>}. Human text on stdout by default,
 * {@code -o json} for one JSON document, progress on stderr only at a terminal, errors as one line on stderr
 * ({@code --verbose} adds the stack trace). Exit codes are in {@link ExitCodes}.
 */
@Command(name = "gitops4j", mixinStandardHelpOptions = true, version = "gitops4j 0.1.0-SNAPSHOT",
        description = "GitOps as a library, from the command line: reconcile a Git repository or a folder into "
                + "Kubernetes (or a folder).",
        subcommands = {DemoCommand.class, PlanCommand.class, DiffCommand.class, ApplyCommand.class,
            WatchCommand.class, HistoryCommand.class, StatusCommand.class, RollbackCommand.class,
            EmbeddedApiCommand.class},
        footer = {"", "Start here:  java -jar samples/target/gitops4j.jar demo",
            "Exit codes:  0 success / in sync, 2 changes pending (plan, diff), 1 error."})
public final class Gitops4jCli implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show engine logs and the stack trace of errors on stderr.")
    boolean verbose;

    /** Creates the root command (picocli instantiates it). */
    public Gitops4jCli() {
    }

    /**
     * Prints the usage: a command is required.
     *
     * @return {@link ExitCodes#ERROR}
     */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.ERROR;
    }

    /**
     * Returns the configured command line: error handlers, case-insensitive enum values. Tests call
     * {@code commandLine().execute(args)} with their own {@code setOut}/{@code setErr} writers.
     *
     * @return a new command line
     */
    public static CommandLine commandLine() {
        ErrorReporter errors = new ErrorReporter();
        return new CommandLine(new Gitops4jCli()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors).setParameterExceptionHandler(errors);
    }

    /**
     * Runs the tool and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (ErrorReporter.verbose(List.of(args))) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        System.exit(commandLine().execute(args));
    }
}
