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
        footer = {"", "Start here:  java -jar samples/target/gitops4j.jar demo", "",
            "Exit codes:",
            "  0  success; plan/diff: no changes",
            "  1  error (bad arguments, unreachable source or target, a step that failed or would fail, not healthy",
            "     in time); diff --exit-code: differences",
            "  2  plan, diff: changes pending (terraform plan -detailed-exitcode)",
            "Durations: 30s, 5m, 1h30m, 500ms or ISO-8601 PT30S.",
            "-o json prints one JSON document on stdout, errors too: {\"error\": {\"message\": ...}}."})
public final class Gitops4jCli implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show engine logs and the stack trace of errors on stderr.")
    boolean verbose;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "Never colour the output (colour is on only at a terminal without NO_COLOR).")
    boolean noColor;

    private final CliEnvironment environment;
    private final PhaseTimes timing;

    /** Creates the root command on the process's environment. */
    public Gitops4jCli() {
        this(CliEnvironment.system());
    }

    /**
     * Creates the root command on a given environment.
     *
     * @param environment the variables and terminal the commands see
     */
    public Gitops4jCli(CliEnvironment environment) {
        this.environment = java.util.Objects.requireNonNull(environment, "environment is null");
        this.timing = new PhaseTimes(System.nanoTime(), environment.variable(PhaseTimes.VARIABLE).isPresent());
    }

    /**
     * Returns the environment the commands see.
     *
     * @return the environment
     */
    CliEnvironment environment() {
        return environment;
    }

    /**
     * Returns the clock of this command's phases ({@code GITOPS4J_TIMING}).
     *
     * @return the phase clock
     */
    PhaseTimes timing() {
        return timing;
    }

    /**
     * Tells whether to write ANSI colours: at a terminal, without {@code NO_COLOR} or {@code --no-color}.
     *
     * @return {@code true} to colour
     */
    boolean colour() {
        return environment.colour() && !noColor;
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
        return commandLine(CliEnvironment.system());
    }

    /**
     * Returns the configured command line on a given environment.
     *
     * @param environment the variables and terminal the commands see
     * @return a new command line
     */
    public static CommandLine commandLine(CliEnvironment environment) {
        return commandLine(environment, Subcommands.ALL);
    }

    /**
     * Returns a command line for one set of arguments: with only the subcommand they name (building a command's
     * model is most of picocli's start-up), or all of them when they name none.
     *
     * @param environment the variables and terminal the commands see
     * @param args the arguments it will execute
     * @return a new command line
     */
    public static CommandLine commandLine(CliEnvironment environment, String... args) {
        return commandLine(environment, Subcommands.needed(args));
    }

    private static CommandLine commandLine(CliEnvironment environment, List<Class<?>> subcommands) {
        ErrorReporter errors = new ErrorReporter();
        CommandLine commandLine = new CommandLine(new Gitops4jCli(environment));
        for (Class<?> subcommand : subcommands) {
            commandLine.addSubcommand(subcommand);
        }
        return commandLine.registerConverter(java.time.Duration.class, new DurationConverter())
                .setCaseInsensitiveEnumValuesAllowed(true)
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
        CommandLine commandLine = commandLine(CliEnvironment.system(), args);
        PhaseTimes timing = ((Gitops4jCli) commandLine.getCommand()).timing();
        timing.mark("commands");
        int exit = commandLine.execute(args);
        timing.print(commandLine.getErr());
        commandLine.getOut().flush();
        QuickExit.endSelectorThreads();
        System.exit(exit);
    }
}
