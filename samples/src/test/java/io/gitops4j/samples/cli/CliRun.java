package io.gitops4j.samples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** One execution of the tool in-process, with what it printed. */
record CliRun(int exitCode, String out, String err) {
    /** No terminal, no variables: what a script or CI sees. */
    static final CliEnvironment SCRIPT = new CliEnvironment(Map.of(), false);

    static CliRun of(String... args) {
        return in(SCRIPT, args);
    }

    static CliRun in(CliEnvironment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Gitops4jCli.commandLine(environment, args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** Returns the last line printed on stdout. */
    String lastLine() {
        String[] lines = out.strip().split("\\R");
        return lines[lines.length - 1];
    }
}
