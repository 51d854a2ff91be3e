package io.gitops4j.samples.cli;

import io.gitops4j.diff.StateDiff;
import io.gitops4j.samples.render.ChangeText;
import io.gitops4j.samples.render.PlanDiffs;
import io.gitops4j.samples.render.ResultJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gitops4j diff}: field-level differences between desired and live, secret values redacted. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show field-level differences between the desired and the live state (secret values "
            + "redacted), and every error apply would hit; changes nothing.",
            "Exit code: 0 no differences, 2 differences, 1 error; with --exit-code as kubectl diff: 0 no "
            + "differences, 1 differences, 3 error."})
final class DiffCommand extends SessionCommand {
    @Mixin
    ChangeOptions change;

    @Option(names = "--exit-code", description = "Exit as kubectl diff does: 1 when there are differences, 3 on an "
            + "error.")
    boolean kubectlExitCode;

    @Override
    boolean loadsLatestFirst() {
        return true;
    }

    @Override
    public Integer call() {
        try (Session session = open()) {
            PlanPreview preview = session.preview(change.toOptions().build());
            StateDiff diff = PlanDiffs.of(preview.plan());
            if (app.json()) {
                out().println(ResultJson.text(PlanCommand.withRenderer(
                        PlanCommand.json("diff", session.application(), preview, false), preview)));
            } else {
                String renderedBy = PlanCommand.renderedBy(preview);
                if (!renderedBy.isEmpty()) {
                    err().println("# " + renderedBy.substring(2));
                }
                out().print(ChangeText.diff(diff, preview.errors(), colours()));
            }
            out().flush();
            if (preview.failed()) {
                return errorExitCode();
            }
            if (!diff.hasChanges()) {
                return ExitCodes.OK;
            }
            return kubectlExitCode ? ExitCodes.ERROR : ExitCodes.CHANGES;
        }
    }

    /** The exit code of an error: 1, or 3 with {@code --exit-code}. */
    int errorExitCode() {
        return kubectlExitCode ? ExitCodes.DIFF_ERROR : ExitCodes.ERROR;
    }
}
