package io.gitops4j.samples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.samples.render.ResultJson;
import picocli.CommandLine.Command;

/** {@code gitops4j plan}: what would change, written nowhere; exit 0 in sync, 2 changes pending, 1 error. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show what apply would change, in order, with field-level diffs; changes nothing.",
            "Exit code: 0 in sync, 2 changes pending, 1 error (like terraform plan -detailed-exitcode)."})
final class PlanCommand extends SessionCommand {

    @Override
    public Integer call() throws Exception {
        try (Session session = open()) {
            PlanPreview preview = session.preview();
            if (app.json()) {
                ObjectNode root = new ObjectMapper().createObjectNode();
                root.put("application", session.application());
                root.putObject("revision").put("id", preview.revision().id())
                        .put("digest", preview.revision().digest());
                root.put("inSync", !preview.plan().hasChanges());
                root.set("plan", new ObjectMapper().readTree(preview.plan().toJson()));
                out().println(ResultJson.text(root));
            } else {
                out().println("Revision " + preview.revision().shortId() + " of " + session.source().describe()
                        + " against " + session.target().description());
                out().println();
                out().print(preview.plan().toText());
            }
            out().flush();
            return preview.plan().hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
        }
    }
}
