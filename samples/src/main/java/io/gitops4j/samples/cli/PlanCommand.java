package io.gitops4j.samples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.plan.PlanStep;
import io.gitops4j.samples.render.ChangeJson;
import io.gitops4j.samples.render.ChangeText;
import io.gitops4j.samples.render.ResultJson;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gitops4j plan}: what would change and what apply would fail on, written nowhere. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show what apply would change, in order, with field-level diffs and the body of every object "
            + "to create (secret values redacted), and every error apply would hit: resources that cannot be "
            + "prepared, objects owned by another application, refused prunes. Changes nothing.",
            "Exit code: 0 no changes, 2 changes pending, 1 error (like terraform plan -detailed-exitcode)."})
final class PlanCommand extends SessionCommand {
    @Mixin
    ChangeOptions change;

    @Override
    boolean loadsLatestFirst() {
        return true;
    }

    @Override
    public Integer call() {
        try (Session session = open()) {
            PlanPreview preview = session.preview(change.toOptions().build());
            if (app.json()) {
                out().println(ResultJson.text(withRenderer(json("plan", session.application(), preview, true),
                        preview)));
            } else {
                out().println("Revision " + preview.revision().shortId() + " of " + session.source().describe()
                        + " against " + session.target().description() + renderedBy(preview));
                out().println();
                out().print(ChangeText.plan(preview.plan(), preview.errors(), colours()));
            }
            out().flush();
            return preview.exitCode();
        }
    }

    /** Returns {@code ", rendered by NAME"} when a renderer produced the state, {@code ""} for plain manifests. */
    static String renderedBy(PlanPreview preview) {
        return preview.renderedBy().isEmpty() ? "" : ", rendered by " + preview.renderedBy();
    }

    /** Adds the renderer to a plan or diff document, when one produced the state. */
    static ObjectNode withRenderer(ObjectNode root, PlanPreview preview) {
        if (!preview.renderedBy().isEmpty()) {
            root.put("renderer", preview.renderedBy());
        }
        return root;
    }

    /** The plan or diff document of the shared vocabulary; {@code steps} keeps unchanged resources out. */
    static ObjectNode json(String command, String application, PlanPreview preview, boolean inOrder) {
        ObjectNode root = ChangeJson.document(command, application, Optional.of(preview.revision()));
        ChangeJson.summary(root, preview.plan());
        ArrayNode resources = root.putArray("resources");
        for (PlanStep step : inOrder ? preview.plan().steps() : PlanSteps.byKey(preview.plan())) {
            if (step.diff().hasChanges()) {
                resources.add(ChangeJson.resource(step.diff()));
            }
        }
        root.set("errors", ChangeJson.errors(preview.errors()));
        ChangeJson.error(root, preview.errors().stream().findFirst().map(e -> e.line()));
        return root;
    }
}
