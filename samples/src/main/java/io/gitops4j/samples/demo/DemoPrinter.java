package io.gitops4j.samples.demo;

import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.samples.render.HealthText;
import io.gitops4j.samples.render.ResultText;
import java.io.PrintWriter;

/** Prints the demo's steps for people: headings, plan, diff, result and health, indented. Not thread-safe. */
final class DemoPrinter {
    private static final String INDENT = "    ";

    private final PrintWriter out;

    DemoPrinter(PrintWriter out) {
        this.out = out;
    }

    void banner(String source, String target, boolean simulated) {
        out.println("gitops4j demo: Git -> plan -> apply -> health, then change, drift and rollback");
        out.println("  source: " + source);
        out.println("  target: " + target);
        if (simulated) {
            out.println("  note:   the embedded API runs no controllers; a SIMULATED Deployment controller in this"
                    + " process marks rollouts available (no pods run)");
        }
        out.flush();
    }

    void heading(int number, int total, String title) {
        out.println();
        out.println("=== Step " + number + " of " + total + ": " + title + " ===");
    }

    void line(String text) {
        out.println("  " + text);
    }

    void section(String title, String body) {
        out.println("  --- " + title);
        out.print(indent(body));
    }

    void reconciled(ReconcileResult result) {
        section("Plan, with the field-level diff of each step (secret values redacted)", result.plan().toText());
        section("Result", ResultText.render(result, ""));
    }

    void health(DemoStep step, boolean simulated, boolean printNotes) {
        section("Health" + (simulated ? " (Deployment status from the SIMULATED controller)" : ""),
                HealthText.render(step.health(), ""));
        if (printNotes) {
            for (String note : step.notes()) {
                line("* " + note);
            }
        }
        out.flush();
    }

    private static String indent(String text) {
        StringBuilder indented = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                indented.append(INDENT).append(line);
            }
            indented.append('\n');
        }
        String result = indented.toString();
        return result.endsWith("\n\n") ? result.substring(0, result.length() - 1) : result;
    }
}
