package io.gitops4j.samples.render;

import static java.util.Objects.requireNonNull;

import io.gitops4j.reconcile.HookResult;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.StepResult;
import java.util.Locale;

/**
 * Renders what a reconcile run did: one outcome line, one line per step, one line per hook, and the run-level error
 * if any.
 */
public final class ResultText {

    private ResultText() {
    }

    /**
     * Renders a result.
     *
     * @param result the run's result
     * @param indent the prefix of every line
     * @return text with {@code \n} line ends; never contains resource bodies or secret values
     */
    public static String render(ReconcileResult result, String indent) {
        requireNonNull(result, "result is null");
        StringBuilder text = new StringBuilder();
        text.append(indent).append(result.outcome()).append(" revision ")
                .append(result.revision().map(r -> r.shortId()).orElse("(none)"))
                .append(" in ").append(String.format(Locale.ROOT, "%.2f s", result.duration().toMillis() / 1000.0))
                .append(" (").append(count(result, StepResult.Status.APPLIED)).append(" applied, ")
                .append(count(result, StepResult.Status.UNCHANGED)).append(" unchanged, ")
                .append(count(result, StepResult.Status.DELETED)).append(" deleted, ")
                .append(count(result, StepResult.Status.SKIPPED)).append(" skipped, ")
                .append(count(result, StepResult.Status.FAILED)).append(" failed)\n");
        for (StepResult step : result.steps()) {
            text.append(indent).append("  ").append(String.format(Locale.ROOT, "%-9s %-6s %s", step.status(),
                    step.action(), step.key()));
            if (!step.message().isEmpty()) {
                text.append("  (").append(step.message()).append(')');
            }
            text.append('\n');
        }
        for (HookResult hook : result.hooks()) {
            text.append(indent).append("  hook ").append(String.format(Locale.ROOT, "%-9s %-10s %s", hook.status(),
                    hook.phase(), hook.key()));
            if (!hook.name().isEmpty()) {
                text.append(" as ").append(hook.name());
            }
            if (!hook.message().isEmpty()) {
                text.append("  (").append(hook.message()).append(')');
            }
            text.append('\n');
        }
        result.error().ifPresent(error -> text.append(indent).append("error: ").append(error).append('\n'));
        return text.toString();
    }

    private static long count(ReconcileResult result, StepResult.Status status) {
        return result.steps().stream().filter(s -> s.status() == status).count();
    }
}
