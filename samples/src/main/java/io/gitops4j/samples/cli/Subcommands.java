package io.gitops4j.samples.cli;

import java.util.List;
import picocli.CommandLine.Command;

/**
 * The tool's subcommands, and which of them a command line needs: building picocli's model of a command reads all
 * its options and mixins by reflection, so a run that names its subcommand builds only that one (about a tenth of
 * the work); a command line that names none, or one picocli would have to interpret first (an {@code @file} of
 * arguments), gets them all, as do the root's usage and its "did you mean" suggestions. Stateless.
 */
final class Subcommands {
    /** Every subcommand, in the order the usage lists them. */
    static final List<Class<?>> ALL = List.of(DemoCommand.class, PlanCommand.class, DiffCommand.class,
            ApplyCommand.class, WatchCommand.class, HistoryCommand.class, StatusCommand.class, RollbackCommand.class,
            EmbeddedApiCommand.class, TrainingRunCommand.class);

    private Subcommands() {
    }

    /**
     * Returns the subcommands a command line needs: the one it names (by name or alias), else all. The root's options
     * take no parameter, so the first argument that is not an option names the subcommand.
     *
     * @param args the command line
     * @return the subcommand classes to register
     */
    static List<Class<?>> needed(String... args) {
        for (String arg : args) {
            if (arg.startsWith("@")) {
                return ALL;
            }
            if (!arg.startsWith("-")) {
                return ALL.stream().filter(command -> names(command).contains(arg)).findFirst()
                        .<List<Class<?>>>map(List::of).orElse(ALL);
            }
        }
        return ALL;
    }

    private static List<String> names(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        return annotation == null ? List.of() : java.util.stream.Stream.concat(java.util.stream.Stream.of(
                annotation.name()), java.util.Arrays.stream(annotation.aliases())).toList();
    }
}
