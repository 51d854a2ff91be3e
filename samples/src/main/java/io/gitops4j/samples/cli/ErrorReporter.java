package io.gitops4j.samples.cli;

import io.gitops4j.samples.render.ChangeJson;
import io.gitops4j.samples.render.ResultJson;
import io.gitops4j.TargetException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one line on stderr and exit code 1: {@code error: <what, where, what to do>}; with
 * {@code -o json}, into {@code {"error": {"message": ..., "type": ...}}} on stdout instead. The messages
 * of gitops4j exceptions already name the file (manifests) or the resource (targets); with {@code --verbose} the
 * stack trace follows. Stateless.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        int code = commandLine.getCommand() instanceof DiffCommand diff ? diff.errorExitCode() : ExitCodes.ERROR;
        if (json(parseResult.originalArgs())) {
            printJson(commandLine, ex);
            return code;
        }
        PrintWriter err = commandLine.getErr();
        err.println("error: " + oneLine(ex));
        if (verbose(parseResult.originalArgs())) {
            ex.printStackTrace(err);
        } else {
            err.println("(run with --verbose for the stack trace)");
        }
        err.flush();
        return code;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        if (json(List.of(args))) {
            printJson(commandLine, ex);
            return ExitCodes.ERROR;
        }
        PrintWriter err = commandLine.getErr();
        err.println("error: " + oneLine(ex));
        err.println("try: " + commandLine.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return ExitCodes.ERROR;
    }

    /**
     * Returns an exception's message on one line, prefixed with the resource key a target exception names when
     * the message does not already contain it.
     */
    static String oneLine(Throwable ex) {
        String message = ex.getMessage() == null || ex.getMessage().isBlank() ? ex.getClass().getSimpleName()
                : ex.getMessage();
        if (ex instanceof TargetException target && target.key().isPresent()
                && !message.contains(target.key().get().toString())) {
            message = target.key().get() + ": " + message;
        }
        if (!(ex instanceof io.gitops4j.GitOpsException) && !(ex instanceof ParameterException)) {
            message = ex.getClass().getSimpleName() + ": " + message;
        }
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static void printJson(CommandLine commandLine, Exception ex) {
        PrintWriter out = commandLine.getOut();
        out.println(ResultJson.text(ChangeJson.failure(oneLine(ex), ex.getClass().getSimpleName())));
        out.flush();
    }

    /** Tells whether the command line asks for JSON output: {@code -o json}, {@code --output=json}, ... */
    static boolean json(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i).toLowerCase(java.util.Locale.ROOT);
            if (arg.equals("-ojson") || arg.equals("--output=json") || arg.equals("-o=json")
                    || ((arg.equals("-o") || arg.equals("--output")) && i + 1 < args.size()
                    && args.get(i + 1).equalsIgnoreCase("json"))) {
                return true;
            }
        }
        return false;
    }

    static boolean verbose(List<String> args) {
        return args.contains("--verbose") || args.contains("-v");
    }
}
