package io.gitops4j.samples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gitops4j.inventory.RunRecord;
import io.gitops4j.model.Revision;
import java.util.List;
import java.util.Locale;

/** Renders run records as a table for people and as a JSON array for scripts ({@code history}, {@code status}). */
final class RunRecordText {
    private static final String ROW = "%-4s %-20s %-14s %-9s %-12s %-20s %s";

    private RunRecordText() {
    }

    static String table(List<RunRecord> records, String indent) {
        StringBuilder text = new StringBuilder(indent).append(String.format(Locale.ROOT, ROW, "#", "FINISHED",
                "REVISION", "OUTCOME", "HEALTH", "BY", "APPLIED/PRUNED/FAILED  ERROR").stripTrailing()).append('\n');
        for (RunRecord r : records) {
            String counts = r.applied() + "/" + r.pruned() + "/" + r.failed();
            text.append(indent).append(String.format(Locale.ROOT, ROW, r.sequence(),
                    r.finished().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), r.revision()
                            .map(Revision::shortId).orElse("-"),
                    r.outcome(), r.health(), r.runBy().isEmpty() ? "-" : r.runBy(),
                    String.format(Locale.ROOT, "%-21s  %s", counts, r.error())).stripTrailing()).append('\n');
        }
        return text.toString();
    }

    static ArrayNode json(List<RunRecord> records) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (RunRecord r : records) {
            array.addObject().put("number", r.sequence()).put("started", r.started().toString())
                    .put("finished", r.finished().toString())
                    .put("revision", r.revision().map(Revision::id).orElse(""))
                    .put("digest", r.revision().map(Revision::digest).orElse(""))
                    .put("outcome", r.outcome().name()).put("health", r.health().name()).put("runBy", r.runBy())
                    .put("applied", r.applied()).put("pruned", r.pruned()).put("failed", r.failed())
                    .put("rollbackPoint", r.rollbackPoint()).put("error", r.error());
        }
        return array;
    }
}
