package io.gitops4j.samples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gitops4j.samples.render.ResultJson;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gitops4j history}: the apply and rollback runs of an application, oldest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the apply and rollback runs of an application, oldest first (numbers for rollback --to).")
final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ApplicationOptions app;

    @Override
    public Integer call() {
        List<HistoryRecord> records = app.history().read(app.application);
        var out = spec.commandLine().getOut();
        if (app.json()) {
            ObjectMapper json = new ObjectMapper();
            ArrayNode array = json.createArrayNode();
            for (int i = 0; i < records.size(); i++) {
                HistoryRecord r = records.get(i);
                array.addObject().put("number", i + 1).put("time", r.time().toString()).put("command", r.command())
                        .put("revision", r.revision()).put("digest", r.digest()).put("outcome", r.outcome())
                        .put("summary", r.summary()).put("error", r.error());
            }
            out.println(ResultJson.text(json.createObjectNode().put("application", app.application)
                    .set("runs", array)));
        } else if (records.isEmpty()) {
            out.println("No runs of " + app.application + " in " + app.history().file() + " yet.");
        } else {
            out.println(String.format(Locale.ROOT, "%-3s %-24s %-8s %-8s %-9s %s", "#", "TIME", "COMMAND",
                    "REVISION", "OUTCOME", "SUMMARY"));
            for (int i = 0; i < records.size(); i++) {
                HistoryRecord r = records.get(i);
                out.println(String.format(Locale.ROOT, "%-3d %-24s %-8s %-8s %-9s %s", i + 1, r.time(), r.command(),
                        r.revision().length() > 7 ? r.revision().substring(0, 7) : r.revision(), r.outcome(),
                        r.error().isEmpty() ? r.summary() : r.error()));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
