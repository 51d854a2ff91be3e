package io.gitops4j.samples.cli;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * What the tool reads from its surroundings, given once so tests can set it: environment variables
 * ({@code KUBECONFIG}, {@code NO_COLOR}, {@code HOME}) and whether a terminal is attached.
 *
 * @param variables the environment variables
 * @param terminal whether a person is watching: progress and colour are only for a terminal
 */
public record CliEnvironment(Map<String, String> variables, boolean terminal) {

    /** Validates and copies. */
    public CliEnvironment {
        variables = Map.copyOf(requireNonNull(variables, "variables is null"));
    }

    /**
     * Returns the process's environment.
     *
     * @return {@link System#getenv()}, a terminal when {@link System#console()} is not null
     */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), System.console() != null);
    }

    /**
     * Returns a variable.
     *
     * @param name the variable's name
     * @return its value, empty when unset or blank
     */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }

    /**
     * Tells whether output may be coloured: at a terminal, without a non-empty {@code NO_COLOR} (no-color.org).
     *
     * @return {@code true} when ANSI colours may be written
     */
    public boolean colour() {
        return terminal && variable("NO_COLOR").isEmpty();
    }
}
