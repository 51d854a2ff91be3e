package io.gitops4j.samples.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gitops4j.inventory.RunRecord;
import io.gitops4j.samples.render.ResultJson;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gitops4j history}: the runs of an application recorded on its target, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"List the runs of an application recorded on its target (in the cluster, beside the "
            + "inventory), newest first; numbers are for rollback --to.", "Exit code: 0 success, 1 error."})
final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ApplicationOptions app;

    @Mixin
    TargetOptions target;

    @Override
    public Integer call() {
        try (OpenTarget open = target.open(((Gitops4jCli) spec.root().userObject()).environment())) {
            List<RunRecord> records = open.target().historyStore().list(app.application);
            var out = spec.commandLine().getOut();
            if (app.json()) {
                out.println(ResultJson.text(JsonNodeFactory.instance.objectNode().put("application", app.application)
                        .set("runs", RunRecordText.json(records))));
            } else if (records.isEmpty()) {
                out.println("No runs of " + app.application + " recorded on " + open.description() + " yet.");
            } else {
                out.print(RunRecordText.table(records, ""));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
