package io.gitops4j.samples.cli;

import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.StepResult;
import io.gitops4j.samples.render.HealthText;
import io.gitops4j.samples.render.ResultJson;
import io.gitops4j.samples.render.ResultText;
import java.io.PrintWriter;

/** Prints a reconcile run for {@code apply} and {@code rollback}, records it, and picks the exit code. */
final class RunReport {

    private RunReport() {
    }

    static int report(String command, ReconcileResult result, ApplicationOptions app, boolean waited,
            PrintWriter out, PrintWriter err) {
        if (result.outcome() != ReconcileResult.Outcome.DRY_RUN && result.revision().isPresent()) {
            app.history().append(HistoryRecord.of(command, result));
        }
        if (app.json()) {
            out.println(ResultJson.text(ResultJson.of(result)));
        } else {
            out.print(result.plan().toText());
            out.println();
            out.print(ResultText.render(result, ""));
            if (!result.health().isEmpty()) {
                out.println();
                out.println("Health" + (waited ? "" : " (not waited for; pass --wait)") + ":");
                out.print(HealthText.render(result.health(), "  "));
            }
        }
        out.flush();
        if (!result.succeeded()) {
            err.println("error: " + result.error().orElseGet(() -> failure(result.failedSteps().get(0))));
            err.flush();
            return ExitCodes.ERROR;
        }
        if (waited && !result.healthy()) {
            err.println("error: not healthy in time: " + result.health().entrySet().stream()
                    .filter(e -> !e.getValue().isHealthy()).map(e -> e.getKey() + " " + e.getValue())
                    .findFirst().orElse(""));
            err.flush();
            return ExitCodes.ERROR;
        }
        return ExitCodes.OK;
    }

    /** A failed step as one line that names its resource once (target errors already start with the key). */
    private static String failure(StepResult step) {
        String key = step.key().toString();
        return step.message().startsWith(key + ": ") ? step.message() : key + ": " + step.message();
    }
}
