package io.gitops4j.samples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.StepResult;
import io.gitops4j.samples.render.ChangeJson;
import io.gitops4j.samples.render.ChangeText;
import io.gitops4j.samples.render.Colours;
import io.gitops4j.samples.render.HealthText;
import io.gitops4j.samples.render.PlanError;
import io.gitops4j.samples.render.ResultJson;
import io.gitops4j.samples.render.ResultText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prints a reconcile run for {@code apply} and {@code rollback}, picks the exit code (the engine records the run on
 * the target); {@code apply} shows created objects' bodies only at a terminal. The last line
 * of the text agrees with the exit code: {@code Applied ...}, {@code In sync ...} or {@code Dry run ...} only with
 * exit 0, {@code Failed: ...} with exit 1 (and the same error on stderr).
 */
final class RunReport {

    private RunReport() {
    }

    /**
     * Prints a run and returns its exit code. With {@code createBodies} off ({@code apply} whose output is not a
     * terminal) a created object is listed by its step line only, not its whole body; {@code plan}, {@code diff} and
     * {@code rollback} show bodies.
     */
    static int report(String command, ReconcileResult result, ApplicationOptions app, boolean waited,
            PrintWriter out, PrintWriter err, Colours colours, boolean createBodies) {
        List<PlanError> errors = errors(result, waited);
        Optional<String> failure = errors.stream().findFirst().map(PlanError::line);
        if (app.json()) {
            out.println(ResultJson.text(json(command, result, errors, failure)));
        } else {
            if (result.revision().isPresent()) {
                out.print(ChangeText.steps(result.plan(), colours, createBodies));
                out.println();
            }
            out.print(ResultText.render(result, ""));
            if (!result.health().isEmpty()) {
                out.println();
                out.println("Health" + (waited ? "" : " (not waited for; pass --wait)") + ":");
                out.print(HealthText.render(result.health(), "  "));
            }
            out.println(failure.map(message -> colours.red("Failed: " + message)).orElseGet(() -> done(result)));
        }
        out.flush();
        if (failure.isPresent()) {
            if (!app.json()) {
                err.println("error: " + failure.get());
                err.flush();
            }
            return ExitCodes.ERROR;
        }
        return ExitCodes.OK;
    }

    private static List<PlanError> errors(ReconcileResult result, boolean waited) {
        List<PlanError> errors = new ArrayList<>();
        if (!result.succeeded()) {
            result.error().ifPresent(message -> errors.add(PlanError.ofRun(PlanCheck.inCliWords(message))));
            for (StepResult step : result.failedSteps()) {
                errors.add(new PlanError(step.key().toString(), step.action().name(), step.message()));
            }
            if (errors.isEmpty()) {
                errors.add(PlanError.ofRun("the run " + result.outcome()));
            }
        } else if (waited && !result.healthy()) {
            result.health().entrySet().stream().filter(e -> !e.getValue().isHealthy()).forEach(e -> errors.add(
                    new PlanError(e.getKey().toString(), "", "not healthy in time: " + e.getValue())));
        }
        return errors;
    }

    private static String done(ReconcileResult result) {
        String revision = result.revision().map(r -> r.shortId()).orElse("(none)");
        switch (result.outcome()) {
            case DRY_RUN:
                return "Dry run of revision " + revision + " passed; nothing was stored.";
            case CONVERGED:
                return "In sync at revision " + revision + ".";
            default:
                return "Applied revision " + revision + ".";
        }
    }

    private static ObjectNode json(String command, ReconcileResult result, List<PlanError> errors,
            Optional<String> failure) {
        ObjectNode root = ChangeJson.document(command, result.application(), result.revision());
        root.put("outcome", result.outcome().name()).put("succeeded", failure.isEmpty());
        ChangeJson.summary(root, result.plan());
        ArrayNode resources = root.putArray("resources");
        for (StepResult step : result.steps()) {
            ObjectNode node = result.plan().steps().stream().filter(s -> s.key().equals(step.key())).findFirst()
                    .map(s -> ChangeJson.resource(s.diff()))
                    .orElseGet(() -> resources.objectNode().put("key", step.key().toString())
                            .put("action", step.action().name()));
            resources.add(node.put("status", step.status().name()).put("message", step.message()));
        }
        root.set("errors", ChangeJson.errors(errors));
        root.set("health", ResultJson.health(result.health()));
        root.put("durationMillis", result.duration().toMillis());
        ChangeJson.error(root, failure);
        return root;
    }
}
