package io.gitops4j.samples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.diff.DiffFormatter;
import io.gitops4j.diff.StateDiff;
import io.gitops4j.samples.render.PlanDiffs;
import io.gitops4j.samples.render.ResultJson;
import picocli.CommandLine.Command;

/** {@code gitops4j diff}: field-level differences between desired and live, secret values redacted. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show field-level differences between the desired and the live state (secret values "
            + "redacted); changes nothing.", "Exit code: 0 no differences, 2 differences, 1 error."})
final class DiffCommand extends SessionCommand {

    @Override
    public Integer call() {
        try (Session session = open()) {
            PlanPreview preview = session.preview();
            StateDiff diff = PlanDiffs.of(preview.plan());
            if (app.json()) {
                ObjectNode root = DiffFormatter.defaults().json(diff);
                root.put("revision", preview.revision().id());
                out().println(ResultJson.text(root));
            } else {
                out().print(DiffFormatter.defaults().text(diff));
            }
            out().flush();
            return diff.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
        }
    }
}
